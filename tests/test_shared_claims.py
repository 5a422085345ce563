"""Shared claims of every kind, the theses' claim first in every comparison, coverage of short texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.corpus.load import Corpus, load_corpus
from argmap.exporters.report import compare_markdown, shared_markdown
from argmap.queries.comparison import compare, shared_claims, shared_premises
from argmap.queries.coverage import map_coverage

TRIO = Path(__file__).resolve().parent / "fixtures" / "trio" / "maps"


@pytest.fixture(scope="module")
def trio() -> Corpus:
    return load_corpus([TRIO], strict=True)


def test_shared_lists_the_claim_all_three_theses_dispute_first(trio: Corpus) -> None:
    result = shared_claims(trio)
    assert [c.claim for c in result.claims] == ["deposit-up", "returns-rise"]
    first = result.claims[0]
    assert first.theses == ["alpha", "beta", "gamma"] and not first.agree
    assert [m.kind for m in first.mentions] == ["thesis", "thesis", "thesis"]


def test_shared_premises_still_lists_only_premises(trio: Corpus) -> None:
    result = shared_premises(trio)
    assert [c.claim for c in result.claims] == ["returns-rise"]
    assert result.claims[0].maps == ["alpha", "beta"]


def test_the_report_names_the_theses(trio: Corpus) -> None:
    text = shared_markdown(shared_claims(trio))
    assert text.startswith("# Shared claims: alpha, beta, gamma\n\n## The bottle deposit should be raised. — **contested**\n")
    assert "· the thesis of alpha, beta, gamma" in text


def test_compare_puts_the_claim_both_theses_share_first(trio: Corpus) -> None:
    # The registry lists returns-rise first; the theses' claim leads all the same.
    agreed = compare(trio, "alpha", "beta")
    assert [a.claim for a in agreed.agreements] == ["deposit-up", "returns-rise"]
    assert [p.claim for p in agreed.paths] == ["deposit-up", "returns-rise"]


def test_compare_puts_the_claim_both_theses_dispute_first(trio: Corpus) -> None:
    disputed = compare(trio, "alpha", "gamma")
    assert disputed.disagreements[0].claim == "deposit-up"
    assert [p.claim for p in disputed.paths] == ["deposit-up", "returns-rise"]


def test_the_comparison_report_has_a_section_per_relation_and_leaves_out_empty_ones(trio: Corpus) -> None:
    disputed = compare_markdown(compare(trio, "alpha", "gamma"))
    heads = [line for line in disputed.splitlines() if line.startswith("#")]
    assert heads[:5] == ["# alpha vs gamma", "## Contradictions (1)", "### The bottle deposit should be raised.",
                         "## Agreements (1)", "### A higher deposit makes people return more bottles."]
    assert "`deposit-up` · opposite stances: alpha affirms, gamma denies\n" in disputed
    assert "- **gamma** `T` (thesis) [denies]: “The bottle deposit should stay as it is.”" in disputed
    agreed = compare_markdown(compare(trio, "alpha", "beta"))
    assert "## Disagreements" not in agreed
    assert agreed.index("`deposit-up` · both affirm") < agreed.index("`returns-rise` · both affirm")


def test_coverage_of_a_one_paragraph_text_counts_sentences(trio: Corpus) -> None:
    report = map_coverage(trio.get("alpha"))
    assert report.unit == "sentence"
    assert [(p.number, p.status) for p in report.paragraphs] == [
        (1, "covered"), (2, "covered"), (3, "uncovered"), (4, "covered"), (5, "covered")]
    assert report.uncovered[0].text == "Fewer bottles end up in parks."


def test_removing_three_of_five_units_shows_in_coverage(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_bytes((TRIO.parent / "seeds" / "a.txt").read_bytes())
    text = (TRIO / "a.yaml").read_text()
    kept = text.split("  - id: O1")[0] + "relations:\n  - r1: P1 -> T\n"
    (tmp_path / "maps" / "a.yaml").write_text(kept)
    (tmp_path / "maps" / "claims.yaml").write_bytes((TRIO / "claims.yaml").read_bytes())
    report = map_coverage(load_corpus([tmp_path / "maps"]).get("alpha"))
    assert [p.number for p in report.uncovered] == [3, 4, 5]


def test_a_long_essay_is_still_counted_by_paragraph(bundled: Corpus) -> None:
    report = map_coverage(bundled.get("bankruptcy"))
    assert report.unit == "paragraph"
    assert len(report.paragraphs) >= 5
