"""The record of one actor mention in a parsed document (token indices and the resolved actor)."""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.records import Actor


@dataclass(frozen=True)
class Mention:
    """An actor mention: tokens ``start``..``end`` (exclusive) of the doc, ``head`` its syntactic head.

    ``kind``: country, capital, adjective, org, group, person, role, affiliation, pronoun, group-reference.

    ``members`` is set only for a group reference ("the two sides", "both countries", "the two neighbouring
    countries"): the actors of the group in focus, in order of first mention, at least two. ``actor`` is
    then the first member (its ``how`` is ``coreference:group``) so that code reading only ``actor`` still
    sees a real participant; a coder that understands groups should code the event for the members (one
    event per member, or member against member when the group is both sides of a symmetric event).
    """

    start: int
    end: int
    head: int
    actor: Actor
    kind: str
    members: tuple[Actor, ...] = ()
