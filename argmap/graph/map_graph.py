"""One map as a networkx graph.

Relations are reified as nodes of their own, as in AIF (the Argument Interchange
Format): a premise points at a ``supports`` or ``attacks`` relation node, which
points at its target.  So linked premises are several edges into one relation
node, and an undercut is an attack whose target is a relation node.

Node keys: a statement's id, and ``rel:<relation key>`` for a relation.

>>> from argmap.format.model import ArgumentMap
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

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from argmap.format.model import SUPPORT_TYPES, ArgumentMap
from argmap.graph.view import is_statement

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["REL_PREFIX", "map_elements", "map_graph", "relation_key", "support_path", "support_paths"]

REL_PREFIX = "rel:"


def relation_key(key: str) -> str:
    """Graph key of a relation node.

    >>> relation_key("r1"), relation_key("P3->T")
    ('rel:r1', 'rel:P3->T')
    """
    return REL_PREFIX + key


Elements = tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, dict[str, Any]]]]


def map_elements(m: ArgumentMap, spans: dict[str, tuple[int, int]] | None = None) -> Elements:
    """The nodes and edges of :func:`map_graph` as plain lists (the merge reads these directly).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> gm = load_corpus([bundled_maps_dir()]).get("enforcer")
    >>> nodes, edges = map_elements(gm.model, gm.spans)
    >>> nodes[0][0], nodes[0][1]["span"], [(u, v) for u, v, _ in edges[:2]]
    ('T', (870, 993), [('E1', 'rel:E1->P1a'), ('rel:E1->P1a', 'P1a')])
    """
    spans = spans or {}
    nodes: list[tuple[str, dict[str, Any]]] = [
        (n.id, {"role": "statement", "kind": n.kind, "text": n.text, "quote": n.quote, "claim": n.claim,
                "stance": n.effective_stance, "tags": tuple(n.tags), "span": spans.get(n.id), "map": m.id})
        for n in m.nodes]
    edges: list[tuple[str, str, dict[str, Any]]] = []
    rel_by_id = {r.id: r for r in m.relations if r.id}
    for r in m.relations:
        rk = relation_key(r.key)
        nodes.append((rk, {"role": "relation", "type": r.type, "relation": r.key, "note": r.note, "map": m.id,
                           "target": r.target, "sources": r.sources}))  # the model's own list: no copy
        for s in r.sources:
            edges.append((s, rk, {"role": "premise", "type": r.type, "map": m.id}))
        target = relation_key(rel_by_id[r.target].key) if r.target in rel_by_id else r.target
        edges.append((rk, target, {"role": "conclusion", "type": r.type, "map": m.id}))
    return nodes, edges


def map_graph(m: ArgumentMap, spans: dict[str, tuple[int, int]] | None = None) -> nx.DiGraph:
    """The map as a DiGraph: statements and reified relations (see module doc).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> gm = load_corpus([bundled_maps_dir()]).get("enforcer")
    >>> g = map_graph(gm.model, gm.spans)
    >>> g.graph["map"], g.nodes["P1"]["span"], g.nodes["rel:r1"]["type"]
    ('enforcer', (132, 217), 'supports')
    """
    import networkx as nx

    nodes, edges = map_elements(m, spans)
    g = nx.DiGraph(map=m.id, title=m.title)
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g


def support_paths(g: nx.DiGraph, target: Any, types: tuple[str, ...] = SUPPORT_TYPES) -> Callable[[Any], list[Any] | None]:
    """The shortest chain of statements from any node to ``target`` through relations of ``types``, as a function.

    One backward breadth-first search from ``target`` (linear in the graph) records each node's distance;
    each path is then read off in the time of its length, walking to the first successor one step closer.
    The function returns None for a node with no chain.

    >>> from argmap.format.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
    ...     "nodes": [{"id": i, "kind": k, "text": i, "quote": "q"}
    ...               for i, k in [("T", "thesis"), ("C", "conclusion"), ("P", "premise"), ("O", "objection")]],
    ...     "relations": ["P -> C", "C -> T", "O -| P"]})
    >>> to_thesis = support_paths(map_graph(m), "T")
    >>> to_thesis("P"), to_thesis("O"), support_paths(map_graph(m), "T", ("supports", "attacks"))("O")
    (['P', 'C', 'T'], None, ['O', 'P', 'C', 'T'])
    """
    from collections import deque

    def allowed(key: Any) -> bool:
        d = g.nodes[key]
        return bool(d.get("role") == "statement" or d.get("type") in types)

    dist: dict[Any, int] = {}
    if target in g and allowed(target):
        dist[target] = 0
        queue = deque([target])
        while queue:
            key = queue.popleft()
            for before in g.predecessors(key):
                if before not in dist and allowed(before):
                    dist[before] = dist[key] + 1
                    queue.append(before)

    def path(source: Any) -> list[Any] | None:
        if source not in dist:
            return None
        chain = [source]
        while chain[-1] != target:
            step = dist[chain[-1]] - 1
            chain.append(next(k for k in g.successors(chain[-1]) if dist.get(k) == step))
        return [k for k in chain if is_statement(g, k)]

    return path


def support_path(g: nx.DiGraph, source: Any, target: Any, types: tuple[str, ...] = SUPPORT_TYPES) -> list[Any] | None:
    """Shortest chain of statements from ``source`` to ``target`` through relations of ``types``.

    By default support of either kind (``supports``, ``example``).  Relation nodes are left out of the
    returned path.  None if there is no chain.  For many sources and one target, :func:`support_paths`
    searches the graph once.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> gm = load_corpus([bundled_maps_dir()]).get("enforcer")
    >>> support_path(map_graph(gm.model), "E1", "T"), support_path(map_graph(gm.model), "O1", "T")
    (['E1', 'P1a', 'T'], None)
    """
    return support_paths(g, target, types)(source)
