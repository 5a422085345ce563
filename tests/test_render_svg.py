"""Images from Graphviz: well-formed SVG with every node's id and quote, a clear error without ``dot``."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.corpus.load import Corpus
from argmap.errors import RenderError
from argmap.render import ComparisonView, compare_svg, map_dot, map_svg, render_bytes
from argmap.render.subgraph import View
from argmap.render.text import clean

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def svg_nodes(svg: bytes) -> dict[str, str]:
    """Element id of each node group -> its <title> text."""
    root = ET.fromstring(svg)
    return {g.get("id", ""): (g.findtext(f"{SVG}title") or "") for g in root.iter(f"{SVG}g")
            if g.get("class") == "node"}


@needs_dot
def test_each_map_svg_carries_every_node_id_and_quote(bundled: Corpus, mini: Corpus) -> None:
    for corpus in (bundled, mini):
        for gm in corpus.maps.values():
            nodes = svg_nodes(map_svg(gm))
            for n in gm.model.nodes:
                assert n.id in nodes, (gm.id, n.id)
                if n.quote is not None:
                    assert nodes[n.id] == clean(n.quote)  # the tooltip is the verbatim quote


@needs_dot
def test_comparative_svg_ids_and_tooltips(bundled: Corpus) -> None:
    nodes = svg_nodes(compare_svg(bundled, ["bankruptcy", "enforcer"]))
    title = nodes["claim--russia-used-to-react"]
    assert "bankruptcy E3 (denies): “When Iranian facilities in Isfahan were struck" in title
    assert "enforcer P2a: “In past years, Russia would have used" in title
    assert "claim--russia-not-protector" in nodes  # both theses make this claim
    full = svg_nodes(compare_svg(bundled, ["bankruptcy", "enforcer"], View(full=True)))
    for gm in bundled.maps.values():
        assert {f"claim--{n.claim}" if n.claim else f"{gm.id}--{n.id}" for n in gm.model.nodes} <= set(full)


@needs_dot
def test_svg_is_byte_identical_between_runs(mini: Corpus) -> None:
    assert map_svg(mini.get("alpha")) == map_svg(mini.get("alpha"))


@needs_dot
def test_png_and_pdf(mini: Corpus) -> None:
    dot = map_dot(mini.get("alpha"))
    assert render_bytes(dot, "png").startswith(b"\x89PNG")
    assert render_bytes(dot, "pdf").startswith(b"%PDF")


@needs_dot
def test_notebook_display(mini: Corpus) -> None:
    svg = mini.get("alpha")._repr_svg_()  # argmap.render, imported above, registers the drawing
    assert svg is not None and 'id="P1"' in svg
    view = ComparisonView(mini, "alpha", "beta")
    assert 'id="claim--china-spoke"' in view._repr_svg_()


def test_missing_dot_names_the_install_step(mini: Corpus, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot on this PATH
    with pytest.raises(RenderError, match=r"Graphviz's `dot` program was not found; install Graphviz with "
                                          r"`apt-get install graphviz`"):
        map_svg(mini.get("alpha"))


@needs_dot
def test_dot_runs_with_a_timeout(bundled: Corpus) -> None:
    with pytest.raises(RenderError, match="took more than"):
        render_bytes(map_dot(bundled.get("bankruptcy")), "svg", timeout=0.001)


@needs_dot
def test_dot_failure_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="failed"):
        render_bytes("digraph { a -> }", "svg")
