"""Exported dumps: JSON Lines (one object per line) and CSV/TSV (a header row, one document per row).

Which key or column holds the text, id, title, URL and date is set by ``Fields`` (``--text-field`` ...);
``author``, ``site`` and ``source`` go to ``Document.meta`` when present. A record without text is
reported by its line number and the rest of the dump is still read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Mapping
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

from dragoman.errors import InputError
from dragoman.ingest.source import META_FIELDS, Source
from dragoman.ingest.text import decode
from dragoman.records import Document

_SKIP = 1 << 20  # bytes read at a time while skipping the rest of an over-long line
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def _text_of(source: Source, what: str) -> str | InputError:
    """The decoded text of a dump, or the error that says why there is none."""
    try:
        text = decode(source.data, source.origin)
    except InputError as err:
        return err
    return text if text.strip() else InputError(source.origin, f"empty file (no {what})")


def jsonl_documents(source: Source) -> Iterator[Document | InputError]:
    text = _text_of(source, "JSON lines")
    if isinstance(text, InputError):
        yield text
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _json_line(line, source, number)


def jsonl_stream(stream: BinaryIO, source: Source, max_line: int) -> Iterator[Document | InputError]:
    """The documents of a JSON Lines file read line by line, for a file too large to read whole: a line
    over ``max_line`` bytes is refused (and skipped without being held in memory); the others are read."""
    number = 0
    while line := stream.readline(max_line + 1):
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP)) and not rest.endswith(b"\n"):
                pass
            yield InputError(source.origin, f"line too long (over {max_line} bytes); raise --max-bytes", line=number)
            continue
        try:
            text = decode(line, f"{source.origin}:{number}")
        except InputError as err:
            yield err
            continue
        if text.strip():
            yield _json_line(text, source, number)


def _json_line(line: str, source: Source, number: int) -> Document | InputError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source.origin, f"not valid JSON ({exc.msg})", line=number)
    except RecursionError:
        return InputError(source.origin, "JSON nested too deeply", line=number)
    if not isinstance(obj, dict):
        return InputError(source.origin, "a JSON object is expected on each line", line=number)
    return record_document(obj, source, number)


def csv_documents(source: Source) -> Iterator[Document | InputError]:
    text = _text_of(source, "CSV rows")
    if isinstance(text, InputError):
        yield text
        return
    delimiter = "\t" if source.origin.lower().endswith(".tsv") else _sniff(text)
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(source.data)))  # an article is longer than csv's 128 KiB default
    try:
        header = [" ".join(str(name).split()) for name in rows.fieldnames or []]
        wanted = source.fields.names("text")
        if not any(name in header for name in wanted):
            yield InputError(source.origin, f"no text column (looked for {', '.join(wanted)}; header: "
                                            f"{', '.join(header)}); name it with --text-field", line=1)
            return
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                yield InputError(source.origin, f"not valid CSV ({exc})", line=rows.line_num)
                return
            yield record_document(row, source, rows.line_num)
    finally:
        csv.field_size_limit(limit)


def _sniff(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:4096].split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def record_document(obj: Mapping[str, Any], source: Source, line: int) -> Document | InputError:
    """A Document from one JSON object or CSV row, by the source's field mapping."""
    fields = source.fields

    def get(part: str, strip: bool = True) -> str | None:
        for name in fields.names(part):
            value = obj.get(name)
            if value is not None and str(value).strip():
                return str(value).strip() if strip else str(value)
        return None

    body = get("text", strip=False)  # the text as given: offsets of events refer to it
    if body is None:
        return InputError(source.origin, f"no text (looked for the field {' or '.join(fields.names('text'))})",
                          line=line)
    meta: list[tuple[str, str]] = []
    for key in META_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            meta.append((key, value.strip()))
    published, raw = iso_date(get("date"))
    if raw is not None:
        meta.append(("published_text", raw))
    return Document(doc_id=get("id") or f"{source.doc_id}-{line}", text=body, title=get("title"), url=get("url"),
                    published=published, origin=f"{source.origin}:{line}", meta=tuple(meta))


def iso_date(value: str | None) -> tuple[str | None, str | None]:
    """``(ISO date, None)`` for a date in a usual format (ISO, RFC 2822, "March 29, 2023"), else
    ``(None, value)``: the raw value is kept in the metadata, not guessed at."""
    if not value:
        return None, None
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10], None
    if re.fullmatch(r"\d{10}(?:\.\d+)?", value):  # a Unix timestamp
        return dt.datetime.fromtimestamp(float(value), dt.UTC).date().isoformat(), None
    try:
        return parsedate_to_datetime(value).date().isoformat(), None
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat(), None
        except ValueError:
            continue
    return None, value
