"""The results of :mod:`argmap.suggest.align`, as the JSON of ``argmap suggest --json`` and ``GET /suggest`` gives them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Binding", "BindingCheck", "NodeRef", "Suggestion", "Suggestions"]

_FROZEN = ConfigDict(frozen=True)


class NodeRef(BaseModel):
    """One node of one map."""

    model_config = _FROZEN
    map: str
    node: str


class Suggestion(BaseModel):
    """Two statements, one per map, that may state one proposition; ``why`` names what they share."""

    model_config = _FROZEN
    left: NodeRef
    right: NodeRef
    score: float
    why: str


class Suggestions(BaseModel):
    """The JSON of ``argmap suggest --json`` and ``GET /suggest``: best first."""

    model_config = _FROZEN
    suggestions: list[Suggestion]


class Binding(BaseModel):
    """Two mentions of one claim, in different maps, whose wordings look unrelated: perhaps a forced merge."""

    model_config = _FROZEN
    claim: str
    left: NodeRef
    right: NodeRef
    score: float
    why: str


class BindingCheck(BaseModel):
    """The JSON of ``argmap suggest --check-registry --json``: the weakest binding first."""

    model_config = _FROZEN
    bindings: list[Binding]
