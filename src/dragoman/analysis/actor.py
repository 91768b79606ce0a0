"""One actor over time: its events per period (as ``dyad_series`` counts a pair) and its counterparts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dragoman.analysis.dyad import DyadPeriod, summarise
from dragoman.store.clusters import Cluster
from dragoman.store.database import Store
from dragoman.store.query import EventFilter


@dataclass(frozen=True)
class Counterpart:
    key: str  # country, else organisation, else actor code (as the network's nodes)
    name: str
    acted_on: int  # events in which the actor acted on this counterpart
    acted_by: int  # events in which this counterpart acted on the actor

    @property
    def total(self) -> int:
        return self.acted_on + self.acted_by


@dataclass(frozen=True)
class ActorProfile:
    actor: str
    by: str
    unit: str  # "events" (clusters) or "mentions"
    periods: tuple[DyadPeriod, ...]
    undated: int
    counterparts: tuple[Counterpart, ...]
    units: tuple[Cluster, ...] = field(default=(), repr=False)


def actor_profile(store: Store, actor: str, by: str = "month", mentions: bool = False,
                  top: int = 15) -> ActorProfile:
    """Events of ``actor`` (either side) per ``by`` period, and the ``top`` actors it deals with most."""
    units = store.units(EventFilter(actor=actor), mentions=mentions)
    periods, undated = summarise(units, by)
    on: Counter[str] = Counter()
    by_them: Counter[str] = Counter()
    names: dict[str, str] = {}
    for role, counter in (("source", on), ("target", by_them)):
        for unit in store.units(EventFilter(**{role: actor}), mentions=mentions):  # type: ignore[arg-type]
            other = unit.event.target if role == "source" else unit.event.source
            if other is None:
                continue
            key = other.country or other.org or other.code
            names.setdefault(key, other.name if key == other.code else key)
            counter[key] += 1
    keys = sorted(set(on) | set(by_them), key=lambda k: (-(on[k] + by_them[k]), k))[:top]
    counterparts = tuple(Counterpart(k, names[k], on[k], by_them[k]) for k in keys)
    return ActorProfile(actor, by, "mentions" if mentions else "events", periods, undated, counterparts,
                        tuple(units))
