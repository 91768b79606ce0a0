"""Accuracy of dragoman on the development sets, by the FORMATS.md scoring.

Ingests each set into a fresh temporary database with the installed dragoman, then scores the stored
events with dragoman's own evaluator and prints the figures (and with --verbose the misses and false
positives). Sets: the bundled seed article, and ../shared/eval/articles and ../shared/eval/plover-gsr when
they are there; for the articles, a table of the required rows missed by CAMEO root and why.

    .venv/bin/python benchmarks/accuracy.py [--verbose] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from dragoman.cli.output import print_misses
from dragoman.evaluate import Score, fold
from dragoman.operations import evaluate_store, ingest
from dragoman.pipeline import Pipeline
from dragoman.store.database import Store

REPO = Path(__file__).resolve().parents[1]


def manual_codes(shared: Path) -> dict[str, str]:
    """CAMEO-manual code of each PLOVER GSR sentence, where it can be traced to an example sentence of the
    CAMEO codebook (peer/cameo/cameo-codes.icews.csv). The GSR gold gives only roots; this gives the
    specific code the manual files the sentence under, for an exact-code figure that means something."""
    table = shared / "peer" / "cameo" / "cameo-codes.icews.csv"
    docs = shared / "eval" / "plover-gsr" / "documents.jsonl"
    if not (table.exists() and docs.exists()):
        return {}
    from rapidfuzz import fuzz, process

    def norm(text: str) -> str:
        return re.sub(r"[^a-z0-9 ]", "", text.lower())

    examples: dict[str, str] = {}
    with table.open(encoding="mac_roman") as f:
        for row in csv.DictReader(f):
            if row["example"] and row["example"] != "NA":
                examples[norm(row["example"])] = row["code"]
    found = {}
    for line in docs.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        best = process.extractOne(norm(doc["text"]), list(examples), scorer=fuzz.ratio, score_cutoff=85)
        if best is not None:
            found[doc["id"]] = examples[best[0]]
    return found


def miss_table(result: Score) -> str:
    """Required gold rows missed, by CAMEO root: no event in their sentence, only events of another root
    there, or an event of the right root with other actors; and found/total per root."""
    events = [e for _, e in result.matched] + result.false_positives
    rows: dict[str, Counter[str]] = {}
    for row in result.missed:
        if not row.get("required", True):
            continue
        root = str(row["code"][0])[:2]
        here = [e for e in events if e["doc_id"] == row["doc"] and fold(row["sentence"]) in fold(e["sentence"])]
        roots = {str(c)[:2] for c in row["code"]}
        kind = "no event" if not here else "wrong actors" if any(e["cameo"][:2] in roots for e in here) \
            else "another root"
        rows.setdefault(root, Counter())[kind] += 1
    for gold, _ in result.matched:
        if gold.get("required", True):
            rows.setdefault(str(gold["code"][0])[:2], Counter())["found"] += 1
    lines = ["  root  found/total  no event  another root  wrong actors"]
    for root in sorted(rows):
        c = rows[root]
        total = sum(c.values())
        lines.append(f"  {root:>4}  {c['found']:>5}/{total:<5}  {c['no event']:>8}  {c['another root']:>12}  "
                     f"{c['wrong actors']:>12}")
    return "\n".join(lines)


def sets(shared: Path) -> list[tuple[str, Path, Path]]:
    found = [("seed", REPO / "examples" / "iran-russia-2023.txt", REPO / "examples" / "iran-russia-2023.gold.jsonl")]
    articles = shared / "eval" / "articles"
    if articles.is_dir() and any(articles.glob("*.gold.jsonl")):
        found.append(("articles", articles, articles))
    gsr = shared / "eval" / "plover-gsr"
    if (gsr / "documents.jsonl").exists():
        found.append(("plover-gsr", gsr / "documents.jsonl", gsr / "gold.jsonl"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    pipeline = Pipeline.load()
    matched_code = [0, 0]
    manual = [0, 0]  # seed exact codes plus GSR codes checked against the CAMEO manual's own codes
    for name, docs, gold in sets(args.shared):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(str(Path(tmp) / f"{name}.db"))
            if docs.is_dir():
                ingest(sorted(str(p) for p in docs.glob("*.txt")), store, pipeline)
                golds = sorted(gold.glob("*.gold.jsonl"))
            else:
                ingest([str(docs)], store, pipeline)
                golds = [gold]
            result = evaluate_store(store, golds)
            summary = result.summary()
            print(f"{name}: {json.dumps(summary)}")
            rate, n = result.rates["code_exact"]
            if rate is not None:
                matched_code[0] += round(rate * n)
                matched_code[1] += n
                if name == "seed":
                    manual[0] += round(rate * n)
                    manual[1] += n
            if name == "plover-gsr":
                codes = manual_codes(args.shared)
                traced = [(codes[e["doc_id"]], e["cameo"]) for _, e in result.matched if e["doc_id"] in codes]
                if traced:
                    exact = sum(want == got for want, got in traced) / len(traced)
                    root = sum(want[:2] == got[:2] for want, got in traced) / len(traced)
                    manual[0] += sum(want == got for want, got in traced)
                    manual[1] += len(traced)
                    print(f"  against the CAMEO manual's own code of the example ({len(codes)} of 321 sentences "
                          f"traced; {len(traced)} matched events): exact {exact:.3f}, same root {root:.3f}")
            if name == "articles":
                print(miss_table(result))
            if args.verbose:
                print_misses(result.missed, result.false_positives, sys.stdout)
            store.close()
    if matched_code[1]:
        print(f"code exact across sets (FORMATS.md: GSR gold lists roots only): "
              f"{matched_code[0] / matched_code[1]:.3f} of {matched_code[1]} matched events")
    if manual[1]:
        print(f"code exact across sets, GSR against the manual's codes: {manual[0] / manual[1]:.3f} "
              f"of {manual[1]} matched events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
