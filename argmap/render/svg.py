"""SVG conveniences, and inline display in Jupyter.

Importing this module registers :func:`map_svg` as the notebook display of a
:class:`~argmap.checks.grounded.GroundedMap` (its ``_repr_svg_``); a
:class:`ComparisonView` displays the comparative diagram::

    from argmap.corpus.load import load_corpus
    from argmap.render import ComparisonView
    corpus = load_corpus()
    corpus.get("enforcer")                            # the map's diagram
    ComparisonView(corpus, "bankruptcy", "enforcer")  # the comparative diagram

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> view = ComparisonView(corpus, "bankruptcy", "enforcer")
>>> 'id="claim--russia-silent"' in view._repr_svg_()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.checks.grounded import GroundedMap, set_svg_display
from argmap.corpus.load import Corpus
from argmap.render.compare.diagram import compare_dot
from argmap.render.images import render_bytes
from argmap.render.map.diagram import map_dot
from argmap.render.subgraph import WHOLE, View

__all__ = ["ComparisonView", "compare_svg", "map_svg"]


def map_svg(gm: GroundedMap, view: View = WHOLE, *, timeout: float = 30.0) -> bytes:
    """The SVG of one map's diagram, as :func:`~argmap.render.map_dot` draws ``view``."""
    return render_bytes(map_dot(gm, view), "svg", timeout=timeout)


def _map_svg_text(gm: GroundedMap) -> str:
    return map_svg(gm).decode("utf-8")


set_svg_display(_map_svg_text)


def compare_svg(corpus: Corpus, map_ids: Sequence[str], view: View = WHOLE, *, timeout: float = 30.0) -> bytes:
    """The SVG of the comparative diagram, as :func:`~argmap.render.compare_dot` draws ``view``."""
    return render_bytes(compare_dot(corpus, map_ids, view), "svg", timeout=timeout)


@dataclass(frozen=True)
class ComparisonView:
    """Two maps of a corpus side by side; displays as the comparative diagram in Jupyter."""

    corpus: Corpus
    left: str
    right: str
    view: View = WHOLE

    def dot(self) -> str:
        """The DOT source of the diagram."""
        return compare_dot(self.corpus, [self.left, self.right], self.view)

    def _repr_svg_(self) -> str:
        return render_bytes(self.dot(), "svg").decode("utf-8")
