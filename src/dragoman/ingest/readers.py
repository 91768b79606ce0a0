"""Files, folders, standard input and URLs -> Documents: one reader per kind of input.

``read_sources`` yields, in order, a Document for every readable document and an InputError for every
file, URL or record that cannot be read, so that one bad input never stops a batch. Every Document
leaves through ``finish``: mojibake repaired, NFC, its dateline and wire credit moved to ``meta``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from dragoman.errors import InputError
from dragoman.ingest.datelines import separate
from dragoman.ingest.dumps import csv_documents, jsonl_documents, jsonl_stream
from dragoman.ingest.feeds import feed_documents
from dragoman.ingest.frontmatter import header_parts, split_front_matter
from dragoman.ingest.html import html_documents
from dragoman.ingest.source import Fields, Source
from dragoman.ingest.text import clean, decode, printable
from dragoman.ingest.urls import FetchSettings, Page, fetch_all, is_url, read_url_list, url_id
from dragoman.records import Document

Reader = Callable[[Source], Iterator["Document | InputError"]]

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the size cap of one file or page, the dump field mapping, the kind of standard input
    (a suffix: ``.txt``, ``.html``, ``.jsonl`` ...) and the fetch settings for URLs."""

    max_bytes: int = MAX_BYTES
    fields: Fields = field(default_factory=Fields)
    stdin_format: str = ".txt"
    fetch: FetchSettings | None = None

    def fetch_settings(self) -> FetchSettings:
        return self.fetch or FetchSettings(max_bytes=self.max_bytes)


def _text_documents(source: Source) -> Iterator[Document | InputError]:
    try:
        text = decode(source.data, source.origin, source.charset)
    except InputError as err:
        yield err
        return
    fields, body = split_front_matter(text)
    title, published, meta = header_parts(fields)
    yield Document(doc_id=source.doc_id, text=body, url=source.url, origin=source.origin, title=title,
                   published=published, meta=meta)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", re.MULTILINE)
_MD_EMPH = re.compile(r"(\*\*|__|`)")


def markdown_to_text(markdown: str) -> str:
    """Strip the Markdown markup that would confuse sentence splitting; keep every word.

    Character offsets of events refer to this text, which is what is stored.
    """
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_PREFIX.sub("", text)
    return _MD_EMPH.sub("", text)


def _markdown_documents(source: Source) -> Iterator[Document | InputError]:
    for item in _text_documents(source):
        if isinstance(item, Document):
            title = item.title or next((ln.lstrip("# ").strip() for ln in item.text.splitlines()
                                        if ln.startswith("#")), None)
            yield replace(item, text=markdown_to_text(item.text), title=title)
        else:
            yield item


READERS: dict[str, Reader] = {
    ".txt": _text_documents,
    ".text": _text_documents,
    ".md": _markdown_documents,
    ".markdown": _markdown_documents,
    ".jsonl": jsonl_documents,
    ".ndjson": jsonl_documents,
    ".csv": csv_documents,
    ".tsv": csv_documents,
    ".html": html_documents,
    ".htm": html_documents,
    ".xhtml": html_documents,
    ".rss": feed_documents,
    ".atom": feed_documents,
    ".xml": feed_documents,
}
SUPPORTED_SUFFIXES = tuple(READERS)
STREAMED = (".jsonl", ".ndjson")  # one document a line: a file of any size is read, a line at a time


def finish(document: Document) -> Document | InputError:
    """The document as stored: text repaired and NFC, dateline and credit lines moved out of the text."""
    text, dateline = separate(clean(document.text))
    if not text.strip():
        return InputError(document.origin or document.doc_id, "empty document (no text)")
    doc_id = printable(document.doc_id).strip()
    if not doc_id:
        return InputError(document.origin or repr(document.doc_id), "empty document id")
    known = {key for key, _ in document.meta}
    meta = tuple((printable(k), printable(v)) for k, v in document.meta + tuple(
        pair for pair in dateline if pair[0] not in known))
    title = clean(document.title) if document.title else None
    return replace(document, doc_id=doc_id, text=text, title=title, meta=meta,
                   url=printable(document.url) if document.url else None,
                   published=printable(document.published) if document.published else None)


def read_source(source: Source, suffix: str) -> Iterator[Document | InputError]:
    """Every document of one input, by the reader of ``suffix``."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        yield InputError(source.origin, f"unsupported file type {suffix or '(none)'!r}; "
                                        f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
        return
    for item in reader(source):
        yield finish(item) if isinstance(item, Document) else item


def _read_file(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes and path.suffix.lower() in STREAMED:
            yield from _read_lines(path, options)
            return
        if size > options.max_bytes:
            yield InputError(origin, f"file too large ({size} bytes > {options.max_bytes}); raise --max-bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_source(Source(data, origin, path.stem, fields=options.fields), path.suffix)


def _read_lines(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """A JSON Lines file larger than ``max_bytes``: read a line at a time, each line capped instead."""
    with path.open("rb") as stream:
        source = Source(b"", str(path), path.stem, fields=options.fields)
        for item in jsonl_stream(stream, source, options.max_bytes):
            yield finish(item) if isinstance(item, Document) else item


def _read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Document | InputError]:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield InputError("<stdin>", f"input too large (over {options.max_bytes} bytes); raise --max-bytes")
        return
    yield from read_source(Source(data, "<stdin>", "stdin", fields=options.fields), options.stdin_format)


def _read_pages(urls: list[str], options: ReadOptions) -> Iterator[Document | InputError]:
    for page in fetch_all(urls, options.fetch_settings()):
        if isinstance(page, Page):
            source = Source(page.data, page.url, url_id(page.url), url=page.final_url, charset=page.charset,
                            fields=options.fields)
            yield from read_source(source, page.suffix)
        else:
            yield page


def _files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in READERS)


def _url_lists(paths: Iterable[str]) -> Iterator[str | InputError]:
    for path in paths:
        try:
            yield from read_url_list(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            yield InputError(path, f"cannot read the URL list: {getattr(exc, 'strerror', None) or exc}")


def read_sources(sources: Iterable[str], stdin: BinaryIO | None = None, options: ReadOptions | None = None,
                 url_lists: Iterable[str] = ()) -> Iterator[Document | InputError]:
    """Documents from paths (files or folders), ``http(s)://`` URLs, ``-`` (standard input) and the URLs
    listed in ``url_lists`` files, in the order given."""
    options = options or ReadOptions()
    urls: list[str] = []  # consecutive URLs are fetched together, a few at a time

    def flush() -> Iterator[Document | InputError]:
        if urls:
            yield from _read_pages(list(urls), options)
            urls.clear()

    for source in [*sources, *_url_lists(url_lists)]:
        if isinstance(source, InputError):
            yield from flush()
            yield source
            continue
        if is_url(source):
            urls.append(source)
            continue
        yield from flush()
        if source == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
            continue
        path = Path(source)
        if path.is_dir():
            files = _files_in(path)
            if not files:
                yield InputError(source, "folder holds no readable documents "
                                         f"({', '.join(SUPPORTED_SUFFIXES)})")
            for file in files:
                yield from _read_file(file, options)
        elif path.exists():
            yield from _read_file(path, options)
        else:
            yield InputError(source, "no such file or folder")
    yield from flush()
