"""An offline world map: country outlines from the packaged world-atlas TopoJSON, drawn as SVG paths.

``data/countries-110m.json`` is world-atlas 2.0.2 (Natural Earth 1:110m countries, ISC licence, see
``data/LICENSES.txt``). TopoJSON stores shared borders once as delta-encoded arcs; ``WorldMap.load``
decodes them and projects every ring with a plain equirectangular projection (x from longitude, y
from latitude), so that an event's coordinates land on the map by the same two formulas.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

WIDTH = 960
HEIGHT = 480


def project(lon: float, lat: float, width: int = WIDTH, height: int = HEIGHT) -> tuple[float, float]:
    """Equirectangular: the whole globe (-180..180, 90..-90) onto ``width`` x ``height``."""
    return (lon + 180.0) / 360.0 * width, (90.0 - lat) / 180.0 * height


@dataclass(frozen=True)
class Country:
    name: str
    iso_numeric: str | None
    path: str  # SVG path data


@dataclass(frozen=True)
class WorldMap:
    countries: tuple[Country, ...]
    width: int = WIDTH
    height: int = HEIGHT

    @classmethod
    def load(cls) -> WorldMap:
        source = resources.files("dragoman.web") / "data" / "countries-110m.json"
        return cls.from_topojson(json.loads(source.read_text(encoding="utf-8")))

    @classmethod
    def from_topojson(cls, topo: dict[str, Any]) -> WorldMap:
        arcs = _decode_arcs(topo)
        countries = []
        for geometry in topo["objects"]["countries"]["geometries"]:
            polygons = _polygons(geometry)
            rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
            path = "".join(_path(ring) for ring in rings if len(ring) > 2)
            name = (geometry.get("properties") or {}).get("name") or "?"
            countries.append(Country(name, geometry.get("id"), path))
        return cls(tuple(countries))


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Arcs in degrees: quantized positions are delta-encoded, then scaled and translated."""
    transform = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        out.append(points)
    return out


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from arc indexes; ``~i`` (negative) is arc ``i`` reversed. Consecutive arcs share
    their joining point, which is kept once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _path(ring: list[tuple[float, float]]) -> str:
    """SVG path data of a ring; a step across the antimeridian (Russia, Fiji) starts a new subpath
    instead of drawing a line across the whole map."""
    parts = []
    previous: float | None = None
    for lon, lat in ring:
        x, y = project(lon, lat)
        command = "M" if previous is None or abs(lon - previous) > 180 else "L"
        parts.append(f"{command}{x:.1f},{y:.1f}")
        previous = lon
    return "".join(parts) + "Z"
