"""A map's outline, read leniently: its essay's path, its nodes and its relations, as the preview page lists them.

It is read with :mod:`argmap.yaml.reader` (fast, bounded).  A map that does not validate (a node
without a quote, a relation to a node not yet written) still has an outline, so that the page can
offer its nodes to relate and bind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.jobs.map_edit import EDGE_KINDS

__all__ = ["MapOutline", "OutlineNode", "OutlineRelation", "outline"]


@dataclass(frozen=True)
class OutlineNode:
    id: str
    kind: str
    text: str
    claim: str | None = None
    quote: str | None = None


@dataclass(frozen=True)
class OutlineRelation:
    index: int
    id: str | None
    label: str


@dataclass(frozen=True)
class MapOutline:
    """What the page lists of a map, read leniently (a map that does not validate still has an outline)."""

    source: str | None = None
    nodes: list[OutlineNode] = field(default_factory=list)
    relations: list[OutlineRelation] = field(default_factory=list)


def outline(text: str) -> MapOutline:
    """The essay path, nodes and relations of a map's text, as far as they can be read.

    >>> o = outline("source: {path: e.txt}\\nnodes:\\n  - {id: T, kind: thesis, text: t}\\nrelations: ['r1: T -> T']\\n")
    >>> o.source, [n.id for n in o.nodes], [(r.id, r.label) for r in o.relations]
    ('e.txt', ['T'], [('r1', 'T -> T')])
    """
    from argmap.format.model import Relation
    from argmap.yaml.reader import YamlError, parse_yaml

    try:
        data = parse_yaml(text).data  # libyaml in C: the page's state is rebuilt on every save
    except YamlError:
        return MapOutline()
    if not isinstance(data, dict):
        return MapOutline()
    source = data.get("source")
    path = source.get("path") if isinstance(source, dict) else None
    nodes = [OutlineNode(str(n.get("id")), str(n.get("kind")), str(n.get("text") or ""),
                         str(n["claim"]) if n.get("claim") else None,
                         n["quote"] if isinstance(n.get("quote"), str) else None)
             for n in (data.get("nodes") or []) if isinstance(n, dict) and n.get("id") is not None]
    relations = []
    for i, item in enumerate(data.get("relations") or []):
        try:
            r = Relation.model_validate(item)
        except ValueError:
            continue
        arrow = EDGE_KINDS["example" if r.type == "example" else r.type]
        relations.append(OutlineRelation(i, r.id, f"{' + '.join(r.sources)} {arrow} {r.target}"))
    return MapOutline(str(path) if isinstance(path, str) else None, nodes, relations)
