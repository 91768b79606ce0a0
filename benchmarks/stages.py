"""Where the CPU time of one worker goes: start-up, parsing, each of dragoman's own stages, storing.

The throughput corpus of ``throughput.py`` (``--docs`` documents) is read, language-checked, parsed and
coded in one process, stage by stage as ``Pipeline.events_of`` runs them, and stored into a fresh SQLite
file; each step's CPU time (``time.process_time``) is summed over the documents. Parsing is timed over
the whole corpus first (as ``Pipeline.run`` batches it), so the stages after it are timed on parsed docs.
The figures are what ``dragoman ingest --workers 1`` spends, apart from the interpreter's own start-up and
the command's argument parsing. For comparison, the last line is the CPU time of the parse of
``throughput.py``'s bare spaCy script (the stock model, ``nlp.pipe`` in batches of 32; dragoman runs the
same model with output-identical faster pieces: ``nlp/fast.py``, ``nlp/decoding.py``,
``nlp/embedding.py``; ``--no-bare`` skips it).

    .venv/bin/python benchmarks/stages.py [--docs 1035] [--rounds 3] [--no-bare]

With ``--rounds N`` the coding stages and storing are timed N times (on the same parses, a fresh database
each time) and the smallest time of each is shown: the machine is shared, and the least disturbed round
is the closest to the code's own cost.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from throughput import corpus  # noqa: E402

T = TypeVar("T")


class Laps:
    """``lap(name)`` adds the CPU time since the previous lap (or since it was made) to ``spent[name]``."""

    def __init__(self, spent: defaultdict[str, float]) -> None:
        self.spent = spent
        self.last = time.process_time()

    def __call__(self, name: str) -> None:
        now = time.process_time()
        self.spent[name] += now - self.last
        self.last = now


def timed(spent: defaultdict[str, float], name: str, step: Callable[[], T]) -> T:
    start = time.process_time()
    result = step()
    spent[name] += time.process_time() - start
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1035)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--no-bare", action="store_true", help="skip the parse with the stock model, for comparison")
    args = parser.parse_args()
    startup: defaultdict[str, float] = defaultdict(float)
    start = time.process_time()
    import spacy

    startup["import spaCy"] = time.process_time() - start
    start = time.process_time()
    from dragoman.ingest import language_problem, read_sources
    from dragoman.nlp import chunks
    from dragoman.pipeline import Pipeline, batches
    from dragoman.store import Store

    startup["import dragoman (ingest, pipeline, store)"] = time.process_time() - start
    from dragoman.actors.discourse import unnamed_actors
    from dragoman.nlp.model import load_model
    from dragoman.places.setting import Occurrence, carry_settings
    from dragoman.records import Document

    model = timed(startup, "load the spaCy model", lambda: load_model(None))
    pipeline = timed(startup, "load dragoman's knowledge (actors, patterns, places, verbs)", Pipeline.load)
    assert pipeline.nlp is model

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        texts = corpus(args.shared, args.docs)
        path.write_text("".join(json.dumps({"id": f"d{i:05d}", "text": t}) + "\n" for i, t in enumerate(texts)),
                        encoding="utf-8")
        reading: defaultdict[str, float] = defaultdict(float)
        read = timed(reading, "read and clean the documents", lambda: list(read_sources([str(path)])))
        documents = [d for d in read if isinstance(d, Document)]
        timed(reading, "language check", lambda: [language_problem(d.text) for d in documents])

        def parse() -> list[tuple[Any, Any]]:
            return [(document, doc) for batch in batches(documents, pipeline.batch_size, pipeline.batch_chars)
                    for document, parts in chunks.parse(pipeline.nlp, batch, pipeline.batch_size)
                    for _offset, doc in parts]

        parsed = timed(reading, "parse (spaCy: the model's components)", parse)
        best: dict[str, float] = {}
        for r in range(args.rounds):
            spent: defaultdict[str, float] = defaultdict(float)
            coded_documents = []
            p = pipeline
            for document, doc in parsed:
                lap = Laps(spent)
                reference = p.dater.document_date(document, doc)
                lap("document date")
                found = p.finder.find(doc, reference.date)
                lap("actor mentions")
                mentions = unnamed_actors(doc, found, p.kb, reference.date)
                lap("unnamed actors, coreference")
                named = {i: place.entry.country for place in p.places.places(doc, mentions) if place.entry.country
                         for i in range(place.start, place.end)}
                lap("places named")
                coded = p.coder.code(doc, mentions, named)
                lap("event coder")
                spots = carry_settings([Occurrence(c.code, c.sentence_index, c.source.actor,
                                                   c.target.actor if c.target else None,
                                                   p.places.event_place(doc, c, mentions), doc[c.trigger].text)
                                        for c in coded], p._dateline(document))
                lap("event places")
                dates = [p.dater.event_date(doc, c, reference) for c in coded]
                lap("event dates")
                events = [p._record(document, doc, c, d, place, (note,) if note else ())
                          for c, d, (place, note) in zip(coded, dates, spots, strict=True)]
                lap("event records")
                coded_documents.append((document, events))
                doc.user_data.clear()
            store = Store.open(str(Path(tmp) / f"round{r}.db"))

            def save(store: Store = store, coded_documents: list[Any] = coded_documents) -> None:
                for document, events in coded_documents:
                    store.save(document, events)

            timed(spent, "store (one transaction a document)", save)
            store.close()
            for name, seconds in spent.items():
                best[name] = min(best.get(name, seconds), seconds)
    words = sum(len(t.split()) for t in texts)
    bare = 0.0
    if not args.no_bare:  # what throughput.py's bare spaCy script parses with: the stock components
        from dragoman.nlp.model import choose_model

        nlp = spacy.load(choose_model())
        start = time.process_time()
        assert sum(1 for _ in nlp.pipe(texts, batch_size=32)) == len(texts)
        bare = time.process_time() - start
    rounds = f"best of {args.rounds}" if args.rounds > 1 else "one round"
    print(f"{len(texts)} documents, {words:,} words; CPU seconds ({rounds} for the coding stages and storing); "
          "a shared machine: figures are noisy")
    total = 0.0
    parts: list[tuple[str, dict[str, float]]] = [("start-up", dict(startup)), ("reading and parsing", dict(reading)),
                                                 ("dragoman's stages", best)]
    for title, part in parts:
        print(f"{title}:")
        for name, seconds in part.items():
            print(f"  {name:62} {seconds:6.2f}")
            total += seconds
        print(f"  {'(sum)':62} {sum(part.values()):6.2f}")
    print(f"{'total':64} {total:6.2f}")
    if bare:
        print(f"{'for comparison: bare spaCy nlp.pipe, stock components, batch 32':64} {bare:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
