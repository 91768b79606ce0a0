"""``dragoman ingest`` end to end with the real model: a mixed folder with bad files and a URL from a
local server, a resumed run, ``--urls`` and ``--progress``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.cli.main import main
from dragoman.store.database import Store
from tests.ingest.mixed import MAX_BYTES, make_mixed_folder
from tests.ingest.server import fixture_routes, serve

pytestmark = pytest.mark.model


def test_mixed_folder_and_url_then_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = make_mixed_folder(tmp_path)
    db = str(tmp_path / "m.db")
    with serve(fixture_routes()) as site:
        url = site.url("/n/0")  # the page of page.html with other words: /world/story.html would be skipped
        status = main(["--db", db, "ingest", str(mixed.folder), url, "--max-bytes", str(MAX_BYTES)])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    for name in mixed.bad_files:
        assert len([line for line in err if name in line]) == 1, name
    assert len([line for line in err if mixed.not_english in line and "warning: " in line]) == 1
    assert err[-1].startswith(f"ingested {len(mixed.good_ids) + 1} document(s)")
    assert err[-1].endswith(f"{len(mixed.bad_files)} problem(s)")

    store = Store.open(db)
    ids = set(store.document_ids())
    assert mixed.good_ids < ids and len(ids) == len(mixed.good_ids) + 1
    page = store.document("page")
    assert page is not None and page["published"] == "2023-03-29" and page["text"].startswith("Iran's foreign")
    store.close()
    assert main(["--db", db, "export", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"page", "wire"} <= {r["doc_id"] for r in records}

    # run again: everything already stored is skipped, the bad files are reported again
    assert main(["--db", db, "ingest", str(mixed.folder), "--max-bytes", str(MAX_BYTES)]) == 1
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("ingested 0 document(s)") and f"{len(mixed.good_ids)} already ingested" in last


def test_url_list_with_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "u.db")
    listing = tmp_path / "urls.txt"
    with serve(fixture_routes()) as site:
        listing.write_text(f"{site.url('/feed')}\n{site.url('/world/story.html')}\n", encoding="utf-8")
        assert main(["--db", db, "ingest", "--urls", str(listing), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "\x1b[" in err  # the bar was drawn, on standard error
    assert "ingested 3 document(s), " in err.rstrip().splitlines()[-1]
