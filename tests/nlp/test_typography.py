"""Typographic quotes: parsed as plain ones, kept as written in the evidence."""

from __future__ import annotations

import pytest
import spacy

from dragoman.nlp.typography import plain, remember, written
from dragoman.pipeline import Pipeline
from dragoman.records import Document

BLANK = spacy.blank("en")


def test_quotes_are_made_plain_character_for_character() -> None:
    text = "Iran\u2019s minister called it \u201ca dead end\u201d, Russia\u2019s said \u2018no\u2019."
    made = plain(text)
    assert made == "Iran's minister called it \"a dead end\", Russia's said 'no'."
    assert len(made) == len(text)


def test_the_text_as_written_is_kept_only_when_it_differs() -> None:
    written_text = "Iran\u2019s minister met Putin."
    doc = remember(BLANK(plain(written_text)), written_text)
    assert written(doc[0:3]) == "Iran\u2019s minister"
    same = remember(BLANK("Iran met Putin."), "Iran met Putin.")
    assert "dragoman.written" not in same.user_data and written(same[0:1]) == "Iran"


@pytest.mark.model
def test_curly_quotes_code_as_plain_ones_and_show_as_written(pipeline: Pipeline) -> None:
    """ "the Democratic People’s Republic of Korea" is North Korea as with a plain apostrophe (the model
    reads the curly one otherwise, and the name falls apart); the evidence keeps the text as written."""
    text = ("The UN General Assembly adopted the resolution. Russia, Belarus, the Democratic People\u2019s Republic "
            "of Korea and Syria voted against it.")
    [(_, events)] = list(pipeline.run([Document(doc_id="t", text=text)]))
    against = [e for e in events if e.evidence.trigger == "voted"]
    assert "PRK" in {e.source.country for e in against} and "KOR" not in {e.source.country for e in against}
    assert all("People\u2019s" in e.evidence.sentence for e in against)


def test_no_break_spaces_are_plain_spaces() -> None:
    assert plain("Vladimir\u00a0Putin met Xi\u202fJinping") == "Vladimir Putin met Xi Jinping"
