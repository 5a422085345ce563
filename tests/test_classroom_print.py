"""The printed handout as a student holds it: whole statements on the diagram pages, room to write under every
question, and no question parted from its lines by a page break."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap.classroom.tiles import print_diagram
from argmap.corpus.load import Corpus

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


_LINE_INK = (0.5412, 0.5804, 0.6)  # the colour of a writing line (#8a9499 in handout.css)


def _marks(page: object) -> list[tuple[str, float]]:
    """A page's question badges ("Q3") and writing lines ("line"), each with its height on the page."""
    ink: list[tuple[float, ...] | None] = [None]
    marks: list[tuple[str, float]] = []

    def before(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        if op == b"rg":
            ink[0] = tuple(round(float(a), 4) for a in args)  # type: ignore[arg-type]
        elif op == b"re" and ink[0] == _LINE_INK:
            x, y = float(args[0]), float(args[1])  # type: ignore[arg-type]
            marks.append(("line", cm[1] * x + cm[3] * y + cm[5]))

    def text(t: str, cm: list[float], tm: list[float], *_: object) -> None:
        if re.fullmatch(r"Q\d+\s*", t or ""):
            marks.append((t.strip(), tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_operand_before=before, visitor_text=text)  # type: ignore[attr-defined]
    return sorted(marks, key=lambda m: -m[1])


def page_marks(pdf: bytes) -> list[list[tuple[str, float]]]:
    """For each page of the PDF, top to bottom: each question's id badge and each writing line."""
    import io

    from pypdf import PdfReader

    return [_marks(page) for page in PdfReader(io.BytesIO(pdf)).pages]


@needs_dot
def test_each_printed_question_has_room_to_write_on_its_own_page(bundled: Corpus) -> None:
    from helpers import chromium_or_skip

    from argmap.classroom.handout import handout_data
    from argmap.classroom.handout_writer import build_handout

    chromium_or_skip()
    questions = [q.id for q in handout_data(bundled, *PAIR).questions]
    pdf = build_handout(bundled, *PAIR, fmt="pdf")
    assert isinstance(pdf, bytes)
    lines: dict[str, int] = {}
    current: str | None = None
    for marks in page_marks(pdf):
        for what, _ in marks:
            if what != "line":
                assert what not in lines, f"{what} printed twice"
                current, lines[what] = what, 0
            elif current is not None:
                # A writing line above every question of its page belongs to the question of the page before.
                assert marks[0][0] != "line", f"{current}'s lines run onto the next page"
                lines[current] += 1
    assert list(lines) == questions
    assert all(n >= 5 for n in lines.values()), lines
