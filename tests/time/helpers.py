"""Coded events built by hand over parsed docs, for the date and place attachment tests."""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.actors.mentions import Mention
from dragoman.events.coder import CodedEvent
from dragoman.events.patterns import Pattern
from dragoman.records import Actor


def mention(doc: Doc, words: str, country: str, kind: str = "country") -> Mention:
    """The mention of ``words`` (their first occurrence) standing for ``country``."""
    n = len(words.split())
    for i in range(len(doc) - n + 1):
        if doc[i:i + n].text == words:
            actor = Actor(text=words, name=words, code=country, country=country, how=f"dictionary:{kind}")
            return Mention(i, i + n, doc[i:i + n].root.i, actor, kind)
    raise AssertionError(f"{words!r} not in {doc.text!r}")


def event(doc: Doc, trigger: str, modality: str = "asserted", target: Mention | None = None,
          nth: int = 0) -> CodedEvent:
    """A coded event on the ``nth`` token written ``trigger``; its source is a placeholder mention."""
    token = [t for t in doc if t.text == trigger][nth]
    sent = token.sent
    index = [s.start for s in doc.sents].index(sent.start)
    pattern = Pattern(id="test", lemmas=(token.lemma_,), pos=token.pos_, cameo="040", source=("nsubj",),
                      target=("dobj",))
    source = Mention(sent.start, sent.start + 1, sent.start, Actor(text="x", name="x", code="XXX"), "country")
    return CodedEvent(sentence_index=index, sentence_start=sent.start, trigger=token.i, pattern=pattern,
                      source=source, target=target, modality=modality, attribution=None,
                      start_char=token.idx, end_char=token.idx + len(token), confidence=0.5)
