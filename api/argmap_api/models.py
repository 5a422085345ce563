"""Response models of the HTTP API that the library's results do not already give.

The query results (``SharedPremises``, ``Comparison``, ``Mention``) come from
:mod:`argmap.queries.results`, one node or claim in detail (``NodeDetail``, ``ClaimDetail``)
from :mod:`argmap.queries.details`, the map itself from :mod:`argmap.format.model`; these are the
API's own views.  Field order is the JSON key order.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from argmap.errors import Diagnostic
from argmap.queries.details import ClaimDetail, NodeDetail, RelationRef
from argmap.queries.results import FROZEN

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

Span = tuple[int, int]


class NodeCounts(BaseModel):
    """How many nodes of each kind a map has."""

    model_config = FROZEN
    thesis: int
    premise: int
    conclusion: int
    evidence: int
    objection: int
    assumption: int
    total: int


class MapListItem(BaseModel):
    """One loaded map, as ``GET /maps`` lists it."""

    model_config = FROZEN
    id: str
    title: str
    author: str | None
    publication: str | None
    date: str | None
    thesis: str = Field(description="the thesis node's paraphrase")
    nodes: NodeCounts
    relations: int


class ClaimInfo(BaseModel):
    """A shared claim of the registry and the maps that bind a node to it."""

    model_config = FROZEN
    id: str
    wording: str
    description: str | None
    maps: list[str]


class DiagnosticOut(BaseModel):
    """A located problem: file, 1-based line and column, message and hint."""

    model_config = FROZEN
    path: str
    line: int
    column: int
    severity: Literal["error", "warning"]
    message: str
    hint: str | None

    @classmethod
    def of(cls, d: Diagnostic) -> DiagnosticOut:
        """The JSON form of a library :class:`~argmap.errors.Diagnostic` (its :meth:`~argmap.errors.Diagnostic.to_dict`)."""
        return cls.model_validate(d.to_dict())


class ValidationReport(BaseModel):
    """The verdict of ``POST /validate`` on one map."""

    model_config = FROZEN
    valid: bool
    map: str | None = Field(description="the map's id, when it could be read")
    errors: list[DiagnosticOut]
    warnings: list[DiagnosticOut]
    omitted: int = Field(default=0, ge=0, description="how many more diagnostics there were than the answer lists "
                                                      "(errors first, then warnings, up to the service's cap)")


class ReloadErrorOut(BaseModel):
    """Why the last reload of the maps failed; the previous maps stay in service."""

    model_config = FROZEN
    at: str = Field(description="when the reload was tried, ISO 8601 UTC")
    message: str
    diagnostics: list[DiagnosticOut]


class Health(BaseModel):
    """Liveness and what is loaded."""

    model_config = FROZEN
    ok: bool = Field(description="false when the last reload failed (the last good maps are still served)")
    maps: int = Field(description="how many maps are loaded")
    map_ids: list[str]
    snapshot: str = Field(description="content hash of the loaded maps, registry and essays")
    loaded_at: str | None = Field(description="when the maps in service were loaded, ISO 8601 UTC")
    last_reload_error: ReloadErrorOut | None
    warnings: list[DiagnosticOut] = Field(default_factory=list, description=(
        "files skipped at the last load (not a plain file, or a symlink leaving the maps folder) and maps whose "
        "file has disappeared; they do not make ok false"))


class Version(BaseModel):
    """The service's name and version (a trivial route)."""

    model_config = FROZEN
    name: str
    version: str
