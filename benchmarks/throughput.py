"""Throughput: whole processes, start-up included, on one corpus of documents of mixed length.

    bare spaCy            a script that loads the model and runs ``nlp.pipe`` over the texts
    dragoman, 1 worker    ``dragoman ingest corpus.jsonl --workers 1`` into a fresh SQLite file
    dragoman, 2 workers   ``dragoman ingest corpus.jsonl --workers 2``
    Spark local[2]        ``python -m dragoman.spark corpus.jsonl --master local[2]`` (when pyspark and Java
                          are there)

The corpus: the seed article, the development articles and the PLOVER GSR sentences (when ../shared is
there; else the seed article's paragraphs), cycled to ``--docs`` documents. Runs alternate between the
contenders, ``--rounds`` times; the figures are medians (with ``--best``, each contender's fastest
run: on a busy machine, the one least disturbed). For each: wall time, words/s, documents/s, the
peak resident memory of the largest process of the run (the JVM's for Spark), the CPU time of all its
processes (and its ratio to bare spaCy's: steadier than wall time on a busy machine), and the projected
cost of one million such documents in core-hours, from the CPU time (what a cluster bills) and from wall
time times the cores used.

    .venv/bin/python benchmarks/throughput.py [--docs 1035] [--rounds 3] [--skip spark] [--best] [--before SRC]

``--before SRC`` adds ``dragoman, 1 worker`` run from another source tree (``SRC`` on ``PYTHONPATH``, e.g.
``git archive OLD src | tar -x -C /tmp/old`` and ``--before /tmp/old/src``) to the same interleaved rounds.

The machine is shared: figures from a busy machine are slower and noisier; run it when it is quiet and
compare the contenders of one run with each other rather than with another run's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# Run a command and report its wall time (to the command's own exit, as a shell would see it: a helper
# process that outlives it by a moment, such as the forkserver of ``--workers``, does not count) and, over
# all its processes (the command, the workers it starts, Spark's JVM and Python workers), the largest peak
# resident set (VmHWM) and the CPU time: the process tree is sampled from /proc every 0.1 s by a thread (a
# process that lives less than that may be missed), and the CPU time of reaped descendants (getrusage) is
# counted when larger.
MEASURE = """
import json, os, resource, subprocess, sys, tempfile, threading, time
TICK = os.sysconf("SC_CLK_TCK")

def tree(root):
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
            except (OSError, IndexError, ValueError):
                pass
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in parents:
            found[pid] = parents[pid][1]
            todo += [p for p, (ppid, _) in parents.items() if ppid == pid]
    return found

def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        return 0

cpu, peak, done = {}, 0, threading.Event()

def sample(root):
    global peak
    while not done.is_set():
        for pid, seconds in tree(root).items():
            cpu[pid] = seconds
            peak = max(peak, hwm(pid))
        done.wait(0.1)

errors = tempfile.TemporaryFile(mode="w+")  # not a pipe: a process that inherits it must not hold up the end
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=errors, text=True)
sampler = threading.Thread(target=sample, args=(child.pid,), daemon=True)
sampler.start()
child.wait()
wall = time.perf_counter() - start  # to the child's exit, not to the next sample of the process tree
done.set()
sampler.join()
errors.seek(0)
stderr = errors.read()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": child.returncode, "wall": wall,
                  "cpu": max(sum(cpu.values()), usage.ru_utime + usage.ru_stime),
                  "peak_mb": max(peak, usage.ru_maxrss) / 1024, "stderr": stderr[-2000:]}))
"""

BARE_SPACY = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
assert n == len(texts)
"""


def corpus(shared: Path, n: int) -> list[str]:
    texts = [(REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8")]
    articles = sorted((shared / "eval" / "articles").glob("*.txt"))
    gsr = shared / "eval" / "plover-gsr" / "documents.jsonl"
    if articles or gsr.exists():
        texts += [p.read_text(encoding="utf-8") for p in articles]
        if gsr.exists():
            texts += [json.loads(line)["text"] for line in gsr.read_text(encoding="utf-8").splitlines() if line]
    else:  # a repository-only corpus: the seed article's paragraphs
        texts += [line for line in texts[0].splitlines() if len(line.split()) >= 10]
    return [texts[i % len(texts)] for i in range(n)]


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


def measure(command: list[str], env: dict[str, str] | None = None) -> Run:
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True,
                          env=env)
    result = json.loads(done.stdout)
    if result["status"] != 0:
        raise SystemExit(f"failed ({result['status']}): {' '.join(command)}\n{result['stderr']}")
    return Run(result["wall"], result["cpu"], result["peak_mb"])


def spark_available() -> str | None:
    """Why the Spark run cannot happen, or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install -e '.[spark]')"
    return None if shutil.which("java") else "java is not installed (default-jre-headless)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1035)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], choices=("spacy", "w1", "w2", "spark"))
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--best", action="store_true", help="each contender's fastest run, not the median")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also time 1 worker of the dragoman whose src folder this is (e.g. a `git archive` of "
                             "an earlier commit), in the same rounds")
    args = parser.parse_args()
    from dragoman.nlp.model import choose_model

    texts = corpus(args.shared, args.docs)
    words = sum(len(t.split()) for t in texts)
    model = choose_model()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "corpus.jsonl"
        path.write_text("".join(json.dumps({"id": f"d{i:05d}", "text": t}) + "\n" for i, t in enumerate(texts)),
                        encoding="utf-8")

        def spacy_cmd(_r: int) -> list[str]:
            return [sys.executable, "-c", BARE_SPACY, str(path), model]

        def ingest_cmd(workers: int) -> Callable[[int], list[str]]:
            return lambda r: [str(BIN / "dragoman"), "--db", str(folder / f"w{workers}-{r}.db"), "ingest", str(path),
                              "--workers", str(workers)]

        def spark_cmd(r: int) -> list[str]:
            return [sys.executable, "-m", "dragoman.spark", str(path), "--output", str(folder / f"spark-{r}"),
                    "--master", "local[2]"]

        def before_cmd(r: int) -> list[str]:  # by module: the installed script may name a newer entry point
            return [sys.executable, "-m", "dragoman.cli.main", "--db", str(folder / f"before-{r}.db"), "ingest",
                    str(path), "--workers", "1"]

        contenders: dict[str, tuple[str, int, Callable[[int], list[str]]]] = {
            "spacy": ("bare spaCy nlp.pipe", 1, spacy_cmd), "w1": ("dragoman, 1 worker", 1, ingest_cmd(1)),
            "w2": ("dragoman, 2 workers", 2, ingest_cmd(2)), "spark": ("Spark local[2]", 2, spark_cmd)}
        if args.before:
            contenders["before"] = ("before, 1 worker", 1, before_cmd)
        envs = {"before": {**os.environ, "PYTHONPATH": str(args.before.resolve())}} if args.before else {}
        if "spark" not in args.skip and (reason := spark_available()):
            print(f"Spark skipped: {reason}")
            args.skip.append("spark")
        chosen = {k: v for k, v in contenders.items() if k not in args.skip}
        runs: dict[str, list[Run]] = {k: [] for k in chosen}
        for r in range(args.rounds):
            for key, (_label, _cores, command) in chosen.items():
                runs[key].append(measure(command(r), envs.get(key)))
                print(f"  round {r + 1} {key}: {runs[key][-1].wall:.1f} s", file=sys.stderr)
    print(f"{len(texts)} documents, {words:,} words ({words / len(texts):.0f} a document), model {model}; "
          f"{args.rounds} round(s), {'fastest' if args.best else 'medians'}; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} (a shared machine: figures are noisy)")
    print(f"{'':22} {'wall s':>7} {'words/s':>8} {'docs/s':>7} {'vs spaCy':>8} {'peak MB':>8} {'CPU s':>7} "
          f"{'CPU vs':>7} {'core-h/M docs (CPU)':>19} {'(wall x cores)':>14}")
    pick = min if args.best else statistics.median
    base = pick(r.wall for r in runs["spacy"]) if "spacy" in runs else None
    base_cpu = pick(r.cpu for r in runs["spacy"]) if "spacy" in runs else None
    for key, (label, cores, _command) in chosen.items():
        wall = pick(r.wall for r in runs[key])
        cpu = pick(r.cpu for r in runs[key])
        peak = max(r.peak_mb for r in runs[key])
        ratio = f"{wall / base:.2f}x" if base else "-"
        cpu_ratio = f"{cpu / base_cpu:.2f}x" if base_cpu else "-"
        per_million = 1_000_000 / len(texts) / 3600
        print(f"{label:22} {wall:7.1f} {words / wall:8,.0f} {len(texts) / wall:7.1f} {ratio:>8} {peak:8,.0f} "
              f"{cpu:7.1f} {cpu_ratio:>7} {cpu * per_million:19,.1f} {wall * cores * per_million:14,.1f}")
    if "w1" in runs and "w2" in runs:
        speedup = pick(r.wall for r in runs["w1"]) / pick(r.wall for r in runs["w2"])
        print(f"2 workers: {speedup:.2f}x the documents/s of 1 worker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
