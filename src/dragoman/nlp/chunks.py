"""Texts too long for one parse: split at paragraph or sentence boundaries, parse and code part by part.

spaCy refuses a text longer than ``nlp.max_length`` (E088, 1,000,000 characters by default), and well
below that a parse of one long text holds every token's state in memory at once. A document longer than
``CHUNK_CHARS`` characters (or the model's ``max_length``, if smaller) or about ``CHUNK_TOKENS`` tokens
is therefore cut into parts, each ending after a blank line where it can, else after a line break, a
sentence end, any whitespace, and only as a last resort inside a word. The parts are parsed one at a
time and each is coded on its own; its events' character offsets and sentence numbers are then shifted
onto the whole text, so evidence offsets index the stored text exactly as for a short document. Memory
for parsing stays bounded by one part, whatever the length of the document; the events of every part
are kept (about 3.5 KB each) until the document is stored. Short documents are untouched: parsed
in batches as before, their events unchanged.

What is lost at a cut: a sentence never spans two parts (cuts fall between sentences where the text has
any), but coreference does not reach back across a cut, and a part with no dated metadata infers its
reference date from its own text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.nlp.typography import plain, remember
from dragoman.records import Document, Event, make_event_id

# About 9,000 tokens of prose: a long article fits whole. Parsing one 50,000-character part of prose peaks
# near 310 MB of process memory with en_core_web_sm (the model included); a 100,000-character part near
# 740 MB. Memory follows tokens more than characters ("Yes.\n" is three tokens in five characters), so a
# part is also cut at CHUNK_TOKENS tokens, counted roughly (words, punctuation marks, line breaks).
CHUNK_CHARS = 50_000
CHUNK_TOKENS = 12_000
_TOKEN = re.compile(r"\w+|[^\w\s]|\n")
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s")
_SPACE = re.compile(r"\s")

Parts = Iterator[tuple[int, Doc]]  # (offset of the part in the whole text, the part's parse), in order


@dataclass(frozen=True)
class Part:
    start: int  # character offset of the part in the whole text
    text: str


def split(text: str, size: int = CHUNK_CHARS, tokens: int = CHUNK_TOKENS) -> list[Part]:
    """Consecutive parts of ``text``, each at most ``size`` characters and about ``tokens`` tokens, whose
    texts joined give ``text``.

    Each cut falls after the last blank line of the window, else the last line break, sentence end or
    whitespace, provided that leaves the part at least a quarter of the window; else the window is cut hard.
    """
    if size < 1 or tokens < 1:
        raise ValueError(f"part size must be positive, not {size} characters, {tokens} tokens")
    parts: list[Part] = []
    start = 0
    while start < len(text):
        limit = _token_limit(text, start, min(len(text), start + size), tokens)
        if limit >= len(text):
            parts.append(Part(start, text[start:]))
            break
        end = _cut(text, start, limit)
        parts.append(Part(start, text[start:end]))
        start = end
    return parts or [Part(0, text)]


def fits(text: str, size: int = CHUNK_CHARS, tokens: int = CHUNK_TOKENS) -> bool:
    """Whether ``text`` is parsed whole: at most ``size`` characters and about ``tokens`` tokens."""
    return len(text) <= size and _token_limit(text, 0, len(text), tokens) >= len(text)


def _token_limit(text: str, start: int, limit: int, tokens: int) -> int:
    """``limit``, or where the ``tokens + 1``-th token from ``start`` begins if that comes first."""
    for n, match in enumerate(_TOKEN.finditer(text, start, limit), start=1):
        if n > tokens:
            return match.start()
    return limit


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the part that begins at ``start`` and may run up to ``limit`` (exclusive)."""
    floor = start + max(1, (limit - start) // 4)
    for separator in ("\n\n", "\n"):
        at = text.rfind(separator, floor, limit)
        if at >= 0:
            return at + len(separator)
    window = text[floor:limit]
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(window):  # noqa: B007 (the last match is wanted)
            pass
        if last is not None:
            return floor + last.end()
    return limit


def parse(nlp: Language, documents: Iterable[Document], batch_size: int,
          size: int = CHUNK_CHARS) -> Iterator[tuple[Document, Parts]]:
    """Each document, in input order, with its parse as parts. A short document is one part (offset 0),
    parsed in batches of ``batch_size`` with its neighbours; a long one is parsed part by part.

    Consume each document's parts before asking for the next document: they are produced lazily.
    """
    size = max(1, min(size, nlp.max_length))
    waiting: list[Document] = []
    for document in documents:
        if fits(document.text, size):
            waiting.append(document)
            if len(waiting) >= batch_size:
                yield from _whole(nlp, waiting, batch_size)
                waiting = []
            continue
        yield from _whole(nlp, waiting, batch_size)
        waiting = []
        yield document, _parts(nlp, document.text, size)
    yield from _whole(nlp, waiting, batch_size)


def _whole(nlp: Language, documents: list[Document], batch_size: int) -> Iterator[tuple[Document, Parts]]:
    pairs = ((plain(d.text), d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, iter([(0, remember(doc, document.text))])


def _parts(nlp: Language, text: str, size: int) -> Parts:
    parts = split(text, size)
    docs = nlp.pipe((plain(p.text) for p in parts), batch_size=1)  # one part at a time: memory of one part
    for part, doc in zip(parts, docs, strict=True):
        yield part.start, remember(doc, part.text)


def code_parts(document: Document, parts: Iterable[tuple[int, Doc]],
               code: Callable[[Doc], list[Event]]) -> list[Event]:
    """The events of every part by ``code``, placed on the whole text: character offsets shifted by the
    part's offset, sentence numbers by the sentences of the parts before it, ids made from the shifted
    offsets (as for a document parsed whole)."""
    found: list[Event] = []
    sentences = 0
    content_hash: str | None = None  # hashed once, and only for a document in parts (it may be 20 MB)
    for start, doc in parts:
        events = code(doc)
        if (start or sentences) and events:
            content_hash = content_hash or document.content_hash
            events = [shift(e, start, sentences, content_hash) for e in events]
        found.extend(events)
        sentences += _sentence_count(doc)
    return found


def shift(event: Event, chars: int, sentences: int, content_hash: str) -> Event:
    """``event`` of a part that begins ``chars`` characters and ``sentences`` sentences into its text."""
    evidence = replace(event.evidence, start_char=event.evidence.start_char + chars,
                       end_char=event.evidence.end_char + chars,
                       sentence_index=event.evidence.sentence_index + sentences)
    event_id = make_event_id(event.doc_id, content_hash, evidence.start_char, evidence.end_char, event.cameo,
                             event.source.code if event.source else None, event.target.code if event.target else None)
    return replace(event, evidence=evidence, event_id=event_id)


def _sentence_count(doc: Doc) -> int:
    """The sentences of a part as the whole text would number them: a part's last "sentence" made only of
    the whitespace before the cut would, in the whole text, belong to a sentence beside it."""
    if len(doc) == 0:
        return 0
    if not doc.has_annotation("SENT_START"):
        return 1
    sentences = list(doc.sents)
    return len(sentences) - (1 if not sentences[-1].text.strip() else 0)
