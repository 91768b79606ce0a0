"""Saved or fetched web pages: the article's text and its metadata, through trafilatura.

trafilatura is given a parsed tree, never a string, so nothing in it can take a page for a URL and
fetch it; date extraction reads only the page's markup (``extensive_search`` off), never a guess from
the running text. Navigation, adverts, scripts and styles do not reach the text. Reads the page's
metadata: title, author and site (``meta`` pairs ``author``, ``site``), canonical URL, publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html

from dragoman.errors import InputError
from dragoman.ingest.source import Source
from dragoman.ingest.text import decode
from dragoman.records import Document

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_OPEN_HTML = re.compile(r"<html[\s>]", re.IGNORECASE)
_CLOSE_HTML = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
MIN_WORDS = 5
_DATES = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (``<meta charset>`` or ``http-equiv``)."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def html_documents(source: Source) -> Iterator[Document | InputError]:
    try:
        markup = decode(source.data, source.origin, source.charset or declared_charset(source.data))
    except InputError as err:
        yield err
        return
    yield html_document(markup, source)


def html_document(markup: str, source: Source) -> Document | InputError:
    """One Document from a page's markup, or the reason there is none."""
    if "<" not in markup:
        return InputError(source.origin, "not HTML (no markup)")
    if _OPEN_HTML.search(markup[:4096]) and not _CLOSE_HTML.search(markup[-4096:]):
        return InputError(source.origin, "truncated HTML (no closing </body> or </html>); save the whole page")
    import trafilatura  # on first use: it is slow to import and most runs read no HTML

    tree = trafilatura.load_html(markup)
    if tree is None:
        return InputError(source.origin, "not HTML that can be parsed")
    found = trafilatura.bare_extraction(tree, url=source.url, with_metadata=True, include_comments=False,
                                        include_tables=True, date_extraction_params=dict(_DATES))
    text = getattr(found, "text", None) or ""
    title = _clean(getattr(found, "title", None))
    if title and text.startswith(title + "\n"):  # the headline is the title, not a sentence of the body
        text = text[len(title) + 1:]
    if len(text.split()) < MIN_WORDS:  # what is left of a page without an article: "Home", "Menu", a date
        return InputError(source.origin, "no article text found in the page")
    meta = tuple((key, value) for key, value in (("author", _clean(getattr(found, "author", None))),
                                                 ("site", _clean(getattr(found, "sitename", None))))
                 if value)
    url = _clean(getattr(found, "url", None)) or source.url
    return Document(doc_id=source.doc_id, text=text, title=title, url=url,
                    published=_clean(getattr(found, "date", None)), origin=source.origin, meta=meta)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): one line per block, scripts and styles dropped."""
    if "<" not in fragment:
        return fragment.strip()
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for bad in tree.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for br in tree.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    blocks = ".//p|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//blockquote|.//tr|.//pre"
    for block in tree.xpath(blocks):
        block.tail = "\n" + (block.tail or "")
        block.text = "\n" + (block.text or "")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
