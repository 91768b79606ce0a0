"""News datelines and wire-service credit lines: metadata, not article text.

"MOSCOW, March 29 (Reuters) - Iran's ..." gives the document a place ("MOSCOW"), a date as written
("March 29") and a wire ("Reuters"); they go to ``Document.meta`` as ``dateline_place``,
``dateline_date`` and ``wire`` (read by ``dragoman.time`` and ``dragoman.places``) and the dateline
leaves the text. Credit lines ("(Reporting by ...; Editing by ...)", "Copyright 2023 The Associated
Press", "... contributed to this report.") are dropped wherever they stand alone on a line.
"""

from __future__ import annotations

import re

Meta = tuple[tuple[str, str], ...]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_S = r"[ \t\u00a0]"  # spaces within one line: a dateline never spans lines
_YEAR = rf"(?:,?{_S}+\d{{4}})?"
_DATE = (rf"(?:{_WEEKDAY},?{_S}+)?(?:{_MONTH}{_S}+\d{{1,2}}{_YEAR}|\d{{1,2}}{_S}+{_MONTH}{_YEAR})"
         rf"|{_WEEKDAY}")
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
_NAME_WORD = r"[A-Z][a-z.'’-]+"
_WORD = rf"(?:{_CAPS_WORD}|{_NAME_WORD})"
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:{_S}+{_WORD}){{0,3}}"
    rf"(?:,{_S}*{_NAME_WORD}(?:{_S}+{_NAME_WORD}){{0,2}})?)?"  # "KYIV, Ukraine"
    rf"(?:{_S}*,{_S}*(?P<date>{_DATE}))?"
    rf"{_S}*(?:\((?P<wire>[A-Za-z][^()\n]{{0,39}})\))?"
    rf"{_S}*(?:--?|–|—){_S}+(?=\S)")
# all-caps openers that are not places
_NOT_PLACES = {"BREAKING", "UPDATE", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "FACTBOX",
               "EXPLAINER", "COMMENT", "EDITORIAL", "CORRECTED", "REFILE", "URGENT", "NOTE", "UPDATED"}

_CREDIT = re.compile(  # [ \t], not \s, before the first word: \s* would rescan a run of blank lines from each
    r"^[ \t]*(?:"
    r"\(?[ \t]*(?:Additional[ \t]+)?(?:Reporting|Writing|Editing|Compiled|Research|Graphics)[ \t]+by\b[^\n]*"
    r"|(?:©|\(c\)|Copyright\s+(?:©\s*)?\d{4}|Copyright\s*©)[^\n]{0,150}"
    r"|Our Standards:[^\n]*Trust Principles\.?"
    r"|[^\n]{0,200}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story)\.?\)?"
    r")[ \t]*$", re.IGNORECASE | re.MULTILINE)


def separate(text: str) -> tuple[str, Meta]:
    """The article text without its dateline and credit lines, and the dateline's metadata."""
    text, meta = _split_dateline(text)
    stripped = _CREDIT.sub("", text)
    if stripped != text:
        text = re.sub(r"\n{3,}", "\n\n", stripped).strip("\n")
    return text, meta


def _split_dateline(text: str) -> tuple[str, Meta]:
    """Look for a dateline at the start of one of the first three non-empty lines (a headline or a
    byline may come first)."""
    offset = 0
    lines_seen = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines_seen += 1
            start = offset + len(line) - len(line.lstrip())
            found = _dateline(text, start)
            if found is not None:
                end, meta = found
                return text[:start] + text[end:], meta
            if lines_seen == 3:
                break
        offset += len(line)
    return text, ()


def _dateline(text: str, start: int) -> tuple[int, Meta] | None:
    match = _DATELINE.match(text, start, min(len(text), start + 200))
    if match is None:
        return None
    place, date, wire = match.group("place"), match.group("date"), match.group("wire")
    if place is None and wire is None:
        return None
    if place is not None:
        head = place.split(",")[0].split()
        caps = all(w.isupper() for w in head)
        if not caps and date is None and wire is None:
            return None  # "Iran - a country ..." is prose; a capitalised place needs a date or a wire
        if head[0].strip(".") in _NOT_PLACES:
            return None
    meta = tuple((k, v.strip()) for k, v in (("dateline_place", place), ("dateline_date", date), ("wire", wire))
                 if v and v.strip())
    return match.end(), meta
