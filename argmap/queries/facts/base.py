"""What every fact is: a statement about the maps with a check against the corpus and the ids it rests on.

See :mod:`argmap.queries.facts` for the fact types and the definitions their checks use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, computed_field

from argmap.errors import ArgmapError
from argmap.format.model import ArgumentMap, Node, Relation

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["FROZEN", "SUPPORT", "Fact", "Grounds", "NodeFact", "UngroundedFact", "bound", "in_map", "map_of", "node_in",
           "relation_in", "standing", "supports_into"]

FROZEN = ConfigDict(frozen=True, extra="ignore")  # "grounds" is computed: read back, it is ignored
SUPPORT = ("supports", "example")


class UngroundedFact(ArgmapError):
    """A sentence was about to state a fact the maps do not support."""


class Grounds(BaseModel):
    """What a fact rests on: ``map:node`` ids, ``map:relation`` keys and registry claim ids."""

    model_config = FROZEN
    nodes: list[str] = Field(default_factory=list)
    relations: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)


def map_of(corpus: Corpus, map_id: str) -> ArgumentMap | None:
    found = corpus.maps.get(map_id)
    return found.model if found is not None else None


def node_in(corpus: Corpus, map_id: str, node_id: str) -> tuple[ArgumentMap, Node] | None:
    """Map ``map_id`` of ``corpus`` and its node ``node_id``; None when either is missing (a fact about a node that
    is not there is false, whatever else it says).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> m, n = node_in(corpus, "enforcer", "P1"); (m.id, n.id)
    ('enforcer', 'P1')
    >>> node_in(corpus, "enforcer", "P99"), node_in(corpus, "nowhere", "P1")
    (None, None)
    """
    m = map_of(corpus, map_id)
    n = m.node(node_id) if m is not None else None
    return (m, n) if m is not None and n is not None else None


def relation_in(m: ArgumentMap | None, key: str) -> Relation | None:
    """The relation of ``m`` whose key is ``key``; None when ``m`` is None or has no such relation."""
    return next((r for r in m.relations if r.key == key), None) if m is not None else None


def in_map(map_id: str, ids: Iterable[str]) -> list[str]:
    """``ids`` as the grounds name them, ``map:id``.

    >>> in_map("enforcer", ["P1", "T"])
    ['enforcer:P1', 'enforcer:T']
    """
    return [f"{map_id}:{x}" for x in ids]


def supports_into(m: ArgumentMap, node: str, types: Sequence[str] = SUPPORT) -> list[Relation]:
    return [r for r in m.relations if r.type in types and r.target == node]


def bound(m: ArgumentMap, claim: str) -> list[str]:
    return [n.id for n in m.nodes if n.claim == claim]


def standing(m: ArgumentMap, rejected: str | None) -> set[str]:
    """Nodes that stand with ``rejected`` rejected (see the module's definitions); relations by ``rel:<key>``."""
    from argmap.checks.defence import attacks_on, counters, defended

    thesis = m.thesis.id
    # A thesis that nothing backs but that answers an attack on it stands by that answer (its defence).
    defence = [list(c.sources) for a in attacks_on(m, thesis) for c in counters(m, a)] \
        if not supports_into(m, thesis) and defended(m, thesis) else None
    memo: dict[str, bool] = {}

    def stands(x: str, depth: int = 0) -> bool:
        if x not in memo:
            memo[x] = False  # a cycle does not hold itself up
            if x == thesis and defence is not None:
                memo[x] = x != rejected and any(all(stands(s, depth + 1) for s in c) for c in defence)
                return memo[x]
            rels = supports_into(m, x, ("supports",))
            memo[x] = x != rejected and (not rels or any(all(stands(s, depth + 1) for s in r.sources) for r in rels))
        return memo[x]

    out = {n.id for n in m.nodes if stands(n.id)}
    out |= {f"rel:{r.key}" for r in m.relations if r.type == "supports" and all(s in out for s in r.sources)}
    return out


class Fact(BaseModel):
    """A statement about the maps that :meth:`check` verifies against the corpus."""

    model_config = FROZEN

    def check(self, corpus: Corpus) -> bool:  # pragma: no cover - every fact type overrides it
        raise NotImplementedError

    def _grounds(self) -> Grounds:  # pragma: no cover - every fact type overrides it
        raise NotImplementedError

    @computed_field  # type: ignore[prop-decorator]
    @property
    def grounds(self) -> Grounds:
        """The node, relation and claim ids the fact rests on."""
        return self._grounds()

    def __str__(self) -> str:  # pragma: no cover - every fact type overrides it
        return repr(self)


class NodeFact(Fact):
    """A fact about node ``node`` of map ``map``: it rests on that node unless its type says otherwise."""

    fact: str
    map: str
    node: str

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, [self.node]))
