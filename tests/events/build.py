"""Hand-built parsed Docs and mentions for the coder's model-free tests."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.actors.mentions import Mention
from dragoman.records import Actor

Row = tuple[str, str, str, str, int]  # word, lemma, pos, dep, head (absolute index; itself for ROOT)

COUNTRIES = {"Iran": "IRN", "Russia": "RUS", "Turkey": "TUR", "Syria": "SYR", "France": "FRA",
             "Germany": "DEU", "Britain": "GBR", "Israel": "ISR"}


@lru_cache(maxsize=1)
def english() -> Language:
    """A blank English pipeline: its vocabulary gives tokens their lexical attributes (lower_)."""
    return spacy.blank("en")


def make_doc(rows: list[Row], tags: dict[int, str] | None = None) -> Doc:
    tags = tags or {}
    return Doc(english().vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows],
               tags=[tags.get(i, "") for i in range(len(rows))])


def country(doc: Doc, i: int, members: tuple[Actor, ...] = ()) -> Mention:
    word = doc[i].text
    code = COUNTRIES.get(word, word.upper()[:3])
    actor = Actor(text=word, name=word, code=code, country=code, how="dictionary:country", entry=code)
    return Mention(i, i + 1, i, actor, "country", members)


def actor(code: str) -> Actor:
    return Actor(text=code, name=code, code=code, country=code, how="dictionary:country", entry=code)


def mentions(doc: Doc) -> list[Mention]:
    return [country(doc, t.i) for t in doc if t.text in COUNTRIES]
