"""The topic diagram: what it draws for nine essays, what marks a contested claim, its layout, its views."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import Corpus, load_corpus
from argmap.queries.topic import compare_topic
from argmap.render import View, compare_dot
from argmap.render.topic.diagram import SLIDE, straight_crossings, topic_dot, topic_layout

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "tests" / "fixtures" / "topic" / "higher_dog_poo_fines"
_NODE = re.compile(r'^\s*"([^"]+)" \[id="([^"]+)"', re.M)
_EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)" \[color="([^"]+)", style="([^"]+)"', re.M)


@pytest.fixture(scope="module")
def topic() -> Corpus:
    return load_corpus([MAPS])


def test_nine_theses_around_the_shared_claims_each_with_a_line_in_its_colour(topic: Corpus) -> None:
    ids = sorted(topic.maps)
    dot = topic_dot(topic, ids)
    nodes = dict(_NODE.findall(dot))
    edges = _EDGE.findall(dot)
    claims = {r.claim for r in compare_topic(topic, ids).rows}
    assert {n for n in nodes if n.startswith("claim:")} == {f"claim:{c}" for c in claims}
    assert {nodes[n] for n in nodes if not n.startswith("claim:")} == {
        f"{i}--{topic.get(i).model.thesis.id}" for i in ids}
    touched = {x for tail, head, _, _ in edges for x in (tail, head)}
    assert set(nodes) <= touched  # no statement without a line
    colours = {tail.split(":")[0]: {c for t, _, c, _ in edges if t == tail} for tail, _, _, _ in edges}
    assert all(len(c) == 1 for c in colours.values()) and len({next(iter(c)) for c in colours.values()}) == 9
    denies = [(t, h) for t, h, _, style in edges if style == "dashed"]
    assert denies == [("micro_b061:a1", "claim:higher_dog_poo_fines")]  # the one text that says no


def test_the_contested_claim_is_marked_and_counts_each_side(topic: Corpus) -> None:
    dot = topic_dot(topic, sorted(topic.maps))
    line = next(x for x in dot.splitlines() if x.lstrip().startswith('"claim:higher_dog_poo_fines"'))
    assert 'color="#c0392b"' in line and "contested: 8 affirm, 1 deny" in line
    agreed = next(x for x in dot.splitlines() if x.lstrip().startswith('"claim:fines-deter"'))
    assert "contested" not in agreed and "#c0392b" not in agreed


def test_claims_grow_with_the_essays_that_make_them(topic: Corpus) -> None:
    dot = topic_dot(topic, sorted(topic.maps))

    def size(claim: str) -> int:
        line = next(x for x in dot.splitlines() if x.lstrip().startswith(f'"claim:{claim}"'))
        return int(re.search(r'POINT-SIZE="(\d+)"', line).group(1))  # type: ignore[union-attr]

    assert size("higher_dog_poo_fines") > size("fines-deter") > size("scanning-the-ground")


def test_layout_fits_the_slide_and_swaps_only_to_cross_less(topic: Corpus) -> None:
    grid = compare_topic(topic, sorted(topic.maps))
    lay = topic_layout(grid)
    given = topic_layout(grid, rounds=0)
    makers = {r.claim: [c.map for c in r.cells if c.relation != "absent"] for r in grid.rows}
    assert straight_crossings(lay, makers) < straight_crossings(given, makers)
    w, h = SLIDE
    for x, y in [*lay.theses.values(), *lay.claims.values()]:
        assert abs(x) <= w / 2 and abs(y) <= h / 2
    assert lay.claims["higher_dog_poo_fines"] == (0.0, 0.0)  # the claim all nine make, in the middle


def test_an_essay_that_shares_no_claim_is_named_not_drawn(tmp_path: Path) -> None:
    shutil.copytree(MAPS.parent, tmp_path / "t")
    folder = tmp_path / "t" / "higher_dog_poo_fines"
    f = folder / "micro_b011.yaml"  # its thesis and one premise are bound: unbind both
    text = f.read_text(encoding="utf-8")
    f.write_text(re.sub(r"    claim: .*\n    stance: .*\n|    claim: .*\n", "", text), encoding="utf-8")
    corpus = load_corpus([folder])
    dot = topic_dot(corpus, sorted(corpus.maps))
    assert "micro_b011--" not in dot and "not drawn (no claim shared): micro_b011" in dot


def test_a_focus_or_full_gives_the_comparative_diagram_and_the_output_is_pure(topic: Corpus) -> None:
    ids = ["micro_b002", "micro_b061", "micro_k024"]
    focused = View(focus="fines-deter")
    assert topic_dot(topic, ids, focused) == compare_dot(topic, ids, focused)
    assert topic_dot(topic, ids, View(full=True)) == compare_dot(topic, ids, View(full=True))
    assert topic_dot(topic, ids) == topic_dot(topic, ids) != compare_dot(topic, ids)


def test_compare_out_writes_the_topic_diagram_for_three_maps(tmp_path: Path) -> None:
    out = tmp_path / "topic.dot"
    maps = [str(MAPS / f"{i}.yaml") for i in ("micro_b002", "micro_b061", "micro_k024")]
    result = CliRunner().invoke(cli, ["compare", *maps, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert 'layout="neato"' in out.read_text(encoding="utf-8")
