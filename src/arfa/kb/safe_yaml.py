"""Reading knowledge-base YAML with bounds, so a hostile file cannot exhaust memory.

``yaml.CSafeLoader`` builds no objects, but YAML aliases share nodes: a 400-byte
"billion laughs" file (nine anchors, each a list of nine aliases of the previous
one) loads into a structure that expands to 9^9 values as soon as anything walks
it (validation, an error message's ``repr``). Before any value is built,
:func:`load_yaml_list` checks the file's size, and reads its YAML events (which
expand nothing) to bound the nesting depth and the number of values the document
would have with every alias expanded.

Examples:
    >>> load_yaml_list("kb.yaml", "- id: org/x\\n  label: ORG\\n  name: X\\n")
    [{'id': 'org/x', 'label': 'ORG', 'name': 'X'}]
    >>> load_yaml_list("kb.yaml", "- &a [1, 2]\\n- *a\\n")
    [[1, 2], [1, 2]]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from arfa.errors import KnowledgeBaseError

__all__ = ["MAX_CHARS", "MAX_DEPTH", "MAX_VALUES", "describe", "load_yaml_list"]

#: The largest knowledge-base file read (characters); the shipped files total 1.1 MB.
MAX_CHARS = 64 * 1024 * 1024
#: The deepest nesting of lists and mappings (an entity needs 3).
MAX_DEPTH = 32
#: The most values (scalars, lists, mappings) a file may have with its aliases expanded.
MAX_VALUES = 5_000_000


def load_yaml_list(origin: str, text: str) -> list[Any]:
    """The YAML list in ``text``, or ``[]`` for an empty file.

    Args:
        origin: the file's name, for error messages.
        text: the file's content.

    Raises:
        KnowledgeBaseError: naming ``origin``: not YAML, not a list, too large, too
            deep, or aliases that expand past :data:`MAX_VALUES`. No message shows
            a value of the file.
    """
    import yaml

    if len(text) > MAX_CHARS:
        raise KnowledgeBaseError(f"{origin}: file too large ({len(text):,} characters; at most {MAX_CHARS:,})")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if "*" in text or loader is yaml.SafeLoader:  # no '*', no alias; libyaml caps depth at 1000
            _check_events(origin, yaml.parse(text, Loader=loader))
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{origin}: not valid YAML: {_short(exc)}") from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits; deep nesting
        raise KnowledgeBaseError(f"{origin}: a YAML value cannot be read: {_short(exc)}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise KnowledgeBaseError(f"{origin}: a knowledge-base file is a YAML list of entities")
    return data


def _check_events(origin: str, events: Any) -> None:
    """Bound depth and expanded size from the event stream (nothing is expanded)."""
    import yaml

    sizes: dict[str, int] = {}  # anchor -> values in the anchored node, aliases expanded
    open_sizes: list[int] = []  # per open list/mapping: values so far
    open_anchors: list[str | None] = []
    total = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            if len(open_sizes) >= MAX_DEPTH:
                raise KnowledgeBaseError(f"{origin}: nested deeper than {MAX_DEPTH} levels")
            open_sizes.append(1)
            open_anchors.append(event.anchor)
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size, anchor = open_sizes.pop(), open_anchors.pop()
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        elif isinstance(event, yaml.AliasEvent):
            size, anchor = sizes.get(event.anchor or "", 1), None
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        if open_sizes:
            open_sizes[-1] += size
            size = open_sizes[-1]
        else:
            total += size
            size = total
        if size > MAX_VALUES:
            raise KnowledgeBaseError(
                f"{origin}: YAML aliases expand to more than {MAX_VALUES:,} values "
                "(a 'billion laughs' file?); write the values out instead"
            )


def _short(exc: BaseException) -> str:
    """An exception's message, cut so that it never carries a whole document."""
    message = str(exc)
    return message if len(message) <= 500 else message[:500] + "..."


def describe(value: object) -> str:
    """A short, safe description of a value for an error message (never expands it).

    Examples:
        >>> describe("org/x")
        "'org/x'"
        >>> describe([[1, 2]] * 3)
        'a list'
    """
    if isinstance(value, str):
        return repr(value) if len(value) <= 80 else repr(value[:77] + "...")
    if value is None or isinstance(value, (bool, float)):
        return repr(value)
    if isinstance(value, int):  # str() of a 5,000-digit int raises ValueError
        return repr(value) if value.bit_length() <= 64 else "a large integer"
    return "a mapping" if isinstance(value, Mapping) else f"a {type(value).__name__}"
