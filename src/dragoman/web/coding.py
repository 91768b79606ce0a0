"""Inputs of "code text": pasted text, an uploaded file or a URL, read by ingest's own readers.

Each helper returns a function that yields Documents (or InputErrors), called inside the coding job,
so that reading, fetching and coding all count against the request's time limit.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import Any

from fastapi import HTTPException, UploadFile

from dragoman.errors import InputError
from dragoman.ingest import FetchSettings, ReadOptions, read_sources
from dragoman.ingest.readers import SUPPORTED_SUFFIXES, read_source
from dragoman.ingest.source import Source
from dragoman.ingest.urls import is_url
from dragoman.operations import CodeReport
from dragoman.records import Document
from dragoman.web.params import invalid
from dragoman.web.settings import WebSettings

Items = Callable[[], Iterable[Document | InputError]]


def pasted(text: str, settings: WebSettings) -> Items:
    if len(text) > settings.max_text_chars:
        raise HTTPException(status_code=413, detail=f"text too long ({len(text)} characters; at most "
                                                    f"{settings.max_text_chars})")
    if not text.strip():
        raise invalid("text", "no text to code")
    doc_id = "pasted-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return lambda: read_source(Source(text.encode("utf-8"), "pasted text", doc_id), ".txt")


async def read_upload(upload: UploadFile, settings: WebSettings) -> bytes:
    """The upload's bytes, refused (413) past the size limit without reading the rest."""
    data = await upload.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise HTTPException(status_code=413, detail=f"{upload.filename}: file too large (over "
                                                    f"{settings.max_upload_bytes} bytes)")
    return data


def uploaded(filename: str, data: bytes) -> Items:
    name = PurePath(filename or "upload.txt").name
    suffix = PurePath(name).suffix.lower() or ".txt"
    if suffix not in SUPPORTED_SUFFIXES:
        raise HTTPException(status_code=415, detail=f"{name}: unsupported file type {suffix!r}; supported: "
                                                    f"{', '.join(SUPPORTED_SUFFIXES)}")
    doc_id = re.sub(r"[^\w.-]+", "-", PurePath(name).stem).strip("-") or "upload"
    return lambda: read_source(Source(data, name, doc_id), suffix)


def fetched(url: str, settings: WebSettings) -> Items:
    url = url.strip()
    if not is_url(url) or len(url) > 2000:
        raise invalid("url", "give an http:// or https:// URL")
    fetch = FetchSettings(max_bytes=settings.max_upload_bytes, timeout=settings.fetch_timeout,
                          deadline=settings.code_timeout)
    options = ReadOptions(max_bytes=settings.max_upload_bytes, fetch=fetch)
    return lambda: read_sources([url], options=options)


def report_json(report: CodeReport) -> dict[str, Any]:
    return {
        "documents": [{"doc_id": d.doc_id, "title": d.title, "events": [e.to_record() for e in events]}
                      for d, events in report.documents],
        "errors": report.errors, "warnings": report.warnings, "stored": report.stored,
    }
