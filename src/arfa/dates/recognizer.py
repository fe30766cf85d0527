"""The DATE recognizer: :class:`DateRecognizer`, behind the :class:`~arfa.recognize.base.Recognizer` protocol."""

from __future__ import annotations

import logging

from arfa.dates.grammar import find_dates
from arfa.dates.resolve import resolve
from arfa.models import Label
from arfa.recognize.base import Candidate, Segment

__all__ = ["DateRecognizer"]

logger = logging.getLogger(__name__)


class DateRecognizer:
    """Finds DATE mentions and gives each its ISO 8601 value.

    Spans are in normalized coordinates (map them back with
    :meth:`~arfa.normalize.NormalizedText.span_to_orig`); ``value`` follows
    ANNOTATION.md and ``calendar`` keeps the calendar the date was written in.

    Examples:
        >>> from arfa.recognize.base import Segment
        >>> seg = Segment.from_text("عُقد في 10 يوليو 2019 في فيينا", "ar")
        >>> [c] = DateRecognizer("ar")(seg)
        >>> seg.text[slice(*seg.norm.span_to_orig(c.start, c.end))], c.value, c.calendar
        ('10 يوليو 2019', '2019-07-10', 'gregorian')
        >>> [(c.value, c.calendar) for c in DateRecognizer("fa")(Segment.from_text("۲۵ مهر ۱۴۰۰", "fa"))]
        [('2021-10-17', 'persian')]
    """

    name = "dates"
    langs = frozenset({"ar", "fa"})
    priority = 5

    def __init__(self, lang: str) -> None:
        if lang not in self.langs:
            raise ValueError(f"DateRecognizer supports {sorted(self.langs)}, not {lang!r}")
        self.lang = lang

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Propose a DATE candidate for each date expression in ``segment.norm``.

        The grammar reads the folded text itself, since a date's words (``10 يوليو 2019``,
        ``بداية العام``) cross the token boundaries a tokenizer draws around clitics.
        """
        doc = segment.norm
        out: list[Candidate] = []
        for match in find_dates(doc.text, self.lang):
            try:
                value = resolve(match.expr, segment.doc_date)
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
