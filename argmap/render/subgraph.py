"""Which part of a graph a diagram shows: everything, a neighbourhood, or the shared part.

Works on the graphs of :func:`argmap.graph.map_graph.map_graph` and
:func:`argmap.graph.merge.merge_maps` alike (nodes with ``role`` "statement" or
"relation").  A view is a set of statements; a relation is drawn when every
statement it joins (and the relation an undercut attacks) is drawn, so joint
support is never shown half.

Distance counts statements: a premise is one step from what it supports, from
its co-premises in a linked argument, and from what undercuts its inference.

>>> from argmap.format.model import ArgumentMap
>>> from argmap.graph.map_graph import map_graph
>>> m = ArgumentMap.model_validate({
...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
...     "nodes": [{"id": i, "kind": k, "text": i, "quote": "q"}
...               for i, k in [("T", "thesis"), ("P", "premise"), ("Q", "premise"), ("E", "evidence")]],
...     "relations": ["r1: P + Q -> T", "E -> P"]})
>>> g = map_graph(m)
>>> sorted(with_relations(g, neighbourhood(g, ["T"], 1)))
['P', 'Q', 'T', 'rel:r1']
>>> sorted(neighbourhood(g, ["E"], 1))
['E', 'P']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.errors import InvalidRequest
from argmap.graph.view import is_statement

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["DEFAULT_DEPTH", "WHOLE", "View", "check_depth", "neighbourhood", "with_relations"]

DEFAULT_DEPTH = 1
"""The depth of a focused view when none is given."""


def check_depth(focus: str | None, depth: int | None) -> int | None:
    """The depth to use for ``focus``: ``depth``, or :data:`DEFAULT_DEPTH`; InvalidRequest for nonsense.

    The one place the rule "a depth needs a focus" is checked: every diagram goes through it.

    >>> check_depth("T", None), check_depth(None, None)
    (1, None)
    """
    if depth is not None and depth < 0:
        raise InvalidRequest(f"depth must be 0 or more, got {depth}")
    if depth is not None and focus is None:
        raise InvalidRequest("a depth needs a focus: give the node or claim to centre on")
    if focus is None:
        return None
    return DEFAULT_DEPTH if depth is None else depth


@dataclass(frozen=True)
class View:
    """What a diagram shows, as one value: checked once, when it is made, then passed to every step that draws.

    ``focus`` (a node, relation or shared claim) and ``depth``: a neighbourhood (``depth`` defaults to
    :data:`DEFAULT_DEPTH`, and needs a focus).  Otherwise a comparison shows the shared claims, each thesis and
    what links them; ``shared_only`` leaves out the linking statements, ``full`` shows every statement.  A focus
    decides the view alone (the two flags then change nothing).

    >>> View(focus="T")
    View(focus='T', depth=1, shared_only=False, full=False)
    >>> View(depth=2)
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: a depth needs a focus: give the node or claim to centre on
    """

    focus: str | None = None
    depth: int | None = None
    shared_only: bool = False
    full: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "depth", check_depth(self.focus, self.depth))

    @property
    def focused(self) -> bool:
        """Whether the view is a neighbourhood (a focus, with its depth)."""
        return self.focus is not None and self.depth is not None

    def caption(self) -> str:
        """What the view shows, in words, for a diagram's title."""
        if self.focus is not None:
            return f"neighbourhood of {self.focus}, depth {self.depth}"
        if self.full:
            return "every statement of each essay"
        if self.shared_only:
            return "the shared claims and each thesis only (dotted: linked through statements not shown)"
        return "the shared claims, each thesis, and the statements that link them"


WHOLE = View()
"""The default view: a whole map, or a comparison's shared claims, theses and the statements that link them."""


def neighbourhood(g: nx.DiGraph, starts: Sequence[str], depth: int) -> set[str]:
    """Statements at most ``depth`` statements away from any of ``starts`` (ignoring edge direction).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.graph.map_graph import map_graph
    >>> g = map_graph(load_corpus([bundled_maps_dir()]).get("enforcer").model)
    >>> sorted(neighbourhood(g, ["P8"], 1))   # O4 attacks P8, P8b undercuts that attack
    ['O4', 'P8', 'P8a', 'P8b']
    """
    dist: dict[str, int] = {s: 0 for s in starts}
    queue: deque[str] = deque(starts)
    while queue:  # 0-1 breadth-first search: entering a relation costs nothing, a statement one step
        key = queue.popleft()
        for nxt in (*g.predecessors(key), *g.successors(key)):
            step = 1 if is_statement(g, nxt) else 0
            d = dist[key] + step
            if d > depth or d >= dist.get(nxt, depth + 1):
                continue
            dist[nxt] = d
            if step:
                queue.append(nxt)
            else:
                queue.appendleft(nxt)
    return {k for k in dist if is_statement(g, k)}


def with_relations(g: nx.DiGraph, statements: Iterable[str]) -> set[str]:
    """``statements`` plus every relation all of whose ends are shown (see the module docstring).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.graph.map_graph import map_graph
    >>> g = map_graph(load_corpus([bundled_maps_dir()]).get("enforcer").model)
    >>> sorted(with_relations(g, ["P8", "P8b"])), sorted(with_relations(g, ["P8", "P8b", "O4"]))
    (['P8', 'P8b'], ['O4', 'P8', 'P8b', 'rel:P8b-|r5', 'rel:r5'])
    """
    shown = set(statements)
    memo: dict[str, bool] = {}

    def keep(rel: str) -> bool:
        if rel not in memo:
            memo[rel] = False  # guards against (invalid) cycles of undercuts
            sources = [p for p in g.predecessors(rel) if is_statement(g, p)]
            targets = list(g.successors(rel))
            memo[rel] = bool(sources) and all(s in shown for s in sources) and all(
                t in shown if is_statement(g, t) else keep(t) for t in targets)
        return memo[rel]

    return shown | {k for k in g.nodes if not is_statement(g, k) and keep(k)}
