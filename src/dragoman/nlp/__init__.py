"""The spaCy layer: model choice and loading. spaCy objects never leave the NLP stages."""

from dragoman.nlp.model import FALLBACK_MODEL, PREFERRED_MODELS, load_model

__all__ = ["FALLBACK_MODEL", "PREFERRED_MODELS", "load_model"]
