"""Is a document English? Decided by py3langid's language model (trained on 97 languages; small, offline,
maintained), on the document's first characters. A document is refused only when the model is confident
it is another language; texts too short to judge pass, and so does English dense with foreign names.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20  # shorter texts pass: too little to judge
MIN_CONFIDENCE = 0.9  # the model's normalised probability needed to call a text another language
SAMPLE = 5000  # characters judged


@cache
def _identifier() -> Any:
    """py3langid's model, loaded once per process on first use (about 0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_problem(text: str) -> str | None:
    """Why ``text`` is not English, or None when it is (or is too short to tell)."""
    sample = text[:SAMPLE]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    language, probability = _identifier().classify(sample)
    if language == "en" or probability < MIN_CONFIDENCE:
        return None
    return f"not English (the language model reads {language}, p={probability:.2f})"
