"""Property tests: the pipeline on arbitrary Unicode text, and every CLI filter on arbitrary values.

CI runs a few dozen examples of each (``DRAGOMAN_FUZZ_EXAMPLES`` raises it; benchmarks/faults.py runs
more). The pipeline must never raise, and every event it returns must be well formed: its span inside
the text and inside its sentence, its code in the codebook, its dates real ISO dates, its confidence in
0..1. A filter value must give exit 0 or one line of error, never a traceback or the database's own
error text, and must change nothing in the database.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.cli.main import main
from dragoman.pipeline import Pipeline
from dragoman.records import Document
from dragoman.store.database import Store
from tests.hardening.trials import snapshot, sqlite_pass_only

EXAMPLES = int(os.environ.get("DRAGOMAN_FUZZ_EXAMPLES", "50"))
_NEWS = st.sampled_from([
    "Iran met Russia in Moscow on March 29, 2023.", "The United Nations condemned the attack.", "\n\n", "\n",
    " said ", "Lavrov", "did not", "will", "If", "yesterday", "next week", "Hamas fired rockets at Israel.",
    "according to officials", "\u200f", "\u202e", "\t", "(Reuters) -", "MOSCOW, March 29 -", "...", "\"", "'s",
    "2023-02-30", "on Feb. 31", "1999", "\u00a0", "Mr.", "U.S.", "NATO", "Kyiv", "they", "him", "-", ",",
])
TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(st.one_of(_NEWS, st.text(max_size=12)), max_size=40).map(" ".join))


def _iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@sqlite_pass_only
@pytest.mark.model
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
@given(texts=st.lists(TEXTS, min_size=1, max_size=3))
def test_the_pipeline_codes_any_text_into_well_formed_events(pipeline: Pipeline, texts: list[str]) -> None:
    documents = [Document(f"d{i}", text) for i, text in enumerate(texts)]
    results = list(pipeline.run(documents))
    assert [d.doc_id for d, _ in results] == [d.doc_id for d in documents]
    for document, events in results:
        text = document.text
        for e in events:
            ev = e.evidence
            assert e.doc_id == document.doc_id
            assert 0 <= ev.start_char < ev.end_char <= len(text)
            assert text[ev.start_char:ev.end_char] in ev.sentence
            assert ev.sentence in text
            assert e.cameo in pipeline.ontology and e.root == e.cameo[:2]
            assert e.quad_class in (1, 2, 3, 4) and -10 <= e.goldstein <= 10
            assert 0 <= e.confidence <= 1
            assert e.source is not None and e.source.code
            if e.date is not None:
                assert _iso(e.date.start) and _iso(e.date.end) and e.date.start <= e.date.end
        assert len({e.event_id for e in events}) == len(events)


FILTERS = ("--doc", "--actor", "--source", "--target", "--country", "--code", "--root", "--plover", "--modality",
           "--since", "--until", "--place", "--text")
HOSTILE = st.one_of(st.text(max_size=40), st.sampled_from([
    "'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_", "\\", "%' OR '1'='1", "IRN' UNION SELECT * FROM documents --",
    "\x00", "a\x00b", "\u202eNRI", "9" * 400, "-1", "2023-13-45", "", " ", "*", "[", "$1", "?", ":name"]))
LEAKS = ("Traceback", "sqlalchemy", "sqlite3", "psycopg", "OperationalError", "ProgrammingError", "syntax error",
         "SELECT ", "[SQL:")


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-built test corpus (no model) in a SQLite file, or a PostgreSQL schema when the suite runs
    against PostgreSQL, shared by every example."""
    from tests.hardening.trials import fresh_database
    from tests.store.corpus import articles

    server = os.environ.get("DRAGOMAN_TEST_DB")
    kind = "postgresql" if server else "sqlite"
    with fresh_database(kind, tmp_path_factory.mktemp("fuzz"), server) as db:
        store = Store.open(db)
        for document, events in articles():
            store.save(document, events)
        store.close()
        yield db


def _leaks(err: str, *values: str) -> bool:
    """Whether the error shows the database's own words (not counting the user's values echoed back)."""
    for value in values:
        if value:
            err = err.replace(repr(value), "").replace(value, "")
    return any(leak in err for leak in LEAKS)


def _cli(*argv: str) -> tuple[int, str, str]:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # with a .buffer: some commands write bytes
    err = io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse refusing a value (a --limit that is no number ...)
            status = int(exc.code or 0)
    out.flush()
    return status, out.buffer.getvalue().decode("utf-8"), err.getvalue()  # type: ignore[attr-defined]


def _commands(option: str, value: str, tmp: Path) -> list[list[str]]:
    commands = [["events", option, value], ["events", "--mentions", "--format", "json", option, value],
                ["network", "--format", "json", option, value]]
    if option in ("--actor", "--doc"):
        commands.append(["timeline", option, value] if option == "--actor" else ["report", option, value, "-o",
                                                                                 str(tmp / "r.html")])
    return commands


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(option=st.sampled_from(FILTERS), value=HOSTILE)
def test_any_filter_value_gives_rows_or_one_line_and_changes_nothing(filled_db: str, tmp_path: Path, option: str,
                                                                     value: str) -> None:
    before = snapshot(filled_db)
    for argv in _commands(option, value, tmp_path):
        status, _, err = _cli("--db", filled_db, *argv)
        assert status in (0, 2), (argv, status, err)
        assert not _leaks(err, value), (argv, err)
        if "\x00" in value and argv[0] != "report":  # the same on SQLite and PostgreSQL: no match, no error
            assert status == 0, (argv, err)
        if status == 2:
            assert err.count("\n") <= 1 or err.startswith("usage:"), (argv, err)
    assert snapshot(filled_db) == before


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=HOSTILE, b=HOSTILE, limit=st.integers(min_value=-5, max_value=10**12))
def test_any_dyad_and_limit_give_rows_or_one_line(filled_db: str, a: str, b: str, limit: int) -> None:
    before = snapshot(filled_db)
    for argv in (["dyad", a, b], ["dyad", "--json", "--by", "year", a, b], ["timeline", "--dyad", a, b],
                 ["events", "--dyad", a, b, "--limit", str(limit)], ["events", "--limit", str(limit)]):
        status, _, err = _cli("--db", filled_db, *argv)
        assert status in (0, 2), (argv, status, err)
        assert not _leaks(err, a, b), (argv, err)
    assert snapshot(filled_db) == before


def test_an_injection_attempt_matches_nothing_and_a_real_value_still_matches(filled_db: str) -> None:
    status, out, _ = _cli("--db", filled_db, "events", "--format", "json", "--actor", "IRN' OR '1'='1")
    assert status == 0 and out.strip() in ("", "[]")
    status, out, _ = _cli("--db", filled_db, "events", "--format", "json", "--actor", "IRN")
    assert status == 0 and "IRN" in out
