"""Printing data for people: tables, scores, explanations."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from dragoman.export import export_events
from dragoman.records import Actor, Event
from dragoman.store.clusters import Cluster

if TYPE_CHECKING:
    from dragoman.analysis import DyadSeries, TimelineEntry


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


def _unit_actor(actor: Actor | None) -> str:
    return f"{actor.code} ({actor.text[:24]})" if actor else "-"


def print_clusters(units: list[Cluster], out: TextIO, mentions: bool = False) -> None:
    """One row per event cluster (or per mention), with its numbers of mentions and sources."""
    headers = ("id", "date", "cameo", "source", "target", "place", "modality", "mentions", "sources", "doc",
               "trigger")
    rows = []
    for u in units:
        e = u.event
        others = f" +{u.n_documents - 1}" if u.n_documents > 1 else ""
        rows.append(((e.event_id if mentions else u.cluster_id)[:10], u.date_start or "-", e.cameo,
                     _unit_actor(e.source), _unit_actor(e.target), e.location.name[:20] if e.location else "-",
                     e.modality, str(u.n_mentions), str(u.n_sources), e.doc_id[:20] + others, e.evidence.trigger[:20]))
    widths = [max([len(h)] + [len(str(r[i])) for r in rows]) for i, h in enumerate(headers)]
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
    reports = sum(u.n_mentions for u in units)
    if mentions:
        out.write(f"({len(units)} events: mentions, each report counted)\n")
    else:
        out.write(f"({len(units)} events from {reports} mentions)\n")


def unit_record(unit: Cluster) -> dict[str, Any]:
    """A cluster as JSON: its numbers, dates, the representative record and the ids of its mentions."""
    return {"cluster_id": unit.cluster_id, "mentions": unit.n_mentions, "documents": unit.n_documents,
            "sources": unit.n_sources, "date_start": unit.date_start, "date_end": unit.date_end,
            "event": unit.event.to_record(), "mention_ids": [m.event_id for m in unit.mentions],
            "doc_ids": sorted({m.doc_id for m in unit.mentions})}


def write_units(units: list[Cluster], fmt: str, out: TextIO) -> None:
    """``events --format json|csv``: JSON Lines of ``unit_record``, or the CSV export's columns."""
    if fmt == "json":
        for unit in units:
            out.write(json.dumps(unit_record(unit), ensure_ascii=False) + "\n")
    else:
        export_events(units, "csv", out)


def print_columns(columns: tuple[tuple[str, str], ...], out: TextIO) -> None:
    width = max(len(name) for name, _ in columns)
    for i, (name, meaning) in enumerate(columns, start=1):
        out.write(f"{i:3d}  {name.ljust(width)}  {meaning}\n")


def print_dyad(series: DyadSeries, out: TextIO, as_json: bool) -> None:
    rows = series.rows()
    if as_json:
        for row in rows:
            out.write(json.dumps(row) + "\n")
        return
    headers = ("period", "verb.coop", "mat.coop", "verb.confl", "mat.confl", "total", "goldstein_sum",
               "goldstein_mean")
    cells = [[str(v) for v in row.values()] for row in rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(headers)]
    out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    for c in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip() + "\n")
    total = sum(p.total for p in series.periods)
    out.write(f"({total} {series.unit} between {series.a} and {series.b} by {series.by}; "
              f"{series.undated} undated left out)\n")


def print_timeline(entries: list[TimelineEntry], out: TextIO) -> None:
    for t in entries:
        e = t.event
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        place = f" in {e.location.name}" if e.location else ""
        out.write(f"{t.date or 'undated'}  {e.cameo} {src} -> {tgt}{place} [{e.modality}] "
                  f"{t.unit.n_mentions} mention(s), {t.unit.n_sources} source(s)  {t.unit.cluster_id}\n")
        for doc_id, sentence in t.evidence:
            out.write(f"    {doc_id}: {sentence}\n")
    out.write(f"({len(entries)} events)\n")


def write_output(write: Callable[[IO[bytes]], object], output: Path | None) -> None:
    """Write bytes to ``output`` atomically (temporary file, then rename), or to standard output."""
    if output is None:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    tmp = output.with_name(output.name + ".part")
    try:
        with tmp.open("wb") as f:
            write(f)
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()
