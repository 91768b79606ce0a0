"""Long texts: split at paragraph or sentence boundaries, parsed and coded in parts, offsets kept right."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.nlp import chunks
from dragoman.pipeline import Pipeline
from dragoman.records import Document, make_event_id
from tests.conftest import REPO
from tests.hardening.trials import sqlite_pass_only
from tests.store.corpus import IRN, RUS, event

ARTICLE = (REPO / "src" / "dragoman" / "data" / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8")
_PIECES = st.sampled_from(["Iran met Russia.", "\n\n", "\n", " ", "word", "Mr. Lavrov said so!", "\u200f", "\t",
                           "x" * 40, ". ", "? ", "\u2028"])


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=80), size=st.integers(min_value=1, max_value=120),
       tokens=st.integers(min_value=1, max_value=40))
def test_parts_cover_the_text_exactly_and_keep_to_the_size(pieces: list[str], size: int, tokens: int) -> None:
    text = "".join(pieces)
    parts = chunks.split(text, size, tokens)
    assert "".join(p.text for p in parts) == text
    assert all(len(p.text) <= size for p in parts)
    assert all(len(chunks._TOKEN.findall(p.text)) <= tokens for p in parts)
    assert chunks.fits(text, size, tokens) == (len(parts) == 1)
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in parts)
    assert all(p.text for p in parts) or text == ""


def test_cuts_prefer_paragraphs_then_lines_then_sentences() -> None:
    para = "First sentence here. Second one.\n\nThird paragraph starts. And goes on.\nA new line. Last."
    assert next(p.text for p in chunks.split(para, 50)) == "First sentence here. Second one.\n\n"
    line = "Alpha beta gamma. Delta epsilon.\nZeta eta theta. Iota kappa."
    assert next(p.text for p in chunks.split(line, 45)) == "Alpha beta gamma. Delta epsilon.\n"
    sentences = "One two three. Four five six. Seven eight nine."
    assert [p.text for p in chunks.split(sentences, 35)] == ["One two three. Four five six. ", "Seven eight nine."]
    assert [p.text for p in chunks.split("abcdefghij", 4)] == ["abcd", "efgh", "ij"]  # no boundary: a hard cut
    words = "Yes.\n" * 10  # three tokens in five characters: the token bound cuts first
    assert [p.text for p in chunks.split(words, 1000, tokens=6)] == ["Yes.\nYes.\n"] * 5


def test_a_short_document_is_one_part_and_a_long_one_is_parsed_in_parts_in_input_order() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 60  # the model's limit is the part size when it is the smaller
    long = "Iran met Russia. " * 10
    docs = [Document("a", "Short text."), Document("b", long), Document("c", "Another short one.")]
    seen = [(d.doc_id, [(start, doc.text) for start, doc in parts]) for d, parts in chunks.parse(nlp, docs, 32)]
    assert [doc_id for doc_id, _ in seen] == ["a", "b", "c"]
    assert seen[0][1] == [(0, "Short text.")]
    parts_b = seen[1][1]
    assert len(parts_b) > 1 and all(len(t) <= 60 for _, t in parts_b)
    assert "".join(t for _, t in parts_b) == long
    assert [start for start, _ in parts_b] == [sum(len(t) for _, t in parts_b[:i]) for i in range(len(parts_b))]


def test_events_of_later_parts_are_shifted_onto_the_whole_text() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Iran met Russia. Russia thanked Iran.\n\nIran met Russia."
    document = Document("d", text)
    parts = [(0, nlp(text[:39])), (39, nlp(text[39:]))]

    def code(doc: spacy.tokens.Doc) -> list:  # an event on the first sentence of each part, as a coder would
        sentence = next(iter(doc.sents))
        return [event("d", 0, "042", IRN, RUS, None, sentence.text)]

    found = chunks.code_parts(document, parts, code)
    assert len(found) == 2
    first, second = found
    assert first.event_id == "d-0"  # the first part's events are left as they are
    assert (second.evidence.start_char, second.evidence.end_char) == (39, 39 + len("Iran met Russia."))
    assert text[second.evidence.start_char:second.evidence.end_char] == second.evidence.sentence
    whole = list(nlp(text).sents)  # the numbering of the text parsed whole
    assert second.evidence.sentence_index == next(i for i, s in enumerate(whole) if s.start_char <= 39 < s.end_char)
    assert second.event_id == make_event_id("d", document.content_hash, 39, 39 + len("Iran met Russia."), "042",
                                            "IRNGOV", "RUSGOV")


@sqlite_pass_only
@pytest.mark.model
def test_an_article_coded_in_parts_gives_the_events_of_the_whole_article(pipeline: Pipeline) -> None:
    document = Document("article", ARTICLE)
    whole = pipeline.events_of(document, pipeline.nlp(ARTICLE))
    parts = list(chunks.parse(pipeline.nlp, [document], 32, size=2500))
    assert len(parts) == 1
    _, pieces = parts[0]
    pieces = list(pieces)
    assert len(pieces) >= 4
    in_parts = chunks.code_parts(document, pieces, lambda doc: pipeline.events_of(document, doc))
    for e in in_parts:
        assert ARTICLE[e.evidence.start_char:e.evidence.end_char] in e.evidence.sentence
        assert e.evidence.sentence in ARTICLE
    key = {(e.evidence.start_char, e.cameo): e for e in whole}
    common = [e for e in in_parts if (e.evidence.start_char, e.cameo) in key]
    assert len(common) >= 0.7 * len(whole)  # only coreference across a cut may change what is found
    for e in common:
        twin = key[(e.evidence.start_char, e.cameo)]
        if (e.source, e.target) == (twin.source, twin.target):
            assert e.event_id == twin.event_id
            assert e.evidence.sentence_index == twin.evidence.sentence_index


@sqlite_pass_only
@pytest.mark.model
def test_a_text_past_the_models_max_length_is_coded_with_offsets_into_the_whole_text(pipeline: Pipeline) -> None:
    """The issue's failure: a document over 1,000,000 characters stopped the batch (spaCy E088). Here a
    blank-line gap (cheap to parse) puts the article's second copy past the limit."""
    gap = "\n" * (pipeline.nlp.max_length + 10)
    text = ARTICLE + gap + ARTICLE
    [(_document, found)] = list(pipeline.run([Document("long", text)]))
    alone = pipeline.events_of(Document("alone", ARTICLE), pipeline.nlp(ARTICLE))
    late = [e for e in found if e.evidence.start_char > pipeline.nlp.max_length]
    assert late, "the copy after the gap is coded"
    assert len(late) >= 0.7 * len(alone)
    for e in found:
        assert 0 <= e.evidence.start_char < e.evidence.end_char <= len(text)
        assert text[e.evidence.start_char:e.evidence.end_char] in e.evidence.sentence
    assert len({e.event_id for e in found}) == len(found)
