"""Diagrams: DOT for one map or a comparison, and images rendered from it by Graphviz.

DOT is a pure function of the maps (byte-identical for identical input); only
:func:`render_bytes` and the ``*_svg`` conveniences run Graphviz's ``dot``.
:class:`ComparisonView` and :class:`~argmap.checks.grounded.GroundedMap` show
themselves inline in Jupyter (``_repr_svg_``).
"""

from __future__ import annotations

from argmap.render.compare.diagram import compare_dot
from argmap.render.images import FORMATS, INSTALL_HINT, format_for_path, render_bytes
from argmap.render.map.diagram import map_dot
from argmap.render.subgraph import View
from argmap.render.svg import ComparisonView, compare_svg, map_svg

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "ComparisonView",
    "View",
    "compare_dot",
    "compare_svg",
    "format_for_path",
    "map_dot",
    "map_svg",
    "render_bytes",
]
