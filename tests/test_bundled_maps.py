"""The bundled pair: faithful seeds, clean validation, full coverage, and the comparison teachers rely on."""

from __future__ import annotations

import hashlib
from pathlib import Path

from argmap.corpus.load import Corpus, check_corpus
from argmap.queries.comparison import compare, shared_premises
from argmap.queries.coverage import map_coverage

ROOT = Path(__file__).resolve().parent.parent

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
SEED_SUMS = ROOT / "tests" / "fixtures" / "seeds.sha256"
"""The sha256 of each original essay, in ``sha256sum`` format (``sha256sum -c`` checks it from the repository root)."""


def _sums() -> dict[str, str]:
    lines = SEED_SUMS.read_text(encoding="utf-8").splitlines()
    return {name.removeprefix("seeds/"): digest for digest, name in (line.split(None, 1) for line in lines)}


def test_seeds_are_byte_for_byte_copies() -> None:
    """seeds/ holds exactly the original essays, unchanged: checked against their committed checksums, and
    against the originals themselves where they are beside the checkout (../shared/seeds)."""
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((ROOT / "seeds").iterdir())}
    assert found == _sums(), f"seeds/ differs from the originals listed in {SEED_SUMS.relative_to(ROOT)}"
    if SHARED_SEEDS.is_dir():
        originals = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(SHARED_SEEDS.iterdir())}
        assert originals == found, f"seeds/ differs from the originals in {SHARED_SEEDS}"


def test_bundled_maps_validate_with_no_errors_and_no_warnings() -> None:
    corpus, diags = check_corpus([ROOT / "maps"])
    assert corpus is not None
    assert [str(d) for d in diags] == []
    assert sorted(corpus.maps) == ["bankruptcy", "enforcer"]


def test_every_map_starts_with_the_schema_modeline() -> None:
    for f in sorted((ROOT / "maps").glob("*.yaml")):
        first = f.read_text(encoding="utf-8").splitlines()[0]
        name = "claims" if f.name == "claims.yaml" else "map"
        assert first == f"# yaml-language-server: $schema=../schema/{name}.schema.json"


def test_recorded_sha256_matches_the_seed(bundled: Corpus) -> None:
    for gm in bundled.maps.values():
        text = (ROOT / "maps" / gm.model.source.path).resolve().read_bytes()
        assert hashlib.sha256(text).hexdigest() == gm.model.source.sha256


def test_every_argumentative_paragraph_is_covered(bundled: Corpus) -> None:
    for gm in bundled.maps.values():
        report = map_coverage(gm)
        assert report.uncovered == []
        assert sum(p.status == "covered" for p in report.paragraphs) >= 17


def test_only_the_title_and_the_closing_offer_are_skipped(bundled: Corpus) -> None:
    skipped = [p.text for gm in bundled.maps.values() for p in map_coverage(gm).paragraphs if p.status == "skipped"]
    assert skipped == ["Russia’s Strategic Bankruptcy: How Israel’s Strike on Iran Exposed the Illusion of Moscow’s Alliances",
                       "If you’d like, I can create a layout-ready version for Medium or Substack, or prepare a "
                       "PDF/print adaptation."]


def test_each_map_has_the_parts_a_faithful_map_needs(bundled: Corpus) -> None:
    for gm in bundled.maps.values():
        kinds = [n.kind for n in gm.model.nodes]
        assert kinds.count("thesis") == 1
        for kind in ("premise", "evidence", "objection", "conclusion"):
            assert kinds.count(kind) >= 1, (gm.id, kind)
        assert 2 <= kinds.count("assumption") <= 6


def test_first_essays_reference_list_is_cited_in_full(bundled: Corpus) -> None:
    gm = bundled.get("bankruptcy")
    refs = [p.text.lstrip("• ").strip() for p in gm.essay.paragraphs if p.text.startswith("•")]
    cited = {c for n in gm.model.nodes for c in (n.citation or [])}
    assert len(refs) == 7
    assert set(refs) <= cited


def test_shared_lists_the_three_core_overlaps_with_both_quotes(bundled: Corpus) -> None:
    result = shared_premises(bundled)
    by_id = {c.claim: c for c in result.claims}
    for claim in ("russia-silent", "russia-overextended", "iran-isolated"):
        mentions = by_id[claim].mentions
        assert {m.map for m in mentions} == {"bankruptcy", "enforcer"}
        assert all(m.quote and m.span for m in mentions)
    assert len(result.claims) > 3


def test_compare_finds_the_claim_the_essays_take_opposite_stances_on(contested: Corpus) -> None:
    result = compare(contested, "bankruptcy", "enforcer")
    china = next(d for d in result.disagreements if d.claim == "china-stood-apart")
    assert china.reason == "opposite-stances"
    assert {m.stance for m in china.left} == {"affirms"}
    assert {m.stance for m in china.right} == {"denies"}


def test_the_bundled_pair_differs_and_stands_in_tension_without_contradicting(bundled: Corpus) -> None:
    """The revised registry says how the essays relate on each claim: opposite stances on Russia's past reactions
    are a tension in the evidence, not a contradiction, and compare keeps them apart."""
    result = compare(bundled, "bankruptcy", "enforcer")
    assert result.disagreements == []
    kinds = {d.claim: d.relation for d in result.differences}
    assert kinds["russia-used-to-react"] == "tension" and kinds["inaction-by-choice"] == "differ"
    past = next(d for d in result.differences if d.claim == "russia-used-to-react")
    assert {m.stance for m in past.left} == {"denies"} and {m.stance for m in past.right} == {"affirms"}
    assert past.how
    assert any(a.claim == "russia-silent" for a in result.agreements)
    silent = next(p for p in result.paths if p.claim == "russia-silent")
    assert silent.left and silent.left[-1] == "T" and silent.right and silent.right[-1] == "T"


def test_a_title_the_essay_does_not_carry_is_marked_as_the_curators(bundled: Corpus) -> None:
    """Student material must not print a curator's title as the essay's own: a map whose title is not in its essay
    says ``title_supplied: true``, and one whose title is the essay's says nothing of the kind."""
    for gm in bundled.maps.values():
        essay = (ROOT / "maps" / gm.model.source.path).resolve().read_text(encoding="utf-8")
        assert gm.model.title_supplied == (gm.model.title not in essay), gm.id
    assert bundled.get("enforcer").model.title_supplied
