"""Every sentence grounded, for the facts that sum up a map or a comparison: which nodes are load-bearing, which
shared claims link the arguments most, that the maps contradict each other nowhere, that one map's main lines are
all shared.  Each test makes a small corpus where the fact is false: the check refuses it and the material does not
say it."""

from __future__ import annotations

from pathlib import Path

from helpers import build_corpus, node, refused

from argmap.classroom.handout import handout_data
from argmap.classroom.handout_writer import handout_markdown
from argmap.corpus.load import Corpus
from argmap.queries.facts import (
    LoadBearing,
    MainLinesShared,
    MostCentral,
    NoContradiction,
)


def test_load_bearing_refuses_a_node_whose_loss_leaves_a_line_standing(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "Q")], ["r1: P + Q -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P"), node("b", "Q")], ["P -> T", "Q -> T"]),
    }, {})
    assert LoadBearing(map="a", nodes=["P", "Q"]).check(corpus)
    assert LoadBearing(map="b", nodes=[]).check(corpus)
    refused(corpus, LoadBearing(map="b", nodes=["P"]))  # Q -> T still stands without P
    refused(corpus, LoadBearing(map="a", nodes=[]))
    text = handout_markdown(handout_data(corpus, "a", "b"), teacher=True)
    assert "**a**: the thesis has 1 line of support. Load-bearing for the thesis: P, Q." in text
    assert "**b**: the thesis has 2 lines of support. No single statement is load-bearing" in text
    assert "| Shared claim | Links |" not in text  # no shared claim: no table of them


def _hub_corpus(tmp_path: Path) -> Corpus:
    """Two shared claims: ``hub`` joins both arguments' chains to their theses, ``aside`` hangs off the side."""
    return build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "H", claim="hub"), node("a", "P"), node("a", "S", claim="aside")],
              ["H -> P", "P -> T", "S -> H"]),
        "b": ([node("b", "T", "thesis"), node("b", "H", claim="hub"), node("b", "S", claim="aside")],
              ["H -> T", "S -> T"]),
    }, {"hub": "Russia's alliances are hollow.", "aside": "Russia said nothing."})


def test_most_central_refuses_a_ranking_the_merged_maps_do_not_give(tmp_path: Path) -> None:
    corpus = _hub_corpus(tmp_path)
    h = handout_data(corpus, "a", "b")
    ranked = [(c.claim, c.betweenness) for c in h.most_central]
    fact = MostCentral(maps=["a", "b"], claims=[c for c, _ in ranked], scores=[s for _, s in ranked])
    assert fact.check(corpus) and fact in h.facts["central"]
    assert ranked[0][1] > ranked[1][1]
    top, second = ranked
    refused(corpus, MostCentral(maps=["a", "b"], claims=[second[0], top[0]], scores=[second[1], top[1]]))
    refused(corpus, MostCentral(maps=["a", "b"], claims=[second[0]], scores=[second[1]]))  # leaves out a higher one
    refused(corpus, MostCentral(maps=["a", "b"], claims=[top[0]], scores=[top[1] + 0.1]))


def test_no_contradiction_refuses_a_pair_that_contradicts_itself(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x", stance="denies")], ["P -> T"]),
    }, {"x": "Russia held back by choice."})
    refused(corpus, NoContradiction(maps=["a", "b"]))
    agreed = _hub_corpus(tmp_path / "agreed")
    assert NoContradiction(maps=["a", "b"]) in handout_data(agreed, "a", "b").facts["contradictions"]
    from argmap.classroom.compare_page import page_facts

    h = handout_data(corpus, "a", "b")
    assert NoContradiction(maps=["a", "b"]) not in page_facts(corpus, h)["contradictions"]


def test_main_lines_shared_refuses_a_map_with_a_line_of_its_own(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x"), node("b", "Q")], ["P -> T", "Q -> T"]),
    }, {"x": "Russia said nothing."})
    assert MainLinesShared(map="a", other="b").check(corpus)
    refused(corpus, MainLinesShared(map="b", other="a"))
    from argmap.classroom.decks import comparison_deck

    said = [i.text for s in comparison_deck(corpus, "a", "b") for c in s.columns for i in c.items]
    assert "Each main line of a is on a claim b takes up too: shared, or answered differently." in said
    assert not any(x.startswith("Each main line of b") for x in said)
