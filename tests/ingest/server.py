"""A real HTTP server on 127.0.0.1 (never any other address) serving fixture pages, for URL tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    length: bool = True  # send a Content-Length header
    location: str | None = None


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    active: int = 0
    most_active: int = 0
    hits: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path


def fixture_routes() -> dict[str, Route]:
    page = (FIXTURES / "page.html").read_bytes()
    return {
        "/world/story.html": Route(page),
        "/feed": Route((FIXTURES / "feed.rss").read_bytes(), "application/rss+xml"),
        "/plain": Route("Delegations met in Genève on Tuesday, the café owner said.".encode("latin-1"),
                        "text/plain; charset=iso-8859-1"),
        "/missing": Route(b"not here", status=404),
        "/big": Route(b"<html><body><p>" + b"word " * 1000 + b"</p></body></html>"),
        "/big-unannounced": Route(b"<html><body><p>" + b"word " * 1000 + b"</p></body></html>", length=False),
        "/slow": Route(page, delay=1.5),
        "/moved": Route(b"", status=302, location="/world/story.html"),
        **{f"/n/{i}": Route(page.replace(b"Wednesday", f"Wednesday ({i})".encode()), delay=0.2)
           for i in range(6)},
    }


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Site]:
    site = Site("", routes)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            route = routes.get(self.path)
            with site.lock:
                site.hits.append(self.path)
                site.active += 1
                site.most_active = max(site.most_active, site.active)
            try:
                if route is None:
                    route = Route(b"no such page", status=404)
                time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.location:
                    self.send_header("Location", route.location)
                if route.length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(route.body)
                if not route.length:
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)
            finally:
                with site.lock:
                    site.active -= 1

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
