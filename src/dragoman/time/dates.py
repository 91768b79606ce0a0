"""Document dates and event dates.

Reads: the Document's metadata (``published``; ``meta`` keys ``dateline_date`` and ``dateline_place`` set by
ingestion) and the parsed doc. Returns: a ``DocumentDate`` for the document and an ``EventDate`` (or None)
for each coded event.

Document date: the metadata date; else a dateline ("MOSCOW, March 29 (Reuters) -", or the one ingestion
found); else the latest full date written in the text, marked "inferred". It is the reference for every
relative expression ("last year", "March 10", "on Saturday").

Event date, in order: a date expression in the event's own clause (``clauses.climb``); else one in a clause
above it ("On Monday, X met Y to discuss ..."); else, when the clause is past or present, does not mark
itself as background ("previously", "had signed") and the event is not planned or hypothetical: the day
the narrative was at in the two sentences before (``source = "relative"``, its words in ``text``), else
the document date with ``source = "document"``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dragoman.events.coder import CodedEvent
from dragoman.records import Document, EventDate
from dragoman.time.clauses import background, clause_chain, climb, event_clause, sentence, tense
from dragoman.time.expressions import Expression, find_expressions, resolve

_CACHE = "dragoman.time.expressions"  # doc.user_data key: the doc's date expressions, found once
UNDATED_MODALITIES = {"planned", "hypothetical"}
NARRATIVE_KINDS = frozenset({"iso", "mdy", "dmy", "weekday", "day"})  # dates and named days
NARRATIVE_WINDOW = 2  # sentences before an undated event in which the story's last day is looked for
# "MOSCOW, March 29 (Reuters) -", "BEIRUT (AP) — ", "Kabul, 3 May 2021 -": a place in capitals or a short
# capitalised name, then the date, before the first dash
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'’-]{1,40}?)\s*(?:\([^)]{1,40}\))?\s*,\s*"
                       r"(?P<date>[^-–—()]{3,30}?)\s*(?:\([^)]{1,40}\))?\s*[-–—]")
_FULL = ("iso", "mdy", "dmy")


@dataclass(frozen=True)
class DocumentDate:
    date: dt.date | None
    source: str  # metadata, dateline, inferred, none
    text: str | None = None  # the words it was read from, when read from the text


@dataclass(frozen=True)
class _Found:
    """A date expression placed on the doc's tokens."""

    expression: Expression
    span: Span


class EventDater:
    def document_date(self, document: Document, doc: Doc) -> DocumentDate:
        if document.published:
            try:
                return DocumentDate(dt.date.fromisoformat(document.published[:10]), "metadata")
            except ValueError:
                pass
        expressions = [f.expression for f in _expressions(doc)]
        latest = _latest_full_date(expressions)
        meta = dict(document.meta)
        raw = meta.get("dateline_date")
        if raw is None:
            match = _DATELINE.match(document.text[:160])
            if match and match.group("place").split()[0].isupper():
                raw = match.group("date")
        if raw:
            found = _dateline_date(raw, latest, expressions)
            if found is not None:
                return DocumentDate(found, "dateline", raw)
        if latest is not None:
            return DocumentDate(latest[0], "inferred", latest[1])
        return DocumentDate(None, "none")

    def event_date(self, doc: Doc, event: CodedEvent, reference: DocumentDate) -> EventDate | None:
        trigger = doc[event.trigger]
        sent = sentence(doc, event.sentence_start)
        found = [f for f in _expressions(doc) if sent.start <= f.span.start and f.span.end <= sent.end]
        for candidate in _attached(trigger, found):
            date = resolve(candidate.expression, reference.date, tense(candidate.span.root))
            if date is not None:
                return date
        if reference.date is None or event.modality in UNDATED_MODALITIES:
            return None
        if tense(trigger) == "future" or background(trigger):
            return None
        narrative = _narrative_date(doc, sent, reference.date)
        if narrative is not None:
            return narrative
        day = reference.date.isoformat()
        return EventDate(start=day, end=day, precision="day", text=None, source="document")


def _attached(trigger: Token, found: list[_Found]) -> list[_Found]:
    """The sentence's date expressions that speak of the event: those in its own clause (nearest first),
    then those in the clauses above it (lowest first)."""
    own = event_clause(trigger)
    ranked: list[tuple[int, int, _Found]] = []
    for f in found:
        steps = climb(f.span.root, own)
        if steps is not None:
            ranked.append((0, steps * 1000 + abs(f.span.root.i - trigger.i), f))
    top = trigger.doc[max(own, key=lambda i: own[i])]  # the governing verb of a noun trigger, or the trigger
    chain = clause_chain(top)
    for level, (verb, _) in enumerate(chain, start=1):
        for f in found:
            if any(r[2] is f for r in ranked):
                continue
            steps = climb(f.span.root, {verb.i: 0})
            if steps is not None:
                ranked.append((level, steps, f))
    return [r[2] for r in sorted(ranked, key=lambda r: (r[0], r[1]))]


def _narrative_date(doc: Doc, sent: Span, reference: dt.date) -> EventDate | None:
    """The day the story was telling just before ``sent``: the last day-precise, past date expression in the
    ``NARRATIVE_WINDOW`` sentences before it ("On Sunday, thousands rallied ... Deby flew to Niamey
    afterwards"). Not for the lead sentence, which reports the news of the document's day."""
    if sent.start == 0:
        return None
    first = sent.start
    for _ in range(NARRATIVE_WINDOW):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    earlier = [f for f in _expressions(doc) if first <= f.span.start and f.span.end <= sent.start]
    for f in reversed(earlier):
        if f.expression.kind not in NARRATIVE_KINDS:
            continue  # "a day before", "four days later": relative to an event, not a day of the story
        date = resolve(f.expression, reference, "past")
        if date is not None and date.precision == "day" and date.start <= reference.isoformat():
            return EventDate(start=date.start, end=date.end, precision="day", text=f.expression.text,
                             source="relative")
    return None


def _expressions(doc: Doc) -> list[_Found]:
    """The doc's date expressions on its tokens, found once per doc."""
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return list(cached)
    found = []
    for e in find_expressions(doc.text):
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is not None and len(span):
            found.append(_Found(e, span))
    doc.user_data[_CACHE] = tuple(found)
    return found


def _latest_full_date(expressions: list[Expression]) -> tuple[dt.date, str] | None:
    days = []
    for e in expressions:
        if e.kind in _FULL and e.explicit:
            date = resolve(e, None)
            if date is not None:
                days.append((dt.date.fromisoformat(date.start), e.text))
    return max(days) if days else None


def _dateline_date(raw: str, latest: tuple[dt.date, str] | None, expressions: list[Expression]) -> dt.date | None:
    """A dateline's date; its year, when it gives none, from the text's latest full date (the occurrence
    nearest it) or else its latest year."""
    found = [e for e in find_expressions(raw) if e.kind in _FULL]
    if not found:
        return None
    if found[0].explicit:
        date = resolve(found[0], None)
        return dt.date.fromisoformat(date.start) if date else None
    if latest is not None:  # the occurrence nearest the latest full date
        date = resolve(found[0], latest[0], "")
    else:  # the text's latest year
        years = [int(d.start[:4]) for d in (resolve(e, None) for e in expressions if e.explicit) if d]
        if not years:
            return None
        date = resolve(found[0], dt.date(max(years), 12, 31), "past")
    return dt.date.fromisoformat(date.start) if date else None
