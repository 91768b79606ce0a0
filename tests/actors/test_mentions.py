"""Mention finding and resolution on hand-built parses (no model): dictionary names, role phrases,
office holders, affiliations, coordinated states, surnames, fuzzy names, groups in focus, pronouns."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from dragoman.actors.kb import ActorKB
from dragoman.actors.mentions import Mention, MentionFinder

DATE = dt.date(2023, 3, 29)
LEMMAS = {"is": "be", "was": "be", "met": "meet", "said": "say"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def finder(nlp: Language) -> MentionFinder:
    return MentionFinder(nlp, ActorKB.load())


def parse(nlp: Language, rows: list[tuple[str, str, int, str, str]], ents: tuple[tuple[int, int, str], ...] = (),
          sent_starts: tuple[int, ...] = (0,)) -> Doc:
    """A Doc from (word, dep, head index, POS, tag) rows; ``ents`` as (start, end, label)."""
    words = [r[0] for r in rows]
    spaces = [w != "-" and (i + 1 == len(words) or words[i + 1] not in ("-", ".")) for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, deps=[r[1] for r in rows], heads=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows],
              sent_starts=[i in sent_starts for i in range(len(words))])
    for token in doc:
        token.lemma_ = token.lower_.rstrip("s") if token.tag_ == "NNS" else LEMMAS.get(token.lower_, token.lower_)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def by_text(doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
    return {doc[m.start:m.end].text: m for m in mentions}


def test_country_names_capitals_and_acronyms(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Tehran", "nsubj", 1, "PROPN", "NNP"), ("told", "ROOT", 1, "VERB", "VBD"),
                      ("us", "dobj", 1, "PRON", "PRP"), ("about", "prep", 1, "ADP", "IN"),
                      ("the", "det", 5, "DET", "DT"), ("UN", "pobj", 3, "PROPN", "NNP"),
                      ("and", "cc", 5, "CCONJ", "CC"), ("turkey", "conj", 5, "NOUN", "NN")])
    found = by_text(doc, finder.find(doc, DATE))
    assert found["Tehran"].actor.code == "IRNGOV" and found["Tehran"].actor.how == "dictionary:capital"
    assert found["UN"].actor.org == "UN" and found["UN"].actor.entry == "org:UN"
    assert "us" not in found and "turkey" not in found  # a pronoun, and the bird written in lower case


def test_role_phrase_links_the_office_holder_at_the_date(nlp: Language, finder: MentionFinder) -> None:
    rows = [("The", "det", 3, "DET", "DT"), ("Iranian", "amod", 3, "ADJ", "JJ"), ("foreign", "amod", 3, "ADJ", "JJ"),
            ("minister", "nsubj", 4, "NOUN", "NN"), ("spoke", "ROOT", 4, "VERB", "VBD")]
    mention = finder.find(parse(nlp, rows), DATE)[0]
    assert (mention.actor.code, mention.actor.name) == ("IRNGOV", "Hossein Amir-Abdollahian")
    assert mention.actor.entry == "person:abdollahian" and "holder" in mention.actor.how
    later = finder.find(parse(nlp, rows), dt.date(2025, 2, 1))[0]
    assert later.actor.name == "Abbas Araghchi"


def test_deputy_is_not_the_office_holder(nlp: Language, finder: MentionFinder) -> None:
    rows = [("The", "det", 4, "DET", "DT"), ("Iranian", "amod", 4, "ADJ", "JJ"), ("deputy", "amod", 4, "ADJ", "JJ"),
            ("foreign", "amod", 4, "ADJ", "JJ"), ("minister", "nsubj", 5, "NOUN", "NN"),
            ("spoke", "ROOT", 5, "VERB", "VBD")]
    mention = finder.find(parse(nlp, rows), DATE)[0]
    assert mention.actor.code == "IRNGOV" and mention.actor.entry == "country:IRN"


def test_affiliation_phrases(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Iranian", "npadvmod", 2, "PROPN", "NNP"), ("-", "punct", 2, "PUNCT", "HYPH"),
                      ("backed", "amod", 3, "VERB", "VBN"), ("militias", "nsubj", 4, "NOUN", "NNS"),
                      ("attacked", "ROOT", 4, "VERB", "VBD"), ("the", "det", 9, "DET", "DT"),
                      ("US", "npadvmod", 8, "PROPN", "NNP"), ("-", "punct", 8, "PUNCT", "HYPH"),
                      ("led", "amod", 9, "VERB", "VBN"), ("coalition", "dobj", 4, "NOUN", "NN")])
    found = by_text(doc, finder.find(doc, DATE))
    assert found["Iranian-backed militias"].actor.code == "IRNUAF"
    assert "affiliation:backed" in found["Iranian-backed militias"].actor.how
    assert found["US-led coalition"].actor.code == "USAMIL"


def test_pro_prefix(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("pro", "amod", 3, "ADJ", "JJ"), ("-", "amod", 3, "ADJ", "JJ"),
                      ("Russian", "amod", 3, "ADJ", "JJ"), ("separatists", "ROOT", 3, "NOUN", "NNS")])
    mention = finder.find(doc, DATE)[0]
    assert (doc[mention.start:mention.end].text, mention.actor.code) == ("pro-Russian separatists", "RUSREB")


def test_coordinated_states_each_keep_the_role(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Hungarian", "amod", 3, "ADJ", "JJ"), ("and", "cc", 0, "CCONJ", "CC"),
                      ("Romanian", "conj", 0, "ADJ", "JJ"), ("officials", "nsubj", 4, "NOUN", "NNS"),
                      ("agreed", "ROOT", 4, "VERB", "VBD")])
    codes = {doc[m.start:m.end].text: m.actor.code for m in finder.find(doc, DATE)}
    assert codes == {"Hungarian": "HUNGOV", "Romanian": "ROUGOV"}


def test_ethnic_people_is_not_the_state(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("ethnic", "amod", 1, "ADJ", "JJ"), ("Albanians", "nsubj", 2, "PROPN", "NNPS"),
                      ("protested", "ROOT", 2, "VERB", "VBD")])
    assert finder.find(doc, DATE) == []


def test_person_by_name_surname_and_misspelling(nlp: Language, finder: MentionFinder) -> None:
    rows = [("Sergie", "compound", 1, "PROPN", "NNP"), ("Lavrov", "nsubj", 2, "PROPN", "NNP"),
            ("met", "ROOT", 2, "VERB", "VBD"), ("Ali", "compound", 5, "PROPN", "NNP"),
            ("Bagheri", "compound", 5, "PROPN", "NNP"), ("Kanni", "dobj", 2, "PROPN", "NNP"),
            (".", "punct", 2, "PUNCT", "."), ("Lavrov", "nsubj", 8, "PROPN", "NNP"),
            ("left", "ROOT", 8, "VERB", "VBD")]
    doc = parse(nlp, rows, ents=((0, 2, "PERSON"), (3, 6, "PERSON"), (7, 8, "PERSON")), sent_starts=(0, 7))
    mentions = finder.find(doc, DATE)
    first, second, third = mentions
    # a misspelt first name: the known surname with the same initial
    assert first.actor.entry == "person:lavrov" and first.actor.how.startswith("dictionary:surname+initial")
    assert second.actor.entry == "person:baghkani" and second.actor.country == "IRN"
    assert third.actor.entry == "person:lavrov" and third.actor.how == "coreference:name"


def test_misspelt_surname_by_fuzzy_match(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Sergei", "compound", 1, "PROPN", "NNP"), ("Lavrow", "nsubj", 2, "PROPN", "NNP"),
                      ("left", "ROOT", 2, "VERB", "VBD")], ents=((0, 2, "PERSON"),))
    (mention,) = finder.find(doc, DATE)
    assert mention.actor.entry == "person:lavrov" and mention.actor.how.startswith("fuzzy:0.9")


def test_unknown_and_ambiguous_surnames_stay_unresolved(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Khan", "nsubj", 1, "PROPN", "NNP"), ("spoke", "ROOT", 1, "VERB", "VBD"),
                      ("to", "prep", 1, "ADP", "IN"), ("Smithers", "pobj", 2, "PROPN", "NNP")],
                ents=((0, 1, "PERSON"), (3, 4, "PERSON")))
    assert finder.find(doc, DATE) == []  # Imran Khan (PAK) or Karim Khan (ICC); nobody called Smithers


def test_misspelt_country(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Afganistan", "nsubj", 1, "PROPN", "NNP"), ("protested", "ROOT", 1, "VERB", "VBD")],
                ents=((0, 1, "GPE"),))
    mention = finder.find(doc, DATE)[0]
    assert mention.actor.country == "AFG" and mention.actor.how.startswith("fuzzy:")


def test_counterpart_is_the_same_office_in_the_other_country(nlp: Language, finder: MentionFinder) -> None:
    rows = [("Abdollahian", "nsubj", 1, "PROPN", "NNP"), ("invited", "ROOT", 1, "VERB", "VBD"),
            ("his", "poss", 4, "PRON", "PRP$"), ("Russian", "amod", 4, "ADJ", "JJ"),
            ("counterpart", "dobj", 1, "NOUN", "NN")]
    doc = parse(nlp, rows, ents=((0, 1, "PERSON"),))
    found = by_text(doc, finder.find(doc, DATE))
    counterpart = found["Russian counterpart"]
    assert counterpart.actor.how == "role:counterpart:foreign_minister"
    assert counterpart.actor.entry == "person:lavrov" and counterpart.actor.code == "RUSGOV"
    assert found["his"].actor.entry == "person:abdollahian"  # possessive -> the clause's subject


def sides_doc(nlp: Language) -> Doc:
    rows = [("Azerbaijan", "nsubj", 3, "PROPN", "NNP"), ("and", "cc", 0, "CCONJ", "CC"),
            ("Armenia", "conj", 0, "PROPN", "NNP"), ("clashed", "ROOT", 3, "VERB", "VBD"),
            (".", "punct", 3, "PUNCT", "."), ("Iran", "nsubj", 6, "PROPN", "NNP"),
            ("urged", "ROOT", 6, "VERB", "VBD"), ("the", "det", 10, "DET", "DT"),
            ("two", "nummod", 10, "NUM", "CD"), ("neighbouring", "amod", 10, "ADJ", "JJ"),
            ("countries", "dobj", 6, "NOUN", "NNS")]
    return parse(nlp, rows, sent_starts=(0, 5))


def test_group_reference_is_the_coordinated_pair(nlp: Language, finder: MentionFinder) -> None:
    doc = sides_doc(nlp)
    group = by_text(doc, finder.find(doc, DATE))["the two neighbouring countries"]
    assert group.kind == "group-reference"
    assert [a.country for a in group.members] == ["AZE", "ARM"]
    assert group.actor == group.members[0] and group.actor.how == "coreference:group"


def test_group_reference_needs_a_pair_in_focus(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("The", "det", 2, "DET", "DT"), ("two", "nummod", 2, "NUM", "CD"),
                      ("sides", "nsubj", 3, "NOUN", "NNS"), ("talked", "ROOT", 3, "VERB", "VBD")])
    assert finder.find(doc, DATE) == []


def test_subject_pronoun_in_a_reported_clause(nlp: Language, finder: MentionFinder) -> None:
    doc = parse(nlp, [("Iran", "nsubj", 1, "PROPN", "NNP"), ("said", "ROOT", 1, "VERB", "VBD"),
                      ("it", "nsubj", 3, "PRON", "PRP"), ("rejected", "ccomp", 1, "VERB", "VBD"),
                      ("the", "det", 5, "DET", "DT"), ("deal", "dobj", 3, "NOUN", "NN")])
    found = by_text(doc, finder.find(doc, DATE))
    assert found["it"].actor.country == "IRN" and found["it"].actor.how.startswith("coreference:pronoun")


def test_pronoun_with_two_candidates_is_left_alone(nlp: Language, finder: MentionFinder) -> None:
    rows = [("Iran", "nsubj", 1, "PROPN", "NNP"), ("met", "ROOT", 1, "VERB", "VBD"),
            ("Russia", "dobj", 1, "PROPN", "NNP"), (".", "punct", 1, "PUNCT", "."),
            ("It", "nsubj", 5, "PRON", "PRP"), ("left", "ROOT", 5, "VERB", "VBD")]
    doc = parse(nlp, rows, sent_starts=(0, 4))
    assert "It" not in by_text(doc, finder.find(doc, DATE))


def test_expletive_it_is_not_a_reference(nlp: Language, finder: MentionFinder) -> None:
    rows = [("Iran", "nsubj", 1, "PROPN", "NNP"), ("waited", "ROOT", 1, "VERB", "VBD"),
            (".", "punct", 1, "PUNCT", "."), ("It", "nsubj", 4, "PRON", "PRP"), ("is", "ROOT", 4, "AUX", "VBZ"),
            ("likely", "acomp", 4, "ADJ", "JJ")]
    doc = parse(nlp, rows, sent_starts=(0, 3))
    assert "It" not in by_text(doc, finder.find(doc, DATE))


def test_he_continues_the_main_subject_of_the_sentence_before(nlp: Language, finder: MentionFinder) -> None:
    # "Lavrov met Abdollahian. He said ...": two people before, the main subject goes on
    rows = [("Lavrov", "nsubj", 1, "PROPN", "NNP"), ("met", "ROOT", 1, "VERB", "VBD"),
            ("Abdollahian", "dobj", 1, "PROPN", "NNP"), (".", "punct", 1, "PUNCT", "."),
            ("He", "nsubj", 5, "PRON", "PRP"), ("said", "ROOT", 5, "VERB", "VBD")]
    doc = parse(nlp, rows, ents=((0, 1, "PERSON"), (2, 3, "PERSON")), sent_starts=(0, 4))
    found = by_text(doc, finder.find(doc, DATE))
    assert found["He"].actor.country == "RUS"
