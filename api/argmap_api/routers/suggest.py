"""``GET /suggest``: the CLI's ``argmap suggest A B`` (pairs) and ``argmap suggest A B C ...`` (groups) over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from argmap.suggest.results import SuggestedGroups, Suggestions

from ..deps import ChosenDep, SnapshotDep
from ..problems import problems
from .common import CACHED, IF_NONE_MATCH, cached_json

__all__ = ["router"]

router = APIRouter(tags=["queries"])

All = Annotated[bool, Query(alias="all", description="also list pairs (groups) already bound to a common claim")]
Groups = Annotated[bool, Query(description="groups of statements even for two maps")]


@router.get("/suggest", response_model=Suggestions | SuggestedGroups, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Statements of two or more maps that may state one claim")
async def suggest(snapshot: SnapshotDep, ids: ChosenDep, include_bound: All = False, groups: Groups = False
                  ) -> Response:
    """For two maps (``left`` and ``right``, or ``maps`` twice): pairs of statements, one from each map, that may
    state the same proposition, best first, each with a score and why, as ``argmap suggest A B --json``.  For three
    or more (``maps=a&maps=b&maps=c``), or with ``groups=true``: groups of statements, at most one per map, as
    ``argmap suggest A B C --json``.  Pairs (groups) already bound to a common claim are left out unless
    ``all=true``.  Fewer than two different maps is a 422.
    """
    corpus = snapshot.corpus
    as_groups = groups or len(ids) > 2

    def compute() -> bytes:
        if as_groups:
            from argmap.suggest.groups import suggest_groups

            found = suggest_groups(corpus, ids, include_bound=include_bound)
            return SuggestedGroups(maps=ids, groups=found).model_dump_json().encode()
        from argmap.suggest.align import suggest as run

        pairs = run(corpus, ids[0], ids[1], include_bound=include_bound)
        return Suggestions(suggestions=pairs).model_dump_json().encode()

    return await cached_json(snapshot, ("suggest-groups" if as_groups else "suggest", *ids, include_bound), compute)
