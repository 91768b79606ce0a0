"""``dragoman serve``: a web app over the event store for analysts.

Pages (server-rendered, Jinja2) and a JSON API under ``/api/`` call the same library functions as the
CLI: ``store.browse`` for paged tables, facets and places, ``analysis`` for dyads, actors and networks,
``operations.code_documents`` for coding text. Every asset ships in the package; nothing is fetched.
"""

from dragoman.web.app import create_app
from dragoman.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
