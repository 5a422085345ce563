"""The shared-claim registry: the propositions several essays make, and how the essays relate on each.

>>> ClaimRegistry.model_validate({"claims": [{"id": "c", "wording": "It rained.", "relation": "agree"}]}).wording("c")
'It rained.'

A shared claim may say how the essays relate on it; a difference or a tension says how:

>>> Claim.model_validate({"id": "c", "wording": "W", "relation": "differ", "how": "000 says will, 001 means."}).how
'000 says will, 001 means.'
>>> Claim.model_validate({"id": "c", "wording": "W", "relation": "tension"})  # doctest: +ELLIPSIS
Traceback (most recent call last):
pydantic_core._pydantic_core.ValidationError: 1 validation error for Claim
  Value error, a claim whose relation is 'tension' needs 'how': ...
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from argmap.format.model import _STRICT, Ident, RelationKind, Text

__all__ = ["Claim", "ClaimRegistry"]


class Claim(BaseModel):
    """A proposition that several essays make, in neutral wording, and how the essays relate on it."""

    model_config = _STRICT
    id: Ident
    wording: Text
    relation: RelationKind | None = Field(
        default=None, description="how the essays relate on it: agree, contradict, differ or tension; absent: "
        "inferred from the stances of the nodes bound to it (one stance: agree; affirms and denies: contradict)")
    how: Text | None = Field(
        default=None, description="required for differ and tension: in one or two sentences, how the essays relate "
        "on it (shown to students)")
    description: Text | None = Field(default=None, description="curator's notes (for teachers, not students)")

    @model_validator(mode="after")
    def _how_rules(self) -> Claim:
        if self.relation in ("differ", "tension") and not (self.how or "").strip():
            raise ValueError(f"a claim whose relation is '{self.relation}' needs 'how': say in a sentence or two how "
                             "the essays relate on it")
        return self


class ClaimRegistry(BaseModel):
    """The shared-claim registry, ``maps/claims.yaml``."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True,
        json_schema_extra={"title": "argmap shared-claim registry"},
    )
    claims: list[Claim] = Field(default_factory=list)

    def get(self, claim_id: str) -> Claim | None:
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None

    def wording(self, claim_id: str) -> str:
        """The registry's neutral wording of ``claim_id``; the id itself for a claim it does not hold.

        >>> ClaimRegistry(claims=[Claim(id="c", wording="It rained.")]).wording("c"), ClaimRegistry().wording("x")
        ('It rained.', 'x')
        """
        found = self.get(claim_id)
        return found.wording if found else claim_id


