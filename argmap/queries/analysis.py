"""Structure worth discussing: which premises bear the load of a map's thesis (for central shared claims, see
:mod:`argmap.queries.centrality`).

Support is read as an AND/OR graph (the reified graph of :func:`argmap.graph.map_graph.map_graph`,
keeping only statements and support relations, ``supports`` and ``example``):

* a statement *stands* when it is not rejected and either nothing supports it (a
  ground: the essay asserts it without argument) or at least one of its support
  relations stands;
* a relation stands when *all* of its sources stand, so rejecting one premise of
  a linked pair breaks that relation;
* the thesis must be argued for: when nothing supports it but it stands by defence
  (:mod:`argmap.checks.defence`: an attack on it is answered), it stands while one of the
  answers (a rebuttal or undercut of an attack on it) has all its sources standing; so
  rejecting the premise that rebuts the objection leaves the thesis standing on
  nothing.  (Other statements that nothing supports are grounds, attacked or not.)
* an example (a relation of type ``example``) is *backing*, not a line of support:
  it illustrates a claim the essay asserts anyway, so rejecting the example leaves
  that claim standing.  Only :data:`LOAD_TYPES` relations carry the load.

A node is *load-bearing* for a target when rejecting it alone leaves the target
standing on nothing: every line of support the target had runs through it.
:func:`cut_off_by` lists everything a rejection cuts off; the *lines* of a thesis
are its incoming support relations.

>>> from argmap.format.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
...               {"id": "C", "kind": "premise", "text": "c", "quote": "q"},
...               {"id": "P", "kind": "premise", "text": "p", "quote": "q"},
...               {"id": "A", "kind": "assumption", "text": "a"},
...               {"id": "E", "kind": "evidence", "text": "e", "quote": "q", "citation": "src"}],
...     "relations": ["r1: P + A -> C", "C -> T", "E -> P"]})
>>> load_bearing(m)          # T stands only on C, C only on P together with A
['C', 'P', 'A', 'E']
>>> cut_off_by(m, "A")
['T', 'C']
>>> thesis_lines(m)
['C->T']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from argmap.checks.defence import attacks_on, counters, defended
from argmap.files.limits import check_time
from argmap.format.model import SUPPORT_TYPES, ArgumentMap
from argmap.graph.map_graph import map_graph, relation_key
from argmap.graph.view import is_relation
from argmap.queries.results import FROZEN

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "LOAD_TYPES",
    "Impact",
    "MapStructure",
    "cited_support",
    "cut_off_by",
    "load_bearing",
    "map_structure",
    "standing",
    "support_graph",
    "thesis_lines",
]


LOAD_TYPES = ("supports",)
"""The relations whose rejection can leave a claim unsupported; examples are backing and are left out."""


class Impact(BaseModel):
    """What rejecting one node does to its map."""

    model_config = FROZEN
    node: str
    cuts: list[str] = Field(description="statements left with no support, in document order")
    lines: list[str] = Field(description="keys of the thesis's support relations it breaks")


class MapStructure(BaseModel):
    """The load-bearing analysis of one map."""

    model_config = FROZEN
    map: str
    thesis: str
    lines: list[str] = Field(description="keys of the support relations into the thesis")
    line_sources: dict[str, list[str]] = Field(description="each line's key to its (jointly supporting) sources")
    load_bearing: list[str] = Field(description="nodes whose rejection alone leaves the thesis unsupported")
    impacts: list[Impact] = Field(description="nodes whose rejection cuts something off, most damaging first")
    uncited: list[str] = Field(description="the thesis, its direct supporters and the conclusions that no cited "
                                           "evidence supports, in document order")


def support_graph(m: ArgumentMap) -> nx.DiGraph:
    """The map's statements and its load-bearing relations (:data:`LOAD_TYPES`, reified as ``rel:<key>`` nodes).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> g = support_graph(m)
    >>> "rel:P3->T" in g, "rel:O1-|P7b" in g
    (True, False)
    """
    g = map_graph(m)
    keep = [k for k, d in g.nodes(data=True) if d["role"] == "statement" or d["type"] in LOAD_TYPES]
    return g.subgraph(keep).copy()


Defence = dict[str, list[list[str]]]
"""The thesis, when it stands by defence alone -> the sources of each counter to an attack on it."""


def _defence(m: ArgumentMap) -> Defence:
    """The thesis, when it stands by defence alone (:mod:`argmap.checks.defence`), and what its defence rests on."""
    t = m.thesis.id
    # An example is backing (LOAD_TYPES), so a thesis that only examples support stands by its defence here.
    if any(r.type in LOAD_TYPES and r.target == t for r in m.relations) or not defended(m, t):
        return {}
    return {t: [list(c.sources) for a in attacks_on(m, t) for c in counters(m, a)]}


def _standing(g: nx.DiGraph, rejected: Iterable[str], defence: Defence | None = None) -> set[str]:
    import networkx as nx

    check_time()  # called once per node by the analyses: bounded by the caller's time limit
    out = set(rejected)
    defence = defence or {}
    ok: set[str] = set()
    order = list(nx.topological_sort(g))
    grew = True
    while grew:  # more than one pass only when a defence rests on statements later in the order
        grew = False
        for k in order:
            if k in ok:
                continue
            preds = list(g.predecessors(k))
            if is_relation(g, k):
                holds = bool(preds) and all(p in ok for p in preds)
            elif k in defence:
                holds = k not in out and any(all(s in ok for s in c) for c in defence[k])
            else:
                holds = k not in out and (not preds or any(p in ok for p in preds))
            if holds:
                ok.add(k)
                grew = True
        if not defence:
            break
    return ok


def standing(m: ArgumentMap, rejected: Iterable[str] = ()) -> list[str]:
    """Statements that still stand when ``rejected`` are rejected (document order).

    >>> from argmap.format.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
    ...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
    ...               {"id": "P", "kind": "premise", "text": "p", "quote": "q"},
    ...               {"id": "Q", "kind": "premise", "text": "q", "quote": "q"}],
    ...     "relations": ["P -> T", "Q -> T"]})
    >>> standing(m, ["P"])   # two independent lines: T survives the loss of one
    ['T', 'Q']
    """
    ok = _standing(support_graph(m), rejected, _defence(m))
    return [n.id for n in m.nodes if n.id in ok]


def cut_off_by(m: ArgumentMap, node: str) -> list[str]:
    """Statements (other than ``node``) that stand now and would stand on nothing if ``node`` were rejected.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> cut_off_by(m, "E1"), cut_off_by(m, "P3")
    (['P1a'], [])
    """
    g, defence = support_graph(m), _defence(m)
    before, after = _standing(g, (), defence), _standing(g, [node], defence)
    return [n.id for n in m.nodes if n.id != node and n.id in before and n.id not in after]


def thesis_lines(m: ArgumentMap) -> list[str]:
    """Keys of the support relations whose target is the thesis, in map order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> thesis_lines(m)
    ['r1', 'P1b->T', 'P3->T', 'P4->T', 'P2->T', 'P6->T']
    """
    return [r.key for r in m.relations if r.type in LOAD_TYPES and r.target == m.thesis.id]


def load_bearing(m: ArgumentMap, target: str | None = None) -> list[str]:
    """Nodes whose rejection alone leaves ``target`` (default: the thesis) with no support, in document order.

    A target that nothing supports has no load-bearing nodes: it is a ground.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> load_bearing(m), load_bearing(m, "P2"), load_bearing(m, "P8")   # six lines hold T; P8 is a ground
    ([], ['P2a', 'E3', 'A2'], [])
    """
    goal = target or m.thesis.id
    g, defence = support_graph(m), _defence(m)
    grounded = not any(True for _ in g.predecessors(goal)) if goal in g else True
    if goal not in g or (grounded and goal not in defence) or goal not in _standing(g, (), defence):
        return []
    return [n.id for n in m.nodes if n.id != goal and goal not in _standing(g, [n.id], defence)]


def cited_support(m: ArgumentMap) -> dict[str, list[str]]:
    """For each statement, the evidence nodes with a citation that back it (itself included), document order:
    through supports and examples alike, since a cited example backs what it illustrates.

    An empty list means the statement rests on no cited evidence.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("bankruptcy").model
    >>> basis = cited_support(m)
    >>> basis["P4"], basis["P1"]
    (['E5', 'E7', 'E8'], [])
    """
    import networkx as nx

    g = map_graph(m)
    g = g.subgraph([k for k, d in g.nodes(data=True) if d["role"] == "statement" or d["type"] in SUPPORT_TYPES])
    cited = {n.id for n in m.nodes if n.kind == "evidence" and n.citation}
    order = {n.id: i for i, n in enumerate(m.nodes)}
    out: dict[str, list[str]] = {}
    for n in m.nodes:
        found = ({n.id} | nx.ancestors(g, n.id)) & cited
        out[n.id] = sorted(found, key=order.__getitem__)
    return out


def map_structure(m: ArgumentMap) -> MapStructure:
    """Load-bearing nodes, the damage each rejection does, and the claims resting on no cited evidence.

    ``impacts`` lists every node whose rejection cuts something off or breaks a
    line of the thesis, sorted by lines broken, then statements cut, then document order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> result = map_structure(m)
    >>> result.load_bearing, result.impacts[0]
    ([], Impact(node='E1', cuts=['P1a'], lines=['r1']))
    """
    g, defence = support_graph(m), _defence(m)
    thesis = m.thesis.id
    lines = thesis_lines(m)
    before = _standing(g, (), defence)
    order = {n.id: i for i, n in enumerate(m.nodes)}
    impacts: list[Impact] = []
    bearing: list[str] = []
    for n in m.nodes:
        after = _standing(g, [n.id], defence)
        cuts = [x.id for x in m.nodes if x.id != n.id and x.id in before and x.id not in after]
        broken = [k for k in lines if relation_key(k) in before and relation_key(k) not in after]
        if thesis in cuts:
            bearing.append(n.id)
        if cuts or broken:
            impacts.append(Impact(node=n.id, cuts=cuts, lines=broken))
    impacts.sort(key=lambda i: (-len(i.lines), -len(i.cuts), order[i.node]))
    basis = cited_support(m)
    direct = {s for r in m.relations if r.is_support and r.target == thesis for s in r.sources}
    watched = [n.id for n in m.nodes if n.id == thesis or n.id in direct or n.kind == "conclusion"]
    uncited = [x for x in watched if not basis[x] and m.require_node(x).kind != "assumption"]
    sources = {r.key: list(r.sources) for r in m.relations if r.key in lines}
    return MapStructure(map=m.id, thesis=thesis, lines=lines, line_sources=sources, load_bearing=bearing,
                        impacts=impacts, uncited=uncited)
