"""The trigger pattern dictionary: loaded from YAML package data (and users' files), validated."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from dragoman.errors import ConfigError
from dragoman.events.ontology import Ontology

ROLES = {"subject", "agent", "object", "dative", "passive_subject", "owner", "governor_subject"}
POS = {"VERB", "NOUN"}
DEFAULT_SOURCE = {"VERB": ("subject", "agent"), "NOUN": ("owner", "agent", "governor_subject")}
DEFAULT_TARGET = {"VERB": ("object",), "NOUN": ()}


@dataclass(frozen=True)
class Pattern:
    id: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires_prep: str | None = None


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    by_lemma: Mapping[tuple[str, str], tuple[Pattern, ...]]

    @classmethod
    def load(cls, ontology: Ontology, extra: Iterable[Path] = ()) -> PatternSet:
        with resources.as_file(resources.files("dragoman") / "data" / "events" / "patterns.yaml") as path:
            paths = [Path(path), *extra]
            patterns = [p for file in paths for p in _read(file, ontology)]
        seen: set[str] = set()
        for p in patterns:
            if p.id in seen:
                raise ConfigError(f"pattern id {p.id!r} is defined twice")
            seen.add(p.id)
        index: dict[tuple[str, str], list[Pattern]] = {}
        for p in patterns:
            for lemma in p.lemmas:
                index.setdefault((lemma, p.pos), []).append(p)
        return cls(tuple(patterns), MappingProxyType({k: tuple(v) for k, v in index.items()}))

    def for_token(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.by_lemma.get((lemma.lower(), "VERB" if pos in ("VERB", "AUX") else pos), ())


def _check_role(role: str, where: str) -> str:
    if role in ROLES or (role.startswith("prep:") and len(role) > 5):
        return role
    raise ConfigError(f"{where}: unknown role {role!r} (known: {', '.join(sorted(ROLES))}, prep:WORD)")


def _read(path: Path, ontology: Ontology) -> list[Pattern]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read pattern file: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(raw, list):
        raise ConfigError(f"{path}: a list of patterns is expected")
    return [_pattern(item, f"{path}: pattern {i + 1}", ontology) for i, item in enumerate(raw)]


def _pattern(item: Any, where: str, ontology: Ontology) -> Pattern:
    if not isinstance(item, dict):
        raise ConfigError(f"{where}: a mapping is expected")
    missing = {"id", "lemmas", "pos", "cameo"} - set(item)
    if missing:
        raise ConfigError(f"{where}: missing {', '.join(sorted(missing))}")
    where = f"{where} ({item['id']})"
    pos = str(item["pos"]).upper()
    if pos not in POS:
        raise ConfigError(f"{where}: pos must be one of {', '.join(sorted(POS))}")
    cameo = str(item["cameo"])
    if cameo not in ontology:
        raise ConfigError(f"{where}: unknown CAMEO code {cameo!r} (write codes as quoted strings: \"042\")")
    lemmas = item["lemmas"]
    if not isinstance(lemmas, list) or not lemmas:
        raise ConfigError(f"{where}: lemmas must be a non-empty list")
    source = tuple(_check_role(r, where) for r in item.get("source", DEFAULT_SOURCE[pos]))
    target = tuple(_check_role(r, where) for r in item.get("target", DEFAULT_TARGET[pos]))
    return Pattern(str(item["id"]), tuple(str(x).lower() for x in lemmas), pos, cameo, source, target,
                   item.get("requires_prep"))
