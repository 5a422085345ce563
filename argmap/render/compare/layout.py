"""How the comparative diagram is laid out: each essay grows toward its own thesis, on its own side.

The relations themselves shape the layout (Graphviz ranks them, left to right).
The first half of the essays is on the left: their theses come first, and each
of their statements is one rank further right than the statement it leads to,
so their arguments point leftward, toward their thesis.  The other essays
mirror this on the right.  The shared claims, which both sides reach, fall in
between.  "Further" is the distance from the essay's thesis in its own map
(counted in statements and relations, ignoring direction), so that a
consequence the thesis supports is drawn beyond it, not across the picture.

An edge between two statements both sides reach (shared claims, a thesis the
other essay also states) is drawn in one order for every essay: from the one
nearer the left thesis, counted as its distance from the left thesis minus its
distance from the right one (:meth:`Layout.position`), so that two essays
that draw the same link never pull it in opposite directions.

An edge whose drawing direction is against its relation's direction is written
reversed with ``dir=back``: the arrow still points from source to target.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.graph.view import is_relation, sources
from argmap.render.compare.selection import Selection, theses

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Layout", "layout", "segments"]


@dataclass(frozen=True)
class Layout:
    """Which side each essay is on, every statement's distance from each thesis, and the junction dots."""

    left: frozenset[str]
    """The essays drawn on the left."""
    distance: dict[str, dict[str, int]]
    """Map id -> key -> steps from that map's thesis (keys its relations reach)."""
    junctions: list[str]
    """The relations drawn through a dot (linked premises, or an inference an undercut attacks)."""

    def position(self, key: str) -> int | None:
        """How far right ``key`` stands between the sides: its distance from the left thesis minus that from the
        right one, for a statement both sides reach (None otherwise)."""
        left = [d[key] for m, d in self.distance.items() if m in self.left and key in d]
        right = [d[key] for m, d in self.distance.items() if m not in self.left and key in d]
        return min(left) - min(right) if left and right else None

    def backward(self, map_id: str, tail: str, head: str) -> bool:
        """Whether the edge ``tail -> head`` of ``map_id`` is written reversed (``dir=back``)."""
        pt, ph = self.position(tail), self.position(head)
        if pt is not None and ph is not None and pt != ph:  # both sides reach both: one order for every essay
            return pt > ph
        d = self.distance.get(map_id, {})
        far = 1 << 30
        dt, dh = d.get(tail, far), d.get(head, far)
        closer_is_head = dh <= dt
        # Left: ranks grow away from the thesis (closer -> further); right: toward it (further -> closer).
        return closer_is_head if map_id in self.left else not closer_is_head


def _distances(g: nx.DiGraph, shown: set[str], map_id: str, thesis: str | None) -> dict[str, int]:
    if thesis is None:
        return {}
    dist = {thesis: 0}
    queue = deque([thesis])
    while queue:
        key = queue.popleft()
        for nxt in (*g.predecessors(key), *g.successors(key)):
            if nxt in dist or nxt not in shown:
                continue
            if g.nodes[nxt]["role"] != "relation" or g.nodes[nxt]["map"] == map_id:
                dist[nxt] = dist[key] + 1
                queue.append(nxt)
    return dist


def _thesis_of(g: nx.DiGraph, map_id: str) -> str | None:
    return next((k for k in theses(g) for m in g.nodes[k]["mentions"] if m["map"] == map_id and m["kind"] == "thesis"),
                None)


def segments(g: nx.DiGraph, rel: str, junction: bool) -> list[tuple[str, str, bool]]:
    """The edges that draw ``rel``: ``(tail, head, arrow)`` in the relation's direction."""
    starts = sources(g, rel)
    target = next(iter(g.successors(rel)))
    if not junction:
        return [(starts[0], target, True)]
    return [*((s, rel, False) for s in starts), (rel, target, True)]


def layout(sel: Selection) -> Layout:
    """The sides, distances and junctions of ``sel`` (see the module docstring)."""
    g = sel.graph
    shown = {*sel.drawn, *sel.relations}
    undercut = {t for k in sel.relations for t in g.successors(k) if is_relation(g, t)}
    junctions = [k for k in sel.relations
                 if k in undercut or len(sources(g, k)) > 1]
    left = frozenset(sel.ids[:(len(sel.ids) + 1) // 2])
    distance = {m: _distances(g, shown, m, _thesis_of(g, m)) for m in sel.ids}
    return Layout(left, distance, junctions)
