"""Exceptions raised by arfa.

Every error arfa raises on purpose derives from :class:`ArfaError`, and each one
also derives from the built-in exception a caller would naturally catch::

    ArfaError
    ├── UnsupportedLanguageError (ValueError)
    ├── InputError (ValueError)
    │   └── InputFormatError          # a malformed JSONL line, a missing field
    ├── BackendUnavailableError (ImportError)
    ├── ModelNotFoundError (FileNotFoundError)
    ├── ModelLoadError                # a corrupt or truncated model file
    ├── KnowledgeBaseError (ValueError)
    └── PipelineConfigError (ValueError)

Non-``str`` text is rejected with the built-in :class:`TypeError`, as Python does.
"""

from __future__ import annotations

from collections.abc import Iterable


class ArfaError(Exception):
    """Base class of every error arfa raises on purpose."""


class UnsupportedLanguageError(ArfaError, ValueError):
    """A language code arfa does not support.

    Examples:
        >>> str(UnsupportedLanguageError("de", ["ar", "fa"]))
        "unsupported language 'de': arfa supports 'ar', 'fa' (or None to detect)"
    """

    def __init__(self, lang: object, supported: Iterable[str]) -> None:
        self.lang = lang
        self.supported = tuple(supported)
        listed = ", ".join(repr(code) for code in self.supported)
        super().__init__(f"unsupported language {lang!r}: arfa supports {listed} (or None to detect)")


class InputError(ArfaError, ValueError):
    """Input that arfa cannot read: an unreadable file, text that is not UTF-8."""


class InputFormatError(InputError):
    """A structured input (JSONL) that does not have the expected shape."""


class BackendUnavailableError(ArfaError, ImportError):
    """An optional backend whose Python package is not installed."""

    def __init__(self, backend: str, extra: str) -> None:
        self.backend = backend
        self.extra = extra
        super().__init__(
            f"the {backend!r} backend needs an optional dependency: pip install 'arfa[{extra}]'"
        )


class ModelNotFoundError(ArfaError, FileNotFoundError):
    """A model that is not where arfa looked for it."""

    def __init__(self, what: str, searched: str, fix: str) -> None:
        self.searched = searched
        super().__init__(f"{what} not found (searched {searched}). {fix}")


class ModelLoadError(ArfaError):
    """A model file that exists but cannot be loaded (corrupt, truncated, wrong format)."""


class KnowledgeBaseError(ArfaError, ValueError):
    """A knowledge-base file or entry that fails validation."""


class PipelineConfigError(ArfaError, ValueError):
    """A pipeline whose components do not fit together."""
