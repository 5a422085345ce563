"""What a comparison diagram writes in and beside its boxes: each statement's label (its id, named by its map
where two maps use one id), the head that says how the essays relate on a shared claim, and the tooltips."""

from __future__ import annotations

from argmap.graph.stance import NOT_NEGATION, seen_type
from argmap.render.compare.look import Look
from argmap.render.compare.selection import Selection, is_shared, statements
from argmap.render.dot import Html
from argmap.render.style import (
    CONTESTED,
    node_label,
)
from argmap.render.text import html_text, wrap

__all__ = ["drawn_type", "id_label", "shared_ids", "statement_label", "thesis_map", "tooltip", "turns_any"]

def _box_stance(sel: Selection, key: str) -> str | None:
    """The stance toward its claim of the words a shared claim's box shows (the registry's wording affirms it; a
    thesis box shows its essay's own words); None when the box's relations are drawn as their maps write them."""
    d = sel.graph.nodes[key]
    if d.get("role") != "statement" or not is_shared(sel.graph, key) or d.get("relation") in NOT_NEGATION:
        return None
    owner = thesis_map(sel, key)
    if owner is None:
        return "affirms"
    return next(x["stance"] or "affirms" for x in d["mentions"] if x["map"] == owner and x["kind"] == "thesis")


def turns_any(sel: Selection) -> bool:
    """Whether the diagram draws any relation with a type its map does not write (:func:`drawn_type`): its legend
    or caption must then say why."""
    return any(drawn_type(sel, k) != sel.graph.nodes[k]["type"] for k in sel.relations)


def drawn_type(sel: Selection, relation: str) -> str:
    """A relation's type as the diagram draws it (:func:`argmap.graph.stance.seen_type`): a map's node that denies a
    shared claim is drawn as the claim's box, which says the claim (or, in a thesis's box, that essay's words)."""
    return seen_type(sel.graph, relation, lambda key: _box_stance(sel, key))


def tooltip(sel: Selection, key: str) -> str:
    """A statement's verbatim quote; a shared claim's quotes, one line per essay, with who says it."""
    g = sel.graph
    mentions = g.nodes[key]["mentions"]
    if not is_shared(g, key):
        m = mentions[0]
        return str(m["quote"]) if m["quote"] is not None else f"implicit {m['kind']} (no quote): {m['text']}"
    lines = []
    for m in mentions:
        quote = f"“{m['quote']}”" if m["quote"] is not None else f"implicit {m['kind']} (no quote): {m['text']}"
        stance = " (denies)" if m["stance"] == "denies" else ""
        lines.append(f"{m['map']} {m['node']}{stance}: {quote}")
    return "\n".join(lines)


def shared_ids(sel: Selection) -> set[str]:
    """The node ids two or more compared maps use, which the diagram prefixes with their map's id ("bankruptcy A1",
    "enforcer A1"); taken over every statement, not only the drawn ones, so that labels agree across views.

    >>> from argmap.corpus.load import load_corpus, bundled_maps_dir
    >>> from argmap.render.compare.selection import select
    >>> sel = select(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"])
    >>> {"T", "A1", "P1"} <= shared_ids(sel)
    True
    """
    seen: dict[str, set[str]] = {}
    for k in statements(sel.graph):
        for m in sel.graph.nodes[k]["mentions"]:
            if m["map"] in sel.ids:
                seen.setdefault(m["node"], set()).add(m["map"])
    return {node for node, maps in seen.items() if len(maps) > 1}


def id_label(map_id: str, node: str, clashes: set[str]) -> str:
    """How the diagram names a map's node: its id, prefixed with the map's id when another compared map uses it.

    >>> id_label("enforcer", "A1", {"A1"}), id_label("enforcer", "P9c", {"A1"})
    ('enforcer A1', 'P9c')
    """
    return f"{map_id} {node}" if node in clashes else node


def thesis_map(sel: Selection, key: str) -> str | None:
    """The map whose thesis ``key`` is (the first such, in column order), or None."""
    kinds = {m["map"]: m["kind"] for m in sel.graph.nodes[key]["mentions"]}
    return next((i for i in sel.ids if kinds.get(i) == "thesis"), None)


def _who(sel: Selection, key: str, colours: dict[str, str], clashes: set[str], skip: str | None = None,
         short: bool = False) -> str:
    """Which essay says a shared claim, as which node, and whether it denies it (``short``: the essay by its
    colour alone, unless another compared map uses the same node id)."""
    who = []
    for m in sel.graph.nodes[key]["mentions"]:
        if m["map"] == skip and m["kind"] == "thesis":
            continue
        mark = " <B>denies</B>" if m["stance"] == "denies" else ""
        mark += " <B>(thesis)</B>" if m["kind"] == "thesis" else ""
        # The essay's colour marks the line; the words stay in ink, readable on any fill.
        label = id_label(m["map"], m["node"], clashes) if short else f"{m['map']} {m['node']}"
        who.append(f'<FONT COLOR="{colours[m["map"]]}">■</FONT> {html_text(label)}{mark}')
    return " · ".join(who)


def _thesis_label(sel: Selection, key: str, owner: str, colours: dict[str, str], sz: Look,
                  clashes: set[str]) -> Html:
    """A thesis, the same way wherever it sits: its essay's name, larger text, and who else says it."""
    d = sel.graph.nodes[key]
    m = next(x for x in d["mentions"] if x["map"] == owner and x["kind"] == "thesis")
    head = f'<FONT POINT-SIZE="{sz.small + 2}" COLOR="{colours[owner]}"><B>{html_text(owner)} · THESIS</B></FONT>'
    if d["contested"]:
        head += f'<FONT POINT-SIZE="{sz.small}" COLOR="{CONTESTED.border}"> <B>✗ CONTESTED</B></FONT>'
    if key in sel.starts:
        head += f'<FONT POINT-SIZE="{sz.small}"> · focus</FONT>'
    body = "<BR/>".join(html_text(line) for line in wrap(m["text"], sz.thesis_wrap, sz.thesis_lines))
    parts = [head, f'<FONT POINT-SIZE="{sz.thesis_body}"><B>{body}</B></FONT>']
    if is_shared(sel.graph, key):
        parts.append(f'<FONT POINT-SIZE="{sz.small}">also {_who(sel, key, colours, clashes, skip=owner, short=sz.short)}</FONT>')
    return Html("<" + "<BR/>".join(parts) + ">")


def statement_label(sel: Selection, key: str, colours: dict[str, str], sz: Look, clashes: set[str]) -> Html:
    g = sel.graph
    d = g.nodes[key]
    owner = thesis_map(sel, key)
    if owner is not None:
        return _thesis_label(sel, key, owner, colours, sz, clashes)
    focused = " · focus" if key in sel.starts else ""
    if not is_shared(g, key):
        m = d["mentions"][0]
        claim = f" · {html_text(d['claim'])}" if d["claim"] else ""
        tag = id_label(m["map"], m["node"], clashes)
        return Html(node_label(f"<B>{html_text(tag)}</B> · {m['kind']}{claim}{focused}", m["text"], sz.wrap,
                               max_lines=sz.max_lines, size=sz.body, header_size=sz.header))
    body = "<BR/>".join(html_text(line) for line in wrap(d["wording"], sz.wrap, sz.max_lines))
    who = _who(sel, key, colours, clashes, short=sz.short)
    parts = [f'<FONT POINT-SIZE="{sz.body}">{body}</FONT>', f'<FONT POINT-SIZE="{sz.small}">{who}</FONT>']
    head = _RELATION_HEADS.get(d.get("relation") or "", "")
    if head or focused:
        colour = CONTESTED.border if d["contested"] else "#000000"
        parts.insert(0, f'<FONT POINT-SIZE="{sz.small}" COLOR="{colour}">{head}{focused}</FONT>')
    return Html("<" + "<BR/>".join(parts) + ">")


_RELATION_HEADS = {"contradict": "<B>✗ CONTESTED</B>", "differ": "<B>≠ ANSWERED DIFFERENTLY</B>",
                   "tension": "<B>~ IN TENSION</B>"}
"""The head of a shared claim's box, by how the essays relate on it; an agreement has none."""
