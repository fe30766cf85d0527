"""Language-specific tokenizers whose tokens and sentences carry original offsets."""

from __future__ import annotations

from arfa.tokenize.base import Tokenized, Tokenizer, align, get_tokenizer

__all__ = ["Tokenized", "Tokenizer", "align", "get_tokenizer"]
