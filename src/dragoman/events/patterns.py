"""The trigger pattern dictionary: loaded from YAML package data (and users' files), validated.

A pattern names a trigger (lemmas and part of speech), the CAMEO code it codes, the argument frame (where
the source and target actors are found, see ``arguments.py``), and optional conditions and refinements.
The format is documented at the top of ``data/events/patterns.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from dragoman.actors.kb import read_table
from dragoman.errors import ConfigError
from dragoman.events.ontology import Ontology

ROLES = {"subject", "agent", "object", "dative", "passive_subject", "owner", "governor_subject",
         "complement", "complement_subject", "condition", "between", "body", "talks_parties", "purpose"}
POS = {"VERB", "NOUN", "ADJ"}
# What a pattern does to the triggers inside its complement or object:
#   event      an ordinary event; triggers below it are coded on their own
#   governs    "refused to meet", "threatened to attack", "demanded a meeting": the inner trigger is not
#              coded on its own; it refines this pattern's code and may lend it a target
#   reporting  "said", "announced": coded only when no other trigger is inside what it reports
KINDS = {"event", "governs", "reporting"}
DEFAULT_SOURCE = {"VERB": ("subject", "agent"), "NOUN": ("owner", "agent", "governor_subject"), "ADJ": ("subject",)}
DEFAULT_TARGET = {"VERB": ("object",), "NOUN": (), "ADJ": ()}
KEYS = {"id", "lemmas", "pos", "cameo", "source", "target", "requires_prep", "with_object", "governors",
        "kind", "target_optional", "mutual", "with_governor", "intransitive", "refine", "note", "confidence",
        "complement_aux", "domestic", "with_predicate", "with_subject", "without_object"}


@dataclass(frozen=True)
class Refinement:
    """A more specific code when the trigger's theme has one of ``words`` or its inner trigger a root."""

    cameo: str
    words: frozenset[str] = frozenset()
    inner: frozenset[str] = frozenset()  # CAMEO roots of an inner (governed) trigger
    source_words: frozenset[str] = frozenset()  # words of the source phrase ("suicide bombers", "aircraft")


@dataclass(frozen=True)
class Pattern:
    id: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires_prep: str | None = None
    with_object: frozenset[str] = frozenset()  # the trigger fires only with one of these as its object
    governors: frozenset[str] = frozenset()  # noun triggers: the light verbs whose subject is the source
    with_governor: frozenset[str] = frozenset()  # noun triggers fire only as the object of one of these
    intransitive: bool = False  # the trigger fires only without a direct object ("demonstrated")
    kind: str = "event"
    target_optional: bool = False  # the event is complete without a target (protests, surrenders)
    mutual: bool = False  # coordinated sources act on one another ("Iran and Russia signed a deal")
    refine: tuple[Refinement, ...] = ()
    confidence: float = 1.0  # a ceiling on the confidence of its events
    complement_aux: frozenset[str] = frozenset()  # fires only on a "that" clause with one of these ("must")
    # fires only when what the trigger predicates of its object or reported subject has one of these words:
    # "called the decision [reckless]", "described it [as a turning point]", "said the launch [was a crime]"
    with_predicate: frozenset[str] = frozenset()
    domestic: bool = False  # without a named target, aimed at the state where it happens (or the source's)
    with_subject: frozenset[str] = frozenset()  # fires only with one of these as its subject ("a trip took him")
    without_object: frozenset[str] = frozenset()  # never with one of these as its object ("hosted the summit")


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    by_lemma: Mapping[tuple[str, str], tuple[Pattern, ...]]
    intent: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # prefix -> intent code

    @classmethod
    def load(cls, ontology: Ontology, extra: Iterable[Path] = ()) -> PatternSet:
        data = resources.files("dragoman") / "data" / "events"
        with resources.as_file(data / "patterns.yaml") as path:
            paths = [Path(path), *extra]
            patterns = [p for file in paths for p in _read(file, ontology)]
        with resources.as_file(data / "intent.tsv") as path:
            intent = read_intent(Path(path), ontology)
        return cls.of(patterns, intent)

    def intent_code(self, code: str) -> str | None:
        """The intent code of a planned act (longest prefix), or None when plans of it are not mapped: an
        intent to cooperate (03) for a cooperative act, a threat (13) for a conflictual one."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.intent:
                return self.intent[code[:n]]
        return None

    @classmethod
    def of(cls, patterns: Iterable[Pattern], intent: Mapping[str, str] | None = None) -> PatternSet:
        patterns = list(patterns)
        seen: set[str] = set()
        for p in patterns:
            if p.id in seen:
                raise ConfigError(f"pattern id {p.id!r} is defined twice")
            seen.add(p.id)
        index: dict[tuple[str, str], list[Pattern]] = {}
        for p in patterns:
            for lemma in p.lemmas:
                index.setdefault((lemma, p.pos), []).append(p)
        return cls(tuple(patterns), MappingProxyType({k: tuple(v) for k, v in index.items()}),
                   MappingProxyType(dict(intent or {})))

    def for_token(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.by_lemma.get((lemma.lower(), "VERB" if pos in ("VERB", "AUX") else pos), ())


def read_intent(path: Path, ontology: Ontology) -> dict[str, str]:
    intent: dict[str, str] = {}
    for number, row in read_table(path):
        code, target = row["code"].strip(), row["intent"].strip()
        for c in (code, target):
            if c not in ontology:
                raise ConfigError(f"{path}:{number}: unknown CAMEO code {c!r}")
        if not (target.startswith("03") or target.startswith("13")):
            raise ConfigError(f"{path}:{number}: an intent code is in root 03 (intent to cooperate) or 13 "
                              f"(threaten), not {target!r}")
        if target.startswith("13") and not (code[:2].isdigit() and int(code[:2]) >= 11):
            raise ConfigError(f"{path}:{number}: only a conflictual code (roots 11-20) is planned as a threat")
        intent[code] = target
    return intent


def _check_role(role: str, where: str) -> str:
    if role in ROLES or (role.startswith("prep:") and len(role) > 5):
        return role
    raise ConfigError(f"{where}: unknown role {role!r} (known: {', '.join(sorted(ROLES))}, prep:WORD)")


def _read(path: Path, ontology: Ontology) -> list[Pattern]:
    try:
        raw = _load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read pattern file: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: a list of patterns is expected")
    return [_pattern(item, f"{path}: pattern {i + 1}", ontology) for i, item in enumerate(raw)]


def _load_yaml(text: str) -> Any:
    """The YAML document in ``text``, parsed by libyaml when PyYAML has it (the bundled patterns take
    0.25 s with the pure-Python parser, 0.03 s with libyaml; both build the same objects). libyaml words
    its errors differently, so a file it refuses is parsed again by the pure-Python parser, whose error
    (with its line) is the one reported."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass  # reported below, in PyYAML's words
    return yaml.safe_load(text)


def _words(value: Any, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ConfigError(f"{where}: {key} must be a list of words")
    return frozenset(x.lower() for x in value)


def _code(value: Any, where: str, ontology: Ontology) -> str:
    code = str(value)
    if code not in ontology:
        raise ConfigError(f"{where}: unknown CAMEO code {code!r} (write codes as quoted strings: \"042\")")
    return code


def _refinement(item: Any, where: str, ontology: Ontology) -> Refinement:
    if not isinstance(item, dict) or "cameo" not in item or not ({"words", "inner", "source_words"} & set(item)):
        raise ConfigError(f"{where}: a refinement needs cameo and words, source_words or inner")
    unknown = set(item) - {"cameo", "words", "inner", "source_words"}
    if unknown:
        raise ConfigError(f"{where}: unknown refinement keys {', '.join(sorted(unknown))}")
    inner = _words([str(x) for x in item.get("inner", [])], where, "inner")
    for root in inner:
        if len(root) != 2 or root not in ontology:
            raise ConfigError(f"{where}: inner must list CAMEO roots (two digits), not {root!r}")
    return Refinement(_code(item["cameo"], where, ontology), _words(item.get("words"), where, "words"), inner,
                      _words(item.get("source_words"), where, "source_words"))


def _pattern(item: Any, where: str, ontology: Ontology) -> Pattern:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: a mapping is expected")
    missing = {"id", "lemmas", "pos", "cameo"} - set(item)
    if missing:
        raise ConfigError(f"{where}: missing {', '.join(sorted(missing))}")
    where = f"{where} ({item['id']})"
    unknown = set(item) - KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    pos = str(item["pos"]).upper()
    if pos not in POS:
        raise ConfigError(f"{where}: pos must be one of {', '.join(sorted(POS))}")
    cameo = _code(item["cameo"], where, ontology)
    lemmas = item["lemmas"]
    if not isinstance(lemmas, list) or not lemmas:
        raise ConfigError(f"{where}: lemmas must be a non-empty list")
    kind = str(item.get("kind", "event"))
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind must be one of {', '.join(sorted(KINDS))}")
    source = tuple(_check_role(r, where) for r in item.get("source", DEFAULT_SOURCE[pos]))
    target = tuple(_check_role(r, where) for r in item.get("target", DEFAULT_TARGET[pos]))
    refine = item.get("refine", [])
    if not isinstance(refine, list):
        raise ConfigError(f"{where}: refine must be a list")
    confidence = float(item.get("confidence", 1.0))
    if not 0.0 < confidence <= 1.0:
        raise ConfigError(f"{where}: confidence must be in (0, 1]")
    return Pattern(
        id=str(item["id"]), lemmas=tuple(str(x).lower() for x in lemmas), pos=pos, cameo=cameo, source=source,
        target=target, requires_prep=item.get("requires_prep"),
        with_object=_words(item.get("with_object"), where, "with_object"),
        governors=_words(item.get("governors"), where, "governors"),
        with_governor=_words(item.get("with_governor"), where, "with_governor"),
        intransitive=bool(item.get("intransitive")), kind=kind, target_optional=bool(item.get("target_optional")),
        mutual=bool(item.get("mutual")), refine=tuple(_refinement(r, where, ontology) for r in refine),
        confidence=confidence, complement_aux=_words(item.get("complement_aux"), where, "complement_aux"),
        with_predicate=_words(item.get("with_predicate"), where, "with_predicate"),
        domestic=bool(item.get("domestic")), with_subject=_words(item.get("with_subject"), where, "with_subject"),
        without_object=_words(item.get("without_object"), where, "without_object"))
