"""A 16:9 slide deck for projecting: HTML or PDF, every word at 24 pt or more on a 1920 × 1080 page.

A deck is a list of :class:`Slide` values (:mod:`argmap.classroom.decks` builds them from a
comparison or from one map); :func:`paginate` spreads content that would not fit over as many
slides as it needs, so that text never shrinks below 24 pt (32 CSS px) and nothing is cut.
:func:`slides_html` lays the deck out; :func:`build_slides` prints it with headless Chromium.

>>> long = [Item(label=f"P{i}", text="A premise of some length, worth a line or two on a slide.") for i in range(30)]
>>> pages = paginate("Kicker", "A title", [Column(heading="left", items=tuple(long))])
>>> len(pages) > 1 and pages[1].title == "A title (2 of %d)" % len(pages)
True
>>> sum(len(p.columns[0].items) for p in pages)
30
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from argmap.classroom.templating import asset, render
from argmap.files.formats import format_for_name

if TYPE_CHECKING:
    from argmap.queries.facts import Fact

__all__ = ["FORMATS", "Column", "Item", "Slide", "SlideFormat", "diagram_box", "format_for_path",
           "paginate", "slides_html"]

SlideFormat = Literal["html", "pdf"]
FORMATS: tuple[str, ...] = ("html", "pdf")

# The layout's measures, in CSS px on a 1920 × 1080 page (1 pt = 4/3 px); slides.css uses the same figures.
_BODY_PX = 36
_TITLE_PX = 54
_WIDTH = {1: 1700, 2: 820}  # text width of one column, by number of columns
_BODY_HEIGHT = 680  # height left for the columns under a one-line title
_CHAR = 0.53  # a generous average character width, in em (DejaVu Sans)
_LINE = 1.3


@dataclass(frozen=True)
class Item:
    """One entry of a column: a node's label, its paraphrase, optionally its words in the essay."""

    label: str
    text: str
    quote: str | None = None
    tone: str = ""  # "thesis", "affirms", "denies", "step"


@dataclass(frozen=True)
class Column:
    """A column of a slide (one per essay when a slide compares them)."""

    heading: str
    items: tuple[Item, ...]
    side: str = ""  # "left" or "right": the essay's colour
    flow: bool = False  # the items are a path, each supporting the next


@dataclass(frozen=True)
class Slide:
    """One slide: a kicker (what kind of slide), a title and one or two columns."""

    kicker: str
    title: str
    columns: tuple[Column, ...]
    note: str = ""
    """A line under the title (how the essays relate on the slide's claim, or what its diagram shows)."""
    diagram: str | None = None
    """An SVG sized for the slide (:mod:`argmap.render.compare.slides`), drawn under the title."""
    facts: tuple[Fact, ...] = ()
    """What the slide says about the essays (:mod:`argmap.queries.facts`), each checked before the deck is written."""


def diagram_box(title: str) -> tuple[float, float]:
    """Width and height (CSS px) left for a diagram on a slide with ``title`` and a one-line note under it.

    >>> diagram_box("A short title")
    (1760.0, 773.0)
    >>> diagram_box("A title long enough to take two lines on the slide, as a claim's wording often does, or more")[1]
    711.0
    """
    bold = 0.64 / _CHAR  # a bold title runs wider than body text
    title_px = _lines(title, int(1760 / bold), _TITLE_PX) * _TITLE_PX * 1.15
    return 1760.0, float(math.floor(1080 - 100 - 42 - 34 - 48 - 20 - title_px))


def _lines(text: str, width: int, px: int) -> int:
    per_line = max(8, int(width / (px * _CHAR)))
    return max(1, math.ceil(len(text) / per_line))


def _height(item: Item, width: int) -> float:
    h = _lines(f"{item.label}  {item.text}", width, _BODY_PX) * _BODY_PX * _LINE
    if item.quote:
        h += _lines(f"“{item.quote}”", width, _BODY_PX) * _BODY_PX * _LINE
    return h + 0.5 * _BODY_PX


def _split(item: Item, width: int, room: float) -> list[Item]:
    """An item too long for one slide, cut at word boundaries into pieces that each fit."""
    per_line = max(8, int(width / (_BODY_PX * _CHAR)))
    chars = max(per_line, int(room / (_BODY_PX * _LINE)) * per_line - len(item.label) - 4)
    words = f"{item.text}{' “' + item.quote + '”' if item.quote else ''}".split()
    pieces: list[str] = [""]
    for w in words:
        if pieces[-1] and len(pieces[-1]) + 1 + len(w) > chars:
            pieces.append("")
        pieces[-1] = f"{pieces[-1]} {w}".strip()
    return [Item(label=item.label if i == 0 else f"{item.label} …", text=p, tone=item.tone)
            for i, p in enumerate(pieces)]


def _chunks(items: tuple[Item, ...], width: int, room: float) -> list[list[Item]]:
    out: list[list[Item]] = [[]]
    used = 0.0
    for item in items:
        for piece in ([item] if _height(item, width) <= room else _split(item, width, room)):
            h = _height(piece, width)
            if out[-1] and used + h > room:
                out.append([])
                used = 0.0
            out[-1].append(piece)
            used += h
    return out


_DONE = Item(label="", text="(nothing more: see the slide before)")


def paginate(kicker: str, title: str, columns: list[Column], facts: Sequence[Fact] = ()) -> list[Slide]:
    """The slides needed to show ``columns`` under ``title`` at full size (see the module example).

    Each column is cut into slide-sized chunks; slide *k* shows chunk *k* of every column, and the
    title of a continued slide says which of how many it is.  Every slide carries ``facts``.
    """
    width = _WIDTH[min(2, max(1, len(columns)))]
    title_lines = _lines(title + " (9 of 9)", _WIDTH[1], _TITLE_PX)
    room = _BODY_HEIGHT - (title_lines - 1) * _TITLE_PX * 1.15 - (_BODY_PX * _LINE if any(c.heading for c in columns)
                                                                  else 0)
    chunked = [_chunks(c.items, width, room) for c in columns]
    n = max((len(ch) for ch in chunked), default=1)
    slides = []
    for k in range(n):
        # a column that ran out on an earlier slide says so, rather than stand empty under its heading
        cols = tuple(replace(c, items=tuple(ch[k]) if k < len(ch) else (_DONE,) if c.heading and k else ())
                     for c, ch in zip(columns, chunked, strict=True))
        slides.append(Slide(kicker=kicker, title=title if n == 1 else f"{title} ({k + 1} of {n})", columns=cols,
                            facts=tuple(facts)))
    return slides


def slides_html(deck: list[Slide], *, title: str) -> str:
    """The deck as one self-contained HTML page: one 1920 × 1080 section per slide, nothing loaded from elsewhere."""
    return render("slides.html", deck=deck, title=title, css=asset("slides.css").decode("utf-8"))


def format_for_path(path: str, given: str | None = None) -> SlideFormat:
    """``html`` or ``pdf``, from ``given`` or else from the file's extension.

    >>> format_for_path("deck.pdf"), format_for_path("deck.htm"), format_for_path("x", "html")
    ('pdf', 'html', 'html')
    """
    return format_for_name(path, {".html": "html", ".htm": "html", ".pdf": "pdf"}, given=given,  # type: ignore[return-value]
                           what="slide")
