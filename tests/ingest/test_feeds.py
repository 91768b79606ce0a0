"""RSS and Atom feeds: one document per entry; entity declarations refused before any expansion."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import InputError
from dragoman.ingest import read_sources
from dragoman.records import Document

FIXTURES = Path(__file__).parent / "fixtures"

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&lol9;</description></item>
</channel></rss>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><description>&secret;</description></item></channel></rss>
"""


def _split(path: Path) -> tuple[list[Document], list[InputError]]:
    items = list(read_sources([str(path)]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_rss_entries_with_full_content_date_link_and_title() -> None:
    docs, errors = _split(FIXTURES / "feed.rss")
    assert not errors and len(docs) == 2
    first, second = docs
    assert first.doc_id == "wnd-2023-0329-001"
    assert first.title == "Iran and Russia sign energy pact"
    assert first.url == "https://news.example.org/world/iran-russia-energy-pact"
    assert first.published == "2023-03-29"
    assert first.text == ("Iran's foreign minister met his Russian counterpart in Moscow on Wednesday and the two "
                          "signed an agreement on energy cooperation.\n"
                          "Lavrov said Russia opposed the sanctions imposed on Iran.")  # content, not summary
    assert dict(first.meta) == {"author": "Jane Doe", "site": "World News Daily: Middle East",
                                "dateline_place": "MOSCOW", "dateline_date": "March 29", "wire": "Reuters"}
    assert first.origin is not None and first.origin.endswith("feed.rss#1")
    # no guid: the link is the id; only a summary: the summary is the text
    assert second.doc_id == "https://news.example.org/world/turkey-grain-talks"
    assert second.text == "Turkey hosted talks between Ukraine and Russia on grain exports on Thursday."
    assert second.published == "2023-03-30"
    assert dict(second.meta)["wire"] == "AP"


def test_atom_entry() -> None:
    docs, errors = _split(FIXTURES / "feed.atom")
    assert not errors
    [doc] = docs
    assert doc.title == "Egypt mediates between Israel and Hamas"
    assert doc.url == "https://policy.example.net/egypt-mediation"
    assert doc.published == "2023-04-01"
    assert doc.text == "Egypt mediated between Israel and Hamas on Saturday, officials said."
    assert dict(doc.meta)["author"] == "Omar Haddad" and dict(doc.meta)["dateline_place"] == "CAIRO"


@pytest.mark.parametrize(("content", "words"), [
    (BOMB, "entity-expansion"),
    (EXTERNAL, "entit"),
    (BOMB.replace("</rss>", ""), "entities"),  # malformed as well: still refused, never expanded
    ("<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "no entries"),
])
def test_unsafe_or_empty_feeds_are_refused_in_one_line(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    docs, errors = _split(path)
    assert not docs and len(errors) == 1
    message = str(errors[0])
    assert message.startswith(str(path)) and words in message and "\n" not in message
