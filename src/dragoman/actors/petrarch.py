"""Reading PETRARCH/TABARI actor dictionaries (the format of PETRARCH-2's ``PETR.Validate.actors.txt``).

    NAME_WITH_UNDERSCORES [CODE]          an actor and its code ("_" joins words; a trailing "_" is ignored)
    +SYNONYM                              another name of the actor above
        [CODE <YYMMDD]                    a code valid before a date (also >DATE, DATE-DATE; 6 or 8 digits)
    # comment, <!-- comment -->           ignored

Entries whose code is not a known CAMEO country/region/IGO code are left out and listed in
``ActorKB.rejected`` (the validation dictionaries are full of Middle-earth codes); lines that cannot be
parsed raise ``ConfigError`` with the file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.actors.entries import Entry, Tenure
from dragoman.errors import ConfigError

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATED = re.compile(r"^(?P<code>[^\s<>]+)\s*(?:(?P<op>[<>])\s*(?P<date>\d{6}|\d{8})|"
                   r"(?P<start>\d{6}|\d{8})\s*-\s*(?P<end>\d{6}|\d{8}))?$")


def is_petrarch(path: Path) -> bool:
    """A file is a PETRARCH dictionary when its first content line has no tab and a ``[CODE]`` or the
    XML-style comments those dictionaries start with."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = line.strip()
                if not text or (text.startswith("#") and "\t" not in text):
                    continue
                return "\t" not in line and (text.startswith("<!--") or bool(CODE_BLOCK.search(text)))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read knowledge file: {exc}") from None
    return False


def _date(text: str, where: str) -> dt.date:
    try:
        if len(text) == 6:
            year = int(text[:2])
            return dt.date(1900 + year if year >= 40 else 2000 + year, int(text[2:4]), int(text[4:]))
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ConfigError(f"{where}: {text!r} is not a date (YYMMDD or YYYYMMDD)") from None


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Content lines with comments removed, with their line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read knowledge file: {exc}") from None
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        out = ""
        rest = line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    rest, in_comment = rest[end + 3:], False
            else:
                start = rest.find("<!")
                if start < 0:
                    out, rest = out + rest, ""
                else:
                    out, rest, in_comment = out + rest[:start], rest[start + 2:], True
        out = out.split("#", 1)[0]
        if out.strip():
            yield number, out


@dataclass
class _Pending:
    """An actor being read: its names and code blocks so far."""

    line: int
    names: list[str]
    codes: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


def read_petrarch(path: Path, code_problem: Callable[[str], str | None],
                  rejected: list[str]) -> Iterator[tuple[Entry, list[str]]]:
    """Entries of a PETRARCH actor dictionary with their names; bad codes are appended to ``rejected``."""
    current: _Pending | None = None

    def finish(item: _Pending | None) -> Iterator[tuple[Entry, list[str]]]:
        if item is None:
            return
        names = [n for n in item.names if n]
        codes = item.codes
        where = f"{path}:{item.line}"
        if not codes:
            rejected.append(f"{where}: {names[0] if names else '?'}: no code")
            return
        good = []
        for code, start, end in codes:
            problem = code_problem(code)
            if problem:
                rejected.append(f"{where}: {names[0] if names else '?'}: {problem}")
            else:
                good.append((code, start, end))
        if not good or not names:
            return
        ident = f"petrarch:{path.stem}:{item.line}"
        undated = [c for c, s, e in good if s is None and e is None]
        dated = [(c, s, e) for c, s, e in good if s is not None or e is not None]
        code = undated[0] if undated else dated[-1][0]
        transnational = code[:3] in ("IGO", "NGO", "IMG", "---", "MNC", "NGM")
        country = None if transnational else code[:3]
        sector = (code[:3] if code[:3] in ("IGO", "NGO") else code[3:6]) or None
        if dated:
            tenures = tuple(Tenure("official", c, c[:3] if country else None, None, c[3:6] or None, s, e)
                            for c, s, e in dated)
            if undated:  # the default code applies outside the dated ones: keep it as an open office
                tenures += (Tenure("official", code, country, None, sector, None, None),)
            yield Entry(ident, "person", names[0], code, country, None, sector, tenures), names
            return
        if code.startswith(("IGO", "NGO")):
            kind, org = "org", code
        else:
            kind, org = ("country" if len(code) == 3 else "group"), None
        yield Entry(ident, kind, names[0], code, country, org, sector), names

    for number, line in _lines(path):
        stripped = line.strip()
        where = f"{path}:{number}"
        if stripped.startswith("+"):
            if current is None:
                raise ConfigError(f"{where}: a synonym ({stripped!r}) before any actor")
            current.names.append(_name(stripped[1:].split("[", 1)[0]))
            continue
        blocks = CODE_BLOCK.findall(stripped)
        if stripped.count("[") != stripped.count("]"):
            raise ConfigError(f"{where}: unbalanced brackets in {stripped!r}")
        head = CODE_BLOCK.sub("", stripped).strip()
        if head:  # a new actor
            yield from finish(current)
            current = _Pending(number, [_name(head)])
        if current is None:
            raise ConfigError(f"{where}: a code block before any actor")
        for block in blocks:
            match = DATED.match(block.strip())
            if not match:
                raise ConfigError(f"{where}: cannot read the code block [{block}]")
            code = match["code"].upper()
            start = end = None
            if match["op"] == "<":
                end = _date(match["date"], where) - dt.timedelta(days=1)
            elif match["op"] == ">":
                start = _date(match["date"], where)
            elif match["start"]:
                start, end = _date(match["start"], where), _date(match["end"], where)
            current.codes.append((code, start, end))
    yield from finish(current)


