"""Bytes to clean text: encoding detection, binary rejection, mojibake repair, NFC.

Order of trust when decoding: a byte-order mark; UTF-8; the encoding the file declares (an HTML
``<meta charset>``, an HTTP header); else charset-normalizer's guess. Among guesses that explain the
bytes equally well, Windows-1252 wins: dragoman reads English, and English legacy files are Western.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
import ftfy

from dragoman.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_FIXER = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)  # curly quotes are the author's text
_SAMPLE = 256 * 1024  # enough bytes for charset-normalizer to judge; the whole text is then decoded


def decode(data: bytes, origin: str, declared: str | None = None) -> str:
    """The text of ``data``; an InputError for binary data or bytes no text encoding explains."""
    text = _decode(data, origin, declared)
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(origin, "binary data, not text (control characters)")
    return text


def _decode(data: bytes, origin: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(origin, f"text marked as {encoding} does not decode as {encoding}") from None
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    guesses = list(charset_normalizer.from_bytes(data[:_SAMPLE]))
    if not guesses:
        raise InputError(origin, "binary data or an unknown text encoding")
    least = min(g.chaos for g in guesses)
    plausible = [g for g in guesses if g.chaos <= least + 0.01]
    order = ["cp1252"] if any("cp1252" in g.could_be_from_charset for g in plausible) else []
    order += [plausible[0].encoding, "latin-1"]
    for encoding in order:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(origin, "binary data or an unknown text encoding")  # latin-1 decodes anything: unreachable


def clean(text: str) -> str:
    """Mojibake repaired ("CafÃ©" -> "Café"), line breaks unified, Unicode normalised to NFC."""
    return unicodedata.normalize("NFC", ftfy.fix_text(text, _FIXER))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def printable(value: str) -> str:
    """An identifier or metadata value as it can be stored and shown on one line: control characters
    dropped, lone surrogates (from JSON ``\\ud800`` escapes), which no database encodes, replaced."""
    return _SURROGATE.sub("\ufffd", _UNPRINTABLE.sub("", value))
