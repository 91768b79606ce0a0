"""The offline world map: the packaged world-atlas TopoJSON decodes into country outlines that sit
where their coordinates say, and event places land on them by the same projection."""

from __future__ import annotations

import itertools
import re

import pytest

from dragoman.store.browse import PlaceCount
from dragoman.web.render import map_svg
from dragoman.web.world import HEIGHT, WIDTH, WorldMap, project


@pytest.fixture(scope="module")
def world() -> WorldMap:
    return WorldMap.load()


def _bbox(path: str) -> tuple[float, float, float, float]:
    points = [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+),(-?[\d.]+)", path)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_projection_corners() -> None:
    assert project(-180, 90) == (0, 0)
    assert project(180, -90) == (WIDTH, HEIGHT)
    assert project(0, 0) == (WIDTH / 2, HEIGHT / 2)


def test_every_country_has_an_outline(world: WorldMap) -> None:
    assert len(world.countries) == 177
    assert all(c.path.startswith("M") and c.path.endswith("Z") for c in world.countries)
    names = {c.name for c in world.countries}
    assert {"France", "Iran", "Russia", "Brazil", "Australia", "Fiji"} <= names


@pytest.mark.parametrize(("country", "lon", "lat"), [("France", 2.35, 48.86), ("Iran", 51.42, 35.69),
                                                     ("Brazil", -47.9, -15.8), ("Australia", 149.1, -35.3),
                                                     ("Russia", 37.62, 55.75)])
def test_capitals_fall_inside_their_country(world: WorldMap, country: str, lon: float, lat: float) -> None:
    x, y = project(lon, lat)
    x0, y0, x1, y1 = _bbox(next(c.path for c in world.countries if c.name == country))
    assert x0 <= x <= x1 and y0 <= y <= y1


def test_no_line_crosses_the_whole_map(world: WorldMap) -> None:
    # rings over the antimeridian (Russia, Fiji) restart their path instead of striding across the map
    for c in world.countries:
        for subpath in c.path.split("M")[1:]:
            xs = [float(x) for x, _ in re.findall(r"(-?[\d.]+),(-?[\d.]+)", subpath)]
            steps = [abs(b - a) for a, b in itertools.pairwise(xs)]
            assert max(steps, default=0) < WIDTH / 2, c.name


def test_places_are_circles_linked_to_their_events(world: WorldMap) -> None:
    svg = map_svg(world, [PlaceCount("Moscow", "RUS", 55.75, 37.62, 4), PlaceCount("A&B <x>", None, 0, 0, 1)],
                  "/events?actor=IRN")
    assert svg.count("<path d=") == 177
    assert 'href="/events?actor=IRN&amp;place=Moscow"' in svg and "Moscow (RUS): 4 events" in svg
    assert "A&amp;B &lt;x&gt;: 1 events" in svg and "<x>" not in svg  # labels escaped
    radii = [float(r) for r in re.findall(r'<circle cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"', svg)]
    assert radii[0] > radii[1]  # sized by count
