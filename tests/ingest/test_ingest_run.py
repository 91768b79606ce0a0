"""``operations.ingest`` over a mixed folder, resumed and forced, with a stand-in pipeline (no model):
what is read, skipped and reported, and that the store stays consistent."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import pytest

from dragoman.ingest import ReadOptions
from dragoman.operations import ingest
from dragoman.pipeline import Pipeline
from dragoman.records import Document, Event
from dragoman.store.database import Store
from tests.ingest.mixed import MAX_BYTES, make_mixed_folder


class _NoEvents:
    """Stands in for the pipeline: codes no events, so the reading and storing are what is tested."""

    batch_size = 3

    def run(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        for document in documents:
            yield document, []


PIPELINE = cast(Pipeline, _NoEvents())


def test_mixed_folder_is_ingested_and_each_bad_file_reported_once(tmp_path: Path, db_path: str) -> None:
    mixed = make_mixed_folder(tmp_path)
    store = Store.open(db_path)
    report = ingest([str(mixed.folder)], store, PIPELINE, options=ReadOptions(max_bytes=MAX_BYTES))
    assert set(store.document_ids()) == mixed.good_ids
    assert report.documents == len(mixed.good_ids) and report.skipped == 0
    assert len(report.errors) == len(mixed.bad_files)
    for name in mixed.bad_files:
        [line] = [e for e in report.errors if Path(e.split(": ")[0]).name == name]
        assert "\n" not in line
    [warning] = report.warnings
    assert mixed.not_english in warning and "not English" in warning
    legacy = store.document("legacy")
    assert legacy is not None and "Genève" in legacy["text"] and "Iran’s" in legacy["text"]
    wire = store.document("wire")
    assert wire is not None and wire["text"].startswith("Iran summoned")
    store.close()


def test_an_interrupted_run_resumes_and_force_recodes(tmp_path: Path, db_path: str) -> None:
    mixed = make_mixed_folder(tmp_path)
    options = ReadOptions(max_bytes=MAX_BYTES)
    store = Store.open(db_path)
    stored: list[str] = []

    def stop_after_four(document: Document, _events: int) -> None:
        stored.append(document.doc_id)
        if len(stored) == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([str(mixed.folder)], store, PIPELINE, options=options, on_document=stop_after_four)
    assert sorted(store.document_ids()) == sorted(stored)  # each stored document is whole

    again = ingest([str(mixed.folder)], store, PIPELINE, options=options)
    assert again.skipped == 4 and again.documents == len(mixed.good_ids) - 4
    assert set(store.document_ids()) == mixed.good_ids

    forced = ingest([str(mixed.folder)], store, PIPELINE, options=options, force=True)
    assert forced.skipped == 0 and forced.documents == len(mixed.good_ids)
    assert store.counts()["documents"] == len(mixed.good_ids)
    store.close()


def test_any_language_codes_the_french_document(tmp_path: Path, db_path: str) -> None:
    mixed = make_mixed_folder(tmp_path)
    store = Store.open(db_path)
    report = ingest([str(mixed.folder / mixed.not_english)], store, PIPELINE, any_language=True)
    assert report.documents == 1 and not report.warnings
    store.close()


def test_a_changed_document_is_coded_again_and_a_copy_under_another_id_is_another_report(
        tmp_path: Path, db_path: str) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Iran and Russia signed a deal.", encoding="utf-8")
    store = Store.open(db_path)
    assert ingest([str(story)], store, PIPELINE).documents == 1
    assert ingest([str(story)], store, PIPELINE).skipped == 1
    story.write_text("Iran and Russia signed two deals.", encoding="utf-8")
    report = ingest([str(story)], store, PIPELINE)
    assert (report.documents, report.skipped) == (1, 0)
    (tmp_path / "b.txt").write_text("Iran and Russia signed two deals.", encoding="utf-8")
    report = ingest([str(tmp_path)], store, PIPELINE)
    assert (report.documents, report.skipped) == (1, 1)  # b is coded, a is already stored
    assert store.document_ids() == ["a", "b"]
    store.close()
