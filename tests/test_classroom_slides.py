"""Slides (argmap.classroom.slides, .decks) and `argmap slides`: 16:9, every word at 24 pt or more, nothing cut."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import chromium_or_skip, write_pair

from argmap.classroom.browser import Browser
from argmap.classroom.decks import build_slides, comparison_deck, map_deck
from argmap.classroom.slides import Column, Item, paginate
from argmap.cli import cli
from argmap.corpus.load import Corpus, load_corpus
from argmap.queries.analysis import map_structure
from argmap.queries.comparison import compare

ROOT = Path(__file__).resolve().parent.parent
WORDY = ("This premise goes on at length, as essays sometimes do, restating its point in several ways and adding "
         "qualifications, examples and asides that a slide must still show whole. ") * 3


@pytest.fixture(scope="module")
def pair_deck(request: pytest.FixtureRequest) -> Any:
    """The comparison deck of a named corpus fixture's bankruptcy and enforcer, built once per module: several tests
    read the same deck (it draws a diagram per claim)."""
    made: dict[str, list[Any]] = {}

    def deck(corpus_name: str) -> list[Any]:
        if corpus_name not in made:
            made[corpus_name] = comparison_deck(request.getfixturevalue(corpus_name), "bankruptcy", "enforcer")
        return made[corpus_name]

    return deck


@pytest.fixture(scope="module")
def mini() -> Corpus:
    return load_corpus([ROOT / "tests/fixtures/mini"])


@pytest.fixture(scope="module")
def wordy(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Two maps with long statements and many lines of support, to force pagination."""
    def spec(map_id: str, stance: str) -> dict[str, Any]:
        nodes = [{"id": "T", "kind": "thesis", "text": "The thesis, " + WORDY[:200], "quote": f"{map_id} thesis here.",
                  "claim": "core", "stance": stance}]
        nodes += [{"id": f"P{i}", "kind": "premise", "text": f"{i}. {WORDY}", "quote": f"{map_id} premise {i}.",
                   **({"claim": "shared"} if i == 1 else {})} for i in range(1, 9)]
        return {"title": f"The {map_id} essay, whose title is long enough to wrap across the slide's width",
                "nodes": nodes, "relations": [f"P{i} -> T" for i in range(1, 9)]}
    return write_pair(tmp_path_factory.mktemp("wordy"), {"left": spec("left", "affirms"),
                                                        "right": spec("right", "denies")},
                      {"core": "The claim both theses dispute.", "shared": "A premise both use. " + WORDY[:150]})


def test_paginate_keeps_every_item_and_splits_one_too_long_for_a_slide() -> None:
    items = tuple(Item(label=f"P{i}", text=WORDY) for i in range(6))
    pages = paginate("K", "T", [Column(heading="h", items=items)])
    assert len(pages) > 1 and [p.title for p in pages][-1] == f"T ({len(pages)} of {len(pages)})"
    shown = " ".join(i.text for p in pages for i in p.columns[0].items)
    assert shown.split() == " ".join(i.text for i in items).split()
    huge = paginate("K", "T", [Column(heading="", items=(Item(label="P1", text=WORDY * 6),))])
    assert len(huge) > 1 and huge[1].columns[0].items[0].label == "P1 …"


def test_the_comparison_deck_follows_the_comparison(mini: Corpus) -> None:
    a, b = sorted(mini.maps)[:2]
    deck = comparison_deck(mini, a, b)
    first = deck[0]
    assert [c.items[0].label for c in first.columns] == [mini.get(a).model.thesis.id, mini.get(b).model.thesis.id]
    assert [c.side for c in first.columns] == ["left", "right"]
    disagreements = compare(mini, a, b).disagreements
    parted = ("They contradict each other", "Same premise, different conclusions")
    assert sum(1 for s in deck if s.kicker in parted) >= len(disagreements)
    assert deck[-1].kicker == "Discuss"
    swapped = comparison_deck(mini, b, a)
    assert [c.heading for c in swapped[0].columns] == [c.heading for c in reversed(first.columns)]


def test_the_map_deck_has_the_thesis_then_one_slide_per_line(mini: Corpus) -> None:
    for map_id in mini.maps:
        deck = map_deck(mini, map_id)
        lines = map_structure(mini.get(map_id).model).lines
        assert deck[0].columns[0].items[0].tone == "thesis"
        assert len({s.kicker for s in deck[1:]}) == len(lines)


def test_the_deck_is_offline_and_byte_identical(mini: Corpus) -> None:
    a, b = sorted(mini.maps)[:2]
    one, two = build_slides(mini, [a, b]), build_slides(mini, [a, b])
    assert one == two and isinstance(one, str)
    assert not re.search(r"(?:src|href)=\"(?!#)|url\(|://", one)


MEASURE = r"""
(() => {
  const out = {minPx: 1e9, overflow: [], slides: document.querySelectorAll('.slide').length, texts: 0,
               diagrams: 0, diagramMinPx: 1e9};
  for (const svg of document.querySelectorAll('.slide svg')) {  // text drawn at the SVG's scale, as shown
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    out.diagrams += 1;
    for (const t of svg.querySelectorAll('text'))
      out.diagramMinPx = Math.min(out.diagramMinPx, parseFloat(t.getAttribute('font-size')) * scale);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const t = walker.currentNode;
    if (!t.textContent.trim() || t.parentElement.closest('svg')) continue;
    out.texts += 1;
    out.minPx = Math.min(out.minPx, parseFloat(getComputedStyle(t.parentElement).fontSize));
  }
  for (const el of document.querySelectorAll('.slide, .slide *')) {
    if (getComputedStyle(el).display === 'inline' || el.parentElement.closest('svg')) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      out.overflow.push(el.closest('.slide').id + ' ' + el.tagName);
  }
  for (const s of document.querySelectorAll('.slide')) {
    const box = s.getBoundingClientRect();
    for (const el of s.querySelectorAll('li, h1, h2, .kicker, .number')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > box.bottom || r.right > box.right || r.width !== r.width) out.overflow.push(s.id + ' cut');
    }
  }
  return out;
})()
"""


@pytest.fixture(scope="module")
def browser() -> Any:
    with Browser(chromium_or_skip(), timeout=60, window=(1920, 1080)) as b:
        yield b


@pytest.mark.parametrize("which", ["bundled pair", "bundled map", "mini pair", "wordy pair", "wordy map"])
def test_every_word_is_24_pt_or_more_and_nothing_overflows(which: str, bundled: Corpus, mini: Corpus,
                                                           wordy: Corpus, browser: Browser, tmp_path: Path) -> None:
    corpus = {"bundled": bundled, "mini": mini, "wordy": wordy}[which.split()[0]]
    ids = sorted(corpus.maps)[:2] if which.endswith("pair") else sorted(corpus.maps)[:1]
    page_file = tmp_path / "deck.html"
    page_file.write_text(str(build_slides(corpus, ids)), encoding="utf-8")
    found = browser.open(page_file.as_uri()).evaluate(MEASURE)
    assert found["slides"] >= 2 and found["texts"] > 0
    assert found["minPx"] >= 32, found  # 24 pt = 32 CSS px on a 1920 x 1080 page
    if which.endswith("pair"):
        assert found["diagrams"] > 0 and found["diagramMinPx"] >= 32, found
    assert found["overflow"] == [], found


def test_cli_writes_a_pdf_deck_of_16_9_pages_and_the_same_bytes_twice(tmp_path: Path) -> None:
    chromium_or_skip()
    mini_dir = str(ROOT / "tests/fixtures/mini")
    outs = []
    for name in ("one.pdf", "two.pdf"):
        result = CliRunner().invoke(cli, ["slides", f"{mini_dir}/alpha.yaml", f"{mini_dir}/beta.yaml",
                                          "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1] and outs[0].startswith(b"%PDF")
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", outs[0]))
    assert boxes == {(b"1440", b"810")}  # 1920 x 1080 CSS px


@pytest.mark.parametrize(("args", "message"), [
    (["a", "b", "c", "--out", "x.pdf"], "one map or compare two"),
    (["alpha.yaml", "--out", "x.txt"], "end it in .html, .htm or .pdf, or pass --format"),
])
def test_cli_errors_are_clear(args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "tests/fixtures/mini")
    result = CliRunner().invoke(cli, ["slides", *args])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert not list(tmp_path.iterdir())


def _claim_of_title(corpus: Corpus, title: str) -> str:
    from argmap.classroom.wording import inside

    wording = re.sub(r" \(\d+ of \d+\)$", "", title).strip("“”")
    return next(c.id for c in corpus.registry.claims if inside(c.wording) == wording)


CLAIM_KICKERS = {"Common ground": "agree", "They contradict each other": "contradict",
                 "Same question, different answers": "differ", "A tension between them": "tension"}
"""The heading of a claim's slides, and the one relation it may be used for."""


@pytest.mark.parametrize("corpus_name", ["bundled", "contested"])
def test_a_claims_slides_are_headed_by_how_the_essays_relate_on_it(corpus_name: str, request: pytest.FixtureRequest,
                                                                    pair_deck: Any) -> None:
    """Never a contradiction under "Common ground", never a difference called a contradiction: each claim's heading
    is the one its relation (the registry's, else its stances) allows."""
    from argmap.classroom.decks import claim_relation

    corpus: Corpus = request.getfixturevalue(corpus_name)
    deck = pair_deck(corpus_name)
    pair = [corpus.get("bankruptcy"), corpus.get("enforcer")]
    seen = {}
    for s in deck:
        kicker = s.kicker.split(" · ")[0]
        if kicker in CLAIM_KICKERS:
            claim = _claim_of_title(corpus, s.title)
            seen[claim] = kicker
            assert claim_relation(corpus, claim, pair) == CLAIM_KICKERS[kicker], (kicker, claim)
    contradictions = {d.claim for d in compare(corpus, "bankruptcy", "enforcer").disagreements
                      if d.reason == "opposite-stances"}
    assert contradictions <= {c for c, k in seen.items() if k == "They contradict each other"}
    if corpus_name == "contested":
        assert contradictions
    else:
        assert {"differ", "tension"} <= {CLAIM_KICKERS[k] for k in seen.values()}


def test_the_deck_has_every_question_and_both_essays_lines_of_their_own(bundled: Corpus, mini: Corpus,
                                                                        pair_deck: Any) -> None:
    from argmap.classroom.questions import discussion_questions

    for corpus, (a, b) in ((bundled, ("bankruptcy", "enforcer")), (mini, tuple(sorted(mini.maps)[:2]))):
        deck = pair_deck("bundled") if corpus is bundled else comparison_deck(corpus, a, b)
        asked = [i.text for s in deck if s.kicker == "Discuss" for c in s.columns for i in c.items]
        assert asked == [q.prompt for q in discussion_questions(corpus, a, b)]
        assert {f"Only in {a}", f"Only in {b}"} <= {s.kicker for s in deck}


def test_each_claim_slide_is_followed_by_its_neighbourhood_at_24_pt(bundled: Corpus, pair_deck: Any) -> None:
    from argmap.render.compare.slides import LEAST_PT, slide_text_pt

    deck = pair_deck("bundled")
    claims = [s for s in deck if s.kicker in CLAIM_KICKERS and not s.diagram]
    diagrams = [s for s in deck if s.diagram]
    assert {_claim_of_title(bundled, s.title) for s in claims} == {_claim_of_title(bundled, s.title) for s in diagrams}
    for s in diagrams:
        claim = _claim_of_title(bundled, s.title)
        assert f'id="claim--{claim}"' in (s.diagram or "")
        assert slide_text_pt(s.diagram or "") >= LEAST_PT, (s.kicker, s.title)


@pytest.mark.parametrize(("relation", "claim", "kicker"), [
    ("differ", "russia-silent", "Same question, different answers"),
    ("tension", "china-stood-apart", "A tension between them")])
def test_a_declared_relation_heads_its_claims_slide_with_its_how(contested: Corpus, relation: str, claim: str,
                                                                 kicker: str) -> None:
    """russia-silent is affirmed by both essays, china-stood-apart affirmed by one and denied by the other; what the
    registry declares heads the slides, with its 'how' under the title."""
    from dataclasses import replace as swap

    how = "One essay puts it down to will, the other to means."
    registry = contested.registry.model_copy(update={"claims": [
        c.model_copy(update={"relation": relation, "how": how}) if c.id == claim else c
        for c in contested.registry.claims]})
    deck = comparison_deck(swap(contested, registry=registry), "bankruptcy", "enforcer")
    mine = [s for s in deck if s.title.startswith("“") and _claim_of_title(contested, s.title) == claim]
    assert mine, claim
    assert {s.kicker.split(" · ")[0] for s in mine} == {kicker}
    assert all(s.note == how for s in mine if not s.diagram)
    assert any(s.diagram for s in mine)


@pytest.mark.parametrize("corpus_name", ["bundled", "contested"])
def test_every_slide_carries_facts_that_hold_and_its_heading_is_among_them(corpus_name: str,
                                                                          request: pytest.FixtureRequest,
                                                                          pair_deck: Any) -> None:
    """Each slide states facts re-checked here against the maps; a claim's heading is its relation's fact; the
    deck for one map carries its lines of support."""
    from argmap.queries.facts import LinesOfSupport, RelationIs

    corpus: Corpus = request.getfixturevalue(corpus_name)
    deck = pair_deck(corpus_name)
    for s in deck:
        assert s.facts, (s.kicker, s.title)
        assert all(f.check(corpus) for f in s.facts), (s.kicker, s.title)
        kicker = s.kicker.split(" · ")[0]
        if kicker in CLAIM_KICKERS:
            claim = _claim_of_title(corpus, s.title)
            expected = RelationIs(claim=claim, maps=["bankruptcy", "enforcer"], relation=CLAIM_KICKERS[kicker])
            assert expected in s.facts, (kicker, claim)
    for s in map_deck(corpus, "enforcer")[1:]:
        assert any(isinstance(f, LinesOfSupport) for f in s.facts)


def test_a_slide_that_would_state_a_false_fact_is_never_written(bundled: Corpus,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.classroom import decks
    from argmap.queries.facts import UngroundedFact

    real = decks.RelationIs  # every claim slide would call its claim common ground
    monkeypatch.setattr(decks, "RelationIs", lambda **kw: real(**{**kw, "relation": "agree"}))
    with pytest.raises(UngroundedFact, match="relation of bankruptcy and enforcer on claim"):
        comparison_deck(bundled, "bankruptcy", "enforcer")
