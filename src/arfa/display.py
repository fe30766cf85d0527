"""HTML rendering of documents: right-to-left text, entities highlighted, a legend.

:func:`render` is the one function behind :meth:`arfa.Document._repr_html_` (Jupyter)
and the CLI's ``--format html`` page. Its options follow displaCy's: which labels to
show and their colours.

Arabic script joins letters within a word, and a word may begin with a proclitic that
is not part of the entity (``ل`` + ``لأمم المتحدة``). A highlight boundary inside the
word stops browsers from shaping across it, which shows a detached letter. Where an
entity edge falls between two joining letters, a zero-width joiner (U+200D) is placed
on both sides of the edge, so each side keeps its joined form. It is a display-only
character: offsets are those of the document, and the ZWJ is never in ``Entity.text``.

Each entity shows its label, and, visibly and not only on hover, its canonical name
(linked to Wikidata when the id is known) or the ISO value of a date.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from html import escape

from arfa.models import Document, Entity, Label

__all__ = ["COLORS", "render", "render_html", "render_page"]

COLORS: dict[str, str] = {"ORG": "#7aecec", "PER": "#c7b9ff", "LOC": "#ffb27a", "DATE": "#bfe1d9"}
_NAMES = {"ORG": "organization", "PER": "person", "LOC": "location", "DATE": "date"}
_ZWJ = "\u200d"

_CSS = """
.arfa { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Vazirmatn", Tahoma, "DejaVu Sans", sans-serif; }
.arfa-legend { direction: ltr; display: flex; flex-wrap: wrap; gap: .5em; margin: .5em 0 1em; font-size: .9em; }
.arfa-legend span { border-radius: .35em; padding: .15em .6em; background: var(--c); }
.arfa-doc { line-height: 2.6; white-space: pre-wrap; font-size: 1.15em; margin: 0 0 1.5em; }
.arfa-meta { direction: ltr; text-align: left; color: #555; font-size: .85em; margin: 0 0 .3em;
  font-family: system-ui, sans-serif; }
.arfa-ent { background: var(--c); border-radius: .35em; padding: .1em .3em; }
.arfa-label { font: bold .6em system-ui, sans-serif; margin: 0 .35em; vertical-align: middle; }
.arfa-info { font: .62em system-ui, sans-serif; color: #222; background: #ffffffb0; border-radius: .3em;
  padding: 0 .3em; vertical-align: middle; }
.arfa-info a { color: #0645ad; }
"""


def _joins(ch: str) -> bool:
    """An Arabic-script letter or mark: one that may join its neighbour."""
    return ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff") and (
        unicodedata.category(ch) in ("Lo", "Mn", "Lm")
    )


def _edge(text: str, i: int) -> bool:
    """Whether position ``i`` of ``text`` lies between two joining letters."""
    return 0 < i < len(text) and _joins(text[i - 1]) and _joins(text[i])


def _info(e: Entity) -> str:
    parts = []
    if e.canonical:
        name = escape(e.canonical)
        if e.wikidata:
            url = f"https://www.wikidata.org/wiki/{escape(e.wikidata)}"
            name += f' <a href="{url}" target="_blank" rel="noopener">{escape(e.wikidata)}</a>'
        parts.append(name)
    elif e.wikidata:
        parts.append(f'<a href="https://www.wikidata.org/wiki/{escape(e.wikidata)}">{escape(e.wikidata)}</a>')
    if e.value:
        parts.append(escape(e.value))
    if not parts:
        return ""
    return f'<bdi dir="ltr" class="arfa-info">{" · ".join(parts)}</bdi>'


def _document(doc: Document, labels: frozenset[str], colors: Mapping[str, str]) -> str:
    direction = "rtl" if doc.lang in ("ar", "fa") else "auto"
    text = doc.text
    out: list[str] = []
    meta = [x for x in (doc.id, doc.lang, doc.doc_date and doc.doc_date.isoformat()) if x]
    if meta:
        out.append(f'<div class="arfa-meta">{" · ".join(escape(str(x)) for x in meta)}</div>')
    out.append(f'<div class="arfa-doc" dir="{direction}" lang="{escape(doc.lang)}">')
    pos = 0
    for e in doc.entities:
        if e.label.value not in labels or e.start < pos:
            continue
        before, inner = escape(text[pos : e.start]), escape(e.text)
        if _edge(text, e.start):
            before, inner = before + _ZWJ, _ZWJ + inner
        if _edge(text, e.end):
            inner += _ZWJ
        hover = e.canonical or e.value or e.text
        color = colors.get(e.label.value, "#ddd")
        out.append(before)
        out.append(
            f'<mark class="arfa-ent" style="--c:{escape(color)}" title="{escape(e.label.value)}: {escape(hover)}">'
            f'{inner}<span class="arfa-label" dir="ltr">{escape(e.label.value)}</span>{_info(e)}</mark>'
        )
        pos = e.end
        if _edge(text, e.end):
            out.append(_ZWJ)
    out.append(escape(text[pos:]))
    out.append("</div>")
    return "".join(out)


def _legend(labels: Iterable[str], colors: Mapping[str, str]) -> str:
    chips = "".join(
        f'<span style="--c:{escape(colors.get(label, "#ddd"))}"><b>{escape(label)}</b> '
        f"{escape(_NAMES.get(label, ''))}</span>"
        for label in labels
    )
    return f'<div class="arfa-legend">{chips}</div>'


def render(
    docs: Document | Iterable[Document],
    *,
    labels: Iterable[str | Label] | None = None,
    colors: Mapping[str, str] | None = None,
    page: bool = False,
) -> str:
    """Documents as HTML: entities highlighted, with a legend.

    Args:
        docs: one document or several.
        labels: the labels to highlight (default: all four); other entities show as
            plain text.
        colors: CSS colours by label, overriding :data:`COLORS`.
        page: a complete, self-contained HTML page (styles inline, no external
            resources) instead of a fragment to embed.

    Returns:
        The HTML as a string.

    Examples:
        >>> doc = Document(text="قالت للأمم المتحدة", lang="ar", entities=[
        ...     Entity(start=6, end=18, text="لأمم المتحدة", label="ORG",
        ...            canonical="United Nations", wikidata="Q1065")])
        >>> html = render(doc)
        >>> "ل\\u200d<mark" in html and "\\u200dلأمم" in html   # the proclitic stays joined
        True
        >>> "wikidata.org/wiki/Q1065" in html and "United Nations" in html
        True
        >>> render(doc, page=True).startswith("<!doctype html>")
        True
    """
    shown = [Label(x).value for x in labels] if labels is not None else [x.value for x in Label]
    palette = {**COLORS, **(colors or {})}
    items = [docs] if isinstance(docs, Document) else list(docs)
    body = "\n".join(_document(d, frozenset(shown), palette) for d in items)
    fragment = f'<div class="arfa"><style>{_CSS}</style>{_legend(shown, palette)}\n{body}\n</div>'
    if not page:
        return fragment
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>arfa</title><style>body { max-width: 60em; margin: 2em auto; padding: 0 1em; }</style>"
        f"</head><body>\n{fragment}\n</body></html>\n"
    )


def render_html(doc: Document) -> str:
    """One document as an HTML fragment (``render(doc)``)."""
    return render(doc)


def render_page(docs: Iterable[Document]) -> str:
    """A self-contained HTML page of ``docs`` (``render(docs, page=True)``)."""
    return render(docs, page=True)
