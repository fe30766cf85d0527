"""arfa.lang.base: the language modules by code."""

from __future__ import annotations

import pytest

from arfa.errors import UnsupportedLanguageError
from arfa.lang import ar, fa, language


@pytest.mark.parametrize(("code", "module"), [("ar", ar), ("fa", fa)])
def test_language_is_the_module_every_time(code: str, module: object) -> None:
    assert language(code) is module
    assert language(code) is module  # from the table the first call filled


@pytest.mark.parametrize("code", ["en", "", "AR"])
def test_other_codes_raise_every_time(code: str) -> None:
    for _ in range(2):
        with pytest.raises(UnsupportedLanguageError):
            language(code)
