"""Date expressions in running text: finding them and resolving them against a reference date.

Pure functions over strings, no spaCy: ``find_expressions(text)`` returns ``Expression`` records (a character
span and the parsed pieces), ``resolve(expression, reference, tense)`` turns one into an ``EventDate``.

One compiled grammar covers the forms news language uses: full and partial dates ("March 29, 2023",
"29 March", "March 2023", "2022"), parts of months and years ("mid-March", "early April", "the end of March
2023", "late last year"), relative periods ("last year", "August last year", "earlier this month",
"yesterday", "on Saturday", "two weeks ago") and ranges ("in the past 2.5 years", "since 2022", "between
2019 and 2021", "the 1990s"). Expressions without a year take it from the reference date, in the past or the
future as the clause's tense says (``tense``: "past", "future" or "" when unknown: the nearest occurrence).

dateparser is not needed: the forms are few and regular, and a grammar run once per document is fast and
says exactly which words made the date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dragoman.records import EventDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "several": 3, "few": 3, "a few": 3, "couple": 2, "a couple of": 2}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![\w])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d|,\d)"
_NUM = r"(?:\d+(?:\.\d+)?|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve" \
       r"|fifteen|twenty|several|few)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_PART = r"(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of" \
        r"|start\s+of|the\s+middle\s+of|middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
_REL = r"(?:last|this|next|the\s+previous|the\s+following|the\s+coming|the\s+past)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# words that make a bare month or year a date ("in March", "since 2022"), not a name or a number
_CUE = r"(?:in|on|since|until|till|by|from|to|during|through|throughout|before|after|of|and|or|between|as\s+of)"

# Ordered alternatives: longer forms first, so that "the end of March 2023" wins over "March 2023".
_GRAMMAR = rf"""
  (?P<iso>\b(?P<iso_y>\d{{4}})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b)
| (?P<range>\b(?:between|from)\s+(?P<r1>{_YEAR})\s+(?:and|to|until|through)\s+(?P<r2>{_YEAR}))
| (?P<span>\b(?P<s1>{_YEAR})\s*[-–]\s*(?P<s2>(?:\d\d)?\d\d)(?!\d))
| (?P<since>\bsince\s+(?:(?P<since_m>{_MONTH})\s+(?:(?P<since_d>{_DAY}),?\s+)?)?(?P<since_y>{_YEAR}))
| (?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY})(?:,?\s+(?P<mdy_y>{_YEAR}))?)
| (?P<dmy>\b(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?)
| (?P<partmonth>\b(?P<pm_part>{_PART})[\s-]+(?P<pm_m>{_MONTH})
      (?:,?\s+(?:of\s+)?(?:(?P<pm_y>{_YEAR})|(?P<pm_rel>last|this|next)\s+year))?)
| (?P<month>\b(?:(?P<m_rel>last|this|next)\s+|(?P<m_cue>{_CUE})\s+)(?P<m_m>{_MONTH})(?!\.?\s+{_DAY})
      (?:,?\s+(?:of\s+)?(?:(?P<m_y>{_YEAR})|(?P<m_rely>last|this|next)\s+year))?)
| (?P<monthyear>\b(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?:(?P<my_y>{_YEAR})|(?P<my_rel>last|this|next)\s+year))
| (?P<partyear>\b(?P<py_part>{_PART}|earlier|later)[\s-]+(?:(?P<py_y>{_YEAR})|(?P<py_rel>last|this|next)\s+year))
| (?P<past>\b(?:(?:in|over|during|for|within|throughout)\s+)?the\s+(?P<past_dir>past|last|previous|next|coming)
      \s+(?:(?P<past_n>{_NUM})\s+)?(?P<past_u>{_UNIT}))
| (?P<ago>\b(?P<ago_n>{_NUM})\s+(?P<ago_u>{_UNIT})\s+(?:ago|earlier|before|after|later))
| (?P<vague>\b(?P<vg_u>days|weeks|months)\s+(?:ago|earlier))
| (?P<relperiod>\b(?:(?P<rp_mod>earlier|later)\s+)?(?P<rp_rel>{_REL})\s+(?P<rp_u>year|month|week))
| (?P<day>\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|last\s+night|overnight|this\s+morning
      |this\s+afternoon|this\s+evening))
| (?P<weekday>\b(?:(?P<wd_rel>last|next|this|on)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?)
| (?P<decade>\bthe\s+(?P<dec>1[89]\d0|20\d0)s\b)
| (?P<season>\b(?:(?P<se_rel>last|this|next)\s+|(?P<se_in>in|during|over|by|until|through)\s+the\s+
      |the\s+(?=\w+\s+(?:of\s+)?{_YEAR}))(?P<se>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<se_y>{_YEAR}))?)
| (?P<year>\b(?P<y_cue>{_CUE})\s+(?P<y>{_YEAR}))
"""
# Every alternative begins at the start of a word: saying so once, before the alternatives, lets the
# engine pass over the other positions of the text without trying each alternative's ``\b`` there (the
# same matches in half the time).
_PATTERN = re.compile(rf"\b(?=\w)(?:{_GRAMMAR})", re.VERBOSE | re.IGNORECASE)
_CASED = {"mdy_m", "dmy_m", "pm_m", "m_m", "my_m", "since_m", "wd"}  # month and day names are capitalised


@dataclass(frozen=True)
class Expression:
    """A date expression found in text: ``start``..``end`` characters, ``kind`` the grammar branch."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None

    @property
    def relation(self) -> str | None:
        """"before" or "after" for a distance from something the text names ("a day before the summit",
        "four days after soldiers detained him"), "later" for one from the day the story was at ("Three
        days later, ..."); None otherwise."""
        if self.kind != "ago":
            return None
        last = self.text.split()[-1].lower()
        return last if last in ("before", "after", "later") else None

    @property
    def explicit(self) -> bool:
        """Whether the words give their own year (and so need no reference date)."""
        return self.kind in ("iso", "range", "span", "decade") or any(
            k in ("mdy_y", "dmy_y", "pm_y", "m_y", "my_y", "py_y", "since_y", "se_y", "y") for k, _ in self.groups)


def find_expressions(text: str) -> list[Expression]:
    """Every date expression in ``text``, left to right, not overlapping.

    The grammar is tried only near an anchor word that every expression holds (a month or weekday name,
    a year, "yesterday", "week" ...): running it at every character of a long text would be slow.
    """
    found: list[Expression] = []
    last_end = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < last_end:
            continue
        start = max(last_end, text.rfind(" ", 0, max(anchor.start() - _BEFORE, 0)) + 1)
        end = text.find(" ", anchor.end() + _AFTER)
        for match in _PATTERN.finditer(text, start, end if end >= 0 else len(text)):
            if match.end() <= anchor.start():
                continue
            if match.start() > anchor.start():
                break
            expression = _expression(text, match)
            if expression is not None:
                found.append(expression)
                last_end = match.end()
                break
    return found


def _expression(text: str, match: re.Match[str]) -> Expression | None:
    kind = match.lastgroup
    groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None and k != kind)
    if kind is None or not _plausible(kind, groups):
        return None
    start = match.start()
    for cue in ("m_cue", "y_cue"):  # the preposition that makes "in March" a date is not the date
        if match.group(cue) is not None:
            start = match.start("m_m" if cue == "m_cue" else "y")
    groups = tuple((k, v) for k, v in groups if k not in ("m_cue", "y_cue"))
    return Expression(start, match.end(), text[start:match.end()], kind, groups)


_BEFORE = 36  # the longest lead before an anchor: "in the second half of ", "the day before "
_AFTER = 36
_ANCHOR = re.compile(
    r"\d\d\d\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Oo]vernight|night|morning|afternoon|evening|[Ww]eek|[Mm]onth|[Yy]ear"
    r"|[Dd]ecade|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Dd]ays?\b)")


def _plausible(kind: str, groups: tuple[tuple[str, str], ...]) -> bool:
    values = dict(groups)
    if any(name in values and not values[name][:1].isupper() for name in _CASED):
        return False  # "march", "may", "sat": words, not dates
    if kind == "month" and values.get("m_m", "") == "May" and values.get("m_cue", "").lower() in ("to", "and", "or"):
        return False  # "in May" is a month; "spoke to May", "and May" more often a name
    if kind == "season" and not values.get("se_rel") and not values.get("se_y") and not values.get("se_in"):
        return False  # a bare "fall" or "spring" is a verb or a noun
    return not (kind == "span" and int(_full_year(values["s1"], values["s2"])) <= int(values["s1"]))


# --- resolution ------------------------------------------------------------------------------------------
def resolve(expression: Expression, reference: dt.date | None, tense: str = "") -> EventDate | None:
    """The dates an expression denotes, relative to ``reference`` (the document date) where it needs one.

    ``tense`` ("past", "future" or "") chooses the year of a date written without one, and the direction of
    "on Saturday" or "the coming weeks". Returns None when the expression needs a reference date and there
    is none, or names an impossible date.
    """
    if reference is None and not expression.explicit:
        return None
    try:
        found = _RESOLVERS[expression.kind](expression, reference or dt.date.min, tense)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    start, end, precision = found
    source = "explicit" if expression.explicit else "relative"
    return EventDate(start=start.isoformat(), end=end.isoformat(), precision=precision,
                     text=expression.text, source=source)


def shifted(expression: Expression, anchor: EventDate) -> EventDate | None:
    """The date of the thing a distance expression measures from, given the date it is measured to: "a day
    before the summit" said of January 4 dates the summit January 5; "four days after X" said of July 30
    dates X July 26. For "later" the other way round: "Three days later" after May 26 is May 29."""
    if expression.relation is None or anchor.precision != "day":
        return None
    unit = (expression.get("ago_u") or "").lower().rstrip("s")
    try:
        amount = _number(expression.get("ago_n") or "one")
        sign = {"after": -1, "before": 1, "later": 1}[expression.relation]
        day = _shift(dt.date.fromisoformat(anchor.start), amount, unit, sign)
    except (ValueError, OverflowError, KeyError):
        return None
    if unit in ("day", "week"):
        start, end, precision = day, day, "day"
    elif unit == "month":
        start, end = _month_span(day.year, day.month)
        precision = "month"
    else:
        start, end, precision = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
    return EventDate(start=start.isoformat(), end=end.isoformat(), precision=precision, text=expression.text,
                     source="relative")


Span = tuple[dt.date, dt.date, str]
_Period = Callable[[int], tuple[dt.date, dt.date]]


def _iso(e: Expression, ref: dt.date, tense: str) -> Span:
    day = dt.date(int(e.get("iso_y") or 0), int(e.get("iso_m") or 0), int(e.get("iso_d") or 0))
    return day, day, "day"


def _range(e: Expression, ref: dt.date, tense: str) -> Span:
    first, last = int(e.get("r1") or 0), int(e.get("r2") or 0)
    if last < first:
        raise ValueError("range ends before it starts")
    return dt.date(first, 1, 1), dt.date(last, 12, 31), "range"


def _span(e: Expression, ref: dt.date, tense: str) -> Span:
    first = e.get("s1") or ""
    last = _full_year(first, e.get("s2") or "")
    return dt.date(int(first), 1, 1), dt.date(int(last), 12, 31), "range"


def _since(e: Expression, ref: dt.date, tense: str) -> Span:
    year = int(e.get("since_y") or 0)
    month = _month(e.get("since_m")) if e.get("since_m") else 1
    day = _day(e.get("since_d")) if e.get("since_d") else 1
    start = dt.date(year, month, day)
    end = ref if ref != dt.date.min and ref >= start else start
    return start, end, "range"


def _mdy(e: Expression, ref: dt.date, tense: str) -> Span:
    month = _month(e.get("mdy_m") or e.get("dmy_m"))
    day = _day(e.get("mdy_d") or e.get("dmy_d"))
    year_text = e.get("mdy_y") or e.get("dmy_y")
    if year_text:
        date = dt.date(int(year_text), month, day)
    else:
        date = _choose_year(lambda y: (dt.date(y, month, day), dt.date(y, month, day)), ref, tense)[0]
    return date, date, "day"


def _part_month(e: Expression, ref: dt.date, tense: str) -> Span:
    month = _month(e.get("pm_m"))
    first, last = _PART_DAYS[_part_key(e.get("pm_part") or "")]
    year = _explicit_or_relative_year(e.get("pm_y"), e.get("pm_rel"), ref)

    def period(y: int) -> tuple[dt.date, dt.date]:
        length = calendar.monthrange(y, month)[1]
        return dt.date(y, month, min(first, length)), dt.date(y, month, min(last, length))

    start, end = period(year) if year else _choose_year(period, ref, tense)
    return start, end, "month"


def _month_only(e: Expression, ref: dt.date, tense: str) -> Span:
    month = _month(e.get("m_m") or e.get("my_m"))
    year = _explicit_or_relative_year(e.get("m_y") or e.get("my_y"), e.get("m_rely") or e.get("my_rel"), ref)
    rel = (e.get("m_rel") or "").lower()
    if not year and rel == "last":  # "last August": the latest August before this month
        year = ref.year if month < ref.month else ref.year - 1
    elif not year and rel == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif not year and rel == "this":
        year = ref.year
    if year:
        return (*_month_span(year, month), "month")
    return (*_choose_year(lambda y: _month_span(y, month), ref, tense), "month")


def _part_year(e: Expression, ref: dt.date, tense: str) -> Span:
    year = _explicit_or_relative_year(e.get("py_y"), e.get("py_rel"), ref) or ref.year
    part = _part_key(e.get("py_part") or "")
    if part == "earlier":  # "earlier this year": from its start to the reference date
        end = min(ref, dt.date(year, 12, 31)) if year == ref.year else dt.date(year, 12, 31)
        return dt.date(year, 1, 1), end, "year"
    if part == "later":
        start = max(ref, dt.date(year, 1, 1)) if year == ref.year else dt.date(year, 1, 1)
        return start, dt.date(year, 12, 31), "year"
    first, last = _PART_MONTHS[part]
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1]), "year"


def _past(e: Expression, ref: dt.date, tense: str) -> Span:
    unit_text = (e.get("past_u") or "").lower()
    amount = _number(e.get("past_n") or ("several" if unit_text.endswith("s") else "one"))
    unit = unit_text.rstrip("s")
    if (e.get("past_dir") or "").lower() in ("next", "coming"):
        return ref, _shift(ref, amount, unit, +1), "range"
    return _shift(ref, amount, unit, -1), ref, "range"


def _ago(e: Expression, ref: dt.date, tense: str) -> Span | None:
    if e.relation in ("after", "later"):  # after something the text names, or the story's last day
        return None
    amount = _number(e.get("ago_n") or "one")
    unit = (e.get("ago_u") or "").lower().rstrip("s")
    when = _shift(ref, amount, unit, -1)
    if unit in ("day", "week"):
        return when, when, "day"
    if unit == "month":
        return (*_month_span(when.year, when.month), "month")
    return dt.date(when.year, 1, 1), dt.date(when.year, 12, 31), "year"


def _vague(e: Expression, ref: dt.date, tense: str) -> Span:
    """ "days earlier", "weeks ago": some days (two to six), weeks (one to four) or months (one to six)
    before the reference date, as a range."""
    unit = (e.get("vg_u") or "").lower()
    nearest, farthest = {"days": (1, 6), "weeks": (7, 28), "months": (30, 180)}[unit]
    return ref - dt.timedelta(days=farthest), ref - dt.timedelta(days=nearest), "range"


def _relperiod(e: Expression, ref: dt.date, tense: str) -> Span:
    rel = " ".join((e.get("rp_rel") or "").lower().split())
    unit = (e.get("rp_u") or "").lower()
    step = {"last": -1, "the previous": -1, "the past": -1, "next": 1, "the following": 1, "the coming": 1}.get(rel, 0)
    mod = (e.get("rp_mod") or "").lower()
    if unit == "year":
        start, end, precision = dt.date(ref.year + step, 1, 1), dt.date(ref.year + step, 12, 31), "year"
    elif unit == "month":
        y, m = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        start, end = _month_span(y, m + 1)
        precision = "month"
    else:
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
        start, end, precision = monday, monday + dt.timedelta(days=6), "range"
    if step == 0 and mod == "earlier":
        end = min(end, ref)
    elif step == 0 and mod == "later":
        start = max(start, ref)
    return start, end, precision


def _day_word(e: Expression, ref: dt.date, tense: str) -> Span:
    word = " ".join(e.text.lower().split())
    # "overnight" in a report: the night that ended on the report's day, dated by the day it began
    offset = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "overnight": -1,
              "tomorrow": 1}.get(word, 0)
    day = ref + dt.timedelta(days=offset)
    return day, day, "day"


def _weekday(e: Expression, ref: dt.date, tense: str) -> Span:
    target = WEEKDAYS[(e.get("wd") or "").lower()]
    rel = (e.get("wd_rel") or "").lower()
    back = (ref.weekday() - target) % 7
    if rel == "last":
        day = ref - dt.timedelta(days=back or 7)
    elif rel == "next" or (rel in ("on", "this", "") and tense == "future"):
        ahead = (target - ref.weekday()) % 7
        day = ref + dt.timedelta(days=ahead or (7 if rel == "next" else 0))
    else:  # news convention: a bare weekday is the latest one, the reference day included
        day = ref - dt.timedelta(days=back)
    return day, day, "day"


def _decade(e: Expression, ref: dt.date, tense: str) -> Span:
    first = int(e.get("dec") or 0)
    return dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range"


def _season(e: Expression, ref: dt.date, tense: str) -> Span:
    first, last = SEASONS[(e.get("se") or "").lower()]

    def period(y: int) -> tuple[dt.date, dt.date]:
        end_year = y + 1 if last < first else y
        return dt.date(y, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])

    if e.get("se_y"):
        return (*period(int(e.get("se_y") or 0)), "range")
    rel = (e.get("se_rel") or "").lower()
    if rel == "last":
        tense = "past"
    elif rel == "next":
        tense = "future"
    start, end = _choose_year(period, ref, tense, strict=rel in ("last", "next"))
    return start, end, "range"


def _year(e: Expression, ref: dt.date, tense: str) -> Span:
    year = int(e.get("y") or 0)
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


_RESOLVERS = {
    "iso": _iso, "range": _range, "span": _span, "since": _since, "mdy": _mdy, "dmy": _mdy,
    "partmonth": _part_month, "month": _month_only, "monthyear": _month_only, "partyear": _part_year,
    "past": _past, "ago": _ago, "vague": _vague, "relperiod": _relperiod, "day": _day_word, "weekday": _weekday,
    "decade": _decade, "season": _season, "year": _year,
}

_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31), "beginning": (1, 10),
              "start": (1, 10), "middle": (11, 20), "first half": (1, 15), "second half": (16, 31)}
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (10, 12), "beginning": (1, 3),
                "start": (1, 3), "middle": (5, 8), "first half": (1, 6), "second half": (7, 12)}


def _part_key(text: str) -> str:
    words = [w for w in text.lower().split() if w not in ("the", "of")]
    return " ".join(words)


def _month(text: str | None) -> int:
    return MONTHS[(text or "").lower().rstrip(".")]


def _day(text: str | None) -> int:
    return int(re.sub(r"\D", "", text or ""))


def _number(text: str) -> float:
    text = " ".join(text.lower().split())
    return NUMBERS[text] if text in NUMBERS else float(text)


def _full_year(first: str, last: str) -> str:
    return first[: 4 - len(last)] + last


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _explicit_or_relative_year(year: str | None, rel: str | None, ref: dt.date) -> int | None:
    if year:
        return int(year)
    if rel:
        return ref.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
    return None


def _shift(ref: dt.date, amount: float, unit: str, sign: int) -> dt.date:
    if unit == "day":
        return ref + sign * dt.timedelta(days=round(amount))
    if unit == "week":
        return ref + sign * dt.timedelta(weeks=amount)
    months = round(amount * {"month": 1, "year": 12, "decade": 120}[unit])
    y, m = divmod(ref.year * 12 + ref.month - 1 + sign * months, 12)
    return dt.date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1]))


def _choose_year(period: _Period, ref: dt.date, tense: str, strict: bool = False) -> tuple[dt.date, dt.date]:
    """The occurrence of a yearless period that the tense allows, nearest the reference date: a past clause
    takes one that has begun by then, a future clause one that has not ended, an unknown tense the nearest.
    ``strict`` excludes the occurrence containing the reference date ("last winter", "next spring")."""
    options = [period(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if tense == "past":
        allowed = [o for o in options if o[0] <= ref and not (strict and o[1] >= ref)]
    elif tense == "future":
        allowed = [o for o in options if o[1] >= ref and not (strict and o[0] <= ref)]
    else:
        allowed = options
    return min(allowed or options, key=lambda o: _distance(o, ref))


def _distance(period: tuple[dt.date, dt.date], ref: dt.date) -> int:
    start, end = period
    if start <= ref <= end:
        return 0
    return min(abs((start - ref).days), abs((end - ref).days))


