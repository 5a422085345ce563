"""Small helpers shared by the routers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Any

from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..store import Snapshot

__all__ = ["CACHED", "IF_NONE_MATCH", "JSON", "cached_json", "json_bytes"]

JSON = "application/json"
CACHED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the If-None-Match ETag still matches."}}
"""The ``responses=`` entry of a cached route (answered by :mod:`argmap_api.cache`)."""
IF_NONE_MATCH: dict[str, Any] = {"parameters": [{
    "name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"},
    "description": "an ETag from an earlier answer; 304 when it still matches"}]}
"""The ``openapi_extra=`` of a cached route: the header the snapshot middleware reads."""


def json_bytes(body: bytes) -> Response:
    """A 200 answer for an already-serialized JSON body (the route's ``response_model`` documents it).

    Its strong ETag (the body's sha256) marks it as a pure function of the snapshot and the URL, so the
    snapshot middleware caches it and answers ``If-None-Match`` for it.
    """
    etag = f'"{hashlib.sha256(body).hexdigest()}"'
    return Response(body, media_type=JSON, headers={"ETag": etag, "Cache-Control": "no-cache"})


async def cached_json(snapshot: Snapshot, key: tuple[Hashable, ...], compute: Callable[[], bytes]) -> Response:
    """The JSON body cached under ``key`` in ``snapshot``, computed in a worker thread on a miss."""
    body = snapshot.memo.get(key)
    if not isinstance(body, bytes):
        body = await run_in_threadpool(compute)
        snapshot.memo.put(key, body)
    return json_bytes(body)
