"""Event places.

Reads: the parsed doc, a coded event and the document's actor mentions. Returns: a ``Place`` or None.

The doc's place names are found once (``Gazetteer.find``, cached in ``doc.user_data``) and each is decided
among its candidates by the document's countries: those its actors belong to and its unambiguous place
names, and their neighbours ("Tripoli" in a story about Lebanon is Lebanon's). "Syrian territory" (a
country adjective before a word for land) is Syria; "the Norwegian capital" is Oslo.

Names the gazetteer lacks are places when the text says so: "the Catatumbo region", "the Chushul-Moldo
meeting point", "Ben Gurion airport", "Second Thomas Shoal", "the town of Al-Ula", "in Nusa Dua, Bali" (the
name as written, no coordinates); a town's name before a word for a division is the division ("Duhok
province"). A state's name modifying a noun is not a place ("the US embassy", "US troops").

A place is the event's when the sentence ties it to the event's clause (``dragoman.time.clauses``):
"in", "at", "near", "inside" ... a place; the destination of a visit or a trip ("visited Oslo", "a visit to
Moscow", "made a trip to Oslo"); the site of an attack ("strikes on Gaza", "launched an offensive on
Tripoli"); "over" for drills, flights and strikes ("a drill over the Yellow Sea"); "north of" a place;
"from the outskirts of" a place, or "from" a place the event withdraws from ("pulled back from the lake");
the host ("Beijing hosted the talks"); a place whose relative clause holds the event ("Moscow,
where he met ..."); or a place in a clause above the event's ("at a summit in Moldova, X met Y and pressed
for ..."), except across reported speech, from a clause the event is timed against ("after which ..."),
from what another noun says ("a resolution calling for pauses in Gaza") or from inside an organisation's
name ("the UN Support Mission in Libya"; but "at the UN Security Council in New York" is a place).
A place of what the event is timed against is not the event's ("a day before a summit in Al-Ula"). A bare
"the capital" is the capital of the one state both parties belong to. With no place in its sentence, an
event placed "at the summit" takes the place of that summit where the text told of it, and one "outside"
or "nearby" the place the sentence before told of. No place is ever invented: an event without one keeps
none, and a country-level place keeps no coordinates.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from dragoman.actors.mentions import Mention
from dragoman.events.coder import CodedEvent
from dragoman.places.gazetteer import (
    COMPASS,
    PLACE_NOUNS,
    Candidate,
    Gazetteer,
    PlaceEntry,
    PlaceMatch,
    named,
    normalise,
)
from dragoman.places.index import load_gazetteer
from dragoman.records import Place
from dragoman.time.clauses import clause_chain, climb, event_clause, governing_verb, is_verb, sentence
from dragoman.time.gatherings import earlier, references

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
# bodies that sit in a town named before them ("a Beijing court", "Moscow police")
SEATED = {"court", "tribunal", "judge", "prosecutor", "police", "policeman", "policemen", "council"}
# reported speech: a place of the report ("said in Moscow that ...") is not the reported event's
SPEECH = {"ccomp", "parataxis"}
# "over" locates drills, flights and strikes ("a drill over the Yellow Sea"), not a dispute's subject
OVER_HEADS = MOTION | ATTACK | {"drill", "exercise", "patrol", "manoeuvre", "maneuver", "flight", "overflight",
                                "sortie", "flyover", "pass", "fly", "intercept", "shoot", "launch"}
WITHDRAW = {"withdraw", "withdrawal", "pull", "retreat", "disengage", "disengagement", "evacuate", "evacuation",
            "expel", "oust", "drive", "push", "flee", "pullout", "drawdown"}
# "from the outskirts of X": the fighting or the withdrawal was at X's edge
VICINITY = {"outskirts", "suburb", "suburbs", "edge", "edges", "gates", "vicinity", "environs", "outskirt"}
# verbs of what a text or a body says, asks or decides ("a resolution calling for ...")
CONTENT_VERBS = {"call", "demand", "urge", "condemn", "seek", "propose", "ask", "say", "accuse", "allege", "claim",
                 "warn", "threaten", "promise", "pledge", "express", "describe", "deplore", "welcome", "support",
                 "oppose", "authorize", "authorise", "approve", "require", "order", "request", "insist", "reject"}
# "Outside, police opened fire": the place the sentence before told of
DEICTIC = {"outside", "nearby", "inside", "there"}
# a name before these is a place the gazetteer need not know ("the Catatumbo region", "the X meeting point")
WRITTEN_HEADS = {"region": "region", "area": "region", "district": "region", "province": "region",
                 "governorate": "region", "county": "region", "valley": "region", "enclave": "region",
                 "municipality": "region", "oblast": "region", "point": "city", "crossing": "city",
                 "airport": "city", "airbase": "city", "camp": "city", "lake": "region"}
DIVISIONS = {"province", "governorate", "region", "district", "county", "oblast"}
# names that end in their own kind of place ("Second Thomas Shoal", "Ben Gurion airport"): kept whole
WHOLE_NAMES = {"shoal", "reef", "atoll", "island", "islands", "strait", "lake", "bridge", "airport", "airbase",
               "crossing", "camp", "dam"}
WRITTEN_AFTER_OF = {"town": "city", "village": "city", "city": "city", "port": "city", "region": "region",
                    "province": "region", "district": "region", "area": "region", "governorate": "region"}
WRITTEN_LINKS = {"meeting", "border", "crossing", "transit"}  # "the Chushul-Moldo meeting point"
# an event in a clause "after ..." or "before ..." is not where the clause it hangs from is placed
TIME_MARKS = {"after", "before", "since", "until", "till"}


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
        # the name as written when it is the gazetteer's name with its accents ("Bogotá", not "Bogota"), or
        # GeoNames' but for its transliteration's spaces and marks ("Al-Ula", not "Al-`Ula"; "Naypyitaw", not
        # "Nay Pyi Taw"); our curated names are the forms we chose ("Deir Ezzor province")
        same = _unaccented(self.text) == e.name or (e.source == "geonames" and _letters(self.text) == _letters(e.name))
        name = self.text if self.text != e.name and same else e.name
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
        trigger = doc[event.trigger]
        own = event_clause(trigger)
        top = doc[max(own, key=lambda i: own[i])]
        chain: list[Token] = []
        for verb, via in clause_chain(top):
            below = chain[-1] if chain else (governing_verb(top) or top)
            if via in SPEECH or (via in ("advcl", "relcl") and _marked_in_time(below)):
                break
            chain.append(verb)
        capital = self._capital(doc, sent.start, sent.end, event)
        if capital is not None:
            places.append(capital)
        found = _ranked(doc, places, own, chain, trigger, event.target)
        if found is not None:
            return found.place()
        recalled = self._recalled(doc, sent.start, sent.end, own, chain, mentions)
        if recalled is not None:
            return recalled.place()
        return self._deictic(doc, sent.start, top, mentions)

    def _recalled(self, doc: Doc, start: int, end: int, own: dict[int, int], chain: list[Token],
                  mentions: Sequence[Mention]) -> DocPlace | None:
        """The place of a gathering the event's clause refers back to: "At the summit, ..." after "a summit
        in the desert town of Al-Ula"."""
        for word in references(doc, start, end):
            if climb(word, own) is None and not any(climb(word, {v.i: 0}) is not None for v in chain):
                continue
            for mention in earlier(word):
                placed = [p for p in self.places(doc, mentions) if mention in _anchors(doc, p)]
                if placed:
                    return min(placed, key=lambda p: _SPECIFIC[p.entry.precision])
        return None

    def _deictic(self, doc: Doc, start: int, top: Token, mentions: Sequence[Mention]) -> Place | None:
        """"Outside, police opened fire": a place adverb refers to the place the sentence before told of."""
        verb = governing_verb(top)
        if verb is None or start == 0 or not any(c.dep_ == "advmod" and c.lower_ in DEICTIC for c in verb.children):
            return None
        before = doc[start - 1].sent
        told = [p for p in self.places(doc, mentions) if before.start <= p.start and p.end <= before.end
                and _anchors(doc, p)]
        if not told:
            return None
        return min(reversed(told), key=lambda p: _SPECIFIC[p.entry.precision]).place()

    def _capital(self, doc: Doc, start: int, end: int, event: CodedEvent) -> DocPlace | None:
        """A bare "the capital" in a story of one state's own conflict is that state's capital ("pushed
        the rebels back from the outskirts of the capital", both sides Libyan)."""
        if self.gazetteer is None:
            return None
        countries = {m.actor.country for m in (event.source, event.target) if m is not None and m.actor.country}
        if len(countries) != 1:
            return None
        for token in doc[start:end]:
            if token.lower_ != "capital" or token.pos_ not in ("NOUN", ""):
                continue
            children = list(token.children)
            if [c.lower_ for c in children if c.dep_ == "det"] != ["the"] \
                    or any(c.dep_ in ("amod", "compound", "poss", "appos", "nmod") for c in children):
                continue
            if token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ in ("GPE", "LOC"):
                continue
            entry = self.gazetteer.capitals.get(countries.pop())
            if entry is None:
                return None
            return DocPlace(token.i, token.i + 1, token.i, token.text, entry)
        return None

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
        found = [_division(doc, DocPlace(m.start, m.end, _np_head(doc, m.start, m.end).i, _text(doc, m),
                                         self._choose(m.candidates, salience), m.direction)) for m in matches]
        taken = {i for p in found for i in range(p.start, p.end)}
        for mention in mentions:
            land = self._land(doc, mention)
            if land is not None and not any(i in taken for i in range(land.start, land.end)):
                found.append(land)
                taken.update(range(land.start, land.end))
        for mention in mentions:  # "the Kurdish region", "EU airports": a people's or a body's, not a name
            if mention.kind == "adjective" or mention.actor.org:
                taken.update(range(mention.start, mention.end))
        found.extend(_written(doc, found, taken))
        found = [_contained(doc, p, found, salience) for p in found]
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


def _ranked(doc: Doc, places: list[DocPlace], own: dict[int, int], chain: list[Token], trigger: Token,
            target: Mention | None) -> DocPlace | None:
    """The place tied most closely to the event's clause: in it, else in the lowest clause above it."""
    ranked = []
    for p in places:
        for anchor in _anchors(doc, p, trigger):
            if _placed_in_time(anchor, trigger) or _in_what_another_noun_says(anchor, own):
                continue
            steps = climb(anchor, own)
            level = 0
            if steps is None:
                level = next((k for k, verb in enumerate(chain, start=1)
                              if verb.i == anchor.i or climb(anchor, {verb.i: 0}) is not None), 0)
                if not level:
                    continue
                steps = 0
            on_target = target is not None and p.start < target.end and target.start < p.end
            ranked.append((level, steps, not on_target, _SPECIFIC[p.entry.precision], abs(p.head - trigger.i), p))
            break
    if not ranked:
        return None
    return min(ranked, key=lambda r: r[:5])[5]


def _in_what_another_noun_says(anchor: Token, own: dict[int, int]) -> bool:
    """"vetoed a resolution calling for pauses in Gaza": a place in what another noun than the event's
    says or asks is not where the event is (but "a strike on facilities run by the Guards near Deir Ezzor"
    is there)."""
    node = anchor
    for _ in range(12):
        if node.i in own or node.head.i == node.i:
            return False
        if is_verb(node) and node.dep_ == "acl" and node.head.i not in own and node.lemma_.lower() in CONTENT_VERBS:
            return True
        node = node.head
    return False


def _withdrawal(governor: Token, trigger: Token) -> bool:
    """Whether ``governor`` of a "from" phrase is the event's own withdrawal: the trigger, or the particle
    of its phrasal verb ("pulled back from")."""
    word = governor.head if governor.dep_ in ("prt", "advmod") and governor.head.i == trigger.i else governor
    return word.i == trigger.i and trigger.lemma_.lower() in WITHDRAW


def _marked_in_time(verb: Token) -> bool:
    """"after Russia invaded Ukraine", "after which Baghdad cancelled ...": a clause placed in time against
    the one above it."""
    return any((c.dep_ == "mark" and c.lower_ in TIME_MARKS)
               or (c.dep_ == "prep" and c.lower_ in TIME_MARKS
                   and any(g.lower_ in ("which", "that") for g in c.children)) for c in verb.children)


def _placed_in_time(anchor: Token, trigger: Token) -> bool:
    """"reopened its borders a day before a summit in Al-Ula": a place of what the event is timed against
    is not the event's."""
    node = anchor
    for _ in range(8):
        if node.i == trigger.i or node.head.i == node.i or is_verb(node):
            return False
        if node.dep_ == "pobj" and node.head.lower_ in TIME_MARKS:
            return True
        node = node.head
    return False


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _letters(text: str) -> str:
    return "".join(c for c in normalise(text) if c.isalnum())


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


def _contained(doc: Doc, p: DocPlace, found: list[DocPlace], salience: Counter[str]) -> DocPlace:
    """The state of a place the text names but the gazetteer does not know as such (``source = "text"``):
    that of the place the text puts it in ("the Gedo region of southwestern Somalia"), else the one it was
    read with if the story speaks of that state, else none."""
    if p.entry.source != "text" or p.entry.precision == "country":
        return p
    country = p.entry.country if p.entry.country and salience[p.entry.country] else None
    carrier = doc[p.head]
    for child in carrier.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            inside = next((q for q in found if q is not p and any(c.i == q.head for c in child.children)), None)
            if inside is not None and inside.entry.country:
                country = inside.entry.country
    if country == p.entry.country:
        return p
    return DocPlace(p.start, p.end, p.head, p.text, replace(p.entry, country=country), p.direction)


def _division(doc: Doc, p: DocPlace) -> DocPlace:
    """"Duhok province", "Kherson region": a town's name before a word for a division is the division.
    "Scarborough Shoal": a name before a capitalised kind of place is another place, of no known state."""
    if p.end >= len(doc):
        return p
    word = doc[p.end]
    if word.pos_ == "PROPN" and word.lower_ in WHOLE_NAMES and word.text[:1].isupper() and p.direction is None:
        text = f"{p.text} {word.text}"
        entry = PlaceEntry(text, None, "RGN", "region" if word.lower_ in ("strait", "lake") else "city",
                           source="text")
        return DocPlace(p.start, p.end + 1, _np_head(doc, p.start, p.end + 1).i, text, entry)
    if p.entry.precision != "city" or word.lower_ not in DIVISIONS:
        return p
    text = f"{p.text} {word.text}"
    entry = PlaceEntry(text, p.entry.country, "ADM1" if word.lower_ in ("province", "governorate", "oblast")
                       else "ADM2", "region", source="text")
    return DocPlace(p.start, p.end + 1, _np_head(doc, p.start, p.end + 1).i, text, entry)


def _written(doc: Doc, known: list[DocPlace], taken: set[int]) -> list[DocPlace]:
    """Places the text names as places though the gazetteer does not know them: "the Catatumbo region",
    "the Chushul-Moldo meeting point", "the town of Al-Ula", "in Nusa Dua, Bali" (a name set beside a known
    place, whose country it takes). Their name is as written; they have no coordinates."""
    out: list[DocPlace] = []
    for token in doc:
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN"):  # what every case below begins with
            continue
        lemma = token.lemma_.lower()
        name: tuple[int, int] | None = None
        written_as = ""
        precision = ""
        country = None
        carrier = token
        if token.pos_ == "NOUN" and lemma in WRITTEN_HEADS \
                and (token.tag_ != "NNS" or lemma in DIVISIONS):  # "the Catatumbo region", not "EU airports"
            end = token.i
            if end > 0 and doc[end - 1].lower_ in WRITTEN_LINKS and doc[end - 1].head.i == token.i:
                end -= 1
            start = end
            while start > 0 and (doc[start - 1].pos_ == "PROPN" or (doc[start - 1].text in ("-", "–")
                                                                     and start - 1 > 0)):
                start -= 1
            if start < end and doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper():
                name, precision = (start, end), WRITTEN_HEADS[lemma]
                if lemma in WHOLE_NAMES:
                    name = (start, token.i + 1)
        elif token.pos_ == "PROPN" and lemma in WHOLE_NAMES and token.text[:1].isupper() \
                and token.dep_ != "compound":  # "near Second Thomas Shoal"
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == token.i \
                    and doc[start - 1].dep_ == "compound":
                start -= 1
            if start < token.i:
                name, precision = (start, token.i + 1), "region" if lemma in ("strait", "lake") else "city"
        elif token.dep_ == "pobj" and token.pos_ == "PROPN" and token.head.lower_ == "of" \
                and token.head.head.lemma_.lower() in WRITTEN_AFTER_OF and token.head.head.i < token.i \
                and not named(token.head.head):
            sub = [t.i for t in token.subtree]  # "the town of Al-Ula"
            if all(doc[i].pos_ == "PROPN" or doc[i].text in ("-", "–") for i in sub):
                name, precision = (sub[0], sub[-1] + 1), WRITTEN_AFTER_OF[token.head.head.lemma_.lower()]
                carrier = token.head.head
        elif token.dep_ == "pobj" and token.pos_ == "PROPN" and token.head.lower_ in LOCATIVE:
            beside = next((p for p in known if p.head == token.i and p.start > token.i + 1
                           and doc[p.start - 1].text == ","), None)  # "in Nusa Dua, Bali"
            first = token.i
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
                first -= 1
            if beside is not None and doc[first].text[:1].isupper():
                name, precision, country = (first, token.i + 1), "city", beside.entry.country
                written_as = doc[first:beside.end].text  # "Nusa Dua, Bali": the name with what places it
        if name is None or any(i in taken for i in range(*name)) \
                or any(doc[i].ent_type_ == "DATE" for i in range(*name)):
            continue
        text = written_as or doc[name[0]:name[1]].text
        entry = PlaceEntry(text, country, "RGN" if precision == "region" else "PPL", precision, source="text")
        span_end = max(name[1], token.i + 1) if carrier is token else name[1]
        out.append(DocPlace(name[0], span_end, _np_head(doc, carrier.i, carrier.i + 1).i, text, entry))
        taken.update(range(name[0], span_end))
    return out


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
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in PLACE_NOUNS \
            and node.head.head.i < node.i and not named(node.head.head):
        node = node.head.head  # "the desert town of Al-Ula" -> town; but not "the Gedo region of Somalia"
    for _ in range(4):
        if node.dep_ in NAME_PARTS and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN", ""):
            node = node.head
        else:
            break
    return node


def _anchors(doc: Doc, p: DocPlace, trigger: Token | None = None) -> list[Token]:
    """The words a place name locates: the head of its locative phrase, a visited or attacked place's verb,
    a host's verb, and a relative clause hanging from the place ("Moscow, where ...")."""
    head = doc[p.head]
    out: list[Token] = []
    root = doc[p.start:p.end].root
    if p.entry.precision == "country" and root.dep_ in ("compound", "amod") and root.head.pos_ in ("NOUN", "PROPN") \
            and root.head.lower_ not in LAND_WORDS and root.head.lemma_.lower() not in PLACE_NOUNS:
        return out  # "outside the US embassy", "US troops": a state's, not a place
    vicinity = False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in COMPASS:
        compass = head.head.head  # "north of Beirut": where "north" is
        if compass.dep_ in ("npadvmod", "advmod") and compass.head.i != compass.i:
            out.append(compass.head)
            return out
        head = compass
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in VICINITY:
        head, vicinity = head.head.head, True  # "the outskirts of Tripoli" locates as "the outskirts" does
    if head.dep_ == "pobj" and head.head.i != head.i:
        prep = head.head
        governor = prep.head
        # "from" locates only the outskirts of a place, or a withdrawal that is the event itself ("pulled
        # back from the lake"; but "refused a withdrawal from Syria" is not placed there)
        leaving = prep.lower_ == "from" and trigger is not None and _withdrawal(governor, trigger)
        if (prep.lower_ in LOCATIVE or prep.lower_ == "over" or (vicinity and prep.lower_ == "from") or leaving) \
                and governor.i != prep.i:
            # the governor or, for a light verb, its object: "launched an offensive on X", "made a trip to X"
            lemmas = {governor.lemma_.lower()} | {c.lemma_.lower() for c in governor.children
                                                  if c.dep_ in ("dobj", "obj") and is_verb(governor)}
            wrong_motion = prep.lower_ in MOTION_PREPS and not lemmas & MOTION
            wrong_attack = prep.lower_ in ATTACK_PREPS and not lemmas & ATTACK
            wrong_over = prep.lower_ == "over" and not lemmas & OVER_HEADS
            # "facilitated by the UN Support Mission in Libya": part of who, not where; but "at the UN
            # Security Council in New York" is where
            in_name = governor.ent_type_ == "ORG" and governor.pos_ == "PROPN" \
                and not (_np_head(doc, governor.i, governor.i + 1).dep_ == "pobj"
                         and _np_head(doc, governor.i, governor.i + 1).head.lower_ in ("at", "in", "inside"))
            if not wrong_motion and not wrong_attack and not wrong_over and not in_name:
                out.append(governor)
    elif (head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in SITE_VERBS) \
            or (head.dep_ == "nsubj" and head.head.lemma_.lower() == "host"):
        out.append(head.head)
    elif head.dep_ == "compound" and p.entry.precision == "city" and head.head.pos_ == "NOUN":
        out.append(head.head)  # "the Moscow talks"
    elif root.dep_ == "compound" and p.entry.precision == "city" and head.lemma_.lower() in SEATED:
        out.append(head)  # "a Beijing court handed X a sentence": the court sits in the city, and acts there
    for located in [head, *out]:  # "Moscow, where he met ...", "a visit to Moscow where he met ..."
        for child in located.children:
            if child.dep_ == "relcl" and any(g.lower_ in ("where", "there") for g in child.children):
                out.append(child)
    return out

