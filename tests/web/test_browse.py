"""store.browse pages through the same selection as Store.units, the CLI's call: same units, same totals."""

from __future__ import annotations

import pytest

from dragoman.errors import DragomanError
from dragoman.store import browse
from dragoman.store.database import Store
from dragoman.store.query import EventFilter

FILTERS = [EventFilter(), EventFilter(actor="IRN"), EventFilter(dyad=("IRN", "RUS")), EventFilter(root="04"),
           EventFilter(quad_class=3), EventFilter(place="Moscow"), EventFilter(modality="planned"),
           EventFilter(text="Israel"), EventFilter(since="2023-03-30"), EventFilter(actor="nobody at all")]


def _all_pages(store: Store, where: EventFilter, mentions: bool, sort: str = "date", size: int = 2,
               descending: bool = False) -> tuple[list[str], int]:
    ids: list[str] = []
    offset = 0
    while True:
        found = browse.page(store, where, mentions=mentions, sort=sort, offset=offset, limit=size,
                            descending=descending)
        ids += [u.event.event_id if mentions else u.cluster_id for u in found.units]
        if not found.has_next:
            return ids, found.total
        offset += size


@pytest.mark.parametrize("mentions", [False, True])
@pytest.mark.parametrize("where", FILTERS, ids=lambda w: repr({k: v for k, v in vars(w).items() if v}))
def test_pages_cover_exactly_what_units_selects(web_db: str, where: EventFilter, mentions: bool) -> None:
    store = Store.open(web_db)
    expected = [u.event.event_id if mentions else u.cluster_id for u in store.units(where, mentions=mentions)]
    for sort in ("date", "mentions", "code", "source"):
        ids, total = _all_pages(store, where, mentions, sort)
        assert total == len(expected)
        assert sorted(ids) == sorted(expected), sort  # every unit once, no page overlaps


def test_clusters_are_counted_once_with_all_their_reports(web_db: str) -> None:
    store = Store.open(web_db)
    found = browse.page(store, EventFilter(dyad=("IRN", "RUS")), sort="mentions", descending=True, limit=10)
    top = found.units[0]
    assert top.n_mentions == 3 and top.n_documents == 2
    assert {m.event_id for m in top.mentions} == {"tass-1-0", "irna-1-0", "irna-1-1"}
    assert found.total == 3  # the talks, the agreement and the planned meeting
    only_irna = browse.page(store, EventFilter(doc="irna-1"))
    assert [u.n_mentions for u in only_irna.units] == [3]  # the whole cluster, matched by two of its reports
    assert set(only_irna.units[0].matched) == {"irna-1-0", "irna-1-1"}


def test_sorting_by_date_either_way(web_db: str) -> None:
    store = Store.open(web_db)
    up = [u.date_start for u in browse.page(store, mentions=True).units]
    down = [u.date_start for u in browse.page(store, mentions=True, descending=True).units]
    assert up == sorted(up) and down == sorted(down, reverse=True) and up[0] != down[0]


def test_facets_count_the_selection(web_db: str) -> None:
    store = Store.open(web_db)
    clusters = browse.facets(store)
    assert dict(clusters["quad_class"]) == {1: 3, 3: 2, 4: 1}
    assert dict(browse.facets(store, mentions=True)["quad_class"]) == {1: 5, 3: 2, 4: 1}
    assert dict(browse.facets(store, EventFilter(actor="SYR"))["modality"]) == {"asserted": 2}
    units = store.units(EventFilter(), mentions=True)
    for value, n in browse.facets(store, mentions=True)["root"]:
        assert n == sum(1 for u in units if u.event.root == value)


def test_places_sum_located_events(web_db: str) -> None:
    store = Store.open(web_db)
    places = {p.name: p for p in browse.places(store)}
    assert set(places) == {"Moscow", "Damascus"}
    assert places["Moscow"].count == 1 and places["Moscow"].lat == pytest.approx(55.75)
    assert {p.name: p.count for p in browse.places(store, mentions=True)} == {"Moscow": 2, "Damascus": 1}
    assert browse.places(store, EventFilter(actor="SYR")) == [places["Damascus"]]


def test_document_events_and_event_with_cluster(web_db: str) -> None:
    store = Store.open(web_db)
    marked = browse.document_events(store, "tass-1")
    assert [e.event_id for _, e in marked] == ["tass-1-0", "tass-1-1", "tass-1-2"]
    found = browse.event_with_cluster(store, "irna-1-1")
    assert found is not None
    event, cluster = found
    assert event.event_id == "irna-1-1" and cluster.n_mentions == 3
    assert browse.event_with_cluster(store, "irna") is None  # ids are exact in URLs: no prefix guessing


@pytest.mark.parametrize(("kwargs", "problem"), [({"sort": "evil"}, "unknown sort"), ({"limit": 0}, "page size"),
                                                 ({"limit": browse.MAX_PAGE + 1}, "page size"),
                                                 ({"offset": -1}, "negative")])
def test_bad_paging_is_refused(web_db: str, kwargs: dict[str, object], problem: str) -> None:
    with pytest.raises(DragomanError, match=problem):
        browse.page(Store.open(web_db), **kwargs)  # type: ignore[arg-type]
