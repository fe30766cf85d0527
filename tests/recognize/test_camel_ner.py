"""The camel-tools backend, with a tiny BERT token classifier trained by the fixture.

The fixture writes a WordPiece vocabulary covering the test's words, builds a
two-layer, 32-wide ``BertForTokenClassification`` with camel-tools' nine labels,
fits it to a few template sentences (under a second on one thread) and saves it with
its tokenizer in the layout of camel-tools' ``data/ner/arabert`` directory.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.models import Label, Token
from arfa.normalize import normalize
from arfa.recognize.base import Recognizer, Segment
from arfa.recognize.camel_ner import CAMEL_NER_SUBDIR, CamelRecognizer, decode_iob, find_model_dir

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
PERSONS = ["فلاديمير بوتين", "بان كي مون", "محمد علي"]
PLACES = ["موسكو", "بغداد", "القاهرة"]  # القاهرة is two word pieces: القا ##هرة
ORGS = ["الأمم المتحدة", "منظمة الصحة"]
TEMPLATES = [
    "{P} زَارَ {L} أمس .",
    "قال {P} في {L} إن {O} ستساعد .",
    "أعلنت {O} في {L} عن {M} .",
    "وصل {P} إلى {L} .",
]
SLOTS = {
    "{P}": (PERSONS, "PERS"),
    "{L}": (PLACES, "LOC"),
    "{O}": (ORGS, "ORG"),
    "{M}": (["كأس العالم"], "MISC"),
}


def _sentences() -> list[list[tuple[str, str]]]:
    out = []
    for i in range(24):
        sent: list[tuple[str, str]] = []
        for word in TEMPLATES[i % len(TEMPLATES)].split():
            if word in SLOTS:
                names, kind = SLOTS[word]
                parts = names[i % len(names)].split()
                sent += [(p, ("B-" if j == 0 else "I-") + kind) for j, p in enumerate(parts)]
            else:
                sent.append((word, "O"))
        out.append(sent)
    return out


@pytest.fixture(scope="session")
def camel_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A camel-tools data root holding a tiny trained model in ``data/ner/arabert``."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("camel_data")
    model_dir = root / CAMEL_NER_SUBDIR
    model_dir.mkdir(parents=True)
    sents = _sentences()
    words = sorted({w for s in sents for w, _ in s} - {"القاهرة"})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, "القا", "##هرة"]
    (model_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(model_dir / "vocab.txt"), do_lower_case=False)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=512,
        id2label=dict(enumerate(CAMEL_LABELS)), label2id={k: i for i, k in enumerate(CAMEL_LABELS)},
    )  # fmt: skip
    model = BertForTokenClassification(config)

    # Label the first piece of each word, as camel-tools does; ignore the others.
    batch_ids, batch_labels = [], []
    width = 2 + max(sum(len(tokenizer.tokenize(w)) for w, _ in s) for s in sents)
    for sent in sents:
        ids, labels = [tokenizer.cls_token_id], [-100]
        for word, tag in sent:
            pieces = tokenizer.convert_tokens_to_ids(tokenizer.tokenize(word))
            ids += pieces
            labels += [CAMEL_LABELS.index(tag)] + [-100] * (len(pieces) - 1)
        ids.append(tokenizer.sep_token_id)
        labels.append(-100)
        batch_ids.append(ids + [0] * (width - len(ids)))
        batch_labels.append(labels + [-100] * (width - len(labels)))
    input_ids = torch.tensor(batch_ids)
    mask = (input_ids != 0).long()
    labels_t = torch.tensor(batch_labels)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # far faster for a model this small, and on a busy machine
    try:
        for _ in range(60):
            optimizer.zero_grad()
            loss = model(input_ids=input_ids, attention_mask=mask, labels=labels_t).loss
            loss.backward()
            optimizer.step()
    finally:
        torch.set_num_threads(threads)
    final = float(loss.detach())
    assert final < 0.05, f"tiny model did not fit: loss {final:.3f}"
    model.save_pretrained(str(model_dir))
    tokenizer.save_pretrained(str(model_dir))
    return root


@pytest.fixture(scope="session")
def recognizer(camel_data: Path) -> CamelRecognizer:
    return CamelRecognizer("ar", camel_data)


def _tokens(text: str) -> list[Token]:
    return [Token(start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(r"\S+", text)]


def _segment(text: str, lang: str = "ar") -> Segment:
    """A segment with plain-pattern tokens and no tokenizer sentences (the fallback rule splits)."""
    return Segment(text, 0, normalize(text), tuple(_tokens(text)), (), lang)


def _found(rec: CamelRecognizer, text: str) -> list[tuple[str, Label, tuple[int, int]]]:
    doc = normalize(text)
    out = []
    for c in rec(_segment(text)):
        assert c.source == "camel" and c.priority == 0 and 0.0 < c.score <= 1.0
        start, end = doc.span_to_orig(c.start, c.end)
        out.append((text[start:end], c.label, (start, end)))
    return out


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_protocol(recognizer: CamelRecognizer) -> None:
    assert isinstance(recognizer, Recognizer)
    assert recognizer.name == "camel" and recognizer.langs == frozenset({"ar"})
    assert recognizer.labels == CAMEL_LABELS


def test_tags_training_like_sentences_with_original_offsets(recognizer: CamelRecognizer) -> None:
    text = "فلاديمير بوتين زَارَ القاهرة أمس .\nقال بان كي مون في بغداد إن الأمم المتحدة ستساعد ."
    found = _found(recognizer, text)
    assert ("فلاديمير بوتين", Label.PER, _span(text, "فلاديمير بوتين")) in found
    # a two-piece word after a word whose diacritics normalization drops
    assert normalize(text).orig_to_norm(text.index("القاهرة")) == text.index("القاهرة") - 2
    assert ("القاهرة", Label.LOC, _span(text, "القاهرة")) in found
    assert ("بان كي مون", Label.PER, _span(text, "بان كي مون")) in found
    assert ("بغداد", Label.LOC, _span(text, "بغداد")) in found
    assert ("الأمم المتحدة", Label.ORG, _span(text, "الأمم المتحدة")) in found


def test_misc_is_dropped(recognizer: CamelRecognizer) -> None:
    text = "أعلنت منظمة الصحة في موسكو عن كأس العالم ."
    labels, _ = recognizer.tag(text.split())
    assert labels[-3:-1] == ["B-MISC", "I-MISC"]
    assert {(t, label) for t, label, _ in _found(recognizer, text)} == {
        ("منظمة الصحة", Label.ORG),
        ("موسكو", Label.LOC),
    }


def test_long_sentence_is_segmented(recognizer: CamelRecognizer) -> None:
    # 254 pieces fill the first segment exactly; the sentence's end starts the second one
    words = ["أمس"] * 254 + ["وصل", "محمد", "علي", "إلى", "بغداد", "."]
    labels, probs = recognizer.tag(words)
    assert len(labels) == len(probs) == len(words)
    assert labels[-5:-1] == ["B-PERS", "I-PERS", "O", "B-LOC"]


def test_words_without_pieces_are_outside(recognizer: CamelRecognizer) -> None:
    labels, probs = recognizer.tag(["\u200f", "موسكو"])
    assert labels == ["O", "B-LOC"] and probs[0] == 1.0
    assert recognizer(_segment("")) == []


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PERS", "I-PERS", "O"], [(0, 2, Label.PER)]),
        (["I-LOC", "I-LOC"], [(0, 2, Label.LOC)]),
        (["B-LOC", "B-LOC"], [(0, 1, Label.LOC), (1, 2, Label.LOC)]),
        (["B-ORG", "I-LOC"], [(0, 1, Label.ORG), (1, 2, Label.LOC)]),
        (["B-MISC", "I-MISC", "B-PERS"], [(2, 3, Label.PER)]),
        (["O", "O"], []),
    ],
)
def test_decode_iob(tags: list[str], spans: list[tuple[int, int, Label]]) -> None:
    assert decode_iob(tags) == spans


def test_model_dir_layouts(camel_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_model_dir(camel_data) == camel_data / CAMEL_NER_SUBDIR
    assert find_model_dir(camel_data / CAMEL_NER_SUBDIR) == camel_data / CAMEL_NER_SUBDIR
    monkeypatch.setenv("CAMELTOOLS_DATA", str(camel_data))
    assert find_model_dir() == camel_data / CAMEL_NER_SUBDIR


def test_without_network(camel_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args[1:]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(camel_data))
    rec = CamelRecognizer()
    assert rec.model_path == camel_data / CAMEL_NER_SUBDIR


def test_empty_dir(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=re.escape(str(tmp_path))) as info:
        CamelRecognizer("ar", tmp_path)
    assert "camel_data -i ner-arabert" in str(info.value)


def test_env_dir_without_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    with pytest.raises(ModelNotFoundError, match=re.escape(str(tmp_path / CAMEL_NER_SUBDIR))):
        CamelRecognizer()


def test_garbage_weights(camel_data: Path, tmp_path: Path) -> None:
    source = camel_data / CAMEL_NER_SUBDIR
    for path in source.iterdir():
        data = path.read_bytes()
        if path.suffix in (".safetensors", ".bin"):
            data = b"\x00garbage" * 10
        (tmp_path / path.name).write_bytes(data)
    with pytest.raises(ModelLoadError, match=re.escape(str(tmp_path))):
        CamelRecognizer("ar", tmp_path)


def test_garbage_config(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match=re.escape(str(tmp_path))):
        CamelRecognizer("ar", tmp_path)


def test_transformers_missing(monkeypatch: pytest.MonkeyPatch, camel_data: Path) -> None:
    monkeypatch.setitem(sys.modules, "transformers", None)
    with pytest.raises(BackendUnavailableError, match=r"arfa\[camel\]"):
        CamelRecognizer("ar", camel_data)


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError):
        CamelRecognizer("fa")


def test_never_imports_camel_tools_ner(camel_data: Path, tmp_path: Path) -> None:
    """Neither ``import arfa``, the default pipeline nor this backend imports camel_tools.ner."""
    script = textwrap.dedent(
        f"""
        import sys
        import arfa
        from arfa.pipeline import Pipeline
        assert "camel_tools.ner" not in sys.modules
        Pipeline("ar")
        assert "camel_tools.ner" not in sys.modules, "default pipeline"
        from arfa.recognize.camel_ner import CamelRecognizer
        CamelRecognizer("ar", {str(camel_data)!r})
        bad = sorted(m for m in sys.modules if m.startswith(("camel_tools.ner", "camel_tools.data")))
        assert not bad, bad
        """
    )
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    env.pop("CAMELTOOLS_DATA", None)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (tmp_path / ".camel_tools").exists()
