"""Arabic: letters, proclitics and the word lists every component shares.

**Letters.** :data:`LETTER` is the one definition of an Arabic-script letter in arfa
(Persian letters included): the code points of category ``Lo`` in the Arabic
(U+0600-06FF) and Arabic Supplement (U+0750-077F) blocks. Tatweel, harakat,
digits and punctuation of the block are not letters. Presentation forms
(U+FB50-FDFF, U+FE70-FEFF) are not listed: :func:`arfa.normalize.normalize` decomposes
them into these letters, and every matcher reads normalized text.

**Proclitics.** A conjunction (و ف), then a preposition (ب ك ل), may be written
attached to the next word; the annotation rules keep them outside entity spans.
``li`` before the article drops the article's alef: ``ل`` + ``الأمم`` is written
``للأمم``, and the span is ``لأمم``. A word starting with one of these letters is
ambiguous (``بغداد`` is no ``ب`` + ``غداد``, ``لبنان`` no ``ل`` + ``بنان``), so
:func:`readings` yields every way to read a word with a *plausibility*: high when
the rest starts with the article, low for a bare stem, which a caller may use only
when a lexicon confirms it (the gazetteer's KB, a trigger list).
:func:`strip_proclitics` is the lexicon-free choice (the tokenizer, unknown ids,
CRF stems): it strips only before the article, and ``لل``.

All word lists hold folded words (:func:`arfa.normalize.fold`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from arfa.lang.base import Reading, folded_phrases, folded_words, load_words

__all__ = [
    "AFTER_PLACE",
    "MOTION_AFTER_PLACE",
    "MOTION_PREPOSITIONS",
    "AFTER_WEEKDAY",
    "ARTICLE",
    "BODY_HEADS",
    "BREAK_WORDS",
    "CODE",
    "CONJUNCTIONS",
    "DISTINCT_LETTERS",
    "ELLIPTIC_EVENTS",
    "ELLIPTIC_MEMBERSHIP",
    "ENCLITICS",
    "IDIOMS",
    "LETTER",
    "LETTER_RE",
    "LETTERS",
    "LETTER_CHARS",
    "LOCATION_TRIGGERS",
    "LOCATIVE_CUES",
    "LOCATIVE_PROCLITICS",
    "MIN_STEM",
    "ORG_HEADS",
    "ANAPHORS",
    "PORTFOLIOS",
    "NAME_TAILS",
    "MINISTER_TITLES",
    "BODY_NAMES",
    "BODY_LINKS",
    "OUTLET_HEADS",
    "PLACE_PREPOSITIONS",
    "PLAUSIBLE",
    "PREPOSITIONS",
    "PRESIDENT_WORDS",
    "PROCLITICS",
    "PROCLITIC_LETTERS",
    "REPUBLIC_WORDS",
    "Reading",
    "SEATED_HEADS",
    "STOP_WORDS",
    "TIME_CUES",
    "TITLES",
    "article_form",
    "common_words",
    "is_letter",
    "readings",
    "strip_article",
    "strip_proclitics",
]

CODE = "ar"

# ---------------------------------------------------------------- letters

#: The body of a regex character class: every Arabic-script letter (see the module docstring).
LETTER_CHARS = "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f"
#: A regex matching one Arabic-script letter.
LETTER = f"[{LETTER_CHARS}]"
#: :data:`LETTER` compiled.
LETTER_RE = re.compile(LETTER)
#: The same letters as a set, for a fast test of one character.
LETTERS = frozenset(chr(c) for c in range(0x0600, 0x0780) if re.fullmatch(LETTER, chr(c)))
#: Letters that Arabic writes and Persian does not (ta marbuta, Arabic yeh and kaf ...).
DISTINCT_LETTERS = frozenset("ةيكىإؤ")


def is_letter(ch: str) -> bool:
    """Whether the character ``ch`` is an Arabic-script letter.

    Examples:
        >>> [is_letter(c) for c in "بگ\u0640\u064e٣،a"]
        [True, True, False, False, False, False, False]
    """
    return ch in LETTERS


# ---------------------------------------------------------------- clitics

ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
#: Every proclitic sequence, folded: a conjunction, a preposition, or both in that order.
PROCLITICS: tuple[str, ...] = (*CONJUNCTIONS, *PREPOSITIONS, *(c + p for c in CONJUNCTIONS for p in PREPOSITIONS))
PROCLITIC_LETTERS = frozenset("".join(PROCLITICS))
#: Proclitics that mean "in, at, to": a cue that an ordinary word is a place (بدوشنبه).
LOCATIVE_PROCLITICS = tuple(c for c in PROCLITICS if c[-1] in "بل")
#: Attached pronouns (their folded forms), which some corpora split off.
ENCLITICS = frozenset(["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ي", "ني"])
#: The fewest letters a reading leaves of the word.
MIN_STEM = 2

_WHOLE = 1.0
_LI_AL = 0.95  # لل + stem: li + the article, whose alef is not written
_BEFORE_ARTICLE = 0.9  # proclitic + ال...
_BARE = 0.3  # proclitic + bare stem: as likely a word that starts with the letter
#: The plausibility a reading needs to be taken without a lexicon.
PLAUSIBLE = _BEFORE_ARTICLE


def _has_article(rest: str) -> bool:
    return rest.startswith(ARTICLE) and len(rest) >= len(ARTICLE) + MIN_STEM


def readings(word: str) -> Iterator[Reading]:
    """Every reading of a folded word: the word itself, then without proclitics.

    Stripped readings come most plausible first; a bare stem (``بغداد`` read as
    ``ب`` + ``غداد``) is a low-plausibility reading a caller must confirm.

    Examples:
        >>> [(r.offset, r.rest, r.plausibility) for r in readings("والاتحاد")]
        [(0, 'والاتحاد', 1.0), (1, 'الاتحاد', 0.9)]
        >>> [(r.offset, r.rest, r.plausibility) for r in readings("للامم")]
        [(0, 'للامم', 1.0), (1, 'الامم', 0.95), (1, 'لامم', 0.3)]
        >>> [(r.offset, r.rest) for r in readings("بغداد")]
        [(0, 'بغداد'), (1, 'غداد')]
    """
    return iter(_readings(word))


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[Reading, ...]:
    """:func:`readings` of one word as a tuple, computed once per word.

    The gazetteer, the dates, the CRF features and the linker all ask for the
    readings of the same words; a :class:`Reading` is immutable, so they share them.
    """
    stripped: list[Reading] = []
    for clitic in PROCLITICS:
        if not word.startswith(clitic) or len(word) - len(clitic) < MIN_STEM:
            continue
        at = len(clitic)
        rest = word[at:]
        if clitic[-1] == "ل" and rest[0] == "ل" and len(rest) > MIN_STEM:
            stripped.append(Reading(at, "ا" + rest, _LI_AL))
        stripped.append(Reading(at, rest, _BEFORE_ARTICLE if _has_article(rest) else _BARE))
    stripped.sort(key=lambda r: -r.plausibility)
    return (Reading(0, word, _WHOLE), *stripped)


@lru_cache(maxsize=65536)
def strip_proclitics(word: str) -> tuple[int, str]:
    """The lexicon-free reading: ``(offset, rest)``, proclitics stripped only before the article.

    Pass text whose hamza forms are not folded when you have it (``بإلغاء`` is no
    ``ب`` + ``ال...``); folded text works, with that one ambiguity.

    Examples:
        >>> strip_proclitics("وبالامم"), strip_proclitics("وللامم")
        ((2, 'الامم'), (2, 'الامم'))
        >>> strip_proclitics("بغداد"), strip_proclitics("والي")
        ((0, 'بغداد'), (0, 'والي'))
    """
    for reading in readings(word):
        if reading.offset and reading.plausibility >= PLAUSIBLE:
            return reading.offset, reading.rest
    return 0, word


def strip_article(word: str, *, min_stem: int = MIN_STEM) -> str:
    """``word`` without the article ``ال`` when at least ``min_stem`` letters remain.

    Examples:
        >>> strip_article("الاتحاد"), strip_article("الي"), strip_article("الامن", min_stem=4)
        ('اتحاد', 'الي', 'الامن')
    """
    if word.startswith(ARTICLE) and len(word) - len(ARTICLE) >= min_stem:
        return word[len(ARTICLE):]
    return word


def article_form(word: str) -> str | None:
    """The article form of what splitting ``لل`` leaves (``لامم`` of ``للامم`` -> ``الامم``).

    A span after a ``li`` proclitic before the article starts at the second lam;
    this restores the alef to look it up. ``None`` when ``word`` cannot be such a rest.

    Examples:
        >>> article_form("لامم"), article_form("للامم"), article_form("امم")
        ('الامم', None, None)
    """
    if word.startswith("ل") and not word.startswith("لل") and len(word) > MIN_STEM:
        return "ا" + word
    return None


# ---------------------------------------------------------------- word lists

#: Titles and roles before a person's name.
TITLES = folded_words(
    "السيد السيدة الرئيس رئيس الرئيسة وزير وزيرة الوزير الملك الأمير الشيخ الدكتور د "
    "المستشار الجنرال العقيد اللواء العميد الأمين السفير النائب المتحدث الناطق الزعيم "
    "المدير مدير القائد الرئيسي البابا الإمام المرشد الحاكم محافظ رئيسة نائب ولي العاهل "
    "السلطان الفريق المشير الأستاذ البروفيسور المهندس المحامي اللاعب المدرب الفنان المطرب "
    "الممثل الكاتب الشاعر الصحفي"
)
#: Head nouns of organization names (CRF trigger words).
ORG_HEADS = folded_words(
    "منظمة وزارة الوزارة مجلس المجلس هيئة الهيئة حزب الحزب شركة الشركة جامعة الجامعة "
    "اتحاد الاتحاد وكالة الوكالة بنك البنك مصرف جمعية الجمعية لجنة اللجنة مؤسسة المؤسسة "
    "منظمه جبهة حركة الحركة نادي النادي فريق المنتخب منتخب صندوق الصندوق مركز المركز "
    "محكمة المحكمة جيش الجيش قوات مكتب معهد المعهد برلمان البرلمان الأمم صحيفة جريدة "
    "قناة إذاعة تلفزيون مجموعة المجموعة رابطة الرابطة اللجنة"
)
#: Head nouns of a body of an organization (مجلس ... رابطة الدول المستقلة), without the article.
BODY_HEADS = folded_words(
    "مجلس لجنة هيئة مكتب مركز أمانة منتدى صندوق بعثة معهد وكالة مفوضية جمعية محكمة بنك"
)
#: Last words of a generic head that stand for the organization already named
#: (مجلس وزراء خارجية المنظمة): the linker resolves them through the document's topic.
ANAPHORS = folded_words("المنظمة للمنظمة بالمنظمة الحلف للحلف المجموعة للمجموعة الرابطة للرابطة التكتل للتكتل")
#: Words right before an ordinary word that make it a place (في دوشنبه).
LOCATIVE_CUES = folded_words("في إلى الى من مدينة العاصمة عاصمة وفي ومن وإلى")
#: Place nouns and locative words around place names (CRF trigger words).
LOCATION_TRIGGERS = folded_words(
    "مدينة المدينة مدينه محافظة المحافظة ولاية الولاية إقليم الإقليم منطقة المنطقة "
    "بلدة البلدة قرية القرية عاصمة العاصمة دولة الدولة جمهورية مملكة المملكة شمال جنوب "
    "شرق غرب وسط في إلى من نهر بحر جزيرة جزر جبل بلاد عاصمتها حدود"
)
#: Words of time before an ordinary word that make it a weekday, not a place (يوم الاثنين).
TIME_CUES = folded_words("يوم صباح مساء")
#: ``(previous word, word)`` pairs that are idioms, never a place.
IDIOMS: frozenset[tuple[str, str]] = frozenset()
#: Words that follow a place name where an idiom would go on with a noun.
AFTER_PLACE: frozenset[str] = frozenset()
#: Words after a place only after a preposition of motion (Persian only).
MOTION_AFTER_PLACE: frozenset[str] = frozenset()
#: The prepositions of motion before a place (Persian only).
MOTION_PREPOSITIONS: frozenset[str] = frozenset()
#: Words after an ordinary word that make it a weekday, not a place (الاثنين الماضي).
AFTER_WEEKDAY = folded_words("الماضي المقبل القادم المنصرم")
#: Event nouns right before a place name that make it the organization named after the
#: place, elliptically (قمة "شنغهاي": the SCO).
ELLIPTIC_EVENTS = folded_words("قمة القمة اجتماع اجتماعات مؤتمر")
#: Membership nouns a few words before a place name that make it such an organization.
ELLIPTIC_MEMBERSHIP = folded_words("عضوية عضو أعضاء الأعضاء انضمام الانضمام وعضوية")
#: Words for a president before a country's official name (Persian only).
PRESIDENT_WORDS: frozenset[str] = frozenset()
#: The word "republic" that the official name of a country starts with (Persian only).
REPUBLIC_WORDS: frozenset[str] = frozenset()
#: Second parts of compound given names (عبد الله, نور الدين): never a surname on their own.
NAME_TAILS = folded_words("الله الدين الرحمن الرحيم الإسلام العزيز الكريم")
#: Titles whose portfolio follows them (وزیر امور خارجه: a post).
MINISTER_TITLES = folded_words("وزير وزيرة الوزير نائب")
#: First words of a minister's portfolio after وزير/نائب: the rest of a post, not an organization.
PORTFOLIOS = folded_words(
    "الخارجية خارجية الدفاع دفاع الداخلية داخلية الاقتصاد المالية الطاقة النفط الصحة التعليم "
    "العدل الإعلام الثقافة الزراعة التجارة الصناعة النقل الاتصالات"
)
#: English names of the bodies of an organization, by the words before its name
#: (``arfa.kb.bodies``: مجلس وزراء خارجية رابطة الدول المستقلة -> CIS Council of Foreign Ministers).
BODY_NAMES = folded_phrases({
    "مجلس وزراء الخارجية": "Council of Foreign Ministers",
    "مجلس وزراء خارجية": "Council of Foreign Ministers",
    "مجلس وزراء خارجية الدول الأعضاء في": "Council of Foreign Ministers",
    "مجلس وزراء الدفاع": "Council of Defence Ministers",
    "مجلس وزراء دفاع": "Council of Defence Ministers",
    "مجلس وزراء الداخلية": "Council of Interior Ministers",
    "مجلس رؤساء الدول": "Heads of State Council",
    "مجلس رؤساء دول": "Heads of State Council",
    "مجلس رؤساء الحكومات": "Heads of Government Council",
    "مجلس رؤساء حكومات": "Heads of Government Council",
    "مجلس رؤساء الوزراء": "Heads of Government Council",
    "الأمانة العامة": "Secretariat",
    "الأمانة": "Secretariat",
    "لجنة كبار المسؤولين": "Committee of Senior Officials",
    "مجلس المنسقين الوطنيين": "Council of National Coordinators",
    "الجمعية البرلمانية": "Parliamentary Assembly",
    "المجلس الدائم": "Permanent Council",
    "المجلس الوزاري": "Ministerial Council",
    "اللجنة التنفيذية": "Executive Committee",
    "مركز مكافحة الإرهاب": "Anti-Terrorism Centre",
    "هيئة الأركان المشتركة": "Joint Staff",
    "مجلس الأمن الجماعي": "Collective Security Council",
    "مكتب برنامج": "Programme Office",
    "مكتب": "Office",
})
#: Words between a body's head and its organization that the body's name leaves out.
BODY_LINKS = frozenset(folded_phrases(dict.fromkeys(["التابع", "التابعة", "في", "الدول الأعضاء في"], "")))
#: Designations of news outlets before their (quoted) name: وكالة "تسنيم".
OUTLET_HEADS = folded_words("وكالة صحيفة جريدة قناة شبكة موقع مجلة إذاعة تلفزيون")
#: Prepositions between a body and the place it sits in (مكتب ... في أستانا).
PLACE_PREPOSITIONS = folded_words("في")
#: Body heads of offices that sit in a place, which belongs to their name (a council
#: meeting "in Bishkek" does not): مكتب الأمم المتحدة في كابل.
SEATED_HEADS = folded_words("مكتب بعثة ممثلية")
#: Particles and verbs that end a noun phrase (a body head never reaches across them).
BREAK_WORDS = folded_words(
    "في لدى داخل أن إن أنه قد لا لم لن ما كما التي الذي الذين حيث عن على مع إلى من هذا هذه ذلك تلك كان "
    "قال أكد أعلن دعا يدعو أشار أضاف عقد يعقد تعقد استضاف يستضيف وقال وأكد وأعلن بين خلال بعد قبل "
    "عند حول ضد أو ثم مثل"
)
#: Function words that are never a one-word name.
STOP_WORDS = folded_words(
    "في من إلى على عن مع هذا هذه التي الذي كان قد لا ما أن إن أو ثم بين حول عام يوم"
)


def common_words() -> frozenset[str]:
    """Folded Arabic words that are rarely names (``resources/common/ar.txt``)."""
    return load_words(CODE)
