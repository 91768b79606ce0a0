"""The FastAPI application: pages (``pages.py``) and the JSON API (``api.py``) over one ``Store``.

``create_app(settings)`` opens the store once; the spaCy pipeline loads on the first "code text"
request (browsing never loads it). Security, in one place here:

- read-only unless ``allow_writes``; a write also needs the token when one is set (always when the
  server listens beyond loopback), given as ``Authorization: Bearer ...`` or the form's ``token``;
- a write from another site's page is refused (its ``Origin`` is not this server);
- on loopback, requests naming another host are refused (no DNS rebinding);
- pages forbid scripts, styles and frames from anywhere else (Content-Security-Policy);
- coding is one request at a time, under a time limit, on text of bounded size.
"""

from __future__ import annotations

import asyncio
import hmac
import threading
from collections.abc import Awaitable, Callable, Iterable
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dragoman.errors import DragomanError, InputError, StoreError
from dragoman.operations import CodeReport, code_documents
from dragoman.records import Document
from dragoman.store.database import Store
from dragoman.web.settings import WebSettings
from dragoman.web.world import WorldMap

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Busy(Exception):
    """Another text is being coded."""


class Services:
    """What the routes share: settings, the store, the templates, and lazily the pipeline and map."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.store = Store.open(settings.db)
        folder = resources.files("dragoman.web") / "templates"
        env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True))
        self.templates = Jinja2Templates(env=env)
        self._coding = threading.Lock()
        self._pipeline: Any = None
        self._world: WorldMap | None = None

    def world(self) -> WorldMap:
        if self._world is None:
            self._world = WorldMap.load()
        return self._world

    def code(self, items: Callable[[], Iterable[Document | InputError]], store: bool) -> CodeReport:
        """Read and code documents (storing them if ``store``); one job at a time."""
        if not self._coding.acquire(blocking=False):
            raise Busy()
        try:
            documents = list(items())  # read (or fetch) first: a bad input fails before spaCy loads
            if not any(isinstance(d, Document) for d in documents):
                return code_documents(documents, None)
            if self._pipeline is None:
                from dragoman.pipeline import Pipeline, Settings  # spaCy loads only here

                self._pipeline = Pipeline.load(Settings(model=self.settings.model))
            return code_documents(documents, self._pipeline, self.store if store else None)
        finally:
            self._coding.release()

    async def code_within_limit(self, items: Callable[[], Iterable[Document | InputError]],
                                store: bool) -> CodeReport:
        try:
            return await asyncio.wait_for(asyncio.to_thread(self.code, items, store),
                                          timeout=self.settings.code_timeout)
        except TimeoutError:
            raise HTTPException(status_code=408, detail=f"coding took longer than "
                                                        f"{self.settings.code_timeout:g} s; send less text") from None
        except Busy:
            raise HTTPException(status_code=429, detail="another text is being coded; try again shortly",
                                headers={"Retry-After": "5"}) from None


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def check_write(request: Request, form_token: str | None = None) -> None:
    """Refuse a write unless writes are allowed, it comes from this site, and it carries the token."""
    settings = services(request).settings
    if not settings.allow_writes:
        raise HTTPException(status_code=403, detail="this server is read-only (start it with --allow-writes)")
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(status_code=403, detail="cross-site request refused")
    if settings.token:
        given = form_token or ""
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            given = header[7:].strip()
        if not hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8")):
            raise HTTPException(status_code=401, detail="a valid token is needed to write",
                                headers={"WWW-Authenticate": "Bearer"})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path.endswith((".jsonl", ".csv"))


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return services(request).templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    settings.check()
    app = FastAPI(title="dragoman", version="0.1.0", docs_url="/api/docs", redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Coded political events with their evidence: the same filters as "
                              "`dragoman events`, paged. Read-only unless the server allows writes.")
    app.state.services = Services(settings)
    if settings.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(StarletteHTTPException)  # FastAPI's and the router's own (404, 405)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):  # FastAPI's documented shape (HTTPValidationError)
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return _error(request, 422, problems or "invalid request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(DragomanError)
    async def bad_request(request: Request, exc: DragomanError) -> Response:
        return _error(request, 400, str(exc))

    from dragoman.web import api, pages  # the routers use this module's helpers

    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("dragoman.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
