"""Diagrams on pages that print large: the packed single-map pages and the printed comparison's pages."""

from __future__ import annotations

import re
import shutil

import pytest

from argmap.corpus.load import Corpus
from argmap.render import render_bytes
from argmap.render.compare.pages import LEAST_PT, PAGE_BOX, comparison_pages, prints_large
from argmap.render.compare.selection import is_shared, select
from argmap.render.crossings import body_font_size, node_boxes, page_size
from argmap.render.map.pages import map_pages, page_parts
from argmap.render.paging import print_scale
from argmap.render.subgraph import View

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
PAIR = ["bankruptcy", "enforcer"]
_EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)"', re.M)
_FONT = re.compile(rb'font-size="([\d.]+)"')


def edges(dot: str) -> set[tuple[str, str]]:
    """Every drawn edge, both ways round (an edge written ``dir=back`` still joins the same two nodes)."""
    found = set(_EDGE.findall(dot))
    return found | {(b, a) for a, b in found}


@needs_dot
@pytest.mark.parametrize("map_id", PAIR)
def test_small_parts_share_a_page(bundled: Corpus, map_id: str) -> None:
    gm = bundled.get(map_id)
    assert len(map_pages(gm)) < len(page_parts(gm)) / 1.5


@needs_dot
@pytest.mark.parametrize("map_id", PAIR)
def test_every_relation_is_drawn_on_some_page(bundled: Corpus, map_id: str) -> None:
    """A relation whose ends fall on different pages is drawn on one of them, the far end as a pointer."""
    from argmap.render.map.diagram import follows_from_thesis

    m = bundled.get(map_id).model
    drawn = set().union(*(edges(dot) for dot in map_pages(bundled.get(map_id))))
    follows = set(follows_from_thesis(m))
    for r in m.relations:
        if m.node(r.target) is None or (m.thesis.id in r.sources and r.target in follows):
            continue  # an undercut ends at a junction dot; the thesis's consequences are a panel named for it
        via_dot = {(s, f"rel:{r.key}") for s in r.sources}
        assert via_dot <= drawn or (len(r.sources) == 1 and (r.sources[0], r.target) in drawn), r.key


@needs_dot
def test_a_pointer_names_the_page_its_statement_is_on(bundled: Corpus) -> None:
    pages = map_pages(bundled.get("bankruptcy"))
    pointers = [(n, key, page) for n, dot in enumerate(pages, 1)
                for key, page in re.findall(r'"([^"]+)" \[id="[^"]+:elsewhere".*?on page (\d+)', dot)]
    assert pointers
    for n, key, page in pointers:
        assert int(page) != n and f'[id="{key}"' in pages[int(page) - 1]


@needs_dot
@pytest.mark.parametrize("pair", [PAIR, PAIR[::-1]])
def test_each_printed_comparison_page_reads_at_8_pt_with_the_first_thesis_on_the_left(
        bundled: Corpus, pair: list[str]) -> None:
    sel = select(bundled, pair, View(shared_only=True))
    left, right = (f"{i}--T" if f"{i}--T" in "".join(sel.drawn).replace(":", "--") else None for i in pair)
    pages = comparison_pages(bundled, pair, shared_only=True)
    assert 1 < len(pages) <= 5  # 29 shared claims, every statement printed whole (none cut): four or five A4 pages
    shown: set[str] = set()
    for dot in pages:
        svg = render_bytes(dot, "svg")
        smallest = min(float(x) for x in _FONT.findall(svg))
        assert smallest * print_scale(page_size(svg), PAGE_BOX) >= LEAST_PT
        boxes = node_boxes(svg)
        theses = [k for k in boxes if k.endswith("--T") or k == "claim--russia-not-protector"]
        first = f"{pair[0]}--T" if f"{pair[0]}--T" in boxes else "claim--russia-not-protector"
        second = next(k for k in theses if k != first)
        assert boxes[first][0] < boxes[second][0], (pair, left, right)
        drawn = set(re.findall(r'^\s*"([^"]+)" \[id=', dot, re.M)) - {"argmap:legend"}
        linked = {k for edge in _EDGE.findall(dot) for k in edge}
        assert drawn <= linked, drawn - linked  # no statement without an edge
        shown |= drawn
    assert {k for k in sel.drawn if is_shared(sel.graph, k)} <= shown



@needs_dot
def test_a_full_comparison_page_of_several_claims_prints_its_statements_at_8_pt(bundled: Corpus) -> None:
    """Shared claims join a page only while its statements' body text still prints at LEAST_PT in the handout's box
    (a claim whose paths are too large for that gets a page of its own)."""
    joined: set[str] = set()

    def fits(dot: str, first: bool) -> bool:
        ok = prints_large(dot, first)
        if ok:
            joined.add(dot)
        return ok

    pages = comparison_pages(bundled, PAIR, fits=fits)
    packed = [dot for dot in pages if dot in joined]
    assert 1 < len(pages) < 29 and packed  # 29 shared claims, packed onto fewer pages
    for dot in packed:
        svg = render_bytes(dot, "svg")
        assert body_font_size(svg) * print_scale(page_size(svg), PAGE_BOX) >= LEAST_PT
