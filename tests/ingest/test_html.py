"""Saved web pages: article text without page furniture, and the page's metadata."""

from __future__ import annotations

from pathlib import Path

from dragoman.errors import InputError
from dragoman.ingest import read_sources
from dragoman.records import Document

FIXTURES = Path(__file__).parent / "fixtures"


def _one(path: Path) -> Document | InputError:
    items = list(read_sources([str(path)]))
    assert len(items) == 1
    return items[0]


def test_article_text_and_metadata_of_a_saved_page() -> None:
    doc = _one(FIXTURES / "page.html")
    assert isinstance(doc, Document)
    assert doc.doc_id == "page"
    assert doc.title == "Iran and Russia sign energy pact"
    assert doc.url == "https://news.example.org/world/iran-russia-energy-pact"  # the canonical link
    assert doc.published == "2023-03-29"
    meta = dict(doc.meta)
    assert meta["author"] == "Jane Doe" and meta["site"] == "World News Daily"
    assert (meta["dateline_place"], meta["dateline_date"], meta["wire"]) == ("MOSCOW", "March 29", "Reuters")
    assert doc.text.startswith("Iran's foreign minister Hossein Amir Abdollahian met his Russian counterpart")
    assert doc.text.endswith("which has been stalled since last year.")
    assert len(doc.text.splitlines()) == 3
    for furniture in ("SCRIPT-TEXT", "font-family", "ADVERTISEMENT", "Home", "Most read", "Privacy policy",
                      "All rights reserved", "Reporting by", "(Reuters)"):
        assert furniture not in doc.text


def test_a_latin1_page_declaring_its_charset(tmp_path: Path) -> None:
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
            "<title>Talks in Genève</title></head><body><article><p>Delegations from Iran and the European Union "
            "met in Genève on Tuesday to discuss the nuclear programme, the café owner said.</p>"
            "</article></body></html>")
    (tmp_path / "geneva.htm").write_bytes(page.encode("latin-1"))
    doc = _one(tmp_path / "geneva.htm")
    assert isinstance(doc, Document)
    assert "met in Genève on Tuesday" in doc.text and doc.title == "Talks in Genève"


def test_bad_pages_are_one_line_errors(tmp_path: Path) -> None:
    whole = (FIXTURES / "page.html").read_bytes()
    (tmp_path / "truncated.html").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "photo.html").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8)
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                         encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    assert all(isinstance(i, InputError) for i in items)
    messages = {Path(str(i).split(":")[0]).name: str(i) for i in items}
    assert "truncated" in messages["truncated.html"]
    assert "binary" in messages["photo.html"]
    assert "no article text" in messages["empty.html"]
    assert all("\n" not in m for m in messages.values())
