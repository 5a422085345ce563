"""The classroom site, from memory, when :mod:`argmap.classroom.site` is installed.

``site_files(corpus)`` (:mod:`argmap.classroom.site`) gives every page and
asset as bytes; they are built once per snapshot, at the gate shared by all
heavy work (:mod:`argmap_api.work`), and served from that dict, so no request
path ever reaches the file system.

The site lives under ``/site/`` and ``/`` redirects there.  At the root its own
pages would collide with the API: the site has ``maps/<id>.html`` and the API
``/maps/{map_id}``.  Its links are all relative, so it works under any prefix.
The routes are registered after the API's and left out of the OpenAPI schema.
Without the classroom module, ``/`` redirects to ``/docs``.

>>> content_type("index.html"), content_type("assets/site.css"), content_type("x.unknown")
('text/html; charset=utf-8', 'text/css; charset=utf-8', 'application/octet-stream')
"""

from __future__ import annotations

import importlib
import mimetypes
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.responses import RedirectResponse, Response

from argmap.corpus.load import Corpus
from argmap.errors import NotFound

from .cache import cacheable
from .deps import SnapshotDep

__all__ = ["SITE_PREFIX", "content_type", "install_site", "load_site_builder"]

SITE_PREFIX = "/site"

SiteBuilder = Callable[[Corpus], dict[str, bytes]]
_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml")


def content_type(name: str) -> str:
    """The Content-Type to serve ``name`` with (UTF-8 for text)."""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith(_TEXT) else kind


def load_site_builder() -> SiteBuilder | None:
    """``argmap.classroom.site.site_files``, or None when the classroom module is not installed."""
    try:
        module = importlib.import_module("argmap.classroom.site")
    except ImportError:
        return None
    builder: SiteBuilder | None = getattr(module, "site_files", None)
    return builder


def _bounded(build: SiteBuilder, corpus: Corpus, seconds: float | None) -> dict[str, bytes]:
    from argmap.files.limits import time_limit

    if seconds is None:
        return build(corpus)
    with time_limit(seconds, "building the site"):
        return build(corpus)


def install_site(app: FastAPI, builder: SiteBuilder | None = None, time_limit: float | None = None,
                 teacher_pages: bool = False) -> bool:
    """Serve the site under ``/site/`` (call after the API routes); True when the classroom site is available.

    ``time_limit``: seconds the site's analyses may take (the render timeout); over it the site answers 504,
    and keeps answering it for that snapshot without trying again.  ``teacher_pages``: serve the pages with
    the model answers (``teacher.html``, the teacher's handouts); without it they are 404, like any unknown page.
    """
    builder = builder or load_site_builder()
    if builder is None:

        @app.get("/", include_in_schema=False)
        async def to_docs() -> RedirectResponse:
            return RedirectResponse("/docs")

        return False
    build = builder

    @app.get("/", include_in_schema=False)
    @app.get(SITE_PREFIX, include_in_schema=False)
    async def to_site() -> RedirectResponse:
        return RedirectResponse(SITE_PREFIX + "/")

    async def files(snapshot: SnapshotDep) -> dict[str, bytes]:
        # Once per snapshot, at the heavy-work gate; concurrent first requests share the one build.
        return await snapshot.results.get(("site",), lambda: _bounded(build, snapshot.corpus, time_limit), keep=True)

    @app.get(SITE_PREFIX + "/{path:path}", include_in_schema=False)
    async def page(path: str, snapshot: SnapshotDep) -> Response:
        from argmap.classroom.site import is_teacher_page

        site = await files(snapshot)
        name = path + "index.html" if path == "" or path.endswith("/") else path
        body = site.get(name) if teacher_pages or not is_teacher_page(name) else None
        if body is None:
            raise NotFound("page", path or "index.html", [k for k in site if teacher_pages or not is_teacher_page(k)])
        return cacheable(body, content_type(name))  # cacheable by URL, like the API's answers

    return True
