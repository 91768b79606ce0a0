"""Small SVG charts drawn by hand, so that a report needs no script, font or file from anywhere."""

from __future__ import annotations

import datetime as dt
from html import escape

QUAD_COLOURS = {1: "#5b9bd5", 2: "#2e75b6", 3: "#f4a261", 4: "#c0392b"}


def _ordinal(date: str) -> int:
    return dt.date.fromisoformat(date[:10]).toordinal()


def timeline_svg(points: list[tuple[str, float, int, str]], width: int = 720, height: int = 220) -> str:
    """One dot per event: x its date, y its Goldstein score (-10..10), colour its quad class.

    ``points`` are (ISO date, Goldstein, quad class, tooltip).
    """
    left, right, top, bottom = 40, 12, 12, 28
    if not points:
        return _empty(width, "no dated events")
    days = [_ordinal(p[0]) for p in points]
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1)

    def x(day: int) -> float:
        return left + (day - lo) / span * (width - left - right) if hi > lo else (left + width - right) / 2

    def y(score: float) -> float:
        return top + (10 - score) / 20 * (height - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline of events">',
             f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="#999"/>']
    for tick in (10, 5, 0, -5, -10):
        parts.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" font-size="10" text-anchor="end">{tick}</text>')
    for (date, score, quad, tip), day in zip(points, days, strict=True):
        parts.append(f'<circle cx="{x(day):.1f}" cy="{y(score):.1f}" r="5" fill="{QUAD_COLOURS.get(quad, "#777")}" '
                     f'fill-opacity="0.8"><title>{escape(date)}: {escape(tip)}</title></circle>')
    first, last = dt.date.fromordinal(lo).isoformat(), dt.date.fromordinal(hi).isoformat()
    parts.append(f'<text x="{left}" y="{height - 8}" font-size="11">{first}</text>')
    if hi > lo:
        parts.append(f'<text x="{width - right}" y="{height - 8}" font-size="11" text-anchor="end">{last}</text>')
    parts.append("</svg>")
    return "".join(parts)


def balance_svg(periods: list[tuple[str, int, int]], width: int = 720, height: int = 220) -> str:
    """Per period, cooperation counts as bars above the axis and conflict counts below it.

    ``periods`` are (label, cooperative events, conflictual events).
    """
    left, right, top, bottom = 40, 12, 12, 28
    if not periods:
        return _empty(width, "no dated events")
    peak = max(max(c, k) for _, c, k in periods) or 1
    mid = top + (height - top - bottom) / 2
    scale = (height - top - bottom) / 2 / peak
    slot = (width - left - right) / len(periods)
    bar = max(min(slot * 0.6, 40), 2)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="cooperation and conflict per period">',
             f'<line x1="{left}" y1="{mid:.1f}" x2="{width - right}" y2="{mid:.1f}" stroke="#999"/>',
             f'<text x="{left - 6}" y="{top + 10}" font-size="10" text-anchor="end">{peak}</text>',
             f'<text x="{left - 6}" y="{height - bottom}" font-size="10" text-anchor="end">-{peak}</text>']
    step = max(1, len(periods) // 8)
    for i, (label, coop, conflict) in enumerate(periods):
        cx = left + slot * i + (slot - bar) / 2
        if coop:
            parts.append(f'<rect x="{cx:.1f}" y="{mid - coop * scale:.1f}" width="{bar:.1f}" '
                         f'height="{coop * scale:.1f}" fill="#2e75b6"><title>{escape(label)}: {coop} '
                         f'cooperative</title></rect>')
        if conflict:
            parts.append(f'<rect x="{cx:.1f}" y="{mid:.1f}" width="{bar:.1f}" height="{conflict * scale:.1f}" '
                         f'fill="#c0392b"><title>{escape(label)}: {conflict} conflictual</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{cx + bar / 2:.1f}" y="{height - 8}" font-size="10" '
                         f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _empty(width: int, message: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" viewBox="0 0 {width} 40">'
            f'<text x="10" y="24" font-size="12">{escape(message)}</text></svg>')
