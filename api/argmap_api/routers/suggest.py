"""``GET /suggest``: the CLI's ``argmap suggest A B`` over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from argmap.suggest.align import Suggestions

from ..deps import PairDep, SnapshotDep
from ..problems import problems
from .common import CACHED, IF_NONE_MATCH, cached_json

__all__ = ["router"]

router = APIRouter(tags=["queries"])

All = Annotated[bool, Query(alias="all", description="also list pairs already bound to a common claim")]


@router.get("/suggest", response_model=Suggestions, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Statements of two maps that may state one claim")
async def suggest(snapshot: SnapshotDep, pair: PairDep, include_bound: All = False) -> Response:
    """Pairs of statements, one from each map, that may state the same proposition, best first, each with a
    score and why.  Pairs already bound to a common claim are left out unless ``all=true``.  The same result as
    ``argmap suggest A B --json``; ``left`` and ``right`` must name two different maps (422 otherwise).
    """
    corpus, a, b = snapshot.corpus, pair.left, pair.right

    def compute() -> bytes:
        from argmap.suggest.align import suggest as run

        return Suggestions(suggestions=run(corpus, a, b, include_bound=include_bound)).model_dump_json().encode()

    return await cached_json(snapshot, ("suggest", a, b, include_bound), compute)
