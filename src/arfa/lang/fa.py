"""Persian: letters, ZWNJ and the word lists every component shares.

Persian is written in the Arabic script: a letter is :data:`arfa.lang.ar.LETTER`;
:data:`DISTINCT_LETTERS` are those Arabic does not write. The zero-width
non-joiner (:data:`ZWNJ`) sits inside words (``سازمان‌های``): the tokenizer keeps
it inside a token, and :func:`arfa.normalize.normalize` folds it to a space, so a
ZWNJ-joined word is several matching units. Persian writes its prepositions and
conjunctions as separate words, so :func:`readings` yields the word alone.

All word lists hold folded words (:func:`arfa.normalize.fold`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from arfa.lang.ar import LETTER, LETTER_CHARS, LETTERS, is_letter
from arfa.lang.base import Reading, folded_phrases, folded_words, load_words

__all__ = [
    "AFTER_PLACE",
    "MOTION_AFTER_PLACE",
    "MOTION_PREPOSITIONS",
    "AFTER_WEEKDAY",
    "BODY_HEADS",
    "BREAK_WORDS",
    "CODE",
    "DISTINCT_LETTERS",
    "ELLIPTIC_EVENTS",
    "ELLIPTIC_MEMBERSHIP",
    "IDIOMS",
    "LETTER",
    "LETTERS",
    "LETTER_CHARS",
    "LOCATION_TRIGGERS",
    "LOCATIVE_CUES",
    "LOCATIVE_PROCLITICS",
    "ORG_HEADS",
    "ANAPHORS",
    "PORTFOLIOS",
    "NAME_TAILS",
    "MINISTER_TITLES",
    "BODY_NAMES",
    "BODY_LINKS",
    "OUTLET_HEADS",
    "PLACE_PREPOSITIONS",
    "PRESIDENT_WORDS",
    "REPUBLIC_WORDS",
    "SEATED_HEADS",
    "STOP_WORDS",
    "TIME_CUES",
    "TITLES",
    "ZWNJ",
    "common_words",
    "is_letter",
    "readings",
    "strip_article",
    "strip_proclitics",
]

CODE = "fa"

#: Letters that Persian writes and Arabic does not (peh, tcheh, jeh, gaf, Persian yeh, keheh, heh with yeh).
DISTINCT_LETTERS = frozenset("پچژگیکۀ")
#: The zero-width non-joiner, part of Persian words.
ZWNJ = "\u200c"
#: Persian has no attached locative proclitic.
LOCATIVE_PROCLITICS: tuple[str, ...] = ()


def readings(word: str) -> Iterator[Reading]:
    """The readings of a folded Persian word: the word itself.

    Examples:
        >>> [(r.offset, r.rest) for r in readings("بهمن")]
        [(0, 'بهمن')]
    """
    return iter(_readings(word))


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[Reading, ...]:
    """:func:`readings` of one word as a tuple, built once per word, as in :mod:`arfa.lang.ar`.

    The gazetteer, the dates, the title rule and the document rules ask for the
    readings of every word, 0.7 million times per MB of Persian text.
    """
    return (Reading(0, word, 1.0),)


def strip_proclitics(word: str) -> tuple[int, str]:
    """``(0, word)``: Persian proclitics are separate words.

    Examples:
        >>> strip_proclitics("بتهران")
        (0, 'بتهران')
    """
    return 0, word


def strip_article(word: str, *, min_stem: int = 2) -> str:
    """``word`` unchanged: Persian has no definite article.

    Examples:
        >>> strip_article("الزهرا")
        'الزهرا'
    """
    del min_stem
    return word


#: Titles and roles before a person's name.
TITLES = folded_words(
    "آقای آقا خانم دکتر رئیس رییس رئیس‌جمهور وزیر سرلشکر سردار سرتیپ ژنرال حجت‌الاسلام "
    "آیت‌الله آیت‌ا… امام شیخ مهندس استاد پادشاه ملکه شاهزاده سفیر نماینده سخنگوی سخنگو "
    "دبیرکل مدیرعامل مدیر فرمانده سرپرست معاون بازیکن مربی هنرمند خواننده بازیگر نویسنده "
    "شاعر کارگردان سلطان امیر"
)
#: Head nouns of organization names (CRF trigger words).
ORG_HEADS = folded_words(
    "سازمان وزارت وزارتخانه شورای شورا مجلس حزب شرکت دانشگاه اتحادیه اتحاد خبرگزاری "
    "بانک انجمن کمیته کمیسیون بنیاد جبهه جنبش باشگاه تیم صندوق مرکز دادگاه ارتش نیروی "
    "سپاه دفتر موسسه مؤسسه پژوهشگاه پارلمان روزنامه شبکه رادیو تلویزیون گروه مجمع ستاد "
    "اداره استانداری شهرداری فرمانداری هیئت هیات کانون فدراسیون"
)
#: Head nouns of a body of an organization (کمیته اقتصادی سازمان ...).
BODY_HEADS = folded_words(
    "شورای شورا کمیته کمیسیون دبیرخانه مرکز دفتر مجمع صندوق هیئت بانک دادگاه ستاد "
    "نمایندگی مؤسسه موسسه"
)
#: Last words of a generic head that stand for the organization already named
#: (شورای وزیران امور خارجه سازمان): the linker resolves them through the document's topic.
ANAPHORS = folded_words("سازمان")
#: Words right before an ordinary word that make it a place (در دوشنبه).
LOCATIVE_CUES = folded_words("در به از شهر پایتخت تا")
#: Place nouns and locative words around place names (CRF trigger words).
LOCATION_TRIGGERS = folded_words(
    "شهر شهرستان استان کشور منطقه روستای روستا پایتخت جمهوری پادشاهی شمال جنوب شرق "
    "غرب مرکز در به از رود رودخانه دریای دریا جزیره کوه کشورهای بخش ایالت"
)
#: Words of time before an ordinary word that make it a weekday, not a place (روز دوشنبه,
#: صبح دوشنبه, امروز دوشنبه).
TIME_CUES = folded_words("روز شب صبح عصر ظهر بامداد شامگاه امروز دیروز فردا")
#: Words after an ordinary word that make it a weekday, not a place (دوشنبه گذشته, دوشنبه شب).
AFTER_WEEKDAY = folded_words("گذشته آینده آتی شب صبح عصر")
#: ``(previous word, word)`` pairs that are idioms, never a place: در آستانه, "on the eve of",
#: به آستانه, "to the threshold of".
IDIOMS = frozenset([("در", "استانه"), ("به", "استانه")])
#: Words that follow a place name; the idioms در/به آستانه are followed by the noun they govern.
AFTER_PLACE = folded_words(
    "برگزار شد است بود گفت و که با به دیدار حضور رفت رفتند رسید رسیدند سفر آمد آمدند بازگشت "
    "وارد می خواهد کرد کردند شدند"
)
#: Those of them that follow a place only after a preposition of motion (به آستانه سفر کرد):
#: after در the idiom goes on (در آستانه سفر, "on the eve of the trip").
MOTION_AFTER_PLACE = folded_words("رفت رفتند رسید رسیدند سفر آمد آمدند بازگشت وارد")
#: The prepositions of motion before a place.
MOTION_PREPOSITIONS = folded_words("به")
#: Event nouns right before a place name that make it the organization named after the
#: place, elliptically (اجلاس شانگهای: the SCO).
ELLIPTIC_EVENTS = folded_words("اجلاس نشست سران همایش کنفرانس")
#: Membership nouns a few words before a place name that make it such an organization
#: (عضویت ایران در شانگهای, کشورهای عضو شانگهای).
ELLIPTIC_MEMBERSHIP = folded_words("عضویت عضو اعضای پیوستن الحاق")
#: Words for a president before a country's name (رئیس‌جمهوری قزاقستان: only قزاقستان is the place).
PRESIDENT_WORDS = folded_words("رئیس رییس روسای رؤسای ریاست")
#: The word "republic" that follows them and starts an official name (جمهوری تاجیکستان).
REPUBLIC_WORDS = folded_words("جمهوری")
#: Second parts of compound given names (عبدالله, نورالدین written apart): never a surname alone.
NAME_TAILS = folded_words("الله الدین الرحمن الرحیم اسلام")
#: Titles whose portfolio follows them (وزیر امور خارجه: a post).
MINISTER_TITLES = folded_words("وزیر معاون سرپرست")
#: First words of a minister's portfolio after وزیر/معاون: the rest of a post, not an organization.
PORTFOLIOS = folded_words(
    "امور خارجه دفاع کشور اقتصاد نفت نیرو بهداشت آموزش راه صنعت ارتباطات کشاورزی ورزش فرهنگ "
    "دادگستری اطلاعات تعاون کار علوم میراث جهاد"
)
#: English names of the bodies of an organization, by the words before its name (``arfa.kb.bodies``).
BODY_NAMES = folded_phrases({
    "شورای وزیران امور خارجه": "Council of Foreign Ministers",
    "شورای وزیران خارجه": "Council of Foreign Ministers",
    "شورای وزرای امور خارجه": "Council of Foreign Ministers",
    "شورای وزرای خارجه": "Council of Foreign Ministers",
    "شورای وزیران دفاع": "Council of Defence Ministers",
    "شورای وزرای دفاع": "Council of Defence Ministers",
    "شورای وزیران کشور": "Council of Interior Ministers",
    "شورای سران کشورها": "Heads of State Council",
    "شورای سران دولت‌ها": "Heads of State Council",
    "شورای سران": "Heads of State Council",
    "شورای روسای دولت": "Heads of Government Council",
    "شورای رؤسای دولت": "Heads of Government Council",
    "شورای نخست‌وزیران": "Heads of Government Council",
    "دبیرخانه": "Secretariat",
    "کمیته مقامات ارشد": "Committee of Senior Officials",
    "شورای هماهنگ‌کنندگان ملی": "Council of National Coordinators",
    "مجمع پارلمانی": "Parliamentary Assembly",
    "شورای دائمی": "Permanent Council",
    "کمیته اجرایی": "Executive Committee",
    "مرکز مبارزه با تروریسم": "Anti-Terrorism Centre",
    "ستاد مشترک": "Joint Staff",
    "شورای امنیت جمعی": "Collective Security Council",
    "دفتر برنامه": "Programme Office",
    "دفتر": "Office",
})
#: Words between a body's head and its organization that the body's name leaves out.
BODY_LINKS = frozenset(folded_phrases(dict.fromkeys(["کشورهای عضو", "کشورهای عضو در", "در"], "")))
#: Designations of news outlets before their (quoted) name: خبرگزاری «فارس».
OUTLET_HEADS = folded_words("خبرگزاری روزنامه شبکه پایگاه سایت هفته‌نامه ماهنامه رادیو تلویزیون")
#: Prepositions between a body and the place it sits in (نمایندگی سازمان ملل در کابل).
PLACE_PREPOSITIONS = folded_words("در")
#: Body heads of offices that sit in a place, which belongs to their name (a council
#: meeting "in Dushanbe" does not): نمایندگی سازمان ملل در کابل.
SEATED_HEADS = folded_words("نمایندگی دفتر")
#: Particles and verbs that end a noun phrase (a body head never reaches across them).
BREAK_WORDS = folded_words(
    "که را از با به تا برای این آن است شد بود گفت کرد کند دارد خواهد و یا اما نیز هم ولی"
)
#: Function words that are never a one-word name.
STOP_WORDS = folded_words("در از به با که این آن را و یا تا بر برای هم نیز شد است بود کرد")


def common_words() -> frozenset[str]:
    """Folded Persian words that are rarely names (``resources/common/fa.txt``)."""
    return load_words(CODE)
