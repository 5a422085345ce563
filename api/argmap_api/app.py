"""The app factory: ``create_app(settings)`` builds the whole service; nothing is built at import time.

>>> from argmap.corpus.load import bundled_maps_dir
>>> from argmap_api.client import asgi_get
>>> app = create_app(Settings(maps_dir=bundled_maps_dir(), reload_interval=0))
>>> status, headers, body = asgi_get(app, "/maps/enforcer")
>>> status, body[:17]
(200, b'{"id":"enforcer",')
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi_offline import FastAPIOffline

from argmap import __version__

from .body_first import BodyFirst
from .cache import SnapshotMiddleware
from .deps import known_query
from .docs import SameOriginDocs
from .head import HeadAsGet
from .hosts import HostCheck
from .problems import as_problem_json, install_handlers, problems
from .routers import ALL
from .settings import Settings
from .site import install_site
from .store import Store
from .svg_cache import Renderer
from .work import ClientTag, Gate

__all__ = ["create_app", "create_app_from_env"]

DESCRIPTION = """Query how essays argue, where they meet and where they part: the loaded argument maps, the shared-claim
registry, shared premises, comparisons and diagrams.  Errors are `application/problem+json` (RFC 9457).
The maps are reloaded when their files change; a reload that fails keeps the last good maps (see `/healthz`).
Answers about the maps carry a strong `ETag` and `Cache-Control: no-cache`: send `If-None-Match` to get 304
when nothing changed.  Clients that accept gzip get large answers gzipped."""


def create_app(settings: Settings) -> FastAPI:
    """The FastAPI app serving ``settings.maps_dir``.

    The maps load on first use (or at startup, under a server), and a background
    thread started in the lifespan reloads them when their files change.
    """
    # One limit for rendering, the site and every heavy computation, shared fairly between clients.
    gate = Gate(settings.render_concurrency, settings.client_concurrency or None, settings.render_timeout)
    store = Store(settings.maps_dir, settings.reload_interval, settings.reload_settle, settings.essay_policy, gate)
    renderer = Renderer(settings.render_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(lambda: store.snapshot)  # first load, off the event loop
        store.start()
        try:
            yield
        finally:
            store.stop()

    # /docs and /redoc from the Swagger UI and ReDoc files that fastapi-offline ships: no CDN, so they work offline.
    app = FastAPIOffline(title="argmap", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                         swagger_ui_parameters={"validatorUrl": None}, static_url="/docs-assets")
    app.state.settings = settings
    app.state.store = store
    app.state.renderer = renderer
    install_handlers(app)
    for router in ALL:  # every route refuses a query parameter it does not take (422), and documents it
        app.include_router(router, dependencies=[Depends(known_query)], responses=problems(422))
    app.add_middleware(SnapshotMiddleware, store=store)  # inside CORS, so cached answers get CORS headers too
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "If-None-Match"], expose_headers=["ETag"])
    # After the API routes, so it never shadows one.
    install_site(app, time_limit=settings.render_timeout, teacher_pages=settings.teacher_pages)
    app.add_middleware(SameOriginDocs)  # /docs and /redoc may load nothing from another host
    app.add_middleware(HeadAsGet)  # a HEAD is a GET all the way down, its body dropped on the way out
    app.add_middleware(ClientTag)  # the heavy work of each request counts against its client (see Gate)
    app.add_middleware(BodyFirst, max_bytes=settings.max_body_bytes)  # a slow body never starts a route
    if settings.allowed_hosts:  # outermost: a request for another site's name goes no further
        app.add_middleware(HostCheck, allowed=frozenset(settings.allowed_hosts))

    base_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = base_openapi()
            for component in schema.get("components", {}).get("schemas", {}).values():
                component.pop("$id", None)  # a $id would move the base URI of the $refs inside it
            as_problem_json(schema)
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def create_app_from_env() -> FastAPI:
    """``create_app`` with settings from the ``ARGMAP_*`` environment (for ``uvicorn --factory``)."""
    return create_app(Settings.from_env())
