"""A header block of ``Key: value`` lines closed by a ``---`` line, as plain-text and Markdown exports of
articles carry it (``TITLE: ...``, ``PUBLISHED: 2023-07-31``, ``SOURCE: ...``), or a YAML-style block
opened by ``---`` too. Its title and date become the document's; its other fields go to ``meta``; its lines
leave the text, so that a headline is not coded as a sentence of the article."""

from __future__ import annotations

import re

_FIELD = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")
_RULE = re.compile(r"^-{3,}[ \t]*$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
MAX_FIELDS = 20
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "published_at", "pubdate")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The header's fields (keys lower case) and the text after it; no header: ``({}, text)``."""
    lines = text.split("\n")
    start = 1 if lines and _RULE.match(lines[0]) else 0
    fields: dict[str, str] = {}
    for n in range(start, min(len(lines), start + MAX_FIELDS + 1)):
        line = lines[n]
        if _RULE.match(line):
            if not fields:
                return {}, text
            return fields, "\n".join(lines[n + 1:]).lstrip("\n")
        m = _FIELD.match(line)
        if m is None:
            return {}, text
        fields[m.group(1).strip().lower().replace(" ", "_")] = m.group(2).strip()
    return {}, text


def header_parts(fields: dict[str, str]) -> tuple[str | None, str | None, tuple[tuple[str, str], ...]]:
    """Title, ISO publication date and the remaining fields of a header."""
    title = next((fields[k] for k in TITLE_KEYS if fields.get(k)), None)
    date = next((fields[k][:10] for k in DATE_KEYS if _ISO.match(fields.get(k, ""))), None)
    rest = tuple((k, v) for k, v in fields.items() if k not in TITLE_KEYS and k not in DATE_KEYS and v)
    return title, date, rest
