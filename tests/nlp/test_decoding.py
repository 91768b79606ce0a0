"""The faster decoders of the parser and the entity recognizer (nlp/decoding.py) leave every document with
exactly the stock heads, labels, sentences and entities, whatever the batches, and step aside where they
would not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.nlp.decoding import FastEntityRecognizer, SteppedParser, _Moves, decode_faster
from dragoman.nlp.model import choose_model
from dragoman.nlp.segment import add_line_breaks

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
# entities at the very end, across line breaks (sentence starts), on and around whitespace tokens,
# one-token documents, empty ones
EDGES = ["Tehran", "", "   ", "The European Union\nBrussels said on Monday and Tuesday.", "Talks in Abu Dhabi",
         "Vladimir Putin met Xi Jinping in Beijing on 12 March 2024 \n\n  President Joe Biden of the United States",
         "  \t  The  Islamic Revolutionary Guard Corps ( IRGC )  seized the MSC Aries .  ", "Iran Russia China"]


def _texts() -> list[str]:
    texts = [(REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8"), *EDGES]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "articles").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "web" / "fixtures").glob("*.txt"))]
    return texts


def _entities(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.i, t.ent_iob, t.ent_type_, t.ent_kb_id_, t.head.i, t.dep_, t.is_sent_start) for t in doc]


def _model(fast: bool, ruler: bool = False) -> Language:
    nlp = spacy.load(choose_model())
    add_line_breaks(nlp)
    if ruler:  # entities set before the recognizer: the stock rules for presets apply
        entity_ruler = nlp.add_pipe("entity_ruler", before="ner")
        entity_ruler.add_patterns([{"label": "ORG", "pattern": "Brussels"}, {"label": "GPE", "pattern": "Abu"}])
    if fast:
        assert decode_faster(nlp, "parser") and decode_faster(nlp, "ner")
    return nlp


@pytest.fixture(scope="module")
def stock() -> Language:
    return _model(fast=False)


@pytest.fixture(scope="module")
def fast() -> Language:
    return _model(fast=True)


def test_the_fast_decoders_stand_in_for_the_parser_and_the_recognizer(fast: Language) -> None:
    names = fast.pipe_names
    assert "ner" not in names and "parser" not in names and set(fast.disabled) >= {"parser", "ner"}
    recognizer = fast.get_pipe(names[-1])
    assert isinstance(recognizer, FastEntityRecognizer)
    assert recognizer.labels == fast.get_pipe("ner").labels  # the stock component's, through it
    parser = fast.get_pipe(names[names.index("dragoman_line_breaks") + 1])
    assert type(parser) is SteppedParser and parser.labels == fast.get_pipe("parser").labels


@pytest.mark.parametrize("batch_size", [1, 2, 7, 64, 1000])
def test_entities_are_the_stock_ones_in_any_batches(stock: Language, fast: Language, batch_size: int) -> None:
    texts = _texts()
    expected = [_entities(doc) for doc in stock.pipe(texts, batch_size=batch_size)]
    found = [_entities(doc) for doc in fast.pipe(texts, batch_size=batch_size)]
    assert found == expected
    assert sum(len([e for e in doc if e[1] == 3]) for doc in found) > 50  # entities were found at all
    assert sum(len([e for e in doc if e[6]]) for doc in found) > 50  # and sentences


def test_one_document_called_directly(stock: Language, fast: Language) -> None:
    for text in EDGES:
        assert _entities(fast(text)) == _entities(stock(text)), text


def test_preset_entities_go_through_the_stock_decoder() -> None:
    stock, fast = _model(fast=False, ruler=True), _model(fast=True, ruler=True)
    texts = _texts()[:12]
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _entities(b) == _entities(a)
    assert "Brussels" in [e.text for e in fast(EDGES[3]).ents if e.label_ == "ORG"]


def test_validity_rows(stock: Language) -> None:
    moves = _Moves(stock.get_pipe("ner"))
    names = [stock.get_pipe("ner").moves.get_class_name(i) for i in range(len(moves.types))]
    allowed = [{names[i] for i in np.flatnonzero(row == 0)} for row in moves.penalties]
    assert allowed[0] == {"O"}  # no entity open, none may begin or stand alone: whitespace before a start
    assert allowed[1] == {"O"} | {n for n in names if n.startswith("U-") and n != "U-"}
    assert allowed[3] >= {"B-GPE", "U-GPE", "O"} and "U-" not in allowed[3] and "I-GPE" not in allowed[3]
    gpe = moves.labels.index("GPE")
    assert allowed[4 + 2 * gpe] == {"L-GPE"}  # a GPE open that may not go on must end here
    assert allowed[5 + 2 * gpe] == {"I-GPE", "L-GPE"}


def test_beam_search_components_stay_stock() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("beam_ner")
    nlp.add_pipe("beam_parser")
    assert not decode_faster(nlp, "beam_ner") and not decode_faster(nlp, "beam_parser")
    assert nlp.pipe_names == ["beam_ner", "beam_parser"]


def test_a_recognizer_of_another_shape_is_stepped() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                                          "extra_state_tokens": True, "hidden_width": 16, "maxout_pieces": 2,
                                          "use_upper": True, "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2",
                                          "pretrained_vectors": None, "width": 16, "depth": 1, "embed_size": 100,
                                          "window_size": 1, "maxout_pieces": 2, "subword_features": True}}})
    nlp.get_pipe("ner").add_label("GPE")
    nlp.initialize()
    stock = [(e.start, e.end, e.label_) for e in nlp("Iran and Russia signed a deal in Moscow.").ents]
    assert decode_faster(nlp, "ner")
    assert type(nlp.get_pipe(nlp.pipe_names[-1])) is SteppedParser  # six feature tokens: not _Decoder's three
    assert [(e.start, e.end, e.label_) for e in nlp("Iran and Russia signed a deal in Moscow.").ents] == stock
