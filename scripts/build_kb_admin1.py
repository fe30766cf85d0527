"""Generate ``gen_admin1.yaml``: first-level administrative divisions of the region.

Two steps, so that the build needs no network:

1. ``--extract`` reads the downloaded source packages and writes the compact table
   ``scripts/data/admin1.tsv`` (checked in; its license allows it, see ``SOURCES.md``)::

       npm pack iso3166-2-db@2.3.11            # esosedi/3166, MIT: en/ar/ru names, Wikipedia titles
       pip download --no-deps iso3166-2==1.8.4  # amckenna41/iso3166-2, MIT: ISO names, local names (fas, prs)
       PYTHONPATH=src python scripts/build_kb_admin1.py --extract \\
           --db DIR/package --iso DIR/iso3166_2/iso3166-2.json

2. the default run turns ``scripts/data/admin1.tsv`` into ``src/arfa/resources/kb/gen_admin1.yaml``
   (``--check`` compares instead of writing).

Divisions are kept for the countries of :data:`REGION`: Europe, the former Soviet Union, the
Middle East and the Arab states of Africa, South Asia, China, the United States and Japan.
Only Arabic-script names that the sources attest are used; an Arabic or Persian name that
is already a country's or a city's alias is written with its type word (``محافظة``,
``استان``, ``ولایت``) instead, so ``طهران`` stays the city and ``استان تهران`` is the province.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from arfa.lang import ar as lang_ar
from arfa.lang import fa as lang_fa
from arfa.normalize import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_kb import dump, entity, place_qids, script_lang, slug, write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "scripts/data/admin1.tsv"
KB_DIR = ROOT / "src/arfa/resources/kb"
COLUMNS = ["cc", "code", "parent", "en", "wikipedia", "en_alt", "ar", "fa", "ru", "geonames"]

#: the countries whose divisions are kept (ISO 3166-1 alpha-2)
REGION = frozenset(
    # Europe
    "AD AL AT BA BE BG CH CY CZ DE DK ES FI FR GB GR HR HU IE IS IT LI LU MC ME MK MT NL NO PL PT RO RS SE SI SK"
    " SM VA XK"
    # former Soviet Union
    " AM AZ BY EE GE KG KZ LT LV MD RU TJ TM UA UZ"
    # Middle East, Arab states of Africa
    " AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE DZ LY MA MR SD TN SO DJ KM"
    # South Asia, and China, the United States, Japan
    " AF BD BT IN LK MV NP PK CN US JP".split()
)

#: source labels that are wrong for the division (checked by hand)
BAD_NAMES = frozenset({"أزمة التبت والصين", "جورنو"})

#: type words written before a name that is already another entity's alias
TYPE_WORD_AR = {"Province": "محافظة", "Governorate": "محافظة", "Region": "منطقة", "Oblast": "مقاطعة"}
TYPE_WORD_FA = {"IR": "استان", "AF": "ولایت", "TJ": "ولایت"}

#: countries whose divisions are kept even without an Arabic-script name (elsewhere such a
#: division, mostly a European municipality, would only slow the knowledge base down)
CORE = frozenset(
    "AM AZ BY EE GE KG KZ LT LV MD RU TJ TM UA UZ AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"
    " AF BD BT IN LK MV NP PK CN US JP".split()
)

#: Arabic-speaking countries
ARAB = frozenset("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())

#: rows that repeat another entity (found by ``scripts/kb_duplicates.py``): an obsolete code
#: of a division the table lists again under its current code, or a territory ``regions.yaml``
#: already holds
DUPLICATE_CODES = frozenset({
    "AF-ORU",  # Urozgan, listed again as AF-URU (one GeoNames id, 1131461)
    "BH-19",  # Northern Governorate, listed again as BH-17
    "PS-GZZ", "PS-WBK",  # loc/gaza-strip, loc/west-bank (curated)
})

#: English aliases the sources give a division that name another place (the city in its
#: province, the province of a city, a neighbour): checked by hand
WRONG_ALT: dict[str, frozenset[str]] = {
    "UA-32": frozenset({"Kiev", "Kyiv", "Kyiv City", "Mother of Rus Cities"}),  # the oblast, not the city
    "BY-HM": frozenset({"Minskaja oblast'"}),  # the city, not the region
    "BY-MI": frozenset({"Minsk"}),
    "RU-MOW": frozenset({"Moskovskaja oblast'"}),  # the city, not the oblast
    "RU-MOS": frozenset({"Moscow"}),
    "RU-LEN": frozenset({"Leningrad"}),  # the old name of Saint Petersburg
    "UZ-TO": frozenset({"Toshkent", "Tashkent"}),  # the province, not the city
    "BH-17": frozenset({"Southern Governorate"}),
}

#: English names where the source's differs from the Wikipedia title
NAME_FIX = {"SD-RS": "Red Sea State"}

#: one-word names that are ordinary words (folded)
GENERIC = frozenset(fold(w) for w in "الشمال الجنوب الشرق الغرب الوسط الساحل الداخل البحر الجبل المركز".split())

#: names shared by divisions of several countries, or by a division and a wider region
AMBIGUOUS = frozenset(fold(w) for w in ["كردستان", "کردستان", "أذربيجان", "آذربایجان", "بنجاب", "پنجاب", "مقدونيا"])

#: spellings in the region's news that the sources lack (curated)
EXTRA: dict[str, dict[str, list[str]]] = {
    "TJ-SU": {"ar": ["سغد", "ولاية سغد", "منطقة سغد"], "fa": ["سغد", "ولایت سغد"]},
    "TJ-KT": {"ar": ["ختلان", "ولاية ختلان"], "fa": ["ختلان", "ولایت ختلان"]},
    "TJ-GB": {"ar": ["بدخشان الجبلية", "غورنو باداخشان"], "fa": ["بدخشان کوهستانی", "ولایت خودمختار کوهستان بدخشان"]},
    "KZ-75": {"fa": ["آلماتی"]},
    "UZ-SA": {"ar": ["ولاية سمرقند"], "fa": ["ولایت سمرقند"]},
    "UZ-FA": {"ar": ["ولاية فرغانة"], "fa": ["ولایت فرغانه"]},
}


# ---------------------------------------------------------------- extraction


def _local(value: str | None, lang: str) -> list[str]:
    """Names tagged ``(lang)`` in an iso3166-2 ``localOtherName`` string."""
    return [m.strip() for m in re.findall(rf"([^,]+?) \({lang}\)", value or "")]


def _key(name: str) -> str:
    """An English name reduced for joining the two sources (their ISO codes differ for Iran)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"\b(province|governorate|region|oblast|ostan|state|county)\b", " ", ascii_name)
    return re.sub(r"[^a-z]", "", ascii_name)


def _iso_index(iso: dict[str, Any], cc: str) -> dict[str, dict[str, Any]]:
    """iso3166-2 entries of one country by every reduced English name they carry."""
    index: dict[str, dict[str, Any]] = {}
    for rec in iso.get(cc, {}).values():
        for name in [rec.get("name") or "", *_local(rec.get("localOtherName"), "eng")]:
            index.setdefault(_key(name), rec)
    return index


def extract(db: Path, iso_json: Path, shared: Path, out: Path = TABLE) -> int:
    """Write the compact source table; returns the number of rows."""
    from build_kb import COUNTRY_NAMES

    iso = json.loads(iso_json.read_text(encoding="utf-8"))
    mledoze = json.loads((shared / "data/countries-mledoze/countries.json").read_text(encoding="utf-8"))
    parents = {r["cca2"]: f"loc/{slug(COUNTRY_NAMES.get(r['cca2'], r['name']['common']))}" for r in mledoze}
    rows = []
    for cc in sorted(REGION):
        folder = db / "regions" / cc
        if not (folder / "en_ref.json").is_file():
            continue
        by_lang = {lang: {r["iso"]: r for r in json.loads((folder / f"{lang}.json").read_text("utf-8"))}
                   for lang in ("en_ref", "ar", "ru", "geonames")}
        index = _iso_index(iso, cc)
        for code, rec in sorted(by_lang["en_ref"].items()):
            if not code:
                continue
            ref = rec.get("reference") or {}
            wiki = str(ref.get("wikipedia") or "")
            geo = by_lang["geonames"].get(code, {}).get("name", "")
            match = index.get(_key(rec["name"])) or index.get(_key(geo)) or {}
            local = match.get("localOtherName")
            ar = by_lang["ar"].get(code, {}).get("name", "")
            ru = by_lang["ru"].get(code, {}).get("name", "")
            rows.append({
                "cc": cc, "code": f"{cc}-{code}", "parent": parents.get(cc, ""), "en": rec["name"],
                "wikipedia": wiki[3:].replace("_", " ") if wiki.startswith("en:") else "",
                "en_alt": "|".join(x for x in [geo, match.get("name", ""), *_local(local, "eng")] if x),
                "ar": ar if script_lang(ar) else "",
                "fa": "|".join(_local(local, "fas") + _local(local, "prs")),
                "ru": ru if re.search("[\u0400-\u04ff]", ru) else "",
                "geonames": str(ref.get("geonames") or ""),
            })
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


# ---------------------------------------------------------------- build


def _taken(kb_dir: Path) -> tuple[set[str], set[str]]:
    """Ids and folded LOC aliases of the other files."""
    ids: set[str] = set()
    keys: set[str] = set()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(kb_dir.glob("*.yaml")):
        if path.name == "gen_admin1.yaml":
            continue
        for ent in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:
            ids.add(ent["id"])
            if ent["label"] == "LOC":
                keys.update(fold(n) for names in (ent.get("names") or {}).values() for n in names)
                keys.add(fold(ent["name"]))
    return ids, keys


def _generic(name: str, common: frozenset[str]) -> bool:
    """A name that is also something else: an adjective (الغربية), a direction, a common word,
    a given name (فارس, عمران), a sea (البحر الأحمر) or a region of several countries (كردستان)."""
    key = fold(name)
    if key in AMBIGUOUS or key.startswith("البحر "):
        return True
    if " " in key:
        return False
    adjective = key.startswith("ال") and key.endswith(("يه", "ي", "ية", "ى"))
    return adjective or key in common or key in GENERIC or key in person_words()


@cache
def person_words() -> frozenset[str]:
    """Folded Arabic words that ANETAC tags as parts of person names (a filter only; nothing is copied)."""
    path = ROOT.parent / "shared/data/anetac/EN-AR_Named-entities.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(p[2]) for line in lines if (p := line.split(" ")) and len(p) == 3 and p[0] == "PERSON")


def _with_type(name: str, word: str | None) -> str | None:
    return f"{word} {name}" if word and not name.startswith(word) else None


def build(table: Path = TABLE, kb_dir: Path = KB_DIR) -> str:
    """The text of ``gen_admin1.yaml``."""
    ids, keys = _taken(kb_dir)
    common = lang_ar.common_words() | lang_fa.common_words()
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out: list[dict[str, Any]] = []
    qids = place_qids("region")
    for row in rows:
        if row["code"] in DUPLICATE_CODES:
            continue
        cc, en = row["cc"], NAME_FIX.get(row["code"], row["en"])
        kind_word = next((w for w in TYPE_WORD_AR if en.endswith(w)), None)
        extra = EXTRA.get(row["code"], {})
        ar_src = [n for n in [row["ar"]] if n and n not in BAD_NAMES]
        fa_src = [n for n in row["fa"].split("|") if n and script_lang(n)]
        ar: list[str] = []
        for name in ar_src:
            # a name that is already a city or country alias gets its type word
            # an Arab governorate is mostly named after its seat: the bare name is the city
            seat = cc in ARAB and " " not in fold(name)
            plain = fold(name) not in keys and not _generic(name, common) and not seat
            ar.append(name if plain else _with_type(name, TYPE_WORD_AR.get(kind_word or "")) or "")
        fa: list[str] = []
        for name in fa_src:
            plain = fold(name) not in keys and not _generic(name, common)
            fa.append(name if plain else _with_type(name, TYPE_WORD_FA.get(cc)) or "")
        if cc in TYPE_WORD_FA:  # the Persian-speaking countries: the province with its type word
            fa += [t for n in fa_src if (t := _with_type(n, TYPE_WORD_FA[cc]))]
        if not (any(ar) or any(fa) or extra) and cc not in CORE:
            continue
        ident = f"loc/{slug(en)}"
        if ident in ids:
            ident = f"loc/{slug(en)}-{cc.lower()}"
        if ident in ids:
            continue
        ids.add(ident)
        wrong = WRONG_ALT.get(row["code"], frozenset())
        en_names = [en, *(n for n in row["en_alt"].split("|") if n and fold(n) not in keys and n not in wrong)]
        out.append(entity(
            id=ident, label="LOC", name=row["wikipedia"] if _plain(row["wikipedia"], en) else en,
            wikidata=qids.get(row["code"]), kind="region", parent=row["parent"] or None,
            names={"ar": [n for n in ar if n] + extra.get("ar", []), "fa": [n for n in fa if n] + extra.get("fa", []),
                   "en": en_names, "ru": [n for n in [row["ru"]] if fold(n) not in keys]},
            prior=0.6,
            source=f"iso3166-2-db (MIT) {row['code']}; iso3166-2 (MIT)"
                   + (f"; GeoNames {row['geonames']}" if row["geonames"] else "")
                   + ("; QID: dr5hn countries-states-cities (ODbL)" if row["code"] in qids else ""),
        ))
    return dump(out, "scripts/data/admin1.tsv (iso3166-2-db, iso3166-2)").replace("scripts/build_kb.py", "scripts/build_kb_admin1.py", 1)


def _plain(title: str, name: str) -> bool:
    """Use the Wikipedia title when it is the same name up to diacritics-free spelling."""
    return bool(title) and title.isascii() and fold(title).replace(" ", "") == fold(name).replace(" ", "")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", action="store_true", help="rebuild scripts/data/admin1.tsv from the packages")
    parser.add_argument("--db", type=Path, help="the unpacked iso3166-2-db npm package")
    parser.add_argument("--iso", type=Path, help="iso3166-2.json of the iso3166-2 PyPI package")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="for mledoze countries.json")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    if args.extract:
        print(f"wrote {TABLE} ({extract(args.db, args.iso, args.shared)} rows)")
        return 0
    return write_or_check({"gen_admin1.yaml": build()}, KB_DIR, check=args.check)


if __name__ == "__main__":
    raise SystemExit(main())
