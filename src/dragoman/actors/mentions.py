"""Finding actor mentions in a parsed document and resolving them against the knowledge base.

Reads: ``doc`` tokens, dependency parse, entities. Returns: ``Mention`` records (token spans with a
resolved ``Actor``), sorted by position. spaCy objects do not leave this module (and ``coref.py``) except
as token indices.

Order of work in ``MentionFinder.find``:
1. dictionary names (countries, capitals, adjectives, organisations, groups, people), case-folded but
   never matched in an all-lower-case span ("turkey", "male"), acronyms case-sensitively;
2. a country word grown into its noun phrase when the phrase names a role, a person or an affiliation
   ("Iranian foreign minister", "pro-Iranian militias", "US-led coalition base"), and a role phrase
   linked to the person holding that office at the reference date ("the Saudi crown prince");
3. person names that are not in the dictionary: a surname or partial name after a full mention in the
   document, a surname that the knowledge base knows for one country only, and guarded fuzzy matches
   ("Sergie Lavrov"); misspelt country names ("Afganistan") likewise;
4. references (``coref.py``): "his Russian counterpart", "the two sides", and pronouns.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import cast

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dragoman.actors.coref import resolve_references
from dragoman.actors.kb import ActorKB, Entry, normalise
from dragoman.actors.mention import Mention
from dragoman.nlp.phrases import PhraseIndex, phrase_tokens
from dragoman.records import Actor

NOUN_MODIFIERS = {"amod", "compound", "nmod", "poss", "nummod", "det", "case", "npadvmod"}
NEAR_NAMES_KEPT = 50_000  # unknown names whose fuzzy matches are remembered
ACRONYM_SKIPPED = frozenset({"the", "of", "and", "for", "de", "la", "el"})  # words an acronym leaves out
MISSIONS = frozenset({"embassy", "consulate", "mission", "legation"})  # a state's buildings abroad
MISREAD_PERSON_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
PERSON_LABELS = {"PERSON"}
NAME_LABELS = {"GPE", "NORP", "ORG", "LOC"}
KIND_ORDER = {"person": 0, "org": 1, "group": 2, "country": 3, "capital": 4, "adjective": 5}
FUZZY_PERSON = 88.0  # minimum rapidfuzz ratio for a misspelt person name
FUZZY_NAME = 90.0  # ... for a misspelt country or organisation name
FUZZY_MARGIN = 4.0  # the best candidate must beat the next different one by this much
# The knowledge-base searches ask rapidfuzz only for names scoring at least the threshold minus the
# margin (faster): a best name below the threshold is refused anyway, and a runner-up below that
# floor could not have been within the margin of an accepted best name.
# "rebels in the Ivory Coast", "students throughout Indonesia", "the Albanians of southern Serbia": a group
# placed by a preposition takes the country of the place. Troops and settlers are often abroad: not placed.
PLACING_PREPS = {"in", "of", "throughout", "across", "from", "inside"}
UNPLACED_SECTORS = {"MIL", "SET"}


def entry_actor(entry: Entry, text: str, date: dt.date | None, how: str) -> Actor:
    """The actor an entry stands for at ``date``: a person is coded by the office held then."""
    if entry.kind != "person":
        return Actor(text=text, name=entry.name, code=entry.code, country=entry.country, org=entry.org,
                     sector=entry.sector, how=how, entry=entry.id)
    tenure, basis = entry.tenure_at(date)
    if tenure is None:
        return Actor(text=text, name=entry.name, code=entry.code, country=entry.country, org=entry.org,
                     sector=entry.sector, how=how, entry=entry.id)
    sector = tenure.sector
    code = tenure.code
    if basis == "former" and tenure.country:  # out of office at the date: an elite, no longer the state
        sector, code = "ELI", tenure.country + "ELI"
    return Actor(text=text, name=entry.name, code=code, country=tenure.country, org=tenure.org, sector=sector,
                 how=f"{how};{tenure.role}:{basis}", entry=entry.id)


class MentionFinder:
    """Built once per (model, knowledge base); finds mentions in any number of docs."""

    def __init__(self, nlp: Language, kb: ActorKB) -> None:
        self.kb = kb
        # Acronyms ("US", "UN") must match their case: "us" is a pronoun, "who" is not the WHO.
        folded_acronyms = {normalise(a) for a in kb.acronyms}
        folded = [n for n in kb.names if n not in folded_acronyms]
        acronyms = sorted(kb.acronyms)
        tokens = phrase_tokens(cast(Tokenizer, nlp.tokenizer), folded + acronyms)
        self.matcher = PhraseIndex(tokens[:len(folded)], lower=True)
        self.exact = PhraseIndex(tokens[len(folded):], lower=False)
        self.person_names = sorted({n for n, es in kb.names.items() if any(e.kind == "person" for e in es)})
        self.place_names = sorted(n for n, es in kb.names.items()
                                  if len(n) >= 6 and n not in folded_acronyms
                                  and any(e.kind in ("country", "adjective", "org", "group") for e in es))
        # the fuzzy matches of unknown names, once per name (news repeats its names); bounded
        self._near_names: dict[str, list[tuple[str, float, int]]] = {}
        self._near_people: dict[str, list[tuple[str, float, int]]] = {}  # the same for people's names

    def find(self, doc: Doc, reference_date: dt.date | None = None) -> list[Mention]:
        """Mentions in ``doc``; ``reference_date`` (the document's date, when known) decides which office a
        person held."""
        matches = self.matcher(doc) + self.exact(doc)
        if not doc.text.isascii():  # "Vučić", "Erdoğan", "García": also matched without their accents
            matches += self.matcher.find([self.matcher.key(fold(t.text) or t.text) for t in doc])
        spans = [Span(doc, s, e, label="ACTOR") for s, e in matches]
        spans = [s for s in filter_spans(spans) if _cased(s)]
        found: dict[int, Mention] = {}  # start token -> mention
        taken: dict[int, int] = {}  # token -> start of the mention holding it
        resolved = [(span, _best(self.kb.lookup(span.text) or self.kb.lookup(fold(span.text)))) for span in spans]
        for span, entry in sorted((p for p in resolved if p[1] is not None),
                                  key=lambda p: (KIND_ORDER.get(p[1].kind, 9), p[0].start)):  # type: ignore[union-attr]
            assert entry is not None
            if entry.country is None and not entry.code.startswith(("IGO", "NGO")) and _cut_short(span):
                continue  # "the West" of "the West African bloc": a longer name the dictionary lacks
            if entry.kind == "org" and _prefixed(span):
                continue  # "Iraq's National Security Council", "the Russian Security Council": not the UN's
            if entry.kind == "capital" and _within_a_person(span):
                continue  # "Sofia Sapega", "Lima Ahmed": a capital's name as a person's first name
            if span.start > 0 and (self.kb.reference(f"{doc[span.start - 1].lower_} {span.text.lower()}")
                                   or ("", ""))[0] == "region":
                continue  # "Latin American countries", "West African leaders": a region's, not a state's
            mention = self._expand(doc, span, entry, reference_date)
            if mention is not None:
                self._place(mention, found, taken)
        self._people(doc, found, taken, reference_date)
        self._misspelt_names(doc, found, taken)
        self._placed_groups(doc, found, taken)
        mentions = _acronyms_of_names(doc, sorted(found.values(), key=lambda m: m.start))
        mentions = resolve_references(doc, mentions, self.kb, reference_date)
        return sorted(mentions, key=lambda m: m.start)

    @staticmethod
    def _place(mention: Mention, found: dict[int, Mention], taken: dict[int, int]) -> None:
        """Add ``mention`` unless it overlaps one already found; a role phrase grown over a person's name
        ("Iranian foreign minister Hossein Amir Abdollahian") joins that person's mention instead."""
        overlap = {taken[i] for i in range(mention.start, mention.end) if i in taken}
        if overlap:
            if mention.kind not in ("role", "person") or len(overlap) != 1:
                return
            other = found[overlap.pop()]
            if other.actor.entry is None or not other.actor.entry.startswith("person:") \
                    or not (mention.start < other.start and other.end == mention.end):
                return
            del found[other.start]
            text = mention.actor.text
            actor = replace(other.actor, text=text)
            if other.actor.country and mention.actor.country and other.actor.country != mention.actor.country:
                actor = mention.actor  # the text names someone else's office: trust the text
            mention = replace(other, start=mention.start, actor=actor)
        found[mention.start] = mention
        for i in range(mention.start, mention.end):
            taken[i] = mention.start

    def _expand(self, doc: Doc, span: Span, entry: Entry, date: dt.date | None) -> Mention | None:
        """Grow a country adjective or name into its noun phrase when the phrase names a role, a person or
        an affiliation: "Iranian foreign minister X" -> IRNGOV; "the US strike" stays "US"."""
        root = span.root
        base = entry_actor(entry, span.text, date, f"dictionary:{entry.kind}")
        if entry.kind == "adjective" and span.start > 0 and doc[span.start - 1].lower_ == "ethnic":
            return None  # "ethnic Albanians": a people, not the state
        if entry.kind not in ("country", "adjective", "capital"):
            return Mention(span.start, span.end, root.i, base, entry.kind)
        affiliated = self._affiliation(doc, span)
        if affiliated is not None:
            return affiliated
        coordinated = root
        while coordinated.dep_ == "conj" and coordinated.head.i != coordinated.i:
            coordinated = coordinated.head  # "Hungarian and Romanian officials": Romanian -> Hungarian
        if coordinated.dep_ not in NOUN_MODIFIERS or coordinated.head.i == coordinated.i:
            return Mention(span.start, span.end, root.i, base, entry.kind)
        head = coordinated.head
        while head.dep_ == "compound" and head.head.i != head.i and head.head.i > head.i:
            head = head.head
        if head.i < root.i or (head.pos_ == "PROPN" and any(t.pos_ == "CCONJ" for t in doc[span.end:head.i])):
            # (nor over a conjunction: "Mali and Burkina Faso", misparsed as a modifier of "Faso")
            return Mention(span.start, span.end, root.i, base, entry.kind)
        words = phrase_words(head)
        sector = self.sector_in(words)
        is_person = head.ent_type_ in PERSON_LABELS
        if sector is None and not is_person:
            return Mention(span.start, span.end, root.i, base, entry.kind)
        code = (entry.country or "---") + (sector or "")
        if coordinated is not root or any(c.dep_ == "conj" for c in root.children):
            # one of several coordinated states: each keeps its own words, with the shared role
            actor = replace(base, code=code, sector=sector, how=f"dictionary:{entry.kind}+role:coordinated")
            return Mention(span.start, span.end, root.i, actor, "role")
        left = min([span.start] + [t.i for t in head.subtree if t.i < head.i and t.dep_ in NOUN_MODIFIERS
                                   and t.dep_ not in ("det", "case", "poss") and t.i >= span.start - 3])
        text = doc[left:head.i + 1].text
        actor = replace(base, text=text, code=code, sector=sector, how=f"dictionary:{entry.kind}+role")
        if not is_person:
            holder = self._office_holder(words, entry.country, date)
            if holder is not None:
                actor = replace(actor, name=holder.name, entry=holder.id, how=actor.how + "+holder")
        return Mention(left, head.i + 1, head.i, actor, "person" if is_person else "role")

    def _office_holder(self, words: list[Token], country: str | None, date: dt.date | None) -> Entry | None:
        """The person holding the office a role phrase names ("the Saudi crown prince"), unless the phrase
        says it is someone else (a deputy, a former holder) or the office is not known."""
        if country is None or any(self.kb.reference(t.lower_) == ("blocker", "") for t in words):
            return None
        if any(t.tag_ in ("NNS", "NNPS") for t in words[-1:]):
            return None
        role = self.role_in(words)
        return self.kb.holder(country, role, date) if role else None

    def _affiliation(self, doc: Doc, span: Span) -> Mention | None:
        """'pro-Iranian militias', 'Iranian-backed militias', 'US-led coalition': the group gets the
        country; its sector comes from its head noun, or the affix's default."""
        affix_token: Token | None = None
        if span.start >= 2 and doc[span.start - 1].text == "-":
            word = doc[span.start - 2]
            found = self.kb.affixes.get(word.lower_)
            if found and found.position == "prefix":
                affix_token = word
        elif span.start >= 1 and doc[span.start - 1].lower_.startswith("pro") \
                and doc[span.start - 1].lower_.rstrip("-") == "pro":
            affix_token = doc[span.start - 1]
        if affix_token is None and span.end + 1 < len(doc) and doc[span.end].text == "-":
            word = doc[span.end + 1]
            found = self.kb.affixes.get(word.lower_)
            if found and found.position == "suffix":
                affix_token = word
        if affix_token is None:
            return None
        affix = self.kb.affixes.get(affix_token.lower_.rstrip("-"))
        if affix is None:
            return None
        head = affix_token.head if affix.position == "suffix" else span.root.head
        if affix.position == "suffix" and span.root.head.i not in (affix_token.i, head.i):
            head = span.root.head
        if head.pos_ not in ("NOUN", "PROPN") or head.i < span.end:
            return None
        entry = _best(self.kb.lookup(span.text))
        if entry is None or entry.country is None:
            return None
        sector = self.sector_in(phrase_words(head)) or affix.sector
        start = min(span.start, affix_token.i)
        actor = Actor(text=doc[start:head.i + 1].text, name=entry.name, code=entry.country + sector,
                      country=entry.country, org=None, sector=sector,
                      how=f"dictionary:{entry.kind}+affiliation:{affix_token.lower_}", entry=entry.id)
        return Mention(start, head.i + 1, head.i, actor, "affiliation")

    def sector_in(self, words: list[Token]) -> str | None:
        """The sector named by a noun phrase's words (two-word role names first: "foreign minister")."""
        return named_by(words, self.kb.sector_of, lemmas=True)

    def role_in(self, words: list[Token]) -> str | None:
        """The office named by a noun phrase's words ("top diplomat" -> foreign_minister)."""
        return named_by(words, self.kb.role_of, lemmas=False)

    # --- people not in the dictionary by that exact name ---------------------------------------------
    def _people(self, doc: Doc, found: dict[int, Mention], taken: dict[int, int], date: dt.date | None) -> None:
        """PERSON entities found again by a partial name of an earlier mention, by a surname the knowledge
        base gives to one country only, or by a guarded fuzzy match of the full name."""
        aliases: dict[str, Actor] = {}
        for ent in sorted(doc.ents, key=lambda e: e.start):
            if ent.label_ not in PERSON_LABELS:
                # the tagger's "Vučić"/GPE, "Olaf Scholz"/ORG: a name read as a place or body that is no
                # place or body we know is a person when it matches a person's name exactly
                if ent.label_ in MISREAD_PERSON_LABELS and not any(i in taken for i in range(ent.start, ent.end)):
                    actor = self._person(ent, aliases, date, exact=True)
                    if actor is not None:
                        mention = Mention(ent.start, ent.end, ent.root.i, actor, "person")
                        self._place(mention, found, taken)
                        for k in range(ent.start, ent.end):
                            aliases.setdefault(normalise(doc[k:ent.end].text), actor)
                continue
            owner = taken.get(ent.root.i)
            if owner is not None:
                mention = found[owner]
                if mention.kind == "person" and not (mention.actor.entry or "").startswith("person:"):
                    # a role phrase around a name the dictionary does not hold verbatim: "Russian
                    # counterpart Sergie Lavrov" -> the named person, when the countries agree
                    named = self._person(ent, aliases, date)
                    if named is not None and named.country in (None, mention.actor.country):
                        mention = replace(mention, actor=replace(named, text=mention.actor.text))
                        found[owner] = mention
                if mention.kind == "person":
                    for k in range(ent.start, ent.end):
                        aliases.setdefault(normalise(doc[k:ent.end].text), mention.actor)
                continue
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            actor = self._person(ent, aliases, date)
            if actor is None:
                continue
            mention = Mention(ent.start, ent.end, ent.root.i, actor, "person")
            self._place(mention, found, taken)
            for k in range(ent.start, ent.end):
                aliases.setdefault(normalise(doc[k:ent.end].text), actor)
        # a name the tagger found no entity for ("Modi and President Xi exchanged ..."): one capitalised
        # word that is part of a person's name given elsewhere in the document, or a surname after a title
        in_full = {a.entry for a in aliases.values()}  # people named in full in the document
        for token in doc:
            if token.i in taken or token.pos_ != "PROPN" or not token.is_title \
                    or (token.ent_type_ and token.ent_type_ not in MISREAD_PERSON_LABELS):
                continue
            before = doc[token.i - 1] if token.i > 0 else None
            titled = before is not None and (self.kb.reference(before.lower_) or ("", ""))[0] == "person" \
                and before.is_title
            key = fold(normalise(token.text))
            if not titled and key not in aliases and not any(p.id in in_full for p in self.kb.surnames.get(key, ())):
                continue
            actor = self._person(doc[token.i:token.i + 1], aliases, date, exact=True)
            if actor is not None:
                self._place(Mention(token.i, token.i + 1, token.i, actor, "person"), found, taken)

    def _person(self, ent: Span, aliases: dict[str, Actor], date: dt.date | None,
                exact: bool = False) -> Actor | None:
        text = _strip_possessive(ent)
        key = fold(normalise(text))
        for k in range(len(key.split())):
            tail = " ".join(key.split()[k:])
            if tail in aliases:
                return replace(aliases[tail], text=ent.text, how="coreference:name")
        words = key.split()
        if len(words) == 1:
            people = self.kb.surnames.get(key, ())
            countries = {p.country or p.org for p in people}
            if len(countries) == 1:
                current = [p for p in people if p.tenure_at(date)[1] in ("dated", "latest")] or list(people)
                return entry_actor(current[0], ent.text, date, "dictionary:surname")
        elif len(words) <= 4:
            # "Joseph R. Biden": a known person's surname, with a first name of the same initial
            initialled = [p for p in self.kb.surnames.get(words[-1], ())
                          if fold(normalise(p.name))[:1] == words[0][:1]]
            if len({p.country or p.org for p in initialled}) == 1:
                held = [p for p in initialled if p.tenure_at(date)[1] in ("dated", "latest")] or initialled
                return entry_actor(held[0], ent.text, date, "dictionary:surname+initial")
        if exact:
            entry = _best(tuple(e for e in self.kb.names.get(key, ()) if e.kind == "person"))
            return entry_actor(entry, ent.text, date, "dictionary:person") if entry is not None else None
        if len(key) < 6:
            return None
        # misspelt or transliterated: against earlier names in this document, then the knowledge base
        best = process.extract(key, list(aliases), scorer=fuzz.ratio, limit=2)
        if best and best[0][1] >= FUZZY_PERSON and _same_initial(key, best[0][0]) \
                and (len(best) < 2 or best[0][1] - best[1][1] >= FUZZY_MARGIN):
            return replace(aliases[best[0][0]], text=ent.text, how=f"fuzzy:{best[0][1] / 100:.2f}")
        best = _nearest(self._near_people, key, self.person_names, FUZZY_PERSON - FUZZY_MARGIN)
        if best and best[0][1] >= FUZZY_PERSON and _same_initial(key, best[0][0]) \
                and (len(best) < 2 or best[0][1] - best[1][1] >= FUZZY_MARGIN
                     or self.kb.names[best[0][0]] == self.kb.names[best[1][0]]):
            entry = _best(self.kb.names[best[0][0]])
            if entry is not None:
                return entry_actor(entry, ent.text, date, f"fuzzy:{best[0][1] / 100:.2f}")
        return None

    def _misspelt_names(self, doc: Doc, found: dict[int, Mention], taken: dict[int, int]) -> None:
        """A capitalised name entity the dictionary does not know, close to a country or organisation name
        ("Afganistan", "Ethopia", "Phillippines"); short words are never guessed."""
        candidates = [e for e in doc.ents if e.label_ in NAME_LABELS | PERSON_LABELS]
        candidates += [doc[t.i:t.i + 1] for t in doc if t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS]
        for ent in candidates:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            text = _strip_possessive(ent)
            key = normalise(text)
            if len(key) < 6 or not text[:1].isupper() or key in self.kb.names:
                continue  # short words are never guessed; known names were matched (or left out) already
            best = _nearest(self._near_names, key, self.place_names, FUZZY_NAME - FUZZY_MARGIN)
            if not best or best[0][1] < FUZZY_NAME or not _same_initial(key, best[0][0]):
                continue
            entries = self.kb.names[best[0][0]]
            if len(best) > 1 and best[0][1] - best[1][1] < FUZZY_MARGIN \
                    and {e.id for e in self.kb.names[best[1][0]]} != {e.id for e in entries}:
                continue
            entry = _best(entries)
            if entry is None:
                continue
            actor = entry_actor(entry, ent.text, None, f"fuzzy:{best[0][1] / 100:.2f}")
            self._place(Mention(ent.start, ent.end, ent.root.i, actor, entry.kind), found, taken)


    def _placed_groups(self, doc: Doc, found: dict[int, Mention], taken: dict[int, int]) -> None:
        """A group noun placed by a country: a role word ("rebels in the Ivory Coast" -> CIVREB, "workers of
        a Tehran company" -> IRNLAB) or a people named by a demonym ("the Albanians of southern Serbia",
        "ethnic Albanians in Macedonia") -> the country they live in."""
        for token in doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in ("NNS", "NNPS", "NN", "NNP"):
                continue  # a capitalised "Rebels" at the start of a sentence is tagged NNP
            plural = token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NNP" and token.lower_.endswith("s"))
            own = found.get(taken[token.i]) if token.i in taken else None
            people = own is None and plural and _demonym(self.kb, token)
            if own is not None:
                if not (own.kind == "adjective" and own.start == own.end - 1 == token.i and plural):
                    continue
                people = True  # "the Albanians of southern Serbia": a people, placed
            sector = None if people else (self.kb.sector_of(token.lower_) or self.kb.sector_of(token.lemma_.lower()))
            if not people and (sector is None or sector in UNPLACED_SECTORS):
                continue
            place = place_of(token, found, taken)
            if place is None or place.actor.country is None:
                continue
            left = min([token.i] + [t.i for t in token.subtree if t.i < token.i and t.dep_ in ("amod", "compound")
                                     and t.i not in taken])
            if any(i in taken for i in range(left, token.i)):
                continue
            if own is not None:
                del found[own.start]
                for i in range(own.start, own.end):
                    taken.pop(i, None)
            country = place.actor.country
            actor = Actor(text=doc[left:token.i + 1].text, name=place.actor.name, code=country + (sector or ""),
                          country=country, sector=sector, how=f"dictionary:{place.kind}+role:placed",
                          entry=place.actor.entry)
            self._place(Mention(left, token.i + 1, token.i, actor, "role"), found, taken)


def _demonym(kb: ActorKB, token: Token) -> bool:
    """A plural demonym used as a noun: "Albanians", "Kurds"."""
    entries = kb.lookup(token.text)
    return bool(entries) and any(e.kind == "adjective" for e in entries)


def place_of(noun: Token, found: dict[int, Mention], taken: dict[int, int]) -> Mention | None:
    """The country or capital a placing preposition on ``noun`` names ("in East Timor's capital Dili")."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACING_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or any(c.dep_ == "conj" or (c.dep_ == "nmod" and any(
                    g.dep_ == "cc" for g in c.children)) for c in obj.children):
                continue  # "ministers of Syria, Turkey and Iran": one group per country, found by the coder
            if obj.lemma_.lower() in MISSIONS:
                # "protesters outside the US embassy in Beirut": an embassy is its state's, its place the city's
                found_there = place_of(obj, found, taken)
                if found_there is not None:
                    return found_there
                continue
            for t in [obj, *[c for c in obj.children if c.dep_ in ("compound", "amod", "poss", "nmod")]]:
                mention = found.get(taken[t.i]) if t.i in taken else None
                if mention is not None and mention.kind in ("country", "capital", "adjective"):
                    return mention
    return None


def phrase_words(head: Token) -> list[Token]:
    """The head of a noun phrase and its compound/adjective modifiers before it, in order."""
    return [t for t in head.subtree if (t.i < head.i and t.dep_ in ("compound", "amod", "npadvmod", "nmod"))
            or t.i == head.i]


def fold(text: str) -> str:
    """``text`` without diacritics: "Vučić" -> "Vucic"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _nearest(memo: dict[str, list[tuple[str, float, int]]], key: str, names: Sequence[str],
             cutoff: float) -> list[tuple[str, float, int]]:
    """The two ``names`` nearest ``key`` (fuzzy ratio at least ``cutoff``), remembered in ``memo`` per key;
    the memo is emptied past ``NEAR_NAMES_KEPT`` keys, so a long run's memory stays bounded."""
    near = memo.get(key)
    if near is None:
        if len(memo) >= NEAR_NAMES_KEPT:
            memo.clear()
        near = memo[key] = process.extract(key, names, scorer=fuzz.ratio, limit=2, score_cutoff=cutoff)
    return near


def _strip_possessive(span: Span) -> str:
    tokens = [t for t in span if t.tag_ != "POS" and t.text not in ("'s", "’s", "'")]
    return " ".join(t.text for t in tokens) if tokens else span.text


def _same_initial(a: str, b: str) -> bool:
    return a[:1] == b[:1]


def _prefixed(span: Span) -> bool:
    """A capitalised word before the span modifies it: the span is the end of a longer name the dictionary
    lacks (a longer name it holds would have been matched instead)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if not before.is_title or before.dep_ not in ("compound", "amod"):
        return False
    return (span.start <= before.head.i < span.end and before.i != before.sent.start) \
        or before.ent_type_ in ("NORP", "GPE")


def _within_a_person(span: Span) -> bool:
    """The span is part of a longer PERSON entity."""
    ents = [e for e in span.doc.ents if e.start <= span.start and span.end <= e.end]
    return any(e.label_ == "PERSON" and e.end - e.start > span.end - span.start for e in ents)


def _acronyms_of_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An acronym that spells the initials of a name the document gave before is that name's actor, whatever
    else the dictionary knows by it ("the Rapid Support Forces ... the RSF": not Reporters Without Borders)."""
    out: list[Mention] = []
    for m in mentions:
        text = doc[m.start:m.end].text
        if text.isupper() and 2 <= len(text) <= 6 and text.isalpha():
            for earlier in out:
                words = [t.text for t in doc[earlier.start:earlier.end]
                         if t.text[:1].isupper() and t.lower_ not in ACRONYM_SKIPPED]
                if len(words) > 1 and "".join(w[0] for w in words) == text and earlier.actor.code != m.actor.code:
                    m = replace(m, actor=replace(earlier.actor, text=m.actor.text,
                                                 how=f"acronym of {earlier.actor.text!r}+{earlier.actor.how}"))
                    break
        out.append(m)
    return out


def _cut_short(span: Span) -> bool:
    """The span ("the West") is only the first words of a longer capitalised name ("the West African bloc"):
    its last word modifies a capitalised word right after it."""
    doc = span.doc
    if span.end >= len(doc) or span[0].lower_ != "the":
        return False
    after, last = doc[span.end], doc[span.end - 1]
    return after.is_title and after.pos_ in ("PROPN", "ADJ") and last.dep_ in ("compound", "amod") \
        and last.head.i >= span.end


def _cased(span: Span) -> bool:
    """Dictionary names are proper names: a span written all in lower case ("turkey", "male", "chad") is
    not one."""
    return any(c.isupper() for c in span.text)


def _best(entries: tuple[Entry, ...]) -> Entry | None:
    if not entries:
        return None
    return min(entries, key=lambda e: KIND_ORDER.get(e.kind, 9))


def named_by(words: list[Token], lookup: Callable[[str], str | None], lemmas: bool) -> str | None:
    """The first value ``lookup`` gives for a two-word name among ``words``, else for one word, last first."""
    for first, second in pairwise(words):
        found = lookup(f"{first.lower_} {second.lower_}")
        if found:
            return found
    for tok in reversed(words):
        found = lookup(tok.lower_) or (lookup(tok.lemma_.lower()) if lemmas else None)
        if found:
            return found
    return None
