"""The faster attribute ruler and lemmatizer (nlp/fast.py) give every token exactly what the stock
components give it: tags, parts of speech, morphology, lemmas, dependencies, entities, sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.nlp.fast import FastAttributeRuler, FastLemmatizer, speed_up
from dragoman.nlp.model import choose_model, load_model
from dragoman.nlp.segment import add_line_breaks

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
# The two-token patterns and the rarer rules of the ruler: contractions, "nothin'", pronoun cases,
# auxiliaries used as main verbs, existential "there", whitespace tokens
EDGES = ["I ain't gonna do it, y'all. Let's go, c'mon, we gotta leave. Nothin' here, nuthin' there.\n\n"
         "There is a man. It was there; I saw you and it. Do you have it? He did, and she has it.  \n \n  x",
         "", " ", "\n\nA", "gon", "na", "She doesn't, they've, we'd, I'm, you're, it's: Y'know?\tTabs\t\there."]


def _texts() -> list[str]:
    texts = [(REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8"), *EDGES]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "articles").glob("*.txt"))]
    gsr = SHARED / "eval" / "plover-gsr" / "documents.jsonl"
    if gsr.exists():
        texts += [json.loads(line)["text"] for line in gsr.read_text(encoding="utf-8").splitlines() if line]
    return texts


def _tokens(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
             t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Language:
    nlp = spacy.load(choose_model())
    add_line_breaks(nlp)
    return nlp


def test_the_model_loads_with_both_swapped() -> None:
    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_every_token_is_as_the_stock_components_leave_it(stock: Language) -> None:
    fast = spacy.load(choose_model())
    add_line_breaks(fast)
    assert speed_up(fast) == ["parser", "attribute_ruler", "lemmatizer", "ner"]
    texts = _texts()
    for _round in range(2):  # the second round answers from what the first memoised
        for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts), strict=True):
            assert _tokens(b) == _tokens(a), text[:80]


def test_a_ruler_with_a_pattern_it_cannot_evaluate_stays_stock() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert speed_up(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")) is not FastAttributeRuler


def test_memos_emptied_when_full_change_nothing(stock: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.nlp import fast as fast_module

    monkeypatch.setattr(fast_module, "MEMO_LIMIT", 5)
    nlp = spacy.load(choose_model())
    add_line_breaks(nlp)
    speed_up(nlp)
    texts = _texts()[:40]
    for text, a, b in zip(texts, stock.pipe(texts), nlp.pipe(texts), strict=True):
        assert _tokens(b) == _tokens(a), text[:80]
