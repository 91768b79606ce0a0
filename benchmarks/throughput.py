"""Throughput: dragoman's whole ingest vs bare spaCy ``nlp.pipe`` on the same texts, in one run.

Both sides get the same texts (the seed article and the PLOVER GSR sentences when ../shared is there,
repeated to --docs documents). Prints tokens per second of each, their ratio (dragoman time / spaCy time),
and the peak resident memory of the process.

    .venv/bin/python benchmarks/throughput.py [--docs 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dragoman.nlp.model import load_model
from dragoman.operations import ingest
from dragoman.pipeline import Pipeline
from dragoman.records import Document
from dragoman.store.database import Store

REPO = Path(__file__).resolve().parents[1]


def corpus(shared: Path, n: int, sentences_per_doc: int) -> list[str]:
    """``n`` documents: the seed article, and the PLOVER GSR sentences (when ../shared is there) either one
    per document (``sentences_per_doc`` 1: wire snippets, where per-document costs weigh most) or joined
    into article-sized documents."""
    texts = [(REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8")]
    gsr = shared / "eval" / "plover-gsr" / "documents.jsonl"
    if gsr.exists():
        sentences = [json.loads(line)["text"].strip() for line in gsr.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        texts += [" ".join(sentences[i:i + sentences_per_doc]) for i in range(0, len(sentences), sentences_per_doc)]
    return [texts[i % len(texts)] for i in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sentences-per-doc", type=int, default=1,
                        help="GSR sentences joined per document (1: snippets; 20: article-sized)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    texts = corpus(args.shared, args.docs, args.sentences_per_doc)
    pipeline = Pipeline.load()
    nlp = load_model(None)
    tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    spacy_times, dragoman_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=pipeline.batch_size):
            pass
        spacy_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(str(Path(tmp) / "t.db"))
            docs = [Document(f"d{i}", t) for i, t in enumerate(texts)]
            paths = _write_jsonl(Path(tmp), docs)
            start = time.perf_counter()
            ingest([str(paths)], store, pipeline)
            dragoman_times.append(time.perf_counter() - start)
            store.close()
    s, d = statistics.median(spacy_times), statistics.median(dragoman_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(texts)}, tokens: {tokens}, rounds: {args.rounds} (medians)")
    print(f"bare spaCy nlp.pipe: {s:.2f} s, {tokens / s:,.0f} tokens/s")
    print(f"dragoman ingest (read, parse, code, store): {d:.2f} s, {tokens / d:,.0f} tokens/s")
    print(f"ratio dragoman/spaCy time: {d / s:.2f}")
    print(f"peak resident memory: {peak_mb:,.0f} MB")
    return 0


def _write_jsonl(folder: Path, docs: list[Document]) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps({"id": doc.doc_id, "text": doc.text}) + "\n")
    return path


if __name__ == "__main__":
    sys.exit(main())
