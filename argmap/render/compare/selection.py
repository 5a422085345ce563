"""Which statements and relations the comparative diagram draws: the *view* of a merged graph.

Keys are those of :func:`argmap.queries.comparison.merged_graph`: ``claim:<id>`` for a
statement bound to a claim, ``<map>:<node>`` for a map's own statement, and
relation nodes between them.  See :mod:`argmap.render.compare.diagram` for the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.corpus.load import Corpus
from argmap.corpus.pairs import comparison_ids
from argmap.errors import InvalidRequest, NotFound
from argmap.files.limits import check_time
from argmap.graph.merge import CLAIM_PREFIX
from argmap.graph.view import is_statement, statement_keys
from argmap.render.subgraph import WHOLE, View, neighbourhood, with_relations

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Selection", "bridges", "comparison_ids", "element_id", "is_shared", "lone_bridges", "select", "spine_parts",
           "statements", "theses",
           "view_keys"]


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
    return statement_keys(g)


def is_shared(g: nx.DiGraph, key: str) -> bool:
    """Whether ``key`` is a claim bound in two or more of the compared maps.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.queries.comparison import merged_graph
    >>> g = merged_graph(load_corpus([bundled_maps_dir()]))
    >>> is_shared(g, "claim:russia-silent"), is_shared(g, "bankruptcy:T")
    (True, False)
    """
    return key.startswith(CLAIM_PREFIX) and len(g.nodes[key]["maps"]) > 1


def theses(g: nx.DiGraph) -> list[str]:
    """The statements that are some map's thesis.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.queries.comparison import merged_graph
    >>> theses(merged_graph(load_corpus([bundled_maps_dir()])))
    ['claim:russia-not-protector', 'enforcer:T']
    """
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
    relations = _relation_keys(g)
    for sep in ("--", ":"):
        map_id, found, rel = focus.partition(sep)
        if found and (map_id, rel) in relations:
            return [relations[map_id, rel]]
    bare = sorted({k for k in keys for m in g.nodes[k]["mentions"] if m["node"] == focus})
    names = [f"'{m['map']}--{m['node']}'" for k in bare for m in g.nodes[k]["mentions"] if m["node"] == focus]
    for (map_id, rel), k in sorted(relations.items()):
        if rel == focus:
            bare.append(k)
            names.append(f"'{map_id}--{rel}'")
    if len(bare) == 1:
        return bare
    known = [k[len(CLAIM_PREFIX):] for k in keys if k.startswith(CLAIM_PREFIX)]
    known += [f"{m['map']}--{m['node']}" for k in keys for m in g.nodes[k]["mentions"]]
    known += [f"{map_id}--{rel}" for map_id, rel in relations]
    if bare:
        raise InvalidRequest(f"node '{focus}' is in several maps; name one as " + " or ".join(names))
    raise NotFound("node, relation or claim", focus, known)


def _relation_keys(g: nx.DiGraph) -> dict[tuple[str, str], str]:
    """(map id, relation id) -> merged-graph key, for the relations that have an id."""
    out: dict[tuple[str, str], str] = {}
    for k, d in g.nodes(data=True):
        if d["role"] == "relation" and "->" not in d["relation"] and "-|" not in d["relation"] and ".." not in d["relation"]:
            out[d["map"], d["relation"]] = k
    return out


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


def _linking(g: nx.DiGraph, anchors: set[str]) -> set[str]:
    """The statements on a directed path from one anchor to another, with every premise the path's inferences need.

    A path runs through supports, attacks, undercuts (an attack on an inference) and linked premises; a linked
    inference on the path brings all its premises, and an undercut inference the premises of what it attacks.
    """
    on = _reach(g.successors, anchors) & _reach(g.predecessors, anchors)
    needed = {s for k in on if not is_statement(g, k) for s in g.predecessors(k) if is_statement(g, s)}
    return anchors | {k for k in on if is_statement(g, k)} | needed


def bridges(g: nx.DiGraph, anchors: set[str], drawn: set[str]) -> list[tuple[str, str, str]]:
    """``(from, to, map)`` for each pair of anchors one map links only through statements not ``drawn``.

    Followed from each anchor forward through relations and undrawn statements, stopping at anchors.
    """
    out: list[tuple[str, str, str]] = []
    for a in sorted(anchors):
        check_time()  # the service bounds a drawing by its time limit
        for m in sorted(g.nodes[a]["maps"]):
            seen, todo, hits = {a}, [a], set()
            while todo:
                for nxt in g.successors(todo.pop()):
                    if nxt in seen or (not is_statement(g, nxt) and g.nodes[nxt]["map"] != m):
                        continue
                    seen.add(nxt)
                    if nxt in anchors:
                        hits.add(nxt)
                    elif nxt not in drawn:
                        todo.append(nxt)
            out += [(a, b, m) for b in sorted(hits - {a}) if not _direct(g, a, b, drawn)]
    return out


def lone_bridges(g: nx.DiGraph, anchors: set[str], shown: set[str]) -> list[tuple[str, str, str]]:
    """The :func:`bridges` among ``anchors`` that join an anchor no relation in ``shown`` joins (the shared-only
    view draws a dotted line only where a claim would otherwise stand alone)."""
    linked = _touched(g, shown, [])
    return [b for b in bridges(g, anchors, shown) if b[0] not in linked or b[1] not in linked]


def _direct(g: nx.DiGraph, a: str, b: str, drawn: set[str]) -> bool:
    return any(r in drawn and b in g.successors(r) for r in g.successors(a))


def _touched(g: nx.DiGraph, shown: set[str], extra: list[tuple[str, str, str]]) -> set[str]:
    """The statements of ``shown`` that some drawn relation (or one of ``extra``) joins."""
    out = {e for a, b, _ in extra for e in (a, b)}
    for k in shown:
        if not is_statement(g, k):
            out |= {n for n in (*g.predecessors(k), *g.successors(k)) if is_statement(g, n)}
    return out


def view_keys(g: nx.DiGraph, view: View) -> tuple[set[str], list[str], list[tuple[str, str, str]]]:
    """The keys to draw (statements and relations), the focused statements, and the bridges (shared-only view).

    Outside a focused view no statement is drawn alone: a thesis or shared claim that links to no other is drawn
    with its neighbours, and a statement that still has no drawn relation is left out.
    """
    if view.focus is not None and view.depth is not None:
        starts = _focus_keys(g, view.focus)
        return with_relations(g, neighbourhood(g, starts, view.depth)), starts, []
    shared_only = view.shared_only
    keys = statements(g)
    anchors = {k for k in keys if is_shared(g, k)} | set(theses(g))
    wanted = set(keys) if view.full else anchors if shared_only else _linking(g, anchors)
    shown = with_relations(g, wanted)
    links = lone_bridges(g, anchors, shown) if shared_only else []
    alone = sorted(k for k in wanted if k not in _touched(g, shown, links))
    if alone and not shared_only:
        wanted |= neighbourhood(g, alone, 1)
        shown = with_relations(g, wanted)
    touched = _touched(g, shown, links)
    return {k for k in shown if not is_statement(g, k) or k in touched}, [], links


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
    bridges: list[tuple[str, str, str]]
    """``(from, to, map)``: anchors a map links through statements this view leaves out."""
    caption: str
    """What the view shows, in words, for the title."""


def select(corpus: Corpus, map_ids: Sequence[str], view: View = WHOLE) -> Selection:
    """The part of the comparison of ``map_ids`` that ``view`` asks for.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> select(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"], View(focus="russia-silent")).caption
    'neighbourhood of russia-silent, depth 1 (9 of 79 statements)'
    """
    from argmap.queries.comparison import merged_graph

    ids = comparison_ids(corpus, map_ids)
    g = merged_graph(corpus, ids)
    shown, starts, links = view_keys(g, view)
    keys = statements(g)
    drawn = [k for k in keys if k in shown]
    relations = [k for k, d in g.nodes(data=True) if d["role"] == "relation" and k in shown]
    caption = view.caption() + f" ({len(drawn)} of {len(keys)} statements)"
    return Selection(ids, g, drawn, relations, starts, links, caption)


def _paths_to_anchors(g: nx.DiGraph, start: str, anchors: set[str], map_id: str) -> set[str]:
    """The statements on ``map_id``'s paths from ``start`` to the first anchors they meet, with every premise the
    inferences on them need (see :func:`_linking`)."""
    def forward(k: str) -> Iterable[str]:
        if k != start and k in anchors:
            return ()
        return [n for n in g.successors(k) if is_statement(g, n) or g.nodes[n]["map"] == map_id]

    ahead = _reach(forward, [start])
    ends = {k for k in ahead if k in anchors and k != start}
    on = ahead & _reach(lambda k: [n for n in g.predecessors(k) if n in ahead], ends) if ends else set()
    needed = {s for k in on if not is_statement(g, k) for s in g.predecessors(k) if is_statement(g, s)}
    return {k for k in on if is_statement(g, k)} | needed


def spine_parts(sel: Selection) -> list[tuple[str, set[str]]]:
    """The view cut into parts that each read alone: ``(shared claim, statements)`` for each shared claim, with
    the drawn statements on each essay's paths from it to the next shared claim or thesis (and both theses), in
    drawing order.

    A drawn statement that no such path reaches gets a part of its own, with its drawn neighbours.
    """
    g = sel.graph
    drawn = set(sel.drawn)
    tops = set(theses(g)) & drawn
    anchors = {k for k in sel.drawn if is_shared(g, k)} | tops
    parts: list[tuple[str, set[str]]] = []
    for key in sel.drawn:
        if key in anchors and key not in tops:
            on = set().union(*(_paths_to_anchors(g, key, anchors, m) for m in sel.ids))
            parts.append((key, (on & drawn) | {key} | tops))
    covered = set().union(tops, *(keys for _, keys in parts))
    for key in sel.drawn:
        if key not in covered:
            keys = (neighbourhood(g, [key], 1) & drawn) | {key} | tops
            parts.append((key, keys))
            covered |= keys
    return parts
