"""Language data, defined once: letters, clitics, titles, cue words and word lists.

:mod:`arfa.lang.ar` and :mod:`arfa.lang.fa` provide the same names;
:func:`language` returns the one for a language code.
"""

from __future__ import annotations

from arfa.lang import ar, fa
from arfa.lang.base import SUPPORTED, Language, Reading, language

__all__ = ["SUPPORTED", "Language", "Reading", "ar", "fa", "language"]
