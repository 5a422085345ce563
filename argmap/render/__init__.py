"""Diagrams: DOT for one map or a comparison, and images rendered from it by Graphviz.

DOT is a pure function of the maps (byte-identical for identical input); only
:func:`render_bytes` and the ``*_svg`` conveniences run Graphviz's ``dot``.
:class:`ComparisonView` and :class:`~argmap.grounded.GroundedMap` show
themselves inline in Jupyter (``_repr_svg_``).
"""

from __future__ import annotations

from .compare import compare_dot
from .images import FORMATS, INSTALL_HINT, format_for_path, render_bytes
from .mapdiagram import map_dot
from .svg import ComparisonView, compare_svg, map_svg

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "ComparisonView",
    "compare_dot",
    "compare_svg",
    "format_for_path",
    "map_dot",
    "map_svg",
    "render_bytes",
]
