"""The DATE recognizer: :class:`DateRecognizer`, behind the :class:`~arfa.recognize.base.Recognizer` protocol."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from arfa.dates.grammar import find_dates
from arfa.dates.resolve import resolve
from arfa.models import Label, Token
from arfa.normalize import NormalizedText
from arfa.recognize.base import Candidate

__all__ = ["DateRecognizer"]

logger = logging.getLogger(__name__)


class DateRecognizer:
    """Finds DATE mentions and gives each its ISO 8601 value.

    Spans are in normalized coordinates (map them back with
    :meth:`~arfa.normalize.NormalizedText.span_to_orig`); ``value`` follows
    ANNOTATION.md and ``calendar`` keeps the calendar the date was written in.

    Examples:
        >>> from arfa.normalize import normalize
        >>> doc = normalize("عُقد في 10 يوليو 2019 في فيينا")
        >>> [c] = DateRecognizer("ar")(doc, [])
        >>> doc.original[slice(*doc.span_to_orig(c.start, c.end))], c.value, c.calendar
        ('10 يوليو 2019', '2019-07-10', 'gregorian')
        >>> doc = normalize("۲۵ مهر ۱۴۰۰")
        >>> [(c.value, c.calendar) for c in DateRecognizer("fa")(doc, [])]
        [('2021-10-17', 'persian')]
    """

    name = "dates"
    langs = frozenset({"ar", "fa"})
    priority = 5

    def __init__(self, lang: str) -> None:
        if lang not in self.langs:
            raise ValueError(f"DateRecognizer supports {sorted(self.langs)}, not {lang!r}")
        self.lang = lang

    def __call__(
        self, doc: NormalizedText, tokens: Sequence[Token], *, doc_date: dt.date | None = None
    ) -> list[Candidate]:
        """Propose a DATE candidate for each date expression in ``doc.text``."""
        out: list[Candidate] = []
        for match in find_dates(doc.text, self.lang):
            try:
                value = resolve(match.expr, doc_date)
            except ValueError as err:  # 31 February, a backwards range ...
                logger.debug("dropping %r: %s", doc.text[match.start : match.end], err)
                continue
            out.append(
                Candidate(
                    start=match.start,
                    end=match.end,
                    label=Label.DATE,
                    source=self.name,
                    score=match.score,
                    priority=self.priority,
                    value=value,
                    calendar=match.expr.calendar,
                )
            )
        return out
