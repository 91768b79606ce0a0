"""Event places.

Reads: the parsed doc, a coded event and the document's actor mentions. Returns: a ``Place`` or None.
The foundation locates no event; issue 5 brings the gazetteer and the attachment rules. No place is ever
invented: an event without one keeps none.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dragoman.actors.mentions import Mention
from dragoman.events.coder import CodedEvent
from dragoman.records import Place


class PlaceResolver:
    @classmethod
    def load(cls) -> PlaceResolver:
        return cls()

    def event_place(self, doc: Doc, event: CodedEvent, mentions: Sequence[Mention]) -> Place | None:
        return None
