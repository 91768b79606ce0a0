"""Shared by the regression-sentence tests: a text run through the real pipeline, its events reduced to
(cameo, source key, target key, modality), actors compared by country or organisation so that the tests do
not depend on the finer actor codes."""

from __future__ import annotations

from dragoman.pipeline import Pipeline
from dragoman.records import Actor, Document, Event

Expected = tuple[str, str, str | None, str]  # cameo, source key, target key (or None), modality


def key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.org or actor.code


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.events_of(Document(doc_id="regression", text=text), pipeline.nlp(text))


def coded(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, str]]:
    """The events of ``text`` as sortable tuples, in a stable order."""
    return sorted(((e.cameo, key(e.source), key(e.target), e.modality) for e in events_of(pipeline, text)), key=str)
