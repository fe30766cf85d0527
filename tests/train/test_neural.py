"""Training the BiLSTM-CRF: vocabularies, batching, the CRF layer, determinism, saved files."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("safetensors")

from arfa.recognize.neural_net import CRF, allowed_transitions  # noqa: E402
from arfa.train import main as train_main  # noqa: E402
from arfa.train.neural import DEFAULTS, LABELS, _batches, build_vocab, save_model, train_net  # noqa: E402

SENTENCES = [
    [("قال", "O"), ("بوتين", "B-PER"), ("في", "O"), ("موسكو", "B-LOC")],
    [("زار", "O"), ("منظمة", "B-ORG"), ("شنغهاي", "I-ORG"), ("موسكو", "O")],
    [("قال", "O"), ("لافروف", "B-PER"), ("في", "O"), ("2019", "O")],
]
TINY = dict(DEFAULTS, word_dim=6, char_dim=4, char_filters=4, lex_dim=2, hidden=6, max_epochs=2, batch_size=2)


def test_vocab_tables() -> None:
    vocab = build_vocab("ar", SENTENCES, [["بكين", "بكين", "موسكو"]], None, 100)
    words = list(vocab.words)
    assert words[:2] == ["<pad>", "<unk>"]
    # seen twice or more (unlabeled text counts), most frequent first, then in code-point order
    assert words[2:] == ["موسكو", "بكين", "في", "قال"]
    assert vocab.word_id("بوتين") == 1  # seen once: unknown
    assert vocab.word_id("والموسكو") == 2 == vocab.word_id("موسكو")  # an Arabic word falls back to its stem
    assert vocab.lex_tags == {} and vocab.labels == LABELS


def test_vocab_cap() -> None:
    assert len(build_vocab("ar", SENTENCES, [], None, 1).words) == 3


@pytest.mark.parametrize(("n", "size"), [(1, 4), (7, 3), (200, 32)])
def test_batches_cover_every_sentence_once(n: int, size: int) -> None:
    sizes = [random.Random(i).randint(1, 40) for i in range(n)]
    batches = _batches(sizes, size, random.Random(0))
    assert sorted(itertools.chain.from_iterable(batches)) == list(range(n))
    assert all(0 < len(b) <= size for b in batches)


@pytest.mark.parametrize(
    ("frm", "to", "allowed"),
    [("O", "I-PER", False), ("B-PER", "I-PER", True), ("I-PER", "I-PER", True), ("B-ORG", "I-PER", False),
     ("I-LOC", "B-PER", True), ("O", "B-LOC", True), ("I-ORG", "O", True)],
)
def test_iob2_transitions(frm: str, to: str, allowed: bool) -> None:
    trans, start = allowed_transitions(LABELS)
    assert bool(trans[LABELS.index(frm), LABELS.index(to)]) is allowed
    assert bool(start[LABELS.index(to)]) is not to.startswith("I-")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_crf_matches_brute_force(seed: int) -> None:
    """Likelihood, Viterbi path and marginals equal an enumeration of every path."""
    torch.manual_seed(seed)
    labels = ["O", "B-PER", "I-PER"]
    crf = CRF(labels)
    with torch.no_grad():
        for p in (crf.transitions, crf.start, crf.end):
            p.normal_()
    emissions = torch.randn(2, 4, 3)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.bool)
    tags = torch.tensor([[1, 2, 0, 1], [0, 1, 2, 0]])
    trans = crf.transitions + crf.trans_penalty
    start = crf.start + crf.start_penalty

    def path_score(b: int, path: tuple[int, ...]) -> torch.Tensor:
        s = start[path[0]] + emissions[b, 0, path[0]]
        for t in range(1, len(path)):
            s = s + trans[path[t - 1], path[t]] + emissions[b, t, path[t]]
        return s + crf.end[path[-1]]

    nll = torch.tensor(0.0)
    marginals = crf.marginals(emissions, mask)
    decoded = crf.decode(emissions, mask)
    for b, length in enumerate((4, 3)):
        paths = list(itertools.product(range(3), repeat=length))
        scores = torch.stack([path_score(b, p) for p in paths])
        log_z = torch.logsumexp(scores, 0)
        nll = nll + log_z - path_score(b, tuple(tags[b, :length].tolist()))
        assert decoded[b] == list(paths[int(scores.argmax())])
        expected = torch.zeros(length, 3)
        for path, prob in zip(paths, torch.exp(scores - log_z), strict=True):
            for t, j in enumerate(path):
                expected[t, j] += prob
        assert torch.allclose(marginals[b, :length], expected, atol=1e-5)
    assert float(crf.nll(emissions, tags, mask).detach()) == pytest.approx(float(nll.detach()), rel=1e-5)


def test_training_is_deterministic(tmp_path: Path) -> None:
    """Same seed, same data: the same weights bit for bit, and the same saved files."""
    vocab = build_vocab("ar", SENTENCES, [], None, 100)
    outs = []
    for i in range(2):
        net, log = train_net(vocab, SENTENCES, SENTENCES, None, vectors={"موسكو": [0.5] * 6}, seed=3,
                             settings=TINY)
        out = tmp_path / str(i) / "neural-ar.safetensors"
        save_model(net, vocab, out, None, {"training": {"best_epoch": log["best_epoch"]}})
        outs.append(out)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    meta = json.loads(outs[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["format"] == 1 and meta["lang"] == "ar" and meta["names"] is None
    assert meta["words"][:2] == ["<pad>", "<unk>"] and meta["net"]["hidden"] == 6


def test_pretrained_vectors_are_the_initial_embeddings() -> None:
    vocab = build_vocab("ar", SENTENCES, [], None, 100)
    net, _ = train_net(vocab, SENTENCES, SENTENCES, None, vectors={"موسكو": [0.5] * 6}, seed=0,
                       settings=dict(TINY, max_epochs=1, lr=0.0))
    assert net.words.weight[vocab.words["موسكو"]].tolist() == [0.5] * 6


def test_cli_dispatch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        train_main(["neural", "--help"])
    assert exc.value.code == 0
    assert "arfa train neural" in capsys.readouterr().out
