"""Scoring event records against gold rows, by the rules of FORMATS.md sections 2-3.

A system event matches a gold row when the gold sentence is inside the event's sentence (whitespace
folded, case and typographic quotes ignored), the CAMEO roots agree and the dyad matches (swapped when
the row is symmetric). Rows and events pair greedily, required rows first, preferring an exact code and
the expected modality.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import InputError

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip().lower()


def actor_keys(actor: dict[str, Any] | None) -> set[str]:
    """What a system actor can be compared as: its country, its organisation, IGO/NGO, or '---'."""
    if not actor:
        return set()
    keys = {str(actor[k]).upper() for k in ("country", "org") if actor.get(k)}
    sector = str(actor.get("sector") or "").upper()
    if not keys:
        keys.add("---")
    if actor.get("org") or sector == "IGO":
        keys.add("IGO")
    if sector == "NGO":
        keys.add("NGO")
    return keys


def gold_modalities(row: dict[str, Any]) -> set[str]:
    m = row.get("modality") or "asserted"
    return set(m) if isinstance(m, list) else {m}


def matches(row: dict[str, Any], event: dict[str, Any]) -> bool:
    if fold(row["sentence"]) not in fold(event.get("sentence")):
        return False
    if str(event.get("cameo", ""))[:2] not in {str(c)[:2] for c in row["code"]}:
        return False
    src, tgt = actor_keys(event.get("source")), actor_keys(event.get("target"))
    want_src = {x.upper() for x in row["source"]}
    want_tgt = {x.upper() for x in row["target"]}
    if src & want_src and ("*" in want_tgt or tgt & want_tgt):
        return True
    return bool(row.get("symmetric") and src & want_tgt and tgt & want_src)


@dataclass
class Score:
    documents: int
    required: int
    system_events: int
    tp: int
    fp: int
    optional_hits: int
    rates: dict[str, tuple[float | None, int]]
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # (gold row, event)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "docs": self.documents, "gold_required": self.required, "system_events": self.system_events,
            "tp": self.tp, "fp": self.fp, "optional_hits": self.optional_hits,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
            **{k: (round(v, 3) if v is not None else None, n) for k, (v, n) in self.rates.items()},
        }


def score(gold: Sequence[dict[str, Any]], system: Iterable[dict[str, Any]]) -> Score:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in system:
        by_doc[e.get("doc_id", "")].append(e)
    docs = {g["doc"] for g in gold}
    used: set[tuple[str, int]] = set()
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    missed: list[dict[str, Any]] = []
    for row in sorted(gold, key=lambda g: not g.get("required", True)):
        candidates = [(i, e) for i, e in enumerate(by_doc.get(row["doc"], []))
                      if (row["doc"], i) not in used and matches(row, e)]
        if not candidates:
            if row.get("required", True):
                missed.append(row)
            continue
        candidates.sort(key=lambda ie: (ie[1].get("cameo") not in row["code"],
                                        (ie[1].get("modality") or "asserted") not in gold_modalities(row)))
        i, e = candidates[0]
        used.add((row["doc"], i))
        pairs.append((row, e))
    scored = [(d, i, e) for d in sorted(docs) for i, e in enumerate(by_doc.get(d, []))]
    tp = sum(1 for g, _ in pairs if g.get("required", True))
    rates = {
        "code_exact": _rate([e.get("cameo") in g["code"] for g, e in pairs]),
        "date": _rate([_date_ok(g, e) for g, e in pairs]),
        "location": _rate([_location_ok(g, e) for g, e in pairs]),
        "modality": _rate([(e.get("modality") or "asserted") in gold_modalities(g) for g, e in pairs]),
    }
    return Score(
        documents=len(docs), required=sum(1 for g in gold if g.get("required", True)),
        system_events=len(scored), tp=tp, fp=len(scored) - len(pairs),
        optional_hits=sum(1 for g, _ in pairs if not g.get("required", True)), rates=rates, missed=missed,
        false_positives=[e for d, i, e in scored if (d, i) not in used], matched=pairs,
    )


def _rate(values: Iterable[bool | None]) -> tuple[float | None, int]:
    kept = [v for v in values if v is not None]
    return (sum(kept) / len(kept), len(kept)) if kept else (None, 0)


def _date_ok(row: dict[str, Any], event: dict[str, Any]) -> bool | None:
    if not row.get("date"):
        return None
    start = str((event.get("date") or {}).get("start") or "")
    return bool(start) and start.startswith(row["date"])


def _location_ok(row: dict[str, Any], event: dict[str, Any]) -> bool | None:
    if not row.get("location"):
        return None
    name = fold((event.get("location") or {}).get("name"))
    want = fold(row["location"])
    return bool(name) and (want in name or name in want)


def load_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    required = {"doc", "sentence", "source", "target", "code"}
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"cannot read gold file: {exc}") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON ({exc.msg})", line=number) from None
            if not isinstance(row, dict) or required - set(row):
                raise InputError(str(path), f"a gold row needs the fields {', '.join(sorted(required))}",
                                 line=number)
            rows.append(row)
    return rows
