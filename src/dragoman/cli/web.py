"""``serve``: the web app for analysts (``dragoman.web``) on this machine's loopback by default."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from dragoman.cli.documents import _size


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="browse events and their evidence, and code text, in a web browser")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--db", default=argparse.SUPPRESS, help="database path or URL (as dragoman --db)")
    p.add_argument("--allow-writes", action="store_true",
                   help="let visitors code text, files and URLs and store the events (default: read-only)")
    p.add_argument("--token", help="token that writes must carry (default: $DRAGOMAN_TOKEN); needed with "
                                   "--allow-writes on a non-loopback --host")
    p.add_argument("--max-upload", type=_size, default=5 * 1024 * 1024, metavar="N",
                   help="largest upload or fetched page in bytes (K, M suffixes; default 5M)")
    p.add_argument("--code-timeout", type=float, default=120.0, metavar="S",
                   help="seconds one code-text request may take (default: 120)")
    p.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from dragoman.web import WebSettings, create_app

    settings = WebSettings(db=args.db, host=args.host, port=args.port, allow_writes=args.allow_writes,
                           token=args.token or os.environ.get("DRAGOMAN_TOKEN") or None, model=args.model,
                           max_upload_bytes=args.max_upload, code_timeout=args.code_timeout)
    app = create_app(settings)
    mode = "writes allowed" if settings.allow_writes else "read-only"
    print(f"dragoman: serving {app.state.services.store.label} on http://{args.host}:{args.port}/ ({mode}); "
          f"Ctrl-C stops", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
