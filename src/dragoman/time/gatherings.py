"""Gatherings: the summits, meetings and talks a story places and dates, and the later words that refer back
to them.

"... a day before a Gulf summit in the desert town of Al-Ula. At the summit, the emir was embraced ...":
the embrace names neither place nor day, but "the summit" is the one placed and dated earlier. Used by the
event dater (``dragoman.time.dates``) and the place resolver (``dragoman.places.resolve``), each of which
decides what a gathering's date or place is; this module only finds the nouns and their antecedents.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

GATHERINGS = frozenset({"summit", "meeting", "talks", "talk", "conference", "negotiations", "negotiation",
                        "session", "ceremony", "forum", "gathering", "retreat", "rally", "visit", "trip", "tour"})
DEFINITE = frozenset({"the", "that", "this", "its", "their", "his", "her"})
# "at the summit", "during the talks", "on the sidelines of the meeting", "after the visit" ...
SETTING_PREPS = frozenset({"at", "during", "on", "of", "in", "after", "throughout", "ahead", "before"})


def is_gathering(token: Token) -> bool:
    # the word first: most tokens are no gathering word, and it is asked of every earlier token of a doc
    return (token.lower_ in GATHERINGS or token.lemma_.lower() in GATHERINGS) and token.pos_ in ("NOUN", "PROPN", "")


def _word(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lemma if lemma in GATHERINGS else token.lower_


def is_reference(token: Token) -> bool:
    """A gathering spoken of as already known: "the summit", "that meeting", "their talks"."""
    return is_gathering(token) and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in token.children)


def references(doc: Doc, start: int, end: int) -> list[Token]:
    """The definite gathering nouns among tokens ``start``..``end``."""
    return [doc[i] for i in _gatherings(doc) if start <= i < end and is_reference(doc[i])]


# words for one sitting of several parties: "an emergency summit ... at the end of the meeting"
SITTINGS = frozenset({"summit", "meeting", "conference", "session", "gathering", "forum", "retreat"})


def earlier(token: Token) -> list[Token]:
    """The earlier mentions of the same gathering word, latest first ("summit" ... "the summit"); then, for
    a sitting, those of another word for one ("an emergency summit ... at the end of the meeting")."""
    word = _word(token)
    doc = token.doc
    before = [doc[i] for i in reversed(_gatherings(doc)) if i < token.i]
    same = [t for t in before if _word(t) == word]
    return same + ([t for t in before if _word(t) != word and _word(t) in SITTINGS] if word in SITTINGS else [])


_CACHE = "dragoman.time.gatherings"  # doc.user_data key: the doc's gathering nouns, found once


def _gatherings(doc: Doc) -> tuple[int, ...]:
    """The indices of the doc's gathering nouns, in order: found once per doc, since the dater and the
    place resolver ask for them again for every event (and each time of every token before it)."""
    found: tuple[int, ...] | None = doc.user_data.get(_CACHE)
    if found is None:
        found = doc.user_data[_CACHE] = tuple(t.i for t in doc if is_gathering(t))
    return found
