"""``/shared-premises``, ``/shared-claims`` and ``/compare``: the CLI's ``shared`` and ``compare`` over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from argmap.queries.results import Comparison, SharedClaims, SharedPremises, TopicComparison

from ..deps import ChosenDep, SnapshotDep
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


@router.get("/compare", response_model=Comparison | TopicComparison, responses={**CACHED, **problems(404, 422)},
            openapi_extra=IF_NONE_MATCH, summary="Compare two maps, or a whole topic of three or more")
async def compare(snapshot: SnapshotDep, ids: ChosenDep,
                  topic: Annotated[bool, Query(description="the topic report even for two maps")] = False) -> Response:
    """For two maps (``left`` and ``right``, or ``maps`` twice): agreements, contradictions (``disagreements``:
    opposite stances, or divergent conclusions), claims the maps answer differently or are in tension on
    (``differences``, with the registry's ``how``), what each map claims alone, and how each shared claim reaches
    each thesis, as ``argmap compare A B --json``.  For three or more (``maps=a&maps=b&maps=c``), or with
    ``topic=true``: each essay's stance on the topic question, the grid of shared claims by essay, the objections
    each leaves unanswered and the claims only one makes, as ``argmap compare A B C --json``.

    Fewer than two different maps, or ``left``/``right`` together with ``maps``, is a 422.
    """
    corpus = snapshot.corpus
    as_topic = topic or len(ids) > 2

    def compute() -> bytes:
        if as_topic:
            from argmap.queries.topic import compare_topic

            return compare_topic(corpus, ids).model_dump_json().encode()
        from argmap.queries.comparison import compare as run

        return run(corpus, ids[0], ids[1]).model_dump_json().encode()

    return await cached_json(snapshot, ("topic" if as_topic else "compare", *ids), compute)
