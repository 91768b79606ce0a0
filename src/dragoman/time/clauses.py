"""Clause structure over a dependency parse: which clause a phrase belongs to, and the tense of a clause.

Reads: a parsed spaCy ``Doc`` (``dep_``, ``pos_``, ``tag_``, ``lemma_``). Used by the event dater and by the
place resolver (``dragoman.places.resolve``), which attach a date or a place phrase to an event when the
phrase sits in the event's own clause, and otherwise in a clause above it.

A phrase belongs to an event's clause when climbing the parse from the phrase reaches the trigger (or, for
a noun trigger such as "the visit", the verb governing it) without passing through another verb that heads
a clause of its own: a complement ("said that ..."), an adverbial clause ("after ...") or a coordinated verb
("met ... and signed ...") or a relative clause. Participles on the event's own nouns and relative clauses
on an event noun trigger do not separate ("the attacks carried out on Friday", "a meeting, which was
scheduled for early April").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

VERBS = {"VERB", "AUX"}
# clause heads that start a clause of their own: a phrase under one belongs to that clause, not above it
BOUNDARY = {"ccomp", "advcl", "parataxis", "csubj", "csubjpass", "xcomp", "conj", "pcomp", "relcl"}
# verbs whose infinitive complement lies ahead of them ("set to hold", "expected to meet")
FUTURE_LEMMAS = {"plan", "set", "due", "expect", "schedule", "suppose", "intend", "aim", "hope", "want", "promise",
                 "pledge", "vow", "threaten", "prepare", "seek", "going", "go", "propose", "wish", "decide"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll", "would"}  # "would": the future of a past report
BACKGROUND = {"previously", "earlier", "formerly", "once", "originally", "initially", "ago", "before", "already"}
MAX_STEPS = 14
# verbs of saying: a past perfect in what they report is the tense shifted back, not an earlier story
REPORTING = {"say", "tell", "add", "state", "confirm", "announce", "report", "claim", "insist", "note", "write",
             "explain", "argue", "acknowledge", "admit", "reveal", "disclose", "declare"}


_SENTENCES = "dragoman.time.sentences"  # doc.user_data key: sentence bounds, found once per doc


def sentence(doc: Doc, start: int) -> Span:
    """The sentence starting at token ``start``, looked up once per doc and sentence."""
    bounds = doc.user_data.setdefault(_SENTENCES, {})
    found = bounds.get(start)
    if found is None:
        sent = doc[start].sent
        found = bounds[start] = (sent.start, sent.end)
    return doc[found[0]:found[1]]


def is_verb(token: Token) -> bool:
    return token.pos_ in VERBS or (not token.pos_ and token.tag_.startswith("VB"))


def event_clause(trigger: Token) -> dict[int, int]:
    """Token indices standing for the event's clause, with a cost: the trigger (0), and for a noun trigger
    the verb it is an argument of, directly or through one preposition ("cutting a deal", "on a visit") (1)."""
    found = {trigger.i: 0}
    if is_verb(trigger) or trigger.head.i == trigger.i:
        return found
    head = trigger.head
    if not is_verb(head) and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if is_verb(head):
        found[head.i] = 1
    return found


def climb(start: Token, targets: dict[int, int], boundary: set[str] = BOUNDARY) -> int | None:
    """Steps from ``start`` up the parse to one of ``targets`` (plus its cost), or None when the way passes
    through a verb heading a clause of its own (its dependency in ``boundary``) or never gets there."""
    node = start
    for steps in range(MAX_STEPS):
        if node.i in targets:
            return steps + targets[node.i]
        if node.head.i == node.i:
            return None
        if is_verb(node) and node.dep_ in boundary and not _describes(node, targets):
            return None
        node = node.head
    return None


def _describes(clause: Token, targets: dict[int, int]) -> bool:
    """A relative clause on the event's own noun describes the event ("a meeting, which was to be held
    in early April"): it does not separate."""
    node = clause
    for _ in range(6):
        if node.dep_ == "relcl" and node.head.i in targets and not is_verb(node.head):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def clause_chain(trigger: Token) -> list[tuple[Token, str]]:
    """The verbs above the event's clause, lowest first, each with the dependency by which the clause
    below it hangs from it ("advcl", "ccomp", "xcomp", "relcl" ...)."""
    chain: list[tuple[Token, str]] = []
    node = trigger
    via = ""
    for _ in range(MAX_STEPS):
        if node.head.i == node.i:
            break
        if is_verb(node) or not via:
            via = node.dep_
        node = node.head
        if is_verb(node) and node.i != trigger.i:
            chain.append((node, via))
    return chain


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token``."""
    node = token
    for _ in range(MAX_STEPS):
        if is_verb(node):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def tense(token: Token) -> str:
    """"past", "future" or "" (present or unknown) for the clause holding ``token``.

    Future: an auxiliary "will"/"shall" (or "would", the future seen from a past report), or the clause is
    the infinitive of a verb that looks ahead ("set to hold", "expected to meet", "was supposed to be
    scheduled"). Past: a past-tense verb or auxiliary, or
    a perfect. A bare infinitive or participle takes the tense of the clause it depends on.
    """
    verb = governing_verb(token)
    for _ in range(4):
        if verb is None:
            return ""
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in auxes):
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes):
            return "future" if _looks_ahead(verb) else "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
            return "future" if _looks_ahead(verb) else ""
        # an infinitive, gerund or bare participle: the clause above decides
        if verb.head.i == verb.i:
            return ""
        if any(a.lower_ == "to" for a in auxes) and verb.head.lemma_.lower() in FUTURE_LEMMAS:
            return "future"
        verb = governing_verb(verb.head)
    return ""


def _looks_ahead(verb: Token) -> bool:
    """'was supposed to', 'is set to', 'is expected to': the verb itself or an xcomp below it looks ahead."""
    return verb.lemma_.lower() in FUTURE_LEMMAS and any(c.dep_ == "xcomp" for c in verb.children)


def present(token: Token) -> bool:
    """Whether the clause holding ``token`` speaks of the report's now: a present ("reiterates its call")
    or a present perfect ("has condemned")."""
    verb = governing_verb(token)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" or a.lower_ in FUTURE_AUX or a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def background(trigger: Token) -> bool:
    """Whether the event's clause marks itself as earlier than the report: "previously", "earlier",
    "once", a past perfect ("had signed") unless it is reported speech shifted back ("said Tokyo had
    lodged a protest")."""
    verb = governing_verb(trigger)
    if verb is None:
        return False
    above = [v for v, via in clause_chain(verb)[:1] if via not in ("conj", "parataxis")]
    for node in [verb, *above]:
        for child in node.children:
            if child.dep_ in ("advmod", "npadvmod") and child.lower_ in BACKGROUND:
                return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING:
        return False  # "X said Tokyo had lodged a protest": the report's past, shifted back, not background
    return any(a.lower_ == "had" for a in auxes) and verb.tag_ == "VBN"
