"""The query string of every page and API call: the CLI's filters, paging and sorting.

Pages and the API share these dependencies, so that a page's URL and the API call behind it take
the same parameters, and every value is checked (length, range, no control characters) before it
reaches the store, which binds it as a parameter of its query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from dragoman.store.browse import MAX_PAGE, SORTS
from dragoman.store.query import EventFilter

MAX_CHARS = 200
DEFAULT_PAGE = 50

Text = Annotated[str | None, Query(max_length=MAX_CHARS)]
Name = Annotated[str, Query(max_length=MAX_CHARS)]  # a required actor name or code
Sort = Literal["date", "code", "source", "target", "goldstein", "mentions", "place", "doc"]
assert set(Sort.__args__) == set(SORTS)  # type: ignore[attr-defined]


def invalid(field: str, message: str) -> RequestValidationError:
    """A 422 answer in FastAPI's documented shape (``HTTPValidationError``), for checks made by hand."""
    return RequestValidationError([{"loc": ("query", field), "msg": message, "type": "value_error"}])


def clean(value: str | None, field: str = "query") -> str | None:
    """``None`` for an empty value; 422 for control characters (which no name or code contains)."""
    if value is None or not value.strip():
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise invalid(field, "query values may not contain control characters")
    return value.strip()


def required(value: str, field: str = "actor") -> str:
    found = clean(value, field)
    if found is None:
        raise invalid(field, "an actor name or code is needed")
    return found


@dataclass(frozen=True)
class Selection:
    """A filter and whether units are clusters or mentions, with the query string that made them."""

    where: EventFilter
    mentions: bool
    query: tuple[tuple[str, str], ...]

    def url(self, path: str, **extra: object) -> str:
        """``path`` with this selection's query string, plus (or overriding) ``extra``."""
        items = dict(self.query)
        for key, value in extra.items():
            if value is None or value == "" or value is False:
                items.pop(key, None)
            else:
                items[key] = "1" if value is True else str(value)
        return path + ("?" + urlencode(sorted(items.items())) if items else "")

    def value(self, key: str) -> str:
        return dict(self.query).get(key, "")


def selection(
    doc: Text = None, actor: Text = None, source: Text = None, target: Text = None, country: Text = None,
    dyad_a: Text = None, dyad_b: Text = None, directed: bool = False, code: Text = None, root: Text = None,
    quad: Annotated[str | None, Query(pattern="^[1-4]?$", description="quad class, 1 to 4")] = None,
    plover: Text = None, modality: Text = None,
    since: Text = None, until: Text = None, place: Text = None, text: Text = None, mentions: bool = False,
) -> Selection:
    """Filters as ``dragoman events`` takes them; a dyad is ``dyad_a`` and ``dyad_b`` together."""
    values = {"doc": doc, "actor": actor, "source": source, "target": target, "country": country,
              "dyad_a": dyad_a, "dyad_b": dyad_b, "code": code, "root": root, "plover": plover,
              "modality": modality, "since": since, "until": until, "place": place, "text": text}
    given = {k: v for k, v in ((k, clean(v, k)) for k, v in values.items()) if v is not None}
    a, b = given.get("dyad_a"), given.get("dyad_b")
    if (a is None) != (b is None):
        raise invalid("dyad_b" if a else "dyad_a", "a dyad needs both dyad_a and dyad_b")
    where = EventFilter(doc=given.get("doc"), actor=given.get("actor"), source=given.get("source"),
                        target=given.get("target"), country=given.get("country"),
                        dyad=(a, b) if a and b else None, directed=directed and a is not None,
                        code=given.get("code"), root=given.get("root"), quad_class=int(quad) if quad else None,
                        plover=given.get("plover"), modality=given.get("modality"), since=given.get("since"),
                        until=given.get("until"), place=given.get("place"), text=given.get("text"))
    query = dict(given)
    if quad:  # an empty value (a form's "any") selects every quad class
        query["quad"] = quad
    if where.directed:
        query["directed"] = "1"
    if mentions:
        query["mentions"] = "1"
    return Selection(where, mentions, tuple(sorted(query.items())))


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int
    sort: str
    descending: bool

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paging(page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
           per_page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
           sort: Sort = "date", order: Literal["asc", "desc"] = "asc") -> Paging:
    """Page ``page`` (from 1) of ``per_page`` units (at most 500), sorted by ``sort``."""
    return Paging(page, per_page, sort, order == "desc")
