"""The event coder: triggers -> patterns -> argument frames -> coded events with modality.

Reads: a parsed spaCy ``Doc`` and its actor ``Mention``s. Returns: ``CodedEvent`` records (token indices
and resolved actors), one per trigger and actor pair. Dates and places are attached by later stages.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dragoman.actors.mentions import Mention
from dragoman.events.arguments import MentionIndex, prep_attached, role_heads
from dragoman.events.modality import read_modality
from dragoman.events.patterns import Pattern, PatternSet
from dragoman.records import Attribution


@dataclass(frozen=True)
class CodedEvent:
    sentence_index: int
    sentence_start: int  # token index of the sentence start
    trigger: int  # token index
    pattern: Pattern
    source: Mention
    target: Mention | None
    modality: str
    attribution: Attribution | None
    start_char: int
    end_char: int
    confidence: float
    notes: tuple[str, ...] = ()


class EventCoder:
    def __init__(self, patterns: PatternSet) -> None:
        self.patterns = patterns

    def code(self, doc: Doc, mentions: list[Mention]) -> list[CodedEvent]:
        index = MentionIndex(mentions)
        events: list[CodedEvent] = []
        for s_index, sent in enumerate(doc.sents):
            for token in sent:
                for pattern in self.patterns.for_token(token.lemma_, token.pos_):
                    if pattern.requires_prep and not prep_attached(token, pattern.requires_prep):
                        continue
                    events += self._frame(sent, s_index, token, pattern, index)
        return _one_per_trigger_pair(events)

    def _frame(self, sent: Span, s_index: int, trigger: Token, pattern: Pattern,
               index: MentionIndex) -> list[CodedEvent]:
        sources, source_role = _fill(trigger, pattern.source, index)
        if not sources:
            return []
        targets, target_role = _fill(trigger, pattern.target, index)
        if not targets and len(sources) > 1:
            # "Iran and Russia signed an agreement": coordinated sources act on one another.
            targets, target_role = sources[1:], source_role
            sources = sources[:1]
        reading = read_modality(trigger)
        attribution = _attribution(reading.reporter, index) if reading.reporter is not None else None
        out = []
        options: list[Mention | None] = list(targets) if targets else [None]
        for source in sources:
            for target in options:
                if target is not None and target.actor.code == source.actor.code \
                        and target.actor.entry == source.actor.entry:
                    continue
                tokens = [trigger.i, source.start, source.end - 1]
                if target is not None:
                    tokens += [target.start, target.end - 1]
                doc = sent.doc
                start = doc[min(tokens)].idx
                last = doc[max(tokens)]
                confidence = 0.5 + (0.3 if target is not None else 0.0) \
                    + (0.1 if source.actor.how.startswith("dictionary") else 0.0)
                out.append(CodedEvent(
                    sentence_index=s_index, sentence_start=sent.start, trigger=trigger.i, pattern=pattern,
                    source=source, target=target, modality=reading.modality, attribution=attribution,
                    start_char=start, end_char=last.idx + len(last.text), confidence=min(confidence, 1.0),
                    notes=(f"source by {source_role}",) + ((f"target by {target_role}",) if target else ())
                    + ((f"modality cue: {reading.cue}",) if reading.cue else ()),
                ))
        return out


def _fill(trigger: Token, roles: tuple[str, ...], index: MentionIndex) -> tuple[list[Mention], str]:
    """Mentions for the first role in ``roles`` that yields any."""
    for role in roles:
        found: list[Mention] = []
        for head in role_heads(trigger, role):
            for m in index.in_phrase(head):
                if m not in found:
                    found.append(m)
        if found:
            return found, role
    return [], ""


def _attribution(reporter: Token, index: MentionIndex) -> Attribution:
    phrase = reporter.doc[reporter.left_edge.i:reporter.right_edge.i + 1]
    found = index.in_phrase(reporter)
    if not found:
        found = [m for m in index.mentions if phrase.start <= m.start < phrase.end]
    actor = found[0].actor if found else None
    return Attribution(text=phrase.text, code=actor.code if actor else None,
                       country=actor.country if actor else None, org=actor.org if actor else None)


def _one_per_trigger_pair(events: list[CodedEvent]) -> list[CodedEvent]:
    """Several patterns may fire on one trigger: keep the first per trigger and actor pair."""
    seen: set[tuple[int, str, str]] = set()
    kept = []
    for e in events:
        key = (e.trigger, e.source.actor.code, e.target.actor.code if e.target else "")
        if key in seen:
            continue
        seen.add(key)
        kept.append(e)
    return kept
