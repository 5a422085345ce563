"""Request dependencies as named ``Annotated`` aliases, so each lookup (and its 404) lives in one place.

A route that names ``MapDep`` gets the loaded map or the request ends with a
problem+json 404 naming the id.  Ids are only ever looked up among the loaded
maps and claims; they never become file paths.  ``SnapshotDep`` is the snapshot
that :class:`argmap_api.cache.SnapshotMiddleware` took when the request arrived,
so every lookup in one request sees the same maps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError

from argmap.checks.grounded import GroundedMap
from argmap.corpus.pairs import comparison_ids, require_pair
from argmap.errors import InvalidRequest, NotFound
from argmap.format.registry import Claim

from .settings import Settings
from .snapshot import Snapshot
from .store import Store
from .svg_cache import Renderer

__all__ = [
    "ChosenDep",
    "ClaimDep",
    "Left",
    "MapDep",
    "Pair",
    "PairDep",
    "RendererDep",
    "Right",
    "SettingsDep",
    "SnapshotDep",
    "StoreDep",
    "known_query",
]


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_renderer(request: Request) -> Renderer:
    renderer: Renderer = request.app.state.renderer
    return renderer


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
RendererDep = Annotated[Renderer, Depends(get_renderer)]


async def get_snapshot(request: Request, store: StoreDep) -> Snapshot:
    """The snapshot this request works on: the one the snapshot middleware pinned at its start."""
    pinned: Snapshot | None = getattr(request.state, "snapshot", None)
    return pinned if pinned is not None else store.snapshot


SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]


async def get_map(
    map_id: Annotated[str, PathParam(description="the id of a loaded map", examples=["bankruptcy"])],
    snapshot: SnapshotDep,
) -> GroundedMap:
    """The loaded map ``map_id``, or 404."""
    return snapshot.corpus.get(map_id)


MapDep = Annotated[GroundedMap, Depends(get_map)]


async def get_claim(
    claim_id: Annotated[str, PathParam(description="the id of a claim in the registry", examples=["russia-silent"])],
    snapshot: SnapshotDep,
) -> Claim:
    """The registry's claim ``claim_id``, or 404."""
    claim = snapshot.corpus.registry.get(claim_id)
    if claim is None:
        raise NotFound("claim", claim_id, [c.id for c in snapshot.corpus.registry.claims])
    return claim


ClaimDep = Annotated[Claim, Depends(get_claim)]

Left = Annotated[str, Query(description="the first map's id", examples=["bankruptcy"])]
Right = Annotated[str, Query(description="the second map's id (a different map)", examples=["enforcer"])]


@dataclass(frozen=True)
class Pair:
    """Two different loaded maps, by their ids, in the order the request gave them."""

    left: str
    right: str


async def get_pair(left: Left, right: Right, snapshot: SnapshotDep) -> Pair:
    """The maps ``left`` and ``right``: 404 for an unknown id, 422 for one map named twice (the library's rule)."""
    corpus = snapshot.corpus
    pair = Pair(corpus.get(left).id, corpus.get(right).id)
    require_pair(pair.left, pair.right)
    return pair


PairDep = Annotated[Pair, Depends(get_pair)]


Maps = Annotated[list[str] | None, Query(description="two or more map ids, in order (repeat the parameter); "
                                                     "instead of left and right", examples=[["bankruptcy", "enforcer"]])]
OptLeft = Annotated[str | None, Query(description="the first map's id (with right)", examples=["bankruptcy"])]
OptRight = Annotated[str | None, Query(description="the second map's id, a different map (with left)",
                                       examples=["enforcer"])]


async def get_chosen(snapshot: SnapshotDep, left: OptLeft = None, right: OptRight = None,
                     maps: Maps = None) -> list[str]:
    """The maps a comparison takes, in order: ``left`` and ``right``, or ``maps`` (two or more).  404 for an unknown
    id; 422 for both forms at once, or fewer than two different maps (the library's rule)."""
    corpus = snapshot.corpus
    if maps:
        if left is not None or right is not None:
            raise InvalidRequest("a comparison needs two different maps, given as left and right or as maps, not both")
        return comparison_ids(corpus, maps)
    if left is None or right is None:
        missing = " and ".join(n for n, v in (("left", left), ("right", right)) if v is None)
        raise InvalidRequest(f"a comparison needs two different maps, given as left and right or as maps: "
                             f"{missing} missing")
    pair = [corpus.get(left).id, corpus.get(right).id]
    require_pair(*pair)
    return pair


ChosenDep = Annotated[list[str], Depends(get_chosen)]


def _query_names(dependant: Any) -> set[str]:
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def known_query(request: Request) -> None:
    """422 for a query parameter the route does not take: a misspelt option is refused, never ignored."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        takes = ", ".join(sorted(known)) or "none"
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ("query", k), "input": request.query_params[k],
                                       "msg": f"unknown query parameter; this route takes: {takes}"}
                                      for k in unknown])
