"""The results of :mod:`argmap.suggest.align`, as the JSON of ``argmap suggest --json`` and ``GET /suggest`` gives them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from argmap.format.model import Kind
from argmap.queries.results import FROZEN

__all__ = ["Binding", "BindingCheck", "GroupMember", "NodeRef", "SuggestedGroup", "SuggestedGroups", "Suggestion",
           "Suggestions"]



class NodeRef(BaseModel):
    """One node of one map."""

    model_config = FROZEN
    map: str
    node: str


class Suggestion(BaseModel):
    """Two statements, one per map, that may state one proposition; ``why`` names what they share."""

    model_config = FROZEN
    left: NodeRef
    right: NodeRef
    score: float
    why: str


class Suggestions(BaseModel):
    """The JSON of ``argmap suggest --json`` and ``GET /suggest``: best first."""

    model_config = FROZEN
    suggestions: list[Suggestion]


class Binding(BaseModel):
    """Two mentions of one claim, in different maps, whose wordings look unrelated: perhaps a forced merge."""

    model_config = FROZEN
    claim: str
    left: NodeRef
    right: NodeRef
    score: float
    why: str


class BindingCheck(BaseModel):
    """The JSON of ``argmap suggest --check-registry --json``: the weakest binding first."""

    model_config = FROZEN
    bindings: list[Binding]


class GroupMember(BaseModel):
    """One statement of a suggested group: its map, node, kind, paraphrase and the claim it is bound to (if any)."""

    model_config = FROZEN
    map: str
    node: str
    kind: Kind
    text: str
    claim: str | None


class SuggestedGroup(BaseModel):
    """Statements of different maps (at most one each) that may state one proposition."""

    model_config = FROZEN
    score: float = Field(description="the average score of the group's pairs of statements")
    why: str
    claim: str | None = Field(description="the one registry claim some of the statements are bound to already")
    wording: str = Field(description="the paraphrase of the statement nearest all the others: a first wording")
    members: list[GroupMember]
    words: list[str] = Field(description="the content words most of the statements share")


class SuggestedGroups(BaseModel):
    """The JSON of ``argmap suggest A B C ... --json`` and ``GET /suggest?maps=...``: best first."""

    model_config = FROZEN
    maps: list[str]
    groups: list[SuggestedGroup]
