"""The setting of a visit, meeting or summit, carried to the events that happen in it.

"Sharif arrived in Beijing on Monday. ... The two leaders signed ...": the signing names no place, but
it belongs to the visit placed two sentences earlier. An event with no place of its own takes the place
of the latest meeting or visit when it is diplomatic (roots 03-08), shares a party with it, follows
it within ``WINDOW`` sentences and is not dated by its own text to another time. Else an event of the
story's lead that is not a use of force takes the dateline's place ("VILNIUS, July 10 - Erdogan agreed
..."), unless its text dates it more than a week away; a meeting or visit so placed is a setting in
turn. The event's evidence says where its place came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dragoman.records import Actor, Place

SETTING_CODES = ("040", "042", "043", "044", "045", "046")  # consult, visit, host, meet at a third place
# where people meet: a city or a country visited, not a sea flown over or a region
SETTING_PRECISIONS = frozenset({"city", "country", None})
CARRIED_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
WINDOW = 6  # sentences
# A wire story's lead reports what happened where its dateline places it; force used is placed by its
# own sentence or not at all.
LEAD = 3  # sentences
FORCE_ROOTS = frozenset({"18", "19", "20"})
DATELINE_DAYS = 7  # a lead's event dated by its text further from the story's day happened elsewhere


@dataclass(frozen=True)
class Occurrence:
    """What the carrying needs of one coded event, in document order."""

    code: str
    sentence_index: int
    source: Actor
    target: Actor | None
    place: Place | None
    trigger: str
    when: tuple[str, str] | None = None  # first and last day of the date its own text gives it, if any


def _parties(source: Actor, target: Actor | None) -> frozenset[str]:
    return frozenset(k for a in (source, target) if a is not None for k in (a.country or a.org,) if k)


def _apart(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Two dates the text gives that do not overlap ("expelled the ambassador in April", after talks "on
    Wednesday" in December): the event happened elsewhen, so not in that setting."""
    return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])


def _days_around(day: str | None, days: int) -> tuple[str, str] | None:
    if day is None:
        return None
    mid = dt.date.fromisoformat(day)
    return (mid - dt.timedelta(days=days)).isoformat(), (mid + dt.timedelta(days=days)).isoformat()


def carry_settings(events: Sequence[Occurrence], dateline: Place | None = None,
                   today: str | None = None) -> list[tuple[Place | None, str | None]]:
    """Each event's place, and a note when it was carried from a setting or the dateline (``today`` is
    the story's own day: an event its text dates to another time is not the dateline's)."""
    out: list[tuple[Place | None, str | None]] = []
    setting: Occurrence | None = None
    for e in events:
        place, note = e.place, None
        if place is None and setting is not None and setting.place is not None \
                and e.code[:2] in CARRIED_ROOTS and e.sentence_index - setting.sentence_index <= WINDOW \
                and _parties(e.source, e.target) & _parties(setting.source, setting.target) \
                and not _apart(e.when, setting.when):
            place = setting.place
            note = (f"place {place.name!r} carried from the setting of {setting.trigger!r} "
                    f"(sentence {setting.sentence_index})")
        if place is None and dateline is not None and e.sentence_index < LEAD and e.code[:2] not in FORCE_ROOTS \
                and not _apart(e.when, _days_around(today, DATELINE_DAYS)):
            place, note = dateline, f"place {dateline.name!r} from the dateline (the story's lead)"
        if place is not None and e.code.startswith(SETTING_CODES) and place.precision in SETTING_PRECISIONS:
            # a meeting placed by the dateline is a setting too ("VILNIUS - ... after he hosted a meeting
            # between Erdogan and Kristersson. ... The two countries also agreed ...")
            setting = e if place is e.place else replace(e, place=place)
        out.append((place, note))
    return out
