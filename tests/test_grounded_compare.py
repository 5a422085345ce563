"""The compare report rests on checked facts: ``argmap compare A B --json`` lists, per section, the facts behind
every item, each re-checked here against the maps independently of the code that built the comparison; a
comparison holding an item the maps do not support is refused before a word of it is written.

The bundled maps are revised over time, so these tests check properties, never exact sentences.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import build_corpus, check_grounds, fact_holds, node

from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.exporters.report import compare_markdown
from argmap.queries.comparison import compare
from argmap.queries.facts import ReachesThesis, UngroundedFact, require
from argmap.queries.facts.comparison import checked


def test_every_item_of_the_bundled_comparison_rests_on_facts_that_check(bundled: Corpus) -> None:
    result = CliRunner().invoke(cli, ["compare", "bankruptcy", "enforcer", "--json"])
    assert result.exit_code == 0, result.output
    c = json.loads(result.output)
    facts = c["facts"]
    for section, items in facts.items():
        for fact in items:
            assert fact_holds(bundled, fact), (section, fact)
            check_grounds(bundled, fact["grounds"])

    def stated(section: str, kind: str, **fields: Any) -> bool:
        return any(f["fact"] == kind and all(f.get(k) == v for k, v in fields.items()) for f in facts[section])

    # every item the report words carries the facts it states
    for a in c["agreements"]:
        assert stated("agreements", "relation", claim=a["claim"], relation="agree"), a["claim"]
        for m in a["left"] + a["right"]:
            assert stated("agreements", "binds", map=m["map"], claim=a["claim"], stance=a["stance"],
                          nodes=[m["node"]]), (a["claim"], m["node"])
    for d in c["differences"]:
        assert stated("differences", "relation", claim=d["claim"], relation=d["relation"]), d["claim"]
    for d in c["disagreements"]:
        assert stated("contradictions", "relation", claim=d["claim"]), d["claim"]
    for key, other in (("unique_left", c["right"]["id"]), ("unique_right", c["left"]["id"])):
        for u in c[key]:
            assert stated("only-in", "only-in", node=u["node"], other=other), u["node"]
    for p in c["paths"]:
        for side, mid in (("left", c["left"]["id"]), ("right", c["right"]["id"])):
            assert stated("paths", "reaches-thesis", map=mid, claim=p["claim"], path=p[side]), (p["claim"], side)


def _differ_corpus(tmp_path: Path) -> Corpus:
    claims: dict[str, Any] = {
        "why": {"wording": "Why Russia did not act: will or means.", "relation": "differ", "how": "a: will; b: means."},
        "hub": "The partnership is transactional."}
    return build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="why"), node("a", "H", claim="hub"),
               node("a", "O", "objection")], ["P -> T", "H -> P", "O -| P"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="why"), node("b", "H", claim="hub"),
               node("b", "C", "conclusion")], ["P -> T", "H -> C"]),
    }, claims)


def test_a_comparison_calling_a_difference_an_agreement_is_never_worded(tmp_path: Path) -> None:
    corpus = _differ_corpus(tmp_path)
    honest = compare(corpus, "a", "b")
    assert [d.claim for d in honest.differences] == ["why"]
    assert "Different answers" in compare_markdown(honest)
    # what a wrong generator would produce: the difference listed as common ground
    from argmap.queries.results import Agreement

    d = honest.differences[0]
    wrong = honest.model_copy(update={"differences": [], "facts": {}, "agreements": [
        *honest.agreements, Agreement(claim=d.claim, wording=d.wording, stance="affirms", left=d.left, right=d.right)]})
    with pytest.raises(UngroundedFact, match="relation of a and b on claim 'why' is agree"):
        checked(corpus, wrong)
    with pytest.raises(UngroundedFact):
        compare_markdown(wrong)  # its facts were never checked: nothing of it is written


def test_reaches_thesis_refuses_a_path_the_map_does_not_have(tmp_path: Path) -> None:
    corpus = _differ_corpus(tmp_path)
    # b binds "hub" to H, which supports a conclusion that leads nowhere near its thesis
    assert ReachesThesis(map="a", claim="hub", path=["H", "P", "T"], via="supports").check(corpus)
    assert ReachesThesis(map="b", claim="hub").check(corpus)
    for false in (ReachesThesis(map="b", claim="hub", path=["H", "C", "T"], via="supports"),
                  ReachesThesis(map="a", claim="hub"),  # it does reach the thesis
                  ReachesThesis(map="a", claim="hub", path=["H", "P", "T"], via="any"),  # and not only by attacks
                  ReachesThesis(map="a", claim="why", path=["H", "P", "T"], via="supports")):  # H is not bound to it
        assert false.check(corpus) is False, false
        with pytest.raises(UngroundedFact):
            require(corpus, [false])
    c = compare(corpus, "a", "b")
    text = compare_markdown(c)
    assert "  - b: no path" in text and "  - a: H → P → T" in text
    wrong = c.model_copy(update={"paths": [p.model_copy(update={"right": ["H", "C", "T"], "right_via": "supports"})
                                           for p in c.paths]})
    with pytest.raises(UngroundedFact, match="claim 'hub' reaches the thesis by supports: H → C → T"):
        checked(corpus, wrong)


def _page_data(page: bytes) -> dict[str, Any]:
    text = page.decode("utf-8")
    start = text.index('id="argmap-data">') + len('id="argmap-data">')
    return dict(json.loads(text[start:text.index("</script>", start)]))


def test_the_sites_comparison_page_rests_on_facts_that_check(bundled: Corpus) -> None:
    from argmap.classroom.site import site_files

    files = site_files(bundled)
    data = _page_data(files["compare/bankruptcy--enforcer.html"])
    facts = data["facts"]
    assert {"theses", "common ground", "central", "claims"} <= set(facts)
    for section, items in facts.items():
        for fact in items:
            assert fact_holds(bundled, fact), (section, fact)
            check_grounds(bundled, fact["grounds"])
    # every claim the page's panel relates carries the relation it shows, and each node its stance
    for key, n in data["nodes"].items():
        if n["kind"] == "claim" and n["relation"]:
            assert any(f["fact"] == "relation" and f["claim"] == n["claim"] and f["relation"] == n["relation"]
                       for f in facts["claims"]), key
            for m in n["mentions"]:
                assert any(f["fact"] == "binds" and f["claim"] == n["claim"] and f["nodes"] == [m["node"]]
                           and f["map"] == m["map"] and f["stance"] == m["stance"] for f in facts["claims"]), m


def test_the_comparison_page_never_flags_a_difference_as_contradicted(tmp_path: Path) -> None:
    from argmap.classroom.compare_page import page_data
    from argmap.classroom.handout import handout_data

    corpus = _differ_corpus(tmp_path)
    h = handout_data(corpus, "a", "b")
    central = [c for c in h.centrality if c.claim == "why"]
    assert central and not central[0].contested
    assert page_data(corpus, h, [])["nodes"]["claim--why"]["relation"] == "differ"
    wrong = h.model_copy(update={"centrality": [c.model_copy(update={"contested": True}) for c in h.centrality]})
    with pytest.raises(UngroundedFact, match="claim 'why' is contradict"):
        page_data(corpus, wrong, [])


def test_a_path_through_an_undercut_reaches_the_thesis_only_through_attacks(tmp_path: Path) -> None:
    # S attacks the objection O, which undercuts the line r1 into the thesis: S reaches T through attacks alone
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "O", "objection"), node("a", "S", claim="x")],
              ["r1: P -> T", "O -| r1", "S -| O"]),
        "b": ([node("b", "T", "thesis"), node("b", "S", claim="x")], ["S -> T"]),
    }, {"x": "The elite still profits."})
    assert ReachesThesis(map="a", claim="x", path=["S", "O", "T"], via="any").check(corpus)
    assert not ReachesThesis(map="a", claim="x").check(corpus)
    assert not ReachesThesis(map="b", claim="x", path=["S", "T"], via="any").check(corpus)  # it supports T
    text = compare_markdown(compare(corpus, "a", "b"))
    assert "  - a: S → O → T (only through attacks and answers to them)" in text and "  - b: S → T\n" in text
