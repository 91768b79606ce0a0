"""What a reader is given: the bytes of one input and what is known about them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fields:
    """Which JSON Lines keys or CSV columns hold each part of a document (``--text-field`` ...).

    A field given by the user is the only one looked for; otherwise the first of the usual names present.
    """

    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None

    def names(self, part: str) -> tuple[str, ...]:
        chosen: str | None = getattr(self, part)
        return (chosen,) if chosen else DEFAULT_FIELDS[part]


DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text"),
    "id": ("id", "doc_id", "guid", "uuid"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "date": ("published", "date", "pubdate", "published_at", "publish_date", "timestamp"),
}
META_FIELDS = ("author", "site", "source")  # kept in Document.meta when a record has them


@dataclass(frozen=True)
class Source:
    """The bytes of one file, standard input or fetched page. ``url`` is where it was fetched from;
    ``charset`` the encoding its server declared."""

    data: bytes
    origin: str
    doc_id: str
    url: str | None = None
    charset: str | None = None
    fields: Fields = field(default_factory=Fields)
