"""What the web routes share: the settings, the store, the templates, the coding job, and the write check."""

from __future__ import annotations

import asyncio
import hmac
import threading
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dragoman.errors import InputError
from dragoman.operations import CodeReport, code_documents
from dragoman.records import Document
from dragoman.store.database import Store
from dragoman.web.settings import WebSettings
from dragoman.web.world import WorldMap


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
