"""The memoised word embeddings (nlp/embedding.py) give every token exactly the stock vectors, whether
computed in this batch, read from the memo, or computed again after the memo was emptied."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language

from dragoman.nlp import embedding
from dragoman.nlp.embedding import EmbeddingMemo, memoise_embeddings
from dragoman.nlp.model import choose_model

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def _texts() -> list[str]:
    texts = [(REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8"), "", "  \n ", "Iran"]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "web" / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "articles").glob("*.txt"))][:8]
    return texts


def _vectors(nlp: Language, texts: list[str], batch_size: int) -> list[tuple[np.ndarray, list[tuple[str, str]]]]:
    return [(doc.tensor, [(e.text, e.label_) for e in doc.ents]) for doc in nlp.pipe(texts, batch_size=batch_size)]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(choose_model())


def test_both_networks_get_a_memo() -> None:
    nlp = spacy.load(choose_model())
    assert {"tok2vec", "ner"} <= set(memoise_embeddings(nlp))  # (and the disabled senter's)
    assert memoise_embeddings(spacy.blank("en")) == []


@pytest.mark.parametrize("rows", [embedding.MEMO_ROWS, 40])  # 40: emptied again and again
def test_vectors_and_entities_are_the_stock_ones(stock: Language, monkeypatch: pytest.MonkeyPatch,
                                                 rows: int) -> None:
    monkeypatch.setattr(embedding, "MEMO_ROWS", rows)
    nlp = spacy.load(choose_model())
    memoise_embeddings(nlp)
    texts = _texts()
    expected = _vectors(stock, texts, 4)
    for batch_size in (4, 1, 64):  # computed, then read back in other batches
        found = _vectors(nlp, texts, batch_size)
        assert len(found) == len(expected)
        for (tensor, ents), (stock_tensor, stock_ents) in zip(found, expected, strict=True):
            assert tensor.shape == stock_tensor.shape and np.array_equal(tensor, stock_tensor)
            assert ents == stock_ents


def test_training_goes_through_the_stock_code(stock: Language) -> None:
    nlp = spacy.load(choose_model())
    memoise_embeddings(nlp)
    node = next(n for n in nlp.get_pipe("tok2vec").model.walk() if n.name.startswith("extract_features>>"))
    for layer in node.walk():  # training applies dropout: none, to compare
        if "dropout_rate" in layer.attrs:
            layer.attrs["dropout_rate"] = 0.0
    docs = [nlp.make_doc(t) for t in _texts()[:3]]
    predicted = node.predict(docs)
    trained, backprop = node.begin_update(docs)
    assert all(np.array_equal(a, b) for a, b in zip(predicted, trained, strict=True))
    assert callable(backprop) and backprop.__name__ != "_no_backprop"


def test_a_network_of_another_shape_is_refused() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.initialize()
    with pytest.raises(ValueError):
        EmbeddingMemo(nlp.get_pipe("tok2vec").model)


def test_threads_sharing_a_pipeline_get_the_stock_vectors(stock: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(embedding, "MEMO_ROWS", 60)  # emptied while another thread reads
    nlp = spacy.load(choose_model())
    memoise_embeddings(nlp)
    texts = _texts()
    expected = [tensor for tensor, _ents in _vectors(stock, texts, 2)]
    failures: list[str] = []

    def work() -> None:
        for _round in range(2):
            for tensor, want in zip((d.tensor for d in nlp.pipe(texts, batch_size=2)), expected, strict=True):
                if not np.array_equal(tensor, want):
                    failures.append("differs")

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
