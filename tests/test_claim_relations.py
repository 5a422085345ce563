"""Kinds of relation on a shared claim: agree, contradict, differ, tension; declared in the registry, validated
against the bindings, and worded by their kind in every output (only a contradiction is called one)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import build_corpus, node

from argmap.classroom.decks import comparison_deck
from argmap.classroom.handout import handout_data
from argmap.classroom.handout_writer import handout_markdown
from argmap.corpus.load import Corpus, check_corpus
from argmap.exporters.aif import to_aif
from argmap.exporters.report import compare_markdown
from argmap.exporters.view import export_view
from argmap.queries.comparison import compare

CLAIMS: dict[str, Any] = {
    "silent": "Russia said nothing.",
    "cause": {"wording": "Why Russia did not act: lack of will or lack of means.", "relation": "differ",
              "how": "a puts it down to will; b to means."},
    "china": "China spoke where Russia did not.",
    "past": {"wording": "Russia used to answer attacks on its partners.", "relation": "tension",
             "how": "b says Russia used to react; a's evidence of a recent silence sits uneasily with it."},
}


def pair_maps(**changes: Any) -> dict[str, tuple[list[dict[str, Any]], list[Any]]]:
    a = [node("a", "T", "thesis"), node("a", "P1", claim="silent"), node("a", "P2", claim="cause"),
         node("a", "P3", claim="china"), node("a", "E1", "evidence", claim="past", stance="denies")]
    b = [node("b", "T", "thesis"), node("b", "P1", claim="silent"), node("b", "P2", claim="cause"),
         node("b", "P3", claim="china", stance="denies"), node("b", "P4", claim="past")]
    maps = {"a": (a, ["P1 -> T", "P2 -> T", "P3 -> T", "E1 -> P1"]),
            "b": (b, ["P1 -> T", "P2 -> T", "P3 -> T", "P4 -> P1"])}
    maps.update(changes)
    return maps


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("relations"), pair_maps(), CLAIMS)


def test_compare_sorts_each_claim_by_its_kind_of_relation(pair: Corpus) -> None:
    c = compare(pair, "a", "b")
    assert [x.claim for x in c.agreements] == ["silent"]
    assert [x.claim for x in c.disagreements] == ["china"]
    assert [(x.claim, x.relation, x.how) for x in c.differences] == [
        ("cause", "differ", CLAIMS["cause"]["how"]), ("past", "tension", CLAIMS["past"]["how"])]


def test_only_a_contradiction_is_called_one_in_the_report(pair: Corpus) -> None:
    text = compare_markdown(compare(pair, "a", "b"))
    sections = {s.split("\n", 1)[0]: s for s in text.split("\n## ")[1:]}
    assert set(sections) == {"Contradictions (1)", "Agreements (1)", "Different answers (1)", "In tension (1)",
                             "Only in a (1)", "Only in b (1)", "How each shared claim reaches each thesis"}
    assert "China spoke" in sections["Contradictions (1)"]
    assert "lack of will" in sections["Different answers (1)"] and CLAIMS["cause"]["how"] in text
    assert "used to answer" in sections["In tension (1)"]


def test_the_handout_puts_differences_apart_from_contradictions_and_common_ground(pair: Corpus) -> None:
    h = handout_data(pair, "a", "b")
    assert [r.claim for r in h.shared] == ["silent"]
    assert [d.claim for d in h.disagreements] == ["china"]
    assert [d.claim for d in h.differences] == ["cause", "past"]
    md = handout_markdown(h, teacher=True)
    parts = md.split("\n## ")
    contradict = next(p for p in parts if p.split("\n")[0].endswith("Where the essays contradict each other"))
    differ = next(p for p in parts if p.split("\n")[0].endswith("differ without contradicting each other"))
    common = next(p for p in parts if p.split("\n")[0].endswith("Common ground: what both essays claim"))
    assert "China spoke" in contradict and "lack of will" not in contradict and "used to answer" not in contradict
    assert "lack of will" in differ and "used to answer" in differ and CLAIMS["cause"]["how"] in differ
    assert "China spoke" not in common and "lack of will" not in common


def test_no_difference_sits_under_common_ground_or_where_they_part_on_the_slides(pair: Corpus) -> None:
    deck = comparison_deck(pair, "a", "b")
    kickers = {(s.kicker, s.title.split("”")[0].lstrip("“")) for s in deck}
    assert ("They contradict each other", "China spoke where Russia did not") in kickers
    assert any(k == "Same question, different answers" and t.startswith("Why Russia did not act") for k, t in kickers)
    assert any(k == "A tension between them" and t.startswith("Russia used to answer") for k, t in kickers)
    for kicker, title in kickers:
        if kicker in ("Common ground", "They contradict each other"):
            assert not title.startswith(("Why Russia did not act", "Russia used to answer")), (kicker, title)


def test_aif_marks_only_the_contradiction_as_contested(pair: Corpus) -> None:
    aif = to_aif(export_view(pair, ["a", "b"]))
    extra = {n["argmap"]["claim"]: n["argmap"] for n in aif["nodes"] if n["type"] == "I" and "claim" in n["argmap"]}
    assert {k: (v["relation"], v.get("contested", False)) for k, v in extra.items()} == {
        "silent": ("agree", False), "cause": ("differ", False), "china": ("contradict", True),
        "past": ("tension", False)}
    # the maps have no attacks, and a difference or a tension is no conflict; but b denies "china" and argues from
    # that denial, so in the comparison, whose I-node says China spoke, b's support is a conflict with b's thesis
    conflicts = [n["argmap"] for n in aif["nodes"] if n["type"] == "CA"]
    assert [(x["map"], x["relation"]) for x in conflicts] == [("b", "attacks")]


def test_a_registry_without_relations_keeps_working(tmp_path: Path) -> None:
    plain = {k: (v["wording"] if isinstance(v, dict) else v) for k, v in CLAIMS.items()}
    c = compare(build_corpus(tmp_path, pair_maps(), plain), "a", "b")
    assert sorted(x.claim for x in c.disagreements) == ["china", "past"]  # mixed stances: contradictions
    assert sorted(x.claim for x in c.agreements) == ["cause", "silent"]
    assert c.differences == []


def _errors(tmp_path: Path, claims: dict[str, Any], **maps: Any) -> list[str]:
    with pytest.raises(Exception):  # noqa: B017 - the corpus does not load; the diagnostics say why
        build_corpus(tmp_path, pair_maps(**maps), claims)
    _, diags = check_corpus([tmp_path])
    return [str(d) for d in diags if d.severity == "error"]


def test_a_declared_contradiction_needs_a_denying_node(tmp_path: Path) -> None:
    claims = {**CLAIMS, "silent": {"wording": "Russia said nothing.", "relation": "contradict"}}
    errors = _errors(tmp_path, claims)
    assert len(errors) == 1
    registry = json.loads((tmp_path / "claims.yaml").read_text())
    assert registry["claims"][0]["relation"] == "contradict"
    assert errors[0].startswith(f"{tmp_path / 'claims.yaml'}:1:")
    assert "claim 'silent' is declared 'contradict', but no map denies what another affirms: a P1 (affirms), " \
           "b P1 (affirms)" in errors[0]


@pytest.mark.parametrize("relation", ["differ", "agree"])
def test_a_difference_or_agreement_cannot_have_opposite_stances(tmp_path: Path, relation: str) -> None:
    claims = {**CLAIMS, "china": {"wording": "China spoke.", "relation": relation, "how": "h"}}
    errors = _errors(tmp_path, claims)
    assert len(errors) == 1 and f"claim 'china' is declared '{relation}', but its nodes take opposite stances: " \
        "a P3 (affirms), b P3 (denies)" in errors[0]


def test_a_tension_needs_a_how(tmp_path: Path) -> None:
    claims = {**CLAIMS, "past": {"wording": "Russia used to answer.", "relation": "tension"}}
    errors = _errors(tmp_path, claims)
    assert len(errors) == 1 and "claims[3]: a claim whose relation is 'tension' needs 'how'" in errors[0]


def test_exports_keep_two_different_answers_apart_and_one_agreement_together(bundled: Corpus) -> None:
    """A claim the essays answer differently (or hold in tension) is no single proposition: every export writes each
    essay's answer as a statement of its own, with that essay's relations; an agreement stays one statement."""
    from argmap.exporters.argdown import argdown_text
    from argmap.exporters.view import export_view

    view = export_view(bundled, ["bankruptcy", "enforcer"])
    by_claim: dict[str, list[Any]] = {}
    for s in view.statements:
        if s.claim:
            by_claim.setdefault(s.claim, []).append(s)
    assert [len(x) for x in by_claim.values()].count(2) == 5  # four differences and one tension
    for claim, said in by_claim.items():
        relation = bundled.registry.get(claim).relation if bundled.registry.get(claim) else None
        if relation in ("differ", "tension"):
            assert all(len(s.maps) == 1 for s in said) and {s.maps[0] for s in said} == {"bankruptcy", "enforcer"}
            assert all(s.id == f"claim:{claim}/{s.maps[0]}" for s in said)
    ids = {s.id for s in view.statements}
    assert all(t in ids or t in {x.id for x in view.links} for link in view.links for t in (*link.sources, link.target))
    text = argdown_text(view)
    assert "[claim:inaction-by-choice/bankruptcy]:" in text and "[claim:inaction-by-choice]:" not in text
    assert "[claim:russia-silent]:" in text  # an agreement: one equivalence class for both essays


def test_the_report_words_a_contradiction_of_theses_and_its_one_step_path(tmp_path: Path) -> None:
    from argmap.exporters.report import compare_markdown
    from argmap.queries.comparison import compare

    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis", claim="fines"), node("a", "P")], ["P -> T"]),
        "b": ([node("b", "T", "thesis", claim="fines", stance="denies"), node("b", "P")], ["P -> T"]),
    }, {"fines": "Higher fines are the right means."})
    text = compare_markdown(compare(corpus, "a", "b"))
    assert "opposite stances: a affirms, b denies" in text and "opposite-stances" not in text
    assert "  - a: T, the thesis itself" in text and "  - b: T, the thesis itself" in text
