"""Drawing relations as DOT edges, the same way in the single-map and the comparative diagram.

A relation with one source is one edge; linked premises (or a relation that an
undercut attacks) meet at a small junction dot, from which one arrow goes on to
the target.  Edges are numbered in the order drawn (``id="edge:N"``), so the SVG
is the same on every run.

>>> from argmap.render.dot import DotWriter
>>> from argmap.render.style import SUPPORT
>>> w = DotWriter("demo")
>>> pen = EdgePen(w)
>>> pen.relation(["P", "Q"], "T", SUPPORT, via="rel:r1")
>>> print(w.text(), end="")
digraph "demo" {
  "P" -> "rel:r1" [id="edge:1", color="#4d4d4d", style="solid", penwidth="1.3", arrowhead="none"];
  "Q" -> "rel:r1" [id="edge:2", color="#4d4d4d", style="solid", penwidth="1.3", arrowhead="none"];
  "rel:r1" -> "T" [id="edge:3", color="#4d4d4d", style="solid", penwidth="1.3", arrowhead="normal"];
}
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.render.dot import DotWriter, Tip
from argmap.render.style import EXAMPLE, EdgeStyle

__all__ = ["EdgePen", "junction_node"]


def junction_node(w: DotWriter, key: str, colour: str, tip: str) -> None:
    """The dot where linked premises meet (or that an undercut attacks)."""
    w.node(key, id=key, shape="point", width=0.11, color=colour, label="", tooltip=Tip(tip))


class EdgePen:
    """Draws the relations of one diagram, numbering its edges; see the module example."""

    def __init__(self, w: DotWriter) -> None:
        self._w = w
        self._n = 0

    def edge(self, tail: str, head: str, style: EdgeStyle, *, arrow: bool, colour: str | None = None,
             widen: float = 0.0, back: bool = False, minlen: int = 1, into_bottom: bool = False) -> None:
        """One edge in ``style`` (``colour`` instead of the style's own, its pen ``widen``-ed).

        ``back`` writes it as ``head -> tail`` with ``dir=back``, for a layout that ranks the head first;
        the arrow still points at ``head``.  ``minlen`` above 1 makes it span that many ranks;
        ``into_bottom`` ends it at the bottom of ``head`` (a heavier edge, so ``head`` stays over it).
        """
        self._n += 1
        tip = style.arrowhead if arrow else "none"
        common: dict[str, str | float] = {"id": f"edge:{self._n}", "color": colour or style.colour, "style": style.style,
                  "penwidth": style.penwidth + widen}
        if minlen != 1:
            common["minlen"] = minlen
        if into_bottom:
            common.update(headport="s", weight=4)
        if style is EXAMPLE and arrow:  # support by example: the dotted arrow says so
            common.update(label="e.g.", fontsize=9)
        if back:
            self._w.edge(head, tail, **common, dir="back", arrowtail=tip)
        else:
            self._w.edge(tail, head, **common, arrowhead=tip)

    def relation(self, sources: Sequence[str], target: str, style: EdgeStyle, *, via: str | None = None,
                 colour: str | None = None, widen: float = 0.0, minlen: int = 1) -> None:
        """A relation from ``sources`` to ``target``: straight, or through the junction ``via``."""
        if via is None:
            self.edge(sources[0], target, style, arrow=True, colour=colour, widen=widen, minlen=minlen)
            return
        for s in sources:
            self.edge(s, via, style, arrow=False, colour=colour, widen=widen)
        self.edge(via, target, style, arrow=True, colour=colour, widen=widen, minlen=minlen)
