"""One map's diagram split into pages that print large: one page per line of argument into the thesis.

A *line* is one relation whose target is the thesis, with every statement that
bears on it, directly or through others (its premises, their support, the
objections to any of them and what undercuts their inferences).  A line of
more than :data:`MOST` statements is split the same way, one page per relation
into its first statement.  What no line reaches (what follows from the
thesis, conclusions drawn beside it) is grouped the same way around each
statement that leads to no other.  Each page shows the thesis on top, drawn as
the single-map diagram draws (:func:`argmap.render.mapdiagram.part_dot`); the
legend is on the first page.  Every statement is on some page, and the thesis
on every page.

>>> from argmap.corpus import load_corpus, bundled_maps_dir
>>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
>>> pages = map_pages(gm)
>>> pages == map_pages(gm)  # pure
True
>>> all('id="T"' in dot for dot in pages) and len(pages) > 1
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.errors import InvalidRequest
from argmap.graph import map_graph
from argmap.grounded import GroundedMap

from .mapdiagram import part_dot
from .subgraph import with_relations

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["MOST", "ROW", "TITLE", "check_paged", "map_pages", "map_pages_pdf", "page_parts"]

ROW = 4
"""At most this many statements side by side on a page (fewer than the whole diagram's: a page is A4)."""
TITLE = 60
"""Characters per line of the title on a page."""
MOST = 9
"""A line of more statements than this (besides the thesis) is split into one page per relation into its head."""


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


def _statement(g: nx.DiGraph, key: str) -> bool:
    return bool(g.nodes[key].get("role") == "statement")


def _upstream(g: nx.DiGraph, key: str, pool: set[str]) -> set[str]:
    """The statements of ``pool`` with a path into ``key`` (through relations), ``key`` itself if a statement."""
    import networkx as nx

    return {k for k in nx.ancestors(g, key) | {key} if _statement(g, k) and k in pool}


def _sources(g: nx.DiGraph, rel: str) -> list[str]:
    return sorted(k for k in g.predecessors(rel) if _statement(g, k))


def _lines(g: nx.DiGraph, head: str, pool: set[str], name: str) -> list[tuple[str, set[str]]]:
    """``(caption, statements)`` of the pages for what leads into ``head``: one page, or one per relation.

    A relation from one statement whose page would still be too full is split again around that statement.
    """
    whole = _upstream(g, head, pool) | ({head} if _statement(g, head) else set())
    rels = [k for k in g.predecessors(head) if not _statement(g, k) and _upstream(g, k, pool) - {head}]
    chain = len(rels) == 1 and len(_sources(g, rels[0])) == 1
    if len(whole) <= MOST + 1 or not rels or (len(rels) == 1 and not chain):
        return [(name, whole)]
    parts: list[tuple[str, set[str]]] = []
    for n, rel in enumerate(rels, 1):
        sources = _sources(g, rel)
        caption = name if chain else f"{name}, part {n} of {len(rels)}: from {', '.join(sources)}"
        if len(sources) == 1 and _statement(g, head):
            parts += [(c, keys | {head}) for c, keys in _lines(g, sources[0], pool, caption)]
        else:
            parts.append((caption, _upstream(g, rel, pool) | {head}))
    return parts


def page_parts(gm: GroundedMap) -> list[tuple[str, set[str]]]:
    """``(caption, statements)`` of each page, thesis included (see the module docstring)."""
    m = gm.model
    g = map_graph(m, gm.spans)
    thesis = m.thesis.id
    pool = {n.id for n in m.nodes} - {thesis}
    rels = [k for k in g.predecessors(thesis) if not _statement(g, k)]
    parts: list[tuple[str, set[str]]] = []
    for n, rel in enumerate(rels, 1):
        sources = _sources(g, rel)
        name = f"line {n} of {len(rels)} into the thesis, from {', '.join(sources)}"
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
    return {t for k in keys for r in g.successors(k) if not _statement(g, r) for t in g.successors(r) if _statement(g, t)}


def map_pages(gm: GroundedMap) -> list[str]:
    """The DOT of each page of ``gm``'s diagram (see the module docstring); a pure function of its input."""
    g = map_graph(gm.model, gm.spans)
    parts = page_parts(gm)
    return [part_dot(gm, with_relations(g, keys), [], f"page {n} of {len(parts)}: {caption}", per_row=ROW,
                     title_width=TITLE, legend=n == 1) for n, (caption, keys) in enumerate(parts, 1)]


def map_pages_pdf(gm: GroundedMap) -> bytes:
    """One PDF with a page per line of ``gm``'s argument (each page rendered by Graphviz, then joined)."""
    import io

    from pypdf import PdfReader, PdfWriter

    from .images import render_bytes

    writer = PdfWriter()
    for dot in map_pages(gm):
        for page in PdfReader(io.BytesIO(render_bytes(dot, "pdf"))).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
