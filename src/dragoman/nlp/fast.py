"""Faster, output-identical versions of two of the model's rule components.

en_core_web_sm's ``attribute_ruler`` (tag map and exceptions: 179 one- and two-token patterns) runs a
``Matcher`` over every token of every document, and its ``lemmatizer`` (rule mode) walks every token
in Python; together they cost about a fifth of the whole parse, more than the tagger and the parser.
Both are pure functions of a few attributes of a token (and of its neighbour, for the two-token
patterns), so their results are computed once per distinct combination and then looked up:

- the ruler's result for a token depends only on its ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` (the
  attributes its patterns test), and for a two-token pattern on those of the next or previous token. The
  matches that target a token are applied in the order the stock component applies them (by pattern
  number), with the stock ``set_token_attrs``;
- the rule lemmatizer's lemma depends only on the token's ``ORTH``, ``POS`` and ``MORPH`` (the key of
  its own cache; ``is_base_form`` reads only ``POS`` and ``MORPH``). A lemma already set (by the ruler)
  is kept, as the stock component keeps it.

``speed_up`` swaps the components' classes only when they are exactly what this module understands
(the stock classes, patterns that test only those attributes with ``==``, ``IN``, ``NOT_IN`` and
``REGEX``, the rule mode without overwriting); anything else is left as it is. ``tests/nlp/test_fast.py``
checks that every token attribute is the same as the stock components' on the development texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, DependencyParser, EntityRecognizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from dragoman.nlp.decoding import decode_faster
from dragoman.nlp.embedding import memoise_embeddings

Features = tuple[int, int, int, int]  # TAG, LOWER, DEP, IS_SPACE of a token, as the Matcher sees them
Test = Callable[[Features, Callable[[int], str]], bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# Memos keyed by words grow with the vocabulary of what is parsed: past this many entries one is emptied
# and starts again (a few tens of MB at most over a corpus of millions of documents)
MEMO_LIMIT = 200_000


class Unsupported(Exception):
    """A pattern this module does not evaluate exactly: the stock component stays."""


class _Tests:
    """Compiles token tests, and keys token features by what the tests can tell apart: ``==``, ``IN`` and
    ``NOT_IN`` only whether a value is one they name, ``REGEX`` only whether it matches. Two tokens with
    the same key pass the same tests, so a result computed for one holds for the other."""

    def __init__(self, strings: Callable[[int], str]) -> None:
        self.strings = strings
        self.named: list[set[int]] = [set() for _ in _FIELDS]
        self.regexes: list[list[re.Pattern[str]]] = [[] for _ in _FIELDS]
        self._parts: list[dict[int, Any]] = [{} for _ in _FIELDS]  # per field: value -> its part of the key

    def token(self, spec: dict[Any, Any]) -> Test:
        tests = [self._test(k, v) for k, v in spec.items()]
        return lambda f, string: all(t(f, string) for t in tests)

    def key(self, features: Features) -> tuple[Any, ...]:
        tag, lower, dep, space = features
        p0, p1, p2, p3 = self._parts
        return (p0[tag] if tag in p0 else self._part(0, tag), p1[lower] if lower in p1 else self._part(1, lower),
                p2[dep] if dep in p2 else self._part(2, dep), p3[space] if space in p3 else self._part(3, space))

    def _part(self, field: int, value: int) -> Any:
        if value in self.named[field]:
            part: Any = value
        else:
            part = tuple(bool(r.search(self.strings(value))) for r in self.regexes[field])
        parts = self._parts[field]
        if len(parts) >= MEMO_LIMIT:
            parts.clear()
        parts[value] = part
        return part

    def _test(self, key: str, value: Any) -> Test:
        """A test of one attribute of one token, as the Matcher evaluates it."""
        if key not in _FIELDS:
            raise Unsupported(key)
        field = _FIELDS[key]
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                raise Unsupported(f"{key}: {value!r}")
            self.named[field].update((0, 1))
            wanted = int(value)
            return lambda f, _s: f[field] == wanted
        if isinstance(value, str):
            string_id = get_string_id(value)
            self.named[field].add(string_id)
            return lambda f, _s: f[field] == string_id
        if isinstance(value, dict) and len(value) == 1:
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                ids = frozenset(get_string_id(a) for a in arg)
                self.named[field].update(ids)
                if op == "IN":
                    return lambda f, _s: f[field] in ids
                return lambda f, _s: f[field] not in ids
            if op == "REGEX" and isinstance(arg, str):
                regex = re.compile(arg)
                self.regexes[field].append(regex)
                return lambda f, string: bool(regex.search(string(f[field])))
        raise Unsupported(f"{key}: {value!r}")


class _Rules:
    """The ruler's patterns, compiled; and their results per token features, memoised."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs: list[dict[int, Any]] = ruler.attrs
        self.strings = ruler.vocab.strings
        self.tests, self.second_tests = _Tests(self._string), _Tests(self._string)  # tokens, next tokens
        single: list[tuple[int, Test]] = []  # (pattern number, test)
        self.pairs: list[tuple[int, Test, Test, int]] = []  # (number, first, second, target: 0 or 1)
        for number, entry in enumerate(ruler.patterns):
            index = ruler.indices[number]
            patterns = entry["patterns"]
            if not isinstance(patterns, list):
                raise Unsupported(repr(patterns))
            for pattern in patterns:
                if not isinstance(pattern, list) or any(not isinstance(t, dict) for t in pattern):
                    raise Unsupported(repr(pattern))
                if len(pattern) == 1 and index in (0, -1):
                    single.append((number, self.tests.token(pattern[0])))
                elif len(pattern) == 2 and index in (0, 1, -1, -2):
                    self.pairs.append((number, self.tests.token(pattern[0]),
                                       self.second_tests.token(pattern[1]), index % 2))
                else:
                    raise Unsupported(repr(pattern))
        self.single = single
        self._matches: dict[tuple[Any, ...], tuple[tuple[int, ...], dict[int, Any], tuple[int, ...]]] = {}
        self._second: dict[tuple[int, tuple[Any, ...]], bool] = {}

    def _string(self, string_id: int) -> str:
        return self.strings[string_id]

    def matches(self, features: Features) -> tuple[tuple[int, ...], dict[int, Any], tuple[int, ...]]:
        """For a token: the numbers of the one-token patterns that match it, in order; their attributes
        merged (a later pattern's value wins, as when the stock component sets them one after the other);
        and the two-token patterns (indices into ``pairs``) whose first token it matches."""
        key = self.tests.key(features)
        found = self._matches.get(key)
        if found is None:
            numbers = tuple(n for n, test in self.single if test(features, self._string))
            merged: dict[int, Any] = {}
            for n in numbers:
                merged.update(self.attrs[n])
            firsts = tuple(i for i, (_n, first, _second, _t) in enumerate(self.pairs) if first(features, self._string))
            found = self._matches[key] = (numbers, merged, firsts)
        return found

    def second_matches(self, pair: int, features: Features) -> bool:
        key = (pair, self.second_tests.key(features))
        found = self._second.get(key)
        if found is None:
            found = self._second[key] = self.pairs[pair][2](features, self._string)
        return found


class FastAttributeRuler(AttributeRuler):
    """The stock ``AttributeRuler``, its matches found by lookup (see the module's docstring)."""

    _rules: _Rules

    def __call__(self, doc: Doc) -> Doc:
        rules = self._rules
        features: list[Features] = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        found = [rules.matches(f) for f in features]
        # matches of two-token patterns, (pattern number, start) per token they target: rare ("gon na")
        paired: dict[int, list[tuple[int, int]]] = {}
        for i, (_numbers, _merged, firsts) in enumerate(found):
            for pair in firsts:
                if i + 1 < len(features) and rules.second_matches(pair, features[i + 1]):
                    number, _first, _second, target = rules.pairs[pair]
                    paired.setdefault(i + target, []).append((number, i))
        attrs = rules.attrs
        for i, (numbers, merged, _firsts) in enumerate(found):
            if i in paired:  # every match on the token, applied in the stock order: number, then start
                for number, _start in sorted([(n, i) for n in numbers] + paired[i]):
                    set_token_attrs(doc[i], attrs[number])
            elif merged:
                set_token_attrs(doc[i], merged)
        return doc


class _IndexedList(list[str]):
    """A lemma index list (``form in index`` is all the lemmatizer asks of it) answered from a set."""

    def __init__(self, items: list[str]) -> None:
        super().__init__(items)
        self._set = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._set


class FastLemmatizer(EnglishLemmatizer):
    """The stock rule-mode ``Lemmatizer``, its lemmas memoised by ``(ORTH, POS, MORPH)`` and its word
    index lists searched through sets."""

    _memo: dict[tuple[int, int, int], str]
    _indexed: bool

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not self._indexed:
            index = self.lookups.get_table("lemma_index", {})
            for pos in list(index.keys()):
                if type(index[pos]) is list:
                    index[pos] = _IndexedList(index[pos])
            self._indexed = True
        memo = self._memo
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma != 0:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            token = doc[i]
            if value is None:
                value = self.lemmatize(token)[0]
                if pos != 0:  # the stock component warns about an untagged token each time: no memo
                    if len(memo) >= MEMO_LIMIT:
                        memo.clear()
                    memo[key] = value
            token.lemma_ = value
        return doc


def speed_up(nlp: Language) -> list[str]:
    """Swap the stock attribute ruler and rule lemmatizer of ``nlp`` for the faster equivalents above,
    and put the faster decoders of ``nlp/decoding.py`` in front of its parser and entity recognizer, where
    they are exactly the stock components; the names of those swapped (or fronted)."""
    swapped = []
    for name, component in list(nlp.pipeline):
        if type(component) in (DependencyParser, EntityRecognizer) and decode_faster(nlp, name):
            swapped.append(name)
        elif type(component) is AttributeRuler:
            try:
                rules = _Rules(component)
            except Unsupported:
                continue
            component.__class__ = FastAttributeRuler
            component._rules = rules  # type: ignore[attr-defined]
            swapped.append(name)
        elif isinstance(component, EnglishLemmatizer) and type(component) is EnglishLemmatizer \
                and component.mode == "rule" and not component.overwrite:
            component.__class__ = FastLemmatizer
            component._memo = {}  # type: ignore[attr-defined]
            component._indexed = False  # type: ignore[attr-defined]
            swapped.append(name)
    memoise_embeddings(nlp)
    return swapped
