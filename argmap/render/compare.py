"""The comparative diagram of two (or more) maps, as DOT.

Built from :func:`argmap.queries.merged_graph`: one column (cluster) per essay
holding its own statements, and between the columns a band with the shared
claims (a claim bound in two or more of the compared maps), each drawn once.
Every relation is drawn in its essay's colour (attacks dashed, ending in a
bar); a contested claim (the essays take opposite stances) has a red border
and says who affirms and who denies it.  The title names the essays; a legend
explains colours and shapes.

What is drawn (the *view*), most specific first:

* ``focus`` (a claim id, a map's node as ``map--node``, ``map:node`` or a
  node id unique among the maps) with ``depth``: that neighbourhood;
* ``shared_only``: the shared claims and each thesis, with the relations
  directly between them;
* ``full``: every statement of every map;
* by default, the *spine*: the shared claims, each thesis, and every
  statement on a path from a shared claim to a thesis.  This keeps the
  bundled pair readable on one A4 page; the rest of each map is in its own
  diagram.

SVG element ids: ``<map id>--<node id>`` for a map's own statement,
``claim--<claim id>`` for a node bound to a claim; tooltips hold the verbatim
quotes.

>>> from argmap.corpus import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> dot = compare_dot(corpus, ["bankruptcy", "enforcer"])
>>> dot == compare_dot(corpus, ["enforcer", "bankruptcy"])  # pure, and the order of the ids does not matter
True
>>> 'id="claim--china-stood-apart"' in dot and 'id="bankruptcy--T"' in dot
True
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Sequence
from typing import Any

from argmap.corpus import Corpus

from .compare_layout import Layout, layout
from .dot import DotWriter, Html, Tip
from .edges import EdgePen, junction_node
from .selection import Selection, comparison_ids, element_id, is_shared, select, view_keys
from .style import (
    ATTACK,
    CONTESTED,
    FONT,
    INK,
    KIND_STYLE,
    MUTED,
    SHARED,
    SUPPORT,
    essay_colour,
    legend_label,
    node_label,
)
from .text import html_text, wrap

__all__ = ["WRAP", "compare_dot", "comparison_ids", "element_id", "view_keys"]

WRAP = 22
"""Characters per label line (narrower than a single map's: two columns share the page)."""
BODY = 14
"""Point size of a statement's text; its header and the essays' node ids are SMALL."""
SMALL = 11
MAX_LINES = 5
"""Lines of a statement's text before it is cut short with "…" (its tooltip has the whole quote)."""
THESIS_LINES = 9
"""A thesis is never cut short at the usual length: it is what the reader compares first."""
LEGEND = "argmap:legend"


def _tooltip(sel: Selection, key: str) -> str:
    """A statement's verbatim quote; a shared claim's quotes, one line per essay, with who says it."""
    g = sel.graph
    mentions = g.nodes[key]["mentions"]
    if not is_shared(g, key):
        m = mentions[0]
        return str(m["quote"]) if m["quote"] is not None else f"implicit assumption (no quote): {m['text']}"
    lines = []
    for m in mentions:
        quote = f"“{m['quote']}”" if m["quote"] is not None else f"implicit assumption (no quote): {m['text']}"
        stance = " (denies)" if m["stance"] == "denies" else ""
        lines.append(f"{m['map']} {m['node']}{stance}: {quote}")
    return "\n".join(lines)


def _label(sel: Selection, key: str, colours: dict[str, str]) -> Html:
    g = sel.graph
    d = g.nodes[key]
    focused = " · focus" if key in sel.starts else ""
    lines = THESIS_LINES if any(m["kind"] == "thesis" for m in d["mentions"]) else MAX_LINES
    if not is_shared(g, key):
        m = d["mentions"][0]
        claim = f" · {html_text(d['claim'])}" if d["claim"] else ""
        return Html(node_label(f"<B>{html_text(m['node'])}</B> · {m['kind']}{claim}{focused}", m["text"], WRAP,
                               max_lines=lines, size=BODY))
    who = []
    for m in d["mentions"]:
        mark = " <B>denies</B>" if m["stance"] == "denies" else ""
        mark += " <B>(thesis)</B>" if m["kind"] == "thesis" else ""
        who.append(f'<FONT COLOR="{colours[m["map"]]}">{html_text(m["map"])} {html_text(m["node"])}{mark}</FONT>')
    body = "<BR/>".join(html_text(line) for line in wrap(d["wording"], WRAP, lines))
    parts = [f'<FONT POINT-SIZE="{BODY}">{body}</FONT>', f'<FONT POINT-SIZE="{SMALL}">{" · ".join(who)}</FONT>']
    if d["contested"] or focused:
        head = "<B>✗ CONTESTED</B>" if d["contested"] else ""
        parts.insert(0, f'<FONT POINT-SIZE="{SMALL}" COLOR="{CONTESTED.border}">{head}{focused}</FONT>')
    return Html("<" + "<BR/>".join(parts) + ">")


def _title(corpus: Corpus, sel: Selection, colours: dict[str, str]) -> Html:
    names = []
    for i in sel.ids:
        m = corpus.get(i).model
        title = html_text(wrap(m.title, 100, 1)[0])
        names.append(f'<FONT COLOR="{colours[i]}"><B>{html_text(i)}</B>: {title}</FONT>')
    return Html('<<FONT POINT-SIZE="16"><B>Comparing</B> ' + "<BR/>".join(names)
                + f'</FONT><BR/><FONT POINT-SIZE="11" COLOR="{MUTED}">{html_text(sel.caption)}</FONT>>')


def _statement(w: DotWriter, sel: Selection, key: str, colours: dict[str, str]) -> None:
    g = sel.graph
    d = g.nodes[key]
    if is_shared(g, key):
        st = CONTESTED if d["contested"] else SHARED
        border = st.border
    else:
        st = KIND_STYLE[d["mentions"][0]["kind"]]
        border = colours[d["mentions"][0]["map"]]
    focused = key in sel.starts
    w.node(key, id=element_id(key), label=_label(sel, key, colours), shape=st.shape, style=st.style,
           fillcolor=st.fill, color="#000000" if focused else border,
           penwidth=st.penwidth + (1.5 if focused else 0.4), tooltip=Tip(_tooltip(sel, key)))


def _junction(w: DotWriter, sel: Selection, k: str, colours: dict[str, str]) -> None:
    g = sel.graph
    d = g.nodes[k]
    sources = [s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement"]
    verb = "jointly " + d["type"] if len(sources) > 1 else d["type"]
    target = next(iter(g.successors(k)))
    junction_node(w, k, colours[d["map"]],
                  f"{d['map']}: {' + '.join(element_id(s) for s in sources)} {verb} {element_id(target)}")


def _columns(w: DotWriter, sel: Selection, lay: Layout, colours: dict[str, str]) -> None:
    """The columns, each essay's inside its box; the legend in the first column (newrank allows that)."""
    def place(key: str) -> None:
        if key == LEGEND:
            w.node(LEGEND, id=LEGEND, shape="plain", fontsize=10,
                   label=Html(legend_label([(i, colours[i]) for i in sel.ids], shared=True)))
        else:
            _statement(w, sel, key, colours)
        for k in lay.junctions.get(key, []):
            _junction(w, sel, k, colours)

    groups: dict[str | None, list[list[str]]] = {}
    for col, members in lay.columns:
        groups.setdefault(col, []).append(members)
    for col in lay.order:
        if col not in groups:
            continue
        # The band is not a cluster: edges between an essay's column and the far side of the band pass
        # between its columns instead of looping around a box.
        box = None if col is None else w.subgraph(
            f"cluster_{col}", id=f"cluster:{col}", style="rounded", color=colours[col], penwidth=1.5, fontsize=13,
            fontcolor=colours[col], label=Html(f"<<B>{html_text(col)}</B>: only in this essay>"))
        with box or contextlib.nullcontext():
            for n, members in enumerate(groups[col]):
                with w.subgraph(f"column_{col or 'shared'}_{n}", rank="same"):
                    for key in members:
                        place(key)
    with w.subgraph("column_legend", rank="same"):
        place(LEGEND)
        if lay.columns:
            w.node(lay.columns[0][1][0])
    for (_, a), (_, b) in itertools.pairwise(lay.columns):
        w.edge(a[0], b[0], style="invis", constraint="true", weight=0)


def _relations(w: DotWriter, sel: Selection, lay: Layout, colours: dict[str, str]) -> None:
    g = sel.graph
    pen = EdgePen(w)
    via = lay.junction_keys()
    for k in sel.relations:
        d: dict[str, Any] = g.nodes[k]
        sources = [s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement"]
        target = next(iter(g.successors(k)))
        pen.relation(sources, target, ATTACK if d["type"] == "attacks" else SUPPORT, via=k if k in via else None,
                     colour=colours[d["map"]], widen=0.2)


def compare_dot(corpus: Corpus, map_ids: Sequence[str], *, focus: str | None = None, depth: int | None = None,
                shared_only: bool = False, full: bool = False) -> str:
    """The DOT source of the comparative diagram of ``map_ids`` (see the module docstring).

    A pure function of its input; the order of ``map_ids`` does not matter.
    An unknown ``focus`` raises :class:`~argmap.errors.NotFound`.
    """
    sel = select(corpus, map_ids, focus=focus, depth=depth, shared_only=shared_only, full=full)
    lay = layout(sel)
    colours = {i: essay_colour(n) for n, i in enumerate(sel.ids)}
    w = DotWriter("compare:" + "+".join(sel.ids), {
        "id": "compare:" + "+".join(sel.ids), "rankdir": "LR", "newrank": "true",
        "label": _title(corpus, sel, colours), "labelloc": "t", "fontname": FONT, "nodesep": 0.12, "ranksep": 0.5,
        "pad": 0.2, "outputorder": "edgesfirst"},
        node={"fontname": FONT, "fontcolor": INK, "margin": "0.10,0.05"},
        edge={"fontname": FONT, "arrowsize": 0.8, "constraint": "false"})
    _columns(w, sel, lay, colours)
    _relations(w, sel, lay, colours)
    return w.text()
