"""Users extend the knowledge base from the command line: their own places file reaches event places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.cli.main import main

pytestmark = pytest.mark.model


def test_a_users_places_file_locates_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    places = tmp_path / "places.tsv"
    places.write_text("# name\taliases\tcountry\tfeature\tprecision\tlat\tlon\n"
                      "Qarqaros Valley\t\tSYR\tVAL\tregion\t35.1\t38.2\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Turkish troops attacked Syrian forces in the Qarqaros Valley on Monday.\n", encoding="utf-8")
    db = str(tmp_path / "k.db")

    def located(*extra: str) -> list[str | None]:
        assert main(["--db", db, "ingest", "--force", *extra, str(article)]) == 0
        capsys.readouterr()
        main(["--db", db, "export"])
        records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert records, "the attack should be coded"
        return [(r["location"] or {}).get("name") for r in records]

    assert "Qarqaros Valley" not in located()
    assert "Qarqaros Valley" in located("--places", str(places))
