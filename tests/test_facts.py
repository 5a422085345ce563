"""Every sentence grounded: each fact type refuses what the maps do not say, and the material never says it.

One test per fact type, each on a small corpus made here where the fact is false: the check refuses it,
:func:`argmap.queries.facts.require` raises, and the sentence the fact would ground is nowhere in the handout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import build_corpus, node, refused

from argmap.classroom.handout import handout_data
from argmap.classroom.handout_writer import handout_html, handout_markdown
from argmap.corpus.load import Corpus
from argmap.queries.facts import (
    AttackedBy,
    Binds,
    CitationFor,
    Cites,
    KindIs,
    LinesOfSupport,
    NoCitedEvidence,
    OnlyIn,
    OnPath,
    Rejection,
    RelationIs,
    SameGap,
    SupportedBy,
    TitleInEssay,
    Unsupported,
)


def everything(corpus: Corpus) -> str:
    """All the words of both editions of the handout, in HTML and Markdown."""
    h = handout_data(corpus, "a", "b")
    return "\n".join([handout_html(h), handout_html(h, teacher=True), handout_markdown(h),
                      handout_markdown(h, teacher=True)])


def test_binds_refuses_a_stance_the_node_does_not_take(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x", stance="denies")], ["P -> T"]),
    }, {"x": "Russia held back by choice."})
    assert Binds(map="a", claim="x", stance="affirms", nodes=["P"]).check(corpus)
    refused(corpus, Binds(map="b", claim="x", stance="affirms", nodes=["P"]))
    h = handout_data(corpus, "a", "b")
    assert [r.claim for r in h.shared] == []  # a contradicted claim is never common ground
    text = handout_markdown(h, teacher=True)
    common = text.split("Common ground")[1].split("\n## ")[0] if "Common ground" in text else ""
    assert "Russia held back by choice" not in common


def test_relation_refuses_to_call_a_difference_a_contradiction(tmp_path: Path) -> None:
    claims: dict[str, Any] = {"why": {"wording": "Why Russia did not act: will or means.", "relation": "differ",
                                      "how": "a says will; b says means."}}
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="why")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="why")], ["P -> T"]),
    }, claims)
    assert RelationIs(claim="why", maps=["a", "b"], relation="differ").check(corpus)
    refused(corpus, RelationIs(claim="why", maps=["a", "b"], relation="contradict"))
    refused(corpus, RelationIs(claim="why", maps=["a", "b"], relation="agree"))
    text = everything(corpus)
    assert "contradict each other: a P" not in text and "Where the essays contradict" not in text
    assert "Different answers to one question" in text


def test_on_path_refuses_a_node_with_no_route_to_the_thesis(tmp_path: Path) -> None:
    # b binds the claim to a hedged aside (H) that leads nowhere near its thesis.
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "H", claim="hub"), node("a", "P")], ["H -> P", "P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "H", claim="hub"), node("b", "C", "conclusion"),
               node("b", "Q")], ["H -> C", "Q -> T"]),
    }, {"hub": "The partnership is transactional."})
    assert OnPath(map="a", path=["H", "P", "T"]).check(corpus)
    refused(corpus, OnPath(map="b", path=["H", "C", "T"]))
    refused(corpus, OnPath(map="b", path=["H", "C"]))  # to_thesis: C is not the thesis
    text = everything(corpus)
    assert "on their way to their theses" not in text and "each argues from it towards its own thesis" not in text


def test_citation_for_refuses_a_source_that_backs_another_claim(tmp_path: Path) -> None:
    # a's source is about the Isfahan attack (P), which only further down leads to the shared claim (Y).
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "E", "evidence", citation="Isfahan attack report"),
               node("a", "P"), node("a", "Y", claim="x")], ["E -> P", "P -> Y", "Y -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "Y", claim="x")], ["Y -> T"]),
    }, {"x": "The partnership is transactional."})
    assert Cites(map="a", evidence="E", citation="Isfahan attack report").check(corpus)
    refused(corpus, Cites(map="a", evidence="E", citation="Al Jazeera"))
    refused(corpus, CitationFor(map="a", claim="x", evidence="E", citation="Isfahan attack report", via="E->P"))
    refused(corpus, CitationFor(map="a", claim="x", evidence="E", citation="Isfahan attack report"))
    text = everything(corpus)
    assert "only a backs it directly with evidence that names a source" not in text
    assert "Isfahan attack report" not in text.split("## Teacher")[0].split("Discussion questions")[-1]


def test_no_cited_evidence_refuses_a_claim_a_cited_example_backs(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x"), node("a", "E", "evidence", citation="Reuters")],
              ["P -> T", "E ..> P"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x", stance="denies")], ["P -> T"]),
    }, {"x": "Russia answered attacks in the past."})
    assert NoCitedEvidence(map="b", node="P").check(corpus)
    refused(corpus, NoCitedEvidence(map="a", node="P"))
    text = everything(corpus)
    assert "a P is supported by E (a E paraphrase); it rests on cited evidence: E (Reuters)." in text
    assert "a P is supported by E (a E paraphrase); the map records no source for it" not in text


def test_unsupported_refuses_a_node_something_supports(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x"), node("a", "Q")], ["P -> T", "Q -> P"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x", stance="denies")], ["P -> T"]),
    }, {"x": "China stood apart."})
    assert Unsupported(map="b", node="P").check(corpus)
    refused(corpus, Unsupported(map="a", node="P"))
    text = everything(corpus)
    assert "a P is asserted without support" not in text and "b P is asserted without support" in text


def test_supported_by_refuses_sources_the_relation_does_not_have(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "X", claim="x"), node("a", "P"), node("a", "Q")],
              ["r1: P + Q -> X", "X -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "X", claim="x", stance="denies")], ["X -> T"]),
    }, {"x": "China stood apart."})
    assert SupportedBy(map="a", node="X", relation="r1", sources=["P", "Q"]).check(corpus)
    refused(corpus, SupportedBy(map="a", node="X", relation="r1", sources=["P"]))
    refused(corpus, SupportedBy(map="a", node="T", relation="r1", sources=["P", "Q"]))
    text = everything(corpus)  # the linked pair is named whole, as the support of X
    assert "a X is supported by P (a P paraphrase) and Q (a Q paraphrase)" in text
    assert "a X is supported by P (a P paraphrase);" not in text


def test_attacked_by_refuses_an_objection_said_to_go_unanswered_that_the_essay_answers(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x"), node("a", "O", "objection"), node("a", "R")],
              ["P -> T", "O -| P", "R -| O"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x", stance="denies")], ["P -> T"]),
    }, {"x": "Russia's dependence makes it the exposed party."})
    assert AttackedBy(map="a", node="P", relation="O-|P", sources=["O"], answered=True).check(corpus)
    refused(corpus, AttackedBy(map="a", node="P", relation="O-|P", sources=["O"], answered=False))
    text = everything(corpus)
    assert "raises but does not answer an objection to it (O)" not in text
    assert "the essay answers an objection to it (O)" in text


def test_only_in_refuses_a_node_whose_claim_the_other_essay_makes(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="x"), node("a", "U")], ["P -> T", "U -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="x")], ["P -> T"]),
    }, {"x": "Not even the minimum happened."})
    assert OnlyIn(map="a", node="U", other="b").check(corpus)
    refused(corpus, OnlyIn(map="a", node="P", other="b"))
    h = handout_data(corpus, "a", "b")
    assert [r.node for r in h.alone["a"]] == ["U"] and h.alone["b"] == []


def test_kind_refuses_a_conclusion_called_a_premise(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "C", "conclusion", claim="x"), node("a", "P")],
              ["P -> C", "C -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "C", "conclusion", claim="x"), node("b", "P")],
              ["P -> C", "C -> T"]),
    }, {"x": "Russia's alliances are hollow."})
    assert KindIs(map="a", node="C", kind="conclusion").check(corpus)
    refused(corpus, KindIs(map="a", node="C", kind="premise"))
    text = everything(corpus)
    assert "use as premises" not in text  # the common ground is "what both essays claim", of any kind
    assert "Common ground: what both essays claim" in text


def test_lines_of_support_refuses_to_count_an_objection_as_a_line(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "O", "objection"), node("a", "R")],
              ["P -> T", "O -| T", "R -| O"]),
        "b": ([node("b", "T", "thesis"), node("b", "P"), node("b", "Q")], ["P -> T", "Q -> T"]),
    }, {})
    assert LinesOfSupport(map="a", lines=["P->T"]).check(corpus)
    refused(corpus, LinesOfSupport(map="a", lines=["P->T", "O-|T"]))
    h = handout_data(corpus, "a", "b")
    assert (h.left.lines, h.right.lines) == (1, 2)
    said = " ".join(s for q in h.questions for s in (q.prompt, *q.answer))
    assert "a's thesis has 2 lines" not in said and "a's thesis has 1 line of support" in said
    assert "a’s thesis has 2 lines" not in everything(corpus)


def test_rejection_refuses_damage_the_maps_do_not_show(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "Q"), node("a", "E", "evidence")],
              ["P -> T", "Q -> T", "E -> P"]),
        "b": ([node("b", "T", "thesis"), node("b", "P"), node("b", "Q")], ["r1: P + Q -> T"]),
    }, {})
    assert Rejection(map="a", node="E", breaks=["P->T"], cuts=["P"]).check(corpus)
    assert Rejection(map="b", node="P", breaks=["r1"], cuts=["T"]).check(corpus)
    refused(corpus, Rejection(map="a", node="E", breaks=["P->T", "Q->T"], cuts=["P", "T"]))
    refused(corpus, Rejection(map="a", node="P", breaks=[], cuts=[]))
    text = everything(corpus)
    assert "rejecting E breaks 2" not in text and "rejecting P breaks 2" not in text


def _gap_corpus(tmp_path: Path, b_given: str) -> Corpus:
    """a and b each reach claim ``y`` from a premise and an unstated assumption; b's premise is bound to
    ``b_given``."""
    return build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "G", claim="g"), node("a", "A", "assumption"),
               node("a", "Y", claim="y")], ["r1: G + A -> Y", "Y -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "G", claim=b_given), node("b", "A", "assumption"),
               node("b", "Y", claim="y")], ["r1: G + A -> Y", "Y -> T"]),
    }, {"g": "Russia said nothing.", "h": "Russia used to react.", "y": "Russia's alliances are hollow."})


def test_same_gap_refuses_assumptions_that_fill_different_steps(tmp_path: Path) -> None:
    same = _gap_corpus(tmp_path / "same", "g")
    assert SameGap(left=("a", "A", "r1"), right=("b", "A", "r1")).check(same)
    assert any(q.template == "paired-assumption" for q in handout_data(same, "a", "b").questions)
    other = _gap_corpus(tmp_path / "other", "h")  # b reaches y from another premise: another step
    refused(other, SameGap(left=("a", "A", "r1"), right=("b", "A", "r1")))
    text = everything(other)
    assert "The same gap in both essays" not in text and "by the same step" not in text


def test_title_in_essay_refuses_a_title_the_essay_does_not_carry(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P")], ["P -> T"]),
    }, {})
    assert TitleInEssay(map="a", given=False).check(corpus)
    refused(corpus, TitleInEssay(map="a", given=True))
    h = handout_data(corpus, "a", "b")
    student = handout_html(h) + handout_markdown(h)
    assert "The a essay (no title in its text)" in student
    assert student.count("The a essay") == student.count("The a essay (no title in its text)")
    assert "the map calls it" not in student and "“The a essay”" not in student
    assert "the map calls it “The a essay”" in handout_markdown(h, teacher=True)
    from argmap.classroom.decks import comparison_deck

    headings = [c.heading for c in comparison_deck(corpus, "a", "b")[0].columns]
    assert headings == ["a · The a essay (no title in its text)", "b · The b essay (no title in its text)"]


