"""Event places: the place tied to the event's clause, or none."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from dragoman.events.coder import CodedEvent
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


def _between(pipeline: Pipeline, doc: Doc, trigger: str, source: str, target: str, country: str) -> CodedEvent:
    coded = event(doc, trigger)
    return replace(coded, source=mention(doc, source, country), target=mention(doc, target, country))


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "name", "country", "precision"), [
    # names the gazetteer lacks, made places by the words around them
    ("Rebels ambushed an army convoy in the Tibesti region, killing six soldiers.", "ambushed", "Tibesti", None,
     "region"),
    ("Rebels ambushed an army convoy in the Tibesti region of northern Chad.", "ambushed", "Tibesti", "TCD",
     "region"),  # the state of the place it is said to lie in
    # a gazetteer's name that NER takes for a person, after "flew to"; as written, not as transliterated
    ("The Thai envoy flew to Naypyitaw and met the generals.", "met", "Naypyitaw", "MMR", "city"),
    # "over" for drills, "on" after a light verb
    ("Chinese bombers conducted patrols over the East China Sea.", "conducted", "East China Sea", None, "region"),
    ("The rebels launched a new assault on Mosul.", "launched", "Mosul", "IRQ", "city"),
    # a place of the clause above, through the gathering noun
    ("At a regional summit in Lima, the two presidents met and pledged closer ties.", "pledged", "Lima", "PER",
     "city"),
    # names that end in their own kind of place, or a town's name before a word for a division
    ("Two patrol boats collided near Scarborough Shoal on Friday.", "collided", "Scarborough Shoal", None, "city"),
    ("Troops pulled back from the Sarez lake in March.", "pulled", "Sarez lake", None, "region"),
    ("Militants attacked a checkpoint in Herat province.", "attacked", "Herat province", "AFG", "region"),
    # a town opening the name of a place in it, though NER takes it all for an organisation
    ("Gunmen stormed Mosul University on Thursday.", "stormed", "Mosul", "IRQ", "city"),
    # "north of" a town; a state's embassy is not a place of that state
    ("Police fired tear gas at protesters outside the French embassy north of Dakar.", "fired", "Dakar", "SEN",
     "city"),
    # a body's seat where the body is where it happened
    ("At the UN Human Rights Council in Geneva, Britain rejected the motion.", "rejected", "Geneva", "CHE",
     "city"),
])
def test_constructions_that_place_an_event(pipeline: Pipeline, resolver: PlaceResolver, text: str, trigger: str,
                                           name: str, country: str | None, precision: str) -> None:
    doc = pipeline.nlp(text)
    place = resolver.event_place(doc, event(doc, trigger), [])
    assert place is not None
    assert (place.name, place.country, place.precision) == (name, country, precision)


@pytest.mark.model
def test_a_name_beside_a_known_place_takes_its_country(pipeline: Pipeline, resolver: PlaceResolver) -> None:
    doc = pipeline.nlp("The Indonesian president met the envoys today in Sanur, Bali, with local officials.")
    place = resolver.event_place(doc, event(doc, "met"), [mention(doc, "Indonesian", "IDN", "adjective")])
    assert place is not None and (place.name, place.country, place.precision) == ("Sanur, Bali", "IDN", "city")


@pytest.mark.model
def test_the_capital_of_the_one_state_of_both_parties(pipeline: Pipeline, resolver: PlaceResolver) -> None:
    doc = pipeline.nlp("Army units drove the militia back from the outskirts of the capital in May.")
    place = resolver.event_place(doc, _between(pipeline, doc, "drove", "Army", "militia", "SDN"), [])
    assert place is not None and (place.name, place.country) == ("Khartoum", "SDN")
    # parties of two states: which capital is not said
    doc = pipeline.nlp("Army units drove the militia back from the outskirts of the capital in May.")
    coded = replace(event(doc, "drove"), source=mention(doc, "Army", "SDN"), target=mention(doc, "militia", "TCD"))
    assert resolver.event_place(doc, coded, []) is None


@pytest.mark.model
def test_a_gathering_referred_back_to_places_the_event(pipeline: Pipeline, resolver: PlaceResolver) -> None:
    doc = pipeline.nlp("Ministers gathered for a summit in the mountain town of Azrou. "
                       "At the summit, Morocco welcomed the Algerian envoy.")
    place = resolver.event_place(doc, event(doc, "welcomed"), [])
    assert place is not None and (place.name, place.country) == ("Azrou", "MAR")


@pytest.mark.model
def test_outside_is_the_place_the_sentence_before_told_of(pipeline: Pipeline, resolver: PlaceResolver) -> None:
    doc = pipeline.nlp("Protesters stormed the parliament in Nairobi. Outside, police fired tear gas at the crowds.")
    place = resolver.event_place(doc, event(doc, "fired"), [])
    assert place is not None and place.name == "Nairobi"


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger"), [
    ("Peru reopened the border a day before a summit in Lima.", "reopened"),  # what it is timed against
    ("Gunmen attacked a base in the Tibesti region, after which Ndjamena recalled its envoy.", "recalled"),
    ("Police fired tear gas at the crowds.", "fired"),  # "the crowds" were nowhere said
    ("The two governments quarrelled over the Tibesti region.", "quarrelled"),  # a subject, not a site
    # part of who, not where; what a resolution asks for
    ("The truce was signed after talks facilitated by the UN Support Mission in Sudan.", "signed"),
    ("The council rejected a resolution calling for a truce in Gaza.", "rejected"),
    ("The leaders met at the G20 Summit.", "met"),  # Summit, New Jersey
    ("The bloc barred the airline from EU airports.", "barred"),  # a body's airports: no named place
    ("Turkey refused a withdrawal from northern Syria.", "refused"),  # a withdrawal that is not the event
])
def test_no_place_from_these(pipeline: Pipeline, resolver: PlaceResolver, text: str, trigger: str) -> None:
    doc = pipeline.nlp(text)
    assert resolver.event_place(doc, event(doc, trigger), []) is None


def test_a_court_acts_in_the_town_it_is_named_by(resolver: PlaceResolver) -> None:
    # "A Moscow court sentenced the reporter ." / "Moscow officials sentenced the reporter ."
    for body, placed in (("court", True), ("officials", False)):
        doc = parsed([("A", "DET", "det", 2), ("Moscow", "PROPN", "compound", 2), (body, "NOUN", "nsubj", 3),
                      ("sentenced", "VERB", "ROOT", 3), ("the", "DET", "det", 5), ("reporter", "NOUN", "dobj", 3),
                      (".", "PUNCT", "punct", 3)])
        place = resolver.event_place(doc, event(doc, "sentenced"), [])
        assert (place is not None and (place.name, place.country) == ("Moscow", "RUS")) == placed
