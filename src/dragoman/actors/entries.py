"""Knowledge-base entries: what a name can resolve to, and the dated offices of people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Tenure:
    """One office a person held, from ``start`` to ``end`` (inclusive; ``None``: open)."""

    role: str
    code: str
    country: str | None
    org: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def holds(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Entry:
    """One knowledge-base entry that a name can resolve to."""

    id: str  # e.g. "country:IRN", "org:IAEA", "person:lavrov"
    kind: str  # country, capital, adjective, org, group, person
    name: str  # canonical name
    code: str  # CAMEO actor code (country part plus sector, or the organisation's code)
    country: str | None
    org: str | None
    sector: str | None
    tenures: tuple[Tenure, ...] = ()  # people (and dated dictionary entries): offices with their dates

    def tenure_at(self, date: dt.date | None) -> tuple[Tenure | None, str]:
        """The office held at ``date`` and how it was chosen: "dated" (held then), "latest" (no date given:
        the most recent office), "former" (the date is after every office), "before" (before the first)."""
        if not self.tenures:
            return None, "undated"
        ordered = sorted(self.tenures, key=lambda t: (t.start or dt.date.min))
        if date is None:
            current = [t for t in ordered if t.end is None]
            return (current[-1] if current else ordered[-1]), "latest"
        held = [t for t in ordered if t.holds(date)]
        if held:
            # several offices at once (president and party leader): the first listed in the file wins
            return min(held, key=self.tenures.index), "dated"
        past = [t for t in ordered if t.end is not None and t.end < date]
        if past:
            return max(past, key=lambda t: t.end or dt.date.min), "former"
        return ordered[0], "before"
