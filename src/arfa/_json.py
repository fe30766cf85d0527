"""JSON for text that holds surrogate code units, which UTF-8 cannot carry.

A Python ``str`` may hold a high surrogate followed by a low surrogate as two code
units (text decoded with ``surrogatepass``, or built from UTF-16 pieces). Escaped
as ``\\ud83d\\ude00``, any JSON reader joins them into one character (``😀``), so
the text, its length and every offset after it would change. When a line has such
a pair, :meth:`arfa.models.Document.to_json` marks it with
``"surrogates": "code_units"``, and :func:`loads_code_units` reads it back without
joining escapes. Standard readers still read the line (with the pair joined).
"""

from __future__ import annotations

import json
import json.scanner
import re
import string
from typing import Any

__all__ = ["CODE_UNITS_KEY", "CODE_UNITS_VALUE", "loads_code_units"]

CODE_UNITS_KEY = "surrogates"
CODE_UNITS_VALUE = "code_units"

# The characters of a JSON string up to its next quote, backslash or control character
# (an empty second group: the string is unterminated). It always matches, so a search
# never rescans a run: linear time (tests/test_regexes.py).
_STRING_CHUNK = re.compile(r'([^"\\\x00-\x1f]*)(["\\\x00-\x1f]?)')
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _scan_string(s: str, end: int, strict: bool = True) -> tuple[str, int]:
    """json's string scanner, except that ``\\uXXXX`` escapes are never joined into pairs."""
    chunks: list[str] = []
    begin = end - 1
    while True:
        m = _STRING_CHUNK.match(s, end)
        assert m is not None  # the pattern matches the empty string
        end = m.end()
        content, terminator = m.groups()
        if not terminator:
            raise json.JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(content)
        if terminator == '"':
            return "".join(chunks), end
        if terminator != "\\":
            if strict:
                raise json.JSONDecodeError(f"Invalid control character {terminator!r} at", s, end - 1)
            chunks.append(terminator)
            continue
        escape = s[end : end + 1]
        if escape == "u":
            digits = s[end + 1 : end + 5]
            if len(digits) != 4 or not all(c in string.hexdigits for c in digits):
                raise json.JSONDecodeError("Invalid \\uXXXX escape", s, end - 1)
            chunks.append(chr(int(digits, 16)))
            end += 5
        elif escape in _BACKSLASH:
            chunks.append(_BACKSLASH[escape])
            end += 1
        else:
            raise json.JSONDecodeError(f"Invalid \\escape: {escape!r}", s, end)


class _CodeUnitDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__()
        self.parse_string = _scan_string
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]


def loads_code_units(line: str) -> Any:
    """Parse ``line`` keeping every ``\\uXXXX`` escape as one code unit.

    Examples:
        >>> loads_code_units('{"text": "a\\\\ud83d\\\\ude00b"}')["text"] == "a\\ud83d\\ude00b"
        True
        >>> json.loads('{"text": "a\\\\ud83d\\\\ude00b"}')["text"]
        'a😀b'
    """
    return _CodeUnitDecoder().decode(line)
