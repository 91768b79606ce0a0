"""Modality and attribution of a trigger, from the parse around it.

Reads the dependency parse around a trigger token. Modalities (FORMATS.md):

- asserted (default);
- claimed: inside what a reporting verb reports ("X said that ...", "..., officials said", "according to X");
- denied: inside a denial ("X denied that ...");
- planned: will, set to, plan to, scheduled, supposed to, "the planned visit";
- hypothetical: may, could, might, would, if, likely, unlikely, "a possible attack";
- negated: "has not signed", "never", "no signs that", "failed to agree".

"refused to meet" is not a negation: "refuse" is a REJECT trigger that governs "meet" (see the coder).
The word lists are grammar (closed classes), not domain knowledge, so they live here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

REPORTING = frozenset({
    "say", "claim", "report", "allege", "state", "announce", "tell", "add", "note", "insist", "assert",
    "confirm", "affirm", "disclose", "reveal", "suggest", "indicate", "write", "declare", "quote",
    "acknowledge", "admit", "believe", "estimate", "emphasize", "emphasise", "stress", "explain",
    "argue", "maintain", "contend", "testify", "warn"})
DENYING = frozenset({"deny", "dismiss", "refute"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "can", "should", "must"})
PLANNING = frozenset({"plan", "set", "schedule", "suppose", "intend", "expect", "prepare", "aim", "due",
                      "hope", "seek", "want", "propose", "arrange", "wish", "poise", "willing", "ready",
                      "prepared", "determined", "committed", "eager", "resolve"})
# Planning verbs that plan only an infinitive ("sought to meet", "is set to visit"), not an object: "sought
# refuge in Chad", "set fire to the offices" are acts done.
INFINITIVE_PLANNING = frozenset({"seek", "set"})
# Nouns whose infinitive states an act intended, not done: "the right to respond", "a plan to annex".
INTENT_NOUNS = frozenset({"right", "plan", "intention", "option", "readiness", "threat", "vow", "pledge",
                          "promise", "decision", "bid", "attempt", "effort"})
FAILING = frozenset({"fail"})  # "failed to agree": what was tried and not done
HYPOTHETICAL_WORDS = frozenset({"likely", "unlikely", "possible", "probable", "able"})
PLANNED_MODIFIERS = frozenset({"planned", "proposed", "upcoming", "forthcoming", "scheduled", "expected",
                               "future", "prospective", "impending", "anticipated"})
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "likely"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Nouns whose negated existence negates the clause they introduce: "no signs that", "no evidence that".
EVIDENCE_NOUNS = frozenset({"sign", "evidence", "indication", "proof", "report"})


@dataclass(frozen=True)
class ModalityReading:
    modality: str
    reporter: Token | None  # head of the reporting actor's phrase, when claimed or denied
    cue: str | None  # the words that decided it
    reporting_verb: Token | None = None


NEGATIVE_SUBJECTS = frozenset({"neither", "none", "nobody", "nothing"})
# prepositions of a time adjunct: what they hold happened (or happens) apart from the clause's modality
TIME_PREPS = frozenset({"after", "before", "since", "following", "during", "until", "amid"})


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger, then the words above it up to (not beyond) the verb of its clause."""
    chain = [trigger]
    token = trigger
    while (token.dep_ in ("xcomp", "dobj", "pobj", "prep", "acl", "amod", "compound", "nsubj", "nsubjpass",
                          "attr", "conj", "pcomp", "oprd", "appos") or _purpose(token) or _infinitive_clause(token)) \
            and token.head.i != token.i:
        if token.dep_ == "acl" and token.head.lemma_.lower() in EVIDENCE_NOUNS:
            break  # "no signs that X happened": the noun governs, handled by _evidence_negation
        if token.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ == "NOUN":
            break  # "Abdollahian's visit ... can be outlined": the clause's modality is not the visit's
        if detached_deed(token):
            break  # "warning that they could use force ..., and imposed sanctions": a deed of its own
        token = token.head
        chain.append(token)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "conj", "pcomp") \
                and not _purpose(token) and not _infinitive_clause(token):
            break
    return chain


def detached_deed(verb: Token) -> bool:
    """ "warning that they could use force if the deadline passes, and imposed sweeping sanctions": a simple
    past the parser coordinated with a clause under a modal is a deed of the main clause, not foretold."""
    return verb.dep_ == "conj" and verb.tag_ == "VBD" \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | FUTURE_AUX for c in verb.head.children)


def infinitive(verb: Token) -> bool:
    """The verb has the infinitive marker "to" ("to meet", "to protest")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_clause(token: Token) -> bool:
    """ "does not want Iran to reach a deal": an infinitive with a subject of its own takes the modality of
    the verb it complements."""
    return token.dep_ == "ccomp" and infinitive(token)


def _purpose(token: Token) -> bool:
    """An infinitive of purpose ("visited Oslo to meet X") shares the modality of its clause."""
    return token.dep_ == "advcl" and infinitive(token)


def read_modality(trigger: Token) -> ModalityReading:
    chain = clause_chain(trigger)
    local = _local_modality(chain)
    reporter, verb = _reporting(chain[-1])
    if verb is not None and verb.lemma_.lower() in DENYING:
        return ModalityReading("denied", reporter, verb.text, verb)
    if local is not None:
        modality, cue = local
        if modality == "hypothetical" and cue.lower() == "would" and verb is not None:
            modality = "planned"  # reported future: "X said it would attack"
        return ModalityReading(modality, reporter, cue, verb)
    if verb is not None:
        return ModalityReading("claimed", reporter, verb.text, verb)
    return ModalityReading("asserted", None, None)


def _local_modality(chain: list[Token]) -> tuple[str, str] | None:
    trigger = chain[0]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in PLANNING:
        return "planned", trigger.head.text  # "a visit by X to Moscow is expected next week"
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_MODIFIERS:
                return "planned", c.text
            if c.dep_ in ("amod", "compound") and c.lower_ in HYPOTHETICAL_MODIFIERS:
                return "hypothetical", c.text
            if c.dep_ == "det" and c.lower_ == "no":
                return "negated", c.text
    for token in chain:
        if token.dep_ == "prep" and token.lower_ in TIME_PREPS and trigger.tag_ in ("VBD", "VBN"):
            break  # "agreed to resolve the dispute after talks mediated by X": the talks took place
        if token.pos_ == "NOUN" and token is not trigger:
            if token.lemma_.lower() in INTENT_NOUNS and chain[chain.index(token) - 1].dep_ == "acl":
                return "planned", token.text  # "reserves the right to respond", "its plan to annex"
            continue  # "the visit of X" under "cancelled": not this clause's auxiliaries
        children = list(token.children)
        neg = next((c for c in children if c.dep_ == "neg"
                    or (c.dep_ in ("nsubj", "nsubjpass", "preconj") and c.lower_ in NEGATIVE_SUBJECTS
                        and c.i < token.i)
                    # "would no longer supply weapons"
                    or (c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))),
                   None)
        if neg is not None:
            return "negated", neg.text  # "did not sign", "neither signed"
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return "hypothetical", next(c.text for c in children if c.dep_ == "mark")
        for c in children:
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                return "planned", c.text
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical", c.text
        if token is not trigger and token.lemma_.lower() in PLANNING and token.pos_ in ("VERB", "ADJ", "AUX") \
                and not (token.lemma_.lower() in INFINITIVE_PLANNING and chain[chain.index(token) - 1].dep_ != "xcomp"):
            return "planned", token.text
        if token is not trigger and chain[chain.index(token) - 1].dep_ == "xcomp":
            # "reserves its right to respond", parsed with the infinitive on the verb
            intent = next((c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in INTENT_NOUNS), None)
            if intent is not None:
                return "planned", intent.text
        if token is not trigger and token.lemma_.lower() in FAILING and chain[chain.index(token) - 1].dep_ == "xcomp":
            return "negated", token.text  # "failed to agree on a pullback"
        if token is not trigger and token.lower_ in HYPOTHETICAL_WORDS:
            return "hypothetical", token.text
        for c in children:  # "is likely to", "are due to": the adjective the clause hangs on
            if c.dep_ == "acomp" and c.lower_ in HYPOTHETICAL_WORDS:
                return "hypothetical", c.text
            if c.dep_ == "acomp" and c.lemma_.lower() in PLANNING:
                return "planned", c.text
    top = chain[-1]
    evidence = _evidence_negation(top)
    if evidence is not None:
        return "negated", evidence
    return None


def _evidence_negation(clause: Token) -> str | None:
    """ "there are no signs that X": the clause hangs on a noun determined by "no"."""
    head = clause.head
    if clause.dep_ in ("acl", "ccomp") and head.lemma_.lower() in EVIDENCE_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return f"no {head.text}"
    return None


def _reporting(clause: Token) -> tuple[Token | None, Token | None]:
    """The reporting verb whose complement holds ``clause``, and the head of its subject."""
    token = clause
    for _ in range(3):
        if token.dep_ in ("ccomp", "parataxis") and token.head.i != token.i:
            verb = token.head
            if verb.lemma_.lower() in REPORTING | DENYING:
                return _speaker(verb), verb
            return None, None
        if token.dep_ in ("conj", "advcl", "relcl") and token.head.i != token.i and not detached_deed(token):
            token = token.head  # "X said that A met B and signed ..."; "when Iran supplied ..."
            continue
        break
    # "Iran attacked X, officials said": the reporting verb hangs on the clause it reports
    for child in token.children:
        if child.dep_ in ("parataxis", "ccomp") and child.i > token.i \
                and child.lemma_.lower() in REPORTING | DENYING:
            return _speaker(child), child
    # "according to X" anywhere in the clause
    for child in list(clause.children) + list(token.children):
        if child.dep_ == "prep" and child.lower_ == "according":
            for grand in child.subtree:
                if grand.dep_ == "pobj":
                    return grand, child
    return None, None


def _speaker(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None
