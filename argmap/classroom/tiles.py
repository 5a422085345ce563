"""A diagram printed at a readable size: as large as one page allows, or cut into overlapping page-sized tiles.

Graphviz SVG states its size in points (``width="1484pt"``) and its text sizes in the units of
its ``viewBox``.  Printed in a box of a given size, a text of ``font-size`` *f* comes out at
*f* × scale points; :func:`diagram_tiles` picks the fewest tiles (columns × rows) for which the
smallest text of the diagram prints at ``min_pt`` or more, and returns each tile as an SVG
showing one window of the diagram.

>>> svg = (b'<svg width="1000pt" height="500pt" viewBox="0.00 0.00 1000.00 500.00">'
...        b'<text font-size="10.00">a</text></svg>')
>>> svg_box(svg), min_font_size(svg)
((1000.0, 500.0), 10.0)
>>> tiles = diagram_tiles(svg, box=(780, 430), min_pt=8)
>>> [(t.column, t.row, round(t.text_pt, 1)) for t in tiles]
[(1, 1, 8.6), (2, 1, 8.6)]
>>> tiles[0].svg.startswith('<svg width="')
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

from argmap.render.paging import PAGE_BOX, min_font_size

__all__ = ["PAGE_BOX", "Tile", "diagram_tiles", "min_font_size", "print_diagram", "svg_box"]

_OVERLAP = 0.06  # each tile repeats this share of its neighbour, so that a box cut at an edge is whole on one side
_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(r'viewBox="([-\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)[ ,]+([-\d.]+)"')
_MAX_SCALE = 1.5


@dataclass(frozen=True)
class Tile:
    """One page's window onto the diagram: its position in the grid, the printed text size, the SVG."""

    column: int
    row: int
    columns: int
    rows: int
    text_pt: float
    svg: str


def _viewbox(text: str) -> tuple[int, tuple[float, float, float, float]]:
    """Where the root ``<svg …>`` tag ends, and its viewBox (x, y, width, height)."""
    tag = _SVG_TAG.search(text)
    box = _VIEWBOX.search(tag.group(0)) if tag else None
    if tag is None or box is None:
        raise ValueError("the diagram's <svg> has no viewBox")
    x, y, w, h = (float(v) for v in box.groups())
    return tag.end(), (x, y, w, h)


def svg_box(svg: bytes | str) -> tuple[float, float]:
    """The diagram's ``viewBox`` width and height (its user units)."""
    _, (_, _, w, h) = _viewbox(svg.decode("utf-8") if isinstance(svg, bytes) else svg)
    return w, h


def _grid(w: float, h: float, box: tuple[float, float], need: float) -> tuple[int, int, float]:
    """The fewest columns × rows whose windows print at scale ``need`` or more, and that scale."""
    best: tuple[int, int, float] | None = None
    for n in range(1, 26):
        for cols in range(1, n + 1):
            if n % cols:
                continue
            rows = n // cols
            ww, wh = _window(w, cols), _window(h, rows)
            scale = min(box[0] / ww, box[1] / wh, _MAX_SCALE)
            if scale >= need and (best is None or scale > best[2]):
                best = (cols, rows, scale)
        if best is not None:
            return best
    ww, wh = _window(w, 5), _window(h, 5)
    return 5, 5, min(box[0] / ww, box[1] / wh)


def _window(length: float, parts: int) -> float:
    return length if parts == 1 else min(length, length / parts * (1 + _OVERLAP))


def diagram_tiles(svg: bytes, *, box: tuple[float, float] = PAGE_BOX, min_pt: float = 8.0) -> list[Tile]:
    """The diagram as page tiles whose smallest text prints at ``min_pt`` points or more (see the module example).

    ``box`` is the printable width and height of one tile, in points.  A diagram that fits is one tile,
    scaled to fill the box (up to 1.5×).
    """
    text = svg.decode("utf-8")
    tag_end, (x0, y0, w, h) = _viewbox(text)
    cols, rows, scale = _grid(w, h, box, min_pt / min_font_size(text))
    ww, wh = _window(w, cols), _window(h, rows)
    step_x = (w - ww) / (cols - 1) if cols > 1 else 0.0
    step_y = (h - wh) / (rows - 1) if rows > 1 else 0.0
    body = text[tag_end:]
    out = []
    for r in range(rows):
        for c in range(cols):
            vx, vy = x0 + c * step_x, y0 + r * step_y
            head = (f'<svg width="{math.floor(ww * scale)}pt" height="{math.floor(wh * scale)}pt" '
                    f'viewBox="{vx:.2f} {vy:.2f} {ww:.2f} {wh:.2f}" preserveAspectRatio="xMinYMin meet" '
                    f'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">')
            printed = min(math.floor(ww * scale) / ww, math.floor(wh * scale) / wh) * min_font_size(text)
            out.append(Tile(column=c + 1, row=r + 1, columns=cols, rows=rows, text_pt=printed, svg=head + body))
    return out


def print_diagram(corpus: Corpus, left: str, right: str) -> list[bytes]:
    """The comparison as printed: the SVG of each page of the shared claims and the theses, the first essay on
    the left (:func:`argmap.render.compare.pages.comparison_pages`).

    The shared-claims view, rather than every path between them, keeps the diagram to a few pages at 8 pt: the
    paths are in the site's diagram and in the tables that follow.
    """
    from argmap.render import render_bytes
    from argmap.render.compare.pages import comparison_pages

    return [render_bytes(dot, "svg") for dot in comparison_pages(corpus, [left, right], shared_only=True)]
