"""Whatever the bytes, every reader yields Documents or one-line InputErrors: it never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.errors import InputError
from dragoman.ingest.readers import read_source
from dragoman.ingest.source import Source
from dragoman.records import Document

_MARKUP = st.sampled_from([b"<html>", b"</html>", b"<p>", b"</p>", b"<?xml version='1.0'?>", b"<rss>", b"<item>",
                           b"<!ENTITY a 'b'>", b"&a;", b"\xe9", b"\x00", b"MOSCOW (AP) - ", b"\n", b",", b'"',
                           b"{\"text\": \"x\"}", b"Iran met Russia. "])
_BYTES = st.one_of(st.binary(max_size=300), st.lists(_MARKUP, max_size=30).map(b"".join))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl", ".csv", ".html", ".xml"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_BYTES)
def test_readers_never_raise(suffix: str, data: bytes) -> None:
    for item in read_source(Source(data, "f" + suffix, "f"), suffix):
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item)
        else:
            assert item.text.strip()
