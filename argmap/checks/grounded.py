"""The grounded map: a valid map with its essay, and where each quote and citation stands in it.

Every step after validation (corpus, graph, queries, diagrams, classroom) takes a
:class:`GroundedMap`.  In a notebook it shows its diagram once :mod:`argmap.render`
is imported: the render layer registers the drawing with :func:`set_svg_display`,
so that this module, low in the layers, never imports the diagrams.

>>> from argmap.text.essayindex import Essay
>>> from argmap.format.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "It rained."}]})
>>> gm = GroundedMap(m, "m.yaml", Essay("It rained."), {"T": (0, 10)})
>>> gm.id, gm.essay.text[slice(*gm.spans["T"])]
('m', 'It rained.')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from argmap.format.model import ArgumentMap
from argmap.text.essayindex import Essay

__all__ = ["GroundedMap", "Span", "set_svg_display"]

Span = tuple[int, int]

_svg_display: Callable[[GroundedMap], str] | None = None


def set_svg_display(draw: Callable[[GroundedMap], str]) -> None:
    """Register how a map draws itself as SVG in a notebook (:mod:`argmap.render` does, on import)."""
    global _svg_display
    _svg_display = draw


@dataclass(frozen=True)
class GroundedMap:
    """A valid map with its essay, and where each quote and citation stands in it."""

    model: ArgumentMap
    path: str
    essay: Essay
    spans: dict[str, Span] = field(default_factory=dict)
    citation_spans: dict[str, list[Span]] = field(default_factory=dict)
    source_at: tuple[int, int] = (1, 1)
    """Line and column of the ``source.path`` value in the map file: where problems with the essay as a whole
    are reported."""
    more_spans: dict[str, list[Span]] = field(default_factory=dict)
    """Where each of a node's ``more_quotes`` stands in the essay (the same proposition stated again)."""

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def title_in_text(self) -> bool:
        """Whether the essay's text carries the map's title (else the title is the curator's)."""
        return self.essay.find(self.model.title) is not None

    @property
    def shown_title(self) -> str:
        """The title as material for readers shows it: the map's, when the essay carries it, else "The <id> essay
        (no title in its text)", never the curator's title as though it were the essay's own."""
        return self.model.title if self.title_in_text else f"The {self.id} essay (no title in its text)"

    @property
    def labelled_title(self) -> str:
        """The map's title, said to be the map's own when the essay does not carry it (for diagrams, which an
        analyst reads as well as a class)."""
        return self.model.title if self.title_in_text else f"{self.model.title} (the map's title, not the essay's)"

    def _repr_svg_(self) -> str | None:
        """The map's diagram, for Jupyter, once :mod:`argmap.render` is imported (needs Graphviz's ``dot``)."""
        return _svg_display(self) if _svg_display is not None else None
