"""The stanza backend, with a tiny Persian NER model trained offline by the fixture.

The session fixture writes about fifty template sentences in BIO format, builds a
16-dimensional word2vec pretrain with gensim, and trains stanza's NER tagger for 80
steps on one CPU thread (about 4 s): enough to learn the templates' names.
"""

from __future__ import annotations

import os
import random
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from arfa.errors import BackendUnavailableError, ModelLoadError, ModelNotFoundError, UnsupportedLanguageError
from arfa.models import Label, Token
from arfa.normalize import normalize
from arfa.recognize.base import Recognizer, Segment

pytest.importorskip("stanza")
pytest.importorskip("gensim")
pytestmark = pytest.mark.model

from arfa.recognize.stanza_ner import LABEL_MAP, StanzaRecognizer  # noqa: E402

PERSONS = ["علی رضایی", "محمد احمدی", "حسن روحانی", "مریم کریمی"]
PLACES = ["تهران", "مشهد", "شیراز", "اصفهان", "تبریز"]
ORGS = ["سازمان ملل", "بانک مرکزی", "وزارت خارجه"]
TEMPLATES = [
    "{P} در {L} گفت .",
    "{P} امروز در {L} با {O} دیدار کرد .",
    "{O} در {L} اعلام کرد .",
    "سخنگوی {O} در {L} گفت .",
    "{P} به {L} رفت .",
    "{P} دَر {L} سخنرانی کرد .",  # a diacritic, so normalized offsets differ from original ones
]
SLOTS = {"{P}": (PERSONS, "PER"), "{L}": (PLACES, "LOC"), "{O}": (ORGS, "ORG")}


def _sentences(n: int = 54) -> list[list[tuple[str, str]]]:
    rnd = random.Random(7)
    out = []
    for i in range(n):
        sent: list[tuple[str, str]] = []
        for word in TEMPLATES[i % len(TEMPLATES)].split():
            if word in SLOTS:
                names, label = SLOTS[word]
                parts = rnd.choice(names).split()
                sent += [(p, ("B-" if j == 0 else "I-") + label) for j, p in enumerate(parts)]
            else:
                sent.append((word, "O"))
        out.append(sent)
    return out


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Train a tiny stanza NER model; returns the model, the pretrain and a resources dir."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    root = tmp_path_factory.mktemp("stanza_ner")
    sents = _sentences()
    bio = root / "train.bio"
    bio.write_text("".join("\n".join(f"{w}\t{t}" for w, t in s) + "\n\n" for s in sents), encoding="utf-8")
    vectors = Word2Vec(
        [[w for w, _ in s] for s in sents], vector_size=16, min_count=1, epochs=5, seed=1, workers=1
    )
    vectors.wv.save_word2vec_format(str(root / "vec.txt"), binary=False)
    pretrain = root / "pretrain.pt"
    Pretrain(str(pretrain), str(root / "vec.txt")).load()
    process_dataset(str(bio), str(root / "train.json"))
    cmd = [
        sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
        "--train_file", str(root / "train.json"), "--eval_file", str(root / "train.json"),
        "--wordvec_pretrain_file", str(pretrain), "--shorthand", "fa_tiny",
        "--save_dir", str(root), "--save_name", "ner.pt", "--cpu", "--scheme", "bio",
        "--hidden_dim", "32", "--char_hidden_dim", "16", "--char_emb_dim", "8", "--word_emb_dim", "16",
        "--max_steps", "80", "--eval_interval", "40", "--batch_size", "8",
        "--optim", "adam", "--lr", "0.01", "--dropout", "0.1", "--word_dropout", "0", "--seed", "1",
    ]  # fmt: skip
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}  # tiny model: one thread is fastest
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    model = root / "ner.pt"
    assert done.returncode == 0 and model.is_file(), done.stderr[-3000:]

    # The same files in the layout stanza.download() leaves, with a minimal resources.json.
    res = root / "resources"
    (res / "fa" / "ner").mkdir(parents=True)
    (res / "fa" / "pretrain").mkdir(parents=True)
    (res / "fa" / "ner" / "tiny.pt").write_bytes(model.read_bytes())
    (res / "fa" / "pretrain" / "tiny.pt").write_bytes(pretrain.read_bytes())
    (res / "resources.json").write_text(
        '{"fa": {"lang_name": "Persian", "packages": {"default": {"tokenize": "tiny", "ner": "tiny"}},'
        ' "tokenize": {"tiny": {}}, "pretrain": {"tiny": {}},'
        ' "ner": {"tiny": {"dependencies": [{"model": "pretrain", "package": "tiny"}]}}}}',
        encoding="utf-8",
    )
    return {"model": model, "pretrain": pretrain, "resources": res}


@pytest.fixture(scope="session")
def recognizer(tiny_model: dict[str, Path]) -> StanzaRecognizer:
    return StanzaRecognizer("fa", ner_model_path=tiny_model["model"], pretrain_path=tiny_model["pretrain"])


def _tokens(text: str) -> list[Token]:
    return [Token(start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(r"\S+", text)]


def _segment(text: str, lang: str = "fa") -> Segment:
    """A segment with plain-pattern tokens and no tokenizer sentences (the fallback rule splits)."""
    return Segment(text, 0, normalize(text), tuple(_tokens(text)), (), lang)


def _found(rec: StanzaRecognizer, text: str) -> list[tuple[str, Label, tuple[int, int]]]:
    doc = normalize(text)
    out = []
    for c in rec(_segment(text)):
        assert c.source == "stanza" and c.priority == 0
        start, end = doc.span_to_orig(c.start, c.end)
        out.append((text[start:end], c.label, (start, end)))
    return out


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args[1:]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_protocol(recognizer: StanzaRecognizer) -> None:
    assert isinstance(recognizer, Recognizer)
    assert recognizer.name == "stanza" and recognizer.langs == frozenset({"ar", "fa"})


def test_tags_training_like_sentences_with_original_offsets(recognizer: StanzaRecognizer) -> None:
    text = "مریم کریمی دَر شیراز سخنرانی کرد .\nعلی رضایی امروز در تبریز با بانک مرکزی دیدار کرد"
    found = _found(recognizer, text)
    city = text.index("شیراز")
    assert ("شیراز", Label.LOC, (city, city + len("شیراز"))) in found
    assert normalize(text).orig_to_norm(city) == city - 1  # the fatha is folded away
    assert ("مریم کریمی", Label.PER, (0, len("مریم کریمی"))) in found
    bank = text.index("بانک مرکزی")
    assert ("بانک مرکزی", Label.ORG, (bank, bank + len("بانک مرکزی"))) in found
    assert ("تبریز", Label.LOC, (text.index("تبریز"), text.index("تبریز") + 5)) in found


def test_empty_input(recognizer: StanzaRecognizer) -> None:
    assert recognizer(_segment("")) == []
    assert recognizer(_segment("  \n ")) == []


def test_resources_directory_without_network(tiny_model: dict[str, Path], no_network: None) -> None:
    rec = StanzaRecognizer("fa", tiny_model["resources"])
    labels = {label for _, label, _ in _found(rec, "محمد احمدی به مشهد رفت .")}
    assert labels == {Label.PER, Label.LOC}


def test_env_var_points_at_resources(
    tiny_model: dict[str, Path], monkeypatch: pytest.MonkeyPatch, no_network: None
) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tiny_model["resources"]))
    assert StanzaRecognizer("fa").model_dir == tiny_model["resources"]


def test_explicit_paths_without_network(tiny_model: dict[str, Path], no_network: None) -> None:
    rec = StanzaRecognizer("fa", ner_model_path=tiny_model["model"], pretrain_path=tiny_model["pretrain"])
    assert rec.model_dir is None and rec.ner_model_path == tiny_model["model"]
    text = "مریم کریمی دَر شیراز سخنرانی کرد ."
    city = text.index("شیراز")
    assert ("شیراز", Label.LOC, (city, city + len("شیراز"))) in _found(rec, text)


def test_empty_resources_dir(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=re.escape(str(tmp_path))) as info:
        StanzaRecognizer("fa", tmp_path)
    assert "stanza.download('fa'" in str(info.value) and "ner_model_path=" in str(info.value)


def test_resources_without_language(tiny_model: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "resources.json").write_text(
        (tiny_model["resources"] / "resources.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(ModelNotFoundError, match="no 'ner' entry for 'ar'"):
        StanzaRecognizer("ar", tmp_path)
    with pytest.raises(ModelNotFoundError, match=re.escape(str(tmp_path / "fa" / "ner"))):
        StanzaRecognizer("fa", tmp_path)


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=re.escape(str(tmp_path / "nope.pt"))):
        StanzaRecognizer("fa", ner_model_path=tmp_path / "nope.pt")


def test_garbage_model_file(tiny_model: dict[str, Path], tmp_path: Path) -> None:
    garbage = tmp_path / "ner.pt"
    garbage.write_bytes(b"this is not a torch checkpoint\x00\x01")
    with pytest.raises(ModelLoadError, match=re.escape(str(garbage))):
        StanzaRecognizer("fa", ner_model_path=garbage, pretrain_path=tiny_model["pretrain"])


def test_truncated_model_in_resources_dir(tiny_model: dict[str, Path], tmp_path: Path) -> None:
    res = tmp_path / "res"
    for path in tiny_model["resources"].rglob("*"):
        if path.is_file():
            target = res / path.relative_to(tiny_model["resources"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    model = res / "fa" / "ner" / "tiny.pt"
    model.write_bytes(model.read_bytes()[:200])
    with pytest.raises(ModelLoadError, match=re.escape(str(res))):
        StanzaRecognizer("fa", res)


def test_stanza_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(BackendUnavailableError, match=r"arfa\[stanza\]"):
        StanzaRecognizer("fa", tmp_path)


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError):
        StanzaRecognizer("de")


@pytest.mark.parametrize(
    ("stanza_type", "label"),
    [("PER", Label.PER), ("PERSON", Label.PER), ("PERS", Label.PER), ("ORG", Label.ORG),
     ("ORGANIZATION", Label.ORG), ("LOC", Label.LOC), ("GPE", Label.LOC), ("FAC", Label.LOC),
     ("MISC", None), ("EVENT", None), ("PRO", None)],
)  # fmt: skip
def test_label_map(stanza_type: str, label: Label | None) -> None:
    assert LABEL_MAP.get(stanza_type.upper()) == label
