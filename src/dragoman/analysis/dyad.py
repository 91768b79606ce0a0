"""How two actors treat each other over time: per period, events per quad class and Goldstein scores."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from dragoman.errors import DragomanError
from dragoman.events.ontology import QUAD_FIELDS
from dragoman.store.clusters import Cluster
from dragoman.store.database import Store
from dragoman.store.query import EventFilter

PERIODS = ("week", "month", "year")


@dataclass(frozen=True)
class DyadPeriod:
    period: str  # 2023-W13, 2023-03 or 2023
    quad: tuple[int, int, int, int]  # verbal coop, material coop, verbal conflict, material conflict
    goldstein_sum: float

    @property
    def total(self) -> int:
        return sum(self.quad)

    @property
    def goldstein_mean(self) -> float:
        return round(self.goldstein_sum / self.total, 3) if self.total else 0.0


@dataclass(frozen=True)
class DyadSeries:
    a: str
    b: str
    by: str
    unit: str  # "events" (clusters) or "mentions"
    periods: tuple[DyadPeriod, ...]
    undated: int = 0  # units without a date, left out of the periods
    units: tuple[Cluster, ...] = field(default=(), repr=False)

    def rows(self) -> list[dict[str, object]]:
        return [{"period": p.period, **dict(zip(QUAD_FIELDS, p.quad, strict=True)), "total": p.total,
                 "goldstein_sum": round(p.goldstein_sum, 3), "goldstein_mean": p.goldstein_mean}
                for p in self.periods]


def period_of(date: str, by: str) -> str:
    day = dt.date.fromisoformat(date[:10])
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return day.strftime("%Y-%m")
    if by == "year":
        return str(day.year)
    raise DragomanError(f"unknown period {by!r}; use one of: {', '.join(PERIODS)}")


def summarise(units: list[Cluster], by: str) -> tuple[tuple[DyadPeriod, ...], int]:
    """Group units into periods of their (earliest) date."""
    if by not in PERIODS:
        raise DragomanError(f"unknown period {by!r}; use one of: {', '.join(PERIODS)}")
    quads: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    sums: dict[str, float] = defaultdict(float)
    undated = 0
    for unit in units:
        if unit.date_start is None:
            undated += 1
            continue
        key = period_of(unit.date_start, by)
        quad = unit.event.quad_class
        if 1 <= quad <= 4:
            quads[key][quad - 1] += 1
        sums[key] += unit.event.goldstein
    periods = tuple(DyadPeriod(k, (q[0], q[1], q[2], q[3]), sums[k]) for k, q in sorted(quads.items()))
    return periods, undated


def dyad_series(store: Store, a: str, b: str, by: str = "month", mentions: bool = False,
                directed: bool = False, where: EventFilter | None = None) -> DyadSeries:
    """Events between ``a`` and ``b`` (either direction unless ``directed``) per ``by`` period."""
    units = store.units(replace(where or EventFilter(), dyad=(a, b), directed=directed), mentions=mentions)
    periods, undated = summarise(units, by)
    return DyadSeries(a, b, by, "mentions" if mentions else "events", periods, undated, tuple(units))
