"""RSS and Atom feed files: one Document per entry, through feedparser.

Before feedparser sees a feed, defusedxml parses it with entity declarations and external references
forbidden, so an entity-expansion bomb ("billion laughs") or an external entity is rejected, never
expanded. A feed that is not well-formed XML goes to feedparser's lenient parser only when it declares
no entities at all. Entries keep their date, link and title; the text is the entry's full content when
the feed carries it, else its summary.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree

from dragoman.errors import InputError
from dragoman.ingest.html import fragment_text
from dragoman.ingest.source import Source
from dragoman.ingest.text import decode
from dragoman.records import Document

_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_MAX_ID = 400  # the store's doc_id column


def unsafe_xml(data: bytes, origin: str) -> InputError | None:
    """The reason not to parse ``data`` any further, or None when it is safe to hand to feedparser."""
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden:
        return InputError(origin, "XML declares entities (possible entity-expansion attack); refused")
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden):
        return InputError(origin, "XML refers to external entities; refused")
    except ParseError:
        try:
            text = decode(data, origin)
        except InputError as err:
            return err
        if _ENTITY.search(text):
            return InputError(origin, "malformed XML that declares entities; refused")
    return None


def feed_documents(source: Source) -> Iterator[Document | InputError]:
    problem = unsafe_xml(source.data, source.origin)
    if problem is not None:
        yield problem
        return
    import feedparser  # on first use: it is slow to import and most runs read no feed

    parsed = feedparser.parse(io.BytesIO(source.data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if not parsed.get("version"):
            error = parsed.get("bozo_exception")
            reason = f" ({getattr(error, 'getMessage', lambda: '')() or error})" if error else ""
            yield InputError(source.origin, f"not an RSS or Atom feed{reason}".replace("\n", " "))
        else:
            yield InputError(source.origin, "feed has no entries")
        return
    site = _text(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, number, site, source)


def _entry_document(entry: Any, number: int, site: str | None, source: Source) -> Document | InputError:
    origin = f"{source.origin}#{number}"
    contents = [c for c in entry.get("content", []) if c.get("value", "").strip()]
    body = contents[0]["value"] if contents else entry.get("summary", "")
    text = fragment_text(body)
    if not text:
        return InputError(origin, "feed entry has no text (no content or summary)")
    link = _text(entry.get("link"))
    doc_id = _text(entry.get("id")) or link or f"{source.doc_id}-{number}"
    if len(doc_id) > _MAX_ID:
        doc_id = f"{source.doc_id}-{number}"
    meta = tuple((k, v) for k, v in (("author", _text(entry.get("author"))), ("site", site)) if v)
    return Document(doc_id=doc_id, text=text, title=_text(entry.get("title")), url=link,
                    published=_date(entry), origin=origin, meta=meta)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
