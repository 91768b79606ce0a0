"""Argument extraction: from a trigger token and a role name to the actor mentions that fill it.

Reads the dependency parse (spaCy ``Token``) and the document's mentions; returns mentions. The roles
are documented in ``data/events/patterns.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dragoman.actors.mentions import Mention

SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj"}
OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
# Dependencies a search for an actor inside an argument phrase may follow: "politicians from France",
# "the governments of X and Y", "Iran and Russia".
PHRASE_DEPS = {"prep", "pobj", "conj", "appos", "compound", "poss", "amod", "nmod", "cc"}
PHRASE_PREPS = {"of", "from", "in"}


class MentionIndex:
    """Mentions of one document, looked up by token index."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def in_phrase(self, token: Token) -> list[Mention]:
        """The actors an argument phrase headed by ``token`` names, one per coordinated member."""
        found: list[Mention] = []
        self._collect(token, found, depth=0)
        return found

    def _collect(self, token: Token, found: list[Mention], depth: int) -> None:
        mention = self.at(token)
        if mention is not None:
            if mention not in found:
                found.append(mention)
        elif depth < 4:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ not in PHRASE_PREPS:
                    continue
                if child.dep_ in PHRASE_DEPS - {"conj", "cc"}:
                    before = len(found)
                    self._collect(child, found, depth + 1)
                    if len(found) > before:
                        break
        for child in token.children:
            if child.dep_ == "conj":
                self._collect(child, found, depth)


def role_heads(trigger: Token, role: str) -> list[Token]:
    """The head tokens of the phrases that fill ``role`` for ``trigger``."""
    if role == "subject":
        return _subjects(trigger)
    if role == "passive_subject":
        return [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if role == "object":
        return [c for c in trigger.children if c.dep_ in OBJECT_DEPS]
    if role == "dative":
        return [c for c in trigger.children if c.dep_ == "dative"] + _prep_objects(trigger, "to")
    if role == "agent":
        return _agents(trigger)
    if role == "owner":
        return [c for c in trigger.children if c.dep_ in OWNER_DEPS and c.i < trigger.i]
    if role == "governor_subject":
        verb = _governing_verb(trigger)
        return _subjects(verb) if verb is not None else []
    if role.startswith("prep:"):
        return _prep_objects(trigger, role[5:])
    return []


def _subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects
    passive_agent = _agents(verb)
    if passive_agent:
        return []
    # inherited subjects: "X agreed to meet", "X arrived and met", "militias that attacked"
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in OBJECT_DEPS]
            if objects:  # object control: "invited X to visit" -> X visits
                return objects
        return _subjects(verb.head)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [verb.head]
    return []


def _agents(token: Token) -> list[Token]:
    """'by X' of a passive verb, or of a participle that modifies a noun ('attacks carried out by X')."""
    heads: list[Token] = []
    candidates = [token] + [c for c in token.children if c.dep_ == "acl"]
    for verb in candidates:
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                heads += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "prt" and verb is not token:  # "carried out by"
                continue
    return heads


def _prep_objects(token: Token, word: str) -> list[Token]:
    heads: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "prt", "dative") and child.lower_ == word:
            heads += [g for g in child.children if g.dep_ == "pobj"]
        # phrasal objects: "put pressure on X", "agree with X on"
    return heads


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is the object (or prepositional object) of: 'held talks', 'on a visit'."""
    token = noun
    for _ in range(4):
        if token.dep_ in ("dobj", "obj", "attr", "nsubjpass"):
            return token.head if token.head.pos_ in ("VERB", "AUX") else None
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
            if token.pos_ in ("VERB", "AUX"):
                return token
            continue
        return None
    return None


def prep_attached(token: Token, word: str) -> bool:
    return any(c.dep_ in ("prep", "prt") and c.lower_ == word for c in token.children)
