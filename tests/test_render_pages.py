"""The paged single-map diagram: one page per line of argument, each printing at 7 pt or more on A4 landscape."""

from __future__ import annotations

import io
import math
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.render import render_bytes
from argmap.render.crossings import body_font_size, page_size
from argmap.render.map.pages import map_pages
from argmap.render.paging import print_scale

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
MM = 72 / 25.4
A4_BODY = ((297 - 20) * MM, (210 - 20) * MM)
"""A4 landscape inside 1 cm margins, in points."""
PAIR = ["bankruptcy", "enforcer"]
_NODE = re.compile(r'^\s*"[^"]*" \[id="([^"]*)"', re.M)


def drawn(dot: str) -> set[str]:
    return set(_NODE.findall(dot))


@pytest.mark.parametrize("map_id", PAIR)
def test_every_statement_is_on_a_page_and_the_thesis_on_every_page(bundled: Corpus, map_id: str) -> None:
    gm = bundled.get(map_id)
    pages = map_pages(gm)
    assert len(pages) > 1
    assert all(gm.model.thesis.id in drawn(dot) for dot in pages)
    assert {n.id for n in gm.model.nodes} <= set().union(*(drawn(dot) for dot in pages))
    assert sum("argmap:legend" in drawn(dot) for dot in pages) == 1  # the legend once, on the first page


@needs_dot
@pytest.mark.parametrize("map_id", PAIR)
def test_each_page_prints_its_body_text_at_7_pt_or_more_on_a4(bundled: Corpus, map_id: str) -> None:
    for n, dot in enumerate(map_pages(bundled.get(map_id)), 1):
        svg = render_bytes(dot, "svg")
        assert body_font_size(svg) * print_scale(page_size(svg), A4_BODY, most=math.inf) >= 7, (map_id, n)


@needs_dot
def test_render_pages_writes_one_pdf_with_a_page_per_part(bundled: Corpus, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "bankruptcy.pdf"
    result = CliRunner().invoke(cli, ["render", "bankruptcy", "--out", str(out), "--pages"])
    assert result.exit_code == 0, result.output
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == len(map_pages(bundled.get("bankruptcy")))
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize(("out", "extra", "message"), [
    ("m.svg", [], "a paged diagram is a PDF"), ("m.pdf", ["--focus", "T"], "shows the whole map")])
def test_render_pages_refuses_what_it_cannot_page(tmp_path: Path, out: str, extra: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["render", "bankruptcy", "--out", str(tmp_path / out), "--pages", *extra])
    assert result.exit_code != 0 and message in result.stderr and "Traceback" not in result.output
    assert not list(tmp_path.iterdir())
