"""The pattern dictionary is valid data: known codes and roles, every CAMEO root covered."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import ConfigError
from dragoman.events.ontology import Ontology
from dragoman.events.patterns import KINDS, ROLES, PatternSet, read_intent


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def patterns(ontology: Ontology) -> PatternSet:
    return PatternSet.load(ontology)


def test_every_code_is_in_the_codebook(patterns: PatternSet, ontology: Ontology) -> None:
    for p in patterns.patterns:
        assert p.cameo in ontology, p.id
        for rule in p.refine:
            assert rule.cameo in ontology, p.id
            assert all(len(r) == 2 for r in rule.inner), p.id


def test_every_role_and_kind_is_known(patterns: PatternSet) -> None:
    for p in patterns.patterns:
        for role in p.source + p.target:
            assert role in ROLES or role.startswith("prep:"), (p.id, role)
        assert p.kind in KINDS


def test_every_root_is_covered(patterns: PatternSet, ontology: Ontology) -> None:
    roots = {c.root for c in ontology.codes.values()}
    assert len(roots) == 20
    assert roots <= {p.cameo[:2] for p in patterns.patterns}


def test_many_three_and_four_digit_codes(patterns: PatternSet) -> None:
    codes = {p.cameo for p in patterns.patterns} | {r.cameo for p in patterns.patterns for r in p.refine}
    assert len({c for c in codes if len(c) == 3}) >= 60
    assert len({c for c in codes if len(c) == 4}) >= 30


def test_light_verb_constructions_are_covered(patterns: PatternSet) -> None:
    for verb, noun in [("hold", "talk"), ("carry", "attack"), ("impose", "sanction"), ("reach", "deal"),
                       ("sign", "memorandum")]:
        found = [p for p in patterns.for_token(noun, "NOUN") if verb in p.governors]
        assert found, (verb, noun)


def test_ids_are_unique(patterns: PatternSet) -> None:
    ids = [p.id for p in patterns.patterns]
    assert len(ids) == len(set(ids))


def test_intent_codes_are_intents_to_cooperate_or_threats(patterns: PatternSet, ontology: Ontology) -> None:
    """Cooperative plans map into 03, conflictual ones into 13, never the other way round."""
    assert patterns.intent
    for code, intent in patterns.intent.items():
        assert code in ontology and intent in ontology
        assert intent.startswith("13" if int(code[:2]) >= 11 else "03"), (code, intent)
    assert patterns.intent_code("0731") is None or patterns.intent_code("073") == "0333"
    assert patterns.intent_code("042") == "036"
    assert patterns.intent_code("190") == "138"
    assert patterns.intent_code("1723") == "1323"
    assert patterns.intent_code("111") is None  # "X will criticise Y" stays a criticism


def test_an_intent_table_mapping_a_threat_to_cooperation_is_rejected(tmp_path: Path, ontology: Ontology) -> None:
    table = tmp_path / "intent.tsv"
    table.write_text("code\tintent\n042\t138\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="conflictual"):
        read_intent(table, ontology)


def test_statement_patterns_are_reporting_only(patterns: PatternSet) -> None:
    """A plain statement is never a default: every 010 pattern is a reporting pattern."""
    assert all(p.kind == "reporting" for p in patterns.patterns if p.cameo == "010")


@pytest.mark.parametrize("text, message", [
    ("- {id: x, lemmas: [go], pos: VERB, cameo: '999'}", "unknown CAMEO code"),
    ("- {id: x, lemmas: [go], pos: VERB, cameo: '042', target: [nowhere]}", "unknown role"),
    ("- {id: x, lemmas: [go], pos: ADV, cameo: '042'}", "pos must be"),
    ("- {id: x, lemmas: [go], pos: VERB, cameo: '042', colour: red}", "unknown keys"),
    ("- {id: x, lemmas: [go], pos: VERB, cameo: '042', kind: maybe}", "kind must be"),
    ("- {id: x, lemmas: [go], pos: VERB, cameo: '042', refine: [{cameo: '043'}]}", "refinement needs"),
    ("- {id: visit.verb, lemmas: [go], pos: VERB, cameo: '042'}", "defined twice"),
    ("- {id: x, lemmas: [go], pos: VERB\n  cameo: 042", "not valid YAML"),
])
def test_bad_pattern_files_name_the_problem(tmp_path: Path, ontology: Ontology, text: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        PatternSet.load(ontology, [path])


def test_a_users_file_extends_the_dictionary(tmp_path: Path, ontology: Ontology) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- {id: mine.parley, lemmas: [parley], pos: VERB, cameo: '040', target: [prep:with]}\n",
                    encoding="utf-8")
    patterns = PatternSet.load(ontology, [path])
    assert [p.id for p in patterns.for_token("parley", "VERB")] == ["mine.parley"]
