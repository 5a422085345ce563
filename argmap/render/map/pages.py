"""One map's diagram split into pages that print large: one page per line of argument into the thesis.

A *line* is one relation whose target is the thesis, with every statement that
bears on it, directly or through others (its premises, their support, the
objections to any of them and what undercuts their inferences).  A line of
more than :data:`MOST` statements is split the same way, one page per relation
into its first statement.  What no line reaches (what follows from the
thesis, conclusions drawn beside it) is grouped the same way around each
statement that leads to no other.  Each page shows the thesis on top, drawn as
the single-map diagram draws (:func:`argmap.render.map.diagram.part_dot`); the
legend is on the first page.  Every statement is on some page, and the thesis
on every page.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
>>> pages = map_pages(gm)
>>> pages == map_pages(gm)  # pure
True
>>> all('id="T"' in dot for dot in pages) and len(pages) > 1
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap.checks.grounded import GroundedMap
from argmap.errors import InvalidRequest
from argmap.graph.map_graph import map_graph, relation_key
from argmap.graph.view import is_statement
from argmap.queries.analysis import thesis_lines
from argmap.render.map.diagram import part_dot
from argmap.render.paging import BODY_BOX, pack, prints_large_enough
from argmap.render.subgraph import with_relations

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LEAST_PT", "MOST", "ROW", "TITLE", "Fits", "check_paged", "map_pages", "map_pages_pdf", "page_caption",
           "page_parts", "prints_large"]

ROW = 4
"""At most this many statements side by side on a page (fewer than the whole diagram's: a page is A4)."""
TITLE = 60
"""Characters per line of the title on a page."""
MOST = 9
"""A line of more statements than this (besides the thesis) is split into one page per relation into its head."""
LEAST_PT = 7.5
"""A page prints its body text at least this large on A4 landscape (7 pt is the floor; the rest is a margin)."""


def check_paged(fmt: str, focus: str | None) -> None:
    """A paged diagram is a PDF of the whole map: InvalidRequest otherwise.

    >>> check_paged("svg", None)
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: a paged diagram is a PDF: end the file name in .pdf (or leave out --pages)
    """
    if fmt != "pdf":
        raise InvalidRequest("a paged diagram is a PDF: end the file name in .pdf (or leave out --pages)")
    if focus is not None:
        raise InvalidRequest("a paged diagram shows the whole map: leave out --focus (or --pages)")


def _upstream(g: nx.DiGraph, key: str, pool: set[str]) -> set[str]:
    """The statements of ``pool`` with a path into ``key`` (through relations), ``key`` itself if a statement."""
    import networkx as nx

    return {k for k in nx.ancestors(g, key) | {key} if is_statement(g, k) and k in pool}


def _sources(g: nx.DiGraph, rel: str) -> list[str]:
    return sorted(k for k in g.predecessors(rel) if is_statement(g, k))


def _lines(g: nx.DiGraph, head: str, pool: set[str], name: str) -> list[tuple[str, set[str]]]:
    """``(caption, statements)`` of the pages for what leads into ``head``: one page, or one per relation.

    A relation from one statement whose page would still be too full is split again around that statement.
    """
    whole = _upstream(g, head, pool) | ({head} if is_statement(g, head) else set())
    rels = [k for k in g.predecessors(head) if not is_statement(g, k) and _upstream(g, k, pool) - {head}]
    chain = len(rels) == 1 and len(_sources(g, rels[0])) == 1
    if len(whole) <= MOST + 1 or not rels or (len(rels) == 1 and not chain):
        return [(name, whole)]
    parts: list[tuple[str, set[str]]] = []
    for n, rel in enumerate(rels, 1):
        sources = _sources(g, rel)
        caption = name if chain else f"{name}, part {n} of {len(rels)}: from {', '.join(sources)}"
        if len(sources) == 1 and is_statement(g, head):
            parts += [(c, keys | {head}) for c, keys in _lines(g, sources[0], pool, caption)]
        else:
            parts.append((caption, _upstream(g, rel, pool) | {head}))
    return parts


_OTHER_INTO_THESIS = {"attacks": "an objection to the thesis", "example": "an example of the thesis"}


def page_parts(gm: GroundedMap) -> list[tuple[str, set[str]]]:
    """``(caption, statements)`` of each page, thesis included (see the module docstring)."""
    m = gm.model
    g = map_graph(m, gm.spans)
    thesis = m.thesis.id
    pool = {n.id for n in m.nodes} - {thesis}
    rels = [k for k in g.predecessors(thesis) if not is_statement(g, k)]
    # "Lines of support" are the thesis's support relations, as everywhere (argmap.queries.analysis.thesis_lines);
    # an objection to the thesis, or an example of it, is a part of its own.
    support = [relation_key(k) for k in thesis_lines(m)]
    rels = [k for k in support if k in rels] + [k for k in rels if k not in support]
    parts: list[tuple[str, set[str]]] = []
    for n, rel in enumerate(rels, 1):
        sources = _sources(g, rel)
        other = _OTHER_INTO_THESIS.get(g.nodes[rel]["type"], "a relation into the thesis")
        name = (f"line {n} of {len(support)} into the thesis, from {', '.join(sources)}" if rel in support
                else f"{other}, from {', '.join(sources)}")
        head = sources[0] if len(sources) == 1 else rel
        parts += [(caption, keys | {thesis}) for caption, keys in _lines(g, head, pool, name)]
    left = pool - set().union(set(), *(keys for _, keys in parts))
    for node in m.nodes:  # what no line reaches, around each statement that leads to no other of them
        if node.id in left and not _joined(g, {node.id}) & left:
            lines = _lines(g, node.id, left, f"what leads to {node.id}, beside the thesis")
            parts += [(caption, keys | {thesis} | _joined(g, keys)) for caption, keys in lines]
            left -= set().union(*(keys for _, keys in lines))
    return parts


def _joined(g: nx.DiGraph, keys: set[str]) -> set[str]:
    """The statements one relation away from ``keys`` in the direction of the argument (what they lead to)."""
    return {t for k in keys for r in g.successors(k) if not is_statement(g, r) for t in g.successors(r) if is_statement(g, t)}


Fits = Callable[[str, bool], bool]
"""Whether a page's DOT (the first page's, with the legend, if the flag says so) prints large enough."""


def prints_large(dot: str, first: bool) -> bool:
    """Whether the page's body text prints at :data:`LEAST_PT` or more on A4 landscape (rendered by Graphviz)."""
    from argmap.render.images import render_bytes

    return prints_large_enough(render_bytes(dot, "svg"), LEAST_PT, BODY_BOX)


def map_pages(gm: GroundedMap, fits: Fits = prints_large) -> list[str]:
    """The DOT of each page of ``gm``'s diagram (see the module docstring); the same input gives the same pages.

    The parts of :func:`page_parts` are packed onto as few pages as ``fits`` allows.
    """
    g = map_graph(gm.model, gm.spans)
    parts = page_parts(gm)

    def draft(page: list[tuple[str, set[str]]]) -> bool:
        keys = set().union(*(k for _, k in page))
        return fits(_page_dot(gm, g, keys, "; ".join(c for c, _ in page), page[0] is parts[0], {}), page[0] is parts[0])

    pages = pack(parts, draft)
    home: dict[str, int] = {}
    for n, page in enumerate(pages, 1):
        for _, keys in page:
            for k in sorted(keys):
                home.setdefault(k, n)
    return [_page_dot(gm, g, set().union(*(k for _, k in page)),
                      f"page {n} of {len(pages)}: " + page_caption([c for c, _ in page]), n == 1, home, n)
            for n, page in enumerate(pages, 1)]


def page_caption(captions: list[str]) -> str:
    """What a page of several parts shows, in a few words: the parts' lines, without their sub-parts.

    >>> page_caption(["line 1 of 6 into the thesis, from P4", "line 2 of 6 into the thesis, from P1a, part 1 of 2: "
    ...               "from E1", "what leads to C7, beside the thesis", "what leads to C6, beside the thesis"])
    'lines 1 and 2 of 6 into the thesis; what leads to C7 and C6'
    """
    lines: dict[str, list[str]] = {}
    leads: list[str] = []
    others: list[str] = []
    for caption in captions:
        base = caption.split(", part ")[0].split(", from ")[0].removesuffix(", beside the thesis")
        if base.startswith("line ") and " of " in base:
            number, rest = base[len("line "):].split(" of ", 1)
            lines.setdefault(rest, []).append(number)
        elif base.startswith("what leads to "):
            leads.append(base[len("what leads to "):])
        elif base not in others:
            others.append(base)
    out = [f"line{'s' if len(ns) > 1 else ''} {_and(list(dict.fromkeys(ns)))} of {rest}" for rest, ns in lines.items()]
    out += others
    if leads:
        out.append("what leads to " + _and(list(dict.fromkeys(leads))))
    return "; ".join(out)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _page_dot(gm: GroundedMap, g: nx.DiGraph, keys: set[str], caption: str, first: bool, home: dict[str, int],
              number: int = 0) -> str:
    shown, elsewhere = _spanning(gm, g, keys, home, number)
    return part_dot(gm, shown, [], caption, per_row=ROW, title_width=TITLE, legend=first, elsewhere=elsewhere)


def _spanning(gm: GroundedMap, g: nx.DiGraph, keys: set[str], home: dict[str, int],
              number: int) -> tuple[set[str], dict[str, str]]:
    """What a page draws: its statements, the relations among them, and each relation that spans pages.

    A relation whose ends are on no one page is drawn on the page of its target (for a relation into the
    thesis, which is on every page, of its first source); the ends that are not on that page are drawn as
    pointers to theirs.
    """
    m = gm.model
    shown = with_relations(g, keys)
    elsewhere: dict[str, str] = {}
    for r in m.relations:
        key = relation_key(r.key)
        into_statement = m.node(r.target) is not None
        anchor = r.target if into_statement and r.target != m.thesis.id else r.sources[0]
        if key in shown or anchor not in keys or home.get(anchor, number) != number:
            continue
        if not into_statement and relation_key(next(x.key for x in m.relations if x.id == r.target)) not in shown:
            continue  # an undercut is drawn with the inference it attacks
        shown.add(key)
        for end in (*r.sources, *([r.target] if into_statement else [])):
            if end not in keys:
                shown.add(end)
                elsewhere[end] = f"on page {home[end]}" if end in home else "on another page"
    return shown, elsewhere


def map_pages_pdf(gm: GroundedMap) -> bytes:
    """One PDF of A4 landscape pages, a page per group of lines of ``gm``'s argument (each drawn by Graphviz)."""
    from argmap.render.images import render_bytes
    from argmap.render.paging import on_a4

    return on_a4([render_bytes(dot, "pdf") for dot in map_pages(gm)])
