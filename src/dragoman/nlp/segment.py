"""A pipeline component that starts a sentence after every line break.

Headings, list items and datelines end without a full stop; without this the parser glues them to the
next sentence ("Goals of the Visit Tehran sent ..."). It runs before the parser, which keeps the starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "dragoman_line_breaks"


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        broken = "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text)
        if broken and not token.is_space:
            token.is_sent_start = True
    return doc


def add_line_breaks(nlp: Language) -> None:
    if COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(COMPONENT, before=before)
        else:
            nlp.add_pipe(COMPONENT, first=True)
