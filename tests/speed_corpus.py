"""A small JSON Lines corpus made from the bundled example: each paragraph of ten words or more is a
document, and every third one is reported again by a second outlet (so that clusters span documents)."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "iran-russia-2023.txt"


def write_corpus(folder: Path) -> Path:
    paragraphs = [line.strip() for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
                  if len(line.split()) >= 10]
    records = []
    for i, text in enumerate(paragraphs):
        records.append({"id": f"p{i:02d}", "text": text, "published": "2023-03-29",
                        "url": f"https://first.example/{i}"})
        if i % 3 == 0:
            records.append({"id": f"p{i:02d}-again", "text": text, "published": "2023-03-30",
                            "url": f"https://second.example/{i}"})
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
