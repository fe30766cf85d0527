"""arfa: named entities in Arabic and Persian news, linked to canonical entities.

Examples:
    >>> import arfa
    >>> doc = arfa.extract("التقى الأمين العام لمنظمة معاهدة الأمن الجماعي في موسكو", lang="ar")
    >>> [(e.text, e.label.value, e.canonical) for e in doc.entities]
    [('منظمة معاهدة الأمن الجماعي', 'ORG', 'Collective Security Treaty Organization'), ('موسكو', 'LOC', 'Moscow')]
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "ArfaError",
    "BackendUnavailableError",
    "Document",
    "Entity",
    "InputError",
    "InputFormatError",
    "KnowledgeBaseError",
    "Label",
    "ModelLoadError",
    "ModelNotFoundError",
    "Pipeline",
    "PipelineConfigError",
    "Sentence",
    "Token",
    "UnsupportedLanguageError",
    "__version__",
    "extract",
    "normalize",
    "render",
    "to_pandas",
]

# Public name -> module that defines it; imported on first access so that
# ``import arfa`` stays fast (pydantic v2 does the same with ``_dynamic_imports``).
_EXPORTS = {
    "Document": "arfa.models",
    "Entity": "arfa.models",
    "Label": "arfa.models",
    "Sentence": "arfa.models",
    "Token": "arfa.models",
    "Pipeline": "arfa.pipeline",
    "extract": "arfa.pipeline",
    "normalize": "arfa.normalize",
    "to_pandas": "arfa.frame",
    "render": "arfa.display",
    "ArfaError": "arfa.errors",
    "BackendUnavailableError": "arfa.errors",
    "InputError": "arfa.errors",
    "InputFormatError": "arfa.errors",
    "KnowledgeBaseError": "arfa.errors",
    "ModelLoadError": "arfa.errors",
    "ModelNotFoundError": "arfa.errors",
    "PipelineConfigError": "arfa.errors",
    "UnsupportedLanguageError": "arfa.errors",
}

if TYPE_CHECKING:
    from arfa.display import render
    from arfa.errors import (
        ArfaError,
        BackendUnavailableError,
        InputError,
        InputFormatError,
        KnowledgeBaseError,
        ModelLoadError,
        ModelNotFoundError,
        PipelineConfigError,
        UnsupportedLanguageError,
    )
    from arfa.frame import to_pandas
    from arfa.models import Document, Entity, Label, Sentence, Token
    from arfa.normalize import normalize
    from arfa.pipeline import Pipeline, extract


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'arfa' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
