"""Event places: the place tied to the event's clause, or none."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dragoman.pipeline import Pipeline
from dragoman.places import PlaceResolver
from tests.time.helpers import event, mention

BLANK = spacy.blank("en")
LEMMAS = {"said": "say", "attacked": "attack", "visited": "visit", "refused": "refuse", "met": "meet"}


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.load()


def parsed(rows: list[tuple[str, str, str, int]]) -> Doc:
    """(word, pos, dep, head) rows."""
    return Doc(BLANK.vocab, words=[r[0] for r in rows], pos=[r[1] for r in rows], deps=[r[2] for r in rows],
               heads=[r[3] for r in rows], lemmas=[LEMMAS.get(r[0], r[0].lower()) for r in rows],
               sent_starts=[i == 0 for i in range(len(rows))])


def test_reported_speech_keeps_its_place(resolver: PlaceResolver) -> None:
    # "Iran said in Moscow that militias attacked the base ."
    doc = parsed([("Iran", "PROPN", "nsubj", 1), ("said", "VERB", "ROOT", 1), ("in", "ADP", "prep", 1),
                  ("Moscow", "PROPN", "pobj", 2), ("that", "SCONJ", "mark", 6), ("militias", "NOUN", "nsubj", 6),
                  ("attacked", "VERB", "ccomp", 1), ("the", "DET", "det", 8), ("base", "NOUN", "dobj", 6),
                  (".", "PUNCT", "punct", 1)])
    said = resolver.event_place(doc, event(doc, "said"), [])
    assert said is not None and (said.name, said.country, said.precision) == ("Moscow", "RUS", "city")
    assert resolver.event_place(doc, event(doc, "attacked"), []) is None


def test_visit_destination_is_the_target(resolver: PlaceResolver) -> None:
    # "Kharrazi visited Lebanon and Syria ."
    doc = parsed([("Kharrazi", "PROPN", "nsubj", 1), ("visited", "VERB", "ROOT", 1), ("Lebanon", "PROPN", "dobj", 1),
                  ("and", "CCONJ", "cc", 2), ("Syria", "PROPN", "conj", 2), (".", "PUNCT", "punct", 1)])
    mentions = [mention(doc, "Lebanon", "LBN"), mention(doc, "Syria", "SYR")]
    for target, name in ((mentions[0], "Lebanon"), (mentions[1], "Syria")):
        place = resolver.event_place(doc, event(doc, "visited", target=target), mentions)
        assert place is not None and (place.name, place.feature, place.precision, place.lat) == \
            (name, "PCLI", "country", None)


def test_a_place_left_is_not_the_site(resolver: PlaceResolver) -> None:
    # "Turkey refused a withdrawal from northern Syria ."
    doc = parsed([("Turkey", "PROPN", "nsubj", 1), ("refused", "VERB", "ROOT", 1), ("a", "DET", "det", 3),
                  ("withdrawal", "NOUN", "dobj", 1), ("from", "ADP", "prep", 3), ("northern", "ADJ", "amod", 6),
                  ("Syria", "PROPN", "pobj", 4), (".", "PUNCT", "punct", 1)])
    assert resolver.event_place(doc, event(doc, "refused"), [mention(doc, "Turkey", "TUR")]) is None


def test_no_place_is_invented(resolver: PlaceResolver) -> None:
    # "Moscow refused to share capabilities ." : Moscow is an actor here, not a place of the event
    doc = parsed([("Moscow", "PROPN", "nsubj", 1), ("refused", "VERB", "ROOT", 1), ("to", "PART", "aux", 3),
                  ("share", "VERB", "xcomp", 1), ("capabilities", "NOUN", "dobj", 3), (".", "PUNCT", "punct", 1)])
    assert resolver.event_place(doc, event(doc, "refused"), [mention(doc, "Moscow", "RUS", "capital")]) is None


def test_without_gazetteer_nothing_is_located() -> None:
    doc = parsed([("Iran", "PROPN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("in", "ADP", "prep", 1),
                  ("Oslo", "PROPN", "pobj", 2)])
    assert PlaceResolver().event_place(doc, event(doc, "met"), []) is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "adjective", "name", "country", "precision"), [
    ("The foreign minister led a delegation on a visit to Moscow where he met his counterpart.", "met", None,
     "Moscow", "RUS", "city"),
    ("The negotiator visited the Norwegian capital Oslo to meet European diplomats.", "meet", None, "Oslo", "NOR",
     "city"),
    ("Militias attacked an American base in northeastern Syria on Friday.", "attacked", None, "northeastern Syria",
     "SYR", "region"),
    ("The US strike hit two facilities run by the Guards near Deir Ezzor province in eastern Syria.", "strike",
     None, "Deir Ezzor province", "SYR", "region"),
    ("Israeli recurrent strikes hit installations of militias in Syrian territory.", "strikes", "Syrian",
     "Syria", "SYR", "country"),
    ("Ministers are set to hold a meeting, which was supposed to be scheduled early April in Cairo.", "meeting",
     None, "Cairo", "EGY", "city"),
    ("The two envoys signed the accord in Doha on Saturday.", "signed", None, "Doha", "QAT", "city"),
    ("The two sides discussed trade at a summit in Ankara.", "discussed", None, "Ankara", "TUR", "city"),
])
def test_attachment_with_the_parser(pipeline: Pipeline, resolver: PlaceResolver, text: str, trigger: str,
                                    adjective: str | None, name: str, country: str, precision: str) -> None:
    doc = pipeline.nlp(text)
    mentions = [mention(doc, adjective, country, "adjective")] if adjective else []
    place = resolver.event_place(doc, event(doc, trigger), mentions)
    assert place is not None
    assert (place.name, place.country, place.precision) == (name, country, precision)


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger"), [
    ("Turkey insisted on the withdrawal of troops from northern Syria.", "insisted"),
    ("Russia has influence in the Caucasus, and Iran called for calm.", "called"),
    ("The minister said in Moscow that militias attacked the base.", "attacked"),
    ("Iran rejected a draft deal.", "rejected"),
])
def test_no_place_with_the_parser(pipeline: Pipeline, resolver: PlaceResolver, text: str, trigger: str) -> None:
    doc = pipeline.nlp(text)
    assert resolver.event_place(doc, event(doc, trigger), []) is None
