"""In-document references to actors named elsewhere: counterparts, groups in focus and pronouns.

Reads: the parsed ``Doc`` and the dictionary mentions found so far. Returns: those mentions with role
mentions refined ("his Russian counterpart" -> the Russian holder of the focus person's office) and new
mentions for group references ("the two sides") and pronouns ("he", "its"). Precision comes first: a
reference with more than one plausible antecedent is left unresolved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dragoman.actors.kb import ActorKB
from dragoman.actors.mention import Mention
from dragoman.records import Actor

CLAUSE_DEPS = {"ccomp", "advcl", "xcomp", "conj", "relcl", "pcomp"}
LOOKBACK_SENTENCES = 3
# verbs of a third party that brings others together: "talks brokered by X and Y" (X and Y are no side)
MEDIATING = frozenset({"broker", "mediate", "facilitate", "host", "sponsor", "organise", "organize", "chair",
                       "convene"})
PERSONAL = frozenset({"he", "she", "him", "her", "his"})
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "pobj", "dative"})  # "him", "them" as objects
# Mentions a plural pronoun may stand for when their head is plural ("Bosnian Serbs said their forces").
PLURAL_KINDS = frozenset({"role", "affiliation", "group", "adjective", "person"})


def resolve_references(doc: Doc, mentions: list[Mention], kb: ActorKB, date: dt.date | None) -> list[Mention]:
    """The mentions with counterparts resolved and group and pronoun mentions added, in text order."""
    mentions = [_counterpart(doc, m, mentions, kb, date) for m in mentions]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for token in doc:
        if token.i in taken:
            continue
        ref = kb.reference(token.lower_)
        if ref is None:
            continue
        kind, value = ref
        new: Mention | None = None
        if kind == "group" and token.pos_ == "NOUN":
            new = _group(doc, token, out, kb)
        elif kind == "pronoun" and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            new = _pronoun(doc, token, value, sorted(out, key=lambda m: m.start), kb)
        elif kind == "pronoun" and token.pos_ == "PRON" and token.dep_ in OBJECT_PRONOUN_DEPS:
            new = _object_pronoun(doc, token, value, sorted(out, key=lambda m: m.start), kb)
        if new is not None and not taken & set(range(new.start, new.end)):
            out.append(new)
            taken.update(range(new.start, new.end))
    return sorted(out, key=lambda m: m.start)


# --- counterparts --------------------------------------------------------------------------------------
def _counterpart(doc: Doc, mention: Mention, mentions: list[Mention], kb: ActorKB,
                 date: dt.date | None) -> Mention:
    """'his Russian counterpart': the Russian holder of the office of the person in focus."""
    head = doc[mention.head]
    if mention.kind != "role" or head.lemma_.lower() != "counterpart" or mention.actor.country is None:
        return mention
    focus = _person_in_focus(doc, mention, mentions)
    if focus is None or focus.actor.entry is None:
        return mention
    person = kb.people.get(focus.actor.entry)
    office = None
    if person is not None:
        tenure, _ = person.tenure_at(date)
        office = tenure.role if tenure else None
    if office is None:
        return mention
    holder = kb.holder(mention.actor.country, office, date)
    actor = replace(mention.actor, sector=focus.actor.sector or mention.actor.sector,
                    code=mention.actor.country + (focus.actor.sector or mention.actor.sector or ""),
                    how=f"role:counterpart:{office}")
    if holder is not None:
        actor = replace(actor, name=holder.name, entry=holder.id)
    return replace(mention, actor=actor, kind="person")


def _person_in_focus(doc: Doc, mention: Mention, mentions: list[Mention]) -> Mention | None:
    """The nearest person before ``mention`` (same or previous sentences) from another country."""
    first = sentence_window(doc, doc[mention.start], LOOKBACK_SENTENCES)
    for m in sorted(mentions, key=lambda m: -m.start):
        if m.start >= mention.start or m.start < first:
            continue
        if m.kind == "person" and m.actor.country and m.actor.country != mention.actor.country \
                and (m.actor.entry or "").startswith("person:"):
            return m
    return None


# --- groups in focus -----------------------------------------------------------------------------------
def _group(doc: Doc, noun: Token, mentions: list[Mention], kb: ActorKB) -> Mention | None:
    """'the two sides', 'both countries', 'the two neighbouring countries' -> the group in focus."""
    count = 0
    for child in noun.children:
        ref = kb.reference(child.lower_)
        if ref is not None and ref[0] == "count" and child.dep_ in ("nummod", "det", "predet", "amod", "quantmod"):
            count = int(ref[1])
    if count < 2 and definite_plural(noun):
        # "the delegations agreed": the group the text has just named or referred to, of any size
        members = next((g for n in (2, 3, 4) if (g := _coordinated_group(doc, noun, mentions, n))), ())
    elif count < 2:
        return None
    else:
        members = _coordinated_group(doc, noun, mentions, count) or _frequent_pair(doc, noun, mentions, count)
    if not members:
        return None
    sector = (kb.reference(noun.lower_) or ("", ""))[1] or None
    start = min([noun.i] + [c.i for c in noun.children if c.i < noun.i and c.dep_ in
                            ("det", "nummod", "amod", "predet", "compound")])
    text = doc[start:noun.i + 1].text
    if len({_identity(m) for m in members}) < len(members):
        sector = None  # two organs of one state ("both delegations": the government's and the army's)
    actors = tuple(Actor(text=text, name=m.name, code=(m.country or m.code[:3]) + (sector or m.sector or ""),
                         country=m.country, org=m.org, sector=sector or m.sector, how="coreference:group",
                         entry=m.entry) for m in members)
    return Mention(start, noun.i + 1, noun.i, actors[0], "group-reference", members=actors)


def _identity(actor: Actor) -> str | None:
    return actor.country or actor.org


def definite_plural(noun: Token) -> bool:
    """ "the delegations", "the two sides" without their number: a plural group noun after "the" alone."""
    return noun.tag_ == "NNS" and [c.lower_ for c in noun.children if c.i < noun.i] == ["the"]


def _mediators(token: Token) -> bool:
    """The token is the "by" object of a participle of mediation ("talks brokered by X and Y")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "by" and prep.head.lemma_.lower() in MEDIATING \
        and prep.head.dep_ == "acl"


def _distinct_sides(a: Actor, b: Actor) -> bool:
    """Two sides of a pair: two states or bodies, or two organs of one state ("the delegations of the
    government and the national army": a civil war's two sides)."""
    return _identity(a) != _identity(b) or (a.sector is not None and b.sector is not None and a.sector != b.sector)


def _coordinated_group(doc: Doc, noun: Token, mentions: list[Mention], count: int) -> tuple[Actor, ...]:
    """The latest 'X and Y' (coordinated mentions of as many distinct states or organisations) before the
    reference, in its sentence or the two before it; or the latest group reference of that size."""
    first = sentence_window(doc, noun, 2)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    best: tuple[int, tuple[Actor, ...]] | None = None
    # ("Egypt and Saudi Arabia hosted talks between the two sides": the clause's own subject is not the sides)
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    own = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree} \
        if verb.pos_ in ("VERB", "AUX") else set()
    for m in mentions:
        if m.start >= noun.i or m.start < first or m.head in own:
            continue
        if m.members and len(m.members) == count:
            group = m.members
        else:
            root = doc[m.head]
            if not root.conjuncts and root.dep_ == "pobj" and root.head.lower_ == "of" \
                    and root.head.head.conjuncts and root.head.head.i not in by_token:
                root = root.head.head  # "the delegations of A and B", parsed with B coordinated to "delegations"
            conjuncts = [root] + [t for t in root.conjuncts if t.i != root.i]
            found: list[Actor] = []
            for t in sorted(conjuncts, key=lambda t: t.i):
                other = m if t.i == root.i else by_token.get(t.i)
                if other is not None and _identity(other.actor) \
                        and all(_distinct_sides(a, other.actor) for a in found):
                    found.append(other.actor)
            resolved = sum(1 for t in conjuncts if t.i == root.i or t.i in by_token)
            if len(found) != count or resolved != len(conjuncts) or min(t.i for t in conjuncts) != root.i \
                    or _mediators(root):
                continue  # ("talks on Gaza, Libya and trade": a list of topics, not of parties)
            group = tuple(found)
        if best is None or m.start > best[0]:
            best = (m.start, group)
    return best[1] if best else ()


def _frequent_pair(doc: Doc, noun: Token, mentions: list[Mention], count: int) -> tuple[Actor, ...]:
    """The two states that dominate the last few sentences (each named at least twice, and clearly more
    than any third): the pair a report about two sides is about."""
    if count != 2:
        return ()
    first = sentence_window(doc, noun, LOOKBACK_SENTENCES)
    # ("Moscow urged both sides to ...": the two sides are others than the one who addresses them)
    addressing = {m.actor.country for m in mentions for c in noun.head.children
                  if c.dep_ in ("nsubj", "nsubjpass") and m.start <= c.i < m.end} \
        if noun.dep_ in ("dobj", "pobj") else set()
    tally: dict[str, list[Actor]] = {}
    for m in mentions:
        if first <= m.start < noun.i and m.actor.country and not m.members and m.actor.country not in addressing:
            tally.setdefault(m.actor.country, []).append(m.actor)
    ranked = sorted(tally.values(), key=len, reverse=True)
    if len(ranked) < 2 or len(ranked[1]) < 2 or (len(ranked) > 2 and len(ranked[2]) >= len(ranked[1])):
        return ()
    pair = sorted(ranked[:2], key=lambda actors: min(doc_index(a, mentions) for a in actors))
    return tuple(_country_actor(actors[0]) for actors in pair)


def doc_index(actor: Actor, mentions: list[Mention]) -> int:
    return min((m.start for m in mentions if m.actor == actor), default=0)


def _country_actor(actor: Actor) -> Actor:
    return replace(actor, code=actor.country or actor.code, sector=None, name=actor.name)


# --- pronouns ------------------------------------------------------------------------------------------
def _pronoun(doc: Doc, token: Token, value: str, mentions: list[Mention], kb: ActorKB) -> Mention | None:
    """A subject or possessive pronoun -> the nearest compatible actor, when only one is plausible."""
    if token.lower_ == "it" and _expletive(token):
        return None
    if value == "plural":
        listed = _continued_list(token, mentions)
        if listed is not None:
            return listed
    compatible = [m for m in mentions if _compatible(doc, m, value, kb)]
    antecedent = _clause_subject(token, compatible) or _only_candidate(doc, token, compatible, value) \
        or _subject_before(token, compatible)
    if antecedent is None:
        return None
    actor = replace(antecedent.actor, text=token.text, how=f"coreference:pronoun:{antecedent.actor.how}")
    return Mention(token.i, token.i + 1, token.i, actor, "pronoun", members=antecedent.members)


def _object_pronoun(doc: Doc, token: Token, value: str, mentions: list[Mention], kb: ActorKB) -> Mention | None:
    """ "wrote to him", "dispersed them": as a subject pronoun, but never the subject of its own clause ("he
    wrote to him", the preposition's verb or the verb itself)."""
    own = {c.i for verb in (token.head, token.head.head) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    return _pronoun(doc, token, value, [m for m in mentions if not own & set(range(m.start, m.end))], kb)


def _compatible(doc: Doc, mention: Mention, value: str, kb: ActorKB) -> bool:
    head = doc[mention.head]
    if value == "person":
        # "..., he said. He condemned ...": a resolved personal pronoun carries its person on
        return mention.kind == "person" or (mention.kind == "pronoun" and head.lower_ in PERSONAL) \
            or (mention.kind == "role" and head.tag_ == "NN"
                                            and (kb.reference(head.lower_) or ("", ""))[0] == "person")
    if value == "thing":
        return mention.kind in ("country", "capital", "org") or (
            mention.kind in ("group", "adjective") and head.tag_ in ("NNP", "NN") and head.ent_type_ != "NORP") or (
            # an institution: "Russia's foreign ministry said ... It said ..."
            mention.kind == "role" and head.tag_ in ("NN", "NNP") and head.ent_type_ != "PERSON"
            and (kb.reference(head.lower_) or ("", ""))[0] != "person")
    if value == "plural":
        return mention.kind == "group-reference" or (mention.kind in PLURAL_KINDS and head.tag_ in ("NNS", "NNPS")) \
            or (mention.kind == "group" and (head.lower_.endswith("s")  # "the Houthis", tagged singular
                                             or any(c.lower_ == "the" for c in head.children))) \
            or (mention.kind == "pronoun" and len(mention.members) > 1)  # "They said they ..."
    return False


def _expletive(token: Token) -> bool:
    """'It should be noted that', 'it is likely that': a dummy subject, not a reference."""
    verb = token.head
    if token.dep_ == "expl":
        return True
    if any(c.dep_ == "acomp" and c.lower_ in ("willing", "ready", "prepared", "determined", "eager", "keen",
                                              "committed", "unwilling", "reluctant", "concerned", "worried",
                                              "alarmed", "troubled", "dismayed", "disappointed", "pleased",
                                              "satisfied", "grateful", "opposed")
           for c in verb.children):
        return False  # "it is willing to withdraw", "it was deeply concerned": a state's mind, not a dummy
    deps = {c.dep_ for c in verb.children}
    return verb.lemma_ in ("be", "seem", "appear") or bool(deps & {"ccomp", "csubj", "xcomp"} and
                                                           (token.dep_ == "nsubjpass" or "auxpass" in deps
                                                            or "acomp" in deps))


def main_clause_of_conjunct(verb: Token) -> Token | None:
    """ "X broke off the talks his predecessor had opened and demanded ...", "X discussed the corridor on
    which Russia relies, and emphasized ...": a simple past the parser coordinated with a relative clause in
    another tense belongs to the main clause the relative clause sits in; that clause's verb, else None."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "relcl" or verb.tag_ != "VBD" \
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            or not (any(c.dep_ == "aux" for c in head.children) or head.tag_ in ("VBZ", "VBP")):
        return None
    main = head.head
    while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
        main = main.head
    return main if main.tag_ == "VBD" and main.i != head.head.i else None


def _clause_subject(token: Token, compatible: list[Mention]) -> Mention | None:
    """'Iran said it would...', 'Tehran sent its top diplomat': the subject of the clause a pronoun sits in
    (for a possessive) or of the clause that governs it (for a subject)."""
    by_token = {i: m for m in compatible for i in range(m.start, m.end)}
    node = token.head
    own_clause = token.dep_ == "poss"
    for _ in range(4):
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            return None
        if own_clause:
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i
                        and not (c.left_edge.i <= token.i <= c.right_edge.i)]
            for subject in subjects:
                if subject.lower_ in ("which", "who", "that") and node.dep_ == "relcl":
                    subject = node.head  # "the administration in Kabul, which said its forces ...": the noun
                # ("the Taliban's defence ministry said its forces ...": the ministry's owner when the
                # ministry itself is no mention)
                m = by_token.get(subject.i) or next((by_token[c.i] for c in subject.children
                                                     if c.dep_ in ("poss", "compound") and c.i in by_token), None)
                if m is not None and m.start < token.i:
                    return m
        if node.dep_ not in CLAUSE_DEPS or node.head.i == node.i:
            return None
        own_clause = True
        node = main_clause_of_conjunct(node) or node.head
    return None


ADVERBIAL_MARKS = frozenset({"after", "before", "when", "since", "as", "because", "while", "until", "once"})


def _subject_before(token: Token, compatible: list[Mention]) -> Mention | None:
    """ "... speeding up Iran's joining the SCO, after it signed a memorandum": the subject of an adverbial
    clause, when nothing else settles it, is the latest subject named before it in its sentence (of a clause
    or of a gerund: a subject, not an object or a place)."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "advcl" \
            or not any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in token.head.children):
        return None
    sent = token.sent
    subjects = [m for m in compatible if sent.start <= m.start < token.i
                and token.doc[m.head].dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1] if subjects else None


def _only_candidate(doc: Doc, token: Token, compatible: list[Mention], value: str) -> Mention | None:
    """The single compatible actor before the pronoun in its sentence, when no other noun phrase there could
    be meant; else the single one in the previous sentence when the pronoun opens its sentence."""
    sent = token.sent
    before = [m for m in compatible if sent.start <= m.start < token.i]
    if before:
        identities = {_identity(m.actor) for m in before}
        if len(identities) == 1 and not _rival_noun(sent, token, before, value):
            return before[-1]
        return None
    if _rival_noun(sent, token, [], value):
        return None
    previous = _previous_sentence(doc, sent)
    if previous is None:
        return None
    candidates = [m for m in compatible if previous.start <= m.start < previous.end]
    continuing = _continued_subject(token, previous, candidates) if value == "person" \
        else _continued_institution(token, previous, candidates) if value == "thing" else None
    if continuing is not None:
        return continuing
    identities = {_identity(m.actor) for m in candidates}
    if len(identities) != 1:
        return None
    # the previous sentence must not be about something else: its main subject is the candidate or
    # not a noun ("The delegation ... did not include officials. It only included ...": it = delegation)
    covered = {i for m in candidates for i in range(m.start, m.end)}
    for subject in (c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")):
        if value == "person" and subject.ent_type_ != "PERSON" and subject.tag_ not in ("NN", "NNS"):
            continue  # "The National Security Council met, attended by President Yoon. His office said ..."
        owned = any(c.dep_ == "poss" and c.i in covered for c in subject.children)  # "Mr Petro's process"
        if subject.i not in covered and not owned and (subject.pos_ in ("NOUN", "PROPN") or subject.dep_ == "csubj"):
            return None
    return candidates[-1]


def _main_subject(token: Token) -> bool:
    """The pronoun is the subject of its sentence's main clause."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


def _continued_list(token: Token, mentions: list[Mention]) -> Mention | None:
    """ "The governments of Mali and Burkina Faso warned ... They also said ...": "they" opening its
    sentence as the main subject continues the coordinated actors of the main subject before."""
    sent = token.sent
    verb = token.head
    kinds: tuple[str, ...] = ("country", "capital", "org", "role", "group")
    if token.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        # "A and B accepted the proposal, and in March they agreed ...": the subject of the clause it is
        # coordinated with (people too)
        clause = verb.head
        kinds = (*kinds, "person")
    elif _main_subject(token) and token.i == sent.start and sent.start > 0:
        clause = token.doc[sent.start - 1].sent.root
    else:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    inside = [m for m in mentions if subject.left_edge.i <= m.start and m.end - 1 <= subject.right_edge.i
              and m.kind in kinds]
    members = tuple(dict((m.actor.country or m.actor.org or m.actor.code, m.actor) for m in inside).values())
    if len(members) < 2 or len(members) != len(inside) \
            or not any(t.dep_ == "cc" for t in subject.subtree):
        return None
    actor = replace(members[0], text=token.text, how=f"coreference:pronoun:the list ({subject.text})")
    return Mention(token.i, token.i + 1, token.i, actor, "pronoun", members=members)


def _continued_institution(token: Token, previous: Span, candidates: list[Mention]) -> Mention | None:
    """ "Pakistan's Foreign Office said ... It accused ...": "it" opening its sentence as the main subject
    continues an institution or organisation that was the main subject of the sentence before (a state
    named there is left alone: "Iran met Russia. It left" is as often about the object)."""
    if not _main_subject(token) or token.i != token.sent.start:
        return None
    for m in candidates:
        head = previous.doc[m.head]
        if m.kind in ("role", "org") and head.dep_ in ("nsubj", "nsubjpass") and head.head.i == previous.root.i:
            return m
    return None


def _continued_subject(token: Token, previous: Span, candidates: list[Mention]) -> Mention | None:
    """A personal pronoun subject of its sentence's main clause continues the main subject of the sentence
    before ("Biden landed in Tel Aviv and met Netanyahu. He also urged ..."), whatever else that sentence
    names. ("Iran met Russia. It left": states are left alone, being as often the object's topic.)"""
    if not _main_subject(token):
        return None
    # the main subject, else the speaker of a trailing "..., he said" (the sentence is what he said)
    speakers = [c for v in previous.root.children if v.dep_ == "parataxis" for c in v.children
                if c.dep_ == "nsubj"]
    for subject in [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")] + speakers:
        for m in candidates:
            if m.start <= subject.i < m.end or m.head == subject.i:
                return m
    return None


def _rival_noun(sent: Span, token: Token, mentions: list[Mention], value: str) -> bool:
    """Another noun phrase before the pronoun in its sentence that the pronoun could as well refer to."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for t in sent:
        if t.i >= token.i:
            break
        if t.i in covered or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            continue
        if any(p.dep_ == "prep" and p.lower_ == "of" and any(g.i in covered for g in p.children) for p in t.children):
            continue  # "thousands of protesters": the amount of a mention, not a rival of it
        if token.dep_ in OBJECT_PRONOUN_DEPS and t.dep_ in ("nsubj", "nsubjpass") \
                and t.head.i in (token.head.i, token.head.head.i):
            continue  # "forces dispersed them": an object pronoun is never its own clause's subject
        if value == "thing" and t.tag_ in ("NN", "NNP") and t.ent_type_ not in ("DATE", "TIME", "PERSON"):
            return True
        if value == "person" and t.ent_type_ == "PERSON":
            return True
        if value == "plural" and t.tag_ in ("NNS", "NNPS"):
            return True
    return False


def _previous_sentence(doc: Doc, sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return doc[sent.start - 1].sent


def sentence_window(doc: Doc, token: Token, sentences: int) -> int:
    """The first token of the sentence ``sentences`` before the one holding ``token``."""
    sent = token.sent
    for _ in range(sentences):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start
