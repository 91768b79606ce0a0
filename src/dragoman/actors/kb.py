"""The actor knowledge base, loaded once from package data files into immutable lookup tables.

Files (``data/actors/``) are tab-separated with a header line; ``#`` starts a comment line; list cells are
``|``-separated. The header says what a file holds, so a user's file of any of these formats (or a
PETRARCH/TABARI actor dictionary, see ``petrarch.py``) can be added with ``ActorKB.load(extra=[...])``:

    countries       iso3, names, adjectives, capitals
    sectors         word, sector[, role]
    organisations   id, names, code, country, org, sector      (also groups.tsv)
    people          id, names, country, org, sector, role, start, end
    affiliations    affix, position, sector
    references      word, kind, value
    codes           code, name                                   (sector-codes.tsv, region-codes.tsv)

The people of PETRARCH-2's Phoenix dictionaries (``petrarch-people.tsv``, 17,000 people with dated offices)
join on request (``ActorKB.load(people_index=True)``, or that file given as an extra file) through a
prebuilt index (``petrarch-people.index.pickle.gz``, 0.15 s instead of 1.4 s) that keeps only full names a
dictionary match can trust: two words or more after leading titles ("President", "Sheikh"), no place, role
or function word inside ("Kosovo Assembly", "Supreme Council of the ..."), no name two countries share.
They never give bare surnames, never a holder of an office by role, and every name of the curated files
(and of the user's) wins. ``tools/build_people_index.py`` writes the index; a test rebuilds it from
its sources (the PETRARCH file and the place and role files its filter reads), and a stale index is rebuilt
at load instead of being used.

Every code is checked while loading: a country must be a real ISO 3166-1 alpha-3 code (or one of the
few user-assigned codes listed in ``EXTRA_COUNTRIES``), a sector one of ``sector-codes.tsv``, an actor code
a well-formed CAMEO code. A bad row raises ``ConfigError`` naming the file and line; nothing is stored.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import gzip
import hashlib
import io
import pickle
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import pycountry

from dragoman.actors.entries import Entry, Tenure
from dragoman.actors.petrarch import is_petrarch, read_petrarch
from dragoman.errors import ConfigError

# Codes in wide use for states that ISO 3166 does not (yet) list.
EXTRA_COUNTRIES = frozenset({"XKX"})
PACKAGE_FILES = ("sector-codes.tsv", "region-codes.tsv", "countries.tsv", "sectors.tsv", "organisations.tsv",
                 "groups.tsv", "people.tsv", "affiliations.tsv", "references.tsv")
CODE_SEGMENTS = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")
PEOPLE_SOURCE = "petrarch-people.tsv"
PEOPLE_INDEX = "petrarch-people.index.pickle.gz"
PEOPLE_INDEX_FORMAT = 2
# The files the index filter reads (place and role words, codes): editing another curated file does not
# make the index stale, since curated names win at load time anyway.
PEOPLE_INDEX_INPUTS = ("sector-codes.tsv", "region-codes.tsv", "countries.tsv", "sectors.tsv")


@dataclass(frozen=True)
class Affix:
    position: str  # prefix ("pro-Iranian") or suffix ("Iranian-backed")
    sector: str


@dataclass(frozen=True)
class ActorKB:
    """Immutable lookup tables built from the data files."""

    names: Mapping[str, tuple[Entry, ...]]  # normalised name -> entries
    sectors: Mapping[str, str]  # role word -> sector
    roles: Mapping[str, str]  # role word -> office ("foreign minister" -> foreign_minister)
    country_names: Mapping[str, str]  # ISO-3 -> canonical name
    acronyms: frozenset[str]  # names written in capitals ("US", "UN", "IAEA"): matched case-sensitively
    people: Mapping[str, Entry] = field(default_factory=dict)  # person id -> entry
    holders: Mapping[tuple[str, str], tuple[Entry, ...]] = field(default_factory=dict)  # (country/org, role)
    surnames: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)  # normalised surname -> people
    affixes: Mapping[str, Affix] = field(default_factory=dict)
    references: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # word -> (kind, value)
    rejected: tuple[str, ...] = ()  # dictionary entries left out, with the reason (PETRARCH files)

    @classmethod
    def load(cls, extra: Iterable[Path] = (), people_index: bool = False) -> ActorKB:
        """The package's files, then the user's ``extra`` files; with ``people_index`` (or when ``extra``
        holds the shipped ``petrarch-people.tsv``), the indexed PETRARCH people last, under the names
        nothing loaded before holds."""
        enabled = gc.isenabled()
        gc.disable()  # tens of thousands of records at once: the collector would walk the heap again and again
        try:
            return cls._load(extra, people_index)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _load(cls, extra: Iterable[Path], people_index: bool) -> ActorKB:
        builder = _Builder()
        data = resources.files("dragoman") / "data" / "actors"
        with resources.as_file(data) as folder:
            for name in PACKAGE_FILES:
                builder.load_file(folder / name)
            for path in extra:
                if Path(path).name == PEOPLE_SOURCE \
                        and Path(path).read_bytes() == people_source(folder).read_bytes():
                    people_index = True  # the shipped file: its index, fast and filtered
                else:
                    builder.load_file(Path(path))
            builder.add_pycountry()
            if people_index:
                indexed = read_people_index(folder)
                builder.add_indexed(indexed if indexed is not None else build_people_index(folder))
        return builder.build()

    def lookup(self, text: str) -> tuple[Entry, ...]:
        return self.names.get(normalise(text), ())

    def sector_of(self, word: str) -> str | None:
        return self.sectors.get(word.lower())

    @cached_property
    def sector_heads(self) -> frozenset[str]:
        """The last words of the sector phrases of two or more words ("security forces" -> "forces"): a
        word that is none of these, and no sector word itself, ends no sector phrase."""
        return frozenset(k.rsplit(" ", 1)[-1] for k in self.sectors if " " in k)

    def role_of(self, word: str) -> str | None:
        return self.roles.get(word.lower())

    def reference(self, word: str) -> tuple[str, str] | None:
        return self.references.get(word.lower())

    def holder(self, owner: str, role: str, date: dt.date | None) -> Entry | None:
        """The person holding ``role`` for ``owner`` (ISO-3 or organisation acronym) at ``date``; with no
        date, the current holder. None when the base does not know or more than one person qualifies."""
        found = []
        for person in self.holders.get((owner, role), ()):
            for tenure in person.tenures:
                if tenure.role != role or (tenure.country or tenure.org) != owner:
                    continue
                if (date is not None and tenure.holds(date)) or (date is None and tenure.end is None):
                    found.append(person)
                    break
        return found[0] if len(found) == 1 else None


def normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def read_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated data file with their line numbers; comments and blank lines skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read knowledge file: {exc}") from None
    body = [(n, ln) for n, ln in enumerate(lines, start=1) if ln.strip() and not ln.startswith("#")]
    if not body:
        return
    header_line, header = body[0]
    columns = header.split("\t")
    for number, line in body[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(columns):
            raise ConfigError(f"{path}:{number}: {len(cells)} columns, the header (line {header_line}) "
                              f"has {len(columns)}; separate columns with one tab")
        yield number, dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))


def parse_date(text: str, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date means its first day (or last, for ``end``)."""
    text = text.strip()
    if not text:
        return None
    parts = text.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        raise ValueError(f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        if not end:
            return dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(year, month, int(parts[2]))


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in name


def _real_countries() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRIES


class _Builder:
    """Mutable tables while loading; ``build`` freezes them into an ``ActorKB``."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.sectors: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.surfaces: set[str] = set()
        self.people: dict[str, Entry] = {}
        self.person_names: dict[str, list[str]] = {}
        self.affixes: dict[str, Affix] = {}
        self.references: dict[str, tuple[str, str]] = {}
        self.sector_codes: set[str] = set()
        self.first_codes: set[str] = set(_real_countries())
        self.countries = _real_countries()
        self.org_codes: dict[str, str] = {}
        self.rejected: list[str] = []
        self.indexed: set[str] = set()  # ids of people from the PETRARCH index: no surnames, no offices

    # --- checks -------------------------------------------------------------------------------------
    def country(self, value: str, where: str) -> str | None:
        iso3 = value.strip().upper()
        if not iso3:
            return None
        if iso3 not in self.countries:
            raise ConfigError(f"{where}: {value!r} is not an ISO 3166-1 alpha-3 country code")
        return iso3

    def sector(self, value: str, where: str) -> str | None:
        sector = value.strip().upper()
        if not sector:
            return None
        if self.sector_codes and sector not in self.sector_codes:
            raise ConfigError(f"{where}: {value!r} is not a CAMEO sector code "
                              f"(one of {', '.join(sorted(self.sector_codes))})")
        return sector

    def code_problem(self, code: str) -> str | None:
        """Why ``code`` is not a well-formed CAMEO actor code, or None."""
        if not CODE_SEGMENTS.match(code):
            return f"{code!r} is not a CAMEO actor code (three-letter segments in capitals, e.g. IRNGOV)"
        if code[:3] not in self.first_codes:
            return f"{code!r} does not start with a country, region or IGO/NGO code"
        return None

    def code(self, value: str, where: str) -> str:
        code = value.strip()
        problem = self.code_problem(code)
        if problem:
            raise ConfigError(f"{where}: {problem}")
        return code

    # --- loading ------------------------------------------------------------------------------------
    def add(self, name: str, entry: Entry) -> None:
        self.surfaces.add(name)
        bucket = self.names.setdefault(normalise(name), [])
        if entry not in bucket:
            bucket.append(entry)

    def load_file(self, path: Path) -> None:

        if is_petrarch(path):
            for entry, names in read_petrarch(path, self.code_problem, self.rejected):
                for name in names:
                    self.add(name, entry)
                if entry.kind == "person":
                    self.people[entry.id] = entry
            return
        rows = list(read_table(path))
        if not rows:
            return
        columns = set(rows[0][1])
        if columns == {"code", "name"}:
            target = self.sector_codes if path.name.startswith("sector") else self.first_codes
            target.update(row["code"].strip() for _, row in rows)
        elif {"iso3", "names", "adjectives", "capitals"} <= columns:
            self._countries(path, rows)
        elif {"word", "sector"} <= columns:
            for number, row in rows:
                word = normalise(row["word"])
                self.sectors[word] = self.sector(row["sector"], f"{path}:{number}") or ""
                if row.get("role", "").strip():
                    self.roles[word] = row["role"].strip()
        elif {"id", "names", "country", "org", "sector", "role", "start", "end"} <= columns:
            self._people(path, rows)
        elif {"id", "names", "code", "country", "org", "sector"} <= columns:
            self._organisations(path, rows)
        elif {"affix", "position", "sector"} <= columns:
            for number, row in rows:
                if row["position"] not in ("prefix", "suffix"):
                    raise ConfigError(f"{path}:{number}: position must be prefix or suffix")
                self.affixes[normalise(row["affix"])] = Affix(
                    row["position"], self.sector(row["sector"], f"{path}:{number}") or "")
        elif {"word", "kind", "value"} <= columns:
            for number, row in rows:
                if row["kind"] not in ("count", "group", "person", "pronoun", "blocker", "org", "region", "seat"):
                    raise ConfigError(f"{path}:{number}: unknown reference kind {row['kind']!r}")
                self.references[normalise(row["word"])] = (row["kind"], row["value"].strip())
        else:
            raise ConfigError(f"{path}: unknown knowledge file format (columns: {', '.join(sorted(columns))}); "
                              f"see the formats in dragoman/actors/kb.py")

    def _countries(self, path: Path, rows: list[tuple[int, dict[str, str]]]) -> None:
        for number, row in rows:
            iso3 = self.country(row["iso3"], f"{path}:{number}")
            if iso3 is None:
                raise ConfigError(f"{path}:{number}: a country row needs its iso3 code")
            all_names = _split(row["names"])
            canonical = all_names[0] if all_names else iso3
            self.country_names.setdefault(iso3, canonical)
            entry = Entry(f"country:{iso3}", "country", canonical, iso3, iso3, None, None)
            for name in all_names:
                self.add(name, entry)
            adjective = Entry(f"country:{iso3}", "adjective", canonical, iso3, iso3, None, None)
            capital = Entry(f"country:{iso3}", "capital", canonical, iso3 + "GOV", iso3, None, "GOV")
            for adj in _split(row["adjectives"]):
                self.add(adj, adjective)
            for cap in _split(row["capitals"]):
                self.add(cap, capital)

    def _organisations(self, path: Path, rows: list[tuple[int, dict[str, str]]]) -> None:
        for number, row in rows:
            where = f"{path}:{number}"
            all_names = _split(row["names"])
            if not all_names:
                raise ConfigError(f"{where}: entry {row['id']!r} has no names")
            code = self.code(row["code"], where)
            org = row["org"].strip() or None
            kind = "org" if org else "group"
            entry = Entry(f"{kind}:{row['id'].strip()}", kind, all_names[0], code,
                          self.country(row["country"], where), org, self.sector(row["sector"], where))
            if org:
                self.org_codes.setdefault(org, code)
            for name in all_names:
                self.add(name, entry)

    def _people(self, path: Path, rows: list[tuple[int, dict[str, str]]]) -> None:
        tenures: dict[str, list[Tenure]] = {}
        for number, row in rows:
            where = f"{path}:{number}"
            pid = row["id"].strip()
            if not pid:
                raise ConfigError(f"{where}: a person row needs an id")
            names = self.person_names.setdefault(pid, [])
            names += [n for n in _split(row["names"]) if n not in names]
            if not names:
                raise ConfigError(f"{where}: person {pid!r} has no names (give them on its first line)")
            country = self.country(row["country"], where)
            org = row["org"].strip() or None
            if country is None and org is None:
                raise ConfigError(f"{where}: person {pid!r} needs a country or an organisation")
            if org is not None and country is None and org not in self.org_codes:
                raise ConfigError(f"{where}: unknown organisation {org!r} (define it in an organisations file)")
            sector = self.sector(row["sector"], where)
            try:
                start = parse_date(row["start"])
                end = parse_date(row["end"], end=True)
            except ValueError as exc:
                raise ConfigError(f"{where}: {exc}") from None
            if start and end and end < start:
                raise ConfigError(f"{where}: the office ends ({end}) before it starts ({start})")
            code = (country + (sector or "")) if country else self.org_codes[org or ""]
            role = row["role"].strip() or "official"
            tenures.setdefault(pid, []).append(Tenure(role, code, country, org, sector, start, end))
        for pid, offices in tenures.items():
            first = offices[0]
            entry = Entry(f"person:{pid}", "person", self.person_names[pid][0], first.code, first.country,
                          first.org, first.sector, tuple(offices))
            self.people[entry.id] = entry
            for name in self.person_names[pid]:
                self.add(name, entry)

    def add_pycountry(self) -> None:
        """Every ISO 3166 state by its pycountry names, under the curated canonical name where there is one."""
        for country in pycountry.countries:
            iso3 = country.alpha_3
            canonical = self.country_names.setdefault(iso3, getattr(country, "common_name", None) or country.name)
            entry = Entry(f"country:{iso3}", "country", canonical, iso3, iso3, None, None)
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and normalise(value) not in self.names:
                    self.add(value, entry)

    def add_indexed(self, people: Iterable[tuple[Entry, tuple[str, ...]]]) -> None:
        """Indexed people under each of their (normalised) names that no file loaded before gives: curated
        and user files win. Such names have spaces: never acronyms."""
        names = self.names
        for entry, keys in people:
            added = False
            for key in keys:
                if key not in names:
                    names[key] = [entry]
                    added = True
            if added:
                self.people[entry.id] = entry
                self.indexed.add(entry.id)

    def build(self) -> ActorKB:
        holders: dict[tuple[str, str], list[Entry]] = {}
        surnames: dict[str, list[Entry]] = {}
        for person in self.people.values():
            if person.id in self.indexed:
                continue
            for tenure in person.tenures:
                owner = tenure.country or tenure.org
                if owner:
                    bucket = holders.setdefault((owner, tenure.role), [])
                    if person not in bucket:
                        bucket.append(person)
            family_first = any(t.country in FAMILY_NAME_FIRST for t in person.tenures)
            for surname in _surnames(person.name, family_first):
                surnames.setdefault(normalise(surname), []).append(person)
        names = {k: tuple(v) for k, v in self.names.items()}
        return ActorKB(
            names=MappingProxyType(names),
            sectors=MappingProxyType(self.sectors),
            roles=MappingProxyType(self.roles),
            country_names=MappingProxyType(self.country_names),
            acronyms=frozenset(n for n in self.surfaces if _is_acronym(n)),
            people=MappingProxyType(dict(self.people)),
            holders=MappingProxyType({k: tuple(v) for k, v in holders.items()}),
            surnames=MappingProxyType({k: tuple(v) for k, v in surnames.items()}),
            affixes=MappingProxyType(self.affixes),
            references=MappingProxyType(self.references),
            rejected=tuple(self.rejected),
        )


# --- the index of PETRARCH people --------------------------------------------------------------------
# Words a dictionary name may start with that are no part of the name ("President", "Sheikh", "U.S.").
LEADING = {"former", "ex", "ex-president", "acting", "interim", "deputy", "vice", "senior", "chief", "mr.", "mrs.",
           "ms.", "dr.", "sir", "lord", "lady", "his", "her", "majesty", "excellency", "sen.", "gen.", "col.",
           "lt.", "maj.", "capt.", "adm.", "rep.", "gov.", "pres.", "sec.", "u.s.", "u.n.", "us", "un", "the",
           "first", "grand", "crown", "haji", "hajji", "mawlawi", "maulana", "maulvi", "imam", "pope", "rev.",
           "archbishop", "bishop", "cardinal", "father", "brother", "marshal", "field", "admiral", "brigadier",
           "lieutenant", "major", "captain", "commander", "sergeant", "senator", "ambassador", "dictator",
           "chairman", "speaker", "secretary-general", "secretary", "defense", "defence", "foreign", "prime",
           "minister", "premier", "leader", "opposition", "ousted", "exiled", "late", "slain", "rebel"}
# Words of organisations, not of people's names ("Supreme Council of the ...", "Task Force").
NOT_A_NAME = {"of", "the", "and", "for", "in", "on", "to", "&", "council", "committee", "assembly", "party",
              "front", "movement", "republic", "army", "forces", "force", "union", "league", "government",
              "ministry", "office", "agency", "commission", "court", "bank", "group", "organization",
              "organisation", "association", "federation", "state", "states", "kingdom", "city", "province",
              "region", "soviet", "people", "people's", "national", "international", "administration"}
NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['\u2019.-])*$")


def people_source(folder: Path) -> Path:
    return folder / PEOPLE_SOURCE


def people_index_stamp(folder: Path) -> dict[str, object]:
    """What an index is built from (the source, the curated files its filter reads, the record fields):
    it is valid only for these."""
    files = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
             for name in (*PEOPLE_INDEX_INPUTS, PEOPLE_SOURCE)}
    return {"format": PEOPLE_INDEX_FORMAT, "files": files, "pycountry": _pycountry_version(),
            "fields": [[f.name for f in fields(cls)] for cls in (Entry, Tenure)]}


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def _index_name(name: str, leading: set[str], inside: set[str]) -> str | None:
    """The part of a dictionary name to index ("Prime Minister Yulia Tymoshenko" -> "Yulia Tymoshenko"),
    or None when it is no full personal name ("Tfyrm", "President Rugova", "Kosovo Assembly")."""
    words = name.replace("\u2019", "'").split()
    while words and words[0].lower().rstrip(",") in leading:
        words = words[1:]
    if len(words) < 2 or not all(NAME_WORD.match(w) for w in words):
        return None
    if any(w.lower() in inside for w in words) or not words[-1][:1].isupper():
        return None
    return " ".join(words)


def build_people_index(folder: Path) -> list[tuple[Entry, tuple[str, ...]]]:
    """The people of ``petrarch-people.tsv`` with the normalised names the index keeps for them (see the
    module notes)."""
    curated = _Builder()
    for name in PEOPLE_INDEX_INPUTS:
        curated.load_file(folder / name)
    curated.add_pycountry()
    places = {n for n, es in curated.names.items() if " " not in n
              and any(e.kind in ("country", "adjective", "capital") for e in es)}
    roles = {w for key in curated.sectors for w in key.split()}
    leading = LEADING | TITLES | roles | places
    inside = NOT_A_NAME | places | (roles - TITLES - {"amir", "emir"})
    source = _Builder()
    source.sector_codes, source.org_codes = curated.sector_codes, curated.org_codes
    source.load_file(people_source(folder))
    kept: dict[str, tuple[str, ...]] = {}
    owners: dict[str, set[str | None]] = {}
    for pid, entry in source.people.items():
        names = tuple(dict.fromkeys(n for n in (_index_name(raw, leading, inside)
                                               for raw in source.person_names[pid.split(":", 1)[1]]) if n))
        kept[pid] = names
        for name in names:
            owners.setdefault(normalise(name), set()).update(t.country or t.org for t in entry.tenures)
    shared = {key for key, countries in owners.items() if len(countries) > 1}
    out = []
    for pid, entry in source.people.items():
        keys = tuple(normalise(n) for n in kept[pid])
        keys = tuple(k for k in keys if k not in shared)
        if keys:
            out.append((entry, keys))
    return out


def encode_people_index(folder: Path, people: list[tuple[Entry, tuple[str, ...]]]) -> bytes:
    out = io.BytesIO()
    pickle.dump(people_index_stamp(folder), out, protocol=5)
    pickle.dump(people, out, protocol=5)
    return gzip.compress(out.getvalue(), compresslevel=9, mtime=0)


def decode_people_index(folder: Path, blob: bytes) -> list[tuple[Entry, tuple[str, ...]]] | None:
    """The people of an encoded index, or None when it was built from other files than these."""
    try:
        data = io.BytesIO(gzip.decompress(blob))
        if pickle.load(data) != people_index_stamp(folder):
            return None
        people: list[tuple[Entry, tuple[str, ...]]] = pickle.load(data)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
        return None  # a damaged file, or classes changed without a rebuild: build from the source
    return people


def read_people_index(folder: Path) -> list[tuple[Entry, tuple[str, ...]]] | None:
    """The shipped index of PETRARCH people (Why pickle: see ``places/index.py``), or None when it is
    missing or stale."""
    path = folder / PEOPLE_INDEX
    if not path.is_file():
        return None
    return decode_people_index(folder, path.read_bytes())


TITLES = {"king", "queen", "emperor", "president", "sultan", "emir", "sheikh", "prince", "ayatollah",
          "colonel", "general", "mullah", "sayyid"}


# States whose people's names are written family name first in English news ("Li Qiang", "Yoon Suk Yeol").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM"})


def _surnames(name: str, family_first: bool = False) -> list[str]:
    """The family-name forms of a canonical person name that may stand alone ("Lavrov", "Assad" for "Bashar
    al-Assad"; "Li" for "Li Qiang" where the family name comes first); none for one-word names or names that
    start with a title ("King Salman")."""
    words = name.replace(".", ". ").split()
    if len(words) < 2 or words[0].lower() in TITLES:
        return []
    if family_first:
        return [words[0]] if len(words[0]) >= 2 else []
    last = words[-1]
    if last.lower().rstrip(".") in ("jr", "sr", "ii", "iii") or len(last) < 4:
        return []
    forms = [last]
    stripped = re.sub(r"^(?:al|el|as|ad|ash)-", "", last, flags=re.IGNORECASE)
    if stripped != last and len(stripped) >= 4:
        forms.append(stripped)
    return forms
