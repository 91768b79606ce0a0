"""The verb dictionary imported from PETRARCH-2: loading, phrase choice, blocking phrases, roles, and its
place behind the hand-written patterns in the coder. Hand-built parses; no model."""

from __future__ import annotations

import pytest

from dragoman.events.coder import EventCoder
from dragoman.events.dictionary import VerbDictionary
from dragoman.events.ontology import Ontology
from dragoman.events.patterns import PatternSet
from tests.events.build import make_doc, mentions


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.load(Ontology.load())


def test_every_code_is_in_the_codebook(verbs: VerbDictionary) -> None:
    ontology = Ontology.load()
    codes = {v.code for entries in verbs.verbs.values() for v in entries if v.code} \
        | {p.code for phrases in verbs.phrases.values() for p in phrases if p.code}
    assert len(codes) > 100
    assert all(code in ontology for code in codes)
    assert len(verbs.verbs) > 1500


def test_the_most_specific_phrase_wins(verbs: VerbDictionary) -> None:
    # "Iran added sanctions against Russia": ADD's phrase "* SANCTIONS" codes 163
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("added", "add", "VERB", "ROOT", 1),
                    ("sanctions", "sanction", "NOUN", "dobj", 1), ("against", "against", "ADP", "prep", 1),
                    ("Russia", "Russia", "PROPN", "pobj", 3)])
    pattern = verbs.pattern_for(doc[1])
    assert pattern is not None and pattern.cameo == "163" and pattern.id.startswith("petrarch:ADD:")
    # without the phrase's word ADD has no default code: no trigger
    plain = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("added", "add", "VERB", "ROOT", 1),
                      ("troops", "troop", "NOUN", "dobj", 1)])
    assert verbs.pattern_for(plain[1]) is None


def test_a_general_verb_has_no_default_code(verbs: VerbDictionary) -> None:
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("saw", "see", "VERB", "ROOT", 1),
                    ("Russia", "Russia", "PROPN", "dobj", 1)])
    assert verbs.pattern_for(doc[1]) is None


def test_the_coder_uses_the_dictionary_only_for_verbs_it_has_no_pattern_for(verbs: VerbDictionary) -> None:
    coder = EventCoder(PatternSet.load(Ontology.load()), verbs)
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("expelled", "expel", "VERB", "ROOT", 1),
                    ("Turkey", "Turkey", "PROPN", "dobj", 1)])
    hand = coder.code(doc, mentions(doc))
    assert [e.pattern.id for e in hand] and not hand[0].pattern.id.startswith("petrarch:")
    # "Iran rushed aid to Syria": RUSH (block ACCELERATE) has no hand-written pattern; its phrase "* AID"
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("rushed", "rush", "VERB", "ROOT", 1),
                    ("aid", "aid", "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 1),
                    ("Syria", "Syria", "PROPN", "pobj", 3)])
    events = coder.code(doc, mentions(doc))
    assert [(e.code, e.source.actor.code, e.target.actor.code if e.target else None) for e in events] == \
        [("070", "IRN", "SYR")]
    assert events[0].confidence <= 0.6  # the dictionary's events rank below the curated patterns'
    # a dictionary verb with no resolved target codes nothing (the backstop needs an actor on each side)
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("rushed", "rush", "VERB", "ROOT", 1),
                    ("aid", "aid", "NOUN", "dobj", 1)])
    assert coder.code(doc, mentions(doc)) == []


def test_a_phrase_of_another_verb_of_the_block_reads_only_the_object_phrase(verbs: VerbDictionary) -> None:
    # GRANT's "* &WEAPON" was written for "donate": "Iran issued rifles to Syria" is a grant of arms ...
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("issued", "issue", "VERB", "ROOT", 1),
                    ("rifles", "rifle", "NOUN", "dobj", 1), ("to", "to", "ADP", "dative", 1),
                    ("Syria", "Syria", "PROPN", "pobj", 3)])
    pattern = verbs.pattern_for(doc[1])
    assert pattern is not None and pattern.cameo == "072"
    # ... "Iran issued a reminder to Syria that it must destroy its weapons" is not (the verb's own code)
    doc = make_doc([("Iran", "Iran", "PROPN", "nsubj", 1), ("issued", "issue", "VERB", "ROOT", 1),
                    ("a", "a", "DET", "det", 3), ("reminder", "reminder", "NOUN", "dobj", 1),
                    ("to", "to", "ADP", "dative", 1), ("Syria", "Syria", "PROPN", "pobj", 4),
                    ("that", "that", "SCONJ", "mark", 9), ("it", "it", "PRON", "nsubj", 9),
                    ("must", "must", "AUX", "aux", 9), ("destroy", "destroy", "VERB", "acl", 3),
                    ("its", "its", "PRON", "poss", 11), ("weapons", "weapon", "NOUN", "dobj", 9)])
    pattern = verbs.pattern_for(doc[1])
    assert pattern is not None and pattern.cameo == "060"


def test_misleading_defaults_are_left_to_phrases(verbs: VerbDictionary) -> None:
    # "Kenya pushed back al-Shabaab" is no demand (DEMAND's default for push) ...
    doc = make_doc([("Kenya", "Kenya", "PROPN", "nsubj", 1), ("pushed", "push", "VERB", "ROOT", 1),
                    ("back", "back", "ADP", "prt", 1), ("militants", "militant", "NOUN", "dobj", 1)])
    assert verbs.pattern_for(doc[1]) is None
    # ... "Kenya pushed for a ceasefire" is an appeal, by the phrase written for it
    doc = make_doc([("Kenya", "Kenya", "PROPN", "nsubj", 1), ("pushed", "push", "VERB", "ROOT", 1),
                    ("for", "for", "ADP", "prep", 1), ("a", "a", "DET", "det", 4),
                    ("ceasefire", "ceasefire", "NOUN", "pobj", 2)])
    pattern = verbs.pattern_for(doc[1])
    assert pattern is not None and pattern.cameo == "0256"
    doc = make_doc([("China", "China", "PROPN", "nsubj", 1), ("interfered", "interfere", "VERB", "ROOT", 1),
                    ("with", "with", "ADP", "prep", 1), ("shipping", "shipping", "NOUN", "pobj", 2)])
    assert verbs.pattern_for(doc[1]) is None
