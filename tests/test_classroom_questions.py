"""Discussion questions (argmap.classroom.questions): on the bundled pair and on small maps built here."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_corpus, node

from argmap.classroom.questions import KINDS, TEMPLATE_LIMIT, Question, discussion_questions
from argmap.classroom.wording import inside
from argmap.corpus.load import Corpus
from argmap.errors import ArgmapError
from argmap.queries.analysis import cut_off_by, load_bearing, map_structure
from argmap.queries.comparison import compare


def refs_exist(corpus: Corpus, q: Question) -> None:
    for r in [*q.about, *q.answer_nodes, *(x for b in q.blanks for x in (*b.given, b.hidden, b.target))]:
        n = corpus.get(r.map).model.node(r.node)
        assert n is not None, (q.id, r)
        assert (r.kind, r.text, r.quote, r.note) == (n.kind, n.text, n.quote, n.note)


# --- the bundled pair -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_questions(bundled: Corpus) -> list[Question]:
    return discussion_questions(bundled, "bankruptcy", "enforcer")


def test_questions_are_numbered_in_kind_order_and_deterministic(bundled: Corpus,
                                                                bundled_questions: list[Question]) -> None:
    assert [q.id for q in bundled_questions] == [f"Q{i}" for i in range(1, len(bundled_questions) + 1)]
    order = [KINDS.index(q.kind) for q in bundled_questions]
    assert order == sorted(order)
    assert discussion_questions(bundled, "bankruptcy", "enforcer") == bundled_questions
    assert {q.kind for q in bundled_questions} <= set(KINDS)
    assert len({q.kind for q in bundled_questions}) >= 4  # the bundled pair gives most kinds of question


def test_every_question_points_at_real_nodes_of_the_two_maps(bundled: Corpus,
                                                             bundled_questions: list[Question]) -> None:
    for q in bundled_questions:
        assert q.about, q.id
        assert {r.map for r in q.about} <= {"bankruptcy", "enforcer"}
        refs_exist(bundled, q)
        for map_id, path in q.paths.items():
            assert all(bundled.get(map_id).model.node(x) for x in path)


def test_each_contradiction_of_the_comparison_becomes_a_question(contested: Corpus) -> None:
    opposite = [d for d in compare(contested, "bankruptcy", "enforcer").disagreements if d.reason == "opposite-stances"]
    assert opposite
    asked = {q.claim: q for q in discussion_questions(contested, "bankruptcy", "enforcer") if q.kind == "contradiction"}
    assert set(asked) == {d.claim for d in opposite[:TEMPLATE_LIMIT]}
    for d in opposite[:TEMPLATE_LIMIT]:
        about = {(r.map, r.node) for r in asked[d.claim].about}
        assert about == {(m.map, m.node) for m in d.left + d.right}
        assert inside(d.wording) in asked[d.claim].prompt


def test_load_bearing_questions_name_what_a_rejection_really_cuts_off(bundled: Corpus,
                                                                      bundled_questions: list[Question]) -> None:
    questions = [q for q in bundled_questions if q.kind == "load-bearing"]
    assert questions
    for q in questions:
        m = bundled.get(q.about[0].map).model
        s = map_structure(m)
        if q.template != "both-theses":  # a conclusion (or the thesis) and what it stands on
            assert q.about[0].node == s.thesis or m.node(q.about[0].node).kind == "conclusion"  # type: ignore[union-attr]
            target = q.about[0].node
            for r in q.about[1:]:
                assert target in cut_off_by(m, r.node)
            assert sorted(r.node for r in q.about[1:]) == sorted(x for x in load_bearing(m, target) if x != s.thesis)
        else:  # what each thesis depends on most: per essay, the node whose rejection breaks the most lines
            assert q.template == "both-theses" and {r.map for r in q.about} == {"bankruptcy", "enforcer"}
            assert all(r.node == bundled.get(r.map).model.thesis.id for r in q.about)  # the answer is not printed
            firsts = [next(r for r in q.answer_nodes if r.map == m) for m in ("bankruptcy", "enforcer")]
            for r, said in zip(firsts, q.answer, strict=False):
                s = map_structure(bundled.get(r.map).model)
                broken = next(i for i in s.impacts if i.node == r.node)
                assert all(len(i.lines) <= len(broken.lines) for i in s.impacts if i.node != s.thesis)
                assert f"rejecting {r.node} breaks {len(broken.lines)} of the thesis's {len(s.lines)} lines" in said


def test_hidden_premises_are_blanks_built_from_the_relation_they_complete(bundled: Corpus,
                                                                        bundled_questions: list[Question]) -> None:
    blanks = [b for q in bundled_questions if q.kind == "unstated-assumption" for b in q.blanks]
    assert blanks
    for b in blanks:
        m = bundled.get(b.map).model
        assert b.hidden.kind == "assumption"
        rel = next(r for r in m.relations if r.key == b.relation)
        assert sorted(rel.sources) == sorted([*(g.node for g in b.given), b.hidden.node])
        assert rel.target == b.target.node
    paired = [q for q in bundled_questions if q.kind == "unstated-assumption" and len(q.blanks) == 2]
    assert all({b.map for b in q.blanks} == {"bankruptcy", "enforcer"} for q in paired)
    assert all(any(f.fact == "same-gap" and f.check(bundled) for f in q.facts) for q in paired)


def test_an_essay_citing_nothing_is_flagged(bundled: Corpus, bundled_questions: list[Question]) -> None:
    flagged = [q for q in bundled_questions if q.kind == "evidence" and q.claim is None]
    assert flagged
    for q in flagged:
        # One question about both essays; the model answer names, per essay, the claim that most needs a source.
        assert {r.map for r in q.about} == {"bankruptcy", "enforcer"}
        for pick, said in zip(q.answer_nodes, q.answer, strict=False):
            # the claim picked, or a tie it is part of, said as one ("P1, P1a and P2 need a source as much as …")
            alone = said.startswith(f"{pick.map} {pick.node} (") and "most needs a source" in said
            tied = said.startswith(f"In {pick.map}, {pick.node}") and "need a source as much as each other" in said
            assert alone or tied, said
            assert pick.node in map_structure(bundled.get(pick.map).model).uncited


# --- small maps built here --------------------------------------------------------------------------


def test_a_shared_premise_leading_to_opposite_conclusions(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "S", claim="s"), node("a", "Y", claim="y")],
              ["S -> Y", "Y -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "S", claim="s"), node("b", "Y", claim="y", stance="denies")],
              ["S -> Y", "Y -> T"]),
    }, {"s": "Shared premise.", "y": "Disputed consequence."})
    qs = discussion_questions(corpus, "a", "b")
    divergent = [q for q in qs if q.kind == "shared-premise" and q.claim == "s"]
    assert len(divergent) == 1
    assert "opposite conclusions" in divergent[0].prompt
    assert {(r.map, r.node) for r in divergent[0].about} == {("a", "S"), ("b", "S")}
    contradiction = [q for q in qs if q.kind == "contradiction"]
    assert [q.claim for q in contradiction] == ["y"]


def test_a_single_line_of_support_makes_its_premise_load_bearing(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "A", "assumption"), node("a", "E", "evidence")],
              ["r1: P + A -> T", "E -> P"]),
        "b": ([node("b", "T", "thesis"), node("b", "P"), node("b", "Q")], ["P -> T", "Q -> T"]),
    }, {})
    qs = discussion_questions(corpus, "a", "b")
    both = next(q for q in qs if q.template == "both-theses")
    assert (both.answer_nodes[0].map, both.answer_nodes[0].node) == ("a", "P")  # the first explicit load-bearing node
    assert both.answer[0].startswith("Every line of support for a's thesis runs through a P (")
    assert {r.node for r in both.answer_nodes if r.map == "a"} == {"P", "A", "E"}
    assert "b's thesis has 2 lines of support" in both.prompt  # two independent lines: nothing bears it alone
    assert both.answer[-1].startswith("a's thesis depends more on one premise: rejecting it breaks 1 of 1 line")
    hidden = [b for q in qs for b in q.blanks]
    assert [(b.map, b.hidden.node, [g.node for g in b.given], b.target.node) for b in hidden] == [("a", "A", ["P"], "T")]


def test_an_assumption_the_other_essay_states_is_not_asked_as_unstated(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "A", "assumption", claim="h")],
              ["r1: P + A -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "H", claim="h")], ["H -> T"]),
    }, {"h": "Hidden in a, stated in b."})
    qs = discussion_questions(corpus, "a", "b")
    assert not [q for q in qs if q.kind == "unstated-assumption"]


def test_questions_need_two_different_maps(mini: Corpus) -> None:
    with pytest.raises(ArgmapError, match="two different maps"):
        discussion_questions(mini, "alpha", "alpha")


def test_the_mini_pair_asks_about_its_contradiction_and_its_shared_premises(mini: Corpus) -> None:
    qs = discussion_questions(mini, "alpha", "beta")
    for q in qs:
        refs_exist(mini, q)
    assert [q.claim for q in qs if q.kind == "contradiction"] == ["china-spoke"]
    shared = [q.claim for q in qs if q.kind == "shared-premise"]
    assert shared and set(shared) <= {"silent", "overstretch"}
