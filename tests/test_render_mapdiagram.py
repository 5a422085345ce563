"""A single map's diagram as it prints: page-shaped, the thesis on top in larger type, no arrow down from it.

Measured from the SVG Graphviz draws; properties only, so they hold while the bundled maps are revised.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap.corpus.load import Corpus
from argmap.render import map_dot, render_bytes
from argmap.render.crossings import edge_paths, node_boxes, page_size

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def edge_ends(svg: bytes) -> dict[str, tuple[str, str]]:
    """Edge group id -> (tail, head) names, from the <title> Graphviz writes ("a->b")."""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "edge":
            tail, _, head = (g.findtext(f"{SVG}title") or "").partition("->")
            out[g.get("id", "")] = (tail, head.removesuffix(":s"))  # a head port, as in "P1->T:s"
    return out


@needs_dot
@pytest.mark.parametrize("map_id", ["bankruptcy", "enforcer"])
def test_the_thesis_is_on_top_and_every_arrow_into_it_ends_at_its_bottom(bundled: Corpus, map_id: str) -> None:
    gm = bundled.get(map_id)
    svg = render_bytes(map_dot(gm), "svg")
    boxes = node_boxes(svg)
    t = gm.model.thesis.id
    statements = {n.id for n in gm.model.nodes}
    assert boxes[t][1] == min(boxes[k][1] for k in statements)  # smallest y: the top
    paths, ends = edge_paths(svg), edge_ends(svg)
    into = [e for e, (_, head) in ends.items() if head == t]
    assert into
    for e in into:
        x, y = paths[e][-1]
        assert abs(y - boxes[t][3]) < 12 and boxes[t][0] <= x <= boxes[t][2], (e, (x, y), boxes[t])
    assert not [e for e, (tail, _) in ends.items() if tail == t]  # no arrow runs down from the thesis
    # Centred over its support: over the middle of the statements (or junction dots) whose arrows end in it.
    below = [(boxes[tail][0] + boxes[tail][2]) / 2 for e, (tail, _) in ends.items() if e in into]
    width = page_size(svg)[0] / (float(re.search(r'scale\(([\d.]+)', svg.decode()).group(1)))  # type: ignore[union-attr]
    assert abs((boxes[t][0] + boxes[t][2]) / 2 - sum(below) / len(below)) < 0.15 * width


@needs_dot
@pytest.mark.parametrize("map_id", ["bankruptcy", "enforcer"])
def test_the_diagram_is_page_shaped(bundled: Corpus, map_id: str) -> None:
    w, h = page_size(render_bytes(map_dot(bundled.get(map_id)), "svg"))
    # A4 landscape is 1.41 and portrait 0.71: near-square or landscape prints large; a 3:1 strip prints its text at a
    # third of the size.
    assert 0.9 <= w / h <= 2.0


def test_the_thesis_has_the_largest_type(bundled: Corpus, mini: Corpus) -> None:
    for corpus in (bundled, mini):
        for gm in corpus.maps.values():
            lines = {m.group(1): m.group(2) for m in re.finditer(r'^\s*"([^"]*)" \[id="[^"]*", label=<(.*)$',
                                                                    map_dot(gm), re.M)}

            def size(name: str, lines: dict[str, str] = lines) -> int:
                return max(int(s) for s in re.findall(r'POINT-SIZE="(\d+)"', lines[name]))

            t = gm.model.thesis.id
            assert all(size(t) > size(n.id) for n in gm.model.nodes if n.id != t)


def test_what_follows_from_the_thesis_is_a_panel_below_it(mini: Corpus, bundled: Corpus) -> None:
    dot = map_dot(bundled.get("enforcer"))
    panel = dot[dot.index('subgraph "cluster_follows"'):]
    panel = panel[:panel.index("}")]
    assert "What follows from the thesis" in panel
    assert not re.search(r'^\s*"T" -> ', dot, re.M)
