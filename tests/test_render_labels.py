"""Every node id a comparative diagram shows names one statement: two maps' "A1" are never both drawn as "A1".

Checked on the SVG as Graphviz draws it, in every view a reader meets: the default, shared-only and full
comparisons, a focused neighbourhood, and each printed page of the handout.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from argmap.corpus.load import Corpus
from argmap.render import View, compare_dot, render_bytes
from argmap.render.compare.pages import comparison_pages

PAIR = ["bankruptcy", "enforcer"]
_SVG = "{http://www.w3.org/2000/svg}"
_ID = re.compile(r"(?:\b(bankruptcy|enforcer) )?\b([TPEOCA]\d+[a-z]?)\b")
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def node_texts(svg: bytes) -> dict[str, list[str]]:
    """SVG element id of each drawn statement -> its text runs, in order."""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{_SVG}g"):
        if g.get("class") == "node" and "--" in (g.get("id") or ""):
            out[g.get("id") or ""] = ["".join(t.itertext()) for t in g.iter(f"{_SVG}text")]
    return out


def owners(corpus: Corpus) -> dict[str, set[str]]:
    """Node id -> the compared maps that use it."""
    out: dict[str, set[str]] = {}
    for i in PAIR:
        for n in corpus.get(i).model.nodes:
            out.setdefault(n.id, set()).add(i)
    return out


def assert_ids_unambiguous(svg: bytes, used: dict[str, set[str]]) -> int:
    """Every id shown without its map's name is used by one compared map only; each map's own box is named
    once.  Returns how many id labels were checked."""
    texts = node_texts(svg)
    checked = 0
    for element, runs in texts.items():
        for prefix, ident in _ID.findall(" ".join(runs)):
            if ident in used:
                checked += 1
                assert prefix or len(used[ident]) == 1, f"{element} shows '{ident}', which {sorted(used[ident])} all use"
    headers = Counter(runs[0] for element, runs in texts.items() if not element.startswith("claim--") and runs
                      and "THESIS" not in runs[0])
    assert [h for h, n in headers.items() if n > 1] == []
    return checked


@needs_dot
@pytest.mark.parametrize("view", [{}, {"shared_only": True}, {"full": True}, {"focus": "inaction-by-choice"},
                                  {"focus": "russia-silent", "depth": 2}])
def test_every_id_label_on_a_comparison_names_one_statement(bundled: Corpus, view: dict[str, object]) -> None:
    used = owners(bundled)
    assert {i for i, maps in used.items() if len(maps) > 1}, "the bundled maps share node ids, as this test needs"
    svg = render_bytes(compare_dot(bundled, PAIR, View(**view)), "svg")  # type: ignore[arg-type]
    assert assert_ids_unambiguous(svg, used) > 0


@needs_dot
def test_every_id_label_on_the_printed_comparison_names_one_statement(bundled: Corpus) -> None:
    used = owners(bundled)
    for dot in comparison_pages(bundled, PAIR, shared_only=True):
        assert assert_ids_unambiguous(render_bytes(dot, "svg"), used) > 0
