"""Which statements and relations the comparative diagram draws: the *view* of a merged graph.

Keys are those of :func:`argmap.queries.merged_graph`: ``claim:<id>`` for a
statement bound to a claim, ``<map>:<node>`` for a map's own statement, and
relation nodes between them.  See :mod:`argmap.render.compare` for the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.corpus import Corpus
from argmap.errors import ArgmapError, NotFound
from argmap.merge import CLAIM_PREFIX

from .views import check_depth, neighbourhood, with_relations

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Selection", "comparison_ids", "element_id", "is_shared", "select", "statements", "theses", "view_keys"]


def comparison_ids(corpus: Corpus, map_ids: Sequence[str]) -> list[str]:
    """The distinct map ids to compare, sorted; unknown ids raise NotFound, fewer than two ArgmapError."""
    ids = sorted({corpus.get(i).id for i in map_ids})
    if len(ids) < 2:
        raise ArgmapError("a comparison needs two different maps")
    return ids


def element_id(key: str) -> str:
    """The SVG element id of a merged-graph key.

    >>> element_id("claim:russia-silent"), element_id("enforcer:P1"), element_id("enforcer:rel:r1")
    ('claim--russia-silent', 'enforcer--P1', 'enforcer:rel:r1')
    """
    if key.startswith(CLAIM_PREFIX):
        return "claim--" + key[len(CLAIM_PREFIX):]
    head, sep, rest = key.partition(":")
    return f"{head}--{rest}" if sep and ":" not in rest else key


def statements(g: nx.DiGraph) -> list[str]:
    """The statement keys of ``g``, in graph order."""
    return [k for k, d in g.nodes(data=True) if d["role"] == "statement"]


def is_shared(g: nx.DiGraph, key: str) -> bool:
    """Whether ``key`` is a claim bound in two or more of the compared maps."""
    return key.startswith(CLAIM_PREFIX) and len(g.nodes[key]["maps"]) > 1


def theses(g: nx.DiGraph) -> list[str]:
    """The statements that are some map's thesis."""
    return [k for k in statements(g) if any(m["kind"] == "thesis" for m in g.nodes[k]["mentions"])]


def _focus_keys(g: nx.DiGraph, focus: str) -> list[str]:
    keys = statements(g)
    if CLAIM_PREFIX + focus in g:
        return [CLAIM_PREFIX + focus]
    for sep in ("--", ":"):
        map_id, found, node = focus.partition(sep)
        if found:
            hits = [k for k in keys for m in g.nodes[k]["mentions"] if (m["map"], m["node"]) == (map_id, node)]
            if hits:
                return hits
    bare = sorted({k for k in keys for m in g.nodes[k]["mentions"] if m["node"] == focus})
    if len(bare) == 1:
        return bare
    known = [k[len(CLAIM_PREFIX):] for k in keys if k.startswith(CLAIM_PREFIX)]
    known += [f"{m['map']}--{m['node']}" for k in keys for m in g.nodes[k]["mentions"]]
    if bare:
        raise ArgmapError(f"node '{focus}' is in several maps; name one as " + " or ".join(
            f"'{m['map']}--{m['node']}'" for k in bare for m in g.nodes[k]["mentions"] if m["node"] == focus))
    raise NotFound("node or claim", focus, known)


def _reach(step: Callable[[str], Iterable[str]], starts: Iterable[str]) -> set[str]:
    """Every key reachable from ``starts`` (included) by ``step``."""
    seen = set(starts)
    todo = list(seen)
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def view_keys(g: nx.DiGraph, *, focus: str | None = None, depth: int | None = None, shared_only: bool = False,
              full: bool = False) -> tuple[set[str], list[str]]:
    """The merged-graph keys to draw (statements and relations), and the focused statements."""
    depth = check_depth(focus, depth)
    if focus is not None and depth is not None:
        starts = _focus_keys(g, focus)
        return with_relations(g, neighbourhood(g, starts, depth)), starts
    keys = statements(g)
    anchors = {k for k in keys if is_shared(g, k)} | set(theses(g))
    if full:
        shown = set(keys)
    elif shared_only:
        shown = anchors
    else:  # on a path from a shared claim to a thesis: reached from some anchor, and reaching some thesis
        down = _reach(g.successors, anchors)
        up = _reach(g.predecessors, theses(g))
        shown = anchors | {k for k in down & up if g.nodes[k]["role"] == "statement"}
    return with_relations(g, shown), []


@dataclass(frozen=True)
class Selection:
    """What one comparative diagram draws: the maps (in column order), the merged graph and the view."""

    ids: list[str]
    graph: nx.DiGraph
    drawn: list[str]
    """The statements drawn, in graph order."""
    relations: list[str]
    """The relations drawn, in graph order."""
    starts: list[str]
    """The focused statements (none unless a focus was given)."""
    caption: str
    """What the view shows, in words, for the title."""


def _caption(focus: str | None, depth: int | None, shared_only: bool, full: bool) -> str:
    if focus is not None:
        return f"neighbourhood of {focus}, depth {check_depth(focus, depth)}"
    if full:
        return "every statement of each essay"
    if shared_only:
        return "the shared claims and each thesis only"
    return "the shared claims, each thesis, and the statements that link them"


def select(corpus: Corpus, map_ids: Sequence[str], *, focus: str | None = None, depth: int | None = None,
           shared_only: bool = False, full: bool = False) -> Selection:
    """The view of the comparison of ``map_ids`` that the options ask for."""
    from argmap.queries import merged_graph

    ids = comparison_ids(corpus, map_ids)
    g = merged_graph(corpus, ids)
    shown, starts = view_keys(g, focus=focus, depth=depth, shared_only=shared_only, full=full)
    keys = statements(g)
    drawn = [k for k in keys if k in shown]
    relations = [k for k, d in g.nodes(data=True) if d["role"] == "relation" and k in shown]
    caption = _caption(focus, depth, shared_only, full) + f" ({len(drawn)} of {len(keys)} statements)"
    return Selection(ids, g, drawn, relations, starts, caption)
