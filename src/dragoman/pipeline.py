"""Document -> Events: the stages in order, batched over ``nlp.pipe``.

    parse (spaCy) -> actor mentions -> event coding -> dates and places -> Event records

This module holds the one boundary where spaCy objects become frozen records.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.actors.discourse import unnamed_actors
from dragoman.actors.kb import ActorKB
from dragoman.actors.mentions import Mention, MentionFinder
from dragoman.events.coder import CodedEvent, EventCoder
from dragoman.events.dictionary import VerbDictionary
from dragoman.events.ontology import Ontology
from dragoman.events.patterns import PatternSet
from dragoman.nlp import chunks
from dragoman.nlp.model import load_model
from dragoman.nlp.typography import written
from dragoman.places import PlaceResolver
from dragoman.places.setting import Occurrence, carry_settings
from dragoman.records import Document, Event, EventDate, Evidence, Place, make_event_id
from dragoman.settings import BATCH_CHARS, BATCH_SIZE, Settings, batches
from dragoman.time import EventDater


@dataclass
class Pipeline:
    """The loaded knowledge and models; build once, run over any number of documents."""

    nlp: Language
    kb: ActorKB
    ontology: Ontology
    patterns: PatternSet
    places: PlaceResolver
    verbs: VerbDictionary | None = None
    dater: EventDater = field(default_factory=EventDater)
    finder: MentionFinder = field(init=False)
    coder: EventCoder = field(init=False)
    batch_size: int = BATCH_SIZE
    batch_chars: int = BATCH_CHARS

    def __post_init__(self) -> None:
        self.finder = MentionFinder(self.nlp, self.kb)
        self.coder = EventCoder(self.patterns, self.verbs)

    @classmethod
    def load(cls, settings: Settings | None = None) -> Pipeline:
        settings = settings or Settings()
        with _collector_paused():
            # the knowledge before the model: read into a heap that does not yet hold the model, it loads
            # faster (0.6 s against 0.68 s for both, measured; the gazetteer's rows unpickle in 0.035 s
            # instead of 0.085 s)
            ontology = Ontology.load()
            kb = ActorKB.load(settings.actor_files)
            patterns = PatternSet.load(ontology, settings.pattern_files)
            places = PlaceResolver.load(settings.place_files)
            verbs = VerbDictionary.load(ontology)
            return cls(nlp=load_model(settings.model), kb=kb, ontology=ontology, patterns=patterns, places=places,
                       batch_size=settings.batch_size, batch_chars=settings.batch_chars, verbs=verbs)

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Events of each document, in input order, parsing in batches; a text too long for one parse is
        parsed and coded in parts, its offsets kept right (nlp/chunks.py)."""
        for batch in batches(documents, self.batch_size, self.batch_chars):
            for document, parts in chunks.parse(self.nlp, batch, self.batch_size):
                yield document, chunks.code_parts(document, parts, partial(self._events_freeing, document))

    def _events_freeing(self, document: Document, doc: Doc) -> list[Event]:
        events = self.events_of(document, doc)
        # the stages' caches in user_data hold spans of the doc, a reference cycle that would keep every
        # parsed doc in memory until a full garbage collection (400 articles: peak 585 -> 500 MB)
        doc.user_data.clear()
        return events

    def events_of(self, document: Document, doc: Doc) -> list[Event]:
        reference = self.dater.document_date(document, doc)
        mentions = unnamed_actors(doc, self.finder.find(doc, reference.date), self.kb, reference.date)
        named = {i: p.entry.country for p in self.places.places(doc, mentions) if p.entry.country
                 for i in range(p.start, p.end)}
        dateline = self._dateline(document)
        coded = self.coder.code(doc, mentions, named, dateline.country if dateline is not None else None)
        dates = [self.dater.event_date(doc, c, reference) for c in coded]
        places = carry_settings([Occurrence(c.code, c.sentence_index, c.source.actor,
                                            c.target.actor if c.target else None,
                                            self.places.event_place(doc, c, mentions), doc[c.trigger].text,
                                            (d.start, d.end) if d is not None and d.source == "relative" else None)
                                 for c, d in zip(coded, dates, strict=True)], dateline,
                                today=reference.date.isoformat() if reference.date else None)
        return [self._record(document, doc, c, date, place, (place_note,) if place_note else ())
                for c, date, (place, place_note) in zip(coded, dates, places, strict=True)]

    def _dateline(self, document: Document) -> Place | None:
        name = dict(document.meta).get("dateline_place")
        return self.places.named(name) if name else None

    def _record(self, document: Document, doc: Doc, coded: CodedEvent, date: EventDate | None,
                place: Place | None, discourse_notes: tuple[str, ...] = ()) -> Event:
        code = self.ontology.get(coded.code)
        sent = doc[coded.sentence_start].sent
        trigger = doc[coded.trigger]
        evidence = Evidence(sentence=written(sent).strip(),
                            sentence_index=coded.sentence_index,
                            start_char=coded.start_char, end_char=coded.end_char, trigger=trigger.text,
                            pattern=coded.pattern.id,
                            notes=coded.notes + _resolution_notes(coded.source, coded.target)
                            + discourse_notes)
        source = coded.source.actor
        target = coded.target.actor if coded.target else None
        return Event(
            doc_id=document.doc_id,
            event_id=make_event_id(document.doc_id, document.content_hash, coded.start_char, coded.end_char,
                                   code.code, source.code, target.code if target else None),
            cameo=code.code, root=code.root, quad_class=code.quad_class, goldstein=code.goldstein,
            plover_event=code.plover_event, plover_mode=code.plover_mode,
            source=source, target=target, evidence=evidence, date=date, location=place, modality=coded.modality,
            attribution=coded.attribution, confidence=coded.confidence,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes about 270,000 objects that live as long as the pipeline, and no garbage cycles (none
    is found by a collection afterwards): the cyclic collector, run again and again while they are made,
    would traverse them for nothing (0.3 s of a 1.5 s load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _resolution_notes(source: Mention, target: Mention | None) -> tuple[str, ...]:
    notes = [f"source {source.actor.text!r} -> {source.actor.code} ({source.actor.how})"]
    if target is not None:
        notes.append(f"target {target.actor.text!r} -> {target.actor.code} ({target.actor.how})")
    return tuple(notes)
