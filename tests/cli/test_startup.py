"""The read-only commands start without loading what only coding or the analyses need: spaCy, the
pipeline, the event ontology and the actor knowledge behind it, the analyses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dragoman.analysis import NETWORK_FORMATS
from dragoman.cli import analysis

HEAVY = ("spacy", "dragoman.pipeline", "dragoman.events.ontology", "dragoman.actors.kb", "dragoman.analysis",
         "pyarrow", "pandas")


def _loaded_by(argv: list[str]) -> set[str]:
    script = ("import json, sys\nfrom dragoman.cli.main import main\n"
              f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
              "print(json.dumps(list(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_events_and_export_load_nothing_heavy(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    for argv in (["--db", db, "events"], ["--db", db, "export", "--format", "jsonl"], ["events", "--help"]):
        assert not [m for m in HEAVY if m in _loaded_by(argv)], argv


def test_the_network_formats_offered_are_the_library_s() -> None:
    assert analysis.NETWORK_FORMATS == NETWORK_FORMATS


def test_reading_documents_loads_no_http_client() -> None:
    script = "import sys\nimport dragoman.ingest\nprint('httpx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"  # httpx is imported when a URL is fetched


def test_the_parser_loads_no_database_layer() -> None:
    """``ingest --workers N`` starts its workers' pipeline loading before anything else: the command line
    itself imports neither SQLAlchemy nor spaCy."""
    loaded = _loaded_by(["--help"])
    assert "dragoman.cli.documents" in loaded and "dragoman.cli.events" in loaded
    assert not [m for m in ("sqlalchemy", *HEAVY) if m in loaded]


def test_ingest_with_workers_loads_no_model_in_the_writer(tmp_path: Path) -> None:
    """The workers fork from a server that loaded the pipeline; the writer itself never imports spaCy."""
    example = Path(__file__).resolve().parents[2] / "examples" / "iran-russia-2023.txt"
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(12):
        (folder / f"a{i:02d}.txt").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = _loaded_by(["--db", str(tmp_path / "w.db"), "ingest", str(folder), "--workers", "2"])
    assert "dragoman.parallel" in loaded and "sqlalchemy" in loaded
    assert "spacy" not in loaded and "dragoman.pipeline" not in loaded
