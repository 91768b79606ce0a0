"""Where: the gazetteer and each event's place."""

from dragoman.places.resolve import PlaceResolver

__all__ = ["PlaceResolver"]
