"""One map as a networkx graph.

Relations are reified as nodes of their own, as in AIF (the Argument Interchange
Format): a premise points at a ``supports`` or ``attacks`` relation node, which
points at its target.  So linked premises are several edges into one relation
node, and an undercut is an attack whose target is a relation node.

Node keys: a statement's id, and ``rel:<relation key>`` for a relation.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
...               {"id": "P", "kind": "premise", "text": "p", "quote": "q"},
...               {"id": "O", "kind": "objection", "text": "o", "quote": "q"}],
...     "relations": ["r1: P -> T", "O -| r1"]})
>>> g = map_graph(m)
>>> sorted(g.edges)
[('O', 'rel:O-|r1'), ('P', 'rel:r1'), ('rel:O-|r1', 'rel:r1'), ('rel:r1', 'T')]
>>> support_path(g, "P", "T")
['P', 'T']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import SUPPORT_TYPES, ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["REL_PREFIX", "map_elements", "map_graph", "relation_key", "statement_nodes", "support_path"]

REL_PREFIX = "rel:"


def relation_key(key: str) -> str:
    """Graph key of a relation node."""
    return REL_PREFIX + key


Elements = tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, dict[str, Any]]]]


def map_elements(m: ArgumentMap, spans: dict[str, tuple[int, int]] | None = None) -> Elements:
    """The nodes and edges of :func:`map_graph` as plain lists (the merge reads these directly)."""
    spans = spans or {}
    nodes: list[tuple[str, dict[str, Any]]] = [
        (n.id, {"role": "statement", "kind": n.kind, "text": n.text, "quote": n.quote, "claim": n.claim,
                "stance": n.effective_stance, "tags": tuple(n.tags), "span": spans.get(n.id), "map": m.id})
        for n in m.nodes]
    edges: list[tuple[str, str, dict[str, Any]]] = []
    rel_by_id = {r.id: r for r in m.relations if r.id}
    for r in m.relations:
        rk = relation_key(r.key)
        nodes.append((rk, {"role": "relation", "type": r.type, "relation": r.key, "note": r.note, "map": m.id}))
        for s in r.sources:
            edges.append((s, rk, {"role": "premise", "type": r.type, "map": m.id}))
        target = relation_key(rel_by_id[r.target].key) if r.target in rel_by_id else r.target
        edges.append((rk, target, {"role": "conclusion", "type": r.type, "map": m.id}))
    return nodes, edges


def map_graph(m: ArgumentMap, spans: dict[str, tuple[int, int]] | None = None) -> nx.DiGraph:
    """The map as a DiGraph: statements and reified relations (see module doc)."""
    import networkx as nx

    nodes, edges = map_elements(m, spans)
    g = nx.DiGraph(map=m.id, title=m.title)
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g


def statement_nodes(g: nx.DiGraph) -> list[Any]:
    """Keys of the statement nodes, in insertion order."""
    return [k for k, d in g.nodes(data=True) if d.get("role") == "statement"]


def support_path(g: nx.DiGraph, source: Any, target: Any, types: tuple[str, ...] = SUPPORT_TYPES) -> list[Any] | None:
    """Shortest chain of statements from ``source`` to ``target`` through relations of ``types``.

    By default support of either kind (``supports``, ``example``).

    Relation nodes are left out of the returned path.  None if there is no chain.
    """
    import networkx as nx

    allowed = [k for k, d in g.nodes(data=True) if d.get("role") == "statement" or d.get("type") in types]
    try:
        path = nx.shortest_path(g.subgraph(allowed), source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None
    return [k for k in path if g.nodes[k].get("role") == "statement"]
