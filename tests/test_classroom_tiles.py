"""The printed comparison: every text of the diagram at 8 pt or more on A4 landscape, for any pair."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from argmap.classroom.tiles import PAGE_BOX, diagram_tiles, min_font_size, svg_box
from argmap.corpus.load import Corpus, bundled_maps_dir, load_corpus
from argmap.render import compare_svg

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", params=["bundled", "mini"])
def svg(request: pytest.FixtureRequest) -> bytes:
    if shutil.which("dot") is None:  # pragma: no cover - make setup installs Graphviz
        pytest.skip("Graphviz's dot is not installed")
    folder = bundled_maps_dir() if request.param == "bundled" else ROOT / "tests/fixtures/mini"
    corpus: Corpus = load_corpus([folder])
    return compare_svg(corpus, sorted(corpus.maps)[:2])


def test_every_tile_prints_the_smallest_text_at_8_pt_or_more(svg: bytes) -> None:
    tiles = diagram_tiles(svg)
    for t in tiles:
        w, h = (float(x) for x in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', t.svg).groups())  # type: ignore[union-attr]
        assert w <= PAGE_BOX[0] and h <= PAGE_BOX[1]  # the tile fits the page
        vw, vh = (float(x) for x in re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', t.svg).groups())  # type: ignore[union-attr]
        assert min(w / vw, h / vh) * min_font_size(svg) >= 8.0
        assert t.text_pt >= 8.0


def test_the_tiles_cover_the_whole_diagram(svg: bytes) -> None:
    tiles = diagram_tiles(svg)
    width, height = svg_box(svg)
    boxes = [tuple(float(x) for x in re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', t.svg).groups())  # type: ignore[union-attr]
             for t in tiles]
    assert min(b[0] for b in boxes) <= 0.01 and max(b[0] + b[2] for b in boxes) >= width - 0.01
    assert min(b[1] for b in boxes) <= 0.01 and max(b[1] + b[3] for b in boxes) >= height - 0.01
    assert len({(t.column, t.row) for t in tiles}) == len(tiles) == tiles[0].columns * tiles[0].rows
