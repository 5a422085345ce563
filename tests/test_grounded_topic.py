"""The topic report rests on checked facts: ``argmap compare A B C --json`` lists, per section, the facts behind
every item, each re-checked here against the maps by code of this test alone; a topic comparison holding an item
the maps do not support is refused before a word of it is written."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import ROOT, build_corpus, check_grounds, fact_holds, node

from argmap.cli import cli
from argmap.corpus.load import Corpus, load_corpus
from argmap.exporters.topic import topic_markdown, topic_text
from argmap.format.model import ArgumentMap
from argmap.queries.facts import UngroundedFact
from argmap.queries.facts.topic_report import checked_topic
from argmap.queries.results import TopicComparison, UnansweredObjection, UniqueClaim
from argmap.queries.topic import compare_topic

TOPIC = ROOT / "tests" / "fixtures" / "topic" / "higher_dog_poo_fines"


# --- an oracle written for this test: what each fact says, read straight from the maps ---------------------------

def _stances(m: ArgumentMap, claim: str) -> set[str]:
    return {n.stance or "affirms" for n in m.nodes if n.claim == claim}


def _objections(m: ArgumentMap) -> set[tuple[str, str, str]]:
    nodes = {n.id: n for n in m.nodes}
    return {(s, nodes[r.target].claim or "", nodes[r.target].stance or "affirms") for r in m.relations
            if r.type == "attacks" and r.target in nodes and nodes[r.target].claim for s in r.sources}


def oracle(corpus: Corpus, f: dict[str, Any]) -> bool:
    """Whether fact ``f`` (as JSON) is true of ``corpus``, decided without argmap's fact classes."""
    models = {i: corpus.get(i).model for i in f.get("maps", [])}
    makers = [i for i, m in models.items() if _stances(m, f.get("claim") or "")]
    kind = f["fact"]
    if kind == "topic-question":
        theses = Counter(m.thesis.claim for m in models.values() if m.thesis.claim)
        order = [c.id for c in corpus.registry.claims]
        best = sorted(theses, key=lambda c: (-theses[c], order.index(c) if c in order else len(order), c))
        return (best[0] if best else None) == f["claim"]
    if kind == "topic-stance":
        m = corpus.get(f["map"]).model
        if f["stance"] == "none":
            return not _stances(m, f["claim"]) and f["node"] is None
        n = m.node(f["node"])
        chosen = m.thesis.id if m.thesis.claim == f["claim"] else f["node"]
        return n is not None and n.claim == f["claim"] and (n.stance or "affirms") == f["stance"] and n.id == chosen
    if kind == "made-by":
        return sorted(makers) == sorted(f["by"])
    if kind == "essay-on-claim":
        m = corpus.get(f["map"]).model
        s = _stances(m, f["claim"])
        claim = corpus.registry.get(f["claim"])
        takes = "differs" if claim is not None and claim.relation == "differ" else (
            "affirms-and-denies" if len(s) == 2 else next(iter(s), None))
        return sorted(n.id for n in m.nodes if n.claim == f["claim"]) == sorted(f["nodes"]) and takes == f["takes"]
    if kind == "relation-among":
        both = len({s for i in makers for s in _stances(models[i], f["claim"])}) == 2
        claim = corpus.registry.get(f["claim"])
        declared = claim.relation if claim is not None else None
        want = declared if declared in ("agree", "differ") else (
            ("tension" if declared == "tension" else "contradict") if both else "agree")
        return len(makers) >= 2 and want == f["relation"]
    if kind == "unanswered":
        m, by = corpus.get(f["map"]).model, corpus.get(f["by"]).model
        objection = by.node(f["node"])
        answered = objection is not None and objection.claim is not None and bool(_stances(m, objection.claim))
        return (f["map"] != f["by"] and (f["node"], f["claim"], f["stance"]) in _objections(by)
                and f["stance"] in _stances(m, f["claim"]) and not answered)
    if kind == "unbound":
        return [n.id for n in corpus.get(f["map"]).model.nodes if n.claim is None] == f["nodes"]
    if kind == "nothing-in":
        made = Counter(c for m in models.values() for c in {n.claim for n in m.nodes if n.claim})
        if f["section"] != "unanswered":
            return all(k < 2 for k in made.values()) if f["section"] == "shared" else 1 not in made.values()
        return not any(oracle(corpus, {"fact": "unanswered", "map": i, "by": j, "node": o, "claim": c, "stance": s})
                       for j, by in models.items() for o, c, s in _objections(by) for i in models if i != j)
    raise AssertionError(f"no oracle for {kind}")


def test_every_fact_of_the_nine_essays_topic_report_holds_by_an_independent_reading() -> None:
    corpus = load_corpus([TOPIC])
    paths = sorted(str(p) for p in TOPIC.glob("*.yaml") if p.name != "claims.yaml")
    result = CliRunner().invoke(cli, ["compare", *paths, "--json"])
    assert result.exit_code == 0, result.output
    t = json.loads(result.output)
    facts = t["facts"]
    assert set(facts) == {"topic", "stances", "grid", "unanswered", "alone", "unbound"}
    for section, items in facts.items():
        for f in items:
            assert oracle(corpus, f), (section, f)
            assert fact_holds(corpus, f), (section, f)
            check_grounds(corpus, f["grounds"])

    def stated(section: str, kind: str, **fields: Any) -> bool:
        return any(f["fact"] == kind and all(f.get(k) == v for k, v in fields.items()) for f in facts[section])

    # every item the report words carries the facts it states
    assert stated("topic", "topic-question", claim=t["topic"])
    for s in t["stances"]:
        assert stated("stances", "topic-stance", map=s["map"], stance=s["stance"], node=s["node"]), s
    for r in t["rows"]:
        assert stated("grid", "made-by", claim=r["claim"], by=[c["map"] for c in r["cells"]
                                                               if c["relation"] != "absent"]), r["claim"]
        assert stated("grid", "relation-among", claim=r["claim"], relation=r["relation"]), r["claim"]
        for c in r["cells"]:
            if c["relation"] != "absent":
                assert stated("grid", "essay-on-claim", map=c["map"], claim=r["claim"], takes=c["relation"])
    for u in t["unanswered"]:
        assert stated("unanswered", "unanswered", map=u["map"], by=u["by"], node=u["node"], claim=u["claim"]), u
    for u in t["unique_claims"]:
        assert stated("alone", "made-by", claim=u["claim"], by=[u["map"]]), u
    assert len(facts["unbound"]) == len(t["maps"]) and len(t["stances"]) == 9 and len(t["unanswered"]) > 10


# --- a hand-made topic: each kind of fact false in turn, and its sentence never written --------------------------

@pytest.fixture
def three(tmp_path: Path) -> Corpus:
    claims: dict[str, str] = {"q": "The question.", "x": "X holds.", "y": "Y holds.", "o": "Y has a cost.",
                              "only": "Only c says this."}
    return build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis", claim="q"), node("a", "P1", claim="x"), node("a", "P2", claim="y"),
               node("a", "U")], ["P1 -> T", "P2 -> T", "U -> P1"]),
        "b": ([node("b", "T", "thesis", claim="q", stance="denies"), node("b", "P1", claim="x", stance="denies"),
               node("b", "P2", claim="y"), node("b", "O", "objection", claim="o")], ["P1 -> T", "P2 -> T", "O -| P2"]),
        "c": ([node("c", "T", "thesis", claim="q"), node("c", "P1", claim="x"), node("c", "P2", claim="y"),
               node("c", "P3", claim="o"), node("c", "P4", claim="only")],
              ["P1 -> T", "P2 -> T", "P3 -> T", "P4 -> T"]),
    }, claims)


def _refused(corpus: Corpus, wrong: TopicComparison, match: str) -> None:
    """``wrong`` is refused by the check and never worded."""
    with pytest.raises(UngroundedFact, match=match):
        checked_topic(corpus, wrong)
    for writer in (topic_markdown, topic_text):
        with pytest.raises(UngroundedFact):
            writer(wrong.model_copy(update={"facts": {}}))


def test_the_honest_topic_report_says_what_the_maps_say(three: Corpus, bundled: Corpus) -> None:
    for corpus, ids in ((three, ["a", "b", "c"]), (bundled, ["bankruptcy", "enforcer"])):
        facts = compare_topic(corpus, ids).model_dump(mode="json")["facts"]
        assert all(oracle(corpus, f) for fs in facts.values() for f in fs)
    text = topic_markdown(compare_topic(three, ["a", "b", "c"]))
    for sentence in ("`q`: The question.", "- **b** denies (`T`: “b T is quoted here”)",
                     "| `x` X holds. | 3 | contested | `+` | `-` | `+` |", "| `o` Y has a cost. | 2 | agree | `.` | `+` | `+` |",
                     "### a (1)", "- against `y` (affirms): **b** `O` “b O is quoted here”", "- **c** `only`: Only c",
                     "Statements bound to no claim: a 1, b 0, c 0."):
        assert sentence in text, sentence
    assert "### c" not in text  # c takes the objection up: it makes claim o


def _honest(three: Corpus) -> TopicComparison:
    return compare_topic(three, ["a", "b", "c"])


def test_a_wrong_topic_question_is_never_worded(three: Corpus) -> None:
    _refused(three, _honest(three).model_copy(update={"topic": "x"}), "topic question of a, b, c is claim 'x'")


def test_a_wrong_stance_on_the_topic_is_never_worded(three: Corpus) -> None:
    t = _honest(three)
    wrong = [s.model_copy(update={"stance": "affirms"}) if s.map == "b" else s for s in t.stances]
    _refused(three, t.model_copy(update={"stances": wrong}), r"b affirms \(T\) the topic claim 'q'")


def test_a_claim_said_to_be_made_by_an_essay_that_does_not_make_it_is_never_worded(three: Corpus) -> None:
    t = _honest(three)
    moved = [u.model_copy(update={"map": "a"}) for u in t.unique_claims]
    _refused(three, t.model_copy(update={"unique_claims": moved}), r"claim 'only' is made by 1 of the 3 essays \(a\)")
    extra = UniqueClaim(claim="y", wording="Y holds.", map="c", mentions=[])
    _refused(three, t.model_copy(update={"unique_claims": [*t.unique_claims, extra]}), "claim 'y' is made by 1")


def test_a_wrong_cell_of_the_grid_is_never_worded(three: Corpus) -> None:
    t = _honest(three)
    rows = [r.model_copy(update={"cells": [c.model_copy(update={"relation": "affirms"}) if c.map == "b" else c
                                           for c in r.cells]}) if r.claim == "x" else r for r in t.rows]
    _refused(three, t.model_copy(update={"rows": rows}), r"b affirms claim 'x' \(P1\)")


def test_a_wrong_relation_among_the_essays_is_never_worded(three: Corpus) -> None:
    t = _honest(three)
    rows = [r.model_copy(update={"relation": "agree"}) if r.claim == "x" else r for r in t.rows]
    _refused(three, t.model_copy(update={"rows": rows}), "that make claim 'x' agree")


def test_an_objection_the_essay_answers_is_never_called_unanswered(three: Corpus) -> None:
    t = _honest(three)
    answered = UnansweredObjection(map="c", claim="y", stance="affirms", by="b", node="O", text="t", quote=None,
                                   objection_claim="o")
    _refused(three, t.model_copy(update={"unanswered": [*t.unanswered, answered]}), "c never answers it")


def test_an_empty_section_is_said_empty_only_when_it_is(three: Corpus) -> None:
    t = _honest(three)
    _refused(three, t.model_copy(update={"unanswered": []}), "nothing unanswered")
    _refused(three, t.model_copy(update={"unique_claims": []}), "nothing alone")
    _refused(three, t.model_copy(update={"rows": []}), "nothing shared")


def test_a_wrong_count_of_unbound_statements_is_never_worded(three: Corpus) -> None:
    t = _honest(three)
    _refused(three, t.model_copy(update={"unbound": []}), r"0 statement\(s\) of a are bound to no claim")


def test_a_topic_comparison_whose_facts_were_not_checked_is_not_worded(three: Corpus) -> None:
    t = _honest(three)
    assert t.facts and "Shared claims (4)" in topic_markdown(t)
    with pytest.raises(UngroundedFact, match="not checked"):
        topic_markdown(t.model_copy(update={"facts": {}}))


def test_the_checks_keep_the_maps_of_one_corpus_only(tmp_path: Path) -> None:
    """A service that reloads its maps checks facts against the new corpus; the old maps are not kept alive."""
    from argmap.queries.facts import topic_index

    def three(folder: Path) -> Corpus:
        return build_corpus(folder, {m: ([node(m, "T", "thesis", claim="q")], []) for m in ("a", "b", "c")},
                            {"q": "The topic question."})

    old, new = three(tmp_path / "old"), three(tmp_path / "new")
    compare_topic(old, ["a", "b", "c"])
    compare_topic(new, ["a", "b", "c"])
    kept = [m for m, _ in topic_index._INDEXES.values()]
    assert kept and all(any(m is g.model for g in new.maps.values()) for m in kept)
