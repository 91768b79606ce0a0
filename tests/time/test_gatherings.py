"""Gathering nouns and the earlier mentions they refer back to, on a hand-built parse (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dragoman.time.gatherings import earlier, references

WORDS = ["Leaders", "met", "at", "a", "summit", ".", "At", "the", "summit", "the", "talks", "ended", "."]
POS = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "ADP", "DET", "NOUN", "DET", "NOUN", "VERB", "PUNCT"]
DEPS = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "prep", "det", "pobj", "det", "nsubj", "ROOT", "punct"]
HEADS = [1, 1, 1, 4, 2, 1, 11, 8, 6, 10, 11, 11, 11]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, pos=POS, deps=DEPS, heads=HEADS,
               lemmas=[w.lower() for w in WORDS])


def test_definite_gathering_nouns_of_a_stretch_of_tokens() -> None:
    doc = _doc()
    assert [t.i for t in references(doc, 6, 13)] == [8, 10]  # "the summit", "the talks"
    assert references(doc, 0, 6) == []  # "a summit" is not spoken of as known
    assert [t.i for t in references(doc, 9, 11)] == [10]


def test_earlier_mentions_of_the_same_gathering_latest_first() -> None:
    doc = _doc()
    assert [t.i for t in earlier(doc[8])] == [4]
    assert earlier(doc[10]) == [] and earlier(doc[4]) == []
    # asked again (the doc's gathering nouns are found once and kept in user_data): the same answers
    assert [t.i for t in earlier(doc[8])] == [4] and [t.i for t in references(doc, 6, 13)] == [8, 10]
