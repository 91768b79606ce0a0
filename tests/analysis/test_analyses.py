"""Dyads, networks, timelines and reports over the hand-built corpus."""

from __future__ import annotations

import io
import json
import re

import networkx as nx
import pytest

from dragoman.analysis import build_network, dyad_series, period_of, render_report, timeline, write_network
from dragoman.errors import DragomanError, ExportError
from dragoman.store.database import Store


def test_periods() -> None:
    assert period_of("2023-03-29", "week") == "2023-W13"
    assert period_of("2023-03-29", "month") == "2023-03"
    assert period_of("2023-03-29", "year") == "2023"
    with pytest.raises(DragomanError):
        period_of("2023-03-29", "day")


def test_dyad_counts_clusters_by_default_and_mentions_on_request(store: Store) -> None:
    series = dyad_series(store, "IRN", "RUS", by="year")
    assert [(p.period, p.quad, p.total) for p in series.periods] == [("2022", (1, 0, 0, 0), 1),
                                                                     ("2023", (2, 0, 0, 0), 2)]
    assert series.periods[1].goldstein_sum == 2.0 and series.periods[1].goldstein_mean == 1.0
    mentions = dyad_series(store, "IRN", "RUS", by="month", mentions=True)
    assert {p.period: p.total for p in mentions.periods} == {"2022-06": 1, "2023-03": 6}
    syria = dyad_series(store, "ISR", "SYR", by="month")
    march = next(p for p in syria.periods if p.period == "2023-03")
    assert march.quad == (0, 0, 1, 1) and march.goldstein_sum == -12.0 and march.goldstein_mean == -6.0
    assert dyad_series(store, "SYR", "ISR", directed=True).periods == ()


def test_network_edges_are_weighted_by_events(store: Store) -> None:
    graph = build_network(store)
    assert graph.edges["ISR", "SYR"]["weight"] == 3
    assert graph.edges["ISR", "SYR"]["material_conflict"] == 2
    assert graph.edges["IRN", "RUS"]["weight"] == 3  # the visit's representative is IRN -> RUS
    assert build_network(store, mentions=True).edges["ISR", "SYR"]["weight"] == 4


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_network_formats_round_trip(store: Store, fmt: str) -> None:
    out = io.BytesIO()
    write_network(build_network(store), fmt, out)
    data = out.getvalue()
    if fmt == "json":
        parsed = json.loads(data)
        assert {e["source"] for e in parsed["edges"]} >= {"ISR"}
    else:
        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        graph = reader(io.BytesIO(data))
        assert graph.has_edge("ISR", "SYR")
    with pytest.raises(ExportError):
        write_network(build_network(store), "dot", io.BytesIO())


def test_timeline_is_in_date_order_with_evidence(store: Store) -> None:
    entries = timeline(store, dyad=("IRN", "RUS"))
    assert [t.date for t in entries] == ["2022-06-22", "2023-03-29", "2023-03-29"]
    visit = next(t for t in entries if t.unit.n_mentions == 5)
    assert len(visit.evidence) == 5 and any("Moscow" in s for _, s in visit.evidence)
    assert len(timeline(store, actor="ISR")) == 3
    with pytest.raises(DragomanError):
        timeline(store)


def test_report_is_self_contained_html(store: Store) -> None:
    html = render_report(store, dyad=("IRN", "RUS"))
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 2
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)  # nothing fetched from outside
    assert "<script" not in html and "<link" not in html
    assert "Claims by source" in html and "IRNA" in html
    doc = render_report(store, doc="syr-2")
    assert "Israeli missiles hit Damascus" in doc and "Israel hits Syria" in doc
    with pytest.raises(DragomanError):
        render_report(store, doc="nope")
