"""The comparative diagram of two (or more) maps, as DOT.

Built from :func:`argmap.queries.merged_graph`: one column (cluster) per essay
holding its own statements, and between the columns a band with the shared
claims (a claim bound in two or more of the compared maps), each drawn once.
Every relation is drawn in its essay's colour (attacks dashed, ending in a
bar); a contested claim (the essays take opposite stances) has a red border
and says who affirms and who denies it.  The title names the essays; a legend
explains colours and shapes.

What is drawn (the *view*), most specific first:

* ``focus`` (a claim id, a map's node or relation as ``map--id``, ``map:id`` or
  an id unique among the maps; a relation is focused on its reified node) with ``depth``: that neighbourhood;
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
>>> 'id="claim--china-stood-apart"' in dot and 'id="claim--russia-not-protector"' in dot
True
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from argmap.corpus import Corpus
from argmap.errors import ArgmapError, NotFound
from argmap.merge import CLAIM_PREFIX
from argmap.pairs import comparison_ids

from .dot import DotWriter, Html, Tip
from .style import (
    ATTACK,
    CONTESTED,
    EXAMPLE,
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
from .subgraph import check_depth, neighbourhood, with_relations
from .text import html_text, wrap

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["WRAP", "compare_dot", "element_id", "view_keys"]

WRAP = 22
"""Characters per label line (narrower than a single map's: two columns share the page)."""
BODY = 14
"""Point size of a statement's text; its header and the essays' node ids are SMALL."""
SMALL = 11
MAX_LINES = 5
"""Lines of a statement's text before it is cut short with "…" (its tooltip has the whole quote)."""
THESIS_LINES = 9
"""A thesis is never cut short at the usual length: it is what the reader compares first."""
ROWS = 6
"""At most this many statements above one another in a column."""


def element_id(key: str) -> str:
    """The SVG element id of a merged-graph key.

    >>> element_id("claim:russia-silent"), element_id("enforcer:P1"), element_id("enforcer:rel:r1")
    ('claim--russia-silent', 'enforcer--P1', 'enforcer:rel:r1')
    """
    if key.startswith(CLAIM_PREFIX):
        return "claim--" + key[len(CLAIM_PREFIX):]
    head, sep, rest = key.partition(":")
    return f"{head}--{rest}" if sep and ":" not in rest else key


def _statements(g: nx.DiGraph) -> list[str]:
    return [k for k, d in g.nodes(data=True) if d["role"] == "statement"]


def _shared(g: nx.DiGraph, key: str) -> bool:
    return key.startswith(CLAIM_PREFIX) and len(g.nodes[key]["maps"]) > 1


def _theses(g: nx.DiGraph) -> list[str]:
    return [k for k in _statements(g) if any(m["kind"] == "thesis" for m in g.nodes[k]["mentions"])]


def _focus_keys(g: nx.DiGraph, focus: str) -> list[str]:
    statements = _statements(g)
    if CLAIM_PREFIX + focus in g:
        return [CLAIM_PREFIX + focus]
    for sep in ("--", ":"):
        map_id, found, node = focus.partition(sep)
        if found:
            keys = [k for k in statements for m in g.nodes[k]["mentions"] if (m["map"], m["node"]) == (map_id, node)]
            if keys:
                return keys
    relations = _relation_keys(g)
    for sep in ("--", ":"):
        map_id, found, rel = focus.partition(sep)
        if found and (map_id, rel) in relations:
            return [relations[map_id, rel]]
    bare = sorted({k for k in statements for m in g.nodes[k]["mentions"] if m["node"] == focus})
    names = [f"'{m['map']}--{m['node']}'" for k in bare for m in g.nodes[k]["mentions"] if m["node"] == focus]
    for (map_id, rel), k in sorted(relations.items()):
        if rel == focus:
            bare.append(k)
            names.append(f"'{map_id}--{rel}'")
    if len(bare) == 1:
        return bare
    known = [k[len(CLAIM_PREFIX):] for k in statements if k.startswith(CLAIM_PREFIX)]
    known += [f"{m['map']}--{m['node']}" for k in statements for m in g.nodes[k]["mentions"]]
    known += [f"{map_id}--{rel}" for map_id, rel in relations]
    if bare:
        raise ArgmapError(f"node '{focus}' is in several maps; name one as " + " or ".join(names))
    raise NotFound("node, relation or claim", focus, known)


def _relation_keys(g: nx.DiGraph) -> dict[tuple[str, str], str]:
    """(map id, relation id) -> merged-graph key, for the relations that have an id."""
    out: dict[tuple[str, str], str] = {}
    for k, d in g.nodes(data=True):
        if d["role"] == "relation" and "->" not in d["relation"] and "-|" not in d["relation"]:  # has an id
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


def view_keys(g: nx.DiGraph, *, focus: str | None = None, depth: int | None = None, shared_only: bool = False,
              full: bool = False) -> tuple[set[str], list[str]]:
    """The merged-graph keys to draw (statements and relations), and the focused statements (see module doc)."""
    depth = check_depth(focus, depth)
    if focus is not None and depth is not None:
        starts = _focus_keys(g, focus)
        return with_relations(g, neighbourhood(g, starts, depth)), starts
    statements = _statements(g)
    anchors = {k for k in statements if _shared(g, k)} | set(_theses(g))
    if full:
        shown = set(statements)
    elif shared_only:
        shown = anchors
    else:  # on a path from a shared claim to a thesis: reached from some anchor, and reaching some thesis
        down = _reach(g.successors, anchors)
        up = _reach(g.predecessors, _theses(g))
        shown = anchors | {k for k in down & up if g.nodes[k]["role"] == "statement"}
    return with_relations(g, shown), []


def _home(g: nx.DiGraph, key: str) -> str | None:
    """The map whose column holds ``key``; None for the shared band."""
    return None if _shared(g, key) else str(g.nodes[key]["mentions"][0]["map"])


def _tooltip(g: nx.DiGraph, key: str) -> str:
    """A statement's verbatim quote; a shared claim's quotes, one line per essay, with who says it."""
    mentions = g.nodes[key]["mentions"]
    if not _shared(g, key):
        m = mentions[0]
        return str(m["quote"]) if m["quote"] is not None else f"implicit assumption (no quote): {m['text']}"
    lines = []
    for m in mentions:
        quote = f"“{m['quote']}”" if m["quote"] is not None else f"implicit assumption (no quote): {m['text']}"
        stance = " (denies)" if m["stance"] == "denies" else ""
        lines.append(f"{m['map']} {m['node']}{stance}: {quote}")
    return "\n".join(lines)


def _label(g: nx.DiGraph, key: str, colours: dict[str, str], starts: list[str]) -> Html:
    d = g.nodes[key]
    focused = " · focus" if key in starts else ""
    lines = THESIS_LINES if any(m["kind"] == "thesis" for m in d["mentions"]) else MAX_LINES
    if not _shared(g, key):
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


def _lean(g: nx.DiGraph, key: str, left: Sequence[str]) -> int:
    """How strongly a shared claim is tied to the left essays' own statements (minus the right ones')."""
    score = 0
    for k in (*g.predecessors(key), *g.successors(key)):
        for far in (*g.predecessors(k), *g.successors(k)):
            if far != key and g.nodes[far]["role"] == "statement" and not _shared(g, far):
                score += 1 if g.nodes[far]["mentions"][0]["map"] in left else -1
    return score


def _title(corpus: Corpus, ids: list[str], colours: dict[str, str], view: str) -> Html:
    names = []
    for i in ids:
        m = corpus.get(i).model
        title = html_text(wrap(m.title, 100, 1)[0])
        names.append(f'<FONT COLOR="{colours[i]}"><B>{html_text(i)}</B>: {title}</FONT>')
    return Html('<<FONT POINT-SIZE="16"><B>Comparing</B> ' + "<BR/>".join(names)
                + f'</FONT><BR/><FONT POINT-SIZE="11" COLOR="{MUTED}">{view}</FONT>>')


def compare_dot(corpus: Corpus, map_ids: Sequence[str], *, focus: str | None = None, depth: int | None = None,
                shared_only: bool = False, full: bool = False) -> str:
    """The DOT source of the comparative diagram of ``map_ids`` (see the module docstring).

    A pure function of its input; the order of ``map_ids`` does not matter.
    An unknown ``focus`` raises :class:`~argmap.errors.NotFound`.
    """
    from argmap.queries import merged_graph

    ids = comparison_ids(corpus, map_ids)
    g = merged_graph(corpus, ids)
    shown, starts = view_keys(g, focus=focus, depth=depth, shared_only=shared_only, full=full)
    colours = {i: essay_colour(n) for n, i in enumerate(ids)}
    total = len(_statements(g))
    drawn = [k for k in _statements(g) if k in shown]
    ends = {k for k in _theses(g) if k in shown}
    if focus is not None:
        view = f"neighbourhood of {html_text(focus)}, depth {check_depth(focus, depth)}"
    elif full:
        view = "every statement of each essay"
    elif shared_only:
        view = "the shared claims and each thesis only"
    else:
        view = "the shared claims, each thesis, and the statements that link them"
    view += f" ({len(drawn)} of {total} statements)"

    w = DotWriter("compare:" + "+".join(ids), {
        "id": "compare:" + "+".join(ids), "rankdir": "LR", "newrank": "true", "label": _title(corpus, ids, colours, view),
        "labelloc": "t", "fontname": FONT, "nodesep": 0.12, "ranksep": 0.5, "pad": 0.2,
        "outputorder": "edgesfirst"},
        node={"fontname": FONT, "fontcolor": INK, "margin": "0.10,0.05"},
        edge={"fontname": FONT, "arrowsize": 0.8, "constraint": "false"})

    def statement(key: str) -> None:
        d = g.nodes[key]
        if _shared(g, key):
            st = CONTESTED if d["contested"] else SHARED
            border = st.border
        else:
            st = KIND_STYLE[d["mentions"][0]["kind"]]
            border = colours[d["mentions"][0]["map"]]
        focused = key in starts
        w.node(key, id=element_id(key), label=_label(g, key, colours, starts), shape=st.shape, style=st.style,
               fillcolor=st.fill, color="#000000" if focused else border,
               penwidth=st.penwidth + (1.5 if focused else 0.4), tooltip=Tip(_tooltip(g, key)))

    # Columns (ranks, left to right): the first half of the essays, the shared band, the rest; each at most
    # ROWS high.  The layout's own edges do not constrain (constraint=false), so the columns stay as placed.
    half = (len(ids) + 1) // 2
    left = ids[:half]
    columns: list[tuple[str | None, list[str]]] = []
    for col in [*left, None, *ids[half:]]:
        members = [k for k in drawn if _home(g, k) == col]
        if col is None:
            members.sort(key=lambda k: -_lean(g, k, left))
        else:
            members.sort(key=lambda k: k not in ends)  # the thesis first: outermost
        if not members:
            continue
        rows = -(-len(members) // -(-len(members) // ROWS))  # balanced columns
        chunks = [members[i:i + rows] for i in range(0, len(members), rows)]
        if col in left:
            chunks.reverse()
        columns += [(col, c) for c in chunks]
    legend = "argmap:legend"

    edge_no = 0

    def edge(tail: str, head: str, map_id: str, kind: str, arrow: bool) -> None:
        nonlocal edge_no
        edge_no += 1
        style = {"attacks": ATTACK, "example": EXAMPLE}.get(kind, SUPPORT)
        extra: dict[str, str | int] = {"label": "e.g.", "fontsize": 9} if style is EXAMPLE and arrow else {}
        w.edge(tail, head, id=f"edge:{edge_no}", color=colours[map_id], style=style.style,
               penwidth=style.penwidth + 0.2, arrowhead=style.arrowhead if arrow else "none", **extra)

    relations = [k for k, d in g.nodes(data=True) if d["role"] == "relation" and k in shown]
    undercut = {t for k in relations for t in g.successors(k) if g.nodes[t]["role"] == "relation"}
    junctions: dict[str, list[str]] = {}  # first source -> junctions placed in its column
    for k in relations:
        if len([s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement"]) > 1 or k in undercut:
            first = next(s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement")
            junctions.setdefault(first, []).append(k)

    def junction(k: str) -> None:
        d = g.nodes[k]
        sources = [s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement"]
        verb = "jointly " + d["type"] if len(sources) > 1 else d["type"]
        target = next(iter(g.successors(k)))
        w.node(k, id=k, shape="point", width=0.11, color=colours[d["map"]], label="",
               tooltip=Tip(f"{d['map']}: {' + '.join(element_id(s) for s in sources)} {verb} {element_id(target)}"))

    def place(key: str) -> None:
        if key == legend:
            w.node(legend, id=legend, shape="plain", fontsize=10,
                   label=Html(legend_label([(i, colours[i]) for i in ids], shared=True)))
        else:
            statement(key)
        for k in junctions.get(key, []):
            junction(k)

    groups: dict[str | None, list[list[str]]] = {}
    for col, members in columns:
        groups.setdefault(col, []).append(members)
    for col in [*left, None, *ids[half:]]:
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
    # The legend stands in the first column, outside any essay's box (newrank allows that).
    with w.subgraph("column_legend", rank="same"):
        place(legend)
        if columns:
            w.node(columns[0][1][0])
    for (_, a), (_, b) in itertools.pairwise(columns):
        w.edge(a[0], b[0], style="invis", constraint="true", weight=0)

    for k in relations:
        d: dict[str, Any] = g.nodes[k]
        kind = d["type"]
        sources = [s for s in g.predecessors(k) if g.nodes[s]["role"] == "statement"]
        target = next(iter(g.successors(k)))
        if any(k in js for js in junctions.values()):
            for s in sources:
                edge(s, k, d["map"], kind, arrow=False)
            edge(k, target, d["map"], kind, arrow=True)
        else:
            edge(sources[0], target, d["map"], kind, arrow=True)
    return w.text()
