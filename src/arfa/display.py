"""HTML rendering of a :class:`~arfa.models.Document`: right-to-left, entities highlighted."""

from __future__ import annotations

from html import escape

from arfa.models import Document, Label

__all__ = ["COLORS", "render_html"]

COLORS = {Label.ORG: "#7aecec", Label.PER: "#aa9cfc", Label.LOC: "#ff9561", Label.DATE: "#bfe1d9"}


def render_html(doc: Document) -> str:
    """The document as an HTML fragment; hovering an entity shows its canonical name.

    Examples:
        >>> from arfa.models import Entity
        >>> doc = Document(text="في فيينا", lang="ar", entities=[
        ...     Entity(start=3, end=8, text="فيينا", label="LOC", canonical="Vienna")])
        >>> 'title="LOC: Vienna"' in render_html(doc)
        True
    """
    direction = "rtl" if doc.lang in ("ar", "fa") else "auto"
    parts: list[str] = [
        f'<div class="arfa-doc" dir="{direction}" lang="{escape(doc.lang)}" '
        'style="line-height:2.2;white-space:pre-wrap;font-size:1.05em">'
    ]
    pos = 0
    for e in doc.entities:
        parts.append(escape(doc.text[pos : e.start]))
        hover = e.canonical or e.value or e.text
        parts.append(
            f'<mark title="{escape(e.label.value)}: {escape(hover)}" '
            f'style="background:{COLORS[e.label]};padding:0.1em 0.3em;border-radius:0.3em">'
            f"{escape(e.text)}"
            f'<span dir="ltr" style="font-size:0.65em;font-weight:bold;margin:0 0.3em">'
            f"{escape(e.label.value)}</span></mark>"
        )
        pos = e.end
    parts.append(escape(doc.text[pos:]))
    parts.append("</div>")
    return "".join(parts)


def render_page(docs: list[Document]) -> str:
    """A standalone HTML page with every document."""
    body = "\n<hr>\n".join(
        f"<h3>{escape(d.id or '')}</h3>{render_html(d)}" for d in docs
    )
    return f'<!doctype html>\n<html><head><meta charset="utf-8"><title>arfa</title></head><body>\n{body}\n</body></html>\n'
