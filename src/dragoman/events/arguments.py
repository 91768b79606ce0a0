"""Argument extraction: from a trigger token and a role name to the actor mentions that fill it.

Reads the dependency parse (spaCy ``Token``) and the document's mentions; returns tokens and mentions.
Resolving a phrase to an actor is the actor stage's work (``Mention``); this module only finds which
phrase fills which role. The roles are documented in ``data/events/patterns.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from dragoman.actors.coref import MEDIATING, main_clause_of_conjunct
from dragoman.actors.mentions import Mention
from dragoman.events.modality import REPORTING, detached_deed, infinitive

SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj"}
OWNER_DEPS = {"poss", "compound", "amod", "nmod"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}
# Dependencies a search for an actor inside an argument phrase may follow: "politicians from France",
# "the governments of X and Y", "Iran and Russia", "facilities run by the IRGC".
PHRASE_DEPS = {"prep", "pobj", "appos", "compound", "poss", "amod", "nmod", "acl", "agent"}
PHRASE_PREPS = {"of", "from", "in", "by"}
TRADE_NOUNS = frozenset({"sale", "delivery", "transfer", "shipment", "export", "supply"})  # "to X": the buyer
# verbs that judge someone for a deed ("thanked X for hosting", "accused X of shelling")
JUDGING_VERBS = frozenset({"praise", "commend", "thank", "congratulate", "hail", "credit", "criticize", "criticise",
                           "condemn", "accuse", "blame", "fault", "denounce", "rebuke", "reprimand", "punish",
                           "sanction", "reward", "charge", "suspect"})
# Words that open a list naming the members of the phrase before them: "three countries, i.e. X, Y and Z".
ENUMERATORS = {"i.e.", "ie", "namely", "including"}
# Complements a verb can govern: "refused to meet", "said that", "insisted on having", "called for".
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp"}
# Prepositions that lead to the other party of a complement clause ("share capabilities with X").
# Prepositions of time, place and agency: not what an event is about.
CIRCUMSTANCE_PREPS = {"by", "in", "at", "near", "during", "after", "before", "since", "until", "despite"}
COMPLEMENT_PREPS = ("to", "with", "against", "on", "from", "for", "into", "between")
# Verbs whose object is the subject of their infinitive ("urged X to resume talks", "forced X to
# withdraw", "allowed X to participate"): object control, whether the parser attaches the infinitive as
# a complement or as an adverbial clause.
CONTROL_VERBS = frozenset({
    "urge", "ask", "press", "pressure", "pressurize", "force", "compel", "persuade", "convince", "encourage",
    "order", "push", "invite", "allow", "permit", "help", "tell", "lobby", "implore", "oblige", "require",
    "instruct", "authorize", "authorise", "enable", "prompt", "induce", "spur", "advise", "request", "coerce",
    "call", "appeal", "challenge", "warn", "let"})
# Verbs that are acts of speech: coordinated with a reported clause, they are the reporter's own acts.
SPEECH_ACTS = frozenset({
    "accuse", "blame", "urge", "call", "demand", "condemn", "criticize", "criticise", "denounce", "warn",
    "deny", "reject", "ask", "appeal", "threaten", "praise", "welcome", "vow", "pledge", "promise", "insist"})
# Nouns of pressure whose "on X" names who is to act: "put pressure on X to agree", "X's pressure on Y to".
PRESSURE_NOUNS = frozenset({"pressure", "call", "appeal", "demand", "ultimatum"})


# Texts issued by someone, whose participle says what they do: "issued a statement condemning the attack"
# (the subject of an issuing verb is their author; of "vetoed a draft calling for", it is not).
STATEMENT_NOUNS = frozenset({"statement", "declaration", "communique", "communiqué", "letter", "message", "note",
                             "resolution", "memorandum", "proclamation", "decree"})
ISSUING_VERBS = frozenset({"issue", "release", "send", "publish", "adopt", "pass", "sign", "deliver", "write",
                           "submit", "present", "circulate", "post", "distribute", "approve", "table", "read"})
# Prepositions of a verb that the parser may hang on its object instead ("shared evidence [with X]").
OBJECT_ATTACHED_PREPS = frozenset({"with", "to"})
RELATION_NOUNS = frozenset({"deal", "agreement", "accord", "treaty", "pact", "talk", "talks", "negotiation",
                            "negotiations", "relation", "relations", "tie", "ties", "cooperation", "partnership",
                            "trade", "border", "contract", "dispute", "conflict", "war", "alliance", "link", "links",
                            "contact", "contacts", "meeting", "summit", "dialogue", "friendship", "rapprochement"})
# Mentions whose actor is only the document's focus state, a guess that names given in the phrase override.
GUESSED = "discourse:focus"


def verb_forms(verb: Token) -> frozenset[str]:
    """The forms a verb may be listed under: its lemma, and its past or -ing form stripped, since the
    lemmatizer errs on some ("staged" -> "stag")."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word}
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return frozenset(forms)


class MentionIndex:
    """Mentions of one document, looked up by token index."""

    def __init__(self, mentions: Sequence[Mention], places: Mapping[int, str] | None = None,
                 dateline: str | None = None) -> None:
        self.mentions = list(mentions)
        self.places = dict(places or {})  # token index -> ISO-3 of a place name that is no actor mention
        self.dateline = dateline  # ISO-3 of the state the story's dateline places it in, if any
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
        listing = any(c.dep_ == "prep" and c.lower_ in ENUMERATORS for c in token.children)
        if not found or listing or all(m.actor.how.startswith(GUESSED) for m in found):
            # ("Western governments, including X and Y": the members listed, not the group)
            listed: list[Mention] = []
            self._enumerated(token, listed)  # "politicians from the three countries, i.e. X, Y and Z"
            found = listed or found
        return found

    def _collect(self, token: Token, found: list[Mention], depth: int) -> None:
        mention = self.at(token)
        if mention is not None:
            if mention not in found:
                found.append(mention)
        elif depth < 4:
            # "its European Community partners": the named modifier before the possessive pronoun
            # (a sale's seller, "by X", before its buyer, "to Y")
            trade = token.lemma_.lower() in TRADE_NOUNS
            for child in sorted(token.children, key=lambda c: (c.dep_ == "poss" and c.pos_ == "PRON",
                                                               trade and c.lower_ != "by")):
                if child.dep_ == "prep" and (child.lower_ not in PHRASE_PREPS or (child.lower_ == "in" and depth > 0)) \
                        and not (child.lower_ == "to" and trade):
                    continue  # ("opposition to any use of nuclear weapons in Ukraine": a place, not a party;
                    # but "the arms sale to Taiwan" names its buyer)
                if child.dep_ == "acl" and not any(g.dep_ == "agent" for g in child.children):
                    continue  # only "X run by Y", not "countries involved in talks with Y"
                if child.dep_ in PHRASE_DEPS:
                    before = len(found)
                    self._collect(child, found, depth + 1)
                    if len(found) > before:
                        break
        # the members coordinated with it; a list the parser broke at a long name ("by X, the Democratic
        # People's Republic of Korea, Y and Z": the name an apposition, the rest coordinated inside it)
        span = range(mention.start, mention.end) if mention is not None and mention.start <= token.i < mention.end \
            else range(token.i, token.i + 1)
        for child in [c for i in span for c in token.doc[i].children if c.i not in span]:
            listed = child.dep_ == "appos" and mention is not None and self._listed(child, mention)
            if child.dep_ == "conj" or listed \
                    or (child.dep_ == "nmod" and child.i < token.i and any(g.dep_ == "cc" for g in child.children)):
                # ("Mali and Burkina Faso" misparsed: "Mali" a modifier of "Faso" with the conjunction)
                self._collect(child, found, depth)

    def _listed(self, appos: Token, first: Mention) -> bool:
        """An apposition that is a list's next member: another state's name, followed by further members."""
        named = self.at(appos)
        if named is None:
            named = next((m for t in appos.subtree if (m := self.at(t)) is not None), None)
        return named is not None and named.actor.country not in (None, first.actor.country) \
            and any(t.dep_ == "conj" and t.head.i >= named.start for t in appos.subtree)

    def _enumerated(self, token: Token, found: list[Mention]) -> None:
        """ "the three countries involved, i.e. Germany, France and Britain": the listed members."""
        for t in token.subtree:
            if t.lower_ in ENUMERATORS and t.head.i != t.i:
                # "i.e." hangs on the first member; "including" is a preposition whose object is
                for member in [c for c in t.children if c.dep_ == "pobj"] if t.dep_ == "prep" else [t.head]:
                    self._collect(member, found, depth=4)
                return


def role_heads(trigger: Token, role: str, governors: frozenset[str] = frozenset()) -> list[Token]:
    """The head tokens of the phrases that fill ``role`` for ``trigger``."""
    if role == "subject":
        return subjects(trigger)
    if role == "passive_subject":
        return _passive_subjects(trigger)
    if role == "object":
        return _objects(trigger)
    if role == "dative":
        found = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"] + prep_objects(trigger, "to")
        verb = governing_verb(trigger) if trigger.pos_ == "NOUN" and trigger.dep_ in OBJECT_DEPS else None
        if verb is not None and (not governors or verb_forms(verb) & governors):
            # "handed the writer a death sentence": the light verb's first object (or its dative)
            found += [c for c in verb.children if c.i < trigger.i and c.pos_ != "ADP"
                      and (c.dep_ == "dative" or c.dep_ in OBJECT_DEPS)]
        return found
    if role == "agent":
        return _agents(trigger)
    if role == "owner":
        return [c for c in trigger.children if c.dep_ in OWNER_DEPS and c.i < trigger.i]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" \
            and role not in ("owner", "subject", "object"):
        trigger = trigger.head  # "a mediation effort between X and Y", "peace talks with X"
    if role == "governor_subject":
        verb = governing_verb(trigger)
        if verb is None or (governors and not verb_forms(verb) & governors):
            return []
        return subjects(verb) or _agents(verb)
    if role == "between":
        return prep_objects(trigger, "between", governors)
    if role == "talks_parties":
        return _talks_parties(trigger)
    if role == "complement":
        return _complement_arguments(trigger)
    if role == "complement_subject":
        found = [_antecedent(c) for comp in complements(trigger) if comp.dep_ == "ccomp" or _content_clause(comp)
                 for c in comp.children if c.dep_ in SUBJECT_DEPS]
        verb = governing_verb(trigger) if trigger.pos_ == "NOUN" and not found else None
        if verb is not None:
            # "reiterated its demand that X ease ...": the parser hung the noun's "that" clause on its verb
            found = [_antecedent(c) for comp in verb.children if comp.dep_ == "ccomp" and comp.i > trigger.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in comp.children)
                     for c in comp.children if c.dep_ in SUBJECT_DEPS]
        return found
    if role == "condition":
        return _condition_subjects(trigger)
    if role == "purpose":
        return _purpose_parties(trigger)
    if role.startswith("prep:"):
        return prep_objects(trigger, role[5:], governors)
    return []


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or \
        (verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN")
         # ("Israeli air strikes killed 20 people", misread as a participle: a passive has no object)
         and not any(c.dep_ in ("dobj", "obj") for c in verb.children))


FLOATING = frozenset({"each", "both"})  # quantifiers that float after the subject they quantify
CLAUSE_PREPS = frozenset({"after", "before", "since", "until", "once", "as", "because"})


def subjects(verb: Token) -> list[Token]:
    """Who does what ``verb`` says, inherited through control, coordination and relative clauses."""
    if _verb_of_misread_name(verb):
        return [verb.head.head]
    misread = _clause_as_preposition(verb)
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _misread_subject(c)]
    if misread is not None and (not found or all(f.i < misread.i for f in found)) and not is_passive(verb):
        return [misread]  # "..., the latest sign of links restored after Saudi Arabia agreed to ...": Saudi Arabia
    # "The Red Cross operating in Iraq said": the parser made the participle the subject, the noun its own
    found = [next((g for g in t.children if g.dep_ in SUBJECT_DEPS), t)
             if t.pos_ == "VERB" and t.tag_ in ("VBG", "VBN") else t for t in found]
    if found:
        return [_floating(_antecedent(t)) for t in found]
    if is_passive(verb):
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    # "X said the launch was a violation and warned that ...": an act of speech after "and", parsed as part of
    # what X said, is X's own
    if verb.dep_ == "ccomp" and verb.lemma_.lower() in SPEECH_ACTS and head.lemma_.lower() in REPORTING \
            and any(t.dep_ == "cc" and (t.head.i == verb.i or t.head.head.i == head.i)
                    for t in verb.doc[head.i + 1:verb.i]) \
            and not any(c.dep_ == "mark" for c in verb.children):
        return subjects(head)
    main = main_clause_of_conjunct(verb)
    if main is not None:
        return subjects(main)
    # "X agreed to meet", "X arrived and met", "X visited Oslo to meet": the head's subject
    if verb.dep_ in ("xcomp", "conj", "advcl"):
        controllers = _controllers(head, verb)
        if controllers:  # object control: "invited X to visit", "put pressure on X to agree" -> X
            return controllers
        if verb.dep_ in ("xcomp", "conj") and is_passive(head):
            # "X is set to hold", "X was indicted and will resign"; "X said two children were killed and
            # recalled its ambassador": the reporting verb's subject, when the passive's is no one
            speaker = subjects(head.head) if verb.dep_ == "conj" and head.dep_ == "ccomp" \
                and head.head.lemma_.lower() in REPORTING else []
            return _passive_subjects(head) + speaker
        inherited = subjects(head)
        clause = head
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head  # "said the text would not help end the war and accused X": "help"
        if verb.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.i != clause.i:
            # "X noted that the talks are final, and invited Y": a coordinated verb phrase the parser hung
            # on the reported clause may belong to the reporting verb; its subject is a fallback, and the
            # first choice when the verb is itself an act of speech ("X said Y had fired on Z, and accused W")
            speaker = subjects(clause.head)
            # (not when the report comes last: "X and Y spoke and condemned it, the White House said")
            first = verb.lemma_.lower() in SPEECH_ACTS and clause.head.i < clause.i
            inherited = speaker + inherited if first else inherited + speaker
        return inherited
    # "X is willing to send troops": an adjective's subject is its copula's
    if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "oprd") and head.pos_ in ("AUX", "VERB"):
        return subjects(head)
    # "commended X for steering the summit", "accused X of shelling Y": the one judged did it
    if verb.dep_ in ("pcomp", "pobj") and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in ("for", "of") \
            and head.head.lemma_.lower() in JUDGING_VERBS:
        judged = [c for c in head.head.children if c.dep_ in ("dobj", "obj")]
        if judged:
            return judged
    # "after cutting a deal": the subject of the verb the preposition hangs on
    if verb.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        if joined_by(verb):  # "X was joined in voting no by Y and Z": all of them vote
            return _passive_subjects(head.head) + _agents(head.head) + _agents(verb)
        return subjects(head.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in STATEMENT_NOUNS \
            and head.dep_ in OBJECT_DEPS and head.head.lemma_.lower() in ISSUING_VERBS:
        return subjects(head.head)  # "X issued a statement condemning", "X sent a letter urging": X
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]  # "militias that attacked", "militias attacking"
    return []


def _floating(subject: Token) -> Token:
    """ "with Russia and Ukraine each concluding an agreement": a floating "each" or "both" as subject
    stands for the coordinated names just before it (the first of them)."""
    if subject.lower_ not in FLOATING or subject.i == 0:
        return subject
    before = subject.doc[subject.i - 1]
    if before.pos_ not in ("PROPN", "NOUN"):
        return subject
    while before.dep_ == "conj" and before.head.i < before.i:
        before = before.head
    return before


def _clause_as_preposition(verb: Token) -> Token | None:
    """ "convened after Russia on Friday vetoed a draft": the parser read the conjunction "after" as a
    preposition with "Russia" as its object and hung "vetoed" on the main verb; that object is the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for prep in verb.head.children if verb.dep_ in ("conj", "advcl") else ():
        if prep.dep_ != "prep" or prep.lower_ not in CLAUSE_PREPS or not prep.i < verb.i:
            continue
        for obj in prep.children:
            between = verb.doc[obj.i + 1:verb.i]
            if obj.dep_ == "pobj" and obj.i < verb.i and not any(t.pos_ in ("VERB", "AUX", "CCONJ") for t in between):
                return obj
    # ... or on a word further down, its object (with its conjuncts) right before the verb
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.lower_ == "," and before.head.i < before.i:
        before = before.head  # "after Ali Shamkhani, the head of the Council, came ...": past the apposition
    while before is not None and before.dep_ == "conj" and before.head.i < before.i:
        before = before.head
    if before is not None and before.dep_ == "pobj" and before.head.dep_ == "prep" \
            and before.head.lower_ in CLAUSE_PREPS and before.right_edge.i == verb.i - 1 \
            and before.head.head.i != verb.head.i:
        return before
    return None


def joined_by(verb: Token) -> bool:
    """ "X was joined in voting no by Y": the act of a passive "join" is done by its subject and its agents."""
    head = verb.head
    return verb.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ == "in" \
        and head.head.lemma_.lower() == "join" and is_passive(head.head)


def _controllers(head: Token, verb: Token) -> list[Token]:
    """Who is to perform an infinitive ``verb`` hanging on ``head`` by object control: the object of a
    control verb ("urged X to", "called on X to"), or X of a pressure noun's "on X" ("put pressure on X
    to agree"). Empty when the subject of ``head`` is the performer ("X visited Oslo to meet Y")."""
    if not infinitive(verb) and verb.dep_ != "xcomp":
        return []
    objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "xcomp" and objects:
        return objects  # "invited X to visit", "wants X to leave"
    lemma = head.lemma_.lower()
    if lemma in CONTROL_VERBS:
        if objects:
            return objects
        found = prep_objects(head, "on") + prep_objects(head, "upon")  # "called on X to"
        if found:
            return found
    for noun in objects:
        if noun.lemma_.lower() in PRESSURE_NOUNS:
            found = prep_objects(noun, "on") or prep_objects(head, "on")
            if found:
                return found
    return []


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _passive_subjects(verb: Token) -> list[Token]:
    found = [_antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"]
    if found:
        return found
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]  # "sanctions imposed against Iran", "facilities run by X"
    if verb.dep_ == "conj" and is_passive(verb.head):
        return _passive_subjects(verb.head)
    return []


def _objects(verb: Token) -> list[Token]:
    """The direct object ("the force, which X protested": the noun its relative pronoun stands for), or in
    the passive the subject ("Iran was attacked")."""
    found = [_antecedent(c) for c in verb.children if c.dep_ in OBJECT_DEPS]
    if found:
        return found
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and not is_passive(verb) \
            and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
        return [verb.head]  # "a charge Iran denies": the noun a clause without its relative pronoun is about
    if _verb_of_misread_name(verb):
        return [verb.head]  # "ECOWAS imposed sanctions": the noun the verb was hung on is its object
    if is_passive(verb):
        return _passive_subjects(verb)
    # "ECOWAS closed land and air borders with Niger, suspended ...": the parser made the object the
    # subject of the next coordinated verb
    return [c for conj in verb.children if conj.dep_ == "conj" for c in conj.children if _misread_subject(c)]


def _talks_parties(trigger: Token) -> list[Token]:
    """The parties "between" or "among" whom the talks a third party brings about are held: "facilitated
    talks between X and Y", "talks between X and Y facilitated by Z", "talks between X and Y were held under
    the auspices of Z"."""
    talks = _objects(trigger)
    if trigger.dep_ == "acl":
        talks.append(trigger.head)
    if trigger.dep_ == "advcl" and (is_passive(trigger) or any(c.dep_ == "agent" for c in trigger.children)):
        talks += [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]  # "after talks mediated by Z"
    verb = governing_verb(trigger) if trigger.pos_ == "NOUN" else None
    if verb is not None:
        talks += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [g for noun in talks for p in noun.children if p.dep_ == "prep" and p.lower_ in ("between", "among")
             for g in p.children if g.dep_ == "pobj"]
    if not found:
        # "X and Y exchanged prisoners in a deal mediated by Z": the parties of the act the deal is "in"
        found = [s for noun in talks if noun.dep_ == "pobj" and noun.head.dep_ == "prep"
                 and noun.head.head.pos_ == "VERB" for s in subjects(noun.head.head)]
    if not found and trigger.dep_ == "advcl" and talks:
        # "X and Y agreed ..., after talks in Ankara mediated by Z": the parties of the clause it follows
        found = [s for s in subjects(trigger.head) if s.pos_ in ("PROPN", "NOUN", "PRON")]
    return found


def _misread_name(token: Token) -> bool:
    """An acronym opening its sentence that the tagger took for a verb ("ECOWAS imposed sanctions": ECOWAS
    the root, "imposed" a modifier of "sanctions")."""
    return token.i == token.sent.start and token.pos_ == "VERB" and token.text.isupper() and len(token.text) > 2


def _verb_of_misread_name(verb: Token) -> bool:
    """The sentence's real verb, hung as a modifier on the object of a misread name."""
    return verb.dep_ == "amod" and verb.pos_ == "VERB" and verb.head.dep_ in OBJECT_DEPS \
        and _misread_name(verb.head.head) and verb.i == verb.head.head.i + 1


def _misread_subject(token: Token) -> bool:
    """A "subject" of a coordinated verb that directly follows the first verb is that verb's object."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.dep_ == "conj" and verb.head.pos_ == "VERB" \
        and token.left_edge.i - 1 == verb.head.i and token.i < verb.i


def _agents(token: Token) -> list[Token]:
    """'by X' of a passive verb, of an event noun ('a visit by X', 'the signing of the accord by X'), or of
    a participle that modifies a noun ('attacks carried out by X')."""
    heads: list[Token] = []
    # ("talks brokered by X": X is a third party, not who holds the talks)
    holders = [token] + [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() not in MEDIATING]
    if token.pos_ == "NOUN":  # "the signing of the accord by X": "by" may hang on the noun after "of"
        holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
    for verb in holders:
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and verb is token
                                         and (is_passive(verb) or verb.pos_ == "NOUN")) \
                    or (child.dep_ == "prep" and child.lower_ == "by" and verb.dep_ == "pobj"):
                heads += [g for g in child.children if g.dep_ == "pobj"]
    return heads


def prep_objects(token: Token, word: str, governors: frozenset[str] = frozenset()) -> list[Token]:
    """Objects of the preposition ``word`` on the trigger, on a participle modifying it ("attacks carried
    out by X against Y"), or on the light verb a noun trigger is the object of ("imposed sanctions on X")."""
    heads: list[Token] = []
    participles = [c for c in token.children if c.dep_ == "acl"]
    holders = [token, *participles]
    # "an attack carried out by X on Y": the parser often hangs "on Y" on X
    holders += [g for p in participles for a in p.children if a.dep_ == "agent" for g in a.children
                if g.dep_ == "pobj"]
    if token.pos_ in ("NOUN", "PROPN"):
        verb = governing_verb(token)
        if verb is not None and (bool(verb_forms(verb) & governors) if governors else token.dep_ in OBJECT_DEPS):
            holders.append(verb)  # "imposed sanctions on X", "engaged in ethnic cleansing against X"
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "prt", "dative") and child.lower_ == word:
                heads += [g for g in child.children if g.dep_ == "pobj"]
                # "prepared for talks with X" is not "talks" but keep "between X and Y" whole
        if heads:
            break
    if not heads and token.pos_ == "VERB" and word in OBJECT_ATTACHED_PREPS:
        # "shared evidence with the U.S.": the parser often hangs the verb's preposition on its object
        # (not a noun that names a relation with someone: "discussed the deal with Russia")
        heads = [g for obj in token.children if obj.dep_ in OBJECT_DEPS and obj.lemma_.lower() not in RELATION_NOUNS
                 for child in obj.children if child.dep_ == "prep" and child.lower_ == word
                 for g in child.children if g.dep_ == "pobj"]
    if not heads and token.pos_ == "VERB":
        # "suspended the claims it brought against X", "lifted the sanctions it had imposed on X": the
        # preposition of a relative clause on the object, where the thing acted on was aimed
        heads = [g for obj in token.children if obj.dep_ in OBJECT_DEPS for rel in obj.children
                 if rel.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("it", "they", "he", "she", "we")
                                                  for c in rel.children)
                 for child in rel.children if child.dep_ == "prep" and child.lower_ == word
                 for g in child.children if g.dep_ == "pobj"]
    return heads


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is the object (or prepositional object) of: 'held talks', 'on a visit'."""
    token = noun
    for _ in range(3):
        if token.dep_ in ("dobj", "obj", "attr", "nsubjpass", "oprd"):
            if _misread_name(token.head):
                return next((c for c in token.children if _verb_of_misread_name(c)), None)
            return token.head if token.head.pos_ in ("VERB", "AUX") else None
        clause = token.head
        if token.dep_ == "nsubj" and clause.dep_ in ("ccomp", "xcomp") and clause.head.pos_ == "VERB" \
                and token.left_edge.i - 1 == clause.head.i \
                and infinitive(clause):
            # "reiterates its call on X to release Y": the parser made the object the infinitive's subject
            return clause.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
            if token.pos_ in ("VERB", "AUX"):
                return token
            continue
        return None
    return None


def _content_clause(clause: Token) -> bool:
    """ "its demand [that Israel ease restrictions]": a "that" clause stating what a noun says."""
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _condition_subjects(trigger: Token) -> list[Token]:
    """Who a condition is put to: "threatened to strike unless X rescinded ...", "will withdraw if X ..."."""
    heads: list[Token] = []
    for holder in [trigger, *complements(trigger)]:
        for clause in holder.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                              for m in clause.children):
                heads += [_antecedent(c) for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return heads


def complements(verb: Token) -> list[Token]:
    """The clauses and objects a verb governs: 'refused [to meet]', 'demanded [a meeting]',
    'insisted on [having]', 'called for [talks]', a noun's 'demand [that X ease ...]'."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS or child.dep_ in OBJECT_DEPS or _content_clause(child):
            out.append(child)
        elif child.dep_ == "prep" and (child.lower_ in ("on", "for", "to", "about", "of") or amount_kind(child)):
            out += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "advcl" and any(g.lower_ == "to" and g.dep_ == "aux" for g in child.children) \
                and child.i > verb.i:
            out.append(child)  # "threatened [...] to break relations", an infinitive parsed as advcl
    return out


def _complement_arguments(trigger: Token) -> list[Token]:
    """The other party named inside a governed clause: 'threatened to cut off electricity to X',
    'demanded that X cancel', 'refused to share capabilities with X', 'urged X to support'."""
    heads: list[Token] = []
    for comp in complements(trigger):
        if comp.dep_ in OBJECT_DEPS or comp.dep_ == "pobj":
            heads.append(comp)
            for word in COMPLEMENT_PREPS:
                heads += prep_objects(comp, word)
            # "pledged 1.8 billion euros in investment for Moldova": the recipient of what the amount is in
            heads += [g for kind in prep_objects(comp, "in") for word in ("for", "to")
                      for g in prep_objects(kind, word)]
            continue
        if comp.dep_ == "ccomp":
            heads += [c for c in comp.children if c.dep_ in SUBJECT_DEPS]
        heads += [c for c in comp.children if c.dep_ in OBJECT_DEPS or c.dep_ == "dative"]
        for word in COMPLEMENT_PREPS:
            heads += prep_objects(comp, word)
        for obj in [c for c in comp.children if c.dep_ in OBJECT_DEPS]:
            for word in COMPLEMENT_PREPS:
                heads += prep_objects(obj, word)
    return heads


JOINING_VERBS = frozenset({"join", "enter"})
MEMBER_NOUNS = frozenset({"member", "membership", "part"})
BUYING_VERBS = frozenset({"buy", "purchase", "acquire", "import", "procure", "lease"})
SELLING_VERBS = frozenset({"sell", "supply", "deliver", "export", "provide", "transfer"})


def _purpose_parties(trigger: Token) -> list[Token]:
    """The other party an infinitive of purpose on the trigger or on its object names: the organisation
    the signer joins ("signed a memorandum to become a member of the SCO", "signed the protocol to join
    NATO"), the seller of what it buys ("an agreement to buy fighter planes from Russia") or the buyer of
    what it sells ("a deal to supply gas to Hungary")."""
    heads: list[Token] = []
    holders = [trigger, *(c for c in trigger.children if c.dep_ in OBJECT_DEPS)]
    if trigger.pos_ == "VERB" and is_passive(trigger):
        holders += [c for c in trigger.children if c.dep_ in ("nsubjpass", "nsubj")]  # "an agreement was signed"
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in ("advcl", "acl", "xcomp", "relcl") or not infinitive(clause):
                continue
            lemma = clause.lemma_.lower()
            if lemma in JOINING_VERBS:
                heads += [c for c in clause.children if c.dep_ in OBJECT_DEPS]
            elif lemma == "become":
                heads += [g for c in clause.children if c.dep_ in ("attr", "oprd")
                          and c.lemma_.lower() in MEMBER_NOUNS for g in prep_objects(c, "of")]
            elif lemma in BUYING_VERBS:
                heads += prep_objects(clause, "from")
            elif lemma in SELLING_VERBS:
                heads += prep_objects(clause, "to") + [c for c in clause.children if c.dep_ == "dative"]
    return heads


def prep_attached(token: Token, word: str) -> bool:
    return any(c.dep_ in ("prep", "prt") and c.lower_ == word for c in token.children)


def amount_kind(prep: Token) -> bool:
    """ "pledged 5 billion dollars in aid to Ukraine": "in" with a bare common noun beside an amount says what
    the amount is of (the parser hangs it on the verb)."""
    verb = prep.head
    return prep.dep_ == "prep" and prep.lower_ == "in" \
        and any(o.dep_ in OBJECT_DEPS and (o.ent_type_ == "MONEY" or any(c.dep_ == "nummod" for c in o.children))
                for o in verb.children) \
        and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in g.children)
                for g in prep.children)


def _means(prep: Token) -> bool:
    """ "by phone", "by video link": "by" with a bare common noun says how, not by whom or when."""
    return prep.lower_ == "by" and any(g.dep_ == "pobj" and g.pos_ == "NOUN"
                                       and not any(c.dep_ in ("det", "poss") for c in g.children)
                                       for g in prep.children)


def theme_lemmas(trigger: Token) -> set[str]:
    """Lemmas that say what an event is about, for refinements: its object, complement and prepositional
    phrases and, for a noun, its modifiers ("military aid", "sanctions on oil")."""
    words: set[str] = set()
    # a condition is not the theme: "threatened to strike unless X lifted the ban" is no threat of a ban
    conditions = {t.i for c in trigger.subtree if c.dep_ == "advcl" and c.i != trigger.i
                  and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children) for t in c.subtree}
    # ... nor a deed the parser hung on what is foretold ("warning that they could use force ..., and
    # imposed sanctions")
    conditions |= {t.i for c in trigger.subtree if c.i != trigger.i and detached_deed(c) for t in c.subtree}
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass", "punct", "cc", "conj", "aux", "auxpass", "neg", "advmod", "mark",
                          "det") or (child.dep_ == "agent" and not _means(child)):
            continue
        if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE_PREPS and not _means(child) \
                and not amount_kind(child):
            continue
        words.update(t.lemma_.lower() for t in child.subtree if t.i not in conditions)
        words.update(t.lower_ for t in child.subtree if t.i not in conditions)
    return words
