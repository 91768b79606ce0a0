"""Finding listed phrases (the knowledge base's names) in parsed documents, token by token, as spaCy's
``PhraseMatcher`` does for one token attribute (``LOWER`` or ``ORTH``), without its cost at start-up.

``PhraseMatcher`` takes its patterns as ``Doc`` objects: building it runs the tokenizer over every name and
gives each new word a lexeme (computing a dozen lexical attributes in Python), 0.2 s of every start for
the 4,246 names of the knowledge base, most of whose words a given run never meets. Here a phrase is the
sequence of its tokens' texts, and a document matches where its tokens' attribute hashes (spaCy's own
string hashes, read with ``doc.to_array``) follow a phrase's, token by token: the same matches, every
start and end, overlapping ones included (``tests/nlp/test_phrases.py`` compares them with
``PhraseMatcher``'s).

The tokens of a phrase are the model tokenizer's, computed once: they are kept in the cache folder
(``dragoman.cache``) in a file named by a fingerprint of the tokenizer's settings (its special cases and
affix, infix and URL patterns, and spaCy's version), and only phrases missing from it are tokenised (and
then added to it). Without a cache folder, or with a tokenizer whose settings cannot be fingerprinted (a
custom ``token_match`` function), every phrase is tokenised at each start, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.attrs import IDS, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from dragoman.cache import cache_root

_END = -1  # the key, in a node of the trie, that marks the end of a phrase (hashes are never negative)

Node = dict[int, Any]


class PhraseIndex:
    """Phrases (sequences of token texts) to find in documents; ``lower``: compared case-folded, as
    ``PhraseMatcher(vocab, attr="LOWER")``, else exactly (``attr="ORTH"``)."""

    def __init__(self, phrases: Iterable[Sequence[str]], lower: bool) -> None:
        self.lower = lower
        self._root: Node = {}
        for tokens in phrases:
            if not tokens:
                continue
            node = self._root
            for text in tokens:
                node = node.setdefault(self.key(text), {})
            node[_END] = True

    def key(self, text: str) -> int:
        """The hash a token of this text has for the compared attribute."""
        return get_string_id(text.lower() if self.lower else text)

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """``(start, end)`` token offsets of every match in ``doc``, by start, then end."""
        return self.find(doc.to_array(LOWER if self.lower else ORTH).tolist())

    def find(self, keys: Sequence[int]) -> list[tuple[int, int]]:
        """``(start, end)`` of every run of ``keys`` (attribute hashes, one a token) that is a phrase."""
        root = self._root
        found: list[tuple[int, int]] = []
        n = len(keys)
        for start, first in enumerate(keys):
            node = root.get(first)
            end = start + 1
            while node is not None:
                if _END in node:
                    found.append((start, end))
                if end == n:
                    break
                node = node.get(keys[end])
                end += 1
        return found


def phrase_tokens(tokenizer: Tokenizer, texts: Sequence[str], root: Path | None = None) -> list[list[str]]:
    """The token texts of each of ``texts`` by ``tokenizer``, read from the cache under ``root`` (default:
    ``cache_root()``) where they are kept; those missing are tokenised and added to it."""
    root = cache_root() if root is None else root
    fingerprint = tokenizer_fingerprint(tokenizer)
    if root is None or fingerprint is None:
        return _tokenise(tokenizer, texts)
    path = root / f"phrase-tokens-{fingerprint[:16]}.json"
    kept = _read(path, fingerprint)
    missing = sorted({t for t in texts if t not in kept})
    if missing:
        kept.update(zip(missing, _tokenise(tokenizer, missing), strict=True))
        _write(path, fingerprint, kept)
    return [kept[t] for t in texts]


def tokenizer_fingerprint(tokenizer: Tokenizer) -> str | None:
    """A digest of everything that decides how ``tokenizer`` cuts a text (None if a part of it is a custom
    function, whose behaviour cannot be read)."""
    import spacy

    patterns = []
    for part in (tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer,
                 tokenizer.token_match, tokenizer.url_match):
        pattern = _pattern(part)
        if pattern is False:
            return None
        patterns.append(pattern)
    rules = sorted((text, [sorted((_attribute(k), str(v)) for k, v in piece.items()) for piece in pieces])
                   for text, pieces in tokenizer.rules.items())
    settings = json.dumps([spacy.__version__, patterns, bool(tokenizer.faster_heuristics), rules])
    return hashlib.sha256(settings.encode("utf-8")).hexdigest()


def _attribute(key: int | str) -> int:
    """A special case's attribute as its number (``ORTH`` and 65 are the same)."""
    return key if isinstance(key, int) else int(IDS.get(str(key).upper(), -1))


def _pattern(part: Callable[..., Any] | None) -> str | bool | None:
    """The regular expression behind a tokenizer setting (a compiled pattern's bound method), None for no
    setting, False for anything else."""
    if part is None:
        return None
    owner = getattr(part, "__self__", None)
    pattern = getattr(owner, "pattern", None)
    if isinstance(pattern, str) and getattr(part, "__name__", "") in ("search", "finditer", "match"):
        return f"{part.__name__}:{getattr(owner, 'flags', 0)}:{pattern}"
    return False


def _tokenise(tokenizer: Tokenizer, texts: Sequence[str]) -> list[list[str]]:
    return [[token.text for token in doc] for doc in tokenizer.pipe(texts)]


def _read(path: Path, fingerprint: str) -> dict[str, list[str]]:
    """The phrases kept in ``path`` (none when it is missing, unreadable or another tokenizer's)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("tokenizer") != fingerprint or not isinstance(data.get("phrases"), dict):
        return {}
    return {str(k): [str(t) for t in v] for k, v in data["phrases"].items() if isinstance(v, list)}


def _write(path: Path, fingerprint: str, phrases: dict[str, list[str]]) -> None:
    """Keep ``phrases`` in ``path``, written aside and renamed into place (a concurrent start reads the old
    file or the new one, never half of one); a folder that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".phrases-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"tokenizer": fingerprint, "phrases": phrases}, out, ensure_ascii=False, sort_keys=True)
        os.replace(name, path)
    except OSError:
        Path(name).unlink(missing_ok=True)
