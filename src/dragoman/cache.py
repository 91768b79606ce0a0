"""Where dragoman keeps files it derives from installed packages (it never downloads): the language
identifier's unpacked model (``ingest.language``), the model tokenizer's tokens of the knowledge base's
names (``nlp.phrases``)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    """Where dragoman keeps files it derives from installed packages (never downloads); None when there is
    no such place (no home folder, as for some service accounts)."""
    configured = os.environ.get("DRAGOMAN_CACHE") or None
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME") or None
    try:
        return (Path(xdg) if xdg else Path.home() / ".cache") / "dragoman"
    except RuntimeError:  # Path.home(): no home folder
        return None
