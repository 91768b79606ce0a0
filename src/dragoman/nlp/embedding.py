"""The model's word embeddings computed once per distinct word form, output-identical.

Each token-to-vector network of en_core_web_sm (the shared ``tok2vec`` and the entity recognizer's own)
starts by embedding every token from a few of its attributes alone (``NORM``, ``PREFIX``, ``SUFFIX``,
``SHAPE``, and for the shared one ``SPACY`` and ``IS_SPACE``): hashed embedding tables, concatenated, then
a maxout layer and a layer normalisation that mix them. Only the convolutions after it look at a token's
neighbours. That first part is a third of the shared network's arithmetic (a 576 x 288 product per
token against four 288 x 288 ones) and a quarter of the recognizer's, and news repeats its words: most
tokens of a batch have a row of attributes seen before.

``EmbeddingMemo`` stands in for that first part (``extract_features >> list2ragged >> with_array(embed)
>> with_array(mix) >> ragged2list``) when predicting: it extracts the attributes with the stock layer,
computes the stock ``embed`` and ``mix`` layers only for the rows it has not seen (in one call, as the stock
code calls them for a whole batch), and reads every token's vector from what it has kept. Each of those
layers works on each row alone (table look-ups, a ``blis`` product whose rows do not depend on the rows
beside them, a normalisation per row), so a row's vector is the same whichever batch computed it. Training
(``is_train``) goes through the stock code. At most ``MEMO_ROWS`` rows are kept per network; past that the
memo is emptied and starts again. ``tests/nlp/test_embedding.py`` and ``tests/nlp/test_fast.py`` check
that every token's analysis is the stock one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.language import Language
from thinc.api import Model

MEMO_ROWS = 40_000  # vectors of 96 floats: 15 MB per network at most
_STOCK_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


class EmbeddingMemo:
    """The memoised forward pass of one embedding sub-model (see the module's docstring)."""

    def __init__(self, embed: Model) -> None:
        layers = embed.layers
        names = tuple(layer.name.split("(")[0] for layer in layers)
        if names != _STOCK_LAYERS:
            raise ValueError(f"not a stock embedding: {embed.name}")
        self.stock: Callable[..., Any] = embed._func
        self.extract, self.embed, self.mix = layers[0], layers[2], layers[3]
        self.index: dict[bytes, int] = {}
        self.table = np.empty((0, 0), dtype=np.float32)
        self._lock = threading.Lock()  # a pipeline shared by threads: rows are looked up, written, read at once

    def forward(self, model: Model, docs: list[Any], is_train: bool) -> tuple[list[np.ndarray], Callable[..., Any]]:
        if is_train:
            return self.stock(model, docs, is_train)
        features = self.extract.predict(docs)
        lengths = [len(f) for f in features]
        if not sum(lengths):
            return self.stock(model, docs, is_train)
        rows = np.ascontiguousarray(np.concatenate(features))
        keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        with self._lock:
            where = self._where([key.tobytes() for key in distinct], rows[first])
            vectors = self.table[where[inverse.ravel()]]
        return np.split(vectors, np.cumsum(lengths)[:-1]), _no_backprop

    def _where(self, keys: list[bytes], rows: np.ndarray) -> np.ndarray:
        """The table row of each key, computing the vectors of those not in the table."""
        index = self.index
        if len(index) + len(keys) > MEMO_ROWS:
            index.clear()
        found = [index.get(key, -1) for key in keys]
        missing = [i for i, row in enumerate(found) if row < 0]
        if missing:
            computed = self.mix.predict(self.embed.predict(np.ascontiguousarray(rows[missing])))
            start = len(index)
            if start + len(missing) > len(self.table):
                grown = np.empty((max(2 * len(self.table), start + len(missing)), computed.shape[1]),
                                 dtype=computed.dtype)
                if start:
                    grown[:start] = self.table[:start]
                self.table = grown
            self.table[start:start + len(missing)] = computed
            for n, i in enumerate(missing):
                index[keys[i]] = found[i] = start + n
        return np.array(found, dtype=np.int64)


def _no_backprop(_dY: Any) -> Any:
    raise NotImplementedError("predictions of the embedding memo have no gradient")


def memoise_embeddings(nlp: Language) -> list[str]:
    """Give every stock embedding sub-model of the pipeline's components an ``EmbeddingMemo``; the names of
    the components whose networks have one."""
    done: list[str] = []
    seen: set[int] = set()
    for name, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if node.id in seen or not node.name.startswith("extract_features>>list2ragged>>with_array("):
                continue
            seen.add(node.id)
            try:
                memo = EmbeddingMemo(node)
            except ValueError:
                continue
            node._func = memo.forward
            if name not in done:
                done.append(name)
    return done
