"""A Key: value header closed by --- gives title and date and leaves the text."""

from __future__ import annotations

from dragoman.ingest.frontmatter import header_parts, split_front_matter


def test_header_fields_leave_the_text() -> None:
    text = "TITLE: Talks resume\nPUBLISHED: 2023-07-31\nSTYLE: wire\n---\nABUJA, July 31 - Leaders met.\n"
    fields, body = split_front_matter(text)
    assert body == "ABUJA, July 31 - Leaders met.\n"
    assert header_parts(fields) == ("Talks resume", "2023-07-31", (("style", "wire"),))


def test_yaml_style_block() -> None:
    fields, body = split_front_matter("---\ntitle: A\ndate: 2020-01-02T10:00\n---\nText.")
    assert body == "Text." and header_parts(fields)[:2] == ("A", "2020-01-02")


def test_text_without_a_header_is_unchanged() -> None:
    for text in ["Iran: the visit\nwas useful.\n---\nmore", "Plain text.", "Note: one line\nno rule after it"]:
        assert split_front_matter(text) == ({}, text)
