"""Where the comparative diagram puts each drawn statement: columns (ranks) and junction dots.

Works on a :class:`~argmap.render.selection.Selection`; the DOT writer in
:mod:`argmap.render.compare` reads the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .selection import Selection, is_shared, theses

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ROWS", "Layout", "layout"]

ROWS = 6
"""At most this many statements above one another in a column."""


@dataclass(frozen=True)
class Layout:
    """Columns of statements, left to right, and the junction dots drawn beside their first source."""

    order: list[str | None]
    """The column groups left to right: a map id, or None for the shared band."""
    columns: list[tuple[str | None, list[str]]]
    """Each column: its group and its statements, top to bottom."""
    junctions: dict[str, list[str]]
    """First source statement -> the junction relations placed in its column."""

    def junction_keys(self) -> set[str]:
        return {k for js in self.junctions.values() for k in js}


def home(g: nx.DiGraph, key: str) -> str | None:
    """The map whose column holds ``key``; None for the shared band."""
    return None if is_shared(g, key) else str(g.nodes[key]["mentions"][0]["map"])


def _lean(g: nx.DiGraph, key: str, left: Sequence[str]) -> int:
    """How strongly a shared claim is tied to the left essays' own statements (minus the right ones')."""
    score = 0
    for k in (*g.predecessors(key), *g.successors(key)):
        for far in (*g.predecessors(k), *g.successors(k)):
            if far != key and g.nodes[far]["role"] == "statement" and not is_shared(g, far):
                score += 1 if g.nodes[far]["mentions"][0]["map"] in left else -1
    return score


def _junctions(g: nx.DiGraph, relations: list[str]) -> dict[str, list[str]]:
    undercut = {t for k in relations for t in g.successors(k) if g.nodes[t]["role"] == "relation"}
    out: dict[str, list[str]] = {}
    for k in relations:
        if len([s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement"]) > 1 or k in undercut:
            first = next(s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement")
            out.setdefault(first, []).append(k)
    return out


def layout(sel: Selection) -> Layout:
    """The columns: the first half of the essays, the shared band, the rest; each at most ROWS high."""
    g, ids = sel.graph, sel.ids
    ends = {k for k in theses(g) if k in sel.drawn}
    half = (len(ids) + 1) // 2
    left = ids[:half]
    order: list[str | None] = [*left, None, *ids[half:]]
    columns: list[tuple[str | None, list[str]]] = []
    for col in order:
        members = [k for k in sel.drawn if home(g, k) == col]
        if col is None:
            members.sort(key=lambda k: -_lean(g, k, left))
        else:
            members.sort(key=lambda k: k not in ends)  # the thesis first: outermost
        if not members:
            continue
        rows = -(-len(members) // -(-len(members) // ROWS))  # balanced columns
        chunks = [members[i:i + rows] for i in range(0, len(members), rows)]
        if col in left:
            chunks.reverse()
        columns += [(col, c) for c in chunks]
    return Layout(order, columns, _junctions(g, sel.relations))
