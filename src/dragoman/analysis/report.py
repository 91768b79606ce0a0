"""A self-contained HTML brief of one document or one dyad: its events, the claims by source, a
timeline chart and a cooperation/conflict chart. Styles and charts (SVG) are inline and there is no
script, so the file opens offline and can be mailed as it is."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html import escape

from dragoman.analysis.charts import QUAD_COLOURS, balance_svg, timeline_svg
from dragoman.analysis.dyad import period_of
from dragoman.errors import DragomanError
from dragoman.events.ontology import QUAD_CLASSES
from dragoman.records import Actor, Event
from dragoman.store.clusters import Cluster
from dragoman.store.database import Store
from dragoman.store.query import EventFilter

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:60em;
color:#222;line-height:1.4;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #eee;padding:.3em;
text-align:left;vertical-align:top}.q{display:inline-block;width:.8em;height:.8em;border-radius:50%}
.muted{color:#777}blockquote{margin:.2em 0 .6em 1em;color:#444;font-size:.92em}
"""


def _actor(actor: Actor | None) -> str:
    return f"{actor.name} ({actor.code})" if actor else "-"


def _describe(e: Event) -> str:
    return f"{_actor(e.source)} → {_actor(e.target)}: {e.cameo} {e.plover_event or ''}".strip()


def _quad_dot(quad: int) -> str:
    return (f'<span class="q" style="background:{QUAD_COLOURS.get(quad, "#777")}" '
            f'title="{escape(QUAD_CLASSES.get(quad, "?"))}"></span>')


def _events_table(units: list[Cluster]) -> str:
    rows = []
    for u in units:
        e = u.event
        rows.append(
            f"<tr><td>{escape(u.date_start or '-')}</td><td>{_quad_dot(e.quad_class)} {escape(e.cameo)}</td>"
            f"<td>{escape(_actor(e.source))}</td><td>{escape(_actor(e.target))}</td>"
            f"<td>{escape(e.location.name if e.location else '-')}</td><td>{escape(e.modality)}</td>"
            f"<td>{u.n_mentions} / {u.n_sources}</td><td>{escape(e.evidence.sentence)}"
            f"<div class='muted'>{escape(e.doc_id)} · {escape(u.cluster_id)}</div></td></tr>")
    head = ("<tr><th>date</th><th>code</th><th>source</th><th>target</th><th>place</th><th>modality</th>"
            "<th>mentions / sources</th><th>evidence</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>" if rows else "<p class='muted'>No events.</p>"


def _claims(units: list[Cluster], doc: str | None) -> str:
    """Who says what: mentions grouped by whom the text attributes them to."""
    by_source: dict[str, list[Event]] = defaultdict(list)
    for u in units:
        for m in u.mentions:
            if doc is not None and m.doc_id != doc:
                continue
            who = m.attribution.text if m.attribution else "stated by the document itself"
            by_source[who].append(m)
    parts = []
    for who in sorted(by_source, key=lambda w: (w.startswith("stated by"), w.casefold())):
        items = "".join(f"<li>{escape(m.modality)}: {escape(_describe(m))}<blockquote>{escape(m.evidence.sentence)}"
                        f"</blockquote></li>" for m in by_source[who])
        parts.append(f"<h3>{escape(who)} <span class='muted'>({len(by_source[who])})</span></h3><ul>{items}</ul>")
    return "".join(parts) or "<p class='muted'>No claims.</p>"


def _periods(units: list[Cluster]) -> list[tuple[str, int, int]]:
    dated = [u for u in units if u.date_start]
    if not dated:
        return []
    days = [dt.date.fromisoformat(u.date_start[:10]) for u in dated if u.date_start]
    span = (max(days) - min(days)).days
    by = "week" if span <= 120 else "month" if span <= 1500 else "year"
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for u in dated:
        if u.date_start and u.event.quad_class in (1, 2, 3, 4):
            counts[period_of(u.date_start, by)][0 if u.event.quad_class <= 2 else 1] += 1
    return [(k, v[0], v[1]) for k, v in sorted(counts.items())]


def render_report(store: Store, doc: str | None = None, dyad: tuple[str, str] | None = None,
                  mentions: bool = False) -> str:
    """The HTML brief of document ``doc`` or of the two actors of ``dyad``."""
    if (doc is None) == (dyad is None):
        raise DragomanError("a report needs either a document id or a dyad (two actors)")
    if doc is not None:
        info = store.document(doc)
        if info is None:
            raise DragomanError(f"no document {doc!r} in {store.label}")
        title = f"Document {doc}" + (f": {info['title']}" if info.get("title") else "")
        subtitle = " · ".join(str(v) for v in (info.get("url"), info.get("published")) if v)
        units = store.units(EventFilter(doc=doc), mentions=mentions)
    else:
        assert dyad is not None
        title = f"Dyad {dyad[0]} – {dyad[1]}"
        subtitle = "events between the two, in either direction"
        units = store.units(EventFilter(dyad=dyad), mentions=mentions)
    units = sorted(units, key=lambda u: (u.date_start is None, u.date_start or "", u.cluster_id))
    quads = [sum(1 for u in units if u.event.quad_class == q) for q in (1, 2, 3, 4)]
    n_reports = sum(u.n_mentions for u in units)
    points = [(u.date_start, u.event.goldstein, u.event.quad_class, _describe(u.event)) for u in units
              if u.date_start]
    summary = (f"{len(units)} {'mentions' if mentions else 'events'} ({n_reports} reports); "
               + ", ".join(f"{n} {QUAD_CLASSES[q]}" for q, n in zip((1, 2, 3, 4), quads, strict=True)))
    legend = " ".join(f"{_quad_dot(q)} {escape(QUAD_CLASSES[q])}" for q in (1, 2, 3, 4))
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>", f"<p class='muted'>{escape(subtitle)}</p>",
        f"<p>{escape(summary)}</p>",
        "<h2>Timeline</h2>", f"<p class='muted'>Goldstein score by date. {legend}</p>", timeline_svg(points),
        "<h2>Cooperation and conflict</h2>", "<p class='muted'>Cooperative events above the line, "
        "conflictual below, per period.</p>", balance_svg(_periods(units)),
        "<h2>Events</h2>", _events_table(units),
        "<h2>Claims by source</h2>", _claims(units, doc),
        f"<p class='muted'>Generated by dragoman from {escape(store.label)}.</p>",
        "</body></html>", ""])
