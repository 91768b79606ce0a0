"""Printing data for people: tables, scores, explanations."""

from __future__ import annotations

import json
from typing import Any, TextIO

from dragoman.records import Event


def _actor_cell(code: str | None, text: str | None) -> str:
    return f"{code} ({text})" if code else "-"


def print_table(events: list[Event], out: TextIO) -> None:
    headers = ("event", "doc", "cameo", "source", "target", "date", "place", "modality", "trigger")
    rows = [(e.event_id[:10], e.doc_id[:20], e.cameo,
             _actor_cell(e.source.code if e.source else None, e.source.text[:28] if e.source else None),
             _actor_cell(e.target.code if e.target else None, e.target.text[:28] if e.target else None),
             e.date.start if e.date else "-", e.location.name[:20] if e.location else "-",
             e.modality, e.evidence.trigger[:20]) for e in events]
    widths = [max([len(h)] + [len(str(r[i])) for r in rows]) for i, h in enumerate(headers)]
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(events)} events)\n")


def print_score(summary: dict[str, object], out: TextIO, as_json: bool) -> None:
    if as_json:
        out.write(json.dumps(summary) + "\n")
        return
    for key, value in summary.items():
        if isinstance(value, tuple):
            rate, n = value
            value = f"{rate} (of {n} matched with a gold value)" if rate is not None else "n/a"
        out.write(f"  {key}: {value}\n")


def print_misses(missed: list[dict[str, Any]], false_positives: list[dict[str, Any]], out: TextIO) -> None:
    for g in missed:
        out.write(f"MISS {g['doc']} {g.get('id')} {g['code']} {g['source']}->{g['target']} | "
                  f"{str(g['sentence'])[:90]}\n")
    for e in false_positives:
        src = e.get("source") or {}
        tgt = e.get("target") or {}
        out.write(f"FP   {e.get('doc_id')} {e.get('cameo')} {src.get('code')}->{tgt.get('code')} "
                  f"[{e.get('trigger')}] | {str(e.get('sentence'))[:90]}\n")


def print_explanation(event: Event, out: TextIO) -> None:
    r = event.to_record()
    out.write(f"event {event.event_id} in document {event.doc_id}, sentence {event.evidence.sentence_index}\n")
    out.write(f"  sentence: {event.evidence.sentence}\n")
    out.write(f"  evidence: characters {event.evidence.start_char}-{event.evidence.end_char}, "
              f"trigger {event.evidence.trigger!r}, pattern {event.evidence.pattern}\n")
    out.write(f"  code: {event.cameo} (root {event.root}, quad class {event.quad_class}, Goldstein "
              f"{event.goldstein}; PLOVER {event.plover_event or '-'} {event.plover_mode or ''})\n")
    for role in ("source", "target"):
        actor = getattr(event, role)
        if actor is None:
            out.write(f"  {role}: none\n")
        else:
            out.write(f"  {role}: {actor.text!r} -> {actor.code} ({actor.name}; country {actor.country or '-'}, "
                      f"org {actor.org or '-'}, sector {actor.sector or '-'}) resolved by {actor.how}"
                      f"{' [' + actor.entry + ']' if actor.entry else ''}\n")
    out.write(f"  modality: {event.modality}; attribution: {json.dumps(r['attribution'])}\n")
    out.write(f"  date: {json.dumps(r['date'])}\n  location: {json.dumps(r['location'])}\n")
    out.write(f"  confidence: {r['confidence']}\n")
    for note in event.evidence.notes:
        out.write(f"  - {note}\n")
