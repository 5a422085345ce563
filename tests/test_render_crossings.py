"""The SVG geometry reader that the layout tests and bench/bench_diagrams.py measure diagrams with."""

from __future__ import annotations

from argmap.render.crossings import body_font_size, crossings, edge_paths, node_boxes

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt"><g class="graph">'


def svg(*edges: str, nodes: str = "") -> str:
    body = "".join(f'<g id="e{n}" class="edge"><path d="{d}"/></g>' for n, d in enumerate(edges))
    return HEAD + body + nodes + "</g></svg>"


def test_an_x_is_one_crossing_and_meeting_at_a_node_is_none() -> None:
    assert crossings(svg("M0,0C30,30 60,60 90,90", "M0,90C30,60 60,30 90,0")) == 1
    # Two edges into the same node end at the same point: not a crossing.
    assert crossings(svg("M0,0C20,20 40,40 50,50", "M100,0C80,20 60,40 50,50")) == 0
    # Parallel edges never cross.
    assert crossings(svg("M0,0C10,0 20,0 90,0", "M0,10C10,10 20,10 90,10")) == 0


def test_an_s_curve_crossing_a_line_three_times_counts_three() -> None:
    wave = "M0,0C40,200 50,-100 90,100"
    line = "M-20,50C10,50 60,50 110,50"
    assert crossings(svg(wave, line)) == 3
    # Where the curve starts on the line, that crossing is at its end, and is not counted.
    assert crossings(svg("M0,50C30,-50 60,150 90,50", line)) == 1


def test_edges_without_a_path_are_ignored_and_nodes_have_boxes() -> None:
    text = svg("M0,0C1,1 2,2 3,3", nodes='<g id="a" class="node"><ellipse cx="5" cy="-5" rx="2" ry="1"/>'
                                          '<text font-size="14.00">x</text><text font-size="9.00">h</text>'
                                          '<text font-size="14.00">y</text></g>')
    text = text.replace("</g></svg>", '<g id="inv" class="edge"><title>a-&gt;b</title></g></g></svg>')
    assert list(edge_paths(text)) == ["e0"]
    assert node_boxes(text)["a"] == (3.0, -6.0, 7.0, -4.0)
    assert body_font_size(text) == 14.0
