"""Document dates and event dates.

Reads: the Document's metadata and the parsed doc. Returns: a ``DocumentDate`` for the document and an
``EventDate`` (or None) for each coded event. The foundation takes the document date from metadata only
and dates no event; issue 5 resolves date expressions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from dragoman.events.coder import CodedEvent
from dragoman.records import Document, EventDate


@dataclass(frozen=True)
class DocumentDate:
    date: dt.date | None
    source: str  # metadata, dateline, inferred, none


class EventDater:
    def document_date(self, document: Document, doc: Doc) -> DocumentDate:
        if document.published:
            try:
                return DocumentDate(dt.date.fromisoformat(document.published[:10]), "metadata")
            except ValueError:
                pass
        return DocumentDate(None, "none")

    def event_date(self, doc: Doc, event: CodedEvent, reference: DocumentDate) -> EventDate | None:
        return None
