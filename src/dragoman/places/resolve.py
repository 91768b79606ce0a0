"""Event places.

Reads: the parsed doc, a coded event and the document's actor mentions. Returns: a ``Place`` or None.

The doc's place names are found once (``Gazetteer.find``, cached in ``doc.user_data``) and each is decided
among its candidates by the document's countries: those its actors belong to and its unambiguous place
names, and their neighbours ("Tripoli" in a story about Lebanon is Lebanon's). "Syrian territory" (a
country adjective before a word for land) is Syria; "the Norwegian capital" is Oslo.

A place is the event's when the sentence ties it to the event's clause (``dragoman.time.clauses``):
"in", "at", "near", "inside" ... a place; the destination of a visit or a trip ("visited Oslo", "a visit to
Moscow"); the site of an attack ("strikes on Gaza", "shelled Kharkiv"); the host ("Beijing hosted the
talks"); a place whose relative clause holds the event ("Moscow, where he met ..."); or a place of a clause
above the event's, except across reported speech. No place is ever invented: an event without one keeps
none, and a country-level place keeps no coordinates.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from dragoman.actors.mentions import Mention
from dragoman.events.coder import CodedEvent
from dragoman.places.gazetteer import Candidate, Gazetteer, PlaceEntry, PlaceMatch
from dragoman.places.index import load_gazetteer
from dragoman.records import Place
from dragoman.time.clauses import clause_chain, climb, event_clause, sentence

_CACHE = "dragoman.places"  # doc.user_data key: the doc's resolved places, found once
LOCATIVE = {"in", "at", "near", "inside", "outside", "within", "across", "throughout", "around", "off", "along",
            "nearby", "towards", "toward", "into", "to", "on", "against"}  # not "from": a place left is not the site
MOTION = {"visit", "trip", "travel", "go", "come", "fly", "arrive", "arrival", "return", "head", "send",
          "dispatch", "deploy", "deployment", "tour", "journey", "move", "march", "mission", "delegation",
          "sail", "drive", "invite", "invitation", "summon", "bring", "take", "transfer", "deliver", "evacuate"}
ATTACK = {"attack", "strike", "airstrike", "raid", "assault", "offensive", "bombing", "bomb", "bombard",
          "bombardment", "shelling", "shell", "missile", "drone", "fire", "hit", "invasion", "invade",
          "incursion", "operation", "advance", "push", "target", "storm", "siege", "besiege", "blockade"}
# prepositions that locate only with a particular kind of head word
MOTION_PREPS = {"to", "into", "towards", "toward"}
ATTACK_PREPS = {"on", "against"}
SITE_VERBS = {"visit", "tour", "reach", "enter", "invade", "attack", "strike", "shell", "bomb", "bombard", "hit",
              "raid", "capture", "seize", "occupy", "besiege", "storm", "target", "liberate", "retake", "recapture"}
NAME_PARTS = {"compound", "appos", "flat", "conj", "nmod", "nn", "amod", "npadvmod"}
LAND_WORDS = {"territory", "territories", "soil", "airspace", "waters", "land", "lands", "coast", "coastline",
              "border", "borders", "border area", "mainland", "countryside", "capital"}
# reported speech: a place of the report ("said in Moscow that ...") is not the reported event's
SPEECH = {"ccomp", "parataxis"}


@dataclass(frozen=True)
class DocPlace:
    """A place name in a doc, decided: tokens ``start``..``end``, ``head`` the token that carries its
    grammatical relation, and the place it names."""

    start: int
    end: int
    head: int
    text: str
    entry: PlaceEntry
    direction: str | None = None

    def place(self) -> Place:
        e = self.entry
        if self.direction and e.precision in ("country", "region"):
            return Place(name=f"{self.direction} {e.name}", country=e.country, feature="RGN", text=self.text,
                         precision="region")
        # the name as written when it is the gazetteer's name with its accents ("Bogotá", not "Bogota")
        name = self.text if self.text != e.name and _unaccented(self.text) == e.name else e.name
        return Place(name=name, country=e.country, lat=e.lat, lon=e.lon, geonameid=e.geonameid,
                     feature=e.feature, text=self.text, precision=e.precision)


@dataclass(frozen=True)
class PlaceResolver:
    gazetteer: Gazetteer | None = None  # None locates nothing

    @classmethod
    def load(cls, place_files: Sequence[Path] = ()) -> PlaceResolver:
        return cls(load_gazetteer(place_files))

    def event_place(self, doc: Doc, event: CodedEvent, mentions: Sequence[Mention]) -> Place | None:
        sent = sentence(doc, event.sentence_start)
        places = [p for p in self.places(doc, mentions) if sent.start <= p.start and p.end <= sent.end]
        if not places:
            return None
        trigger = doc[event.trigger]
        own = event_clause(trigger)
        top = doc[max(own, key=lambda i: own[i])]
        chain = []
        for verb, via in clause_chain(top):
            if via in SPEECH:
                break
            chain.append(verb)
        target = event.target
        ranked = []
        for p in places:
            for anchor in _anchors(doc, p):
                steps = climb(anchor, own)
                level = 0
                if steps is None:
                    level = next((k for k, verb in enumerate(chain, start=1) if verb.i == anchor.i), 0)
                    if not level:
                        continue
                    steps = 0
                on_target = target is not None and p.start < target.end and target.start < p.end
                ranked.append((level, steps, not on_target, _SPECIFIC[p.entry.precision], abs(p.head - trigger.i), p))
                break
        if not ranked:
            return None
        return min(ranked, key=lambda r: r[:5])[5].place()

    def named(self, name: str) -> Place | None:
        """The place a bare name (a dateline's "ABUJA") most likely is, or None when the gazetteer has none."""
        if self.gazetteer is None:
            return None
        candidates = self.gazetteer.lookup(name)
        if not candidates:
            return None
        entry = self._choose(candidates, Counter())
        return Place(name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                     geonameid=entry.geonameid, feature=entry.feature, text=name, precision=entry.precision)

    def places(self, doc: Doc, mentions: Sequence[Mention]) -> tuple[DocPlace, ...]:
        """The doc's place names, each decided among its candidates; found once per doc."""
        cached = doc.user_data.get(_CACHE)
        if cached is not None:
            return tuple(cached)
        if self.gazetteer is None:
            return ()
        matches = self.gazetteer.find(doc)
        salience = _salience(matches, mentions)
        found = [DocPlace(m.start, m.end, _np_head(doc, m.start, m.end).i, _text(doc, m),
                          self._choose(m.candidates, salience), m.direction) for m in matches]
        taken = {i for p in found for i in range(p.start, p.end)}
        for mention in mentions:
            land = self._land(doc, mention)
            if land is not None and not any(i in taken for i in range(land.start, land.end)):
                found.append(land)
        result = tuple(sorted(found, key=lambda p: p.start))
        doc.user_data[_CACHE] = result
        return result

    def _choose(self, candidates: tuple[Candidate, ...], salience: Counter[str]) -> PlaceEntry:
        assert self.gazetteer is not None
        neighbours = self.gazetteer.neighbours

        def score(c: Candidate) -> float:
            country = c.entry.country
            weight = 0.0
            if country:
                weight = salience[country] + 0.5 * sum(salience[n] for n in neighbours.get(country, ()))
            return c.entry.prior + (1.5 if weight > 0 else 0.0) + 0.1 * min(weight, 10.0) + (0.3 if c.primary else 0)

        return max(candidates, key=score).entry

    def _land(self, doc: Doc, mention: Mention) -> DocPlace | None:
        """'Syrian territory', 'Iraqi airspace', 'the Norwegian capital': a country adjective before a word
        for land is that country (its capital city for 'capital')."""
        if mention.kind != "adjective" or mention.actor.country is None or self.gazetteer is None:
            return None
        word = doc[mention.head].head
        if word.i <= mention.head or word.lower_ not in LAND_WORDS or word.i - mention.end > 2:
            return None
        country = self.gazetteer.countries.get(mention.actor.country)
        if country is None:
            return None
        entry = country
        if word.lower_ == "capital":
            capital = self.gazetteer.capitals.get(mention.actor.country)
            if capital is None:
                return None
            if word.i + 1 < len(doc) and doc[word.i + 1].ent_type_ in ("GPE", "LOC"):
                return None  # "the Norwegian capital Oslo": the name itself is found
            entry = capital
        return DocPlace(mention.start, word.i + 1, word.i, doc[mention.start:word.i + 1].text, entry)


_SPECIFIC = {"city": 0, "region": 1, "country": 2}


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _salience(matches: list[PlaceMatch], mentions: Sequence[Mention]) -> Counter[str]:
    """How often the document speaks of each country: its actors, and place names with one reading."""
    counts: Counter[str] = Counter(m.actor.country for m in mentions if m.actor.country)
    for match in matches:
        countries = {c.entry.country for c in match.candidates if c.primary}
        if len(countries) == 1:
            country = countries.pop()
            if country:
                counts[country] += 1
    return counts


def _text(doc: Doc, match: PlaceMatch) -> str:
    if match.direction:
        start = match.start - len(match.direction.split("-")) * 2 + 1
        return doc[max(start, 0):match.end].text
    return match.text


def _np_head(doc: Doc, start: int, end: int) -> Token:
    """The token carrying a place name's relation in the sentence: the root of the name, raised through
    appositions and compounds ("the Norwegian capital Oslo" -> capital) and coordination ("Lebanon and
    Syria" -> Lebanon)."""
    node = doc[start:end].root
    for _ in range(4):
        if node.dep_ in NAME_PARTS and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN", ""):
            node = node.head
        else:
            break
    return node


def _anchors(doc: Doc, p: DocPlace) -> list[Token]:
    """The words a place name locates: the head of its locative phrase, a visited or attacked place's verb,
    a host's verb, and a relative clause hanging from the place ("Moscow, where ...")."""
    head = doc[p.head]
    out: list[Token] = []
    if head.dep_ == "pobj" and head.head.i != head.i:
        prep = head.head
        governor = prep.head
        if prep.lower_ in LOCATIVE and governor.i != prep.i:
            lemma = governor.lemma_.lower()
            wrong_motion = prep.lower_ in MOTION_PREPS and lemma not in MOTION
            wrong_attack = prep.lower_ in ATTACK_PREPS and lemma not in ATTACK
            if not wrong_motion and not wrong_attack:
                out.append(governor)
    elif (head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in SITE_VERBS) \
            or (head.dep_ == "nsubj" and head.head.lemma_.lower() == "host"):
        out.append(head.head)
    elif head.dep_ == "compound" and p.entry.precision == "city" and head.head.pos_ == "NOUN":
        out.append(head.head)  # "the Moscow talks"
    for located in [head, *out]:  # "Moscow, where he met ...", "a visit to Moscow where he met ..."
        for child in located.children:
            if child.dep_ == "relcl" and any(g.lower_ in ("where", "there") for g in child.children):
                out.append(child)
    return out

