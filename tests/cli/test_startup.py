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
