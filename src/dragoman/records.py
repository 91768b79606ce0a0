"""The data model every stage after the NLP boundary sees: frozen dataclasses, no spaCy objects.

Document -> (NLP stages) -> Event records with their Actors, EventDate, Place, Attribution and Evidence.
Storage, query, export and evaluation read and write only these.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article as read from its source, before any NLP.

    ``doc_id`` is the user-facing id (a JSONL ``id`` or a file name without extension); the identity
    used for de-duplication on re-ingest is ``content_hash``.
    """

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known from metadata
    origin: str | None = None  # file path, "<stdin>", or URL the document came from
    meta: tuple[tuple[str, str], ...] = field(default=())

    @cached_property
    def content_hash(self) -> str:
        # hashed once: every event of the document uses it for its id, and a document may be 20 MB with
        # 80,000 events (hashing per event made coding it quadratic)
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Actor:
    """A resolved actor: what the text said and what it was resolved to, and how."""

    text: str
    name: str
    code: str  # CAMEO actor code, e.g. IRNGOV, USAMIL, IGOUNOIAE, ---REB
    country: str | None = None  # ISO 3166-1 alpha-3
    org: str | None = None  # acronym of an international organisation
    sector: str | None = None  # CAMEO role code
    how: str = "dictionary"  # how it was resolved: dictionary entry, coreference, fuzzy match ...
    entry: str | None = None  # id of the knowledge-base entry that resolved it

    def keys(self) -> frozenset[str]:
        """The comparable identities of this actor (country and organisation)."""
        return frozenset(k for k in (self.country, self.org) if k)


@dataclass(frozen=True)
class EventDate:
    start: str  # ISO date
    end: str  # ISO date
    precision: str  # day, month, year, range
    text: str | None  # as written; None when taken from the document date
    source: str  # explicit, relative, document


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature code
    text: str | None = None
    precision: str | None = None  # city, region, country


@dataclass(frozen=True)
class Attribution:
    """Who the text says reports an event ("X said", "according to X", "sources say")."""

    text: str
    code: str | None = None
    country: str | None = None
    org: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Why the event exists: the words and the rule that fired."""

    sentence: str
    sentence_index: int
    start_char: int
    end_char: int
    trigger: str
    pattern: str  # id of the pattern that fired
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    doc_id: str
    event_id: str
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover_event: str | None
    plover_mode: str | None
    source: Actor | None
    target: Actor | None
    evidence: Evidence
    date: EventDate | None = None
    location: Place | None = None
    modality: str = "asserted"
    attribution: Attribution | None = None
    confidence: float = 0.5

    def to_record(self) -> dict[str, Any]:
        """The export record of FORMATS.md section 1, field for field."""
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "sentence": self.evidence.sentence,
            "sentence_index": self.evidence.sentence_index,
            "start_char": self.evidence.start_char,
            "end_char": self.evidence.end_char,
            "source": _actor_record(self.source),
            "target": _actor_record(self.target),
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"event": self.plover_event, "mode": self.plover_mode},
            "trigger": self.evidence.trigger,
            "date": asdict(self.date) if self.date else None,
            "location": _place_record(self.location),
            "modality": self.modality,
            "attribution": asdict(self.attribution) if self.attribution else None,
            "confidence": round(self.confidence, 3),
        }


def _actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "text": actor.text,
        "name": actor.name,
        "code": actor.code,
        "country": actor.country,
        "org": actor.org,
        "sector": actor.sector,
    }


def _place_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "feature": place.feature,
        "text": place.text,
    }


def unique_events(events: Sequence[Event]) -> list[Event]:
    """The events a store keeps of one document: the first of each event id."""
    seen: set[str] = set()
    kept = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            kept.append(event)
    return kept


def make_event_id(doc_id: str, content_hash: str, start_char: int, end_char: int, cameo: str,
                  source_code: str | None, target_code: str | None) -> str:
    """A deterministic id: the same event in the same text gets the same id on every re-ingest; two acts of one
    sentence with the same code and actors ("imposed duties on X and blocked imports") differ by their span."""
    key = f"{doc_id}|{content_hash}|{start_char}|{end_char}|{cameo}|{source_code}|{target_code}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
