"""The comparative diagram on pages that print large: a page per group of shared claims, both theses on each.

The default view (:func:`argmap.render.compare.selection.select`) is cut into parts, one per shared claim with every
drawn statement on a path from it to a thesis (:func:`~argmap.render.compare.selection.spine_parts`), and the parts are
packed onto as few pages as keep the body text at :data:`LEAST_PT` or more on A4 landscape
(:func:`~argmap.render.paging.pack`).  Each page is drawn as the comparison draws (first essay on the left,
theses alike at the outer edges); the legend is on the first page.  Every statement of the default view is on
some page.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> pages = comparison_pages(corpus, ["bankruptcy", "enforcer"], fits=lambda dot, first: dot.count("shape=") < 12)
>>> len(pages) > 1 and all('id="enforcer--T"' in p and 'id="claim--russia-not-protector"' in p for p in pages)
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from argmap.corpus.load import Corpus
from argmap.render.compare.diagram import PRINT, selection_dot
from argmap.render.compare.selection import Selection, lone_bridges, select, spine_parts, statements
from argmap.render.paging import PAGE_BOX, pack, prints_large_enough
from argmap.render.subgraph import View, with_relations

__all__ = ["LEAST_PT", "PAGE_BOX", "comparison_pages", "prints_large"]

LEAST_PT = 8.0
"""The body text of a printed comparison page, in points on A4 landscape."""


def prints_large(dot: str, first: bool) -> bool:
    """Whether the page's body text prints at :data:`LEAST_PT` or more in a handout's diagram box."""
    from argmap.render.images import render_bytes

    return prints_large_enough(render_bytes(dot, "svg"), LEAST_PT, PAGE_BOX)


def _page(sel: Selection, keys: set[str], caption: str) -> Selection:
    g = sel.graph
    shown = with_relations(g, keys)
    drawn = [k for k in statements(g) if k in keys]
    relations = [k for k in sel.relations if k in shown]
    links = lone_bridges(g, set(drawn), shown) if sel.bridges else []
    return replace(sel, drawn=drawn, relations=relations, bridges=links, caption=caption)


def comparison_pages(corpus: Corpus, map_ids: Sequence[str], fits: Callable[[str, bool], bool] = prints_large, *,
                     shared_only: bool = False) -> list[str]:
    """The DOT of each page of the comparison of ``map_ids`` (see the module docstring); ``shared_only``: of the
    view that draws only the shared claims and the theses."""
    sel = select(corpus, map_ids, View(shared_only=shared_only))
    parts = spine_parts(sel)

    def dot(page: list[tuple[str, set[str]]], caption: str, first: bool) -> str:
        keys = set().union(*(k for _, k in page))
        return selection_dot(corpus, _page(sel, keys, caption), legend=first, title=False, look=PRINT)

    pages = pack(parts, lambda page: fits(dot(page, "", page[0] is parts[0]), page[0] is parts[0]),
                 lambda page, part: len(part[1] & set().union(*(k for _, k in page))))
    total = len(pages)
    return [dot(page, f"page {n} of {total}: the paths from {len(page)} shared claim{'s' if len(page) > 1 else ''} "
                      "to the theses", n == 1) for n, page in enumerate(pages, 1)]
