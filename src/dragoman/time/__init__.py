"""When: the document's date and each event's date."""

from dragoman.time.dates import DocumentDate, EventDater

__all__ = ["DocumentDate", "EventDater"]
