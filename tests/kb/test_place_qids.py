"""The place QIDs: ``scripts/build_kb_place_qids.py`` and the table it writes."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from _scripts import load_script
from arfa.kb import KnowledgeBase

ROOT = Path(__file__).parents[2]
TABLE = ROOT / "scripts/data/place_qids.tsv"
#: the key of a city (GeoNames id) or a division (ISO code) in an entity's ``source``
SOURCE_KEY = re.compile(r"GeoNames (\d+) via|\(MIT\) ([A-Z]{2}-[0-9A-Z]+);")


def _script() -> ModuleType:
    return load_script("build_kb_place_qids")


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _city(name: str, lat: float, lon: float, qid: str, cc: str = "IR") -> dict[str, str]:
    return {"name": name, "name_en": name, "latitude": str(lat), "longitude": str(lon),
            "wikiDataId": qid, "country_code": cc}


def _state(name: str, iso2: str, qid: str, cc: str = "IR") -> dict[str, str]:
    return {"name": name, "name_en": name, "iso2": iso2, "wikiDataId": qid, "country_code": cc}


@pytest.mark.parametrize(("name", "reduced"), [
    ("Āz̄arbāyjān-e Sharqī Province", "azarbayjanesharqi"),
    ("Republic of Adygea", "adygea"),
    ("Tehran Province", "tehran"),
    ("Ra's al Khaymah", "rasalkhaymah"),
    ("Dnipro Raion", "dnipro"),
])
def test_reduce_name(script: ModuleType, name: str, reduced: str) -> None:
    assert script.reduce_name(name) == reduced


KARAJ = _city("Karaj", 35.83266, 50.99155, "Q36529")
CITY_CASES = [
    # (our names, lat, lon, source records, expected QID)
    (["Karaj"], 35.8355, 50.9915, [KARAJ], "Q36529"),
    (["Karaj"], 35.69, 51.42, [KARAJ], None),  # 42 km away: another place
    (["Karaj"], 35.8355, 50.9915, [KARAJ, _city("Karaj", 35.84, 50.98, "Q99")], None),  # two QIDs, one name
    (["Delhi", "New Delhi"], 28.65, 77.23,
     [_city("Delhi", 28.65195, 77.23149, "Q1353"), _city("New Delhi", 28.63576, 77.22445, "Q987")], "Q1353"),
    (["Karaj"], 35.8355, 50.9915, [_city("Karaj", 35.83, 50.99, "")], None),  # the record has no QID
    (["Karaj"], 35.8355, 50.9915, [_city("Karaj", 35.83, 50.99, "Q36529", cc="AF")], None),  # another country
    (["Kashan"], 33.98, 51.43, [KARAJ], None),
]


@pytest.mark.parametrize(("names", "lat", "lon", "source", "qid"), CITY_CASES)
def test_match_city(script: ModuleType, names: list[str], lat: float, lon: float,
                    source: list[dict[str, str]], qid: str | None) -> None:
    hit = script.match_city(names, "IR", lat, lon, source)
    assert (hit[0] if hit else None) == qid


IRAN = [_state("Tehran", "23", "Q590866"), _state("Fars", "07", "Q1004666"),
        _state("Markazi", "00", "Q134417")]
DIVISION_CASES = [
    # (our names, our ISO code, source records, expected QID and how)
    (["Tehran Province"], "IR-07", IRAN, ("Q590866", "name")),  # Iran's codes were renumbered
    (["Fars Province"], "IR-07", IRAN, ("Q1004666", "code+name")),
    (["Markazī Province"], "IR-22", IRAN, ("Q134417", "name")),
    (["Pars"], "IR-07", IRAN, None),  # the code agrees, the name does not
    (["Farss"], "IR-07", IRAN, ("Q1004666", "code+close name")),
    (["Tehran"], "IR-23", [*IRAN, _state("Tehran", "99", "Q5")], None),  # two states, one name
    (["Tehran"], "AF-KAB", IRAN, None),  # another country
]


@pytest.mark.parametrize(("names", "code", "source", "expected"), DIVISION_CASES)
def test_match_division(script: ModuleType, names: list[str], code: str,
                        source: list[dict[str, str]], expected: tuple[str, str] | None) -> None:
    hit = script.match_division(names, code, source)
    assert (hit[:2] if hit else None) == expected


def test_conflicts_keep_no_shared_qid(script: ModuleType) -> None:
    match = script.Match
    matches = [
        match("city", "1816670", "Q956", "m", "Beijing"), match("region", "CN-11", "Q956", "m", "Beijing"),
        match("city", "1", "Q5", "m", "A"), match("city", "2", "Q5", "m", "B"),
        match("city", "1880252", "Q334", "m", "Singapore"),
        match("region", "IR-07", "Q590866", "m", "Tehran"),
    ]
    kept = script.resolve_conflicts(matches, {"Q334"})
    assert [m.key for m in kept] == ["1816670", "IR-07"]


def test_table_gives_each_qid_once() -> None:
    rows = _rows()
    assert rows, "scripts/data/place_qids.tsv is empty"
    assert all(r["qid"].startswith("Q") for r in rows)
    repeated = [q for q, n in Counter(r["qid"] for r in rows).items() if n > 1]
    assert repeated == []


def test_every_table_row_reaches_its_entity(kb: KnowledgeBase) -> None:
    # a row whose entity a later build leaves out (its only names became ordinary words) is
    # harmless; every entity the row names carries the row's QID
    by_key: dict[str, list[str | None]] = {}
    for ent in kb:
        for m in SOURCE_KEY.finditer(ent.source):
            by_key.setdefault(m.group(1) or m.group(2), []).append(ent.wikidata)
    rows = _rows()
    reached = [r for r in rows if r["key"] in by_key]
    assert len(reached) >= 0.99 * len(rows)
    for row in reached:
        assert by_key[row["key"]] == [row["qid"]], row


def _at(qid: str, name: str, lat: float, lon: float) -> dict[str, str]:
    return {"wikiDataId": qid, "name": name, "latitude": str(lat), "longitude": str(lon)}


@pytest.mark.parametrize(("records", "scattered"), [
    ([_at("Q1", "Zürich", 47.37, 8.55), _at("Q1", "Zäziwil", 46.90, 7.66)], True),  # unrelated names
    ([_at("Q3", "Jining", 41.03, 113.11), _at("Q3", "Jining", 35.41, 116.58)], True),  # 700 km apart
    ([_at("Q2", "Guangzhou Shi", 23.37, 113.51), _at("Q2", "Guangzhou", 23.12, 113.25)], False),  # city, prefecture
    ([_at("Q4", "Davao City", 7.07, 125.60), _at("Q4", "Davao", 7.07, 125.61)], False),
    ([_at("Q5", "Karaj", 35.83, 50.99)], False),
])
def test_a_qid_given_to_two_places_is_scattered(script: ModuleType, records: list[dict[str, str]],
                                                scattered: bool) -> None:
    assert bool(script.scattered_qids(records)) is scattered


@pytest.mark.parametrize("code", ["AM-ER", "AZ-BA", "GE-TB", "JP-13"])
def test_a_city_state_qid_is_the_citys(kb: KnowledgeBase, code: str) -> None:
    geonames = _script().CITY_STATES[code]
    division = [e for e in kb if f"(MIT) {code};" in e.source]
    city = [e for e in kb if f"GeoNames {geonames} " in e.source]
    assert len(city) == 1 and city[0].wikidata, code
    assert all(d.wikidata != city[0].wikidata for d in division)
