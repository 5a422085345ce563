"""``GET /suggest``: the CLI's ``argmap suggest A B`` over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from argmap.corpus.pairs import require_pair
from argmap.suggest.align import Suggestions

from ..deps import SnapshotDep
from ..problems import problems
from .common import CACHED, IF_NONE_MATCH, cached_json

__all__ = ["router"]

router = APIRouter(tags=["queries"])

Left = Annotated[str, Query(description="the first map's id", examples=["bankruptcy"])]
Right = Annotated[str, Query(description="the second map's id (a different map)", examples=["enforcer"])]
All = Annotated[bool, Query(alias="all", description="also list pairs already bound to a common claim")]


@router.get("/suggest", response_model=Suggestions, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Statements of two maps that may state one claim")
async def suggest(snapshot: SnapshotDep, left: Left, right: Right, include_bound: All = False) -> Response:
    """Pairs of statements, one from each map, that may state the same proposition, best first, each with a
    score and why.  Pairs already bound to a common claim are left out unless ``all=true``.  The same result as
    ``argmap suggest A B --json``; ``left`` and ``right`` must name two different maps (422 otherwise).
    """
    corpus = snapshot.corpus
    a, b = corpus.get(left).id, corpus.get(right).id
    require_pair(a, b)  # the library's rule: 422 before any work

    def compute() -> bytes:
        from argmap.suggest.align import suggest as run

        return Suggestions(suggestions=run(corpus, a, b, include_bound=include_bound)).model_dump_json().encode()

    return await cached_json(snapshot, ("suggest", a, b, include_bound), compute)
