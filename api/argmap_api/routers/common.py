"""Small helpers shared by the routers."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from fastapi.responses import Response

from ..cache import cacheable
from ..snapshot import Snapshot

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

    Cacheable by URL (:func:`argmap_api.cache.cacheable`): the snapshot middleware answers ``If-None-Match``.
    """
    return cacheable(body, JSON)


async def cached_json(snapshot: Snapshot, key: tuple[Hashable, ...], compute: Callable[[], bytes]) -> Response:
    """The JSON body for ``key`` in ``snapshot``: computed once, through the heavy-work gate, on a miss."""
    return json_bytes(await snapshot.results.get(key, compute))
