"""The phrase index (nlp/phrases.py) finds exactly what spaCy's PhraseMatcher finds, and the phrases'
tokens it keeps in the cache folder are the tokenizer's, for that tokenizer only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dragoman.actors.kb import ActorKB, normalise
from dragoman.actors.mentions import fold
from dragoman.nlp.model import choose_model
from dragoman.nlp.phrases import PhraseIndex, phrase_tokens, tokenizer_fingerprint

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def _texts() -> list[str]:
    texts = [(REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8"), "", "  \n ", "Iran",
             "The United States of America and the United States; the U.S. and the US, not us.",
             "President Aleksandar Vučić met Recep Tayyip Erdoğan and Gabriel García in São Paulo."]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "web" / "fixtures").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "articles").glob("*.txt"))]
    return texts


def test_an_index_finds_every_phrase_overlapping_ones_included() -> None:
    index = PhraseIndex([["united", "states"], ["united", "states", "of", "america"], ["states"], []],
                        lower=True)
    keys = [index.key(w) for w in ["The", "United", "States", "of", "America"]]
    assert index.find(keys) == [(1, 3), (1, 5), (2, 3)]
    exact = PhraseIndex([["US"]], lower=False)
    assert exact.find([exact.key("us"), exact.key("US")]) == [(1, 2)]
    assert index.find([]) == []


@pytest.mark.model
def test_the_same_matches_as_spacy_s_phrase_matcher(tmp_path: Path) -> None:
    nlp = spacy.load(choose_model())
    kb = ActorKB.load()
    acronyms = sorted(kb.acronyms)
    folded_acronyms = {normalise(a) for a in acronyms}
    names = [n for n in kb.names if n not in folded_acronyms]
    stock_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    stock_lower.add("N", list(nlp.tokenizer.pipe(names)))
    stock_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    stock_orth.add("N", list(nlp.tokenizer.pipe(acronyms)))
    tokens = phrase_tokens(nlp.tokenizer, names + acronyms, root=tmp_path)
    lower, orth = PhraseIndex(tokens[:len(names)], lower=True), PhraseIndex(tokens[len(names):], lower=False)
    total = 0
    for doc in nlp.pipe(_texts()):
        assert lower(doc) == sorted((s, e) for _, s, e in stock_lower(doc))
        assert orth(doc) == sorted((s, e) for _, s, e in stock_orth(doc))
        folded = Doc(doc.vocab, words=[fold(t.text) or t.text for t in doc])
        assert lower.find([lower.key(fold(t.text) or t.text) for t in doc]) == sorted(
            (s, e) for _, s, e in stock_lower(folded))
        total += len(lower(doc))
    assert total > 100


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


def test_phrase_tokens_are_the_tokenizer_s_and_are_kept(nlp: Language, tmp_path: Path) -> None:
    texts = ["United States", "al-Qaeda", "U.S.", "Côte d'Ivoire", "Hamas"]
    expected = [[t.text for t in nlp.make_doc(text)] for text in texts]
    assert phrase_tokens(nlp.tokenizer, texts, root=tmp_path) == expected
    kept = list(tmp_path.glob("phrase-tokens-*.json"))
    assert len(kept) == 1
    data = json.loads(kept[0].read_text(encoding="utf-8"))
    assert data["tokenizer"] == tokenizer_fingerprint(nlp.tokenizer)
    assert data["phrases"]["al-Qaeda"] == expected[1]
    # read back, not tokenised again: a phrase altered in the file comes back altered
    data["phrases"]["Hamas"] = ["Ha", "mas"]
    kept[0].write_text(json.dumps(data), encoding="utf-8")
    assert phrase_tokens(nlp.tokenizer, ["Hamas", "New York"], root=tmp_path) == [["Ha", "mas"], ["New", "York"]]
    assert "New York" in json.loads(kept[0].read_text(encoding="utf-8"))["phrases"]  # the missing one added


def test_another_tokenizer_does_not_read_them(nlp: Language, tmp_path: Path) -> None:
    phrase_tokens(nlp.tokenizer, ["Hamas"], root=tmp_path)
    other = spacy.blank("en")
    other.tokenizer.add_special_case("Hamas", [{"ORTH": "Ham"}, {"ORTH": "as"}])
    assert tokenizer_fingerprint(other.tokenizer) != tokenizer_fingerprint(nlp.tokenizer)
    assert phrase_tokens(other.tokenizer, ["Hamas"], root=tmp_path) == [["Ham", "as"]]
    assert len(list(tmp_path.glob("phrase-tokens-*.json"))) == 2


def test_a_damaged_file_or_a_folder_that_cannot_be_written_is_no_error(nlp: Language, tmp_path: Path) -> None:
    phrase_tokens(nlp.tokenizer, ["Hamas"], root=tmp_path)
    (kept,) = tmp_path.glob("phrase-tokens-*.json")
    kept.write_text("{not json", encoding="utf-8")
    assert phrase_tokens(nlp.tokenizer, ["Hamas", "al-Qaeda"], root=tmp_path) == [["Hamas"], ["al", "-", "Qaeda"]]
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # a cache "folder" below a file cannot be made
    assert phrase_tokens(nlp.tokenizer, ["al-Qaeda"], root=blocked / "cache") == [["al", "-", "Qaeda"]]


def test_a_custom_token_match_is_not_fingerprinted(tmp_path: Path) -> None:
    custom = spacy.blank("en")
    custom.tokenizer.token_match = lambda text: text == "x-y"
    assert tokenizer_fingerprint(custom.tokenizer) is None
    assert phrase_tokens(custom.tokenizer, ["x-y"], root=tmp_path) == [["x-y"]]
    assert list(tmp_path.iterdir()) == []
