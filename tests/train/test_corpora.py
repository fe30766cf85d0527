"""Corpus readers on tiny inline samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.train import corpora
from arfa.train.datasets import glue_clitics, near_duplicates, sentence_key


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_newsfane_strips_marks_and_maps_fine_classes(tmp_path: Path) -> None:
    text = (
        "\ufeff\u200eقال\tO\r\n\u200eالرئيس\tO\r\n\u200eبوتين\tB-Politician\r\n\u200eفي\tO\r\n"
        "\u200eموسكو\tB-Population-Center\r\n\u200eو\tO\r\n\u200eالصينيون\tB-Group\r\n\r\n"
        "\u200eوزارة\tB-Government\r\n\u200eالخارجية\tI-Government\r\n"
    )
    sents = corpora.read_newsfane(_write(tmp_path / "nf.txt", text))
    assert sents == [
        [
            ("قال", "O"),
            ("الرئيس", "O"),
            ("بوتين", "B-PER"),
            ("في", "O"),
            ("موسكو", "B-LOC"),
            ("و", "O"),
            ("الصينيون", "O"),
        ],
        [("وزارة", "B-ORG"), ("الخارجية", "I-ORG")],
    ]


def test_anercorp_pers_and_misc(tmp_path: Path) -> None:
    text = "غيث B-PERS\nالطراونة I-PERS\nالعربية B-MISC\nالمتحدة I-ORG\n"
    assert corpora.read_anercorp(_write(tmp_path / "a.txt", text)) == [
        [("غيث", "B-PER"), ("الطراونة", "I-PER"), ("العربية", "O"), ("المتحدة", "B-ORG")]
    ]


def test_aqmar_mis_and_typos(tmp_path: Path) -> None:
    (tmp_path / "aq").mkdir()
    _write(tmp_path / "aq" / "A.txt", "الذرة B-MIS1\nدمشق B-LOC\nريال B-ORG\nمدريد I--ORG\nx IO\n")
    assert corpora.read_aqmar(tmp_path / "aq") == [
        [("الذرة", "O"), ("دمشق", "B-LOC"), ("ريال", "B-ORG"), ("مدريد", "I-ORG"), ("x", "O")]
    ]


def test_wojood_outermost_layer(tmp_path: Path) -> None:
    text = "مجلس B-ORG\nالأمن I-ORG\nالأسد I-ORG B-PERS\nنابلس B-GPE\nأمس B-DATE\n"
    assert corpora.read_wojood(_write(tmp_path / "w.txt", text)) == [
        [("مجلس", "B-ORG"), ("الأمن", "I-ORG"), ("الأسد", "I-ORG"), ("نابلس", "B-LOC"), ("أمس", "O")]
    ]


def test_arman_fac_is_outside(tmp_path: Path) -> None:
    text = "فرودگاه B-fac\nمهرآباد I-fac\nتهران B-loc\nعلی B-pers\nایرانی B-org\n"
    assert [t for _, t in corpora.read_arman(_write(tmp_path / "a.txt", text))[0]] == [
        "O",
        "O",
        "B-LOC",
        "B-PER",
        "B-ORG",
    ]


def test_peyma_splits_on_last_pipe(tmp_path: Path) -> None:
    text = "a|b|O\nسازمان|B_ORG\nملل|I_ORG\n۱۴۰۰|B_DAT\n\nتهران|B_LOC\n"
    assert corpora.read_peyma(_write(tmp_path / "p.txt", text)) == [
        [("a|b", "O"), ("سازمان", "B-ORG"), ("ملل", "I-ORG"), ("۱۴۰۰", "O")],
        [("تهران", "B-LOC")],
    ]


def test_nsurl_train_noise(tmp_path: Path) -> None:
    (tmp_path / "600K").mkdir()
    _write(tmp_path / "600K" / "doc1", "علی\tB-PERO\n\tO\nرضایی\tI-PER\nمی کند\tO\nایران\tOB-ORG\n")
    assert corpora.read_nsurl_train(tmp_path / "600K") == [
        [("علی", "B-PER"), ("رضایی", "I-PER"), ("می کند", "O"), ("ایران", "B-ORG")]
    ]


def test_nsurl_test_line_aligned(tmp_path: Path) -> None:
    (tmp_path / "tokens").mkdir()
    (tmp_path / "gold").mkdir()
    _write(tmp_path / "tokens" / "A-0.txt", "گروه\nموسیقی\n\nتهران\n")
    _write(tmp_path / "gold" / "A-0.gold", "B-ORG\nI-ORG\n\nB-LOC\n")
    assert corpora.read_nsurl_test(tmp_path) == [
        [("گروه", "B-ORG"), ("موسیقی", "I-ORG")],
        [("تهران", "B-LOC")],
    ]
    _write(tmp_path / "gold" / "A-0.gold", "B-ORG\n")
    with pytest.raises(ValueError, match="line-aligned"):
        corpora.read_nsurl_test(tmp_path)


def test_parstwiner_drops_nat(tmp_path: Path) -> None:
    text = "ایرانیان\tB-NAT\nرئیسی\tB-PER\n"
    assert corpora.read_parstwiner(_write(tmp_path / "t.txt", text)) == [
        [("ایرانیان", "O"), ("رئیسی", "B-PER")]
    ]


def test_glue_clitics_and_keys() -> None:
    sent = [("و", "O"), ("الاتحاد", "B-ORG"), ("لان", "O"), ("ها", "O"), (".", "O")]
    assert glue_clitics(sent) == [("والاتحاد", "B-ORG"), ("لانها", "O"), (".", "O")]
    assert sentence_key(sent) == sentence_key(glue_clitics(sent))


def test_near_duplicates_fill_gaps() -> None:
    ref = [[("قال الرئيس الامريكي جورج بوش امس ان الحرب مستمرة", "O")]]
    cands = [
        [("قال", "O"), ("الرئيس", "O"), ("الأمريكي", "O"), ("جورج", "O"), ("بوش", "O"), ("أمس", "O")],
        [("نعم", "O")],
        [("جورج", "O"), ("بوش", "O"), ("امس", "O"), ("ان", "O"), ("الحرب", "O"), ("مستمرة", "O")],
        [("شيء", "O"), ("اخر", "O"), ("تماما", "O"), ("لا", "O"), ("علاقة", "O"), ("له", "O")],
    ]
    assert near_duplicates(cands, ref) == {0, 1, 2}


def test_wikiann_moves_brackets_and_quotes_outside(tmp_path: Path) -> None:
    text = "دايو\tB-ORG\n(\tI-ORG\nشركة\tI-ORG\n)\tI-ORG\n\n''\tB-LOC\nحمص\tI-LOC\n''\tI-LOC\nو\tO\n"
    assert corpora.read_wikiann(_write(tmp_path / "w.tsv", text)) == [
        [("دايو", "B-ORG"), ("(", "I-ORG"), ("شركة", "I-ORG"), (")", "O")],
        [("''", "O"), ("حمص", "B-LOC"), ("''", "O"), ("و", "O")],
    ]
