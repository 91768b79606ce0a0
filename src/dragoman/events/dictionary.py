"""The field's verb dictionary (PETRARCH-2's CAMEO verbs and phrase patterns) as a second source of triggers.

Reads the files ``tools/import_petrarch_verbs.py`` generates in ``data/events/petrarch/``. A verb that no
hand-written pattern knows is looked up here: among the phrase patterns of its block, the most specific one
whose words all occur in the verb's clause (subject side, object side, prepositional phrases) gives the
code and, where PETRARCH marked them, the roles of the source and target; a phrase coded ``---`` blocks the
verb; without a matching phrase the verb's own default code applies. The result is a ``Pattern`` with a
lower confidence ceiling, which the coder frames like any other: an event needs a resolved source and
target, so a dictionary verb codes only a clause with an actor on each side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from spacy.tokens import Token

from dragoman.actors.kb import read_table
from dragoman.errors import ConfigError
from dragoman.events.ontology import Ontology
from dragoman.events.patterns import Pattern

CONFIDENCE = 0.6  # ceiling: below the hand-written patterns
# Object-side dependents whose words a phrase's "after" words may name.
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd", "prt", "advmod", "acomp", "xcomp", "npadvmod",
                         "compound:prt", "ccomp"})
# Default roles of the target when a phrase does not mark one: the object, then these prepositions.
TARGET_PREPS = ("against", "with", "on", "to", "into", "at", "upon", "toward", "towards", "from", "over")
# Roots whose coordinated sources act on one another when no target is named ("X and Y signed a pact").
MUTUAL_CODES = ("04", "057", "06", "03")
# Default codes that are too general to code a verb without a phrase saying what it is about: statements
# (root 01) are the reporting verbs of every sentence; the rest are verbs of everyday motion and need.
NO_DEFAULT_ROOTS = frozenset({"01"})
FUNCTION_WORDS = frozenset({"to", "up", "off", "out", "down", "in", "on", "at", "by", "with", "from", "for", "of",
                            "into", "over", "back", "away", "about", "against", "toward", "towards", "through",
                            "a", "an", "the", "will", "not", "be", "is", "are", "was", "were", "has", "have",
                            "had", "it", "that", "this", "as", "and", "or", "again", "forward", "together"})
CLAUSES = frozenset({"xcomp", "ccomp"})  # clausal complements: what is said or intended, not the object
GENERAL_VERBS = frozenset({"see", "go", "leave", "lead", "expect", "want", "need", "face", "call", "take", "give",
                           "come", "make", "get", "keep", "hold", "provide", "bring", "move", "show", "run",
                           "consider", "follow", "continue", "say", "tell", "add", "include", "know", "think",
                           "join",
                           # defaults that misread everyday uses: "push back the militants" is no demand,
                           # "interfered with shipping" no aid, "keep competing with China" no disapproval
                           "push", "interfere", "compete"})


@dataclass(frozen=True)
class Phrase:
    block: str
    code: str  # "" : the phrase names no event
    before: tuple[frozenset[str], ...]  # each a set of acceptable words (a synonym set expands)
    after: tuple[frozenset[str], ...]
    preps: tuple[tuple[str, tuple[frozenset[str], ...]], ...]
    source: str
    target: str
    verb: str  # the verb it was written for: a phrase of function words only ("* TO") is that verb's alone
    line: int
    general: bool = True  # applies to every verb of its block

    def applies_to(self, lemma: str) -> bool:
        return self.general or self.verb == lemma or not self.verb

    @property
    def specificity(self) -> int:
        """Words tell more than a bare preposition: "* AID" beats "* (TO)"."""
        return 2 * (len(self.before) + len(self.after)) + sum(1 + 2 * len(words) for _, words in self.preps)


@dataclass(frozen=True)
class Verb:
    words: tuple[str, ...]  # "call", or "call off": the first is the lemma, the rest particles or objects
    block: str
    code: str


@dataclass(frozen=True)
class VerbDictionary:
    verbs: Mapping[str, tuple[Verb, ...]]  # lemma -> entries (single and multi-word)
    phrases: Mapping[str, tuple[Phrase, ...]]  # block -> phrases, most specific first

    @classmethod
    def load(cls, ontology: Ontology) -> VerbDictionary:
        folder = resources.files("dragoman") / "data" / "events" / "petrarch"
        with resources.as_file(folder) as path:
            return cls.from_folder(Path(path), ontology)

    @classmethod
    def from_folder(cls, folder: Path, ontology: Ontology) -> VerbDictionary:
        synsets: dict[str, set[str]] = {}
        for _, row in read_table(folder / "synsets.tsv"):
            synsets.setdefault(row["name"].lower(), set()).add(row["word"])
        verbs: dict[str, list[Verb]] = {}
        for number, row in read_table(folder / "verbs.tsv"):
            code = row["code"].strip()
            if code and code not in ontology:
                raise ConfigError(f"{folder / 'verbs.tsv'}:{number}: unknown CAMEO code {code!r}")
            words = tuple(row["verb"].split())
            verbs.setdefault(words[0], []).append(Verb(words, row["block"], code))
        phrases: dict[str, list[Phrase]] = {}
        for number, row in read_table(folder / "phrases.tsv"):
            code = row["code"].strip()
            if code and code not in ontology:
                raise ConfigError(f"{folder / 'phrases.tsv'}:{number}: unknown CAMEO code {code!r}")
            preps = []
            for group in row["preps"].split():
                prep, _, listed = group.partition(":")
                preps.append((prep.lower(), _expand(listed.replace(",", " "), synsets)))
            phrases.setdefault(row["block"], []).append(Phrase(
                block=row["block"], code=code, before=_expand(row["before"], synsets),
                after=_expand(row["after"], synsets), preps=tuple(preps), source=row["source"],
                target=row["target"], verb=row["verb"], line=int(row["line"] or 0),
                general=_content(row["before"], row["after"], row["preps"])))
        # each verb's entries longest first, the order pattern_for tries them in (sorted once, here)
        return cls(MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in verbs.items()}),
                   MappingProxyType({k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in phrases.items()}))

    def pattern_for(self, verb: Token) -> Pattern | None:
        """The dictionary's reading of ``verb`` in its clause, or None (unknown verb, a blocking phrase, or
        a default code too general to use)."""
        lemma = verb.lemma_.lower()
        entries = self.verbs.get(lemma)
        if not entries:
            return None
        context = _Context.of(verb)
        for entry in entries:  # longest first
            if not all(w in context.after for w in entry.words[1:]):
                continue
            speech = entry.code[:2] == "01"
            for phrase in self.phrases.get(entry.block, ()):
                if speech and phrase.code[:2] >= "14":
                    continue  # "reported an attack": the attack's actors are not the speaker
                own = phrase.verb in ("", " ".join(entry.words))
                if phrase.applies_to(" ".join(entry.words)) and context.matches(phrase, own):
                    if not phrase.code:
                        return None
                    return _pattern(entry, phrase.code, f"petrarch:{entry.block}:{phrase.line}", phrase)
            if entry.code and (len(entry.words) > 1 or (entry.code[:2] not in NO_DEFAULT_ROOTS
                                                        and lemma not in GENERAL_VERBS)):
                return _pattern(entry, entry.code, f"petrarch:{entry.block}", None)
            return None
        return None


def _content(*cells: str) -> bool:
    """The phrase names a thing (a noun, a synonym set), not only prepositions and particles."""
    words = [w for cell in cells for item in cell.replace(",", " ").replace(":", " ").split() for w in item.split("_")]
    return any(w.startswith("&") or (w and w not in FUNCTION_WORDS) for w in words)


def _expand(cell: str, synsets: Mapping[str, set[str]]) -> tuple[frozenset[str], ...]:
    out = []
    for item in cell.split():
        for word in item.split("_"):
            if not word:
                continue
            out.append(frozenset(synsets.get(word.lower(), ())) if word.startswith("&") else frozenset({word}))
    return tuple(out)


def _pattern(entry: Verb, code: str, pattern_id: str, phrase: Phrase | None) -> Pattern:
    source: tuple[str, ...] = ("subject", "agent")
    target: tuple[str, ...] = ("object", "dative", *tuple(f"prep:{p}" for p in TARGET_PREPS))
    if phrase is not None:
        if phrase.source:
            source = (phrase.source,)
        if phrase.target:
            target = (phrase.target,)

    return Pattern(id=pattern_id, lemmas=(entry.words[0],), pos="VERB", cameo=code, source=source, target=target,
                   mutual=code.startswith(MUTUAL_CODES), confidence=CONFIDENCE)


@dataclass(frozen=True)
class _Context:
    """The words around a verb that phrase patterns test: its subject side, its object side and each of
    its prepositional phrases (on the verb or on its object), as lower-case forms and lemmas."""

    before: frozenset[str]
    after: frozenset[str]
    preps: Mapping[str, frozenset[str]]
    near: frozenset[str] = frozenset()  # the object's noun phrase (see _noun_phrase), no clauses

    @classmethod
    def of(cls, verb: Token) -> _Context:
        before: set[str] = set()
        after: set[str] = set()
        near: set[str] = set()
        preps: dict[str, set[str]] = {}
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "expl"):
                before |= _forms(child.subtree)
            elif child.dep_ in ("prep", "agent") and child.i > verb.i:
                _add_prep(child, preps, after)
            elif child.dep_ in OBJECT_DEPS and child.i > verb.i:
                after |= _forms(child.subtree)
                if child.dep_ not in CLAUSES:
                    near |= _forms(_noun_phrase(child))
                for grand in child.children:
                    if grand.dep_ == "prep":
                        _add_prep(grand, preps, after)
        if verb.dep_ in ("relcl", "acl") and verb.head.i < verb.i:
            before |= _forms([verb.head])
        return cls(frozenset(before), frozenset(after), MappingProxyType({k: frozenset(v) for k, v in preps.items()}),
                   frozenset(near))

    def matches(self, phrase: Phrase, own: bool = True) -> bool:
        """``own``: the phrase was written for this verb; one written for another verb of its block must find
        its object words in the object's noun phrase ("donate weapons" makes "issued weapons" a grant of
        arms, not "issued a reminder that Iraq must give up its weapons")."""
        if not all(words & self.before for words in phrase.before):
            return False
        if not all(words & (self.after if own else self.near) for words in phrase.after):
            return False
        for prep, words in phrase.preps:
            found = self.preps.get(prep)
            if found is None or not all(w & found for w in words):
                return False
        return True


def _noun_phrase(head: Token) -> list[Token]:
    """The object's head word with the words before it, and the same of an "of" phrase on it: "a shipment
    of small arms" -> shipment, small, arms (not the clauses and phrases that follow)."""
    words = [head, *(c for c in head.children if c.i < head.i)]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    words += [pobj, *(c for c in pobj.children if c.i < pobj.i)]
    return words


def _add_prep(prep: Token, preps: dict[str, set[str]], after: set[str]) -> None:
    words = _forms(t for t in prep.subtree if t.i != prep.i)
    preps.setdefault(prep.lower_, set()).update(words)
    after |= words


def _forms(tokens: Iterable[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out
