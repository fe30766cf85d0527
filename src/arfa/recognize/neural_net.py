"""The torch network of the ``neural`` recognizer: a character-CNN BiLSTM with a CRF on top.

This module imports torch at its top: only :mod:`arfa.recognize.neural` (after checking
that torch is installed) and :mod:`arfa.train.neural` import it.

Each word is the concatenation of a word embedding (pretrained with Word2Vec at
training time, then fine-tuned), a max-pooled character CNN over its folded letters,
and a small embedding of its name-list match tag (``g1=PER``, ``g=B-ORG``: the
knowledge base and name lists as evidence, see :mod:`arfa.recognize.crf_lexicon`).
A bidirectional LSTM reads the sentence; a linear layer scores the IOB2 labels, and a
linear-chain CRF (:class:`CRF`) scores label transitions. Transitions that IOB2 forbids
(``O`` → ``I-X``, ``B-X`` → ``I-Y``) are masked out in training and decoding alike.

Examples:
    >>> import torch
    >>> _ = torch.manual_seed(0)
    >>> crf = CRF(["O", "B-PER", "I-PER"])
    >>> emissions = torch.tensor([[[0.0, 2.0, 0.0], [0.0, 0.0, 3.0], [1.0, 0.0, 0.0]]])
    >>> crf.decode(emissions, torch.ones(1, 3, dtype=torch.bool))
    [[1, 2, 0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import Tensor, nn

__all__ = ["CRF", "NetConfig", "Tagger", "allowed_transitions", "pad_batch"]

_FORBIDDEN = -10_000.0


def allowed_transitions(labels: Sequence[str]) -> tuple[Tensor, Tensor]:
    """IOB2 constraints: a ``(T, T)`` mask of allowed ``from → to`` moves, and a ``(T,)`` mask of allowed starts.

    Examples:
        >>> trans, start = allowed_transitions(["O", "B-PER", "I-PER"])
        >>> trans.int().tolist(), start.int().tolist()
        ([[1, 1, 0], [1, 1, 1], [1, 1, 1]], [1, 1, 0])
    """
    n = len(labels)
    trans = torch.ones(n, n, dtype=torch.bool)
    start = torch.ones(n, dtype=torch.bool)
    for j, to in enumerate(labels):
        if not to.startswith("I-"):
            continue
        start[j] = False
        for i, frm in enumerate(labels):
            if frm[2:] != to[2:] or frm == "O":
                trans[i, j] = False
    return trans, start


class CRF(nn.Module):
    """A linear-chain CRF over emission scores, batched with a mask of real positions.

    Args:
        labels: the label names, index order (IOB2 constraints are read from them).
    """

    def __init__(self, labels: Sequence[str]) -> None:
        super().__init__()
        n = len(labels)
        self.transitions = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        trans_ok, start_ok = allowed_transitions(labels)
        self.trans_penalty: Tensor
        self.start_penalty: Tensor
        self.register_buffer("trans_penalty", torch.where(trans_ok, 0.0, _FORBIDDEN), persistent=False)
        self.register_buffer("start_penalty", torch.where(start_ok, 0.0, _FORBIDDEN), persistent=False)

    def _trans(self) -> Tensor:
        return self.transitions + self.trans_penalty

    def _start(self) -> Tensor:
        return self.start + self.start_penalty

    def _alphas(self, emissions: Tensor, mask: Tensor) -> list[Tensor]:
        """Forward log-scores at each position (positions past a sentence's end repeat its last)."""
        trans = self._trans()
        score = self._start() + emissions[:, 0]
        out = [score]
        for t in range(1, emissions.size(1)):
            nxt = torch.logsumexp(score.unsqueeze(2) + trans.unsqueeze(0), dim=1) + emissions[:, t]
            score = torch.where(mask[:, t].unsqueeze(1), nxt, score)
            out.append(score)
        return out

    def nll(self, emissions: Tensor, tags: Tensor, mask: Tensor) -> Tensor:
        """Summed negative log-likelihood of the gold ``tags`` (``(B, L)``) over the batch."""
        trans = self._trans()
        lengths = mask.sum(1)
        batch = torch.arange(emissions.size(0))
        gold = self._start()[tags[:, 0]] + emissions[batch, 0, tags[:, 0]]
        for t in range(1, emissions.size(1)):
            step = trans[tags[:, t - 1], tags[:, t]] + emissions[batch, t, tags[:, t]]
            gold = gold + step * mask[:, t]
        gold = gold + self.end[tags[batch, lengths - 1]]
        log_z = torch.logsumexp(self._alphas(emissions, mask)[-1] + self.end, dim=1)
        return (log_z - gold).sum()

    def decode(self, emissions: Tensor, mask: Tensor) -> list[list[int]]:
        """The Viterbi label indices of each sentence (its real positions only)."""
        trans = self._trans()
        score = self._start() + emissions[:, 0]
        backpointers: list[Tensor] = []
        for t in range(1, emissions.size(1)):
            best, idx = (score.unsqueeze(2) + trans.unsqueeze(0)).max(dim=1)
            nxt = best + emissions[:, t]
            score = torch.where(mask[:, t].unsqueeze(1), nxt, score)
            backpointers.append(idx)
        score = score + self.end
        lengths = mask.sum(1).tolist()
        paths: list[list[int]] = []
        for b, length in enumerate(lengths):
            last = int(score[b].argmax())
            path = [last]
            for t in range(int(length) - 1, 0, -1):
                last = int(backpointers[t - 1][b, last])
                path.append(last)
            paths.append(path[::-1])
        return paths

    def marginals(self, emissions: Tensor, mask: Tensor) -> Tensor:
        """``(B, L, T)`` posterior probability of each label at each position (forward-backward)."""
        trans = self._trans()
        alphas = torch.stack(self._alphas(emissions, mask), dim=1)
        length = emissions.size(1)
        beta = self.end.expand(emissions.size(0), -1)
        betas = [beta]
        for t in range(length - 1, 0, -1):
            prev = torch.logsumexp(trans.unsqueeze(0) + (emissions[:, t] + beta).unsqueeze(1), dim=2)
            # past a sentence's end the backward score is the end score of its last word
            beta = torch.where(mask[:, t].unsqueeze(1), prev, beta)
            betas.append(beta)
        betas_t = torch.stack(betas[::-1], dim=1)
        log_z = torch.logsumexp(alphas[:, -1] + self.end, dim=1)
        return torch.exp(alphas + betas_t - log_z.view(-1, 1, 1))


def pad_batch(
    encoded: Sequence[tuple[Sequence[int], Sequence[Sequence[int]], Sequence[int]]],
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Padded ``(words, chars, lex, mask)`` tensors of encoded sentences (:meth:`Vocab.encode`).

    Examples:
        >>> w, c, x, m = pad_batch([([2, 3], [[4], [5, 6]], [1, 1]), ([7], [[8]], [2])])
        >>> w.tolist(), c.shape, m.tolist()
        ([[2, 3], [7, 0]], torch.Size([2, 2, 2]), [[True, True], [True, False]])
    """
    length = max(len(w) for w, _, _ in encoded)
    width = max(len(c) for _, cs, _ in encoded for c in cs)
    no_chars = [0] * width
    words = torch.tensor([[*w, *([0] * (length - len(w)))] for w, _, _ in encoded], dtype=torch.long)
    lex = torch.tensor([[*x, *([0] * (length - len(x)))] for _, _, x in encoded], dtype=torch.long)
    chars = torch.tensor(
        [
            [[*c, *([0] * (width - len(c)))] for c in cs] + [no_chars] * (length - len(cs))
            for _, cs, _ in encoded
        ],
        dtype=torch.long,
    )
    return words, chars, lex, words != 0


@dataclass(frozen=True)
class NetConfig:
    """Sizes of the network (stored in the model's JSON next to its weights).

    Attributes:
        n_words: word vocabulary size (index 0 padding, 1 unknown).
        n_chars: character vocabulary size (index 0 padding, 1 unknown).
        n_lex: name-list tag vocabulary size (index 0 padding, 1 no match); 0: no tag input.
        n_labels: number of IOB2 labels.
        word_dim: word embedding size.
        char_dim: character embedding size; 0: no character CNN.
        char_filters: character CNN filters (window 3).
        lex_dim: name-list tag embedding size.
        hidden: LSTM size per direction.
        dropout: dropout on the word vectors and on the LSTM output.
    """

    n_words: int
    n_chars: int
    n_lex: int
    n_labels: int
    word_dim: int = 100
    char_dim: int = 32
    char_filters: int = 50
    lex_dim: int = 16
    hidden: int = 100
    dropout: float = 0.5


class Tagger(nn.Module):
    """Word + character CNN + name-list tag → BiLSTM → CRF.

    Args:
        config: the sizes.
        labels: the IOB2 label names, index order.
    """

    def __init__(self, config: NetConfig, labels: Sequence[str]) -> None:
        super().__init__()
        self.config = config
        self.words = nn.Embedding(config.n_words, config.word_dim, padding_idx=0)
        size = config.word_dim
        self.chars: nn.Embedding | None = None
        self.conv: nn.Conv1d | None = None
        if config.char_dim:
            self.chars = nn.Embedding(config.n_chars, config.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(config.char_dim, config.char_filters, kernel_size=3, padding=1)
            size += config.char_filters
        self.lex: nn.Embedding | None = None
        if config.n_lex:
            self.lex = nn.Embedding(config.n_lex, config.lex_dim, padding_idx=0)
            size += config.lex_dim
        self.drop = nn.Dropout(config.dropout)
        self.lstm = nn.LSTM(size, config.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * config.hidden, config.n_labels)
        self.crf = CRF(labels)

    def emissions(self, words: Tensor, chars: Tensor, lex: Tensor, mask: Tensor) -> Tensor:
        """``(B, L, T)`` label scores of a padded batch (``chars``: ``(B, L, C)``)."""
        parts = [self.words(words)]
        if self.chars is not None and self.conv is not None:
            b, length, c = chars.shape
            x = self.chars(chars.view(b * length, c)).transpose(1, 2)
            h = self.conv(x)
            h = h.masked_fill((chars.view(b * length, 1, c) == 0), -1e4).max(dim=2).values
            h = torch.where(h <= -1e4 + 1, torch.zeros_like(h), h)
            parts.append(h.view(b, length, -1))
        if self.lex is not None:
            parts.append(self.lex(lex))
        x = self.drop(torch.cat(parts, dim=2))
        lengths = mask.sum(1).cpu()
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=words.size(1))
        scores: Tensor = self.out(self.drop(h))
        return scores
