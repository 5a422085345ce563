"""``/maps``: the loaded maps, one map, one node."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import Response

from argmap.format.model import ArgumentMap
from argmap.queries.details import node_detail

from ..deps import MapDep, SnapshotDep
from ..models import MapListItem, NodeDetail
from ..problems import problems
from .common import CACHED, IF_NONE_MATCH, json_bytes

__all__ = ["router"]

router = APIRouter(prefix="/maps", tags=["maps"])


@router.get("", response_model=list[MapListItem], responses=CACHED,
            openapi_extra=IF_NONE_MATCH, summary="The loaded maps")
async def list_maps(snapshot: SnapshotDep) -> Response:
    """Every loaded map: id, title, author, thesis, and how many nodes of each kind it has."""
    return json_bytes(snapshot.bodies["maps"])


@router.get("/{map_id}", response_model=ArgumentMap, responses={**CACHED, **problems(404)},
            openapi_extra=IF_NONE_MATCH, summary="One whole map")
async def get_map(gm: MapDep, snapshot: SnapshotDep) -> Response:
    """The whole map, as in its YAML file (relations in their long form: ``type``, ``from``, ``to``)."""
    return json_bytes(snapshot.bodies[f"map/{gm.id}"])


@router.get("/{map_id}/nodes/{node_id}", response_model=NodeDetail, responses={**CACHED, **problems(404)},
            openapi_extra=IF_NONE_MATCH, summary="One node of a map")
async def get_node(
    gm: MapDep,
    node_id: Annotated[str, PathParam(description="a node id of that map", examples=["T"])],
) -> Response:
    """One node: its quote and that quote's character span in the essay, and its incoming and outgoing relations."""
    return json_bytes(node_detail(gm, node_id).model_dump_json(by_alias=True).encode())
