"""The event coder: triggers -> patterns -> argument frames -> coded events with modality.

Reads: a parsed spaCy ``Doc`` and its actor ``Mention``s. Returns: ``CodedEvent`` records (token indices
and resolved actors), one per trigger and actor pair. Dates and places are attached by later stages.

Per sentence:
1. triggers: tokens whose lemma and part of speech match a pattern and whose conditions hold (one pattern
   per token: a conditioned pattern, "send" + envoy, wins over a plain one, "send");
2. governance: a trigger inside the complement or object of a ``governs`` trigger ("refused to [meet]",
   "threatened to [attack]", "rejected the [deal]") is not coded on its own; it refines the outer code
   and may lend it a target. A ``reporting`` trigger ("said") is coded only when the sentence holds no
   other trigger;
3. frames: sources and targets from the pattern's roles; coordination and group references ("the two
   sides") give one event per actor pair; no event without a source, nor without a target unless the
   pattern allows it;
4. precision: one event per trigger and actor pair, one per category and actor pair in a sentence, and a
   definite nominal ("Abdollahian's visit to Moscow") that repeats an event already coded in the document
   is a reference to it, not a new event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from dragoman.actors.coref import sentence_window
from dragoman.actors.discourse import STATE_KINDS
from dragoman.actors.mentions import Mention, phrase_words
from dragoman.events.arguments import (
    CONTROL_VERBS,
    GUESSED,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    MentionIndex,
    complements,
    governing_verb,
    joined_by,
    prep_attached,
    prep_objects,
    role_heads,
    subjects,
    theme_lemmas,
    verb_forms,
)
from dragoman.events.dictionary import VerbDictionary
from dragoman.events.modality import (
    CONDITIONAL_MARKS,
    REPORTING,
    TIME_PREPS,
    clause_chain,
    detached_deed,
    infinitive,
    read_modality,
)
from dragoman.events.patterns import Pattern, PatternSet
from dragoman.records import Actor, Attribution

MAX_GOVERNANCE_DEPTH = 6  # tokens between a governing trigger and a trigger it governs
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their"})
# Head nouns that a noun trigger may modify and still name its event: "a mediation effort", "a peace
# mission". Before any other noun a trigger is a modifier ("war games", "war crimes", "protest movement").
LIGHT_HEADS = frozenset({"effort", "mission", "bid", "attempt", "campaign", "process", "initiative", "drive",
                         "operation", "round", "plan", "programme", "program", "move"})
# Prepositions that put a noun trigger in the background of the clause: the reason or the time of what
# the sentence reports ("closed its borders because of fighting between X and Y", "after the talks").
BACKGROUND_PREPS = frozenset({"after", "following", "despite", "amid", "amidst", "during", "because", "since",
                              "before", "over"})
# Planning cues that report someone else's expectation rather than the actor's announced intention.
EXPECTATION_CUES = frozenset({"expected", "expect", "expects", "due", "likely", "scheduled"})
# Where an event without a named target takes place: "demonstrated in Serbia", "a curfew in Abidjan".
PLACE_PREPS = frozenset({"in", "throughout", "across", "outside", "at", "inside"})
PATH_PREPS = frozenset({"over"})  # where a weapon went: "a missile that flew over Japan"
AIM_PREPS = frozenset({"on", "against", "into"})  # where force was aimed: "a strike on Kharkiv"
# Nouns that name an event already reported ("condemned the killings", "welcomed the deal"), besides the
# noun triggers of the patterns; and which of them name a conflictual act.
CONFLICT_NOUNS = frozenset({"killing", "massacre", "shooting", "bombing", "blast", "explosion", "launch", "raid",
                            "incursion", "invasion", "coup", "takeover", "crackdown", "violence", "abduction",
                            "kidnapping", "execution", "incident", "provocation", "test", "aggression"})
EVENT_NOUNS = CONFLICT_NOUNS | frozenset({"agreement", "deal", "accord", "decision", "move", "announcement",
                                          "ceasefire", "truce", "release", "exchange"})
# Acts whose target a story may leave unnamed, to be read from the story (its other party, its aggressor).
IMPLICIT_ROOTS = frozenset({"01", "11", "12", "13", "16", "17", "18", "19", "20"})
# Concern and criticism that name no one: aimed at whoever has been using force or coercion.
JUDGING_ROOTS = frozenset({"01", "11"})
VERBAL_ROOTS = frozenset({1, 2, 3, 4, 5, 10, 11, 12, 13})  # CAMEO's verbal quad classes
# what a group says together ("the two leaders reaffirmed that ...", "both sides rejected the report") is no
# act of its members on one another
SAID_TOGETHER = frozenset({"01", "10", "11", "12", "13"})
ACTING_ROLES = frozenset({"subject", "governor_subject", "agent"})
DEMONSTRATION, OFFICIAL_PROTEST = "141", "114"
SETTLEMENT_CODES = ("057", "087")  # agreements signed and de-escalations: between parties, never organs at work
AGGRESSIVE_ROOTS = frozenset({13, 15, 16, 17, 18, 19, 20})
PARTNERSHIP_ROOTS = frozenset({3, 4, 5, 6})  # intentions, consultations, diplomatic and material cooperation
VIOLENT_PROTEST = frozenset({"145", "1451", "1452", "1453", "1454"})  # riots count as force for "the aggressor"
DECIDER = "subject of the decision list"
ACTING_EVENT = "the act it names"  # the source role of "the attack killed ..."
ACTING_NOTES = frozenset(f"source by {role}" for role in ACTING_ROLES)
COUNTERPART_MIN = 3  # mentions a party needs to be the story's counterpart
PARTY_SECTORS = frozenset({"REB", "INS", "OPP", "UAF", "CVL"})  # groups that are parties of their own in a story
# Uses of force whose target may be the state where they happen ("struck targets in Yemen").
FORCE_ROOTS = frozenset({"18", "19", "20"})
FORCE_ROOT_NUMBERS = frozenset(int(root) for root in FORCE_ROOTS)
MEASURE_ROOTS = frozenset({"16", "17"})  # sanctions and restrictions: a verb applying one is no reaction to it
LIST_MARKS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "finally", "-", "•", "*"})
LIST_ITEMS = 6  # items back in which a decision list may find the sentence that introduces it
CHARGE_NOUNS = frozenset({"charge", "claim", "accusation", "allegation"})  # ", a charge X denied"
GENERIC_EVENT_NOUNS = frozenset({"decision", "move", "announcement", "step"})
SAID_ROOTS = frozenset({1, 2, 10, 11, 13})  # statements, appeals, demands, disapproval, threats
PERIODS = frozenset({"year", "month", "week", "day"})
DOCUMENT_NOUNS = frozenset({"resolution", "communique", "communiqué", "declaration", "draft", "text"})
# what a body votes on, judged by others ("welcomed the vote", "rejected the resolution")
VOTED_NOUNS = DOCUMENT_NOUNS | frozenset({"vote", "ballot"})
JUDGED_TEXT_ROOTS = frozenset({"01", "05", "11", "12"})  # statements, support, criticism, rejection
BODY_WINDOW_TOKENS = 120  # how far back "the resolution" may find the body that votes on it
# what may answer an act reported before ("condemned the killings", "welcomed the deal", "dropped those
# duties", "would respond to any attack"): statements, appeals, support, yielding, demands, criticism,
# rejection, threats, protest, reductions of relations, force in return; not meetings, visits or aid
# Acts aimed at their object whatever they govern ("accused X of attacking Y": X)
JUDGED_OBJECT_ROOTS = frozenset({"11", "12"})
# Acts of words that make a demand, proposal, offer or charge (not consultations or cooperation)
CLAIMING_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
# Answers to a demand, proposal or offer ("rejected the demand", "accepted the proposal")
ANSWERING_ROOTS = frozenset({"03", "05", "08", "12"})
PROPOSAL_NOUNS = frozenset({"demand", "proposal", "offer", "request", "plan", "idea", "suggestion", "condition",
                            "conditions", "ultimatum", "call", "appeal", "initiative", "criticism", "accusation",
                            "accusations", "charge", "charges", "allegation", "allegations", "condemnation",
                            "claim", "claims", "warning", "threat"})
REACTION_ROOTS = frozenset({"01", "02", "05", "08", "10", "11", "12", "13", "14", "16", "17", "18", "19", "20"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5}
REFERENCE_WINDOW = 2  # sentences back in which "the attack" may find the attack it names by its kind
# Statements that answer an earlier event: a denial answers an accusation (its accuser is the target), a
# claim of responsibility claims a use of force (its target is the target).
ANSWERS = {"016": (frozenset({"11", "12"}), "accuser"), "015": (frozenset({"18", "19", "20"}), "target")}
# Verbs whose object is followed by what it is judged to be ("called X reckless", "described X as").
WISHING = frozenset({"want", "wish", "prefer", "like"})  # "wants X to do": X's act is only wished
# Verbs that address what they report to someone ("notified X that it objected", "told X it would not
# attend"): the addressee is the other party of an act reported without one.
ADDRESSED_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13", "16"})  # acts of speech, to someone
ADDRESSING = frozenset({"tell", "inform", "notify", "assure", "brief", "warn", "remind", "write", "signal"})
# verbs whose object says what was done ("committed a violation", "posed a threat")
DOING = frozenset({"commit", "perpetrate", "pose", "constitute", "represent", "face", "cause", "carry", "wage"})
JUDGING = frozenset({"call", "describe", "label", "brand", "term", "characterize", "characterise", "hail"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
INTERNAL_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
# Intentions and refusals that are complete without a target when what they intend or refuse is: "agreed to
# resign", "refused to step down" (an appeal or a threat still needs someone it is made to or aimed at)
UNTARGETED_INTENT_ROOTS = frozenset({"03", "12"})
MODIFIER_DEPS = frozenset({"amod", "compound", "acl", "relcl", "nmod", "appos"})  # participles inside a noun
DEMAND_ROOT, PROTEST_ROOT, YIELD_ROOT = "10", "14", "08"
OUTWARD_ROOTS = frozenset({"15", "16"})  # never aimed at the source's own organs
THREAT, UNLESS = "130", frozenset({"unless"})
PURPOSE_HOST_ROOTS = frozenset({"14", "19"})  # protests and blockades made "to demand" something


@dataclass(frozen=True)
class CodedEvent:
    sentence_index: int
    sentence_start: int  # token index of the sentence start
    trigger: int  # token index
    pattern: Pattern
    source: Mention
    target: Mention | None
    modality: str
    attribution: Attribution | None
    start_char: int
    end_char: int
    confidence: float
    notes: tuple[str, ...] = ()
    cameo: str = ""  # the final code: the pattern's, or a refinement of it ("refused to meet" -> 125)

    @property
    def code(self) -> str:
        return self.cameo or self.pattern.cameo


@dataclass
class _Trigger:
    token: Token
    pattern: Pattern
    inner: list[_Trigger] = field(default_factory=list)
    governed: bool = False


class EventCoder:
    def __init__(self, patterns: PatternSet, verbs: VerbDictionary | None = None) -> None:
        self.patterns = patterns
        self.verbs = verbs  # the field's verb dictionary, for verbs no hand-written pattern knows

    def code(self, doc: Doc, mentions: list[Mention], places: Mapping[int, str] | None = None,
             dateline: str | None = None) -> list[CodedEvent]:
        """The events of ``doc``; ``places`` maps the tokens of place names that are no actor mention
        ("Garissa", "Tel Aviv", "the Barmal district") to their country, for acts done there; ``dateline``
        is the state of the story's dateline, if any (the host of a visit that names no destination)."""
        index = MentionIndex(mentions, places, dateline)
        events: list[CodedEvent] = []
        halves: list[CodedEvent] = []  # acts with a source and no target: referents of "the attack", not events
        for s_index, sent in enumerate(doc.sents):
            triggers = self._triggers(sent)
            _govern(triggers)
            _merge_verb_objects(triggers)
            _purpose_demands(triggers)
            _results_of_force(triggers)
            reporting_only = all(t.pattern.kind == "reporting" for t in triggers)
            sentence_events: list[CodedEvent] = []
            for trigger in triggers:
                if trigger.governed or (trigger.pattern.kind == "reporting" and not reporting_only):
                    continue
                coded = self._frame(sent, s_index, trigger, index, events + sentence_events, halves)
                complete = _complete_untargeted(trigger)
                sentence_events += [e for e in coded if e.target is not None or e.pattern.target_optional
                                    or (complete and e.modality != "hypothetical")]
                halves += [e for e in coded if e.target is None and not e.pattern.target_optional
                           and not (complete and e.modality != "hypothetical")]
            events += _one_per_dyad(sentence_events, doc)
        events = _judged_later(doc, events, halves)
        return _drop_references([e for e in events if not _within_one_state(e) and not _guessed_self(e)
                                 and not _capability(e, doc, index)], doc)

    def _triggers(self, sent: Span) -> list[_Trigger]:
        found: list[_Trigger] = []
        for token in sent:
            candidates = self.patterns.for_token(token.lemma_, token.pos_)
            if not candidates and token.pos_ != "VERB":
                continue  # no pattern, and no verb for the dictionary: nothing below would be found
            if _description(token) or _habitual(token):
                continue
            if not candidates and token.pos_ == "VERB" and self.verbs is not None \
                    and not self.patterns.for_token(token.lemma_, "VERB") and not self._light(token):
                found_pattern = self.verbs.pattern_for(token)
                if found_pattern is not None:
                    found.append(_Trigger(token, found_pattern))
                continue
            if candidates and token.pos_ == "NOUN" and (_modifier(token) or _background(token)):
                continue
            chosen: Pattern | None = None
            for pattern in candidates:
                if not _conditions_hold(token, pattern):
                    continue
                if chosen is None or _specificity(pattern) > _specificity(chosen):
                    chosen = pattern
            if chosen is not None:
                found.append(_Trigger(token, chosen))
        return found

    def _light(self, verb: Token) -> bool:
        """The verb is the light verb of a noun a hand-written pattern codes ("held talks", "imposed
        sanctions"): the noun is the event, not the verb."""
        lemma = verb.lemma_.lower()
        # the noun is its object, or the object of its preposition ("remained on alert", "went on strike")
        nouns = [c for c in verb.children if c.dep_ in ("dobj", "obj")] \
            + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(any(
            (not p.governors or lemma in p.governors) and (not p.with_governor or lemma in p.with_governor)
            for p in self.patterns.for_token(c.lemma_, "NOUN")) for c in nouns)

    def _frame(self, sent: Span, s_index: int, trigger: _Trigger, index: MentionIndex,
               earlier: list[CodedEvent], halves: list[CodedEvent]) -> list[CodedEvent]:
        """The events of one trigger; those without the target their pattern needs are returned too, for
        the caller to keep as referents only."""
        token, pattern = trigger.token, trigger.pattern
        sources, source_role = _fill(token, pattern.source, pattern, index)
        if not sources and pattern.domestic:
            sources, source_role = _people_of_place(token, index)

        @cache
        def referents() -> list[CodedEvent]:
            """The acts coded before this trigger, events and halves, in text order: sorted only when a
            reference needs them (a long document has thousands of triggers)."""
            return sorted(earlier + halves, key=lambda e: e.trigger)

        if not sources and pattern.cameo[:2] in FORCE_ROOTS:
            sources, source_role = self._acting_event(token, referents(), s_index)
        if not sources:
            sources, source_role = _decided_by(token, pattern, index)
        if not sources and _said_by_a_text(token):
            # "the resolution deplores ...", "the communique called on ...": the body whose text it is
            sources, source_role = _body(token, index), "body (its text)"
        victims: tuple[list[Mention], str] | None = None
        if not sources and _unattributed(token, pattern):
            # "Twenty Indian soldiers were killed at Galwan": killed by the story's other side; "an agreement
            # was signed to buy fighter planes from Russia": signed by the story's other party
            victims = _fill(token, pattern.target, pattern, index)
            sources, source_role = _counterpart(token, victims[0], index) if victims[0] else ([], "")
        if not sources:
            return []
        targets, target_role = victims if victims is not None else _fill(token, pattern.target, pattern, index)
        targets = _partners(targets, trigger, sent.doc)
        if pattern.cameo[:2] in OUTWARD_ROOTS and not pattern.domestic:
            # "recalled its ambassador", "expelled its own diplomats": relations are cut with another state;
            # "massed troops for an offensive against X": a force posture is aimed at X, not the troops
            targets = _not_own_state(targets, sources)
            target_role = target_role if targets else ""
        if target_role in ("complement_subject", "complement") and pattern.cameo[:2] == THREAT[:2]:
            targets = _not_own_state(targets, sources)
            target_role = target_role if targets else ""
        if not targets and pattern.kind != "reporting" and pattern.pos == "VERB" \
                and pattern.cameo[:2] in JUDGED_TEXT_ROOTS \
                and any(o.lemma_.lower() in VOTED_NOUNS and _definite(o) for o in role_heads(token, "object")):
            # "China welcomed the vote", "Israel rejected the resolution": the body whose vote it was
            own = {_party(s) for s in sources}
            targets = [m for m in _body(token, index) if _party(m) not in own]
            target_role = "body (its vote)" if targets else ""
        if not targets and pattern.kind in ("event", "governs") and pattern.pos == "VERB" \
                and pattern.cameo[:2] in REACTION_ROOTS:
            # ("Iran rejected the deal": a refusal, too, answers the act its object names)
            targets, target_role = self._event_reference(token, sources, referents(), s_index, pattern.cameo[:2])
        if not targets and pattern.kind != "reporting" and pattern.pos == "VERB" \
                and pattern.cameo[:2] in ANSWERING_ROOTS:
            targets, target_role = _proposer(token, sources, index, referents())
        if not targets and pattern.cameo == VISIT and index.dateline is not None \
                and index.dateline not in {s.actor.country for s in sources}:
            # "NEW DELHI - ... during a visit by Bangladeshi Prime Minister Sheikh Hasina": to the dateline's state
            targets = [_implied_state(token, index.dateline, "implied:the dateline's state")]
            target_role = "the dateline's state"
        if not targets and pattern.cameo in ANSWERS:
            targets, target_role = _answered(token, sources, earlier, pattern.cameo)
        if not targets and pattern.cameo[:2] in FORCE_ROOTS:
            targets, target_role = _place_target(token, index)
        if not targets and pattern.kind == "event" and pattern.cameo[:2] in ADDRESSED_ROOTS:
            targets, target_role = _addressee(token, sources, index)
        doc = sent.doc
        source_keys = {_key(m.actor) for m in sources}
        source_codes = {m.actor.code for m in sources}  # "the security chief warned that police ...": one party
        if not [t for t in targets if _key(t.actor) not in source_keys and t.actor.code not in source_codes] \
                and pattern.kind == "governs" \
                and not (pattern.target[:1] == ("object",) and pattern.cameo[:2] in JUDGED_OBJECT_ROOTS
                         and any(o.pos_ == "PRON" or _unknown_name(o) for o in role_heads(token, "object"))):
            # (not when the one accused is named but not known: "accusing it of attacking police" does not
            # accuse the police)
            targets, target_role = _borrowed_targets(trigger, pattern, index, source_keys)
            targets = _partners(targets, trigger, doc)
            if pattern.cameo[:2] == THREAT[:2]:
                targets = _not_own_state(targets, sources)
        acting = (source_role in ACTING_ROLES or source_role.startswith(ACTING_EVENT) or source_role == DECIDER) \
            and not pattern.id.startswith("petrarch:")
        if not targets and pattern.kind != "reporting" and pattern.cameo[:2] in IMPLICIT_ROOTS \
                and not pattern.target_optional and not pattern.domestic and acting \
                and not (pattern.cameo[:2] == "17" and pattern.target[:1] == ("object",)
                         and role_heads(token, "object")) \
                and not (pattern.cameo[:2] in JUDGING_ROOTS
                         and any(_unknown_name(o) for o in role_heads(token, "object"))) \
                and not (pattern.cameo[:2] == THREAT[:2] and pattern.kind == "governs"
                         and not any(_conflictual(t.pattern.cameo) for t in trigger.inner)):
            # (coercion whose object names no party acts on a thing, not on the story's other side: "seized
            # power", "confiscated the cargo"; a warning that names no one threatens the story's other side
            # only with a hostile act of the speaker's: "warned that Pyongyang would respond", not "cautioned
            # that rebuilding trust would take time")
            # (only force reported before settles it here; else the whole story is weighed once it is read)
            # (force on a thing of no one's by a third party names neither of the story's two sides: "the
            # Houthis struck ships in the Red Sea", in a story of Saudi Arabia and Iran)
            targets, target_role = _aggressor(token, sources, referents(), force_only=True) \
                if pattern.cameo[:2] in JUDGING_ROOTS \
                else _counterpart(token, sources, index, third_party_ok=not (
                    pattern.cameo[:2] in FORCE_ROOTS and bool(role_heads(token, "object"))))
        collective = bool(targets) and (target_role == "talks_parties" or all(_between(t, doc) for t in targets))
        pairs = _pairs(sources, targets, pattern, collective=collective)
        if not targets and _each(token):
            pairs = []  # "Russia and Ukraine each concluded an agreement (with others)": not with each other
        if not targets and pattern.mutual and source_role == "governor_subject" and prep_objects(token, "between"):
            pairs = []  # "Egypt and Saudi Arabia hosted talks between the two sides": hosts, not its parties
        if not targets and _reciprocal(token):
            # "the two sides accused each other": every pair of the subjects, once
            members = _unique([m for s in sources for m in _members(s)])
            if len(members) > 1:
                pairs, target_role = list(combinations(members, 2)), "each other"
        hosted = _hosted_parties(token, pattern, targets, target_role, source_role, pairs)
        if hosted:
            # "X hosted a meeting between Y and Z": X met each of them, and Y and Z met one another
            pairs += hosted
        if pattern.domestic:
            pairs = [(s, t if t is not None else _domestic(token, s, index, pattern.target_optional))
                     for s, t in pairs]
            target_role = target_role or "place or source's state"
            if pattern.cameo[:2] in FORCE_ROOTS and any(t is None for _, t in pairs) and acting:
                # force that names no victim and no place: aimed at the other party of the story
                implied, role = _counterpart(token, sources, index)
                pairs = [(s, t if t is not None else next(iter(implied), None)) for s, t in pairs]
                target_role = role if implied else target_role
        inward = next((t for t in trigger.inner if t.pattern.domestic and t.token.dep_ not in MODIFIER_DEPS), None)
        if inward is not None and not pattern.domestic and any(t is None for _, t in pairs):
            # "threatened to impose a curfew in Algiers": aimed where the inward measure it governs would apply
            pairs = [(s, t if t is not None else _domestic(inward.token, s, index, inward.pattern.target_optional))
                     for s, t in pairs]
            target_role = target_role or f"place or source's state of {inward.token.text!r}"
        if not pairs:
            return []
        code = _refined(trigger)
        if code[:2] == DEMONSTRATION[:2] and token.dep_ == "advcl" \
                and infinitive(token):
            return []  # "summoned the diplomat to protest", "marched to protest the law": the act is the verb's
        if code == DEMONSTRATION and all(_state_itself(s, doc) for s, _ in pairs):
            # "The Philippines protested": a state does not take to the streets; it complains officially,
            # to whoever has been acting against it, not to its own people
            code = OFFICIAL_PROTEST
            against, target_role = _aggressor(token, sources, referents())
            pairs = [(s, t if t is not None and t.actor.country != s.actor.country else next(iter(against), None))
                     for s, t in pairs]
            pairs = [(s, t) for s, t in pairs if t is not None]
            if not pairs:
                return []
        if _wished_of_another(token):
            return []
        reading = read_modality(token)
        out = []
        for source, target in pairs:
            modality, reporter, cue = reading.modality, reading.reporter, reading.cue
            if reporter is not None and source_role == "subject" and _outside(source, reading.reporting_verb):
                # "X noted that ..., and invited Y": X's own act, not something X reports
                modality, reporter, cue = "asserted", None, None
            attribution = _attribution(reporter, index) if reporter is not None else None
            final = code
            if (modality == "planned" and not (_conflictual(code) and (cue or "").lower() in EXPECTATION_CUES)) \
                    or (modality == "hypothetical" and _conflictual(code) and _conditional(token)):
                final = self.patterns.intent_code(code) or code
            if modality in ("planned", "hypothetical") and not _conflictual(code) and not final.startswith("13") \
                    and _conditional(token, UNLESS):
                final = THREAT  # "will withdraw its peacekeepers unless X ...": an ultimatum, not an intention
            tokens = [token.i, source.start, source.end - 1]
            if target is not None:
                tokens += [target.start, target.end - 1]
            last = doc[max(tokens)]
            notes = (f"source by {source_role}",) + ((f"target by {target_role}",) if target else ()) \
                + ((f"modality cue: {cue}",) if cue else ()) \
                + tuple(f"governs {t.token.text!r} ({t.pattern.id})" for t in trigger.inner) \
                + ((f"refined {pattern.cameo} -> {code}",) if code != pattern.cameo else ()) \
                + ((f"{modality} {code} -> intent {final}",) if final != code else ()) \
                + (("symmetric: the parties act on one another",)
                   if ((pattern.mutual or source.kind == "group-reference") and target_role == "")
                   or target_role == "each other" else ())
            out.append(CodedEvent(
                sentence_index=s_index, sentence_start=sent.start, trigger=token.i, pattern=pattern,
                source=source, target=target, modality=modality, attribution=attribution,
                start_char=doc[min(tokens)].idx, end_char=last.idx + len(last.text),
                confidence=_confidence(pattern, source, target, source_role), notes=notes, cameo=final,
            ))
        return out


    def _acting_event(self, verb: Token, referents: list[CodedEvent], here: int) -> tuple[list[Mention], str]:
        """ "The attack killed nine civilians": an act of force named as the subject of a use of force is
        the one reported before it (the first with the same word, else the latest act of force within two
        sentences); its perpetrator is the source."""
        for noun in subjects(verb):
            lemma = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or not _definite(noun) or not (lemma in CONFLICT_NOUNS or any(
                    p.cameo[:2] in FORCE_ROOTS for p in self.patterns.for_token(lemma, "NOUN"))):
                continue
            same = [e for e in referents if _same_stem(verb.doc[e.trigger].lemma_.lower(), lemma)]
            recent = [e for e in referents
                      if here - e.sentence_index <= REFERENCE_WINDOW and e.code[:2] in FORCE_ROOTS]
            for referent in same[:1] + recent[-1:]:
                actor = replace(referent.source.actor, text=noun.text,
                                how=f"event reference:{verb.doc[referent.trigger].text}+{referent.source.actor.how}")
                return [Mention(noun.i, noun.i + 1, noun.i, actor, "event-reference")], \
                    f"{ACTING_EVENT} ({verb.doc[referent.trigger].text!r})"
        return [], ""

    def _event_reference(self, verb: Token, sources: list[Mention], earlier: list[CodedEvent],
                         here: int, root: str = "") -> tuple[list[Mention], str]:
        """ "X condemned the killings", "Y welcomed the agreement": an object naming an event coded earlier
        in the document points at its party: the perpetrator of a conflictual act, the other side of a
        cooperative one (whichever is not the new event's source)."""
        out_of = [g for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ == "out"
                  for q in p.children if q.dep_ == "prep" and q.lower_ == "of" for g in q.children if g.dep_ == "pobj"]
        objects = [verb.head if o.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else o
                   for o in role_heads(verb, "object")]  # "the sanctions, which they called illegal"
        for obj in objects + prep_objects(verb, "to") + prep_objects(verb, "against") \
                + prep_objects(verb, "from") + prep_objects(verb, "of") + out_of:
            if obj.pos_ != "NOUN" or (not _definite(obj) and obj.tag_ != "NNS" and not _quantified(obj)):
                continue
            lemma = obj.lemma_.lower()
            if not (self.patterns.for_token(lemma, "NOUN") or lemma in EVENT_NOUNS):
                continue
            # the event the noun names: the first one coded with the same word ("the killings" <- "killed"),
            # which in news is the story's main event, not the latest one mentioned
            kinds = {p.cameo[:2] for p in self.patterns.for_token(lemma, "NOUN")}
            if root in kinds and root in MEASURE_ROOTS:
                continue  # "would not apply the sanctions": the same measure, not a reaction to it
            # ... or coded with the noun's own code root ("the two vetoes" <- "voted against")
            same = [e for e in earlier if _same_stem(verb.doc[e.trigger].lemma_.lower(), lemma)
                    or (e.code[:2] in kinds and e.target is not None)]
            # else an event of its kind just reported (in the two sentences before)
            conflictual = lemma in CONFLICT_NOUNS or any(_conflictual(p.cameo) for p in
                                                         self.patterns.for_token(lemma, "NOUN"))
            forceful = lemma in CONFLICT_NOUNS or any(p.cameo[:2] in FORCE_ROOTS
                                                      for p in self.patterns.for_token(lemma, "NOUN"))
            recent = [e for e in earlier if here - e.sentence_index <= REFERENCE_WINDOW
                      and _conflictual(e.code) == conflictual
                      and (not forceful or e.code[:2] in FORCE_ROOTS)
                      # ("rejected the demand": a demand, charge or offer, not any act just told of)
                      and (lemma not in PROPOSAL_NOUNS or e.code[:2] in CLAIMING_ROOTS)]
            source_keys = {_party(s) for s in sources}
            # "X condemned the killings, and Y called the attack brutal": a second reference in the sentence
            # names the event the first one named
            for echo in earlier:
                if echo.sentence_index == here and echo.trigger < verb.i and echo.target is not None \
                        and echo.target.kind == "event-reference" and _conflictual(echo.code) == conflictual \
                        and _party(echo.target) not in source_keys:
                    actor = replace(echo.target.actor, text=obj.text)
                    return [Mention(obj.i, obj.i + 1, obj.i, actor, "event-reference")], \
                        f"event reference (as {verb.doc[echo.target.head].text!r} before it)"
            same.sort(key=lambda e: e.target is None)  # an act coded in full before one that named no target
            recent = [e for e in recent if e.target is not None and any(p is not None and _party(p) not in source_keys
                                               for p in (e.source, e.target))]
            wanted = _count(obj)
            if wanted > 1:  # "the two vetoes": the perpetrators of that many acts of its kind
                parties = _unique([e.source for e in same if _party(e.source) not in source_keys])[:wanted]
                if len(parties) == wanted:
                    return [Mention(obj.i, obj.i + 1, obj.i, replace(
                        m.actor, text=obj.text, how=f"event reference:{obj.text}+{m.actor.how}"), "event-reference")
                        for m in parties], f"event reference ({obj.text!r}, {wanted} acts)"
            if lemma in GENERIC_EVENT_NOUNS and not same:
                # "welcomed the decision", "regretted the move": the story's news, its lead deed (welcomed or
                # not whatever its code: a sanction welcomed by the sanctioned state's enemy), never words
                same = [e for e in sorted(earlier, key=lambda e: e.trigger) if e.target is not None
                        and int(e.code[:2]) not in SAID_ROOTS][:1]
                recent = []
            for referent in same[:1] + recent[-1:]:
                named = _party_named(obj, referent, source_keys)
                if named is not None:
                    return [named], f"event reference ({verb.doc[referent.trigger].text!r})"
        return [], ""


def _unknown_name(obj: Token) -> bool:
    """ "the Hafiz Gul Bahadur group, which it blames": an object that names someone by a name no mention
    resolved is aimed at them, not at the story's other side."""
    if obj.lower_ in RELATIVE_PRONOUNS and obj.head.dep_ == "relcl":
        obj = obj.head.head
    return any(t.pos_ == "PROPN" for t in phrase_words(obj))


LETHAL_VERBS = frozenset({"kill", "destroy"})
VISIT = "042"
SIGNING = "057"


def _unattributed(token: Token, pattern: Pattern) -> bool:
    """ "Twenty soldiers were killed", "both camps had been destroyed", "an agreement was signed to buy
    jets from Russia": a passive act of lethal force, or a signing, that names no one who did it (no "by"
    phrase)."""
    return token.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
        and not role_heads(token, "agent") \
        and ((pattern.cameo[:2] in FORCE_ROOTS and token.lemma_.lower() in LETHAL_VERBS)
             or (pattern.mutual and pattern.cameo == SIGNING))


def _proposer(verb: Token, sources: list[Mention], index: MentionIndex,
              referents: list[CodedEvent]) -> tuple[list[Mention], str]:
    """ "Hamas says it will not release hostages until ... Israel rejected the demand", "The EU condemned
    the violence. X rejected the criticism": a definite demand, proposal, offer or charge answered, that
    no coded act names, is the one the last speaker before made: the doer of the latest act of words
    coded in this sentence or the two before, else the subject of a reporting verb there (another party
    than the answerer)."""
    if not any(o.lemma_.lower() in PROPOSAL_NOUNS and _definite(o) for o in role_heads(verb, "object")):
        return [], ""
    doc = verb.doc
    first = sentence_window(doc, verb, 2)
    own = {_party(s) for s in sources}
    said = [e for e in referents if first <= e.trigger < verb.i and e.code[:2] in CLAIMING_ROOTS
            and _party(e.source) not in own]
    if said:
        latest = max(said, key=lambda e: e.trigger)
        actor = replace(latest.source.actor, text=doc[latest.trigger].text,
                        how=f"event reference:{doc[latest.trigger].text}+{latest.source.actor.how}")
        return [Mention(latest.trigger, latest.trigger + 1, latest.trigger, actor, "event-reference")], \
            f"who spoke before ({doc[latest.trigger].text!r})"
    for speaker in sorted((t for t in doc[first:verb.i] if t.lemma_.lower() in REPORTING and t.pos_ == "VERB"),
                          key=lambda t: -t.i):
        for subject in subjects(speaker):
            found = [m for m in index.in_phrase(subject) if _party(m) not in own]
            if found:
                return found[:1], f"who spoke before ({speaker.text!r})"
    return [], ""


def _capability(event: CodedEvent, doc: Doc, index: MentionIndex) -> bool:
    """ "software that would allow it to hack the phones of dissidents": what a thing would let someone do,
    told in a clause describing the thing, is what the thing is for, not an event."""
    if event.modality != "hypothetical":
        return False
    return any(t.dep_ == "relcl" and t.head.pos_ == "NOUN" and not index.in_phrase(t.head)
               and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "can") for c in t.children)
               for t in (doc[event.trigger], *doc[event.trigger].ancestors))


def _partners(targets: list[Mention], trigger: _Trigger, doc: Doc) -> list[Mention]:
    """ "agreed to cooperate against the PKK": whom cooperation is aimed against is no partner in it (unless
    what is agreed is itself hostile: "agreed to widen sanctions against Minsk")."""
    if int(trigger.pattern.cameo[:2]) not in PARTNERSHIP_ROOTS \
            or any(int(t.pattern.cameo[:2]) not in PARTNERSHIP_ROOTS for t in trigger.inner):
        return targets
    return [t for t in targets if not (doc[t.head].dep_ == "pobj" and doc[t.head].head.lower_ == "against")]


def _reciprocal(token: Token) -> bool:
    """The trigger's object is "each other" or "one another"."""
    objects = role_heads(token, "object") + [g for p in token.children if p.dep_ == "prep"
                                             for g in p.children if g.dep_ == "pobj"]
    return any(o.lower_ in ("other", "another", "one")
               and any(c.lower_ in ("each", "one", "another") and c.lower_ != o.lower_ for c in o.children)
               for o in objects)


def _each(token: Token) -> bool:
    """The trigger's clause says its coordinated subjects act each on their own ("each concluding")."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    return verb is not None and any(c.lower_ == "each" and c.dep_ in SUBJECT_DEPS for c in verb.children)


def _wished_of_another(token: Token) -> bool:
    """ "Moscow does not want Iran to reach a deal": what one actor wishes another would do is no act of
    either (an appeal, when made, is coded from its own verb)."""
    return any(t.dep_ == "ccomp" and t.head.lemma_.lower() in WISHING
               and infinitive(t)
               and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in clause_chain(token))


def _addressee(token: Token, sources: list[Mention], index: MentionIndex) -> tuple[list[Mention], str]:
    """ "X notified Y, Z and the UN that it objected to the deal": an act reported to an addressee, with no
    other party of its own, is aimed at the addressee."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in ADDRESSING:
        return [], ""
    own = {_party(s) for s in sources}
    found = [m for role in ("object", "dative") for head in role_heads(verb, role) for m in index.in_phrase(head)
             if _party(m) not in own]
    return _unique(found), f"addressee of {verb.text!r}" if found else ""


def _count(noun: Token) -> int:
    """How many acts a plural noun names ("the two vetoes", "both attacks"); 1 when it does not say."""
    for c in noun.children:
        if c.dep_ == "nummod" and c.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[c.lower_]
        if c.dep_ == "nummod" and c.text.isdigit():
            return int(c.text)
        if c.lower_ == "both":
            return 2
    return 1


def _state_itself(mention: Mention, doc: Doc) -> bool:
    """The mention names a state or its government as such ("the Philippines", "Manila", "the ministry"),
    not people of it (leaders, activists, crowds)."""
    return mention.kind in ("country", "capital") or (
        mention.actor.sector == "GOV" and doc[mention.head].lemma_.lower() in ("ministry", "government"))


def _guessed_self(event: CodedEvent) -> bool:
    """A source only guessed to be of the story's state ("officials", "the ministry") acting on that same
    state from outside ("condemned Russia"): the guess is wrong, not the state condemning itself; inward
    patterns (protests, arrests, curfews) are its own business and stay."""
    return event.target is not None and not event.pattern.domestic \
        and event.source.actor.how.startswith(GUESSED) and event.source.actor.country is not None \
        and event.source.actor.country == event.target.actor.country and event.target.kind in ("country", "capital")


def _within_one_state(event: CodedEvent) -> bool:
    """A cooperative event or statement between two organs of one state ("Turkey agreed to send the bid to its
    parliament", "the army supports the police") is the working of that state, not an event between
    actors; inside one state only acts between the state and others (rebels, opposition, people) are coded,
    and the conflictual acts among its organs (coups, purges)."""
    if event.target is None or int(event.code[:2]) >= 9:
        return False  # investigations, demands, protests and force inside one state are its politics: coded
    if event.code.startswith(SETTLEMENT_CODES):
        return False  # a signed agreement or a ceasefire between two armed bodies of one state: rivals
    if event.source.kind == event.target.kind == "group-reference":
        return False  # "the two sides agreed": organs a story sets against one another are its sides
    source, target = event.source.actor, event.target.actor
    if source.country is None or source.country != target.country or source.org or target.org:
        return False
    return _organ(event.source) and _organ(event.target)


def _not_own_state(targets: list[Mention], sources: list[Mention]) -> list[Mention]:
    """ "China's spokesman warned that China would take resolute measures": the speaker's state is who would
    act, not whom a warning is aimed at."""
    own = {s.actor.country for s in sources if s.actor.country}
    return [t for t in targets if not (t.actor.country in own and _organ(t))]


def _organ(mention: Mention) -> bool:
    """The mention names the state itself or one of its organs (not its people, rebels or opposition, nor a
    group named in its own right: the rival "Libyan National Army" is a party, not an organ)."""
    if mention.kind == "group":
        return False
    if mention.actor.sector is None:
        return mention.kind in ("country", "capital", "adjective")
    return mention.actor.sector in STATE_SECTORS


def _answered(token: Token, sources: list[Mention], earlier: list[CodedEvent],
              code: str) -> tuple[list[Mention], str]:
    """Who a denial or a claim of responsibility answers, when it names no one: a denial answers the latest
    accusation or criticism of its source ("X accused Y of ... Y denied it": X); a claim of responsibility
    names the target of its source's latest use of force."""
    keys = {_party(s) for s in sources}
    wanted, role = ANSWERS[code]
    for e in reversed(earlier):
        if e.code[:2] not in wanted or e.target is None:
            continue
        if role == "accuser" and _party(e.target) in keys and _party(e.source) not in keys:
            party, what = e.source, "accuser"
        elif role == "target" and _party(e.source) in keys and _party(e.target) not in keys:
            party, what = e.target, "target"
        else:
            continue
        actor = replace(party.actor, how=f"answers {token.doc[e.trigger].text!r}: its {what}+{party.actor.how}")
        return [Mention(token.i, token.i + 1, token.i, actor, "event-reference")], f"{what} of {e.code}"
    return [], ""


def _counterpart(token: Token, sources: list[Mention], index: MentionIndex,
                 third_party_ok: bool = True) -> tuple[list[Mention], str]:
    """ "Paris suspended development aid", "the Council imposed restrictive measures on 78 individuals":
    a measure that names no one is aimed at the party the story is about, the one its mentions name most
    often (a state with its organs, or an armed or opposition group of its own), when that is not the
    source's own."""
    counts = Counter(_story_party(m) for m in index.mentions)
    counts.pop(None, None)
    ranked = [key for key, n in counts.most_common() if n >= COUNTERPART_MIN]
    own = {_story_party(s) for s in sources} | {s.actor.country for s in sources if s.actor.country} \
        | {s.actor.org for s in sources if s.actor.org}
    other = [key for key in ranked[:2] if key not in own]  # one of the story's two main parties
    if not other or (len(other) == 2 and not third_party_ok):
        return [], ""
    first = next(m for m in index.mentions if _story_party(m) == other[0])
    how = f"implied:the story's counterpart ({first.actor.text}; named {counts[other[0]]} times)"
    if first.kind in STATE_KINDS:  # the state itself, not the organ first named
        return [_implied_state(token, first.actor.country or "", how)], "the story's counterpart"
    actor = replace(first.actor, text=token.text, how=how)
    return [Mention(token.i, token.i + 1, token.i, actor, "implied")], "the story's counterpart"


def _implied_state(token: Token, country: str, how: str) -> Mention:
    """A state the text does not name at ``token``, read from the story (``how`` says from what)."""
    actor = Actor(text=token.text, name=country, code=country, country=country, how=how, entry=f"implied:{country}")
    return Mention(token.i, token.i + 1, token.i, actor, "implied")


def _judged_later(doc: Doc, events: list[CodedEvent], halves: list[CodedEvent]) -> list[CodedEvent]:
    """Live updates and readouts put the reaction before the act ("Kishida condemned the launch" at the top,
    "North Korea fired a missile" below): concern or criticism that found no party before it takes the
    story's aggressor from the whole document."""
    added: list[CodedEvent] = []
    story = sorted(events + halves, key=lambda e: e.trigger)  # every act, in text order
    for half in halves:
        if half.code[:2] not in JUDGING_ROOTS or half.pattern.id.startswith("petrarch:") or half.code == "010" \
                or half.pattern.kind != "event" or not any(note in ACTING_NOTES for note in half.notes):
            continue
        found, role = _named_act(doc[half.trigger], [half.source], story)
        if not found:
            found, role = _aggressor(doc[half.trigger], [half.source], events + halves)
        if found:
            target = found[0]
            event = replace(half, target=target, notes=(*half.notes, f"target by {role} (whole story)"),
                            confidence=_confidence(half.pattern, half.source, target, ""))
            # "said it was a barbaric act and that he condemned it": one criticism of the pair a sentence
            if any(e.sentence_index == event.sentence_index and _dyad(e) == _dyad(event)
                   and not _coordinated(doc[e.trigger], doc[event.trigger]) for e in events + added):
                continue
            added.append(event)
    return sorted(events + added, key=lambda e: (e.sentence_index, e.trigger)) if added else events


def _named_act(token: Token, sources: list[Mention], referents: list[CodedEvent]) -> tuple[list[Mention], str]:
    """ "Kishida condemned the launch" at the top of a live blog, "North Korea launched a missile" below: the
    act its object names, wherever the story reports it (``referents`` in text order), done by another party
    than the critic."""
    own = {_party(s) for s in sources}
    for obj in role_heads(token, "object"):
        if obj.pos_ != "NOUN" or not _definite(obj):
            continue
        lemma = obj.lemma_.lower()
        # the first act of the word (``referents`` are in text order), the story's
        first = next((e for e in referents
                      if _same_stem(token.doc[e.trigger].lemma_.lower(), lemma) and _conflictual(e.code)), None)
        named = _party_named(obj, first, own) if first is not None else None
        if named is not None:
            return [named], "the act it names"
    return [], ""


def _party_named(noun: Token, referent: CodedEvent, own: set[str]) -> Mention | None:
    """The party of ``referent`` that a noun naming it stands for: its doer, or whom it was done to when the
    doer is the one speaking of it."""
    for party in (referent.source, referent.target):
        if party is not None and _party(party) not in own:
            actor = replace(party.actor, text=noun.text,
                            how=f"event reference:{noun.doc[referent.trigger].text}+{party.actor.how}")
            return Mention(noun.i, noun.i + 1, noun.i, actor, "event-reference")
    return None


def _aggressor(token: Token, sources: list[Mention], referents: list[CodedEvent],
               force_only: bool = False) -> tuple[list[Mention], str]:
    """ "Japan and France also expressed concern", "EU leaders condemned it": concern and criticism that
    name no one are aimed at the party whose coercion and force the story has reported most often."""
    own = {_story_party(s) for s in sources} | {s.actor.country or s.actor.org for s in sources}

    def party(m: Mention) -> str | None:  # a state, a group of its own, or an organisation (EU sanctions)
        return _story_party(m) or m.actor.country or m.actor.org

    def tally(roots: frozenset[int]) -> Counter[str]:
        return Counter(key for e in referents if (int(e.code[:2]) in roots or e.code in VIOLENT_PROTEST)
                       and e.modality in ("asserted", "claimed")  # not what someone could or would do
                       and (key := party(e.source)) is not None and key not in own)
    # who used force, when anyone did; else who coerced, threatened or sanctioned
    acts = tally(FORCE_ROOT_NUMBERS) or (Counter() if force_only else tally(AGGRESSIVE_ROOTS))
    if not acts:
        return [], ""
    key, n = acts.most_common(1)[0]
    perpetrator = next(e.source for e in referents if party(e.source) == key)
    actor = replace(perpetrator.actor, text=token.text,
                    how=f"implied:the story's aggressor ({perpetrator.actor.text}; {n} acts of force or coercion)")
    return [Mention(token.i, token.i + 1, token.i, actor, "implied")], "the story's aggressor"


def _story_party(m: Mention) -> str | None:
    """What a mention counts for when the story's parties are weighed: its state (the state, its organs and
    people), or a group in its own right (rebels, a militia)."""
    if m.kind == "group" or (m.actor.sector or "") in PARTY_SECTORS:
        return m.actor.code
    return m.actor.country if m.kind in STATE_KINDS else None


def _party(m: Mention) -> str:
    return m.actor.country or m.actor.org or m.actor.code


def _people_of_place(trigger: Token, index: MentionIndex) -> tuple[list[Mention], str]:
    """ "Up to 100 ethnic Albanians demonstrated in Serbia": people the text does not resolve, acting inward
    (protesting, rioting) in a state, are that state's people."""
    if not any(s.tag_ in ("NNS", "NNPS") or s.lower_ in ("thousands", "hundreds", "dozens")
               for s in subjects(trigger)):
        return [], ""
    found, where = _place_target(trigger, index)
    if not found:
        return [], ""
    place = found[0]
    country = place.actor.country or ""
    actor = Actor(text=place.actor.text, name=country, code=country + "CVL", country=country, sector="CVL",
                  how=f"implied:people of the place ({place.actor.text})", entry=f"implied:{country}")
    return [Mention(place.start, place.end, place.head, actor, "implied")], f"people of {where}"


def _quantified(noun: Token) -> bool:
    """ "any attack", "every provocation", "these aggressions": a noun standing for acts of its kind."""
    return any(c.dep_ == "det" and c.lower_ in ("any", "every", "these", "such", "further") for c in noun.children)


def _same_stem(a: str, b: str) -> bool:
    """ "kill" and "killing", "execute" and "execution", "launch" and "launch": one word, two forms."""
    n = min(len(a), len(b), 5)
    return n >= 4 and a[:n - 1] == b[:n - 1] if a != b else True


def _place_target(trigger: Token, index: MentionIndex) -> tuple[list[Mention], str]:
    """ "struck targets in Yemen", "shelling across Ukraine": force used in a state names that state as
    its target when the text names no other (the place preposition on the trigger or its object)."""
    objects = role_heads(trigger, "object")
    # "fired a missile that flew over Japan": the path of the weapon named in a clause on its object
    holders = [trigger, *objects, *[v for o in objects for c in o.children if c.dep_ in ("relcl", "acl")
                                    for v in (c, *[x for x in c.children if x.dep_ == "xcomp"])]]
    for obj in objects:  # "shelled Kharkiv": a named place as the object of force
        named = _named_place(trigger, obj, index) if obj.pos_ == "PROPN" else None
        if named is not None:
            return [named], f"place (object {obj.text})"
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or not (prep.lower_ in PLACE_PREPS | PATH_PREPS
                                           or (holder.i == trigger.i and prep.lower_ in AIM_PREPS)):
                continue
            for obj in prep.children:
                found = [m for m in index.in_phrase(obj) if m.kind in ("country", "capital") and m.actor.country]
                if found:
                    place = found[0]
                    actor = replace(place.actor, how=f"{place.actor.how}+place of the act")
                    return [replace(place, actor=actor)], f"place ({prep.text} {obj.text})"
                named = _named_place(trigger, obj, index)
                if named is not None:
                    return [named], f"place ({prep.text} {obj.text})"
    return [], ""


def _named_place(trigger: Token, obj: Token, index: MentionIndex) -> Mention | None:
    """ "in Garissa", "at a university in the town of Garissa", "in the Barmal district of Paktika": a place
    name the gazetteer knows, in the phrase of a place preposition's object, stands for its country."""
    for t in obj.subtree:
        country = index.places.get(t.i)
        if country and (t.i == obj.i or t.dep_ in ("pobj", "compound", "appos", "conj") or t.head.i == obj.i):
            actor = Actor(text=t.text, name=country, code=country, country=country,
                          how=f"place:{t.text}", entry=f"implied:{country}")
            # held at the trigger: the name itself stays the event's place, not an actor's words
            return Mention(trigger.i, trigger.i + 1, trigger.i, actor, "place")
    return None


def _outside(source: Mention, verb: Token | None) -> bool:
    """The source is the reporting verb's own subject, not a subject inside what it reports."""
    return verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and source.start <= c.i < source.end
                                    for c in verb.children)


def _habitual(verb: Token) -> bool:
    """ "China bought A$1 billion of Australian wine a year", "buys coal every year": a habit, not an event."""
    return verb.pos_ == "VERB" and any(
        # ("a year", not "a day before the summit")
        (c.dep_ == "npadvmod" and c.lower_ in PERIODS and [d.lower_ for d in c.children] in (["a"], ["per"])
         # ("came a day after the United States confiscated ...": a distance, not a rate)
         and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in ("after", "before", "later", "earlier", "ago")))
        or (c.dep_ == "advmod" and c.lower_ in ("annually", "yearly", "monthly", "weekly", "daily"))
        for c in verb.children)


def _description(verb: Token) -> bool:
    """A present-tense relative clause on its subject describes who an actor is, it reports no event: "the
    faction that controls Afghanistan", "Hamas, which advocates Israel's destruction"."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("that", "which", "who") for c in verb.children) \
        and verb.head.lemma_.lower() not in DOCUMENT_NOUNS  # "a resolution that deplores ..." states its act


def _complete_untargeted(trigger: _Trigger) -> bool:
    """The trigger's event is complete without a target: its pattern allows it, or it governs an act that
    needs none ("agreed to resign", "refused to step down", "promised to hold elections")."""
    return trigger.pattern.target_optional or (trigger.pattern.cameo[:2] in UNTARGETED_INTENT_ROOTS and any(
        inner.pattern.target_optional and not inner.pattern.domestic
        and inner.token.dep_ not in MODIFIER_DEPS for inner in trigger.inner))  # (not "the boycotting states")


def _specificity(pattern: Pattern) -> int:
    """Of the patterns whose conditions hold, the one that asked most of the sentence wins ("called in the
    ambassador on Friday" is a summons, not a call "on Friday")."""
    return int(_conditioned(pattern)) + int(bool(pattern.with_object and pattern.requires_prep))


def _conditioned(pattern: Pattern) -> bool:
    return bool(pattern.with_object or pattern.requires_prep or pattern.with_governor or pattern.complement_aux
                or pattern.with_predicate)


def _predicate_words(verb: Token) -> set[str]:
    """What a verb of judgement says its object (or reported subject) is: the object predicate ("called it
    [reckless]"), the "as" phrase ("described it [as a turning point]"), or the predicate of a reported
    copula ("said the launch [was a clear violation]")."""
    if verb.lemma_.lower() in JUDGING:  # "called Bolivia's move a violation": whatever follows, however parsed
        return {w for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj")
                for t in c.subtree for w in (t.lower_, t.lemma_.lower())}
    heads: list[Token] = []
    words: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp") or (child.dep_ == "dobj" and any(g.dep_ in ("oprd", "xcomp")
                                                                                 for g in child.children)):
            heads.append(child)
        elif child.dep_ in ("dobj", "obj"):  # "called the decision 'reckless'", parsed as a modifier after it
            heads += [g for g in child.children if g.dep_ == "amod" and g.i > child.i]
        elif child.dep_ == "prep" and child.lower_ == "as":
            heads += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "ccomp" and child.lemma_ == "be":
            heads += [g for g in child.children if g.dep_ in ("attr", "acomp")]
        elif child.dep_ == "ccomp" and child.pos_ == "VERB":
            # "said Turkish forces had committed a flagrant violation", "said X had escalated tensions": the
            # reported act and what it did, not who did it
            words |= {child.lower_, child.lemma_.lower()}
            if child.lemma_.lower() in DOING:  # "committed a violation", "posed a threat": what was done
                words |= {w for g in child.children if g.dep_ in ("dobj", "obj")
                          for t in (g, *[c for c in g.children if c.dep_ in ("amod", "compound")])
                          for w in (t.lower_, t.lemma_.lower())}
    return words | {w for h in heads for t in h.subtree for w in (t.lower_, t.lemma_.lower())}


def _conditions_hold(token: Token, pattern: Pattern) -> bool:
    if pattern.requires_prep and not prep_attached(token, pattern.requires_prep):
        return False
    if pattern.with_subject and not any(s.lemma_.lower() in pattern.with_subject for s in subjects(token)):
        return False
    if pattern.complement_aux and not _modal_complement(token, pattern.complement_aux):
        return False
    if pattern.with_predicate and not _predicate_words(token) & pattern.with_predicate:
        return False
    if pattern.intransitive and role_heads(token, "object"):
        return False
    if pattern.with_governor:
        verb = governing_verb(token)
        # "called the strike on Kharkiv an act of barbarism": a verb that names its object is no light verb
        naming = verb is not None and any(c.dep_ == "oprd" for c in verb.children)
        if (verb is None or naming or not verb_forms(verb) & pattern.with_governor) \
                and (pattern.domestic or not _names_its_actor(token)):
            return False
    if pattern.without_object and any(o.lemma_.lower() in pattern.without_object
                                      for o in role_heads(token, "object")):
        return False
    if pattern.with_object:
        objects = role_heads(token, "object") + [c for c in token.children if c.dep_ == "intj"]  # "voted no"
        if token.lemma_.lower() in CONTROL_VERBS:  # "allowed refugees to return", parsed as a clause's subject
            objects += [c for comp in token.children if comp.dep_ == "ccomp"
                        and infinitive(comp)
                        for c in comp.children if c.dep_ in SUBJECT_DEPS]
        if pattern.requires_prep:  # "called in the ambassador", "pulled out of the deal": the preposition's object
            objects += [g for prep in token.children if prep.dep_ in ("prep", "prt")
                        for holder in (prep, *[c for c in prep.children if c.dep_ == "prep"])
                        for g in holder.children if g.dep_ == "pobj"]
        # "withdraw its ambassador and its troops": each coordinated object names a thing
        objects += [c for o in objects for c in o.conjuncts if c.i > o.i]
        # "700 kg of medicine", "a state of emergency": the noun after "of" names the thing too
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        # "its peacekeeping force", "aid deliveries": a compound before the object names the thing too
        objects += [c for o in objects for c in o.children if c.dep_ == "compound" and c.i < o.i]
        if not any(o.lemma_.lower() in pattern.with_object or o.lower_ in pattern.with_object for o in objects):
            return False
    return True


def _names_its_actor(noun: Token) -> bool:
    """A noun that names who acts within its own phrase is an event without a light verb: "Iran's
    condemnation of ...", "the Russian veto", "a visit by the Chinese foreign minister"."""
    if noun.pos_ != "NOUN":
        return False
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return True
        if child.dep_ in ("amod", "compound") and child.i < noun.i and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return True
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            return True
    return False


def _merge_verb_objects(triggers: list[_Trigger]) -> None:
    """ "is ready to send food aid": a noun trigger that is the object of a governed verb trigger of the same
    root names that verb's event, and is governed with it (not coded as a second, free event)."""
    by_token = {t.token.i: t for t in triggers}
    for t in triggers:
        verb = by_token.get(t.token.head.i)
        if t.token.pos_ == "NOUN" and t.token.dep_ in ("dobj", "obj") and verb is not None and verb is not t \
                and verb.governed and verb.pattern.cameo[:2] == t.pattern.cameo[:2]:
            t.governed = True


def _purpose_demands(triggers: list[_Trigger]) -> None:
    """ "staged demonstrations to demand reforms", "began a hunger strike to demand the return of land": a
    demand stated as the purpose of a protest or blockade is what that act is for, not a second event; so is
    a protest "in protest of" something stated of a protest."""
    by_token = {t.token.i: t for t in triggers}
    for t in triggers:
        token = t.token
        if t.pattern.cameo[:2] == DEMAND_ROOT and token.dep_ == "advcl" \
                and infinitive(token):
            head = token.head
        elif t.pattern.cameo[:2] == PROTEST_ROOT and token.dep_ == "pobj" and token.head.lower_ == "in" \
                and token.head.dep_ == "prep":
            head = token.head.head  # "continued a hunger strike in protest of X": the strike is the protest
        else:
            continue
        acts = [by_token.get(head.i)] + [by_token.get(c.i) for c in head.children if c.dep_ in ("dobj", "obj")]
        if any(a is not None and a is not t and a.pattern.cameo[:2] in PURPOSE_HOST_ROOTS for a in acts):
            t.governed = True


def _results_of_force(triggers: list[_Trigger]) -> None:
    """ "security forces killed the attackers, ending a siege": what a use of force ended, told by a participle
    after it, is its outcome, not an act of easing of its own."""
    by_token = {t.token.i: t for t in triggers}
    for t in triggers:
        token = t.token
        head = by_token.get(token.head.i)
        if t.pattern.cameo[:2] == YIELD_ROOT and token.dep_ == "advcl" and token.tag_ == "VBG" \
                and head is not None and head is not t and head.pattern.cameo[:2] in FORCE_ROOTS:
            t.governed = True


def _govern(triggers: list[_Trigger]) -> None:
    """Mark each trigger governed by the nearest ``governs`` trigger whose complement or object holds it."""
    by_token = {t.token.i: t for t in triggers}
    # a governing noun governs through its light verb: "put pressure on X [to agree]"
    light: dict[int, _Trigger] = {}
    for t in triggers:
        verb = governing_verb(t.token) if t.pattern.kind == "governs" and t.token.pos_ == "NOUN" else None
        if verb is not None and verb.i not in by_token:
            light[verb.i] = t
    for trigger in triggers:
        token = trigger.token
        for _ in range(MAX_GOVERNANCE_DEPTH):
            head = token.head
            if head.i == token.i or token.dep_ == "relcl":
                break  # (a relative clause is an assertion of its own: "blamed it on X, which denied any role")
            if token.dep_ == "prep" and token.lower_ in TIME_PREPS:
                break  # ("agreed to resolve the dispute after talks mediated by X": what came before, not agreed)
            if detached_deed(token):
                break  # ("warning that they could use force ..., and imposed sanctions": a deed of the main clause)
            outer = by_token.get(head.i)
            if outer is None and head.i in light and light[head.i] is not trigger \
                    and token in complements(head) and token.dep_ not in ("dobj", "obj"):
                trigger.governed = True
                light[head.i].inner.append(trigger)
                break
            if outer is not None and outer.pattern.id.startswith("petrarch:") and outer.pattern.kind != "governs":
                token = head  # a dictionary verb between ("threatened to stage a strike") is passed through
                continue
            if outer is not None:
                if outer.pattern.kind == "governs" and token in _governed_children(head) \
                        and not _answered_charge(token, head):
                    trigger.governed = True
                    outer.inner.append(trigger)
                break
            token = head


def _answered_charge(clause: Token, verb: Token) -> bool:
    """ "Moscow accused Kyiv of mistreating prisoners, a charge Ukraine rejected": the parser made the
    accusation the complement of the rejection; it stands on its own (the rejection answers it)."""
    return clause.i < verb.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CHARGE_NOUNS
                                     and c.i > clause.i for c in verb.children)


def _governed_children(verb: Token) -> list[Token]:
    out = complements(verb)
    # the preposition itself is the child on the path up from its object ("called for [talks]")
    out += [c for c in verb.children if c.dep_ == "prep" and any(g in out for g in c.children)]
    return out


def _fill(trigger: Token, roles: tuple[str, ...], pattern: Pattern,
          index: MentionIndex) -> tuple[list[Mention], str]:
    """Mentions for the first role in ``roles`` that yields any. The subject of a governed "that" clause
    comes before anything else in it ("demanded that X cancel plans to sell arms to Y": X). A role filled
    only by guessed actors (the document's focus state) yields to a later role that names its actors
    ("to meet politicians from X, Y and Z")."""
    roles = tuple(r for role in roles for r in (("complement_subject", role) if role == "complement" else (role,)))
    guessed: tuple[list[Mention], str] = ([], "")
    for role in roles:
        found: list[Mention] = []
        if role == "body":
            found = _body(trigger, index)
        for head in ([] if role == "body" else role_heads(trigger, role, pattern.governors)):
            if found and role == "subject" and not joined_by(trigger):
                break  # the subjects are candidates in order of preference
            for m in index.in_phrase(head):
                if m not in found:
                    found.append(m)
        if found and not all(m.actor.how.startswith(GUESSED) for m in found):
            return found, role
        if found and not guessed[0]:
            guessed = (found, role)
    return guessed


def _decided_by(trigger: Token, pattern: Pattern, index: MentionIndex) -> tuple[list[Mention], str]:
    """ "The Council decided the following: / First: to recall the ambassador. / Second: to demand ...":
    items of a list of decisions have no subject of their own; they are acts of the subject of the sentence
    that introduces the list (the one ending in a colon, up to a few items back)."""
    if any(h.lower_ not in LIST_MARKS and not h.like_num for h in role_heads(trigger, "subject")):
        return [], ""  # (the list mark itself is no subject: "Third: to demand", parsed as "Third" modified)
    sent = trigger.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or not (words[0].lower_ in LIST_MARKS or words[0].like_num or words[0].lower_ == "to"):
        return [], ""
    doc = trigger.doc
    for _ in range(LIST_ITEMS):
        if sent.start == 0:
            return [], ""
        sent = doc[sent.start - 1].sent
        last = [t for t in sent if not t.is_space]
        if last and last[-1].text == ":":
            found, _role = _fill(sent.root, ("subject",), pattern, index)
            return found, DECIDER
    return [], ""


def _said_by_a_text(trigger: Token) -> bool:
    """The trigger's first subject is a resolution, communique or declaration."""
    heads = role_heads(trigger, "subject")
    if heads and heads[0].lower_ == "it" and heads[0].i == trigger.sent.start and trigger.sent.start > 0:
        # "The resolution deplores X. It calls on Y to ...": "It" opening a sentence goes on with the text
        # that was the subject of the sentence before
        previous = trigger.doc[trigger.sent.start - 1].sent
        heads = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(heads) and heads[0].lemma_.lower() in DOCUMENT_NOUNS


def _body(trigger: Token, index: MentionIndex) -> list[Mention]:
    """ "voted against the resolution", "the draft failed": the organisation whose vote it is, the one named
    last (in the trigger's sentence or the few before it)."""
    sent = trigger.sent
    first = max(0, sent.start - BODY_WINDOW_TOKENS)
    for m in sorted(index.mentions, key=lambda m: -m.start):
        if m.start >= sent.end or (m.start < sent.start and m.start < first):
            continue
        if m.actor.org and (m.actor.sector or "IGO") == "IGO" and m.actor.code.startswith("IGO"):
            actor = replace(m.actor, how=f"{m.actor.how}+the body last named")
            return [replace(m, actor=actor)]
    return []


def _borrowed_targets(trigger: _Trigger, pattern: Pattern, index: MentionIndex,
                      source_keys: set[tuple[str, ...]]) -> tuple[list[Mention], str]:
    """A governing trigger without its own target takes the other party of what it governs."""
    for inner in trigger.inner:
        for roles in (inner.pattern.target, inner.pattern.source):
            found, role = _fill(inner.token, roles, inner.pattern, index)
            found = [m for m in found if _key(m.actor) not in source_keys]
            if found:
                return found, f"{role} of {inner.token.text!r}"
    found, role = _fill(trigger.token, ("complement",), pattern, index)
    return [m for m in found if _key(m.actor) not in source_keys], role


def _members(mention: Mention) -> list[Mention]:
    """A group reference ("the two sides") stands for its members; any other mention for itself."""
    if len(mention.members) < 2:
        return [mention]
    return [replace(mention, actor=member, members=()) for member in mention.members]


def _pairs(sources: list[Mention], targets: list[Mention], pattern: Pattern,
           collective: bool = False) -> list[tuple[Mention, Mention | None]]:
    """One (source, target) pair per actor pair. Without a target, the coordinated sources of a mutual
    event ("Iran and Russia signed", "the two sides discussed"), and the members of a group reference
    in any event ("the two sides pulled back"), act on one another: two parties give one
    event; three or more ("deputy ministers of Syria, Turkey, Iran and Russia are to meet") one event per
    unordered pair of parties (each marked symmetric in its notes). A collective target ("mediation between
    X and Y", "calm between the two countries") is one party to a non-mutual event, recorded by its first
    member."""
    source_list = [m for s in sources for m in _members(s)]
    target_list = [m for t in targets for m in _members(t)]
    if not pattern.mutual and (collective or any(len(t.members) > 1 for t in targets)):
        target_list = target_list[:1]
    source_list = _unique(source_list)
    source_codes = {s.actor.code for s in source_list}
    target_list = [t for t in _unique(target_list)
                   if _key(t.actor) not in {_key(s.actor) for s in source_list} and t.actor.code not in source_codes]
    if not target_list and len(source_list) > 1 \
            and (pattern.mutual or (pattern.cameo[:2] not in SAID_TOGETHER
                                    and any(len(s.members) > 1 and s.kind == "group-reference" for s in sources))):
        # (also a group reference with no other party: "the two sides pulled back" from one another)
        return list(combinations(source_list, 2))
    if not target_list:
        return [(s, None) for s in source_list]
    return [(s, t) for s in source_list for t in target_list]


def _hosted_parties(trigger: Token, pattern: Pattern, targets: list[Mention], target_role: str, source_role: str,
                    pairs: list[tuple[Mention, Mention | None]]) -> list[tuple[Mention, Mention | None]]:
    """The pairs among the parties of mutual talks "between" several others that a host convenes, and among
    the others of a meeting said to be of three or more ("held a trilateral meeting with X and Y")."""
    if not pattern.mutual or not ((target_role == "between" and source_role == "governor_subject")
                                  or (target_role == "prep:with" and _multilateral(trigger))):
        return []
    parties = _unique([m for t in targets for m in _members(t)])
    hosts = {_key(s.actor) for s, _ in pairs}
    parties = [p for p in parties if _key(p.actor) not in hosts]
    return list(combinations(parties, 2)) if len(parties) > 1 else []


MULTILATERAL = frozenset({"trilateral", "three-way", "quadrilateral", "four-way", "multilateral", "joint"})


def _multilateral(trigger: Token) -> bool:
    """ "a trilateral meeting", "a three-way call": one act of all its parties together."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in MULTILATERAL for c in trigger.children)


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for m in mentions:
        if _key(m.actor) not in seen:
            seen.add(_key(m.actor))
            out.append(m)
    return out


def _key(actor: Actor) -> tuple[str, ...]:
    """Two mentions are the same party when they resolve to the same code and entry."""
    return (actor.code, actor.entry or actor.name)


def _refined(trigger: _Trigger) -> str:
    pattern = trigger.pattern
    if not pattern.refine:
        return pattern.cameo
    inner_roots = {_refined(t)[:2] for t in trigger.inner}
    theme = theme_lemmas(trigger.token)
    source_words = {t.lemma_.lower() for s in subjects(trigger.token) for t in s.subtree} \
        | {t.lower_ for s in subjects(trigger.token) for t in s.subtree}
    if trigger.token.pos_ == "NOUN":
        source_words |= {c.lemma_.lower() for c in trigger.token.children if c.i < trigger.token.i}
    for rule in pattern.refine:
        if rule.inner and rule.inner & inner_roots:
            return rule.cameo
        if rule.words and rule.words & theme:
            return rule.cameo
        if rule.source_words and rule.source_words & source_words:
            return rule.cameo
    return pattern.cameo


def _confidence(pattern: Pattern, source: Mention, target: Mention | None, source_role: str) -> float:
    value = 0.55 + (0.25 if target is not None else 0.0)
    if source.actor.how.startswith("dictionary"):
        value += 0.1
    if "coreference" in source.actor.how or (target is not None and "coreference" in target.actor.how):
        value -= 0.1
    if source_role in ("governor_subject", "complement"):
        value -= 0.05
    return round(max(0.05, min(value, 0.95, pattern.confidence)), 2)


def _attribution(reporter: Token, index: MentionIndex) -> Attribution:
    phrase = reporter.doc[reporter.left_edge.i:reporter.right_edge.i + 1]
    found = index.in_phrase(reporter)
    if not found:
        found = [m for m in index.mentions if phrase.start <= m.start < phrase.end]
    actor = found[0].actor if found else None
    return Attribution(text=phrase.text, code=actor.code if actor else None,
                       country=actor.country if actor else None, org=actor.org if actor else None)


def _dyad(e: CodedEvent) -> tuple[str, str, str]:
    def key(m: Mention | None) -> str:
        if m is None:
            return ""
        return m.actor.country or m.actor.org or m.actor.code
    return e.code, key(e.source), key(e.target)


def _one_per_dyad(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """One event per trigger and actor pair, and per code and actor pair in one sentence ("met with X to
    discuss" is one consultation with X), but coordinated verbs are acts of their own ("closed the border,
    suspended trade and froze assets": three measures)."""
    seen_trigger: set[tuple[int, str, str]] = set()
    seen_dyad: dict[tuple[tuple[str, str, str], bool], list[int]] = {}
    kept = []
    for e in sorted(events, key=lambda e: (-e.confidence, e.trigger)):
        by_trigger = (e.trigger, e.source.actor.code, e.target.actor.code if e.target else "")
        # ("did not meet X, although the two leaders spoke briefly": a denied act and a done one are two)
        dyad = (_dyad(e), e.modality == "negated")
        before = seen_dyad.get(dyad, [])
        verbal = int(e.code[:2]) in VERBAL_ROOTS  # "commended X and thanked him": one act of words
        if by_trigger in seen_trigger or any(verbal or not _coordinated(doc[e.trigger], doc[t]) for t in before):
            continue
        seen_trigger.add(by_trigger)
        seen_dyad.setdefault(dyad, []).append(e.trigger)
        kept.append(e)
    return sorted(kept, key=lambda e: (e.trigger, e.start_char))


def _coordinated(a: Token, b: Token) -> bool:
    """Two different verbs of one coordination ("closed the border, suspended trade and froze assets")."""
    def chain_root(t: Token) -> Token:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t

    def verb_of(t: Token) -> Token | None:
        # a noun trigger counts as its light verb's act ("imposed duties on X and blocked imports")
        return t if t.pos_ == "VERB" else governing_verb(t) if t.pos_ == "NOUN" else None

    va, vb = verb_of(a), verb_of(b)
    return va is not None and vb is not None and va.i != vb.i and va.pos_ == vb.pos_ == "VERB" \
        and chain_root(va).i == chain_root(vb).i


def _drop_references(events: list[CodedEvent], doc: Doc) -> list[CodedEvent]:
    """A definite event noun ("the visit", "Abdollahian's visit to Moscow") repeating the code and actor
    pair of an event coded earlier in the document refers back to it."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for e in events:
        token = doc[e.trigger]
        if _dyad(e) in seen and token.pos_ == "NOUN" and _definite(token):
            continue
        seen.add(_dyad(e))
        kept.append(e)
    return kept


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def _modifier(noun: Token) -> bool:
    """A noun trigger modifying another noun ("war games", "war crimes") names no event of its own."""
    return noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") \
        and noun.head.lemma_.lower() not in LIGHT_HEADS


def _background(noun: Token) -> bool:
    """A noun trigger under a preposition of reason or time is the background of the clause: "because of
    fighting between X and Y", "after the talks", "during the war"."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in ("because", "wake", "result", "anniversary", "anniversaries"):
        return True  # ("marking the second anniversary of Russia's invasion": an event of years before)
    if prep.lower_ == "during" and any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
        return False  # "signed ten agreements during a visit by X": the visit is told of, not a backdrop
    return prep.lower_ in BACKGROUND_PREPS and prep.head.i != noun.i


def _modal_complement(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """ "X said that Y must withdraw": a "that" clause with its own subject and one of ``auxiliaries``."""
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in auxiliaries for a in c.children)
               and any(a.dep_ in SUBJECT_DEPS for a in c.children) for c in verb.children)


def _conflictual(code: str) -> bool:
    return code[:2].isdigit() and int(code[:2]) >= 11


def _conditional(trigger: Token, marks: frozenset[str] = CONDITIONAL_MARKS - {"whether"}) -> bool:
    """The trigger's clause is held out on a condition: "X may halt mediation if ...", "unless ..."."""
    for token in clause_chain(trigger):
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                         for m in c.children) for c in token.children):
            return True
    return False


def _domestic(trigger: Token, source: Mention, index: MentionIndex, optional: bool) -> Mention | None:
    """The implied target of an inward event (a protest, a curfew, arrests) that names no actor: the state
    where it happens ("rioted at a jail in northern Israel"), else the source's own state, but for an act
    that needs a target ("police arrested 12") only when the source is an organ of internal order: troops
    may act abroad. A protest is aimed at that state's government; a state's own measure at its people."""
    place: Mention | None = None
    holders = [trigger] + ([v] if (v := governing_verb(trigger)) is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for obj in prep.children:
                    found = [m for m in index.in_phrase(obj) if m.kind in ("country", "capital") and m.actor.country]
                    if found:
                        place = found[0]
                        break
            if place is not None:
                break
        if place is not None:
            break
    if place is None and not optional and source.actor.sector not in INTERNAL_SECTORS:
        return None
    country = place.actor.country if place is not None else source.actor.country
    if country is None:
        return None
    state = source.actor.sector in STATE_SECTORS \
        or (source.actor.sector is None and source.kind in ("country", "capital"))
    sector = "CVL" if state and country == source.actor.country else "GOV"
    how = "implied:place" if place is not None else "implied:source-state"
    actor = Actor(text=place.actor.text if place is not None else source.actor.text, name=country,
                  code=country + sector, country=country, sector=sector, how=how, entry=f"implied:{country}")
    at = place if place is not None else source
    return Mention(at.start, at.end, at.head, actor, "implied")


def _between(mention: Mention, doc: Doc) -> bool:
    """The mention is one party of "between X and Y" (or of "among ...")."""
    token = doc[mention.head]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in ("between", "among", "amongst")
