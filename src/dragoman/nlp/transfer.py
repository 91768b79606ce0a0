"""Parses sent from one process to another: ``pack`` in the parsing worker, ``unpack`` where they are coded.

What spaCy's ``DocBin`` keeps of a parse (the token attributes below: every one dragoman reads; no tensors,
no user data), taken more cheaply: the strings the receiver may lack are found from the distinct values
of the arrays' string columns, not token by token in Python, and nothing is compressed (the bytes never
leave the machine). ``DocBin.add`` and ``to_bytes`` cost the worker about 0.3 s of CPU on the 1,035
documents of ``benchmarks/throughput.py``; ``pack`` a tenth of that. ``tests/nlp/test_transfer.py`` checks
that an unpacked doc is the parse it was made from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy
from spacy import attrs
from spacy.tokens import Doc
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from thinc.types import Ints2d

# DocBin's attributes, in its order; ORTH first (the words)
ATTRS = tuple(attrs.IDS[name] for name in ("ORTH", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_IOB", "ENT_TYPE", "HEAD",
                                           "SENT_START", "ENT_KB_ID", "MORPH", "ENT_ID"))
_STRING_COLUMNS = [ATTRS.index(attrs.IDS[name]) for name in ("ORTH", "NORM", "LEMMA", "TAG", "DEP", "ENT_TYPE",
                                                              "ENT_KB_ID", "MORPH", "ENT_ID")]


@dataclass(frozen=True)
class Packed:
    """The parses of a few docs: their token attributes one row a token, the docs one after the other."""

    tokens: numpy.ndarray  # (tokens, len(ATTRS)), uint64
    spaces: numpy.ndarray  # (tokens,), bool: whether a space follows the token
    lengths: tuple[int, ...]  # tokens of each doc
    strings: tuple[str, ...]  # the strings the values of the string columns stand for


def pack(docs: Iterable[Doc]) -> Packed:
    docs = list(docs)
    if not docs:
        return Packed(numpy.zeros((0, len(ATTRS)), dtype="uint64"), numpy.zeros(0, dtype=bool), (), ())
    tokens = numpy.vstack([doc.to_array(list(ATTRS)).reshape(len(doc), len(ATTRS)) for doc in docs])
    spaces = numpy.concatenate([doc.to_array(attrs.SPACY).reshape(len(doc)) for doc in docs]).astype(bool)
    store = docs[0].vocab.strings
    values = (int(v) for v in numpy.unique(tokens[:, _STRING_COLUMNS]))
    strings = tuple(store[v] for v in values if v)  # 0: no value
    return Packed(tokens, spaces, tuple(len(doc) for doc in docs), strings)


def unpack(vocab: Vocab, packed: Packed) -> Iterator[Doc]:
    """The docs of ``packed``, made with ``vocab`` (the strings it lacks are added to it)."""
    for string in packed.strings:
        vocab.strings.add(string)
    start = 0
    for length in packed.lengths:
        rows = packed.tokens[start:start + length]
        doc = Doc(vocab, words=[vocab.strings[int(orth)] for orth in rows[:, 0]],
                  spaces=packed.spaces[start:start + length].tolist())
        yield doc.from_array(list(ATTRS), cast("Ints2d", rows))
        start += length
