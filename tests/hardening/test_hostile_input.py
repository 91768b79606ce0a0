"""Huge and pathological documents: each is read (and coded) in bounded time and memory, or refused with
one line naming it; none stops the batch. The full-size versions (a 20 MB article, a 5 MB line, a 50 MB
JSON line) run in benchmarks/faults.py; these are the same shapes, smaller."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dragoman.errors import InputError, StoreError
from dragoman.ingest import ReadOptions, read_sources
from dragoman.operations import ingest
from dragoman.pipeline import Pipeline
from dragoman.records import Document
from dragoman.store.database import Store
from tests.conftest import REPO
from tests.hardening.trials import sqlite_pass_only
from tests.store.concurrency_corpus import document_events

ARTICLE = (REPO / "src" / "dragoman" / "data" / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8")


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: what these inputs used to do is run for hours (a quadratic step)."""

    def expire(_signum: int, _frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read(path: Path, max_bytes: int = 50 * 1024 * 1024) -> list[Document | InputError]:
    return list(read_sources([str(path)], options=ReadOptions(max_bytes=max_bytes)))


def test_a_jsonl_line_over_the_cap_is_refused_by_line_and_the_others_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    huge = json.dumps({"id": "huge", "text": "Iran met Russia. " * 20_000})  # 340 KB on one line
    rows = [json.dumps({"id": "first", "text": "Iran met Russia in Moscow."}), huge,
            json.dumps({"id": "last", "text": "Russia thanked Iran."})]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = read(path, max_bytes=100_000)  # the file is over the cap: read a line at a time
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["first", "last"]
    [error] = [i for i in items if isinstance(i, InputError)]
    assert error.line == 2 and "line too long" in str(error) and str(path) in str(error)
    assert "\n" not in str(error)


def test_jsonl_records_lose_control_characters_and_lone_surrogates_everywhere(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    text = "Iran\u0000 met\u0007 Russia\u001b in Moscow.\u200f The \u202eminister\u202c spoke.\ud800"
    rows = [{"id": "a\u0000b\ud800", "text": text, "title": "T\u0000itle", "author": "X\u0001Y",
             "url": "https://example.org/\u0000x"},
            {"id": "\u0000\u0001", "text": "Iran met Russia."},
            {"id": "deep", "text": 1},
            ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n" + '{"text": ' + "[" * 100_000 + "\n",
                    encoding="utf-8")
    items = read(path)
    first = items[0]
    assert isinstance(first, Document)
    assert first.doc_id == "ab\ufffd"
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in first.text + (first.title or "") + (first.url or ""))
    assert "\ud800" not in first.text and "\u200f" in first.text  # right-to-left marks are text: kept
    assert dict(first.meta)["author"] == "XY"
    errors = [str(i) for i in items[1:]]
    assert any("empty document id" in e for e in errors)
    assert any(":4:" in e and ("nested too deeply" in e or "not valid JSON" in e) for e in errors)
    assert all("\n" not in e for e in errors)


def test_a_text_with_nul_bytes_past_the_start_is_read_without_them(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE.encode() + b"\x00\x00 Iran met Russia.\x07\x08\n")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert "\x00" not in doc.text and "\x07" not in doc.text and doc.text.rstrip().endswith(" Iran met Russia.")


def test_runs_of_blank_lines_and_one_word_sentences_are_read_in_linear_time(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("Iran met Russia in Moscow.\n" + "\n" * 300_000 + "(Reporting by A. Writer)\n", encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("Yes.\n" * 100_000, encoding="utf-8")
    with at_most(60):  # a few seconds; the credit-line pattern once took minutes for 40,000 blank lines
        [doc] = read(blank)
        [many] = read(words)
    assert isinstance(doc, Document) and "Reporting by" not in doc.text
    assert isinstance(many, Document) and many.text.count("Yes.") == 100_000


def test_deeply_nested_html_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    body = "<div>" * 50_000 + "<p>Iran met Russia in Moscow to discuss the nuclear deal.</p>" + "</div>" * 50_000
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    with at_most(60):
        [item] = read(path)
    assert isinstance(item, InputError) and str(path) in str(item) and "\n" not in str(item)


def test_a_value_no_database_can_encode_is_a_store_error_not_a_crash(db_path: str) -> None:
    store = Store.open(db_path)
    document, events = document_events(1)
    bad = Document("bad\ud800", document.text)
    with pytest.raises(StoreError) as caught:
        store.save(bad, [])
    assert "\n" not in str(caught.value)
    store.save(document, events)  # the store is still usable
    assert store.document_ids() == [document.doc_id]


@sqlite_pass_only
@pytest.mark.model
def test_a_folder_of_hostile_documents_never_stops_the_batch(pipeline: Pipeline, tmp_path: Path) -> None:
    """Beside an ordinary article: a 60,000-character single line, 10,000 one-word sentences, nested HTML,
    text with NUL, control and right-to-left characters, and a JSON Lines dump with one line over the cap."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ordinary.txt").write_text(ARTICLE, encoding="utf-8")
    sentences = " ".join(ARTICLE.split())
    (folder / "one-line.txt").write_text((sentences + " ") * (60_000 // len(sentences) + 1), encoding="utf-8")
    (folder / "one-word.txt").write_text("Yes.\n" * 10_000, encoding="utf-8")
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 5000 + "<p>Iran met Russia.</p>" +
                                        "</div>" * 5000 + "</body></html>", encoding="utf-8")
    (folder / "controls.txt").write_bytes(("\u200f" + ARTICLE).encode() + b"\x00\x01\x1b[2J\n"
                                          + "Iran met Russia in Moscow.\u202e\n".encode())
    rows = [json.dumps({"id": "dump-1", "text": ARTICLE[:2000]}), json.dumps({"id": "dump-2", "text": "x" * 500_000}),
            json.dumps({"id": "dump-3", "text": ARTICLE[2000:4000]})]
    (folder / "dump.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")

    store = Store.open(str(tmp_path / "events.db"))
    report = ingest([str(folder)], store, pipeline, options=ReadOptions(max_bytes=400_000), any_language=True)

    assert sorted(store.document_ids()) == ["controls", "dump-1", "dump-3", "one-line", "one-word", "ordinary"]
    assert len(report.errors) == 2, report.errors
    assert any("nested.html" in e for e in report.errors)
    assert any("dump.jsonl:2" in e and "line too long" in e for e in report.errors)
    for doc_id in store.document_ids():
        stored = store.document(doc_id)
        assert stored is not None
        text = stored["text"]
        assert "\x00" not in text
        for e in store.events():
            if e.doc_id == doc_id:
                assert 0 <= e.evidence.start_char < e.evidence.end_char <= len(text)
                assert text[e.evidence.start_char:e.evidence.end_char] in e.evidence.sentence
    line_events = [e for e in store.events() if e.doc_id == "one-line"]
    assert max(e.evidence.start_char for e in line_events) > 50_000  # the last parts were coded too
