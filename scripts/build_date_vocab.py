"""Build ``src/arfa/resources/dates/vocab.json`` from the CLDR data in ``shared/data/cldr-ar-fa``.

The output has two top-level sections:

* ``cldr``: month names of the Gregorian, Solar Hijri (Persian) and lunar Hijri
  (Islamic) calendars, weekday names and relative day/week/month/year fields, read
  from CLDR (every ``ar-*`` locale for Arabic Gregorian months, ``fa`` and ``fa-AF``
  for Persian), in CLDR's spelling.
* ``supplement``: hand-written additions that CLDR lacks (common spelling variants,
  ordinal day words, unit words, era markers, range connectors). They are typed in
  :data:`SUPPLEMENT` below, kept apart so that the CLDR part stays reproducible.

The recognizer folds every string with :func:`arfa.normalize.fold` when it loads the
file, so the file keeps the readable CLDR spelling. ``tests/dates/test_vocab.py``
checks that the shipped file equals what this script writes.

Usage::

    python scripts/build_date_vocab.py [--cldr DIR] [--out FILE] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CLDR = ROOT.parent / "shared" / "data" / "cldr-ar-fa" / "main"
DEFAULT_OUT = ROOT / "src" / "arfa" / "resources" / "dates" / "vocab.json"

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Python's weekday() order
_FIELDS = ("day", "week", "month", "year")

# Which CLDR locales feed which (language, calendar) month table.
_MONTH_SOURCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("fa", "gregorian"): ("fa", "fa-AF"),
    ("fa", "persian"): ("fa", "fa-AF"),
    ("fa", "islamic"): ("fa", "fa-AF"),
    ("ar", "islamic"): ("ar",),
    # ("ar", "gregorian") uses every ar and ar-XX locale, see _ar_locales().
    # CLDR's Arabic names of the Persian months (فرفردن ...) are not used in news: left out.
}


def _ar_ordinals() -> dict[str, list[str]]:
    units = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
    out: dict[int, list[str]] = {i + 1: [w] for i, w in enumerate(units)}
    out[1].append("الواحد")
    out[10] = ["العاشر"]
    out[11] = ["الحادي عشر"]
    for i in range(2, 10):
        out[10 + i] = [f"{units[i - 1]} عشر"]
    for tens, word in ((20, "العشرين"), (30, "الثلاثين")):
        out[tens] = [word]
        for i in range(1, 10 if tens == 20 else 2):
            first = ["الحادي", "الواحد"] if i == 1 else [units[i - 1]]
            out[tens + i] = [f"{f} {sep}{word}" for f in first for sep in ("و", "و ")]
    return {str(k): v for k, v in sorted(out.items())}


def _fa_ordinals() -> dict[str, list[str]]:
    units = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]
    teens = [
        "دهم",
        "یازدهم",
        "دوازدهم",
        "سیزدهم",
        "چهاردهم",
        "پانزدهم",
        "شانزدهم",
        "هفدهم",
        "هجدهم",
        "نوزدهم",
    ]
    out: dict[int, list[str]] = {i + 1: [w] for i, w in enumerate(units)}
    out[1].append("اول")
    for i, w in enumerate(teens):
        out[10 + i] = [w]
    out[18].append("هیجدهم")
    out[20] = ["بیستم"]
    out[30] = ["سی ام", "سی‌ام", "سیام"]
    for tens, word in ((20, "بیست"), (30, "سی")):
        for i in range(1, 10 if tens == 20 else 2):
            out[tens + i] = [f"{word} و {units[i - 1]}"]
    return {str(k): v for k, v in sorted(out.items())}


# Hand-written additions. Everything here is NOT from CLDR.
SUPPLEMENT: dict[str, Any] = {
    "_comment": "Hand-written additions that CLDR lacks; edit SUPPLEMENT in scripts/build_date_vocab.py.",
    "ar": {
        "gregorian": {"6": ["يونيه"], "7": ["يوليه"], "8": ["أغسطوس"], "4": ["ابريل"]},
        "islamic": {
            "4": ["ربيع الثاني"],
            "5": ["جمادى الأول"],
            "6": ["جمادى الثانية", "جمادى الآخر", "جمادى الثاني"],
            "11": ["ذي القعدة", "ذو القعده", "ذوالقعدة"],
            "12": ["ذي الحجة", "ذوالحجة"],
        },
        "relative": {
            "day": {"-1": ["البارحة", "يوم أمس"], "-2": ["أمس الأول"], "1": ["غدا", "يوم غد"]},
            "week": {"1": ["الأسبوع المقبل"], "0": ["الأسبوع الجاري", "الأسبوع الحالي"]},
            "month": {"-1": ["الشهر المنصرم"], "1": ["الشهر المقبل"], "0": ["الشهر الجاري", "الشهر الحالي"]},
            "year": {
                "-1": ["العام الماضي", "العام المنصرم", "العام الفائت"],
                "0": ["العام الحالي", "العام الجاري", "هذا العام", "السنة الجارية"],
                "1": ["العام المقبل", "العام القادم", "السنة المقبلة"],
            },
        },
        "modifiers": {
            "-1": ["الماضي", "المنصرم", "الفائت"],
            "0": ["الجاري", "الحالي"],
            "1": ["المقبل", "القادم"],
        },
        "ordinals": _ar_ordinals(),
        "units": {
            "year": ["عام", "العام", "سنة", "السنة", "عامي", "العامين", "أعوام", "الأعوام", "سنوات", "السنوات"],
            "month": ["شهر"],
            "day": ["يوم", "يومي"],
        },
        "eras": {
            "gregorian": ["م", "ميلادي", "ميلادية", "للميلاد"],
            "islamic": ["هـ", "ه", "ه.ق", "هجري", "هجرية", "للهجرة"],
            "persian": ["ه.ش", "هجري شمسي", "شمسي"],
        },
        "connectors": ["إلى", "الى", "حتى", "لغاية", "و", "-", "–", "—"],
        "of": ["من"],
        "equals": ["الموافق", "،", ","],
        "decades": {
            "5": ["الخمسينيات", "الخمسينات", "خمسينيات", "خمسينات"],
            "6": ["الستينيات", "الستينات", "ستينيات", "ستينات"],
            "7": ["السبعينيات", "السبعينات", "سبعينيات", "سبعينات"],
            "8": ["الثمانينيات", "الثمانينات", "ثمانينيات", "ثمانينات"],
            "9": ["التسعينيات", "التسعينات", "تسعينيات", "تسعينات"],
        },
        "decade_units": ["عقد", "العقد"],
        "year_prepositions": ["في", "منذ", "حتى", "خلال"],
        # second edition of the guidelines (issue 11)
        "positions": [
            "نهاية", "بداية", "منتصف", "أواخر", "أوائل", "مطلع", "أواسط", "بدايات", "نهايات", "مستهل",
            "النصف الأول من", "النصف الثاني من", "النصف الأول", "النصف الثاني",
            "الربع الأول من", "الربع الثاني من", "الربع الثالث من", "الربع الرابع من", "الربع الأخير من",
        ],
        "seasons": {"0": ["ربيع", "الربيع"], "1": ["صيف", "الصيف"], "2": ["خريف", "الخريف"], "3": ["شتاء", "الشتاء"]},
        "season_units": ["فصل"],
        "century_units": ["القرن", "قرن"],
        "century_ordinals": {
            "19": ["التاسع عشر"],
            "20": ["العشرين", "العشرون"],
            "21": ["الحادي والعشرين", "الحادي و العشرين", "الحادي والعشرون", "الحادي و العشرون"],
        },
        "calendar_links": ["الموافق", "الموافق ل", "/"],
        "idioms": [],
        "count_units": ["الأشهر", "الشهور"],
        "count_words": ["الثلاثة", "الأربعة", "الخمسة", "الستة", "السبعة", "الثمانية", "التسعة", "العشرة"],
        "count_ends": ["الأولى", "الأخيرة"],
        "between": ["بين", "ما بين", "بينما"],
        "future_cues": ["سوف", "سيتم", "المقبل", "المقبلة", "القادم", "القادمة", "المقرر", "المنتظر", "يعتزم", "تعتزم"],
        "clause_breaks": ["أن", "إن", "أنه", "إنه", "بأن", "لأن", "حيث", "التي", "الذي", "الذين", "كما", "فيما", "بينما"],
        "future_prefixes": ["سي", "ست", "سن"],
        "not_future": ["سياسة", "سياسي", "سياسية", "سيارة", "ستة", "ستين", "سنة", "سنوات", "سنوي", "سيد", "سيدة", "ستار"],
        "nowadays_before": [
            "عالم", "العالم", "حتى", "إلى", "الى", "لغاية", "ذلك", "هذا", "يومنا", "عالمنا", "مجتمع", "في",
            "روسيا", "المصري", "أخبار", "شباب", "أوروبا",
        ],
        "nowadays_after": [
            "أكثر", "اكثر", "بين", "التالي", "السابق", "الأخير", "العالمي", "الوطني", "الدولي", "المفتوح", "الموعود",
        ],
        "weekday_blockers": ["صلاة", "خطبة", "خطيب", "إمام", "كل", "كلا", "أيام", "لصلاة"],
        "locative_cues": [],
    },
    "fa": {
        "gregorian": {"4": ["آپریل"], "5": ["می"], "7": ["ژوییه", "جولای"], "8": ["آگوست"]},
        "weekdays": {"1": ["سه شنبه"], "2": ["چهار شنبه"], "3": ["پنج شنبه"], "6": ["یک شنبه"]},
        "islamic": {
            "3": ["ربیع الاول"],
            "4": ["ربیع الثانی", "ربیع الآخر"],
            "5": ["جمادی الاول", "جمادی الاولی"],
            "6": ["جمادی الثانی", "جمادی الآخر"],
            "11": ["ذی القعده"],
            "12": ["ذی الحجه"],
        },
        "relative": {
            "day": {"-1": ["روز گذشته"]},
            "week": {"-1": ["هفته قبل"], "0": ["هفته جاری"]},
            "month": {"-1": ["ماه قبل"], "0": ["ماه جاری"], "1": ["ماه آتی"]},
            "year": {"-1": ["پارسال", "سال قبل"], "0": ["سال جاری"], "1": ["سال آتی"]},
        },
        "modifiers": {"-1": ["گذشته"], "0": ["جاری", "امسال", "حاضر"], "1": ["آینده", "آتی"]},
        "ordinals": _fa_ordinals(),
        "units": {"year": ["سال", "سال‌های", "سالهای", "سال ها"], "month": ["ماه"], "day": ["روز", "روزهای"]},
        "eras": {
            "gregorian": ["م", "میلادی"],
            "islamic": ["ه.ق", "هجری قمری", "قمری", "ق"],
            "persian": ["ه.ش", "هجری شمسی", "شمسی", "خورشیدی", "ش"],
        },
        "connectors": ["الی", "تا", "لغایت", "و", "-", "–", "—"],
        "of": [],
        "equals": ["،", ","],
        "decades": {},
        "decade_units": ["دهه"],
        "year_prepositions": [],
        # second edition of the guidelines (issue 11)
        "positions": [
            "پایان", "اوایل", "اواخر", "اواسط", "ابتدای", "آغاز", "انتهای", "نیمه اول", "نیمه دوم", "نیمه نخست",
            "سه ماه نخست", "سه ماه اول", "سه ماهه نخست", "سه ماهه اول", "شش ماه نخست", "شش ماه اول",
            "شش ماهه نخست", "شش ماهه اول", "سه ماه پایانی", "شش ماه دوم",
        ],
        "seasons": {"0": ["بهار"], "1": ["تابستان"], "2": ["پاییز", "پائیز"], "3": ["زمستان"]},
        "season_units": ["فصل"],
        "century_units": ["قرن", "سده"],
        "century_ordinals": {"19": ["نوزدهم"], "20": ["بیستم"], "21": ["بیست و یکم", "بیست‌ویکم"]},
        "calendar_links": ["برابر با", "برابر", "مطابق با", "مطابق", "/"],
        "idioms": ["امروز و فردا"],
        "count_units": ["ماه", "ماهه"],
        "count_words": ["دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده"],
        "count_ends": ["نخست", "اول", "دوم", "پایانی", "آخر"],
        "between": ["بین", "میان", "در فاصله"],
        "decade_words": {"3": ["سی"], "4": ["چهل"], "5": ["پنجاه"], "6": ["شصت"], "7": ["هفتاد"], "8": ["هشتاد"], "9": ["نود"]},
        "future_cues": ["خواهد", "خواهند", "خواهیم", "خواهم", "قرار", "آینده", "آتی", "می", "میشود", "میکند"],
        "clause_breaks": ["که", "و", "اما", "ولی"],
        "future_prefixes": [],
        "not_future": [],
        "nowadays_before": [
            "تا", "دنیای", "جهان", "جهانِ", "ایران", "جامعه", "جامعهٔ", "نسل", "شرایط", "وضعیت", "دنیا", "روزگار",
            "انسان", "مردم", "اقتصاد", "سیاست", "جوانان", "نسل‌های",
        ],
        "nowadays_after": ["دیگر", "میان", "بین", "که"],
        "weekday_blockers": ["نماز", "امام", "خطبه", "خطیب", "ائمه", "هر", "های", "ها", "روزهای"],
        "locative_cues": [
            "در", "به", "از", "تا", "شهر", "پایتخت", "نشست", "اجلاس", "سران", "همایش", "بیانیه", "اعلامیه",
            "فرودگاه", "دانشگاه", "مجمع", "کنفرانس", "سفر", "راهی", "وارد",
        ],
    },
}


def _load(cldr: Path, loc: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((cldr / loc / name).read_text(encoding="utf-8"))
    return data["main"][loc]  # type: ignore[no-any-return]


def _months(cldr: Path, locales: tuple[str, ...], calendar: str) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {str(m): [] for m in range(1, 13)}
    for loc in locales:
        path = cldr / loc / f"ca-{calendar}.json"
        if not path.exists():
            continue
        months = _load(cldr, loc, path.name)["dates"]["calendars"][calendar]["months"]
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for key, value in months[context][width].items():
                    if value not in names[key] and len(value) > 1:
                        names[key].append(value)
    return names


def _ar_locales(cldr: Path) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in cldr.iterdir() if p.name == "ar" or p.name.startswith("ar-")))


def _weekdays(cldr: Path, loc: str) -> dict[str, list[str]]:
    days = _load(cldr, loc, "ca-gregorian.json")["dates"]["calendars"]["gregorian"]["days"]
    out: dict[str, list[str]] = {}
    for index, key in enumerate(_WEEKDAYS):
        forms = [days[ctx]["wide"][key] for ctx in ("format", "stand-alone")]
        out[str(index)] = sorted(set(forms))
    return out


def _relative(cldr: Path, loc: str) -> dict[str, dict[str, list[str]]]:
    fields = _load(cldr, loc, "dateFields.json")["dates"]["fields"]
    out: dict[str, dict[str, list[str]]] = {}
    for field in _FIELDS:
        out[field] = {}
        for key, value in fields[field].items():
            if key.startswith("relative-type-"):
                out[field][key.removeprefix("relative-type-")] = [value]
    return out


def build(cldr: Path) -> dict[str, Any]:
    """Return the vocabulary as a JSON-ready dict."""
    cldr_part: dict[str, Any] = {}
    for lang in ("ar", "fa"):
        entry: dict[str, Any] = {}
        for calendar in ("gregorian", "persian", "islamic"):
            locales = (
                _ar_locales(cldr)
                if (lang, calendar) == ("ar", "gregorian")
                else _MONTH_SOURCES.get((lang, calendar), ())
            )
            if locales:
                entry[calendar] = _months(cldr, locales, calendar)
        entry["weekdays"] = _weekdays(cldr, lang)
        entry["relative"] = _relative(cldr, lang)
        cldr_part[lang] = entry
    return {
        "_about": "Generated by scripts/build_date_vocab.py from Unicode CLDR JSON 48.2 (persian 46.1); "
        "do not edit the 'cldr' section by hand.",
        "cldr": cldr_part,
        "supplement": SUPPLEMENT,
    }


def render(cldr: Path) -> str:
    """The exact text of the vocabulary file."""
    return json.dumps(build(cldr), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cldr", type=Path, default=DEFAULT_CLDR)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail if the file differs")
    args = parser.parse_args(argv)
    text = render(args.cldr)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is stale")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
