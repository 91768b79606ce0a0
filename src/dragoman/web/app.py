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

from collections.abc import Awaitable, Callable
from importlib import resources

from fastapi import FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dragoman.errors import DragomanError, StoreError
from dragoman.web.api import router as api_router
from dragoman.web.pages import router as pages_router
from dragoman.web.services import Services, services
from dragoman.web.settings import WebSettings

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


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

    app.include_router(api_router)
    app.include_router(pages_router)
    static = resources.files("dragoman.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
