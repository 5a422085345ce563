"""The export view as a networkx DiGraph, for GraphML (Gephi, yEd) and node-link JSON.

Statements and relations are both nodes (relations reified, as in argmap's own graph): a source points at its
relation node, the relation node at its target.  Every node has every attribute, with ``""`` where a value is
absent, because GraphML readers take a missing value for an error or a zero.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> g = view_graph(export_view(load_corpus([bundled_maps_dir()]), ["enforcer"]))
>>> g.nodes["T"]["kind"], g.nodes["T"]["thesis"], g.nodes["T"]["map"], g.nodes["A1"]["implicit"]
('thesis', True, 'enforcer', True)
>>> sorted({d["role"] for _, d in g.nodes(data=True)})
['relation', 'statement']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.exporters.view import ExportView, Link, Statement, export_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["NODE_ATTRIBUTES", "export_view", "view_graph"]

NODE_ATTRIBUTES = ("role", "label", "kind", "map", "claim", "stance", "quote", "more_quotes", "implicit", "thesis",
                   "contested", "citation", "note", "tags", "nodes")


def _join(values: list[str], sep: str = "; ") -> str:
    return sep.join(v for v in values if v)


def _per_map(s: Statement, values: list[tuple[str, str | None]]) -> str:
    """One value, or ``map: value`` for each map when a shared claim has several mentions."""
    if len(s.mentions) == 1:
        return values[0][1] or ""
    return _join([f"{m}: {v}" for m, v in values if v], " | ")


def _statement_attrs(s: Statement) -> dict[str, Any]:
    ms = s.mentions
    return {"role": "statement", "label": s.text, "kind": s.kind, "map": _join(list(s.maps), ","),
            "claim": s.claim or "", "stance": _per_map(s, [(m.map, m.stance) for m in ms]),
            "quote": _per_map(s, [(m.map, m.quote) for m in ms]),
            "more_quotes": _join([q for m in ms for q in m.more_quotes], " | "),
            "implicit": all(m.implicit for m in ms), "thesis": bool(s.thesis_of),
            "contested": s.contested, "citation": _join([c for m in ms for c in m.citation]),
            "note": _per_map(s, [(m.map, m.note) for m in ms]), "tags": _join(sorted({t for m in ms for t in m.tags}), ","),
            "nodes": _join([f"{m.map}:{m.node}" for m in ms], ",")}


def _link_attrs(link: Link) -> dict[str, Any]:
    kind = "undercut" if link.undercut else link.type
    return {"role": "relation", "label": kind, "kind": kind, "map": link.map, "claim": "", "stance": "",
            "quote": "", "more_quotes": "", "implicit": False, "thesis": False, "contested": False, "citation": "",
            "note": link.note or "", "tags": "", "nodes": link.id}


def view_graph(view: ExportView) -> nx.DiGraph:
    """Statements and relations as nodes with flat, present attributes (strings and booleans).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> g = view_graph(export_view(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"]))
    >>> g.nodes["claim:russia-silent"]["map"], g.nodes["claim:russia-silent"]["nodes"]
    ('bankruptcy,enforcer', 'bankruptcy:P1,enforcer:P1')
    """
    import networkx as nx

    g = nx.DiGraph(title=view.title, maps=_join([m.id for m in view.maps], ","))
    g.add_nodes_from((s.id, _statement_attrs(s)) for s in view.statements)
    g.add_nodes_from((link.id, _link_attrs(link)) for link in view.links)
    for link in view.links:
        kind = "undercut" if link.undercut else link.type
        g.add_edges_from((src, link.id, {"role": "premise", "type": kind, "map": link.map}) for src in link.sources)
        g.add_edge(link.id, link.target, role="conclusion", type=kind, map=link.map)
    return g
