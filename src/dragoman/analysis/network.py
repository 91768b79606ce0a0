"""Who acts on whom: a directed graph of actors, edges weighted by events (or mentions).

Nodes are actor keys (country, else organisation, else actor code) with a readable name and their
numbers of events as source and as target; an edge source -> target carries ``weight`` (events), the
counts per quad class and the Goldstein sum and mean.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any

from dragoman.errors import ExportError
from dragoman.events.ontology import QUAD_FIELDS
from dragoman.records import Actor
from dragoman.store.clusters import Cluster
from dragoman.store.database import Store
from dragoman.store.query import EventFilter

if TYPE_CHECKING:
    import networkx as nx

NETWORK_FORMATS = ("graphml", "gexf", "json")


def _key(actor: Actor) -> str:
    return actor.country or actor.org or actor.code


def _networkx() -> ModuleType:
    """networkx, imported when a network is built: at the top it would slow every command's start-up."""
    import networkx

    return networkx


def network_from_units(units: list[Cluster]) -> nx.DiGraph:
    graph = _networkx().DiGraph()
    for unit in units:
        e = unit.event
        if e.source is None or e.target is None:
            continue
        s, t = _key(e.source), _key(e.target)
        if s == t:
            continue
        for key, actor, role in ((s, e.source, "as_source"), (t, e.target, "as_target")):
            if key not in graph:
                graph.add_node(key, label=actor.name if key == actor.code else key, as_source=0, as_target=0)
            graph.nodes[key][role] += 1
        if not graph.has_edge(s, t):
            graph.add_edge(s, t, weight=0, **dict.fromkeys(QUAD_FIELDS, 0), goldstein_sum=0.0, goldstein_mean=0.0)
        edge = graph.edges[s, t]
        edge["weight"] += 1
        if 1 <= e.quad_class <= 4:
            edge[QUAD_FIELDS[e.quad_class - 1]] += 1
        edge["goldstein_sum"] = round(edge["goldstein_sum"] + e.goldstein, 3)
        edge["goldstein_mean"] = round(edge["goldstein_sum"] / edge["weight"], 3)
    return graph


def build_network(store: Store, where: EventFilter | None = None, mentions: bool = False) -> nx.DiGraph:
    return network_from_units(store.units(where, mentions=mentions))


def _json(graph: nx.DiGraph, out: IO[bytes]) -> None:
    data = {
        "directed": True,
        "nodes": [{"id": n, **attrs} for n, attrs in sorted(graph.nodes(data=True))],
        "edges": [{"source": s, "target": t, **attrs} for s, t, attrs in sorted(graph.edges(data=True))],
    }
    out.write((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


_WRITERS: dict[str, Callable[[nx.DiGraph, IO[bytes]], Any]] = {
    "graphml": lambda g, out: _networkx().write_graphml(g, out, encoding="utf-8"),
    "gexf": lambda g, out: _networkx().write_gexf(g, out, encoding="utf-8"),
    "json": _json,
}


def write_network(graph: nx.DiGraph, fmt: str, out: IO[bytes]) -> None:
    """Write ``graph`` as GraphML, GEXF (Gephi) or node-link JSON to a binary stream."""
    try:
        writer = _WRITERS[fmt]
    except KeyError:
        raise ExportError(f"unknown network format {fmt!r}; known: {', '.join(NETWORK_FORMATS)}") from None
    writer(graph, out)
