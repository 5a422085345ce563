"""The diagram of one map, as DOT.

Support flows upward to the thesis at the top (``rankdir=BT``); node shape and
colour follow the kind (see :mod:`argmap.render.style` and the legend);
attacks are red, dashed and end in a bar; linked premises meet at a small dot,
which then supports the target (joint support); an undercut attacks that dot,
the inference itself.  Each statement's SVG element id is its node id.

>>> from argmap.corpus import load_corpus, bundled_maps_dir
>>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
>>> dot = map_dot(gm)
>>> dot == map_dot(gm)  # a pure function: byte-identical every time
True
>>> 'id="T"' in dot and 'rankdir="BT"' in dot
True
>>> map_dot(gm, focus="T", depth=0).count("shape=")  # the thesis alone (+ the legend)
2
"""

from __future__ import annotations

from argmap.errors import NotFound
from argmap.graph import REL_PREFIX, map_graph, relation_key
from argmap.model import Node, Relation
from argmap.validate import GroundedMap

from .dot import DotWriter, Html, Tip
from .edges import EdgePen, junction_node
from .style import ATTACK, FONT, INK, KIND_STYLE, MUTED, SUPPORT, EdgeStyle, legend_label, node_label
from .text import html_text, wrap
from .views import check_depth, neighbourhood, with_relations

__all__ = ["WRAP", "map_dot", "statement_title"]

WRAP = 30
"""Characters per label line."""


def statement_title(node: Node) -> str:
    """A node's tooltip: its verbatim quote (an assumption has none, and says so)."""
    return node.quote if node.quote is not None else f"implicit assumption (no quote in the essay): {node.text}"


def _header(node: Node, focused: bool) -> str:
    head = f"<B>{html_text(node.id)}</B> · {node.kind}" + (" · focus" if focused else "")
    if node.claim:
        stance = node.effective_stance
        mark = ' <FONT COLOR="#c0392b"><B>denies</B></FONT>' if stance == "denies" else ""
        head += f"<BR/>claim {html_text(node.claim)}{mark}"
    return head


def _title_label(gm: GroundedMap, focus: str | None, depth: int | None) -> Html:
    m = gm.model
    title = "<BR/>".join(html_text(line) for line in wrap(m.title, 80, 3))
    meta = [m.author or "author unknown", m.publication, m.date, f"map {m.id}"]
    sub = " · ".join(html_text(x) for x in meta if x)
    view = f"<BR/>neighbourhood of {html_text(focus)}, depth {depth}" if focus is not None else ""
    return Html(f'<<FONT POINT-SIZE="17"><B>{title}</B></FONT><BR/>'
                f'<FONT POINT-SIZE="11" COLOR="{MUTED}">{sub}{view}</FONT>>')


def _edge_style(rel: Relation) -> EdgeStyle:
    return SUPPORT if rel.type == "supports" else ATTACK


def _focus_keys(gm: GroundedMap, focus: str) -> list[str]:
    m = gm.model
    if m.node(focus) is not None:
        return [focus]
    bound = [n.id for n in m.nodes if n.claim == focus]
    if not bound:
        raise NotFound("node or claim", focus, [*(n.id for n in m.nodes), *(n.claim for n in m.nodes if n.claim)])
    return bound


def map_dot(gm: GroundedMap, *, focus: str | None = None, depth: int | None = None) -> str:
    """The DOT source of one map's diagram (see the module docstring); a pure function of its input.

    ``focus`` (a node id, or a shared claim's id) and ``depth`` restrict it to a
    neighbourhood; an unknown focus raises :class:`~argmap.errors.NotFound`.
    """
    m = gm.model
    depth = check_depth(focus, depth)
    starts = _focus_keys(gm, focus) if focus is not None else []
    if focus is None or depth is None:  # the whole map: no graph needed (building it was a fifth of map_dot in a profile)
        shown = {n.id for n in m.nodes} | {relation_key(r.key) for r in m.relations}
    else:
        g = map_graph(m, gm.spans)
        shown = with_relations(g, neighbourhood(g, starts, depth))

    w = DotWriter(m.id, {"id": f"map:{m.id}", "rankdir": "BT", "newrank": "true", "label": _title_label(gm, focus, depth),
                         "labelloc": "t", "fontname": FONT, "nodesep": 0.3, "ranksep": 0.45, "pad": 0.2,
                         "outputorder": "edgesfirst"},
                  node={"fontname": FONT, "fontcolor": INK, "margin": "0.12,0.06"},
                  edge={"fontname": FONT, "arrowsize": 0.8})
    for n in m.nodes:
        if n.id not in shown:
            continue
        st = KIND_STYLE[n.kind]
        focused = n.id in starts
        w.node(n.id, id=n.id, label=Html(node_label(_header(n, focused), n.text, WRAP)), shape=st.shape,
               style=st.style, fillcolor=st.fill, color="#000000" if focused else st.border,
               penwidth=st.penwidth + (1.5 if focused else 0), tooltip=Tip(statement_title(n)))
    if m.thesis.id in shown:
        with w.subgraph("thesis", rank="sink"):
            w.node(m.thesis.id)

    rels = {r.id: r for r in m.relations if r.id}
    undercut = {r.target for r in m.relations if r.target in rels and REL_PREFIX + r.key in shown}
    junction = {r.key for r in m.relations if len(r.sources) > 1 or (r.id is not None and r.id in undercut)}
    pen = EdgePen(w)
    for r in m.relations:
        key = REL_PREFIX + r.key
        if key not in shown:
            continue
        style = _edge_style(r)
        target = REL_PREFIX + rels[r.target].key if r.target in rels else r.target
        if r.key in junction:
            tip = f"{' + '.join(r.sources)} jointly {r.type} {r.target}" if len(r.sources) > 1 else \
                f"{r.sources[0]} {r.type} {r.target}"
            junction_node(w, key, style.colour, tip)
        pen.relation(r.sources, target, style, via=key if r.key in junction else None)
    w.node("argmap:legend", id="argmap:legend", shape="plain", label=Html(legend_label()), fontsize=10)
    return w.text()
