"""The CAMEO codebook data: every code named, valued and mapped to PLOVER where dragoman maps it."""

from __future__ import annotations

from dragoman.events.ontology import Ontology


def test_codebook_is_complete() -> None:
    ontology = Ontology.load()
    assert len(ontology.codes) > 300
    assert {c.root for c in ontology.codes.values()} == {f"{n:02d}" for n in range(1, 21)}
    for c in ontology.codes.values():
        assert c.name and -10.0 <= c.goldstein <= 10.0 and c.quad_class in (1, 2, 3, 4)


def test_every_code_but_plain_statements_has_a_plover_event() -> None:
    unmapped = {c.code for c in Ontology.load().codes.values() if not c.plover_event}
    assert unmapped <= {"01", "010", "014", "017"}


def test_appeals_are_requests() -> None:
    ontology = Ontology.load()
    assert all(c.plover_event == "REQUEST" for c in ontology.codes.values() if c.root == "02")
    assert ontology.get("026").plover_mode == "meet"
