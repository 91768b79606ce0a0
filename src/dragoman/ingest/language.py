"""Is a document English? A light heuristic, no model: the share of running words that are common
English function words (about 40-50% in English prose, under 10% in French, German or Spanish), and
the share of letters in the Latin script. Texts too short to judge pass.
"""

from __future__ import annotations

import re

_ENGLISH = frozenset("""
a about after against all also an and are as at be been but by can could did do does for from had has
have he her his i if in into is it its may more most no not of on or our over said says she should so
than that the their them then there these they this those to under was we were what when which while
who will with would you
""".split())  # noqa: SIM905 (a word list reads better as text)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20
MIN_SHARE = 0.15


def language_problem(text: str) -> str | None:
    """Why ``text`` does not look English, or None when it does (or is too short to tell)."""
    words = _WORD.findall(text[:20000])
    if len(words) < MIN_WORDS:
        return None
    letters = "".join(words)
    latin = sum(1 for c in letters if c < "\u0250")  # Basic Latin to Latin Extended-B
    if latin < 0.5 * len(letters):
        return "not English (mostly non-Latin script)"
    share = sum(1 for w in words if w.lower() in _ENGLISH) / len(words)
    if share < MIN_SHARE:
        return f"not English ({share:.0%} common English words)"
    return None
