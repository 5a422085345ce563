"""Merging N maps into one graph over the shared-claim registry.

The merge rule
--------------
* A statement bound to a shared claim (``claim: X``) becomes the node
  ``claim:X``; every map's node bound to ``X`` lands on that one node.
* Any other statement stays the map's own: ``<map id>:<node id>``, so equal
  ids in different maps never collide.
* Relations always belong to their map: ``<map id>:rel:<relation key>``.  Their
  edges therefore keep their provenance even when both ends are shared claims.
* Provenance: every merged node carries ``maps`` (sorted map ids) and
  ``mentions``, one entry per contributing map node with that map's own
  kind, wording, quote, span and stance, sorted by (map, node).  Nothing is
  overwritten, so the result does not depend on the order of the maps.
* A statement two or more maps share carries ``relation``, how the maps relate
  on it (:func:`argmap.format.relations.claim_relation`: agree, contradict,
  differ or tension), and ``contested``, true only for a contradiction; a
  statement of one map has ``relation`` None.
* Merging a map with itself, or twice, adds nothing; two *different* maps
  with one id are an error.

>>> from argmap.format.model import ArgumentMap
>>> from argmap.format.registry import ClaimRegistry
>>> def mk(mid, claim):
...     return ArgumentMap.model_validate({
...         "id": mid, "title": mid, "source": {"path": "e.txt", "sha256": "0" * 64},
...         "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
...                   {"id": "P", "kind": "premise", "text": mid, "quote": "q", "claim": claim}],
...         "relations": ["P -> T"]})
>>> reg = ClaimRegistry.model_validate({"claims": [{"id": "c", "wording": "C"}]})
>>> g = merge_maps([mk("a", "c"), mk("b", "c")], reg)
>>> sorted(k for k, d in g.nodes(data=True) if d["role"] == "statement")
['a:T', 'b:T', 'claim:c']
>>> g.nodes["claim:c"]["maps"]
('a', 'b')
>>> [m["text"] for m in g.nodes["claim:c"]["mentions"]]
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from argmap.checks.grounded import Span
from argmap.errors import ArgmapError
from argmap.files.limits import gc_paused
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.format.relations import claim_relation
from argmap.graph.map_graph import REL_PREFIX, map_elements

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["CLAIM_PREFIX", "claim_key", "merge_maps", "merged_key"]

CLAIM_PREFIX = "claim:"


def claim_key(claim_id: str) -> str:
    """Merged-graph key of a shared claim.

    >>> claim_key("russia-silent")
    'claim:russia-silent'
    """
    return CLAIM_PREFIX + claim_id


def merged_key(map_id: str, node_key: str, claim: str | None) -> str:
    """Merged-graph key of a map's node (statement or relation): a node bound to a claim becomes the claim's.

    >>> merged_key("enforcer", "P1", None), merged_key("enforcer", "P1", "russia-silent")
    ('enforcer:P1', 'claim:russia-silent')
    >>> merged_key("enforcer", "rel:r1", "russia-silent")
    'enforcer:rel:r1'
    """
    if claim is not None and not node_key.startswith(REL_PREFIX):
        return claim_key(claim)
    return f"{map_id}:{node_key}"


def merge_maps(
    maps: Sequence[ArgumentMap],
    registry: ClaimRegistry,
    spans: Mapping[str, Mapping[str, Span]] | None = None,
) -> nx.DiGraph:
    """Merge ``maps`` into one DiGraph by the rule in this module's docstring.

    ``spans`` gives, per map id, each node's quote span for the provenance.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> g = merge_maps([gm.model for gm in corpus.maps.values()], corpus.registry)
    >>> g.graph["maps"], g.nodes["claim:russia-silent"]["kind"], g.nodes["claim:russia-silent"]["wording"]
    (('bankruptcy', 'enforcer'), 'premise', "Russia said almost nothing about Israel's strikes on Iran.")
    >>> sorted(k for k, d in g.nodes(data=True) if d.get("contested"))  # no claim the two contradict each other on
    []
    """
    with gc_paused():
        return _merge(maps, registry, spans)


def _merge(
    maps: Sequence[ArgumentMap],
    registry: ClaimRegistry,
    spans: Mapping[str, Mapping[str, Span]] | None,
) -> nx.DiGraph:
    import networkx as nx

    unique: dict[str, ArgumentMap] = {}
    for m in maps:
        if m.id in unique and unique[m.id] != m:
            raise ArgmapError(f"two different maps share the id '{m.id}'")
        unique[m.id] = m
    wordings = {c.id: c.wording for c in registry.claims}
    merged = nx.DiGraph(maps=tuple(sorted(unique)))
    mentions: dict[str, list[dict[str, Any]]] = {}
    for map_id in sorted(unique):
        nodes, edges = map_elements(unique[map_id], dict((spans or {}).get(map_id, {})))
        keys = {k: merged_key(map_id, k, d.get("claim")) for k, d in nodes}
        for k, d in nodes:
            key = keys[k]
            if d["role"] == "relation":
                merged.add_node(key, **d, maps=(map_id,))
                continue
            mention = {"map": map_id, "node": k, "kind": d["kind"], "text": d["text"], "quote": d["quote"],
                       "span": d["span"], "stance": d["stance"], "tags": d["tags"]}
            mentions.setdefault(key, []).append(mention)
            if key not in merged:
                merged.add_node(key, role="statement", claim=d["claim"],
                                wording=wordings.get(d["claim"]) if d["claim"] else d["text"])
        merged.add_edges_from((keys[u], keys[v], d) for u, v, d in edges)
    for key, items in mentions.items():
        items.sort(key=lambda x: (x["map"], x["node"]))
        node = merged.nodes[key]
        node["mentions"] = tuple(items)
        node["maps"] = tuple(sorted({x["map"] for x in items}))
        kinds = {x["kind"] for x in items}
        node["kind"] = items[0]["kind"] if len(kinds) == 1 else "shared"
        stances: dict[str, set[str]] = {}
        for x in items:
            if x["stance"]:
                stances.setdefault(x["map"], set()).add(x["stance"])
        node["relation"] = claim_relation(registry.get(node["claim"]) if node["claim"] else None,
                                          stances) if len(node["maps"]) > 1 else None  # type: ignore[arg-type]
        node["contested"] = node["relation"] == "contradict"
    return merged
