"""Decoding: encodings detected, binary refused, mojibake repaired, NFC."""

from __future__ import annotations

import codecs
import random

import pytest

from dragoman.errors import InputError
from dragoman.ingest.text import clean, decode


@pytest.mark.parametrize(("data", "expected"), [
    ("Iran’s minister in Genève".encode(), "Iran’s minister in Genève"),
    (codecs.BOM_UTF8 + b"Tehran", "Tehran"),
    ("Tehran – Moscow".encode("utf-16"), "Tehran – Moscow"),
    ("Caf\xe9 in Tehran".encode("latin-1"), "Café in Tehran"),
    ("Iran’s envoy said “yes” in Genève".encode("cp1252"), "Iran’s envoy said “yes” in Genève"),
    ("Le ministre à Genève était « ferme ».".encode("latin-1"), "Le ministre à Genève était « ferme »."),
])
def test_text_encodings_are_detected(data: bytes, expected: str) -> None:
    assert decode(data, "f.txt") == expected


def test_a_declared_encoding_is_used_when_utf8_fails() -> None:
    data = "Москва заявила".encode("cp1251")
    assert decode(data, "f.html", declared="windows-1251") == "Москва заявила"


def _noise(seed: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(1, 256) for _ in range(size))  # no NUL byte: the decoders must judge


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02abc",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _noise(1, 2000),
    _noise(2, 5000),
    b"GIF89a" + _noise(3, 300),
])
def test_binary_data_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "photo.html")
    assert str(err.value).startswith("photo.html: ") and "\n" not in str(err.value)


def test_mojibake_is_repaired_and_text_is_nfc_with_curly_quotes_kept() -> None:
    assert clean("CafÃ© in itâ€™s “quoted”") == "Café in it’s “quoted”"
    assert clean("Gene\u0300ve") == "Genève"  # combining accent -> one code point
    assert clean("one\r\ntwo") == "one\ntwo"
