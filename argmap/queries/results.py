"""Typed results of the queries: the stable JSON of the CLI's ``--json`` and of the API.

Field order is the JSON key order; lists are sorted by the query that fills them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.format.model import Kind, RelationKind, Stance

__all__ = [
    "FROZEN",
    "Agreement",
    "ClaimPath",
    "Comparison",
    "Difference",
    "Disagreement",
    "MapSummary",
    "Mention",
    "SharedClaim",
    "SharedClaims",
    "SharedPremises",
    "UniqueNode",
]

FROZEN = ConfigDict(frozen=True)
"""The configuration of every result: immutable once made (the JSON of the CLI and the API is built from it)."""


class Mention(BaseModel):
    """What one map says about a claim: its node, wording, quote and stance."""

    model_config = FROZEN
    map: str
    node: str
    kind: Kind
    text: str
    quote: str | None
    span: tuple[int, int] | None = Field(description="character span [start, end) of the quote in the essay")
    stance: Stance | None


class SharedClaim(BaseModel):
    model_config = FROZEN
    claim: str
    wording: str
    maps: list[str]
    agree: bool = Field(description="true when the maps agree on it (relation 'agree')")
    relation: RelationKind = Field(default="agree", description="how the maps relate on it: agree, contradict, "
                                   "differ or tension (see docs/registry.md)")
    how: str | None = Field(default=None, description="the registry's account of how the essays relate on it")
    mentions: list[Mention]
    theses: list[str] = Field(default_factory=list, description="the maps whose thesis is bound to this claim")


class SharedPremises(BaseModel):
    """Claims that at least two of ``maps`` use as a premise or as evidence."""

    model_config = FROZEN
    maps: list[str]
    claims: list[SharedClaim]


class SharedClaims(BaseModel):
    """Claims that at least two of ``maps`` bind, whatever the node's kind; the theses' claims first."""

    model_config = FROZEN
    maps: list[str]
    claims: list[SharedClaim]


class MapSummary(BaseModel):
    model_config = FROZEN
    id: str
    title: str
    author: str | None
    thesis: str = Field(description="the thesis node's paraphrase")
    thesis_quote: str | None


class Agreement(BaseModel):
    model_config = FROZEN
    claim: str
    wording: str
    stance: Stance
    left: list[Mention]
    right: list[Mention]


class Disagreement(BaseModel):
    """A contradiction: opposite stances on a claim the registry does not call a difference or a tension, or a
    shared premise that supports, in each map, a claim the two contradict each other on."""

    model_config = FROZEN
    claim: str
    wording: str
    reason: Literal["opposite-stances", "divergent-conclusions"]
    detail: str
    left: list[Mention]
    right: list[Mention]


class Difference(BaseModel):
    """A claim both maps bind on which they differ (different answers to one question) or are in tension
    (one essay's evidence sits uneasily with the other's claim): not a contradiction."""

    model_config = FROZEN
    claim: str
    wording: str
    relation: Literal["differ", "tension"]
    how: str = Field(description="how the essays relate on it, from the registry")
    left: list[Mention]
    right: list[Mention]


class UniqueNode(BaseModel):
    """A node of one map whose proposition the other map does not make."""

    model_config = FROZEN
    node: str
    kind: Kind
    text: str
    quote: str | None
    claim: str | None


class ClaimPath(BaseModel):
    """How a shared claim reaches each thesis: node ids from the claim's node to the thesis."""

    model_config = FROZEN
    claim: str
    left: list[str] | None
    left_via: Literal["supports", "any"] | None
    right: list[str] | None
    right_via: Literal["supports", "any"] | None


class Comparison(BaseModel):
    model_config = FROZEN
    left: MapSummary
    right: MapSummary
    agreements: list[Agreement]
    disagreements: list[Disagreement] = Field(description="contradictions only")
    differences: list[Difference] = Field(default_factory=list, description="claims on which the maps differ or "
                                          "are in tension, which are not contradictions")
    unique_left: list[UniqueNode]
    unique_right: list[UniqueNode]
    paths: list[ClaimPath]
