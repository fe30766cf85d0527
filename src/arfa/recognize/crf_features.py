"""Token features for the built-in CRF models, shared by training and inference.

The features of a token are plain strings (``name=value``) that python-crfsuite
treats as binary attributes. They are computed on the folded form of each word
(:func:`arfa.normalize.fold`), so the trainer and :class:`arfa.recognize.crf.CRFRecognizer`
see exactly the same strings. Changing anything here changes the model: retrain
with ``arfa train crf`` afterwards.

Examples:
    >>> feats = sentence_features(["قال", "الرئيس", "بوتين"], "ar")
    >>> "w=بوتين" in feats[2] and "-1:is_title" in feats[2]
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from arfa.normalize import fold
from arfa.recognize.crf_lexicon import Lexicon, lexicon_features

__all__ = ["FEATURE_VERSION", "arabic_stem", "sentence_features", "word_shape"]

FEATURE_VERSION = 2
"""Bumped whenever the feature strings change; stored in the model card."""

_TITLES_RAW = {
    "ar": "السيد السيدة الرئيس رئيس الرئيسة وزير وزيرة الوزير الملك الأمير الشيخ الدكتور د "
    "المستشار الجنرال العقيد اللواء العميد الأمين السفير النائب المتحدث الناطق الزعيم "
    "المدير مدير القائد الرئيسي البابا الإمام المرشد الحاكم محافظ رئيسة نائب ولي العاهل "
    "السلطان الفريق المشير الأستاذ البروفيسور المهندس المحامي اللاعب المدرب الفنان المطرب "
    "الممثل الكاتب الشاعر الصحفي",
    "fa": "آقای آقا خانم دکتر رئیس رییس رئیس‌جمهور وزیر سرلشکر سردار سرتیپ ژنرال حجت‌الاسلام "
    "آیت‌الله آیت‌ا… امام شیخ مهندس استاد پادشاه ملکه شاهزاده سفیر نماینده سخنگوی سخنگو "
    "دبیرکل مدیرعامل مدیر فرمانده سرپرست معاون بازیکن مربی هنرمند خواننده بازیگر نویسنده "
    "شاعر کارگردان سلطان امیر",
}
_ORG_HEADS_RAW = {
    "ar": "منظمة وزارة الوزارة مجلس المجلس هيئة الهيئة حزب الحزب شركة الشركة جامعة الجامعة "
    "اتحاد الاتحاد وكالة الوكالة بنك البنك مصرف جمعية الجمعية لجنة اللجنة مؤسسة المؤسسة "
    "منظمه جبهة حركة الحركة نادي النادي فريق المنتخب منتخب صندوق الصندوق مركز المركز "
    "محكمة المحكمة جيش الجيش قوات مكتب معهد المعهد برلمان البرلمان الأمم صحيفة جريدة "
    "قناة إذاعة تلفزيون مجموعة المجموعة رابطة الرابطة اللجنة",
    "fa": "سازمان وزارت وزارتخانه شورای شورا مجلس حزب شرکت دانشگاه اتحادیه اتحاد خبرگزاری "
    "بانک انجمن کمیته کمیسیون بنیاد جبهه جنبش باشگاه تیم صندوق مرکز دادگاه ارتش نیروی "
    "سپاه دفتر موسسه مؤسسه پژوهشگاه پارلمان روزنامه شبکه رادیو تلویزیون گروه مجمع ستاد "
    "اداره استانداری شهرداری فرمانداری هیئت هیات کانون فدراسیون",
}
_LOC_CUES_RAW = {
    "ar": "مدينة المدينة مدينه محافظة المحافظة ولاية الولاية إقليم الإقليم منطقة المنطقة "
    "بلدة البلدة قرية القرية عاصمة العاصمة دولة الدولة جمهورية مملكة المملكة شمال جنوب "
    "شرق غرب وسط في إلى من نهر بحر جزيرة جزر جبل بلاد عاصمتها حدود",
    "fa": "شهر شهرستان استان کشور منطقه روستای روستا پایتخت جمهوری پادشاهی شمال جنوب شرق "
    "غرب مرکز در به از رود رودخانه دریای دریا جزیره کوه کشورهای بخش ایالت",
}


@cache
def _folded_set(kind: str, lang: str) -> frozenset[str]:
    raw = {"title": _TITLES_RAW, "org": _ORG_HEADS_RAW, "loc": _LOC_CUES_RAW}[kind].get(lang, "")
    return frozenset(w for word in raw.split() for w in fold(word).split())


_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_ARABIC = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")
_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"[0-9]")
_PUNCT = "\"'()[]{}«»<>.,،؛;:!?؟-_/…"


@lru_cache(maxsize=200_000)
def arabic_stem(word: str) -> str:
    """Strip one leading proclitic (و ف ب ل ك) and the article ال from a folded word.

    A stem is never shorter than two letters: short words are returned unchanged.

    Examples:
        >>> arabic_stem("والاتحاد")
        'اتحاد'
        >>> arabic_stem("للامم")
        'امم'
        >>> arabic_stem("بغداد")
        'غداد'
        >>> arabic_stem("في")
        'في'
    """
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=200_000)
def word_shape(word: str) -> str:
    """A coarse class of the word: script, digits, punctuation.

    Examples:
        >>> [word_shape(w) for w in ["بغداد", "2019", "un", "،", "f16"]]
        ['arab', 'digit', 'latin', 'punct', 'mixed']
    """
    has_ar = bool(_ARABIC.search(word))
    has_lat = bool(_LATIN.search(word))
    has_dig = bool(_DIGIT.search(word))
    if has_ar and not has_lat and not has_dig:
        return "arab"
    if has_dig and not has_ar and not has_lat:
        return "digit"
    if has_lat and not has_ar and not has_dig:
        return "latin"
    if not (has_ar or has_lat or has_dig):
        return "punct"
    return "mixed"


@lru_cache(maxsize=200_000)
def _token_features(word: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """The stem and the context-free features of one folded word."""
    core = word.strip(_PUNCT) or word
    stem = arabic_stem(core) if lang == "ar" else core
    shape = word_shape(word)
    feats = [
        "bias",
        "w=" + word,
        "shape=" + shape,
        "len=" + str(min(len(word), 8)),
        "p2=" + stem[:2],
        "p3=" + stem[:3],
        "s2=" + stem[-2:],
        "s3=" + stem[-3:],
    ]
    if stem != word:
        feats.append("stem=" + stem)
        if core.endswith(stem):
            feats.append("pre=" + core[: len(core) - len(stem)])
    else:
        feats.append("stem=" + word)
    if " " in word:
        feats.append("multi")
    for kind in ("title", "org", "loc"):
        if word in _folded_set(kind, lang) or stem in _folded_set(kind, lang):
            feats.append("is_" + kind)
    return stem, tuple(feats)


def sentence_features(
    words: Sequence[str],
    lang: str,
    clusters: Mapping[str, int] | None = None,
    lexicon: Lexicon | None = None,
) -> list[list[str]]:
    """The CRF attributes of every word of one sentence.

    Args:
        words: the sentence's words as written (they are folded here).
        lang: ``ar`` or ``fa``; selects the trigger lists and clitic stripping.
        clusters: folded word → cluster id, when the model was trained with clusters.
        lexicon: the name list, when the model was trained with one: each word gets
            its own name-list features and those of its neighbours.

    Returns:
        One list of attribute strings per word.
    """
    folded = [fold(w) or "_" for w in words]
    infos = [_token_features(w, lang) for w in folded]
    n = len(folded)
    lex = lexicon_features(folded, lexicon, lang) if lexicon is not None else None
    out: list[list[str]] = []
    for i in range(n):
        feats = list(infos[i][1])
        if lex is not None:
            feats.extend(lex[i])
            if i > 0:
                feats.extend("-1:" + f for f in lex[i - 1])
            if i + 1 < n:
                feats.extend("+1:" + f for f in lex[i + 1])
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                nstem, nfeats = infos[j]
                feats.append(f"{off}:w={folded[j]}")
                if abs(off) == 1:
                    feats.append(f"{off}:stem={nstem}")
                    feats.append(f"{off}:{nfeats[2]}")  # neighbour's shape
                    feats.extend(f"{off}:{f}" for f in nfeats if f.startswith("is_"))
                    feats.append(f"{off}:s2={nstem[-2:]}")
            elif abs(off) == 1:
                feats.append("BOS" if off < 0 else "EOS")
        if clusters is not None:
            for off in (-1, 0, 1):
                j = i + off
                if 0 <= j < n:
                    cid = clusters.get(folded[j])
                    feats.append(f"{off}:c={cid if cid is not None else 'unk'}")
        if i > 0:
            feats.append(f"-1|0={folded[i - 1]}|{folded[i]}")
        if i + 1 < n:
            feats.append(f"0|+1={folded[i]}|{folded[i + 1]}")
        out.append(feats)
    return out
