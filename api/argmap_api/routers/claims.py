"""``/claims``: the shared-claim registry and what each map says about a claim."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from argmap.queries.details import claim_detail

from ..deps import ClaimDep, SnapshotDep
from ..models import ClaimDetail, ClaimInfo
from ..problems import problems
from .common import CACHED, IF_NONE_MATCH, json_bytes

__all__ = ["router"]

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=list[ClaimInfo], responses=CACHED,
            openapi_extra=IF_NONE_MATCH, summary="The shared-claim registry")
async def list_claims(snapshot: SnapshotDep) -> Response:
    """Every claim of the registry, in its order, with the maps that bind a node to it."""
    return json_bytes(snapshot.bodies["claims"])


@router.get("/{claim_id}", response_model=ClaimDetail, responses={**CACHED, **problems(404)},
            openapi_extra=IF_NONE_MATCH, summary="One shared claim")
async def get_claim(claim: ClaimDep, snapshot: SnapshotDep) -> Response:
    """Each map's wording, quote, kind and stance for this claim, and whether the maps' stances differ."""
    return json_bytes(claim_detail(snapshot.corpus, claim.id).model_dump_json().encode())
