"""Events in the order they happened, each with the evidence of every report."""

from __future__ import annotations

from dataclasses import dataclass, replace

from dragoman.errors import DragomanError
from dragoman.records import Event
from dragoman.store.clusters import Cluster
from dragoman.store.database import Store
from dragoman.store.query import EventFilter


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None  # earliest date of the event; None when undated (listed last)
    unit: Cluster

    @property
    def event(self) -> Event:
        return self.unit.event

    @property
    def evidence(self) -> list[tuple[str, str]]:
        """(document id, sentence) of each report, representative first."""
        return [(m.doc_id, m.evidence.sentence) for m in self.unit.mentions]


def timeline(store: Store, actor: str | None = None, dyad: tuple[str, str] | None = None,
             mentions: bool = False, where: EventFilter | None = None) -> list[TimelineEntry]:
    """The events of ``actor``, or between the two actors of ``dyad``, in date order."""
    if (actor is None) == (dyad is None):
        raise DragomanError("timeline needs either an actor or a dyad (two actors)")
    units = store.units(replace(where or EventFilter(), actor=actor, dyad=dyad), mentions=mentions)
    entries = [TimelineEntry(u.date_start, u) for u in units]
    entries.sort(key=lambda t: (t.date is None, t.date or "", t.event.doc_id, t.event.evidence.sentence_index))
    return entries
