"""The bundled pair's handout: every sentence rests on facts that check against the maps, read back from the JSON
of ``argmap handout --json`` and checked independently of the code that wrote it; no heading holds a claim its
relation contradicts; the questions are balanced between the two essays.

The bundled maps are revised over time, so these tests check properties, never exact sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import check_grounds, fact_holds

from argmap.classroom.handout import handout_data
from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.queries.facts import RelationIs, SameGap


def test_every_sentence_of_the_bundled_handout_json_rests_on_facts_that_check(bundled: Corpus) -> None:
    result = CliRunner().invoke(cli, ["handout", "bankruptcy", "enforcer", "--json"])
    assert result.exit_code == 0, result.output
    h = json.loads(result.output)
    assert h["questions"]
    for q in h["questions"]:
        assert q["facts"], q["id"]  # the prompt states facts
        assert len(q["answer_facts"]) == len(q["answer"]) and all(q["answer_facts"]), q["id"]
        for fact in [*q["facts"], *(f for fs in q["answer_facts"] for f in fs)]:
            assert fact_holds(bundled, fact), (q["id"], fact)
            check_grounds(bundled, fact["grounds"])
        assert not any("see the note above" in s or "curator" in s for s in q["answer"]), q["id"]
    assert set(h["facts"]) >= {"theses", "common ground", "contradictions", "differences", "alone"}
    for section, facts in h["facts"].items():
        for fact in facts:
            assert fact_holds(bundled, fact), (section, fact)
            check_grounds(bundled, fact["grounds"])


def test_no_heading_of_the_bundled_handout_holds_a_claim_its_relation_contradicts(bundled: Corpus) -> None:
    h = handout_data(bundled, "bankruptcy", "enforcer")
    for row in h.shared:  # common ground: both essays bind it with one stance
        stances = {m.stance for m in row.left + row.right}
        assert len(stances) == 1 and row.relation == "agree", row.claim
        claim = bundled.registry.get(row.claim)
        assert claim is not None and claim.relation in (None, "agree"), row.claim
    for d in h.disagreements:
        if d.reason == "opposite-stances":
            assert RelationIs(claim=d.claim, maps=["bankruptcy", "enforcer"], relation="contradict").check(bundled)
    for f in h.differences:
        assert RelationIs(claim=f.claim, maps=["bankruptcy", "enforcer"], relation=f.relation).check(bundled)
    for q in h.questions:
        if q.kind == "contradiction":
            assert q.claim and RelationIs(claim=q.claim, maps=["bankruptcy", "enforcer"],
                                          relation="contradict").check(bundled)
        if q.template == "paired-assumption":
            assert any(isinstance(f, SameGap) and f.check(bundled) for f in q.facts)


def test_the_bundled_questions_are_balanced_between_the_essays(bundled: Corpus) -> None:
    qs = handout_data(bundled, "bankruptcy", "enforcer").questions
    for side in ("bankruptcy", "enforcer"):
        alone = [q.id for q in qs if {r.map for r in q.about} == {side}]
        assert len(alone) <= 0.6 * len(qs), (side, alone)
    both = [q for q in qs if {r.map for r in q.about} == {"bankruptcy", "enforcer"}]
    assert len(both) > len(qs) / 2


def _curated_microtexts(folder: Path) -> Corpus:
    """Two arg-microtexts on capital punishment (b023, b031) with their curated registry
    (``tests/fixtures/microtexts/curated``): three agreements and one difference (each essay's further reason)."""
    from argmap.corpus.load import load_corpus

    return load_corpus([Path(__file__).resolve().parent / "fixtures" / "microtexts" / "curated" / "maps"])


def test_a_curated_pair_of_microtexts_gets_material_as_true_as_the_bundled_pair(tmp_path: Path) -> None:
    corpus = _curated_microtexts(tmp_path)
    h = handout_data(corpus, "b023", "b031")
    assert [d.claim for d in h.differences] == ["further-reason"] and h.disagreements == []
    assert {r.claim for r in h.shared} == {"no-death-penalty", "no-right-over-life", "amends"}
    for q in h.questions:
        for fact in [*q.facts, *(f for fs in q.answer_facts for f in fs)]:
            assert fact_holds(corpus, fact.model_dump()), (q.id, fact)
        assert "different destinations" not in q.title.lower(), q.id  # both theses are one claim
    assert [q.kind for q in h.questions if q.claim == "further-reason"] == ["difference"]
    assert not any(q.kind == "contradiction" for q in h.questions)
