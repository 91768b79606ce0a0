"""The PETRARCH-2 converters regenerate the package's generated data exactly from the copies of the
dictionaries under tools/sources, and the converted data loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("tool", ["import_petrarch_verbs.py", "import_petrarch_actors.py"])
def test_generated_files_match_their_source(tool: str) -> None:
    run = subprocess.run([sys.executable, str(REPO / "tools" / tool), "--check"], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr


def test_verb_converter_reports_what_it_cannot_express() -> None:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import import_petrarch_verbs as conv
    finally:
        sys.path.pop(0)
    text = """####### VERB PATTERNS #######
---  SEIZE   [---]  ---
SEIZE {SEIZES SEIZING SEIZED}
GRAB [171]
- * (TO/FOR PROTEST)                                  [141]         # SEIZE
- * &NOSUCHSET                                        [171]         # SEIZE
- * TERRITORY                                         [999]         # SEIZE
- * HOSTAGE (FROM +)                                  [181]         # SEIZE
- * SHIPS                                             [---]         # SEIZE
"""
    converted = conv.parse(text, frozenset({"171", "181", "141"}))
    block = converted.blocks[0]
    assert block.verbs == [("seize", ""), ("grab", "171")]
    assert [p[0] for p in block.phrases] == ["181", ""]  # a coded phrase, and one that blocks the verb
    assert block.phrases[0][5] == "prep:from"  # the target PETRARCH marked with +
    report = "\n".join(converted.report)
    assert "TO/FOR" in report and "&NOSUCHSET" in report and "999" in report
