"""What the pages draw from records: marked-up text, the network and the map as SVG.

Text is cut into ``Segment``s that templates print escaped (Jinja2 autoescape), so nothing from a
document or a query reaches the page as markup. The SVG drawings escape every label themselves.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

import networkx as nx

from dragoman.analysis.charts import QUAD_COLOURS
from dragoman.records import Event
from dragoman.store.browse import PlaceCount
from dragoman.web.world import WorldMap, project


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()  # trigger, source, target, date, place; or "event" in a document
    events: tuple[str, ...] = ()  # ids of the events that cover this text (document view)


def _find(haystack: str, needle: str | None, near: int = 0) -> tuple[int, int] | None:
    """The occurrence of ``needle`` closest to ``near``."""
    if not needle:
        return None
    starts = []
    i = haystack.find(needle)
    while i >= 0:
        starts.append(i)
        i = haystack.find(needle, i + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: abs(s - near))
    return best, best + len(needle)


def segments(text: str, spans: Sequence[tuple[int, int, str, str]]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece lists the kinds and ids of the spans over it.

    ``spans`` are (start, end, kind, id); overlapping spans are allowed.
    """
    spans = [(max(0, s), min(len(text), e), k, i) for s, e, k, i in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        over = [(k, i) for s, e, k, i in spans if s <= a and b <= e]
        kinds = tuple(dict.fromkeys(k for k, _ in over))
        ids = tuple(dict.fromkeys(i for _, i in over))
        out.append(Segment(text[a:b], kinds, ids))
    return out


def sentence_segments(event: Event) -> list[Segment]:
    """The event's sentence with its trigger, actors, date and place marked where the text has them."""
    sentence = event.evidence.sentence
    near = sentence.find(event.evidence.trigger)
    spans = []
    wanted = (("trigger", event.evidence.trigger), ("source", event.source.text if event.source else None),
              ("target", event.target.text if event.target else None),
              ("date", event.date.text if event.date else None),
              ("place", event.location.text if event.location else None))
    for kind, words in wanted:
        found = _find(sentence, words, max(near, 0))
        if found:
            spans.append((found[0], found[1], kind, kind))
    return segments(sentence, spans)


def document_segments(text: str, marked: Sequence[Event]) -> list[Segment]:
    """A document's text with the span of every coded event marked (events may overlap)."""
    return segments(text, [(e.evidence.start_char, e.evidence.end_char, "event", e.event_id) for e in marked])


def _colour(goldstein_mean: float) -> str:
    return "#2e75b6" if goldstein_mean > 0 else "#c0392b" if goldstein_mean < 0 else "#888"


def network_svg(graph: nx.DiGraph, width: int = 760, height: int = 560, top: int = 40) -> str:
    """The ``top`` most active actors on a circle, most active first; an edge's width grows with its
    events and its colour says cooperation (blue) or conflict (red) by its mean Goldstein score."""
    if graph.number_of_nodes() == 0:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" role="img" '
                f'aria-label="network"><text x="10" y="24" font-size="12">no actors with events</text></svg>')
    activity = {n: a.get("as_source", 0) + a.get("as_target", 0) for n, a in graph.nodes(data=True)}
    nodes = sorted(graph.nodes, key=lambda n: (-activity[n], str(n)))[:top]
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 60
    pos = {n: (cx + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
               cy + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i, n in enumerate(nodes)}
    heaviest = max((d["weight"] for _, _, d in graph.edges(data=True)), default=1) or 1
    peak = max(activity[n] for n in nodes) or 1
    radius_of = {n: 6 + 10 * math.sqrt(activity[n] / peak) for n in nodes}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" id="network" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="network of actors">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
             'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>']
    for s, t, d in sorted(graph.edges(data=True), key=lambda e: e[2]["weight"]):
        if s not in pos or t not in pos:
            continue
        (x1, y1), (x2, y2) = pos[s], pos[t]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        # both directions drawn: each shifted to its own side; the line stops at the target's rim
        shift = 4 if graph.has_edge(t, s) else 0
        x1, y1 = x1 - uy * shift + ux * radius_of[s], y1 + ux * shift + uy * radius_of[s]
        x2, y2 = x2 - uy * shift - ux * (radius_of[t] + 2), y2 + ux * shift - uy * (radius_of[t] + 2)
        stroke = 1 + 5 * d["weight"] / heaviest
        parts.append(
            f'<line class="edge" data-source="{escape(str(s))}" data-target="{escape(str(t))}" x1="{x1:.1f}" '
            f'y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{_colour(d["goldstein_mean"])}" '
            f'stroke-width="{stroke:.1f}" stroke-opacity="0.7" marker-end="url(#arrow)">'
            f'<title>{escape(str(s))} → {escape(str(t))}: {d["weight"]} events, Goldstein mean '
            f'{d["goldstein_mean"]}</title></line>')
    for n in nodes:
        x, y = pos[n]
        label = str(graph.nodes[n].get("label") or n)
        r = radius_of[n]
        parts.append(
            f'<a href="/actor?actor={escape(quote(str(n)))}" class="node" data-node="{escape(str(n))}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#555" fill-opacity="0.85"/>'
            f'<text x="{x:.1f}" y="{y - r - 4:.1f}" font-size="12" text-anchor="middle">{escape(label)}</text>'
            f'<title>{escape(label)}: {activity[n]} events</title></a>')
    parts.append("</svg>")
    return "".join(parts)


def map_svg(world: WorldMap, points: Sequence[PlaceCount], link: str = "/events") -> str:
    """Country outlines and one circle per place, its area proportional to its number of events, each
    linking to the events at that place (``link`` + ``place=``)."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" id="map" viewBox="0 0 {world.width} {world.height}" '
             f'width="100%" role="img" aria-label="map of event places">',
             f'<rect width="{world.width}" height="{world.height}" fill="#eef4f8"/><g class="countries">']
    for c in world.countries:
        parts.append(f'<path d="{c.path}" fill="#d9d9d4" stroke="#fff" stroke-width="0.5">'
                     f'<title>{escape(c.name)}</title></path>')
    parts.append("</g><g class=\"places\">")
    peak = max((p.count for p in points), default=1) or 1
    for p in sorted(points, key=lambda p: -p.count):
        x, y = project(p.lon, p.lat, world.width, world.height)
        r = 3 + 12 * math.sqrt(p.count / peak)
        sep = "&amp;" if "?" in link else "?"
        href = f"{escape(link)}{sep}place={escape(quote(p.name))}"
        parts.append(f'<a href="{href}" class="place"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                     f'fill="{QUAD_COLOURS[4]}" fill-opacity="0.6" stroke="#fff"/>'
                     f'<title>{escape(p.name)}{" (" + escape(p.country) + ")" if p.country else ""}: '
                     f'{p.count} events</title></a>')
    parts.append("</g></svg>")
    return "".join(parts)
