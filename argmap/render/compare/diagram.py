"""The comparative diagram of two (or more) maps, as DOT.

Built from :func:`argmap.queries.comparison.merged_graph` in three steps: the *view*
(:mod:`argmap.render.compare.selection`: which statements and relations), the layout
(:mod:`argmap.render.compare.layout`: each essay's argument grows toward its
own thesis on its own side, the first-named essay on the left, the shared
claims between them) and this module, which writes the DOT.  Each shared claim
(a claim bound in two or more of the compared maps) is drawn once.  Every
relation is drawn in its essay's colour (attacks dashed, ending in a bar); a
contested claim (the essays contradict each other on it) has a red border and says
who affirms and who denies it; a claim they answer differently, or are in tension
on, says so in its head.  Both theses are drawn alike, in larger bold
type, at the outer edges, even when one is also a shared claim.  The title
names the essays; a legend beside it explains colours and shapes.  Edges are
drawn as polylines through the layout's own route points (curves fanning out of
one statement twist across each other).

What is drawn (the *view*), most specific first:

* ``focus`` (a claim id, a map's node as ``map--node``, ``map:node`` or a
  node id unique among the maps) with ``depth``: that neighbourhood;
* ``shared_only``: the shared claims and each thesis, with the relations
  directly between them; a claim with none gets a dotted line to each claim
  or thesis its essay leads it to through statements not drawn;
* ``full``: every statement of every map;
* by default, the *spine*: the shared claims, each thesis, and every
  statement on a path from one of them to another (through supports,
  attacks, undercuts and linked premises, with every premise such an
  inference needs).  The rest of each map is in its own diagram.

Outside a focused view, no statement is drawn without an edge.

SVG element ids: ``<map id>--<node id>`` for a map's own statement,
``claim--<claim id>`` for a node bound to a claim; tooltips hold the verbatim
quotes.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> dot = compare_dot(corpus, ["bankruptcy", "enforcer"])
>>> dot == compare_dot(corpus, ["bankruptcy", "enforcer"])  # pure
True
>>> dot == compare_dot(corpus, ["enforcer", "bankruptcy"])  # the first-named essay is drawn on the left
False
>>> 'id="claim--china-stood-apart"' in dot and 'id="enforcer--T"' in dot
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from argmap.corpus.load import Corpus
from argmap.graph.view import sources
from argmap.render.compare.labels import (
    drawn_type,
    id_label,
    shared_ids,
    statement_label,
    thesis_map,
    tooltip,
    turns_any,
)
from argmap.render.compare.layout import Layout, layout, segments
from argmap.render.compare.look import PRINT, SCREEN, WRAP, Look
from argmap.render.compare.selection import Selection, comparison_ids, element_id, is_shared, select, view_keys
from argmap.render.dot import DotWriter, Html, Tip
from argmap.render.edges import EdgePen, junction_node
from argmap.render.style import (
    BRIDGE,
    CONTESTED,
    FONT,
    INK,
    KIND_STYLE,
    MUTED,
    SHARED,
    edge_style,
    essay_colour,
    legend_label,
)
from argmap.render.subgraph import WHOLE, View
from argmap.render.text import html_text, wrap

__all__ = ["PRINT", "SCREEN", "WRAP", "Look", "compare_dot", "comparison_ids", "element_id", "id_label", "selection_dot",
           "shared_ids", "view_keys"]

def _title(corpus: Corpus, sel: Selection, colours: dict[str, str], with_legend: bool = True,
           with_title: bool = True) -> Html | str:
    """The title (the essays, in column order, and the view) with the legend beside it (either may be left out)."""
    names = []
    for i in sel.ids:
        title = html_text(wrap(corpus.get(i).labelled_title, 100, 1)[0])
        side = "left" if i in sel.ids[:(len(sel.ids) + 1) // 2] else "right"
        names.append(f'<FONT COLOR="{colours[i]}"><B>{html_text(i)}</B> ({side}): {title}</FONT>')
    text = ('<FONT POINT-SIZE="16"><B>Comparing</B> ' + "<BR/>".join(names)
            + f'</FONT><BR/><FONT POINT-SIZE="11" COLOR="{MUTED}">{html_text(sel.caption)}</FONT>')
    legend = legend_label([(i, colours[i]) for i in sel.ids], shared=True, bridges=bool(sel.bridges),
                          denials=turns_any(sel))
    if not with_legend:
        return Html(f"<{text}>") if with_title else ""
    if not with_title:
        return Html(legend)
    return Html(f'<<TABLE BORDER="0" CELLSPACING="12"><TR><TD VALIGN="TOP">{text}</TD>'
                f'<TD VALIGN="TOP">{legend[1:-1]}</TD></TR></TABLE>>')


def _statement(w: DotWriter, sel: Selection, key: str, colours: dict[str, str], sz: Look, clashes: set[str]) -> None:
    g = sel.graph
    d = g.nodes[key]
    owner = thesis_map(sel, key)
    if owner is not None:
        st, border, widen = KIND_STYLE["thesis"], colours[owner], 1.4
    elif is_shared(g, key):
        st = CONTESTED if d["contested"] else SHARED
        border, widen = st.border, 0.4
    else:
        st = KIND_STYLE[d["mentions"][0]["kind"]]
        border, widen = colours[d["mentions"][0]["map"]], 0.4
    focused = key in sel.starts
    # A thesis is set in bold, which Graphviz measures narrower than browsers draw it: room on each side.
    extra = {"margin": "0.24,0.08"} if owner is not None else {}
    w.node(key, id=element_id(key), label=statement_label(sel, key, colours, sz, clashes), shape=st.shape, style=st.style,
           fillcolor=st.fill, color="#000000" if focused else border,
           penwidth=st.penwidth + widen + (1.5 if focused else 0), tooltip=Tip(tooltip(sel, key)), **extra)


def _junction(w: DotWriter, sel: Selection, k: str, colours: dict[str, str]) -> None:
    g = sel.graph
    d = g.nodes[k]
    starts = sources(g, k)
    verb = "jointly " + d["type"] if len(starts) > 1 else d["type"]
    target = next(iter(g.successors(k)))
    junction_node(w, k, colours[d["map"]],
                  f"{d['map']}: {' + '.join(element_id(s) for s in starts)} {verb} {element_id(target)}")


def _relations(w: DotWriter, sel: Selection, lay: Layout, colours: dict[str, str],
               upward: list[str | None] | None = None) -> None:
    """Every drawn relation, then every bridge; each edge oriented as the layout ranks it.

    ``upward`` (the theses, left first, of an upward diagram): every edge points the argument's way, except one
    from the right thesis to the left, written the other way round so that the theses keep their order.
    """
    g = sel.graph
    pen = EdgePen(w)
    via = set(lay.junctions)

    def back(map_id: str, tail: str, head: str) -> bool:
        if upward is None:
            return lay.backward(map_id, tail, head)
        return tail == upward[-1] and head == upward[0]

    for k in sel.relations:
        d: dict[str, Any] = g.nodes[k]
        style = edge_style(drawn_type(sel, k))
        for tail, head, arrow in segments(g, k, k in via):
            pen.edge(tail, head, style, arrow=arrow, colour=colours[d["map"]], widen=0.2, back=back(d["map"], tail, head))
    for a, b, m in sel.bridges:
        pen.edge(a, b, BRIDGE, arrow=True, colour=colours[m], back=back(m, a, b))


def compare_dot(corpus: Corpus, map_ids: Sequence[str], view: View = WHOLE) -> str:
    """The DOT source of the comparative diagram of ``map_ids`` (see the module docstring).

    A pure function of its input; the first half of ``map_ids`` is drawn on the left.
    ``view`` says which part it shows; an unknown focus raises :class:`~argmap.errors.NotFound`.
    """
    return selection_dot(corpus, select(corpus, map_ids, view))


def selection_dot(corpus: Corpus, sel: Selection, *, legend: bool = True, title: bool = True,
                  look: Look = SCREEN) -> str:
    """The DOT of the comparative diagram that draws ``sel``; ``legend`` False leaves the legend out, ``title``
    False the title (a page whose heading is printed beside it), and ``look`` sets type, spacing and direction."""
    lay = layout(sel)
    colours = {i: essay_colour(n) for n, i in enumerate(sel.ids)}
    w = DotWriter("compare:" + "+".join(sel.ids), {
        "id": "compare:" + "+".join(sel.ids), "rankdir": "BT" if look.upward else "LR", "mclimit": 10,
        "splines": "polyline",
        "label": _title(corpus, sel, colours, legend and not look.upward, title), "labelloc": "t", "fontname": FONT,
        "nodesep": 0.12,
        "ranksep": look.ranksep, "pad": 0.2, "outputorder": "edgesfirst"},
        node={"fontname": FONT, "fontcolor": INK, "margin": "0.10,0.05"},
        edge={"fontname": FONT, "arrowsize": 0.8})
    clashes = shared_ids(sel)
    for key in sel.drawn:
        _statement(w, sel, key, colours, look, clashes)
    tops = [next((k for k in sel.drawn if thesis_map(sel, k) == i), None) for i in sel.ids]
    if look.upward and len(sel.ids) == 2 and all(tops):  # both on the top row, the first-named on the left
        with w.subgraph("theses", rank="sink"):
            w.node(str(tops[0]))
            w.node(str(tops[1]))
            if legend:  # beside the theses, where the row has room, rather than above them
                key = legend_label([(i, colours[i]) for i in sel.ids], shared=True, bridges=bool(sel.bridges))
                w.node("argmap:legend", id="argmap:legend", shape="plain", label=Html(key))
        w.edge(str(tops[0]), str(tops[1]), style="invis", weight=10)
        if legend:
            w.edge(str(tops[1]), "argmap:legend", style="invis", weight=10)
    elif len(sel.ids) == 2:
        for n, (i, top) in enumerate(zip(sel.ids, tops, strict=True)):  # each thesis at its own edge of the picture
            if top is not None:
                with w.subgraph(f"thesis_{n}", rank="source" if i in lay.left else "sink"):
                    w.node(top)
    for k in lay.junctions:
        _junction(w, sel, k, colours)
    _relations(w, sel, lay, colours, tops if look.upward else None)
    return w.text()
