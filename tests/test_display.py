"""arfa.render: joined letters at span edges, legend, visible links and values, a real browser."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

import arfa
from arfa.display import render
from arfa.models import Document, Entity

ZWJ = "\u200d"


def _doc(text: str, start: int, end: int, label: str = "ORG", **fields: str) -> Document:
    return Document(text=text, lang="ar", entities=[
        Entity(start=start, end=end, text=text[start:end], label=label, **fields)])  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "start", "end", "before", "after"), [
    ("قالت للأمم المتحدة", 6, 18, True, False),   # proclitic ل joined to the entity
    ("وصل والقاهرة", 5, 12, True, False),         # و never joins forward, yet both sides are letters
    ("في فيينا اليوم", 3, 8, False, False),       # whole words: nothing added
    ("كتابهم", 0, 4, False, True),                # a suffix after the entity stays joined
    ("(القاهرة)", 1, 8, False, False),            # punctuation does not join
])
def test_zwj_only_where_an_edge_splits_a_word(text: str, start: int, end: int, before: bool, after: bool) -> None:
    html = render(_doc(text, start, end))
    assert (f"{ZWJ}<mark" in html) is before and (f'title="ORG: {text[start:end]}">{ZWJ}' in html) is before
    assert (f"</mark>{ZWJ}" in html) is after


def test_canonical_wikidata_and_value_are_visible() -> None:
    text = "قالت الأمم المتحدة يوم 3 مارس 2021"
    doc = Document(text=text, lang="ar", entities=[
        Entity(start=5, end=18, text=text[5:18], label="ORG", canonical="United Nations", wikidata="Q1065"),
        Entity(start=19, end=34, text=text[19:34], label="DATE", value="2021-03-03"),
    ])
    html = render(doc)
    assert '<a href="https://www.wikidata.org/wiki/Q1065"' in html
    assert ">United Nations <a" in html and ">2021-03-03</bdi>" in html


@pytest.mark.parametrize(("labels", "marked"), [(None, 2), (["LOC"], 1), ([], 0)])
def test_labels_choose_what_is_highlighted(labels: list[str] | None, marked: int) -> None:
    text = "منظمة شنغهاي في طشقند"
    doc = Document(text=text, lang="ar", entities=[
        Entity(start=0, end=12, text=text[:12], label="ORG"), Entity(start=16, end=21, text=text[16:], label="LOC")])
    html = render(doc, labels=labels)
    assert html.count('<mark class="arfa-ent"') == marked
    assert html.count("</mark>") == marked and text[:5] in html


def test_colors_override_and_legend() -> None:
    html = render(_doc("في طشقند", 3, 8, "LOC"), colors={"LOC": "#123456"})
    assert html.count("--c:#123456") == 2  # the legend chip and the entity
    assert "<b>PER</b> person" in html


def test_page_is_self_contained_and_escaped() -> None:
    page = render([_doc("<b> في فيينا", 7, 12, "LOC")], page=True)
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert "&lt;b&gt;" in page and "<b> " not in page
    assert not any(tag in page for tag in ("<script", "<link", " src="))


def test_repr_html_and_public_name() -> None:
    doc = _doc("في طشقند", 3, 8, "LOC")
    assert arfa.render is render and doc._repr_html_() == render(doc)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_page_renders_in_headless_chromium(tmp_path: Path, nlp: arfa.Pipeline) -> None:
    """Screenshot of Arabic and Persian; docs/display.md says what to look for in it."""
    docs = [nlp("قالت للأمم المتحدة إن الوفد وصل إلى طشقند يوم 3 مارس 2021.", id="ar", doc_date="2021-03-01"),
            nlp("سازمان ملل متحد در ژنو نشستی برگزار کرد.", id="fa")]
    page = tmp_path / "page.html"
    page.write_text(render(docs, page=True), encoding="utf-8")
    shot = tmp_path / "page.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=900,400", f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    assert _png_size(shot) == (900, 400)
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    assert dom.count('class="arfa-ent"') == sum(len(d.entities) for d in docs) > 0
