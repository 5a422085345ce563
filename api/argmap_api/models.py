"""Response models of the HTTP API that the library's results do not already give.

The query results (``SharedPremises``, ``Comparison``, ``Mention``) come from
:mod:`argmap.results`, the map itself from :mod:`argmap.model`; these are the
API's own views.  Field order is the JSON key order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.model import Node, Stance
from argmap.results import Mention

__all__ = [
    "ClaimDetail",
    "ClaimInfo",
    "DiagnosticOut",
    "Health",
    "MapListItem",
    "NodeCounts",
    "NodeDetail",
    "RelationRef",
    "ReloadErrorOut",
    "ValidationReport",
    "Version",
]

_FROZEN = ConfigDict(frozen=True)
Span = tuple[int, int]


class NodeCounts(BaseModel):
    """How many nodes of each kind a map has."""

    model_config = _FROZEN
    thesis: int
    premise: int
    conclusion: int
    evidence: int
    objection: int
    assumption: int
    total: int


class MapListItem(BaseModel):
    """One loaded map, as ``GET /maps`` lists it."""

    model_config = _FROZEN
    id: str
    title: str
    author: str | None
    publication: str | None
    date: str | None
    thesis: str = Field(description="the thesis node's paraphrase")
    nodes: NodeCounts
    relations: int


class RelationRef(BaseModel):
    """A relation touching a node; ``from``/``to`` as in the map file."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)
    key: str = Field(description="the relation's id, or one derived from its ends, e.g. 'P1->T'")
    id: str | None
    type: Literal["supports", "example", "attacks"]
    sources: list[str] = Field(serialization_alias="from", description="the premise(s); several when linked")
    target: str = Field(serialization_alias="to", description="a node id, or a relation key for an undercut")
    undercut: bool = Field(description="true when the target is a relation rather than a node")
    note: str | None


class NodeDetail(BaseModel):
    """One node of a map with its place in the essay and in the argument."""

    model_config = _FROZEN
    map: str
    node: Node
    span: Span | None = Field(description="character span [start, end) of the quote in the essay")
    citation_spans: list[Span] = Field(description="where each citation stands in the essay")
    incoming: list[RelationRef] = Field(description="relations whose target is this node")
    outgoing: list[RelationRef] = Field(description="relations this node is a premise of")


class ClaimInfo(BaseModel):
    """A shared claim of the registry and the maps that bind a node to it."""

    model_config = _FROZEN
    id: str
    wording: str
    description: str | None
    maps: list[str]


class ClaimDetail(BaseModel):
    """What every loaded map says about one shared claim."""

    model_config = _FROZEN
    id: str
    wording: str
    description: str | None
    maps: list[str]
    stances: dict[str, list[Stance]] = Field(description="map id -> the stances its nodes take")
    contested: bool = Field(description="true when the maps' stances differ")
    mentions: list[Mention]


class DiagnosticOut(BaseModel):
    """A located problem: file, 1-based line and column, message and hint."""

    model_config = _FROZEN
    path: str
    line: int
    column: int
    severity: Literal["error", "warning"]
    message: str
    hint: str | None


class ValidationReport(BaseModel):
    """The verdict of ``POST /validate`` on one map."""

    model_config = _FROZEN
    valid: bool
    map: str | None = Field(description="the map's id, when it could be read")
    errors: list[DiagnosticOut]
    warnings: list[DiagnosticOut]


class ReloadErrorOut(BaseModel):
    """Why the last reload of the maps failed; the previous maps stay in service."""

    model_config = _FROZEN
    at: str = Field(description="when the reload was tried, ISO 8601 UTC")
    message: str
    diagnostics: list[DiagnosticOut]


class Health(BaseModel):
    """Liveness and what is loaded."""

    model_config = _FROZEN
    ok: bool = Field(description="false when the last reload failed (the last good maps are still served)")
    maps: int = Field(description="how many maps are loaded")
    map_ids: list[str]
    snapshot: str = Field(description="content hash of the loaded maps, registry and essays")
    loaded_at: str | None = Field(description="when the maps in service were loaded, ISO 8601 UTC")
    last_reload_error: ReloadErrorOut | None


class Version(BaseModel):
    """The service's name and version (a trivial route)."""

    model_config = _FROZEN
    name: str
    version: str
