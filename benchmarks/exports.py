"""Exports of every development set, to show that a speed change leaves the output byte-identical.

Ingests each set with the installed ``dragoman`` command into a fresh SQLite file (``--workers 1``, or
``--workers N``) and writes its events (``export --format jsonl``, event ids included) and its clusters
(``export --clusters``) into a folder; ``--compare A B`` then compares two such folders file by file.

Sets: the seed article, the development articles (``../shared/eval/articles/*.txt``), the PLOVER GSR
sentences (``../shared/eval/plover-gsr/documents.jsonl``) and the throughput corpus of ``throughput.py``
(``--docs`` documents); plus the output of ``benchmarks/accuracy.py``.

    .venv/bin/python benchmarks/exports.py --out /tmp/before        # on the code before a change
    .venv/bin/python benchmarks/exports.py --out /tmp/after         # and after it
    .venv/bin/python benchmarks/exports.py --compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "benchmarks"))

from throughput import corpus  # noqa: E402


def development_sets(shared: Path, folder: Path, docs: int) -> dict[str, list[str]]:
    """Name -> the paths to ingest."""
    sets = {"seed": [str(shared / "seed" / "iran-russia-2023.txt")],
            "articles": [str(p) for p in sorted((shared / "eval" / "articles").glob("*.txt"))],
            "gsr": [str(shared / "eval" / "plover-gsr" / "documents.jsonl")]}
    path = folder / "throughput.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i:05d}", "text": t}) + "\n"
                            for i, t in enumerate(corpus(shared, docs))), encoding="utf-8")
    sets["throughput"] = [str(path)]
    return sets


def write(out: Path, shared: Path, docs: int, workers: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    dragoman = str(BIN / "dragoman")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, paths in development_sets(shared, folder, docs).items():
            db = str(folder / f"{name}.db")
            subprocess.run([dragoman, "--db", db, "ingest", *paths, "--workers", str(workers)], check=True,
                           capture_output=True)
            subprocess.run([dragoman, "--db", db, "export", "--format", "jsonl", "-o", str(out / f"{name}.jsonl")],
                           check=True)
            subprocess.run([dragoman, "--db", db, "export", "--format", "jsonl", "--clusters", "-o",
                            str(out / f"{name}.clusters.jsonl")], check=True)
            print(f"{name}: {sum(1 for _ in (out / f'{name}.jsonl').open())} events", file=sys.stderr)
    accuracy = subprocess.run([sys.executable, str(REPO / "benchmarks" / "accuracy.py"), "--shared", str(shared)],
                              check=True, capture_output=True, text=True)
    (out / "accuracy.txt").write_text(accuracy.stdout, encoding="utf-8")


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = [n for n in names if not (a / n).exists() or not (b / n).exists()
              or (a / n).read_bytes() != (b / n).read_bytes()]
    for name in names:
        print(f"{'DIFFERENT' if name in differ else 'identical'}  {name}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("A", "B"))
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--docs", type=int, default=1035)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.out:
        parser.error("--out FOLDER or --compare A B")
    write(args.out, args.shared, args.docs, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
