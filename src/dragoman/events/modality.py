"""Modality and attribution of a trigger, from the parse around it.

asserted (default), claimed (inside what a reporting verb reports), denied (inside a denial), planned
(will, set to, plan to, scheduled, supposed to), hypothetical (may, could, might, would, if), negated
("not", "never", "no signs that").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

REPORTING = {"say", "claim", "report", "allege", "state", "announce", "tell", "add", "note", "insist",
             "assert", "confirm", "affirm", "disclose", "reveal", "suggest", "indicate", "write", "accuse"}
DENYING = {"deny", "dismiss", "refute"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"may", "might", "could", "would", "can", "should"}
PLANNING = {"plan", "set", "schedule", "suppose", "intend", "expect", "prepare", "aim", "due", "hope",
            "seek", "want", "propose"}
NEGATORS = {"not", "n't", "never", "no"}


@dataclass(frozen=True)
class ModalityReading:
    modality: str
    reporter: Token | None  # head of the reporting actor's phrase, when claimed or denied
    cue: str | None  # the words that decided it


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger, then the verbs above it up to (not beyond) the first clause boundary."""
    chain = [trigger]
    token = trigger
    while token.dep_ in ("xcomp", "dobj", "pobj", "prep", "acl", "amod", "compound", "nsubj", "nsubjpass",
                         "attr", "conj") and token.head.i != token.i:
        token = token.head
        chain.append(token)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "conj"):
            break
    return chain


def read_modality(trigger: Token) -> ModalityReading:
    chain = _clause_chain(trigger)
    local = _local_modality(chain)
    reporter, verb = _reporting(chain[-1])
    if verb is not None and verb.lemma_.lower() in DENYING:
        return ModalityReading("denied", reporter, verb.text)
    if local is not None:
        return ModalityReading(local[0], reporter, local[1])
    if verb is not None:
        return ModalityReading("claimed", reporter, verb.text)
    return ModalityReading("asserted", None, None)


def _local_modality(chain: list[Token]) -> tuple[str, str] | None:
    for token in chain:
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children):
            return "negated", next(c.text for c in children if c.dep_ == "neg")
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
            return "hypothetical", "if"
        for c in children:
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                return "planned", c.text
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical", c.text
        if token is not chain[0] and token.lemma_.lower() in PLANNING and token.pos_ in ("VERB", "ADJ", "AUX"):
            return "planned", token.text
    return None


def _reporting(clause: Token) -> tuple[Token | None, Token | None]:
    """The reporting verb whose complement holds ``clause``, and the head of its subject."""
    token = clause
    for _ in range(3):
        if token.dep_ in ("ccomp", "parataxis") and token.head.i != token.i:
            verb = token.head
            lemma = verb.lemma_.lower()
            if lemma in REPORTING | DENYING:
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                return (subjects[0] if subjects else None), verb
            return None, None
        if token.dep_ in ("conj",) and token.head.i != token.i:
            token = token.head
            continue
        break
    # "according to X" anywhere in the clause
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for grand in child.subtree:
                if grand.dep_ == "pobj":
                    return grand, child
    return None, None
