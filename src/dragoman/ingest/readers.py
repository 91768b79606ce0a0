"""Plain text, Markdown and JSON Lines readers, folders and standard input."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dragoman.errors import InputError
from dragoman.records import Document

Reader = Callable[[bytes, str, str], Iterator["Document | InputError"]]

MAX_BYTES = 50 * 1024 * 1024


def _decode(data: bytes, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary data, not text (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1]
        raise InputError(origin, f"not valid UTF-8 text (byte {exc.start}: {bad!r})") from None
    return text


def _text_document(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    try:
        text = _decode(data, origin)
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError(origin, "empty document (no text)")
        return
    yield Document(doc_id=doc_id, text=text, origin=origin)


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


def _markdown_document(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    for item in _text_document(data, origin, doc_id):
        if isinstance(item, Document):
            title = next((ln.lstrip("# ").strip() for ln in item.text.splitlines() if ln.startswith("#")), None)
            yield Document(doc_id=doc_id, text=markdown_to_text(item.text), title=title, origin=origin)
        else:
            yield item


def _jsonl_documents(data: bytes, origin: str, doc_id: str) -> Iterator[Document | InputError]:
    try:
        text = _decode(data, origin)
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError(origin, "empty file (no JSON lines)")
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"not valid JSON ({exc.msg})", line=number)
            continue
        yield _record_document(obj, origin, number, fallback_id=f"{doc_id}-{number}")


def _record_document(obj: Any, origin: str, line: int, fallback_id: str) -> Document | InputError:
    if not isinstance(obj, dict):
        return InputError(origin, "a JSON object is expected on each line", line=line)
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(origin, 'no "text" field with text in it', line=line)
    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None
    doc_id = opt("id") or fallback_id
    return Document(doc_id=doc_id, text=body, title=opt("title"), url=opt("url"),
                    published=_iso_date(opt("published")), origin=f"{origin}:{line}")


def _iso_date(value: str | None) -> str | None:
    """Keep the date part of an ISO date or timestamp; anything else is left to the time stage."""
    if value and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return value


READERS: dict[str, Reader] = {
    ".txt": _text_document,
    ".text": _text_document,
    ".md": _markdown_document,
    ".markdown": _markdown_document,
    ".jsonl": _jsonl_documents,
    ".ndjson": _jsonl_documents,
}
SUPPORTED_SUFFIXES = tuple(READERS)


def read_bytes(data: bytes, origin: str, suffix: str, doc_id: str) -> Iterator[Document | InputError]:
    reader = READERS.get(suffix.lower())
    if reader is None:
        yield InputError(origin, f"unsupported file type {suffix or '(none)'!r}; "
                                 f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
        return
    yield from reader(data, origin, doc_id)


def _read_file(path: Path) -> Iterator[Document | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield InputError(origin, f"file too large ({size} bytes > {MAX_BYTES})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, origin, path.suffix, path.stem)


def _files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in READERS)


def read_sources(sources: Iterable[str], stdin: BinaryIO | None = None,
                 stdin_format: str = ".txt") -> Iterator[Document | InputError]:
    """Documents from paths (files or folders) and ``-`` (standard input), in the order given."""
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", stdin_format, "stdin")
            continue
        path = Path(source)
        if path.is_dir():
            files = _files_in(path)
            if not files:
                yield InputError(source, "folder holds no readable documents "
                                         f"({', '.join(SUPPORTED_SUFFIXES)})")
            for file in files:
                yield from _read_file(file)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield InputError(source, "no such file or folder")
