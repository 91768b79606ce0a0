"""Documents for the concurrency test: document i reports event i % 20 twice (headline and body)."""

from __future__ import annotations

import datetime as dt

from dragoman.records import Document, Event
from tests.store.corpus import IRN, RUS, event


def document_events(i: int) -> tuple[Document, list[Event]]:
    k = i % 20
    day = (dt.date(2023, 1, 1) + dt.timedelta(days=10 * k)).isoformat()
    doc_id = f"doc-{i:04d}"
    document = Document(doc_id, f"report {i} of event {k}", f"Report {i}", f"https://outlet{i % 3}.example/{i}", day)
    return document, [event(doc_id, 0, "042", IRN, RUS, day, f"Iran visited Russia, report {i}."),
                      event(doc_id, 1, "040", RUS, IRN, day, f"Russia and Iran held talks, report {i}.")]
