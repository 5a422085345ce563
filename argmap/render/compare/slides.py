"""A claim's neighbourhood drawn to be read projected: every word at 24 pt or more on a 1920 × 1080 slide.

The view is the comparison focused on the claim (``argmap render --focus CLAIM``, depth 1): the claim and the
statements each essay links to it directly.  It is drawn in :data:`SLIDE` type (every text the same size) and
scaled to fill :data:`SLIDE_BOX`; when its smallest text would then be under :data:`LEAST_PT`, the neighbourhood
is cut into parts, each drawn with the claim: first one part per essay, then fewer of that essay's
neighbours per part, until every part reads at full size.  Each :class:`SlideDiagram` carries its SVG sized
in CSS pixels for the slide, so the size it prints at can be read from the SVG alone
(:func:`slide_text_pt`).

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> parts = claim_diagrams(corpus, ["bankruptcy", "enforcer"], "israel-struck-iran")
>>> all(p.text_pt >= LEAST_PT and "claim--israel-struck-iran" in p.keys for p in parts)
True
>>> slide_text_pt('<svg width="850px" height="300px" viewBox="0.00 0.00 425.00 150.00"><text font-size="14.00">')
21.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from argmap.corpus.load import Corpus
from argmap.render.compare.diagram import selection_dot
from argmap.render.compare.labels import turns_any
from argmap.render.compare.look import Look
from argmap.render.compare.selection import Selection, element_id, select, statements
from argmap.render.paging import min_font_size, pack
from argmap.render.subgraph import View, with_relations

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LEAST_PT", "SLIDE", "SLIDE_BOX", "SlideDiagram", "claim_diagrams", "slide_text_pt"]

LEAST_PT = 24.0
"""The smallest text of a slide's diagram, in points on a 1920 × 1080 slide (1 pt = 4/3 CSS px)."""
SLIDE_BOX = (1760.0, 680.0)
"""Width and height, in CSS px, that a slide gives its diagram under the kicker and a title of two lines."""
_MOST_PT = 36.0  # a small neighbourhood is enlarged until its text reaches this, not beyond
SLIDE = Look(wrap=24, body=16, small=16, thesis_wrap=24, thesis_body=16, thesis_lines=None, max_lines=None,
             ranksep=0.3, short=True, header=16)
"""One type size throughout (a node's id line is two points smaller), short labels, every statement whole."""
_LOOKS = (SLIDE, replace(SLIDE, upward=True), replace(SLIDE, wrap=18, thesis_wrap=18),
          replace(SLIDE, wrap=18, thesis_wrap=18, upward=True), replace(SLIDE, wrap=18, thesis_wrap=18, max_lines=4),
          replace(SLIDE, wrap=18, thesis_wrap=18, max_lines=3, thesis_lines=4, upward=True))
"""Tried in turn until the text reads at :data:`LEAST_PT`: wide boxes side by side, then stacked, then narrower,
and last, a statement cut after four lines (the slide before lists it whole)."""
_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(r'viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)"')
_WIDTH = re.compile(r'\bwidth="([\d.]+)px"')


TURNED = " An essay's reasons for denying it are drawn as attacks on it."


@dataclass(frozen=True)
class SlideDiagram:
    """One diagram of a claim's neighbourhood, sized for a slide."""

    svg: str
    """The SVG, its root sized in CSS px to be shown as is."""
    text_pt: float
    """Its smallest text, in points on the 1920 × 1080 slide."""
    keys: tuple[str, ...]
    """The SVG element ids of the statements drawn."""
    part: str
    """Empty when the whole neighbourhood is drawn, else the map whose neighbours this part shows."""
    turned: str = ""
    """What its slide must add when it draws a reason for an essay's denial of a claim as an attack on the claim."""


def slide_text_pt(svg: str) -> float:
    """The smallest text of a sized SVG, in points when shown at its ``width`` in CSS px (see the module example)."""
    tag = _SVG_TAG.search(svg)
    box = _VIEWBOX.search(tag.group(0)) if tag else None
    width = _WIDTH.search(tag.group(0)) if tag else None
    if tag is None or box is None or width is None:
        raise ValueError("the diagram's <svg> has no viewBox or no width in px")
    return min_font_size(svg) * float(width.group(1)) / float(box.group(3)) * 0.75


def _sized(svg: str, box: tuple[float, float]) -> tuple[str, float]:
    """``svg`` with its root sized to fill ``box`` (CSS px), and the size its smallest text then shows at."""
    tag = _SVG_TAG.search(svg)
    view = _VIEWBOX.search(tag.group(0)) if tag else None
    if tag is None or view is None:  # pragma: no cover - Graphviz always writes both
        raise ValueError("the diagram's <svg> has no viewBox")
    w, h = float(view.group(3)), float(view.group(4))
    least = min_font_size(svg)
    scale = min(box[0] / w, box[1] / h, _MOST_PT / 0.75 / least)
    head = (f'<svg width="{math.floor(w * scale)}px" height="{math.floor(h * scale)}px" viewBox="{view.group(0)[9:-1]}" '
            'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">')
    sized = head + svg[tag.end():]
    return sized, slide_text_pt(sized)


def _part(sel: Selection, keys: frozenset[str]) -> Selection:
    shown = with_relations(sel.graph, keys)
    return replace(sel, drawn=[k for k in statements(sel.graph) if k in keys],
                   relations=[k for k in sel.relations if k in shown], bridges=[])


def _draw(corpus: Corpus, sel: Selection, keys: frozenset[str], part: str, box: tuple[float, float]) -> SlideDiagram:
    from argmap.render.images import render_bytes

    sub = _part(sel, keys)
    best: tuple[str, float] | None = None
    for look in _LOOKS:
        sized = _sized(render_bytes(selection_dot(corpus, sub, legend=False, title=False, look=look),
                                    "svg").decode("utf-8"), box)
        if best is None or sized[1] > best[1]:
            best = sized
        if best[1] >= LEAST_PT:
            break
    assert best is not None
    return SlideDiagram(svg=best[0], text_pt=best[1], keys=tuple(element_id(k) for k in sub.drawn), part=part,
                        turned=TURNED if turns_any(sub) else "")


def claim_diagrams(corpus: Corpus, map_ids: Sequence[str], claim: str, *,
                   box: tuple[float, float] = SLIDE_BOX) -> list[SlideDiagram]:
    """The diagrams of ``claim``'s neighbourhood in the comparison of ``map_ids`` (see the module docstring), each
    sized to fit ``box`` (CSS px on the slide).

    An unknown claim raises :class:`~argmap.errors.NotFound`.  Pure: the same input gives the same SVG.
    """
    sel = select(corpus, map_ids, View(focus=claim, depth=1))
    centre = frozenset(sel.starts)
    drawn: dict[tuple[frozenset[str], str], SlideDiagram] = {}

    def draw(keys: frozenset[str], part: str) -> SlideDiagram:
        key = (keys, part)
        if key not in drawn:
            drawn[key] = _draw(corpus, sel, keys, part, box)
        return drawn[key]

    whole = draw(frozenset(sel.drawn), "")
    if whole.text_pt >= LEAST_PT or len(sel.drawn) <= len(centre):
        return [whole]
    out: list[SlideDiagram] = []
    for m, units in _units(sel, centre).items():
        def fits(group: list[frozenset[str]], m: str = m) -> bool:
            return draw(centre.union(*group), m).text_pt >= LEAST_PT

        def common(group: list[frozenset[str]], unit: frozenset[str]) -> int:
            return len(unit & frozenset().union(*group))

        out += [draw(centre.union(*group), m) for group in pack(units, fits, common)]
    return out


def _ends(g: nx.DiGraph, rel: str) -> set[str]:
    """The statements a relation joins, through the relation an undercut attacks."""
    out = {p for p in g.predecessors(rel) if g.nodes[p]["role"] == "statement"}
    for t in g.successors(rel):
        out |= {t} if g.nodes[t]["role"] == "statement" else _ends(g, t)
    return out


def _units(sel: Selection, centre: frozenset[str]) -> dict[str, list[frozenset[str]]]:
    """Map id -> the statements around the centre that must be drawn together: those each relation of the map
    joins (a linked argument's premises all at once), then any drawn statement no relation holds."""
    g = sel.graph
    drawn = set(sel.drawn)
    out: dict[str, list[frozenset[str]]] = {m: [] for m in sel.ids}
    held: set[str] = set(centre)
    for rel in sel.relations:
        unit = frozenset((_ends(g, rel) & drawn) - centre)
        if unit and unit not in out[g.nodes[rel]["map"]]:
            out[g.nodes[rel]["map"]].append(unit)
            held |= unit
    for k in sel.drawn:
        if k not in held:
            out[g.nodes[k]["mentions"][0]["map"]].append(frozenset({k}))
    return {m: units for m, units in out.items() if units}
