"""Fetching pages and feeds over HTTP(S) with httpx: timeouts, a size cap and polite concurrency.

A few requests run at once (``workers``), never more than ``per_host`` to one server; results come back
in the order the URLs were given, and only a small window of pages is held in memory ahead of the
reader. A page larger than the cap, a slow page past the time limit, an HTTP error status, or a network
failure is one InputError naming the URL; the other URLs are still fetched.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from dragoman.errors import InputError

if TYPE_CHECKING:
    import httpx

_KINDS = {  # content type -> the reader, by file suffix
    "text/html": ".html", "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml", "application/atom+xml": ".xml", "application/xml": ".xml",
    "text/xml": ".xml", "application/rdf+xml": ".xml",
    "text/plain": ".txt", "text/markdown": ".md", "text/csv": ".csv",
    "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl", "application/json": ".jsonl",
}


@dataclass(frozen=True)
class FetchSettings:
    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 20.0  # seconds to connect, and between two chunks of a page
    deadline: float = 60.0  # seconds for a whole page
    workers: int = 4
    per_host: int = 2
    user_agent: str = "dragoman (political event coder; https://github.com/dragoman)"


@dataclass(frozen=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    data: bytes
    suffix: str  # which reader: ".html", ".xml", ".txt" ...
    charset: str | None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def url_id(url: str) -> str:
    """A document id for a page: its URL without scheme, ``www.``, fragment or trailing slash."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    ident = host + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")
    return ident[:400]


def read_url_list(text: str) -> list[str]:
    """URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def fetch_all(urls: Iterable[str], settings: FetchSettings | None = None) -> Iterator[Page | InputError]:
    """Fetch every URL, yielding a Page or an InputError for each, in the order given."""
    import httpx  # here: 0.1 s to import, and most runs fetch nothing

    settings = settings or FetchSettings()
    hosts: dict[str, threading.Semaphore] = {}
    lock = threading.Lock()

    def host_slot(url: str) -> threading.Semaphore:
        with lock:
            return hosts.setdefault(urlsplit(url).netloc.lower(), threading.Semaphore(settings.per_host))

    limits = httpx.Limits(max_connections=settings.workers, max_keepalive_connections=settings.workers)
    timeout = httpx.Timeout(settings.timeout)
    pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="dragoman-fetch")
    with httpx.Client(timeout=timeout, limits=limits, follow_redirects=True, max_redirects=5,
                      headers={"User-Agent": settings.user_agent}) as client:

        def job(url: str) -> Page | InputError:
            with host_slot(url):
                return fetch(client, url, settings)

        pending: deque[Future[Page | InputError]] = deque()
        try:
            for url in urls:
                pending.append(pool.submit(job, url))
                if len(pending) >= 2 * settings.workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # interrupted: drop the queued pages; those in flight end at their deadline
            pool.shutdown(wait=not pending, cancel_futures=True)


def fetch(client: httpx.Client, url: str, settings: FetchSettings) -> Page | InputError:
    import httpx

    if not is_url(url):
        return InputError(url, "not an http:// or https:// URL")
    started = time.monotonic()
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > settings.max_bytes:
                return InputError(url, f"page too large ({length} bytes > {settings.max_bytes}); raise --max-bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    return InputError(url, f"page too large (over {settings.max_bytes} bytes); raise --max-bytes")
                if time.monotonic() - started > settings.deadline:
                    return InputError(url, f"page took longer than {settings.deadline:.0f} s; gave up")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            final = str(response.url)
            data = b"".join(chunks)
            return Page(url, final, data, _suffix(content_type, final, data), response.charset_encoding)
    except httpx.TimeoutException:
        return InputError(url, f"timed out (no answer within {settings.timeout:.0f} s)")
    except httpx.TooManyRedirects:
        return InputError(url, "too many redirects")
    except httpx.HTTPError as exc:
        return InputError(url, f"cannot fetch: {type(exc).__name__}: {exc}".replace("\n", " "))
    except httpx.InvalidURL as exc:
        return InputError(url, f"invalid URL: {exc}")


def _suffix(content_type: str, url: str, data: bytes) -> str:
    if content_type in _KINDS:
        return _KINDS[content_type]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if suffix:
        return suffix
    head = data[:512].lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return ".xml"
    return ".html" if head.startswith(b"<") else ".txt"
