"""The diagram of one map, as DOT.

Support flows upward to the thesis at the top (``rankdir=BT``); node shape and
colour follow the kind (see :mod:`argmap.render.style` and the legend);
attacks are red, dashed and end in a bar; support by example is a dotted
arrow labelled "e.g."; linked premises meet at a small dot,
which then supports the target (joint support); an undercut attacks that dot,
the inference itself.  Each statement's SVG element id is its node id.

Laid out to print: the thesis alone on the top row, in larger type, every
arrow into it ending at its bottom; each statement one level below the
deepest statement it bears on; a level wider than :data:`ROW` statements
wraps onto further rows, and Graphviz packs the whole toward A4 landscape's
proportions (:data:`PAGE`).  What the thesis itself supports (its
consequences) is drawn in a dashed panel below it, reading downward from what
it follows from, so no arrow runs down from the thesis.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
>>> dot = map_dot(gm)
>>> dot == map_dot(gm)  # a pure function: byte-identical every time
True
>>> 'id="T"' in dot and 'rankdir="BT"' in dot
True
>>> from argmap.render.subgraph import WHOLE, View
>>> map_dot(gm, View(focus="T", depth=0)).count("shape=")  # the thesis alone (+ the legend)
2
"""

from __future__ import annotations

import itertools

from argmap.checks.grounded import GroundedMap
from argmap.checks.undercuts import relation_end
from argmap.errors import NotFound
from argmap.files.limits import check_time
from argmap.format.model import ArgumentMap, Node
from argmap.graph.map_graph import REL_PREFIX, map_graph, relation_key
from argmap.render.dot import DotWriter, Html, Tip
from argmap.render.edges import EdgePen, junction_node
from argmap.render.style import FONT, INK, KIND_STYLE, MUTED, edge_style, legend_label, node_label
from argmap.render.subgraph import WHOLE, View, neighbourhood, with_relations
from argmap.render.text import html_text, wrap

__all__ = ["WRAP", "map_dot", "part_dot", "statement_title"]

WRAP = 30
"""Characters per label line."""
BODY = 11
"""Point size of a statement's text (its header is two points smaller)."""
THESIS_SIZE = 16
"""The thesis's text is larger than any other statement's."""
THESIS_WRAP = 34
PAGE = "22,15"
"""Inches (A4 landscape's proportions): Graphviz packs the layout toward this, then scales it down to fit."""
ROW = 7
"""At most this many statements side by side: a wider level wraps onto more rows, so the diagram prints large."""


def statement_title(node: Node) -> str:
    """A node's tooltip: its verbatim quote, and any further place the essay states it; an implicit node has no
    quote, and says so.

    >>> statement_title(Node(id="T", kind="thesis", text="Do it.", implicit=True))
    'implicit thesis, reconstructed (no quote in the essay): Do it.'
    >>> print(statement_title(Node(id="T", kind="thesis", text="t", quote="Do it.", more_quotes=["Really, do it."])))
    Do it.
    also: Really, do it.
    """
    if node.quote is None:
        what = "implicit assumption" if node.kind == "assumption" else f"implicit {node.kind}, reconstructed"
        return f"{what} (no quote in the essay): {node.text}"
    return "\n".join([node.quote, *(f"also: {q}" for q in node.more_quotes or [])])


def _header(node: Node, focused: bool) -> str:
    head = f"<B>{html_text(node.id)}</B> · {node.kind}" + (" · implicit" if node.implicit and node.kind != "assumption"
                                                           else "") + (" · focus" if focused else "")
    if node.more_quotes:
        head += f" · stated {len(node.quotes)}×"
    if node.claim:
        stance = node.effective_stance
        mark = ' <FONT COLOR="#c0392b"><B>denies</B></FONT>' if stance == "denies" else ""
        head += f"<BR/>claim {html_text(node.claim)}{mark}"
    return head


def _title_label(gm: GroundedMap, view: str | None, width: int = 80) -> Html:
    m = gm.model
    title = "<BR/>".join(html_text(line) for line in wrap(gm.labelled_title, width, 3))
    meta = [m.author or "author not named", m.publication, m.date, f"map {m.id}"]
    sub = " · ".join(html_text(x) for x in meta if x)
    line = f"<BR/>{html_text(view)}" if view is not None else ""
    return Html(f'<<FONT POINT-SIZE="17"><B>{title}</B></FONT><BR/>'
                f'<FONT POINT-SIZE="11" COLOR="{MUTED}">{sub}{line}</FONT>>')


def _focus_keys(gm: GroundedMap, focus: str) -> list[str]:
    m = gm.model
    if m.node(focus) is not None:
        return [focus]
    relation = next((r for r in m.relations if r.id == focus), None)
    if relation is not None:
        return [relation_key(relation.key)]  # the relation's reified node: its sources and target are one step away
    bound = [n.id for n in m.nodes if n.claim == focus]
    if not bound:
        known = [*(n.id for n in m.nodes), *(r.id for r in m.relations if r.id), *(n.claim for n in m.nodes if n.claim)]
        raise NotFound("node, relation or claim", focus, known)
    return bound


def follows_from_thesis(m: ArgumentMap) -> list[str]:
    """The statements the thesis supports, directly or through one another (its consequences), in map order."""
    found = {m.thesis.id}
    grew = True
    while grew:
        grew = False
        for r in m.relations:
            if r.type == "supports" and set(r.sources) & found and r.target not in found and m.node(r.target):
                found.add(r.target)
                grew = True
    return [n.id for n in m.nodes if n.id in found and n.id != m.thesis.id]


def _levels(m: ArgumentMap, shown: set[str], follows: set[str]) -> dict[str, int]:
    """Each shown statement's level below the thesis (0): one more than the deepest statement it bears on.

    What follows from the thesis hangs below it the other way round: one level below what it follows from.
    """
    rels = {r.id: r for r in m.relations if r.id}
    pairs: list[tuple[str, str]] = []  # (deeper, shallower)
    for r in m.relations:
        if REL_PREFIX + r.key not in shown:
            continue
        check_time()  # the service bounds a drawing by its time limit
        target = relation_end(rels, r.target) or r.target  # an undercut: level with the conclusion it bears on
        for src in r.sources:
            down = target in follows and (src in follows or src == m.thesis.id)
            pairs.append((target, src) if down else (src, target))
    nodes = [n.id for n in m.nodes if n.id in shown]
    below: dict[str, list[str]] = {k: [] for k in nodes}
    for deep, shallow in pairs:
        if deep in below and shallow in below:
            below[shallow].append(deep)
    has_above = {d for ds in below.values() for d in ds}
    roots = [m.thesis.id] if m.thesis.id in below else []
    roots += [k for k in nodes if k not in has_above and k not in roots]
    order: list[str] = []  # depth-first finishing order; an edge back onto the path (a cycle) is ignored
    state: dict[str, int] = {}
    for root in [*roots, *nodes]:
        if root in state:
            continue
        stack = [(root, iter(below[root]))]
        state[root] = 1
        while stack:
            check_time()
            key, it = stack[-1]
            nxt = next((d for d in it if d not in state), None)
            if nxt is None:
                state[key] = 2
                order.append(key)
                stack.pop()
            else:
                state[nxt] = 1
                stack.append((nxt, iter(below[nxt])))
    rank = {k: i for i, k in enumerate(reversed(order))}  # a topological order of the edges kept
    level = {k: 0 if k == m.thesis.id else 1 for k in nodes}  # other top conclusions stand below the thesis
    for key in reversed(order):
        for deep in below[key]:
            if rank[deep] > rank[key]:
                level[deep] = max(level[deep], level[key] + 1)
    return level


def _rows(m: ArgumentMap, level: dict[str, int], most: int = ROW) -> list[list[str]]:
    """The rows top to bottom: each level in map order, wrapped after ``most`` statements."""
    rows: list[list[str]] = []
    for lv in sorted(set(level.values())):
        members = [n.id for n in m.nodes if level.get(n.id) == lv]
        per = -(-len(members) // -(-len(members) // most))  # balanced rows
        rows += [members[i:i + per] for i in range(0, len(members), per)]
    return rows


def _nodes(w: DotWriter, gm: GroundedMap, shown: set[str], starts: list[str], elsewhere: dict[str, str]) -> None:
    m = gm.model
    for n in m.nodes:
        if n.id not in shown:
            continue
        if n.id in elsewhere:
            _stub(w, n, elsewhere[n.id])
            continue
        st = KIND_STYLE[n.kind]
        focused = n.id in starts
        thesis = n.id == m.thesis.id
        label = node_label(_header(n, focused), n.text, THESIS_WRAP if thesis else WRAP,
                           size=THESIS_SIZE if thesis else BODY)
        style = st.style if not n.implicit or "dashed" in st.style else st.style + ",dashed"  # a reconstruction
        w.node(n.id, id=n.id, label=Html(label), shape=st.shape,
               style=style, fillcolor=st.fill, color="#000000" if focused else st.border,
               penwidth=st.penwidth + (1.5 if focused else 0), tooltip=Tip(statement_title(n)))


def _stub(w: DotWriter, n: Node, where: str) -> None:
    """A statement drawn on another page: its id and kind, and where to find it, so the relation can be drawn."""
    label = node_label(f"<B>{html_text(n.id)}</B> · {n.kind}", where, WRAP, size=BODY)
    w.node(n.id, id=f"{n.id}:elsewhere", label=Html(label), shape="box", style="rounded,dashed", color=MUTED,
           tooltip=Tip(statement_title(n)))


def _relations(w: DotWriter, m: ArgumentMap, shown: set[str], follows: set[str], row: dict[str, int]) -> None:
    """The relations; each spans the ranks between its rows (two per row: a junction sits between)."""
    rels = {r.id: r for r in m.relations if r.id}
    undercut = {r.target for r in m.relations if r.target in rels and REL_PREFIX + r.key in shown}
    junction = {r.key for r in m.relations if len(r.sources) > 1 or (r.id is not None and r.id in undercut)}
    pen = EdgePen(w)
    for r in m.relations:
        key = REL_PREFIX + r.key
        if key not in shown or (m.thesis.id in r.sources and r.target in follows):
            continue  # what the thesis leads to is in its own panel, named in its heading
        style = edge_style(r.type)
        end = relation_end(rels, r.target) or r.target
        target = REL_PREFIX + rels[r.target].key if r.target in rels else r.target
        span = 2 * abs(row[r.sources[0]] - row[end]) if all(k in row for k in (*r.sources, end)) else 2
        back = r.target in follows  # what follows from the thesis reads downward, from what it follows from
        if r.key not in junction:
            pen.edge(r.sources[0], target, style, arrow=True, minlen=max(span, 1), back=back,
                     into_bottom=target == m.thesis.id)
            continue
        tip = f"{' + '.join(r.sources)} jointly {r.type} {r.target}" if len(r.sources) > 1 else \
            f"{r.sources[0]} {r.type} {r.target}"
        junction_node(w, key, style.colour, tip)
        for src in r.sources:
            pen.edge(src, key, style, arrow=False, minlen=max(2 * abs(row.get(src, 0) - row.get(end, 0)) - 1, 1),
                     back=back)
        pen.edge(key, target, style, arrow=True, back=back, into_bottom=target == m.thesis.id)


def map_dot(gm: GroundedMap, view: View = WHOLE) -> str:
    """The DOT source of one map's diagram (see the module docstring); a pure function of its input.

    A focused ``view`` (a node id, a relation id, or a shared claim's id, and a depth) restricts it to a
    neighbourhood; an unknown focus raises :class:`~argmap.errors.NotFound`.
    """
    m = gm.model
    starts = _focus_keys(gm, view.focus) if view.focus is not None else []
    if view.focus is None or view.depth is None:  # the whole map: no graph needed (a fifth of map_dot in a profile)
        shown = {n.id for n in m.nodes} | {relation_key(r.key) for r in m.relations}
    else:
        g = map_graph(m, gm.spans)
        shown = with_relations(g, neighbourhood(g, starts, view.depth))
    return part_dot(gm, shown, starts, view.caption() if view.focus is not None else None)


def part_dot(gm: GroundedMap, shown: set[str], starts: list[str], view: str | None, *, per_row: int = ROW,
             title_width: int = 80, legend: bool = True, elsewhere: dict[str, str] | None = None) -> str:
    """The DOT of the statements and relation keys in ``shown`` of one map; ``view`` names the part in the title.

    At most ``per_row`` statements stand side by side; the title wraps after ``title_width`` characters;
    ``legend`` False leaves the legend out; a statement in ``elsewhere`` is drawn small, as a pointer to where
    it is drawn in full (the value, e.g. "on page 3").
    """
    m = gm.model
    w = DotWriter(m.id, {"id": f"map:{m.id}", "rankdir": "BT", "newrank": "true", "label": _title_label(gm, view, title_width),
                         "labelloc": "t", "fontname": FONT, "nodesep": 0.1, "ranksep": 0.15, "pad": 0.2,
                         "ratio": "compress", "size": PAGE,
                         "outputorder": "edgesfirst"},
                  node={"fontname": FONT, "fontcolor": INK, "margin": "0.12,0.06"},
                  edge={"fontname": FONT, "arrowsize": 0.8})
    _nodes(w, gm, shown, starts, elsewhere or {})
    follows = [k for k in follows_from_thesis(m) if k in shown] if m.thesis.id in shown else []
    if follows:
        named = ", ".join(k for k in follows if any(r.target == k and m.thesis.id in r.sources for r in m.relations))
        named = f" ({html_text(m.thesis.id)} supports {html_text(named)})" if named else ""
        with w.subgraph("cluster_follows", id=f"follows:{m.id}", style="rounded,dashed", color=MUTED, fontsize=13,
                        label=Html(f"<<B>What follows from the thesis</B>{named}>")):
            for k in follows:
                w.node(k)
    rows = _rows(m, _levels(m, shown, set(follows)), per_row)
    row = {k: i for i, members in enumerate(rows) for k in members}
    for i, members in enumerate(rows):
        with w.subgraph(f"row_{i}", rank="same"):
            for k in members:
                w.node(k)
    for upper, lower in itertools.pairwise(rows):
        w.edge(lower[0], upper[0], style="invis", minlen=2, weight=0)
    _relations(w, m, shown, set(follows), row)
    if legend:
        key = legend_label(example=any(r.type == "example" for r in m.relations))
        w.node("argmap:legend", id="argmap:legend", shape="plain", label=Html(key), fontsize=10)
    return w.text()
