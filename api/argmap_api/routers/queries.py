"""``/shared-premises``, ``/shared-claims`` and ``/compare``: the CLI's ``shared`` and ``compare`` over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from argmap.queries.results import Comparison, SharedClaims, SharedPremises

from ..deps import PairDep, SnapshotDep
from ..problems import problems
from .common import CACHED, IF_NONE_MATCH, cached_json, json_bytes

__all__ = ["router"]

router = APIRouter(tags=["queries"])

MapIds = Annotated[list[str] | None, Query(description="map ids to include (repeat the parameter); all by default",
                                           examples=[["bankruptcy", "enforcer"]])]


@router.get("/shared-premises", response_model=SharedPremises, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Premises two or more maps share")
async def shared_premises(snapshot: SnapshotDep, maps: MapIds = None) -> Response:
    """Claims that at least two of the maps use as a premise or as evidence, with each map's quote.

    The same result as ``argmap shared --premises-only --json``.
    """
    corpus = snapshot.corpus
    ids = sorted({corpus.get(m).id for m in maps}) if maps else list(corpus.maps)
    if ids == list(corpus.maps):
        return json_bytes(snapshot.bodies["shared"])

    def compute() -> bytes:
        from argmap.queries.comparison import shared_premises as run

        return run(corpus.subset(ids)).model_dump_json().encode()

    return await cached_json(snapshot, ("shared", *ids), compute)


@router.get("/shared-claims", response_model=SharedClaims, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Claims two or more maps share, of every kind")
async def shared_claims(snapshot: SnapshotDep, maps: MapIds = None) -> Response:
    """Claims that at least two of the maps bind, whatever the node's kind (the theses' claims first).

    The same result as ``argmap shared --json``.
    """
    corpus = snapshot.corpus
    ids = sorted({corpus.get(m).id for m in maps}) if maps else list(corpus.maps)

    def compute() -> bytes:
        from argmap.queries.comparison import shared_claims as run

        return run(corpus.subset(ids)).model_dump_json().encode()

    return await cached_json(snapshot, ("shared-claims", *ids), compute)


@router.get("/compare", response_model=Comparison, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Compare two maps")
async def compare(snapshot: SnapshotDep, pair: PairDep) -> Response:
    """Agreements, contradictions (``disagreements``: opposite stances, or divergent conclusions), claims the
    maps answer differently or are in tension on (``differences``, with the registry's ``how``), what each map
    claims alone, and how each shared claim reaches each thesis.  The same result as ``argmap compare A B --json``.

    ``left`` and ``right`` must name two different maps (422 otherwise).
    """
    corpus, a, b = snapshot.corpus, pair.left, pair.right

    def compute() -> bytes:
        from argmap.queries.comparison import compare as run

        return run(corpus, a, b).model_dump_json().encode()

    return await cached_json(snapshot, ("compare", a, b), compute)
