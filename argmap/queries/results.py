"""Typed results of the queries: the stable JSON of the CLI's ``--json`` and of the API.

Field order is the JSON key order; lists are sorted by the query that fills them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.format.model import Kind, RelationKind, Stance
from argmap.queries.facts import AnyFact

__all__ = [
    "FROZEN",
    "Agreement",
    "CellRelation",
    "ClaimPath",
    "ClaimRelation",
    "Comparison",
    "Difference",
    "Disagreement",
    "MapSummary",
    "Mention",
    "SharedClaim",
    "SharedClaims",
    "SharedPremises",
    "TopicCell",
    "TopicComparison",
    "TopicNode",
    "TopicRow",
    "TopicStance",
    "UnansweredObjection",
    "UniqueClaim",
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
    facts: dict[str, list[AnyFact]] = Field(default_factory=dict, description="per section of the report, the "
                                             "checked facts its items state, each with its grounds")


ClaimRelation = Literal["agree", "contradict", "differ", "tension"]
"""How the essays relate on a claim: the registry's ``relation``, or inferred from the stances."""
CellRelation = Literal["affirms", "denies", "affirms-and-denies", "differs", "absent"]
"""One essay's relation to a claim in the topic grid."""


class TopicCell(BaseModel):
    """One essay's relation to one claim, with the nodes it binds to it (none when ``absent``)."""

    model_config = FROZEN
    map: str
    relation: CellRelation
    mentions: list[Mention]


class TopicRow(BaseModel):
    """A claim two or more of the essays make, with each essay's relation to it (one cell per map, in order)."""

    model_config = FROZEN
    claim: str
    wording: str
    relation: ClaimRelation
    how: str | None = Field(description="the registry's account of how the essays relate on it, when given")
    essays: int = Field(description="how many of the essays make the claim")
    cells: list[TopicCell]
    theses: list[str] = Field(description="the maps whose thesis is bound to this claim")


class TopicStance(BaseModel):
    """An essay's stance on the topic question, and the node (and quote) that takes it."""

    model_config = FROZEN
    map: str
    claim: str | None
    stance: Literal["affirms", "denies", "none"]
    node: str | None
    quote: str | None


class UnansweredObjection(BaseModel):
    """An objection that map ``by`` raises (node ``node``) against claim ``claim`` taken with ``stance``, which
    ``map`` also takes and never answers (it does not bind the objection's claim)."""

    model_config = FROZEN
    map: str
    claim: str
    stance: Stance
    by: str
    node: str
    text: str
    quote: str | None
    objection_claim: str | None


class UniqueClaim(BaseModel):
    """A registry claim that only one of the essays makes."""

    model_config = FROZEN
    claim: str
    wording: str
    map: str
    mentions: list[Mention]


class TopicNode(BaseModel):
    """A statement of one map bound to no claim: what the map says in its own words only."""

    model_config = FROZEN
    map: str
    node: str
    kind: Kind
    text: str
    quote: str | None


class TopicComparison(BaseModel):
    """Two or more essays compared claim by claim (``argmap compare A B C ... --json``)."""

    model_config = FROZEN
    maps: list[MapSummary]
    topic: str | None = Field(description="the claim the most theses bind: the topic question")
    topic_wording: str | None
    stances: list[TopicStance]
    rows: list[TopicRow]
    unanswered: list[UnansweredObjection]
    unique_claims: list[UniqueClaim]
    unbound: list[TopicNode]
    facts: dict[str, list[AnyFact]] = Field(default_factory=dict, description="per section of the report, the "
                                             "checked facts its sentences state, each with its grounds")
