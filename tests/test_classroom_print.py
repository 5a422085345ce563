"""The printed handout as a student holds it: whole statements on the diagram pages, room to write under every
question, and no question parted from its lines by a page break."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap.classroom.tiles import print_diagram
from argmap.corpus import Corpus

PAIR = ("bankruptcy", "enforcer")
_SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def printed_statements(svg: bytes) -> dict[str, str]:
    """SVG element id of each statement on a printed page -> all its text, lines joined by spaces."""
    out = {}
    for g in ET.fromstring(svg).iter(f"{_SVG}g"):
        if g.get("class") == "node" and "--" in (g.get("id") or ""):
            out[g.get("id") or ""] = _flat(" ".join("".join(t.itertext()) for t in g.iter(f"{_SVG}text")))
    return out


def full_wordings(corpus: Corpus, element: str) -> list[str]:
    """What a statement's box must print whole: a map's node's text, or a shared claim's wording (or, where the
    claim is a thesis, that thesis's text)."""
    if element.startswith("claim--"):
        claim = element[len("claim--"):]
        found = corpus.registry.get(claim)
        theses = [g.model.thesis.text for g in (corpus.get(i) for i in PAIR) if g.model.thesis.claim == claim]
        return theses or [found.wording if found else claim]
    map_id, _, node = element.partition("--")
    n = corpus.get(map_id).model.node(node)
    assert n is not None
    return [n.text]


@needs_dot
def test_the_printed_comparison_prints_every_statement_whole(bundled: Corpus) -> None:
    pages = print_diagram(bundled, *PAIR)
    seen = 0
    for svg in pages:
        for element, printed in printed_statements(svg).items():
            wanted = [_flat(w) for w in full_wordings(bundled, element)]
            assert any(w in printed for w in wanted), f"{element} is cut: {printed!r}"
            seen += 1
    assert seen >= 10
