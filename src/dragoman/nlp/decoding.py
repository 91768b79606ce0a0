"""The model's parser and entity recognizer, decoded faster with output identical to the stock components.

Both are transition-based: a state per document, and at each step a network scores the moves of every
unfinished state of a sub-batch and each state takes its best valid move. The stock greedy loop
(``Parser._parseC``) runs in Cython with the interpreter lock released, and in the spaCy wheel dragoman
pins the state accessors it calls for every feature and every move (``StateC.B``, ``safe_get``, ...) take
the lock back each time: the decoding costs more than the networks that feed it (on the throughput
corpus, 2.8 of the recognizer's 4.1 s of CPU and 1.1 of the parser's 1.3 s). Two decoders avoid that:

- ``SteppedParser`` (any greedy transition-based component: here the parser) takes the stock loop's
  steps from Python, with the stock pieces: the stock step model scores the unfinished states
  (``ParserStepModel.predict``: the same feature sums, bias, maxout, ``blis`` ``sgemm`` on the same rows
  in the same order, and output bias as the Cython loop) and the stock ``Parser.transition_states``
  picks and takes each state's best valid move (the Cython ``c_transition_batch`` of the loop, called
  with the lock held, so that taking it again is free). Batches, sub-batches (a quarter of the batch,
  sorted by length), state order and annotation are the stock ``pipe``'s.
- ``FastEntityRecognizer`` takes the recognizer's steps for a whole sub-batch at once in numpy. Every
  entity move (``B-``, ``I-``, ``L-``, ``U-`` a label, or ``O``) consumes exactly one token, so the states
  advance in step: at step ``t`` each document longer than ``t`` is at its token ``t``. The network up to
  the precomputed hidden features is the stock model's own layers, called as the stock ``predict`` calls
  them; a state's features are the stock ones for the three feature tokens (the next token; the first
  token of the open entity; the token before the next one if an entity is open), summed in the same
  order, plus the bias; the maxout picks ``p0 if p0 > p1 else p1`` as ``Vec.arg_max`` does; the scores
  are the same ``sgemm`` on the same rows plus the output bias (classes the model never saw get the
  step's smallest score); a move is chosen as ``arg_max_if_valid`` chooses it, the first best-scoring
  valid move, by the stock validity rules for a document without preset entities (an entity never starts
  on whitespace or runs across a sentence start, ``I`` and ``L`` continue the open entity's label, ``B``
  and ``I`` need a token after them, ``O`` and ``U`` need no entity open). Documents with preset
  entities, and recognizers of another shape, are decoded by ``SteppedParser``'s loop.

Each stands in front of its stock component, which stays in the pipeline (disabled) under its own name;
beam-search components are left alone. ``tests/nlp/test_decoding.py`` checks token by token that heads,
labels, sentences and entities are the stock ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import DependencyParser, EntityRecognizer
from spacy.pipeline.transition_parser import Parser
from spacy.tokens import Doc, Span
from spacy.util import minibatch

FAST_NER = "dragoman_fast_ner"
STEPPED = "dragoman_stepped_parser"
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
            if move not in _MOVES or (move == "O" and label):
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
        if model.ops.xp is not np:
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
        # per token of the batch: whitespace; the first of its document or of a sentence
        space = np.zeros(total, dtype=bool)
        first = np.zeros(total, dtype=bool)
        for doc, offset, length in zip(docs, offsets, lengths, strict=True):
            if length:
                columns = doc.to_array([SENT_START, IS_SPACE])
                space[offset:offset + length] = columns[:, 1] != 0
                first[offset:offset + length] = columns[:, 0] == 1
                first[offset] = True
        # which row of the validity table a state takes at each token: with no entity open, by whether an
        # entity may begin there (B) and whether it may be a one-token entity (U); with one open, by its
        # label and whether the entity may go on past the token (I). Either needs a next token that starts
        # neither a sentence nor the next document.
        may_go_on = ~np.append(first[1:], True)
        closed_row = (may_go_on & ~space) * 2 + ~space
        open_row = 4 + may_go_on.astype(np.int64)
        penalty = moves.penalties

        # The states to step together. No entity runs across a sentence start (before one, B and I are
        # invalid and an open entity must take L), so every sentence starts with no entity open, and a
        # state with none open reads only its next token: each sentence decodes as the stock loop decodes
        # it inside its document, and the sentences of the whole sub-batch step together (far fewer steps
        # than the longest document's tokens; sgemm gives each row the same result whatever the rows
        # beside it). Only the smallest score given to unseen classes depends on which states share a
        # step: with unseen classes the states are the documents, as in the stock loop.
        starts = np.flatnonzero(first) if not unseen else offsets[lengths > 0]
        spans = np.diff(np.append(starts, total))
        order = np.argsort(-spans, kind="stable")  # longest first: the states still going are a prefix
        starts, spans = starts[order], spans[order]
        open_start = np.full(len(starts), -1, dtype=np.int64)  # the open entity's first token (batch-wide)
        open_label = np.full(len(starts), -1, dtype=np.int64)
        chosen = np.empty(total, dtype=np.int64)  # the move taken at each token
        going = len(starts)
        for t in range(int(spans.max(initial=0))):
            while spans[going - 1] <= t:
                going -= 1
            token = starts[:going] + t
            label = open_label[:going]
            is_open = label >= 0
            row1 = np.where(is_open, open_start[:going] + 1, 0)
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
            opened = np.flatnonzero(kind == _BEGIN)
            open_start[opened] = token[opened]
            open_label[opened] = moves.numbers[guess[opened]]
            open_label[np.flatnonzero(kind == _LAST)] = -1
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


class SteppedParser:
    """The stock greedy transition-based component ``stock`` (here the parser), its steps taken from Python
    with the stock step model and transitions (see the module's docstring); everything else (its name,
    labels, model, serialisation) is the stock component's."""

    def __init__(self, stock: Parser) -> None:
        if stock.cfg.get("beam_width", 1) != 1:
            raise Unsupported("beam search")
        self.stock = stock

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
        stock = self.stock
        if not any(len(doc) for doc in docs):
            stock.set_annotations(docs, stock.predict(docs))
            return
        stock._ensure_labels_are_added(docs)
        states = stock.moves.init_batch(docs)
        step_model = stock.model.predict(docs)
        scores_of = self._scorer(step_model)
        unfinished = [state for state in states if not state.is_final()]
        while unfinished:
            unfinished = stock.transition_states(unfinished, scores_of(unfinished))
        step_model.clear_memory()
        stock.set_annotations(docs, states)

    @staticmethod
    def _scorer(step_model: Any) -> Callable[[list[Any]], np.ndarray]:
        """The scores of the moves of some unfinished states: the stock step model's ``predict``
        (``step_forward``) without thinc's per-call bookkeeping, the same operations in the same order:
        the context tokens, the precomputed hidden features summed with their bias and maxout
        (``state2vec``), the output layer's ``gemm`` and bias, and the smallest score for unseen classes."""
        if not step_model.attrs["has_upper"]:
            return step_model.predict
        state2vec, upper = step_model.state2vec, step_model.vec2scores
        weights, bias, gemm = upper.get_param("W"), upper.get_param("b"), upper.ops.gemm
        unseen = step_model._class_mask == 0
        get_token_ids = step_model.get_token_ids

        def scores_of(states: list[Any]) -> np.ndarray:
            scores = gemm(state2vec.predict(get_token_ids(states)), weights, trans2=True)
            scores += bias
            if unseen.any():
                scores[:, unseen] = np.nanmin(scores)
            return scores

        return scores_of


class FastEntityRecognizer(SteppedParser):
    """The stock ``EntityRecognizer``, its greedy decoding done by ``_Decoder`` (see the module's
    docstring); documents with preset entities stepped as by ``SteppedParser``."""

    def __init__(self, stock: EntityRecognizer) -> None:
        super().__init__(stock)
        self._decoder = _Decoder(stock)

    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs) or any(doc.to_array([ENT_IOB]).any() for doc in docs if len(doc)):
            super()._annotate(docs)
            return
        label_ids = self._decoder.moves.label_ids
        for doc, entities in zip(docs, self._decoder.decode(docs), strict=True):
            doc.set_ents([Span(doc, start, end, label=label_ids[label]) for start, end, label in entities],
                         default="outside")


@Language.factory(STEPPED, default_config={"stock": "parser"})
def _make_stepped(nlp: Language, name: str, stock: str) -> SteppedParser:
    return SteppedParser(nlp.get_pipe(stock))


@Language.factory(FAST_NER, default_config={"stock": "ner"})
def _make_fast_ner(nlp: Language, name: str, stock: str) -> FastEntityRecognizer:
    return FastEntityRecognizer(nlp.get_pipe(stock))


def decode_faster(nlp: Language, name: str) -> bool:
    """Put the faster decoder of the stock component ``name`` (a greedy parser or entity recognizer) in
    front of it; the stock component stays in the pipeline, disabled, and keeps its name for
    ``get_pipe``. False, and nothing changed, for a component neither decodes exactly."""
    component = nlp.get_pipe(name)
    if type(component) not in (DependencyParser, EntityRecognizer):
        return False
    try:
        SteppedParser(component)
    except Unsupported:  # beam search
        return False
    factory = STEPPED
    if type(component) is EntityRecognizer:
        try:
            _Decoder(component)
            factory = FAST_NER
        except Unsupported:
            pass  # another shape of recognizer: stepped
    nlp.add_pipe(factory, name=f"{name}_{factory}", after=name, config={"stock": name})
    nlp.disable_pipe(name)
    return True
