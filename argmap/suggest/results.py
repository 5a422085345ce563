"""The results of :mod:`argmap.suggest.align`, as the JSON of ``argmap suggest --json`` and ``GET /suggest`` gives them."""

from __future__ import annotations

from pydantic import BaseModel

from argmap.queries.results import FROZEN

__all__ = ["Binding", "BindingCheck", "NodeRef", "Suggestion", "Suggestions"]



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
