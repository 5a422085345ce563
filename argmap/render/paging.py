"""Diagrams cut into pages that print large: packing parts onto pages, and placing pages on A4.

A paged diagram is made of *parts* (a line of argument, a shared claim's paths), each small enough to print
large on its own.  :func:`pack` puts as many parts on a page as still fit, so that no page is left nearly
empty; :func:`on_a4` centres each drawn page on an A4 landscape sheet, scaled to fill it inside 1 cm margins.

>>> pack([3, 4, 2, 5], lambda page: sum(page) <= 7)  # first fit, in reading order
[[3, 4], [2, 5]]
>>> pack([6, 6, 1], lambda page: sum(page) <= 7)
[[6, 1], [6]]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["A4", "BODY_BOX", "MARGIN", "PAGE_BOX", "min_font_size", "on_a4", "pack", "print_scale",
           "prints_large_enough"]

T = TypeVar("T")

A4 = (841.89, 595.28)
"""A4 landscape, in points."""
MARGIN = 28.35
"""One centimetre, in points: the margin a printer keeps."""
BODY_BOX = (A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN)
"""The printable box of an A4 landscape page."""
PAGE_BOX = (780.0, 430.0)
"""Points: an A4 landscape page (277 × 188 mm printable) less a heading line, as the handout prints a diagram."""
_FONT = re.compile(r'font-size(?:="|:\s*)([\d.]+)')
_MOST_SCALE = 1.5
"""A small page is enlarged at most this much: a few statements need not print in headline type."""


def pack(parts: Sequence[T], fits: Callable[[list[T]], bool],
         affinity: Callable[[list[T], T], int] | None = None) -> list[list[T]]:
    """The parts grouped into pages: each part joins the first page it still fits on, else starts a new one.

    ``fits`` says whether a page of the given parts prints large enough; a part that does not fit even alone
    gets a page of its own.  With ``affinity``, a part tries the pages it has most in common with first (parts
    that share statements cost less room together).  Pages and the parts on them keep the parts' order.

    >>> fits = lambda page: len(set("".join(page))) <= 3   # at most three statements a page
    >>> shared = lambda page, part: len(set("".join(page)) & set(part))
    >>> pack(["ab", "cd", "d"], fits), pack(["ab", "cd", "d"], fits, affinity=shared)
    ([['ab', 'd'], ['cd']], [['ab'], ['cd', 'd']])
    """
    pages: list[list[T]] = []
    for part in parts:
        order = sorted(range(len(pages)), key=lambda n: -affinity(pages[n], part)) if affinity else range(len(pages))
        for n in order:
            if fits([*pages[n], part]):
                pages[n].append(part)
                break
        else:
            pages.append([part])
    return pages


def print_scale(size: tuple[float, float], box: tuple[float, float] = BODY_BOX, *,
                most: float = _MOST_SCALE) -> float:
    """The factor by which a drawing of ``size`` fits ``box`` (both in one unit), keeping its aspect, and enlarged at
    most ``most`` times (a print is enlarged at most 1.5×; ``math.inf`` fits a slide or screen whatever it takes).

    >>> import math
    >>> round(print_scale((1570, 1076)), 2), print_scale((100, 100)), print_scale((100, 50), (400, 400), most=math.inf)
    (0.5, 1.5, 4.0)
    """
    return min(box[0] / size[0], box[1] / size[1], most)


def min_font_size(svg: bytes | str) -> float:
    """The smallest ``font-size`` in an SVG, in its user units (14, Graphviz's default, if none is set).

    >>> min_font_size('<text font-size="9.00">a</text><text style="font-size: 12px">b</text>')
    9.0
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    sizes = [float(x) for x in _FONT.findall(text)]
    return min(sizes) if sizes else 14.0


def prints_large_enough(svg: bytes | str, least_pt: float, box: tuple[float, float]) -> bool:
    """Whether a drawing's body text prints at ``least_pt`` or more once the drawing is fitted to ``box`` (points).

    >>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="1000pt" height="400pt"><g class="graph">'
    ...        '<g id="a" class="node"><text font-size="14.00">a</text><text font-size="9.00">P1</text></g>'
    ...        '<g id="b" class="node"><text font-size="14.00">b</text></g></g></svg>')
    >>> prints_large_enough(svg, 8.0, PAGE_BOX), prints_large_enough(svg, 12.0, PAGE_BOX)
    (True, False)
    """
    from argmap.render.crossings import body_font_size, page_size

    # The measure is the commonest size of the text inside the statements (legend aside): the words a reader
    # must read.  Smaller labels (a statement's id, an edge's "e.g.") are drawn a fixed step below it, so they
    # follow; taking the smallest size instead would let one short label decide where a page breaks.
    return body_font_size(svg) * print_scale(page_size(svg), box) >= least_pt


def on_a4(pdfs: Sequence[bytes]) -> bytes:
    """One PDF of A4 landscape pages: every page of ``pdfs``, scaled by :func:`print_scale` and centred."""
    import io

    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    writer = PdfWriter()
    for data in pdfs:
        for page in PdfReader(io.BytesIO(data)).pages:
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            scale = print_scale((w, h))
            sheet = PageObject.create_blank_page(width=A4[0], height=A4[1])
            move = Transformation().translate(-float(page.mediabox.left), -float(page.mediabox.bottom))
            sheet.merge_transformed_page(page, move.scale(scale).translate((A4[0] - w * scale) / 2,
                                                                           (A4[1] - h * scale) / 2))
            writer.add_page(sheet)
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
