"""Load-bearing premises (argmap.queries.analysis) and central shared claims (argmap.queries.centrality)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import build_corpus, node

from argmap.corpus.load import Corpus
from argmap.format.model import ArgumentMap
from argmap.queries.analysis import (
    cited_support,
    cut_off_by,
    load_bearing,
    map_structure,
    standing,
    thesis_lines,
)
from argmap.queries.centrality import shared_centrality


def amap(nodes: list[dict[str, Any]], relations: list[Any]) -> ArgumentMap:
    full = [{"quote": "q", **n} if n["kind"] != "assumption" else n for n in nodes]
    return ArgumentMap.model_validate({"id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
                                       "nodes": full, "relations": relations})


def n(ident: str, kind: str = "premise", **extra: Any) -> dict[str, Any]:
    return {"id": ident, "kind": kind, "text": ident, **extra}


def test_rejecting_one_premise_of_a_linked_pair_breaks_the_pair() -> None:
    m = amap([n("T", "thesis"), n("P"), n("A", "assumption")], ["r1: P + A -> T"])
    assert load_bearing(m) == ["P", "A"]
    assert cut_off_by(m, "A") == ["T"]
    assert standing(m, ["A"]) == ["P"]


def test_independent_lines_of_support_carry_the_thesis_alone() -> None:
    m = amap([n("T", "thesis"), n("P"), n("Q"), n("E", "evidence")], ["P -> T", "Q -> T", "E -> P"])
    assert load_bearing(m) == []
    assert cut_off_by(m, "E") == ["P"]  # P loses its only support, T keeps the line through Q
    assert thesis_lines(m) == ["P->T", "Q->T"]


def test_a_chain_makes_every_link_load_bearing_and_attacks_do_not_count_as_support() -> None:
    m = amap([n("T", "thesis"), n("C"), n("E", "evidence"), n("O", "objection"), n("R")],
             ["E -> C", "C -> T", "O -| T", "R -| O"])
    assert load_bearing(m) == ["C", "E"]
    assert load_bearing(m, "O") == []  # nothing supports the objection: it is a ground
    assert "T" not in standing(m, ["E"])


def test_impacts_rank_rejections_by_the_lines_they_break() -> None:
    m = amap([n("T", "thesis"), n("S"), n("X"), n("Y"), n("Z")],
             ["S -> X", "S -> Y", "X -> T", "Y -> T", "Z -> T"])
    s = map_structure(m)
    assert s.lines == ["X->T", "Y->T", "Z->T"]
    assert s.line_sources == {"X->T": ["X"], "Y->T": ["Y"], "Z->T": ["Z"]}
    assert s.impacts[0].node == "S"
    assert s.impacts[0].lines == ["X->T", "Y->T"] and s.impacts[0].cuts == ["X", "Y"]
    assert [len(i.lines) for i in s.impacts] == sorted((len(i.lines) for i in s.impacts), reverse=True)


def test_claims_resting_on_no_cited_evidence_are_flagged() -> None:
    m = amap([n("T", "thesis"), n("P"), n("Q"), n("E", "evidence", citation="Source, 2024"), n("F", "evidence"),
              n("C", "conclusion")],
             ["E -> P", "P -> T", "F -> Q", "Q -> T", "T -> C"])
    basis = cited_support(m)
    assert basis["T"] == ["E"] and basis["Q"] == [] and basis["C"] == ["E"]
    assert map_structure(m).uncited == ["Q"]


def test_on_the_bundled_maps_a_conclusion_with_one_argument_depends_on_each_of_its_premises(bundled: Corpus) -> None:
    checked = 0
    for gm in bundled.maps.values():
        m = gm.model
        for c in m.nodes:
            into = [r for r in m.relations if r.type == "supports" and r.target == c.id]
            if len(into) != 1:
                continue
            sources = into[0].sources
            lone = [s for s in sources if not any(r.type == "supports" and r.target == s for r in m.relations)]
            if lone == sources:  # every source is a ground: exactly they bear the load
                assert load_bearing(m, c.id) == [x.id for x in m.nodes if x.id in sources], (gm.id, c.id)
                checked += 1
        s = map_structure(m)
        for i in s.impacts:
            assert (m.thesis.id in cut_off_by(m, i.node)) == (i.node in s.load_bearing)
    assert checked >= 2


def test_shared_centrality_ranks_the_claim_that_joins_the_arguments_first(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "H", claim="hub"), node("a", "P"), node("a", "Q"),
               node("a", "L", claim="leaf")], ["P -> H", "Q -> H", "H -> T", "L -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "H", claim="hub"), node("b", "R"),
               node("b", "L", claim="leaf")], ["R -> H", "H -> T", "L -> T"]),
    }, {"leaf": "A claim at the edge.", "hub": "A claim in the middle."})
    ranked = shared_centrality(corpus)
    assert [c.claim for c in ranked] == ["hub", "leaf"]
    assert ranked[0].betweenness > ranked[1].betweenness >= 0
    assert ranked[0].degree == 5 and ranked[0].maps == ["a", "b"]


def test_only_claims_both_maps_bind_are_ranked(mini: Corpus) -> None:
    ranked = shared_centrality(mini)
    bound = {mid: {x.claim for x in gm.model.nodes if x.claim} for mid, gm in mini.maps.items()}
    assert {c.claim for c in ranked} == bound["alpha"] & bound["beta"]
    assert [c.claim for c in ranked if c.contested] == ["china-spoke"]
    assert all(0 <= c.betweenness <= 1 for c in ranked)
