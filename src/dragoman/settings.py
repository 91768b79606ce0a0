"""What a pipeline is loaded with (``Settings``) and how documents are cut into parse batches: kept apart
from ``dragoman.pipeline`` so that a process that only hands documents to workers (the writer of
``ingest --workers N``) never imports spaCy."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dragoman.records import Document

# Documents parsed together by ``nlp.pipe``: at most BATCH_SIZE documents and, besides the first, BATCH_CHARS
# characters. Parsing holds every token of a batch at once (about 16 KB a token at its peak with
# en_core_web_sm): 32 long articles (110,000 characters) took the process from 200 to 400 MB, while 20,000
# characters cost about 60 MB. Many short documents (wire sentences) parse faster in one larger batch.
BATCH_SIZE = 256
BATCH_CHARS = 20_000


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    actor_files: tuple[Path, ...] = ()
    pattern_files: tuple[Path, ...] = ()
    place_files: tuple[Path, ...] = ()
    batch_size: int = BATCH_SIZE
    batch_chars: int = BATCH_CHARS

    def to_json(self) -> str:
        """These settings as a JSON object (for a process that cannot be handed Python objects)."""
        return json.dumps({"model": self.model, "actor_files": [str(p) for p in self.actor_files],
                           "pattern_files": [str(p) for p in self.pattern_files],
                           "place_files": [str(p) for p in self.place_files],
                           "batch_size": self.batch_size, "batch_chars": self.batch_chars})

    @classmethod
    def from_json(cls, text: str) -> Settings:
        """The settings of ``to_json``'s text (equal to those written)."""
        data = json.loads(text)
        return cls(model=data["model"], actor_files=tuple(Path(p) for p in data["actor_files"]),
                   pattern_files=tuple(Path(p) for p in data["pattern_files"]),
                   place_files=tuple(Path(p) for p in data["place_files"]),
                   batch_size=int(data["batch_size"]), batch_chars=int(data["batch_chars"]))


def batches(documents: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Consecutive runs of ``documents``, each of at most ``size`` documents and, past its first document,
    at most ``chars`` characters."""
    batch: list[Document] = []
    length = 0
    for document in documents:
        if batch and (len(batch) >= size or length + len(document.text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(document)
        length += len(document.text)
    if batch:
        yield batch
