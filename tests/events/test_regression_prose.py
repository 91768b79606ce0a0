"""More regression sentences (written for dragoman, not taken from any evaluation set): constructions of
news prose that the coder once missed. Same mechanics as ``test_regression``: the real model, actors
compared by country or organisation."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Document

from .test_regression import Expected, key

pytestmark = pytest.mark.model

CASES: list[tuple[str, list[Expected]]] = [
    # the members a group noun lists with "including" are the actors
    ("Several countries, including Norway and Canada, criticised Uganda.",
     [("111", "NOR", "UGA", "asserted"), ("111", "CAN", "UGA", "asserted")]),
    # a list the parser breaks at a long name (an apposition with the rest coordinated inside it)
    ("The UN General Assembly met on Monday. Cuba was joined in voting no by Iran, "
     "the Lao People's Democratic Republic, Mali and Nicaragua.",
     [("120", c, "UN", "asserted") for c in ("CUB", "IRN", "LAO", "MLI", "NIC")]),
    # an act reported to addressees is aimed at them; objecting to a renewal rejects it
    ("Egypt said it had notified Sudan and Ethiopia that it objected to extending the talks.",
     [("120", "EGY", "SDN", "asserted"), ("120", "EGY", "ETH", "asserted")]),
    # an act of speech coordinated with what a speaker reports is the speaker's
    ("Armenia's foreign ministry said Azerbaijani troops had shelled villages, and accused Baku of provocations.",
     [("1123", "ARM", "AZE", "asserted")]),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(pipeline: Pipeline, sentence: str, expected: list[Expected]) -> None:
    doc = pipeline.nlp(sentence)
    events = pipeline.events_of(Document(doc_id="regression", text=sentence), doc)
    got = [(e.cameo, key(e.source), key(e.target), e.modality) for e in events]
    assert sorted(got, key=str) == sorted(expected, key=str)
