"""Type sizes, line lengths and direction of the comparative diagram: on screen, and on a printed page."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BODY", "MAX_LINES", "PRINT", "SCREEN", "SITE", "SMALL", "THESIS_BODY", "THESIS_LINES", "THESIS_WRAP", "WRAP", "Look"]

WRAP = 22
"""Characters per label line (narrower than a single map's: two columns share the page)."""
BODY = 14
"""Point size of a statement's text; its header and the essays' node ids are SMALL."""
SMALL = 11
MAX_LINES = 5
"""Lines of a statement's text before it is cut short with "…" (its tooltip has the whole quote)."""
THESIS_LINES = 9
"""A thesis is never cut short at the usual length: it is what the reader compares first."""
THESIS_BODY = 18
"""A thesis's text is larger than any other statement's, on both sides."""
THESIS_WRAP = 26


@dataclass(frozen=True)
class Look:
    """Type sizes (points), characters per line, rank spacing (inches) and direction of a comparative diagram.

    ``upward``: both theses side by side on the top row, each essay's argument rising to its own (a page that
    must be wider than tall); otherwise the theses stand at the left and right edges.
    """

    wrap: int = WRAP
    body: int = BODY
    small: int = SMALL
    thesis_wrap: int = THESIS_WRAP
    thesis_body: int = THESIS_BODY
    ranksep: float = 0.5
    upward: bool = False
    max_lines: int | None = MAX_LINES
    """Lines of a statement's text before it is cut short with "…"; None: never cut."""
    thesis_lines: int | None = THESIS_LINES
    header: int | None = None
    """Point size of a statement's id line (None: two points under ``body``)."""
    short: bool = False
    """Name each essay by its colour alone beside a shared claim's node ids (the legend says which is which)."""


SCREEN = Look()
SITE = Look(upward=True)
"""The site's comparison: screen type, both theses side by side on the top row, where the page opens."""
PRINT = Look(wrap=22, small=12, thesis_wrap=20, thesis_body=17, ranksep=0.3, upward=True, max_lines=None,
             thesis_lines=None, short=True)
"""For a printed page: narrower columns so that a path from a shared claim to both theses fits A4, no text
under 12 points, so that it prints at 8 or more, and every statement whole (paper has no tooltips)."""
