"""Finding actor mentions in a parsed document and resolving them against the knowledge base.

Reads: ``doc`` tokens, dependency parse, entities. Returns: ``Mention`` records (token spans with a
resolved ``Actor``), sorted by position. spaCy objects do not leave this module except as token indices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dragoman.actors.kb import ActorKB, Entry, normalise
from dragoman.records import Actor

NOUN_MODIFIERS = {"amod", "compound", "nmod", "poss", "nummod", "det", "case"}
PERSON_LABELS = {"PERSON"}


@dataclass(frozen=True)
class Mention:
    """An actor mention: tokens ``start``..``end`` (exclusive) of the doc, ``head`` its syntactic head."""

    start: int
    end: int
    head: int
    actor: Actor
    kind: str  # country, capital, adjective, org, group, person, role, reference


class MentionFinder:
    """Built once per (model, knowledge base); finds mentions in any number of docs."""

    def __init__(self, nlp: Language, kb: ActorKB) -> None:
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Acronyms ("US", "UN") must match their case: "us" is a pronoun, "who" is not the WHO.
        folded_acronyms = {normalise(a) for a in kb.acronyms}
        folded = [n for n in kb.names if n not in folded_acronyms]
        self.matcher.add("ACTOR", [nlp.make_doc(n) for n in folded])
        self.exact.add("ACTOR", [nlp.make_doc(n) for n in sorted(kb.acronyms)])

    def find(self, doc: Doc, reference_date: dt.date | None = None) -> list[Mention]:
        """Mentions in ``doc``; ``reference_date`` (the document's date, when known) decides which role a
        person held."""
        spans = [Span(doc, s, e, label="ACTOR") for _, s, e in self.matcher(doc)]
        spans += [Span(doc, s, e, label="ACTOR") for _, s, e in self.exact(doc)]
        mentions: list[Mention] = []
        taken: set[int] = set()
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            entries = self.kb.lookup(span.text)
            if not entries:
                continue
            mention = self._expand(doc, span, _best(entries))
            if taken & set(range(mention.start, mention.end)):
                continue
            taken.update(range(mention.start, mention.end))
            mentions.append(mention)
        mentions += self._people(doc, taken, mentions)
        return sorted(mentions, key=lambda m: m.start)

    def _expand(self, doc: Doc, span: Span, entry: Entry) -> Mention:
        """Grow a country adjective or name into its noun phrase when the phrase names a role or person:
        "Iranian foreign minister Hossein Amir Abdollahian" -> IRNGOV; "the US strike" stays "US"."""
        root = span.root
        base = Actor(text=span.text, name=entry.name, code=entry.code, country=entry.country,
                     org=entry.org, sector=entry.sector, how=f"dictionary:{entry.kind}", entry=entry.id)
        if entry.kind not in ("country", "adjective") or root.dep_ not in NOUN_MODIFIERS:
            return Mention(span.start, span.end, root.i, base, entry.kind)
        head = root.head
        while head.dep_ in ("compound",) and head.head.i != head.i:
            head = head.head
        sector = self.sector_in(head)
        is_person = head.ent_type_ in PERSON_LABELS
        if sector is None and not is_person:
            return Mention(span.start, span.end, root.i, base, entry.kind)
        left = min([span.start] + [t.i for t in head.subtree if t.i < head.i and t.dep_ in NOUN_MODIFIERS
                                   and t.dep_ not in ("det", "case")])
        left = min(left, span.start)
        text = doc[left:head.i + 1].text
        code = (entry.country or "---") + (sector or "")
        actor = replace(base, text=text, code=code, sector=sector, how=f"dictionary:{entry.kind}+role")
        return Mention(left, head.i + 1, head.i, actor, "person" if is_person else "role")

    def sector_in(self, head: Token) -> str | None:
        """The sector named by a noun phrase's head or its compound/adjective modifiers."""
        words = [t for t in head.subtree if (t.i <= head.i and t.dep_ in ("compound", "amod", "ROOT"))
                 or t.i == head.i]
        for i, tok in enumerate(words):
            if i + 1 < len(words):
                pair = self.kb.sector_of(f"{tok.lower_} {words[i + 1].lower_}")
                if pair:
                    return pair
        for tok in reversed(words):
            sector = self.kb.sector_of(tok.lower_) or self.kb.sector_of(tok.lemma_.lower())
            if sector:
                return sector
        return None

    def _people(self, doc: Doc, taken: set[int], found: list[Mention]) -> list[Mention]:
        """People named with a role earlier in the document, found again by full name or surname."""
        aliases: dict[str, Actor] = {}
        for m in found:
            if m.kind == "person":
                for ent in doc.ents:
                    if ent.label_ in PERSON_LABELS and m.start <= ent.start and ent.end <= m.end:
                        for k in range(ent.start, ent.end):
                            aliases.setdefault(normalise(doc[k:ent.end].text), replace(m.actor, name=ent.text))
        extra: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ not in PERSON_LABELS or taken & set(range(ent.start, ent.end)):
                continue
            for k in range(ent.start, ent.end):
                actor = aliases.get(normalise(doc[k:ent.end].text))
                if actor is not None:
                    extra.append(Mention(ent.start, ent.end, ent.root.i,
                                         replace(actor, text=ent.text, how="coreference:name"), "person"))
                    break
        return extra


def _best(entries: tuple[Entry, ...]) -> Entry:
    order = {"org": 0, "group": 1, "country": 2, "capital": 3, "adjective": 4}
    return min(entries, key=lambda e: order.get(e.kind, 9))
