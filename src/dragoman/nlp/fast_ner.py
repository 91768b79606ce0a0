"""The model's entity recognizer with its greedy decoding done a batch at a time in numpy, output-identical.

The stock ``EntityRecognizer`` (a transition-based tagger: at each token it picks one of the moves ``B-``,
``I-``, ``L-``, ``U-`` a label, or ``O``) scores its moves in Cython, one state and one move at a time, and
in the wheel of spaCy that dragoman pins that loop takes and releases the interpreter lock for each
token it looks at: the decoding costs more than the network that feeds it (about 2.8 of the 4.1 seconds
of CPU the recognizer spends on the throughput corpus, against 1.1 s for the parser's whole decoding).

Every entity move consumes exactly one token, so the states of a batch advance in step: at step ``t``
each document longer than ``t`` is at its token ``t``. This module takes the steps for the whole batch
at once, with the same numbers in the same order as the stock code:

- the network up to the precomputed hidden features is the stock model's own layers (``layers[0]``, the
  token vectors, and ``layers[1]``, the precomputable affine whose row 0 is the padding), called as the
  stock ``predict`` calls them;
- a state's features are the stock ones for three feature tokens (the next token; the first token of the
  open entity; the token before the next one if an entity is open), summed in the same order, plus the
  bias; the maxout picks ``p0 if p0 > p1 else p1`` as ``Vec.arg_max`` does;
- the scores are the same ``blis`` ``sgemm`` on the same rows (the states of the same sub-batch, in the
  same order: the stock loop keeps its unfinished states in order), plus the output bias; classes the
  model never saw get the smallest score of the step, as in the stock code;
- a move is chosen as ``arg_max_if_valid`` chooses it: the first best-scoring valid move, with the stock
  validity rules for a document without preset entities (an entity never starts on whitespace or runs
  across a sentence start, ``I`` and ``L`` continue the open entity's label, ``B`` and ``I`` need a token
  after them, ``O`` and ``U`` need no entity open).

Documents that already carry entity annotation (preset entities change the validity rules), and models
that are not this greedy shape (beam search, other feature sets, no output layer), go through the stock
code. ``tests/nlp/test_fast_ner.py`` checks token by token that the entities are the stock ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

FACTORY = "dragoman_fast_ner"
_MOVES = "BILUO"
_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)


class Unsupported(Exception):
    """A recognizer this module does not decode exactly: the stock component stays."""


class _Moves:
    """The recognizer's moves as arrays: the type of each (an index into ``_MOVES``) and its label's
    number (into ``labels``; -1 for ``O`` and the label-less ``U-``)."""

    def __init__(self, recognizer: EntityRecognizer) -> None:
        names = [recognizer.moves.get_class_name(i) for i in range(recognizer.moves.n_moves)]
        self.labels: list[str] = []
        types, numbers = [], []
        for name in names:
            move, _, label = name.partition("-")
            if move not in _MOVES or (move == "O") != (label == "" and name == "O"):
                raise Unsupported(name)
            if label and label not in self.labels:
                self.labels.append(label)
            types.append(_MOVES.index(move))
            numbers.append(self.labels.index(label) if label else -1)
        self.types = np.array(types)
        self.numbers = np.array(numbers)
        self.label_ids = [recognizer.vocab.strings.add(label) for label in self.labels]
        labelled = self.numbers >= 0
        # the label-less U- is valid only on a preset blocked token, never in a document without presets
        self.begin = (self.types == _BEGIN) & labelled
        self.inside = (self.types == _IN) & labelled
        self.last = (self.types == _LAST) & labelled
        self.unit = (self.types == _UNIT) & labelled
        self.out = self.types == _OUT
        self.penalties = self._penalties()

    def _penalties(self) -> np.ndarray:
        """What a state adds to the scores of the moves: 0 for a valid move, minus infinity for the others,
        one row per case the validity rules tell apart (the rows ``decode`` picks): 0-3 with no entity
        open (+2: an entity may begin; +1: a one-token entity may stand here), then two rows per label
        with an entity of that label open (+1: it may go on past this token)."""
        valid = np.zeros((4 + 2 * len(self.labels), len(self.types)), dtype=bool)
        for row in range(4):
            valid[row] = self.out | (self.unit if row & 1 else False) | (self.begin if row & 2 else False)
        for number in range(len(self.labels)):
            same = self.numbers == number
            valid[4 + 2 * number] = self.last & same
            valid[5 + 2 * number] = (self.last | self.inside) & same
        return np.where(valid, np.float32(0), np.float32(-np.inf)).astype(np.float32)


class _Decoder:
    """The greedy decoding of one sub-batch of documents (see the module's docstring)."""

    def __init__(self, recognizer: EntityRecognizer) -> None:
        model = recognizer.model
        if recognizer.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper") \
                or len(model.layers) != 3 or getattr(recognizer, "postprocesses", None):
            raise Unsupported("not a greedy recognizer with an output layer")
        lower = model.layers[1]
        if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 1:
            raise Unsupported("not the three-token feature set of the BILUO states")
        if not isinstance(model.ops.xp, type(np)) and model.ops.xp is not np:
            raise Unsupported("not on the CPU")
        self.model = model
        self.moves = _Moves(recognizer)
        if len(self.moves.types) != model.layers[2].get_dim("nO"):
            raise Unsupported("moves and output layer differ")

    def decode(self, docs: Sequence[Doc]) -> list[list[tuple[int, int, int]]]:
        """Per document, its entities as ``(start, end, label number)``."""
        model, moves = self.model, self.moves
        tokvecs = model.layers[0].predict(docs)
        lower = model.layers[1]
        cached = lower.predict(tokvecs)  # (tokens + 1, 3, hidden, pieces); row 0: the padding
        bias = lower.get_param("b")
        upper = model.layers[2]
        weights, upper_bias = upper.get_param("W"), upper.get_param("b")
        unseen = sorted(model.attrs.get("unseen_classes", ()))
        ops = model.ops
        pieces = cached.shape[3]

        lengths = np.array([len(doc) for doc in docs])
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        total = int(lengths.sum())
        # per token of the batch: whitespace; the last of its document; followed by a sentence start
        space = np.zeros(total, dtype=bool)
        last_token = np.zeros(total, dtype=bool)
        before_start = np.zeros(total, dtype=bool)
        for doc, offset, length in zip(docs, offsets, lengths, strict=True):
            if length:
                columns = doc.to_array([SENT_START, IS_SPACE])
                space[offset:offset + length] = columns[:, 1] != 0
                last_token[offset + length - 1] = True
                before_start[offset:offset + length - 1] = columns[1:, 0] == 1
        # which row of the validity table a state takes at each token: with no entity open, by whether an
        # entity may begin there (B) and whether it may be a one-token entity (U); with one open, by its
        # label and whether the entity may go on past the token (I)
        may_go_on = ~last_token & ~before_start
        closed_row = (may_go_on & ~space) * 2 + ~space
        open_row = 4 + may_go_on.astype(np.int64)
        penalty = moves.penalties

        open_start = np.full(len(docs), -1, dtype=np.int64)  # the open entity's first token (batch-wide)
        open_label = np.full(len(docs), -1, dtype=np.int64)
        chosen = np.empty(total, dtype=np.int64)  # the move taken at each token
        for t in range(int(lengths.max(initial=0))):
            active = np.flatnonzero(lengths > t)
            token = offsets[active] + t
            label = open_label[active]
            is_open = label >= 0
            row1 = np.where(is_open, open_start[active] + 1, 0)
            row2 = np.where(is_open, token, 0)  # the token before the next one, + 1 for the padding row
            unmaxed = cached[token + 1, 0] + cached[row1, 1]
            unmaxed += cached[row2, 2]
            unmaxed += bias
            if pieces == 2:
                hidden = np.where(unmaxed[..., 0] > unmaxed[..., 1], unmaxed[..., 0], unmaxed[..., 1])
            else:
                hidden = unmaxed.max(axis=-1)
            scores = ops.gemm(np.ascontiguousarray(hidden), weights, trans2=True)
            scores += upper_bias
            if unseen:
                scores[:, unseen] = scores.min()
            scores += penalty[np.where(is_open, open_row[token] + 2 * label, closed_row[token])]
            guess = scores.argmax(axis=1)
            chosen[token] = guess
            kind = moves.types[guess]
            opened = kind == _BEGIN
            open_start[active[opened]] = token[opened]
            open_label[active[opened]] = moves.numbers[guess[opened]]
            open_label[active[kind == _LAST]] = -1
        return self._entities(chosen, lengths, offsets)

    def _entities(self, chosen: np.ndarray, lengths: np.ndarray, offsets: np.ndarray,
                  ) -> list[list[tuple[int, int, int]]]:
        kinds = self.moves.types[chosen]
        found: list[list[tuple[int, int, int]]] = []
        for offset, length in zip(offsets, lengths, strict=True):
            kind = kinds[offset:offset + length]
            labels = self.moves.numbers[chosen[offset:offset + length]]
            starts = np.flatnonzero((kind == _BEGIN) | (kind == _UNIT))
            ends = np.flatnonzero((kind == _LAST) | (kind == _UNIT)) + 1
            found.append([(int(s), int(e), int(labels[s])) for s, e in zip(starts, ends, strict=True)])
        return found


class FastEntityRecognizer:
    """The stock ``EntityRecognizer`` in front of which it stands, its greedy decoding done by ``_Decoder``;
    everything else (its name, labels, model, serialisation) is the stock component's."""

    def __init__(self, stock: EntityRecognizer) -> None:
        self.stock = stock
        self._decoder = _Decoder(stock)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stock, name)

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """As the stock ``pipe``: batches sorted by length and decoded in sub-batches of a quarter."""
        error_handler: Callable[..., Any] = self.stock.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            in_order = list(batch)
            try:
                by_length = sorted(in_order, key=len)
                for sub_batch in minibatch(by_length, size=max(batch_size // 4, 2)):
                    self._annotate(list(sub_batch))
                yield from in_order
            except Exception as exc:  # the stock component's error handler decides, as in its own pipe
                error_handler(self.stock.name, self.stock, in_order, exc)

    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs) or any(doc.to_array([ENT_IOB]).any() for doc in docs if len(doc)):
            self.stock.set_annotations(docs, self.stock.predict(docs))  # nothing to decode, or presets
            return
        label_ids = self._decoder.moves.label_ids
        for doc, entities in zip(docs, self._decoder.decode(docs), strict=True):
            doc.set_ents([Span(doc, start, end, label=label_ids[label]) for start, end, label in entities],
                         default="outside")


@Language.factory(FACTORY, default_config={"stock": "ner"})
def _make(nlp: Language, name: str, stock: str) -> FastEntityRecognizer:
    return FastEntityRecognizer(nlp.get_pipe(stock))


def decode_faster(nlp: Language, name: str) -> bool:
    """Put a ``FastEntityRecognizer`` in front of the stock recognizer ``name`` (which stays in the
    pipeline, disabled, and keeps its name for ``get_pipe``) if ``_Decoder`` decodes it exactly."""
    try:
        _Decoder(nlp.get_pipe(name))
    except Unsupported:
        return False
    nlp.add_pipe(FACTORY, name=f"{name}_{FACTORY}", after=name, config={"stock": name})
    nlp.disable_pipe(name)
    return True
