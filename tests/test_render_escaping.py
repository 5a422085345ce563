"""Any text in a map gives valid DOT and well-formed SVG, and never becomes markup (property tests)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.render import compare_dot, map_dot, render_bytes
from argmap.render.text import clean
from argmap.text.essayindex import Essay

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
SVG = "{http://www.w3.org/2000/svg}"

NASTY = ["<script>alert(1)</script>", '"', "\\", "\\N", "\\G", "\\l", "&amp;", "&", "<", ">", "{", "}", "]]>",
         "<!--", "-->", "Привет", "中文", "עברית", "😀", "x" * 300, "\n", "\t", "\x00", "\ud800", "<B>b</B>",
         "&#65;", "%", "'", "@"]
text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=30)), min_size=1, max_size=6).map(
    "".join)
PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def grounded(mid: str, title: str, thesis: str, quote: str, premise: str, claim: str | None = None) -> GroundedMap:
    try:
        m = ArgumentMap.model_validate({
            "id": mid, "title": title, "author": title, "source": {"path": "e.txt", "sha256": "0" * 64},
            "nodes": [{"id": "T", "kind": "thesis", "text": thesis, "quote": quote},
                      {"id": "P", "kind": "premise", "text": premise, "quote": quote, "claim": claim},
                      {"id": "A", "kind": "assumption", "text": premise}],
            "relations": ["r1: P + A -> T"]})
    except ValidationError:
        assume(False)
        raise
    return GroundedMap(m, "m.yaml", Essay(quote))


def check_svg(svg: bytes) -> dict[str, str]:
    root = ET.fromstring(svg)  # well-formed XML
    assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]  # text never becomes markup
    return {g.get("id", ""): (g.findtext(f"{SVG}title") or "") for g in root.iter(f"{SVG}g")
            if g.get("class") == "node"}


def expected_title(quote: str) -> str:
    return "\n".join(x for x in (clean(line) for line in quote.splitlines()) if x)


@PROPS
@given(title=text, thesis=text, quote=text, premise=text)
def test_any_text_renders_a_map(title: str, thesis: str, quote: str, premise: str) -> None:
    gm = grounded("m", title, thesis, quote, premise)
    nodes = check_svg(render_bytes(map_dot(gm), "svg"))  # dot exits 0, or render_bytes raises
    assert {"T", "P", "A"} <= set(nodes)
    if expected_title(quote):  # a blank quote never validates (it is found nowhere)
        assert nodes["T"] == expected_title(quote)


@PROPS
@given(title=text, thesis=text, quote=text, premise=text)
def test_any_text_renders_a_comparison(title: str, thesis: str, quote: str, premise: str) -> None:
    try:
        registry = ClaimRegistry.model_validate({"claims": [{"id": "c", "wording": premise}]})
    except ValidationError:
        assume(False)
    maps = {i: grounded(i, title, thesis, quote, premise, claim="c") for i in ("a", "b")}
    nodes = check_svg(render_bytes(compare_dot(Corpus(registry, maps), ["a", "b"]), "svg"))
    assert {"a--T", "b--T", "claim--c"} <= set(nodes)
    if expected_title(quote):
        assert nodes["a--T"] == expected_title(quote)


def test_script_in_a_label_shows_as_text() -> None:
    gm = grounded("m", "t", "<script>alert(1)</script>", "q", "p")
    svg = render_bytes(map_dot(gm), "svg")
    check_svg(svg)
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in svg
