"""The actor knowledge base: countries, sectors and organisations, loaded once from package data files.

Files are tab-separated with a header line; ``#`` starts a comment line; list cells are ``|``-separated.
Users add their own files of the same formats (``ActorKB.load(extra=[...])``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import pycountry

from dragoman.errors import ConfigError


@dataclass(frozen=True)
class Entry:
    """One knowledge-base entry that a name can resolve to."""

    id: str  # e.g. "country:IRN", "org:IAEA"
    kind: str  # country, capital, adjective, org, group
    name: str  # canonical name
    code: str  # CAMEO actor code (country part plus sector, or the organisation's code)
    country: str | None
    org: str | None
    sector: str | None


@dataclass(frozen=True)
class ActorKB:
    """Immutable lookup tables: lower-cased name -> entries, and role word -> sector."""

    names: Mapping[str, tuple[Entry, ...]]
    sectors: Mapping[str, str]
    country_names: Mapping[str, str]  # ISO-3 -> canonical name
    acronyms: frozenset[str]  # names written in capitals ("US", "UN", "IAEA"): matched case-sensitively

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> ActorKB:
        names: dict[str, list[Entry]] = {}
        sectors: dict[str, str] = {}
        country_names: dict[str, str] = {}
        surfaces: set[str] = set()
        data = resources.files("dragoman") / "data" / "actors"
        with resources.as_file(data) as folder:
            paths = [folder / "countries.tsv", folder / "sectors.tsv", folder / "organisations.tsv"]
            for path in (*paths, *extra):
                _load_file(Path(path), names, sectors, country_names, surfaces)
        _add_pycountry(names, country_names)
        acronyms = frozenset(n for n in surfaces if _is_acronym(n))
        return cls(
            names=MappingProxyType({k: tuple(v) for k, v in names.items()}),
            sectors=MappingProxyType(sectors),
            country_names=MappingProxyType(country_names),
            acronyms=acronyms,
        )

    def lookup(self, text: str) -> tuple[Entry, ...]:
        return self.names.get(normalise(text), ())

    def sector_of(self, word: str) -> str | None:
        return self.sectors.get(word.lower())


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
                              f"has {len(columns)}")
        yield number, dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in name


def _add(names: dict[str, list[Entry]], name: str, entry: Entry, surfaces: set[str] | None = None) -> None:
    if surfaces is not None:
        surfaces.add(name)
    bucket = names.setdefault(normalise(name), [])
    if entry not in bucket:
        bucket.append(entry)


def _load_file(path: Path, names: dict[str, list[Entry]], sectors: dict[str, str],
               country_names: dict[str, str], surfaces: set[str]) -> None:
    rows = list(read_table(path))
    if not rows:
        return
    columns = set(rows[0][1])
    if {"iso3", "names", "adjectives", "capitals"} <= columns:
        for number, row in rows:
            iso3 = row["iso3"].strip().upper()
            if len(iso3) != 3 or not iso3.isalpha():
                raise ConfigError(f"{path}:{number}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
            all_names = _split(row["names"])
            canonical = all_names[0] if all_names else iso3
            country_names.setdefault(iso3, canonical)
            for name in all_names:
                _add(names, name, Entry(f"country:{iso3}", "country", canonical, iso3, iso3, None, None), surfaces)
            adjective = Entry(f"country:{iso3}", "adjective", canonical, iso3, iso3, None, None)
            capital = Entry(f"country:{iso3}", "capital", canonical, iso3 + "GOV", iso3, None, "GOV")
            for adj in _split(row["adjectives"]):
                _add(names, adj, adjective, surfaces)
            for cap in _split(row["capitals"]):
                _add(names, cap, capital, surfaces)
    elif {"word", "sector"} <= columns:
        for number, row in rows:
            sector = row["sector"].strip().upper()
            if len(sector) != 3:
                raise ConfigError(f"{path}:{number}: {sector!r} is not a CAMEO sector code")
            sectors[row["word"].strip().lower()] = sector
    elif {"id", "names", "code", "country", "org", "sector"} <= columns:
        for number, row in rows:
            all_names = _split(row["names"])
            if not all_names:
                raise ConfigError(f"{path}:{number}: entry {row['id']!r} has no names")
            kind = "org" if row["org"].strip() else "group"
            entry = Entry(f"{kind}:{row['id']}", kind, all_names[0], row["code"].strip(),
                          row["country"].strip() or None, row["org"].strip() or None,
                          row["sector"].strip() or None)
            for name in all_names:
                _add(names, name, entry, surfaces)
    else:
        raise ConfigError(f"{path}: unknown knowledge file format (columns: {', '.join(sorted(columns))})")


def _add_pycountry(names: dict[str, list[Entry]], country_names: dict[str, str]) -> None:
    """Every ISO 3166 state by its pycountry names, under the curated canonical name where there is one."""
    for country in pycountry.countries:
        iso3 = country.alpha_3
        canonical = country_names.setdefault(iso3, getattr(country, "common_name", None) or country.name)
        entry = Entry(f"country:{iso3}", "country", canonical, iso3, iso3, None, None)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and normalise(value) not in names:
                _add(names, value, entry)
