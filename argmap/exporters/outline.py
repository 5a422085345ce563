"""A map as an indented outline, thesis first, each claim followed by what supports or attacks it.

>>> from argmap.format.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
...     "nodes": [{"id": "T", "kind": "thesis", "text": "Thesis.", "quote": "q"},
...               {"id": "P", "kind": "premise", "text": "Premise.", "quote": "q"},
...               {"id": "A", "kind": "assumption", "text": "Hidden."},
...               {"id": "O", "kind": "objection", "text": "Objection.", "quote": "q"}],
...     "relations": ["r1: P + A -> T", "O -| r1"]})
>>> print(outline_text(outline(m)))
[thesis] T: Thesis.
  + [premise] P: Premise.  (jointly with A)
  + [assumption] A: Hidden.  (jointly with P)
    - [objection] O: Objection.  (undercuts r1)
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from argmap.format.model import ArgumentMap, Kind

__all__ = ["OutlineItem", "outline", "outline_text"]


class OutlineItem(BaseModel):
    model_config = ConfigDict(frozen=True)
    node: str
    kind: Kind
    text: str
    quote: str | None
    relation: str | None  # "supports" | "example" | "attacks" | "undercuts" | None for roots
    relation_id: str | None
    linked_with: list[str]
    repeat: bool  # shown in full elsewhere in the outline
    children: list[OutlineItem]


def outline(m: ArgumentMap) -> list[OutlineItem]:
    """The thesis tree first, then any parts of the map not connected to it.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> items = outline(load_corpus([bundled_maps_dir()]).get("enforcer").model)
    >>> items[0].node, [c.node for c in items[0].children][:4], [i.node for i in items[1:3]]
    ('T', ['P1', 'P1a', 'A1', 'P1b'], ['C3a', 'C4'])
    """
    nodes = {n.id: n for n in m.nodes}
    rel_ids = {r.id: r for r in m.relations if r.id}
    into: dict[str, list[tuple[str, str | None, str, list[str]]]] = {}
    for r in m.relations:
        for s in r.sources:
            others = [x for x in r.sources if x != s]
            if r.target in rel_ids:
                inner = rel_ids[r.target]
                # An undercut hangs under the last source of the relation it attacks.
                into.setdefault(inner.sources[-1], []).append((s, r.target, "undercuts", others))
            else:
                into.setdefault(r.target, []).append((s, r.id, r.type, others))
    seen: set[str] = set()

    def build(nid: str, relation: str | None, rel_id: str | None, linked: list[str], path: tuple[str, ...]) -> OutlineItem:
        n = nodes[nid]
        repeat = nid in seen
        seen.add(nid)
        children = [] if repeat or nid in path else [
            build(s, kind, rid, others, (*path, nid)) for s, rid, kind, others in into.get(nid, [])]
        return OutlineItem(node=nid, kind=n.kind, text=n.text, quote=n.quote, relation=relation, relation_id=rel_id,
                           linked_with=linked, repeat=repeat, children=children)

    roots = [build(m.thesis.id, None, None, [], ())] if any(n.kind == "thesis" for n in m.nodes) else []
    sources = {s for r in m.relations for s in r.sources}
    # What the thesis tree did not reach: first the ends of chains (e.g. conclusions the thesis
    # supports), then anything else, so every node appears once in full.
    for pick_sinks in (True, False):
        for n in m.nodes:
            if n.id not in seen and (not pick_sinks or n.id not in sources):
                roots.append(build(n.id, None, None, [], ()))
    return roots


_MARK = {"supports": "+", "example": "+", "attacks": "-", "undercuts": "-", None: ""}


def outline_text(items: list[OutlineItem], indent: int = 0) -> str:
    """Plain-text rendering: '+' supports, '-' attacks, two spaces per level.

    >>> from argmap.format.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
    ...     "nodes": [{"id": "T", "kind": "thesis", "text": "It will rain.", "quote": "q"},
    ...               {"id": "P", "kind": "premise", "text": "Clouds gather.", "quote": "q"},
    ...               {"id": "O", "kind": "objection", "text": "The forecast is dry.", "quote": "q"}],
    ...     "relations": ["P -> T", "O -| T"]})
    >>> print(outline_text(outline(m)))
    [thesis] T: It will rain.
      + [premise] P: Clouds gather.
      - [objection] O: The forecast is dry.
    """
    lines: list[str] = []
    for it in items:
        mark = _MARK[it.relation] + " " if it.relation else ""
        extra = []
        if it.linked_with:
            extra.append("jointly with " + ", ".join(it.linked_with))
        if it.relation == "example":
            extra.append("example")
        if it.relation == "undercuts":
            extra.append(f"undercuts {it.relation_id}")
        if it.repeat:
            extra.append("see above")
        tail = f"  ({'; '.join(extra)})" if extra else ""
        lines.append(f"{'  ' * indent}{mark}[{it.kind}] {it.node}: {it.text}{tail}")
        if it.children:
            lines.append(outline_text(it.children, indent + 1))
    return "\n".join(lines)
