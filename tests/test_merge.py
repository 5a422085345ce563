"""The merge rule (argmap.graph.merge): provenance, shared claims, and order independence."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.graph.merge import claim_key, merge_maps

CLAIMS = ["c0", "c1", "c2", "c3"]
REGISTRY = ClaimRegistry.model_validate({"claims": [{"id": c, "wording": c.upper()} for c in CLAIMS]})
KINDS = ["premise", "evidence", "objection", "assumption", "conclusion"]


@st.composite
def maps(draw: Any, map_id: str) -> ArgumentMap:
    """A valid map: a thesis, then nodes that each support or attack an earlier node."""
    n = draw(st.integers(1, 7))
    nodes: list[dict[str, Any]] = [{"id": "T", "kind": "thesis", "text": f"{map_id} thesis", "quote": "q"}]
    relations = []
    for i in range(1, n):
        kind = draw(st.sampled_from(KINDS))
        node: dict[str, Any] = {"id": f"N{i}", "kind": kind, "text": f"{map_id} says {i}"}
        if kind != "assumption":
            node["quote"] = f"quote {i}"
        claim = draw(st.none() | st.sampled_from(CLAIMS))
        if claim:
            node["claim"] = claim
            node["stance"] = draw(st.sampled_from(["affirms", "denies"]))
        nodes.append(node)
        target = nodes[draw(st.integers(0, i - 1))]["id"]
        op = "-|" if kind == "objection" else "->"
        relations.append(f"N{i} {op} {target}")
    return ArgumentMap.model_validate({
        "id": map_id, "title": map_id, "source": {"path": "e.txt", "sha256": "0" * 64},
        "nodes": nodes, "relations": relations})


corpora = st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True).flatmap(
    lambda ids: st.tuples(*[maps(i) for i in ids]))


def snapshot(g: nx.DiGraph) -> tuple[list[Any], list[Any]]:
    """Nodes and edges with attributes, in iteration order: equal snapshots mean identical graphs."""
    return list(g.nodes(data=True)), list(g.edges(data=True))


@settings(max_examples=80, deadline=None)
@given(corpora, st.randoms(use_true_random=False))
def test_order_of_maps_does_not_matter(ms: tuple[ArgumentMap, ...], rnd: Any) -> None:
    shuffled = list(ms)
    rnd.shuffle(shuffled)
    assert snapshot(merge_maps(ms, REGISTRY)) == snapshot(merge_maps(shuffled, REGISTRY))


@settings(max_examples=80, deadline=None)
@given(corpora)
def test_merging_a_map_with_itself_adds_nothing(ms: tuple[ArgumentMap, ...]) -> None:
    once = merge_maps(ms, REGISTRY)
    assert snapshot(merge_maps([*ms, ms[0]], REGISTRY)) == snapshot(once)
    assert snapshot(merge_maps([ms[0], ms[0]], REGISTRY)) == snapshot(merge_maps([ms[0]], REGISTRY))


@settings(max_examples=80, deadline=None)
@given(corpora)
def test_node_count_is_sum_minus_merged_duplicates(ms: tuple[ArgumentMap, ...]) -> None:
    g = merge_maps(ms, REGISTRY)
    statements = [k for k, d in g.nodes(data=True) if d["role"] == "statement"]
    bound = Counter(n.claim for m in ms for n in m.nodes if n.claim)
    duplicates = sum(count - 1 for count in bound.values())
    assert len(statements) == sum(len(m.nodes) for m in ms) - duplicates
    relations = [k for k, d in g.nodes(data=True) if d["role"] == "relation"]
    assert len(relations) == sum(len({r.key for r in m.relations}) for m in ms)


@settings(max_examples=80, deadline=None)
@given(corpora)
def test_every_node_keeps_its_provenance(ms: tuple[ArgumentMap, ...]) -> None:
    g = merge_maps(ms, REGISTRY)
    seen = Counter((x["map"], x["node"]) for _, d in g.nodes(data=True) for x in d.get("mentions", ()))
    assert seen == Counter((m.id, n.id) for m in ms for n in m.nodes)
    for m in ms:
        for n in m.nodes:
            key = claim_key(n.claim) if n.claim else f"{m.id}:{n.id}"
            mention = next(x for x in g.nodes[key]["mentions"] if (x["map"], x["node"]) == (m.id, n.id))
            assert (mention["text"], mention["quote"], mention["kind"]) == (n.text, n.quote, n.kind)
            assert m.id in g.nodes[key]["maps"]


def test_shared_claims_merge_and_local_ids_stay_distinct(mini: Any) -> None:
    g = merge_maps([gm.model for gm in mini.maps.values()], mini.registry)
    assert {"alpha:T", "beta:T"} <= set(g.nodes)  # both maps have a node T
    silent = g.nodes["claim:silent"]
    assert silent["maps"] == ("alpha", "beta")
    assert [x["quote"] for x in silent["mentions"]] == [
        "The Kremlin said nothing after the strikes.", "Moscow stayed silent when the missiles fell."]
    assert g.nodes["claim:china-spoke"]["contested"] is True
    assert g.nodes["claim:silent"]["contested"] is False
    # each relation keeps its map: the edges into beta's thesis come from beta's relations only
    assert {g.nodes[u]["map"] for u in g.predecessors("beta:T")} == {"beta"}


def test_two_different_maps_with_one_id_are_an_error() -> None:
    m1 = ArgumentMap.model_validate({"id": "x", "title": "one", "source": {"path": "e", "sha256": "0" * 64},
                                     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"}]})
    m2 = m1.model_copy(update={"title": "two"})
    with pytest.raises(ArgmapError, match="two different maps share the id 'x'"):
        merge_maps([m1, m2], REGISTRY)
