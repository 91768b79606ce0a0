"""Parses sent between processes (nlp/transfer.py) come back as they were: words, spaces, tags, parts of
speech, morphology, lemmas, norms, heads, dependencies, entities (with their knowledge-base ids) and
sentence starts, into a vocabulary that has never seen their strings."""

from __future__ import annotations

import pickle

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dragoman.nlp.transfer import pack, unpack


def _parsed(vocab: Vocab) -> list[Doc]:
    first = Doc(vocab, words=["Vučić", "met", "Lavrov", "in", "Moscow", ".", "\n", "Talks", "ended", "."],
                spaces=[True, True, True, True, False, False, False, True, False, False],
                tags=["NNP", "VBD", "NNP", "IN", "NNP", ".", "_SP", "NNS", "VBD", "."],
                pos=["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "SPACE", "NOUN", "VERB", "PUNCT"],
                morphs=["Number=Sing", "Tense=Past|VerbForm=Fin", "Number=Sing", "", "Number=Sing",
                        "PunctType=Peri", "", "Number=Plur", "Tense=Past|VerbForm=Fin", "PunctType=Peri"],
                lemmas=["Vučić", "meet", "Lavrov", "in", "Moscow", ".", "\n", "talk", "end", "."],
                heads=[1, 1, 1, 1, 3, 1, 5, 8, 8, 8],
                deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "dep", "nsubj", "ROOT", "punct"],
                sent_starts=[True, False, False, False, False, False, False, True, False, False],
                ents=["B-PERSON", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O"])
    first[0].norm_ = "vucic"
    first[0].ent_kb_id_ = "person:vucic"
    empty = Doc(vocab, words=[])
    return [first, empty, Doc(vocab, words=["Yes", "."], spaces=[False, False])]


def _attributes(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.whitespace_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.norm_, t.head.i, t.dep_,
             t.ent_iob_, t.ent_type_, t.ent_kb_id_, t.is_sent_start) for t in doc]


def test_unpacked_docs_are_the_packed_ones() -> None:
    docs = _parsed(Vocab())
    receiving = Vocab()
    back = list(unpack(receiving, pickle.loads(pickle.dumps(pack(docs)))))
    assert [len(d) for d in back] == [10, 0, 2]
    for sent, got in zip(docs, back, strict=True):
        assert got.vocab is receiving
        assert got.text == sent.text
        assert _attributes(got) == _attributes(sent)
        assert [(e.text, e.label_, e.kb_id_) for e in got.ents] == [(e.text, e.label_, e.kb_id_) for e in sent.ents]
    assert [s.text for s in back[0].sents] == ["Vučić met Lavrov in Moscow.\n", "Talks ended."]
    assert back[0].has_annotation("DEP") and back[0].has_annotation("TAG") and back[0].has_annotation("ENT_IOB")


def test_nothing_packed_is_nothing_unpacked() -> None:
    assert list(unpack(Vocab(), pack([]))) == []
