"""A typed reading of the graphs' node attributes: the one place that knows how a networkx node says what it is.

Both a map's graph (:func:`argmap.graph.map_graph.map_graph`) and the merged graph
(:func:`argmap.graph.merge.merge_maps`) reify relations as nodes, so a node is either a *statement* (a thesis,
premise, evidence… or a shared claim) or a *relation* (a support, example or attack, with its sources before it
and its target, a statement or another relation, after it).  Render, queries and the classroom ask these
functions rather than reading attribute strings.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.queries.comparison import merged_graph
>>> g = merged_graph(load_corpus([bundled_maps_dir()]))
>>> s = statement(g, "claim:russia-silent")
>>> s.claim, s.maps, s.contested
('russia-silent', ('bankruptcy', 'enforcer'), False)
>>> r = relation(g, relation_keys(g)[0])
>>> r.type in {"supports", "example", "attacks"} and all(is_statement(g, k) for k in sources(g, r.key))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "RelationNode",
    "StatementNode",
    "is_relation",
    "is_statement",
    "relation",
    "relation_keys",
    "sources",
    "statement",
    "statement_keys",
    "statements_among",
]


@dataclass(frozen=True)
class StatementNode:
    """A statement of a map, or of the merge (where a shared claim is one statement that several maps bind)."""

    key: str
    kind: str
    """The node's kind; in the merge, ``shared`` where the maps bind it as different kinds."""
    claim: str | None
    maps: tuple[str, ...]
    contested: bool
    """In the merge: the maps bind the claim with opposite stances."""
    text: str
    """The wording: the registry's for a shared claim, else the node's paraphrase."""


@dataclass(frozen=True)
class RelationNode:
    """A relation: ``type`` (supports, example, attacks) from its sources to its target."""

    key: str
    type: str
    label: str
    """The relation's id, or the key derived from its endpoints (``P1+P2->C``)."""
    map: str
    note: str | None


def is_statement(g: nx.DiGraph, key: str) -> bool:
    """Whether ``key`` is a statement (and not a relation)."""
    return bool(g.nodes[key].get("role") == "statement")


def is_relation(g: nx.DiGraph, key: str) -> bool:
    """Whether ``key`` is a relation."""
    return bool(g.nodes[key].get("role") == "relation")


def statement_keys(g: nx.DiGraph) -> list[str]:
    """The statements of ``g``, in graph order."""
    return [k for k, d in g.nodes(data=True) if d.get("role") == "statement"]


def relation_keys(g: nx.DiGraph) -> list[str]:
    """The relations of ``g``, in graph order."""
    return [k for k, d in g.nodes(data=True) if d.get("role") == "relation"]


def statements_among(g: nx.DiGraph, keys: Iterable[str]) -> list[str]:
    """The statements of ``keys``, in their order."""
    return [k for k in keys if is_statement(g, k)]


def sources(g: nx.DiGraph, rel: str) -> list[str]:
    """The statements a relation starts from (several for linked premises)."""
    return statements_among(g, g.predecessors(rel))


def statement(g: nx.DiGraph, key: str) -> StatementNode:
    """The typed statement ``key`` of a map's graph or of the merge."""
    d: dict[str, Any] = g.nodes[key]
    maps = d.get("maps") or ((d["map"],) if "map" in d else ())
    return StatementNode(key=key, kind=d["kind"], claim=d.get("claim"), maps=tuple(maps),
                         contested=bool(d.get("contested")), text=d.get("wording") or d.get("text") or "")


def relation(g: nx.DiGraph, key: str) -> RelationNode:
    """The typed relation ``key``."""
    d: dict[str, Any] = g.nodes[key]
    return RelationNode(key=key, type=d["type"], label=d["relation"], map=d["map"], note=d.get("note"))
