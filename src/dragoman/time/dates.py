"""Document dates and event dates.

Reads: the Document's metadata (``published``; ``meta`` keys ``dateline_date`` and ``dateline_place`` set by
ingestion) and the parsed doc. Returns: a ``DocumentDate`` for the document and an ``EventDate`` (or None)
for each coded event.

Document date: the metadata date; else a dateline ("MOSCOW, March 29 (Reuters) -", or the one ingestion
found); else the latest full date written in the text, marked "inferred". It is the reference for every
relative expression ("last year", "March 10", "on Saturday").

Event date, in order: a date expression in the event's own clause (``clauses.climb``); the day a distance
expression measures from when the event is what it measures ("three days after gunmen stormed a hotel":
the clause's day, or the report's, less three; "a day before a summit": the summit's); else one in a
clause above it ("On Monday, X met Y to discuss ..."). A distance expression never dates its own clause,
and a past, asserted event takes no date after the reference date. A planned or hypothetical event (or
one under "will" or "would") takes a day of the clause it governs ("would ask the council to meet on
Friday") or none. Else, when the clause does not mark itself as background ("previously", "had signed"
outside reported speech): a past day in the infinitive it governs ("applied to join in May last year");
the day of a gathering the sentence refers back to ("At the summit, ..." with "a summit on Sunday"
earlier, ``time/gatherings``); "N days later" counted from the story's last day; for a past event, the day
the narrative was at in the two sentences before, not counting clauses that look ahead or back ("will
meet on Tuesday", "had warned on March 2") (``source = "relative"``, its words in ``text``); else, and for
a present or present perfect ("renews its call"), the document date with ``source = "document"``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dragoman.events.coder import CodedEvent
from dragoman.events.modality import infinitive
from dragoman.records import Document, EventDate
from dragoman.time.clauses import (
    background,
    clause_chain,
    climb,
    event_clause,
    governing_verb,
    is_verb,
    present,
    sentence,
    tense,
)
from dragoman.time.expressions import Expression, find_expressions, resolve, shifted
from dragoman.time.gatherings import earlier, references

_CACHE = "dragoman.time.expressions"  # doc.user_data key: the doc's date expressions, found once
UNDATED_MODALITIES = {"planned", "hypothetical"}
STATED_INTENT_ROOTS = frozenset({"03", "13"})  # intents and threats: said on a day, whatever they promise
NARRATIVE_KINDS = frozenset({"iso", "mdy", "dmy", "weekday", "day"})  # dates and named days
NARRATIVE_WINDOW = 2  # sentences before an undated event in which the story's last day is looked for
LATER_WINDOW = 6  # "Three days later": the day it counts from may be a paragraph back
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
        date = _clause_date(trigger, found, reference.date, asserted=event.modality not in UNDATED_MODALITIES)
        if date is not None:
            return date
        planned = event.modality in UNDATED_MODALITIES or tense(trigger) == "future"
        if planned:  # "would ask the Council to hold a meeting on Wednesday": the plan's day
            plan = _planned_date(trigger, found, reference.date)
            if plan is not None or event.code[:2] not in STATED_INTENT_ROOTS:
                return plan
            # a threat or a promise with no day of its own is an event of the day it is made ("Iraq
            # reserves the right to respond"): the statement's day, as for what is done
        if reference.date is None or background(trigger):
            return None
        complement = _complement_date(trigger, found, reference.date)
        if complement is not None:
            return complement
        recalled = _gathering_reference_date(doc, sent.start, sent.end, reference.date)
        if recalled is not None:
            return recalled[1]
        later = next((f for _, f in _attached(trigger, found) if f.expression.relation == "later"), None)
        if later is not None:  # "Three days later, protesters turned on the soldiers": the story's last day on
            before = _narrative_date(doc, sent, reference.date, LATER_WINDOW)
            return shifted(later.expression, before) if before is not None else None
        narrative = _narrative_date(doc, sent, reference.date)
        if narrative is not None and not present(trigger):
            return narrative
        day = reference.date.isoformat()
        return EventDate(start=day, end=day, precision="day", text=None, source="document")


def _clause_date(token: Token, found: list[_Found], reference: dt.date | None, chain: bool = True,
                 asserted: bool = True) -> EventDate | None:
    """The date the sentence gives the clause of ``token``: an expression in its own clause, else the day
    a distance expression measures from ("four days after soldiers detained him", "a day before the
    summit"), else (``chain``) an expression in a clause above it. A distance expression does not date the
    clause it hangs from, and a past clause takes no date after the reference date ("discussed its
    chairmanship in 2023", written in 2022)."""
    ranked = _attached(token, found)
    own: list[_Found | EventDate] = [f for level, f in ranked if level == 0]
    above: list[_Found | EventDate] = [f for level, f in ranked if level > 0] if chain else []
    measured = _measured(token, found, reference)
    if measured is not None:  # the measured thing's own words first: "after gunmen stormed it on May 3"
        inner = [f for f in own if isinstance(f, _Found)
                 and (f.span.root.i == measured[0].i or measured[0] in f.span.root.ancestors)]
        own = [*inner, measured[1], *[f for f in own if f not in inner]]
    past = asserted and tense(token) == "past"
    for candidate in [*own, *above]:
        if isinstance(candidate, EventDate):
            return candidate
        if candidate.expression.relation is not None:
            continue
        year = _that_year(candidate)
        date = resolve(candidate.expression, dt.date(year, 12, 31), "past") if year is not None \
            else resolve(candidate.expression, reference, tense(candidate.span.root))
        if date is None:
            continue
        if past and reference is not None and date.start > reference.isoformat():
            continue
        return date
    return None


THAT_YEAR = re.compile(r"\s*(?:,\s*)?(?:of\s+)?(?:that|the\s+same|that\s+same)\s+year\b", re.IGNORECASE)


def _that_year(candidate: _Found) -> int | None:
    """ "in November of that year", after "in July 2013": the year the text named last before it."""
    doc = candidate.span.doc
    # (the few words after it, not doc.text, which spaCy rebuilds from every token at each call)
    following = doc[candidate.span.end:candidate.span.end + 5]
    if candidate.expression.explicit or not THAT_YEAR.match(" " + following.text):
        return None
    years = [d.start[:4] for f in _expressions(doc) if f.span.end <= candidate.span.start and f.expression.explicit
             for d in (resolve(f.expression, None),) if d is not None]
    return int(years[-1]) if years else None


def _measured(token: Token, found: list[_Found], reference: dt.date | None) -> tuple[Token, EventDate] | None:
    """When ``token`` lies in what a distance expression measures from ("four days after [soldiers
    detained him]", "a day before [a summit]"): the head of that thing, and the date of the clause the
    expression hangs from, shifted."""
    for f in found:
        if f.expression.relation is None:
            continue
        word = next((t for t in reversed(f.span) if t.lower_ == f.expression.relation), None)
        if word is None:
            continue
        objects = [c for c in word.children if c.dep_ in ("pobj", "pcomp")]
        measured = objects[0] if objects else (word.head if word.dep_ == "mark" else None)
        if measured is None or not (measured.i == token.i or measured in token.ancestors):
            continue
        anchor = f.span.root.head
        for _ in range(MAX_CLIMB):
            inside = anchor.i == measured.i or measured in anchor.ancestors or f.span.start <= anchor.i < f.span.end
            if not inside:
                break
            if anchor.head.i == anchor.i:
                return None
            anchor = anchor.head
        anchor_date = _clause_date(anchor, found, reference)
        if anchor_date is None and reference is not None and tense(anchor) != "future" and not background(anchor):
            day = reference.isoformat()  # "It came a day after X fired ...": the report's day
            anchor_date = EventDate(start=day, end=day, precision="day", text=None, source="document")
        date = shifted(f.expression, anchor_date) if anchor_date is not None else None
        if date is not None:
            return measured, date
    return None


def _complement_date(trigger: Token, found: list[_Found], reference: dt.date) -> EventDate | None:
    """A past event's day written in the infinitive it governs: "applied to join the alliance in May last
    year" (the parser hangs the date on "join")."""
    if tense(trigger) != "past" or not is_verb(trigger):
        return None
    for f in found:
        node = f.span.root
        for _ in range(MAX_CLIMB):
            if node.head.i == trigger.i or node.head.i == node.i or (is_verb(node) and node.dep_ != "xcomp"):
                break
            node = node.head
        if node.head.i == trigger.i and node.dep_ == "xcomp" and is_verb(node) and f.expression.relation is None:
            date = resolve(f.expression, reference, "past")
            if date is not None and date.start <= reference.isoformat():
                return date
    return None


def _planned_date(trigger: Token, found: list[_Found], reference: dt.date | None) -> EventDate | None:
    """A planned event's day given in the clause it governs: "asked the Council to hold a meeting on
    Wednesday", "plans to travel to Rome next week"."""
    for f in found:
        node = f.span.root
        for _ in range(MAX_CLIMB):
            if node.head.i == node.i or node.i == trigger.i:
                break
            node = node.head
        if node.i == trigger.i and f.expression.relation is None:
            date = resolve(f.expression, reference, "future")
            if date is not None:
                return date
    return None


def _gathering_date(gathering: Token, reference: dt.date | None) -> EventDate | None:
    """The date the text gives a summit, meeting or visit where it is told: its own words ("a summit on
    Sunday") or a distance from a dated clause ("a day before a summit")."""
    doc = gathering.doc
    sent = gathering.sent
    found = [f for f in _expressions(doc) if sent.start <= f.span.start and f.span.end <= sent.end]
    return _clause_date(gathering, found, reference, chain=False)


def _gathering_reference_date(doc: Doc, start: int, end: int,
                              reference: dt.date) -> tuple[int, EventDate] | None:
    """The day of a gathering that tokens ``start``..``end`` refer back to ("At the summit, ..."), with the
    position of the reference: the latest earlier mention of it that the text dates to a past day."""
    for word in reversed(references(doc, start, end)):
        for mention in earlier(word):
            date = _gathering_date(mention, reference)
            if date is not None:
                if date.precision == "day" and date.start <= reference.isoformat():
                    return word.i, replace(date, source="relative")
                break
    return None


MAX_CLIMB = 12


def _attached(trigger: Token, found: list[_Found]) -> list[tuple[int, _Found]]:
    """The sentence's date expressions that speak of the event: those in its own clause (level 0, nearest
    first), then those in the clauses above it (lowest first)."""
    own = event_clause(trigger)
    ranked: list[tuple[int, int, _Found]] = []
    for f in found:
        steps = climb(f.span.root, own)
        if steps is not None:
            ranked.append((0, steps * 1000 + abs(f.span.root.i - trigger.i), f))
    top = trigger.doc[max(own, key=lambda i: own[i])]  # the governing verb of a noun trigger, or the trigger
    chain = clause_chain(top)
    for level, (verb, _) in enumerate(chain, start=1):
        lo, hi = sorted((top.i, verb.i))
        if any(c.dep_ == "punct" and c.text == ";" and lo < c.i < hi for c in verb.children):
            break  # "Twenty soldiers were killed at Galwan; China acknowledged its deaths only in 2021": apart
        for f in found:
            if any(r[2] is f for r in ranked):
                continue
            steps = climb(f.span.root, {verb.i: 0})
            if steps is not None:
                ranked.append((level, steps, f))
    return [(r[0], r[2]) for r in sorted(ranked, key=lambda r: (r[0], r[1]))]


def _narrative_date(doc: Doc, sent: Span, reference: dt.date, window: int = NARRATIVE_WINDOW) -> EventDate | None:
    """The day the story was telling just before ``sent``: the last day-precise, past date expression in the
    ``NARRATIVE_WINDOW`` sentences before it ("On Sunday, thousands rallied ... Deby flew to Niamey
    afterwards"), or the day of a gathering one of them refers back to ("At the summit, ..."). Not for the
    lead sentence, which reports the news of the document's day; not from a clause that looks ahead ("will
    meet on Tuesday")."""
    if sent.start == 0:
        return None
    first = sent.start
    for _ in range(window):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    earlier_found = [f for f in _expressions(doc) if first <= f.span.start and f.span.end <= sent.start]
    best: tuple[int, EventDate] | None = None
    for f in reversed(earlier_found):
        dated_month = f.expression.kind == "month" and f.expression.explicit  # "In January 2019, ..."
        if f.expression.kind not in NARRATIVE_KINDS and f.expression.relation != "later" and not dated_month:
            continue  # "a day before", "two weeks ago": relative to an event or a period, not a day of the story
        clause_tense = tense(f.span.root)
        if clause_tense == "future" or _would(f.span.root) or background(f.span.root):
            continue  # "will meet on Tuesday", "had announced on May 30": not where the story is
        if f.expression.relation == "later":  # "Three days later, ...": counted from the story's day before it
            counted = _narrative_date(doc, f.span.sent, reference, LATER_WINDOW)
            date = shifted(f.expression, counted) if counted is not None else None
        else:
            date = resolve(f.expression, reference, clause_tense)
        if date is not None and (date.precision == "day" or dated_month) and date.start <= reference.isoformat():
            best = (f.span.start, EventDate(start=date.start, end=date.end, precision=date.precision,
                                            text=f.expression.text, source="relative"))
            break
    recalled = _gathering_reference_date(doc, first, sent.start, reference)
    if recalled is not None and (best is None or recalled[0] > best[0]):
        best = recalled
    return best[1] if best else None


def _would(token: Token) -> bool:
    """A clause under "would" or "is due to" looks ahead of the report ("would ask the Council to meet on
    Wednesday")."""
    node: Token | None = governing_verb(token)
    for _ in range(3):
        if node is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in node.children):
            return True
        if node.head.i == node.i or not infinitive(node):
            return False
        node = governing_verb(node.head)
    return False


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
