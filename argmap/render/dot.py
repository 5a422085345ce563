"""A tiny deterministic DOT writer.

Statements come out in the order they are added and attributes in the order
given, so the same calls always produce byte-identical text.  Values are
quoted with :func:`~argmap.render.text.dot_string`, except :class:`Html`
values, which are HTML-like labels built by :mod:`argmap.render.style`.

>>> w = DotWriter("demo", {"rankdir": "BT"})
>>> w.node("a", label='say "hi"')
>>> w.edge("a", "b", style="dashed")
>>> print(w.text(), end="")
digraph "demo" {
  graph [rankdir="BT"];
  "a" [label="say \\"hi\\""];
  "a" -> "b" [style="dashed"];
}
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from argmap.render.text import dot_string, tooltip_string

__all__ = ["Attrs", "DotWriter", "Html", "Tip"]


class Html(str):
    """An HTML-like label, already escaped: written between ``<`` and ``>`` unquoted."""

    __slots__ = ()


class Tip(str):
    """Text for an escString attribute such as ``tooltip``: escaped so Graphviz shows it verbatim."""

    __slots__ = ()


Attrs = Mapping[str, str | float | int | Html]


@functools.lru_cache(maxsize=4096, typed=True)
def _plain(v: str | float | int) -> str:
    """A plain value, quoted; cached because the same colours, shapes and numbers recur on every node."""
    return dot_string(f"{v:g}" if isinstance(v, float) else str(v))


def _value(v: str | float | int | Html) -> str:
    # Html and Tip are str subclasses, so they are told apart before the cache (typed=True keeps them apart there too).
    if isinstance(v, Html):
        return str(v)
    if isinstance(v, Tip):
        return tooltip_string(v)
    if isinstance(v, bool):  # pragma: no cover - guarded by the Attrs type
        raise TypeError("use 'true'/'false' strings for DOT booleans")
    return _plain(v)


def _attrs(attrs: Attrs) -> str:
    return "[" + ", ".join(f"{k}={_value(v)}" for k, v in attrs.items()) + "]"


class DotWriter:
    """Accumulates one ``digraph``; see the module example."""

    def __init__(self, name: str, graph: Attrs | None = None, *, node: Attrs | None = None,
                 edge: Attrs | None = None) -> None:
        self._lines = [f"digraph {dot_string(name)} {{"]
        self._indent = "  "
        for kind, attrs in (("graph", graph), ("node", node), ("edge", edge)):
            if attrs:
                self._lines.append(f"  {kind} {_attrs(attrs)};")

    def node(self, name: str, **attrs: str | float | int | Html) -> None:
        self._lines.append(f"{self._indent}{dot_string(name)}" + (f" {_attrs(attrs)}" if attrs else "") + ";")

    def edge(self, tail: str, head: str, **attrs: str | float | int | Html) -> None:
        self._lines.append(f"{self._indent}{dot_string(tail)} -> {dot_string(head)}"
                           + (f" {_attrs(attrs)}" if attrs else "") + ";")

    def attrs(self, **attrs: str | float | int | Html) -> None:
        """Attributes of the current (sub)graph."""
        self._lines.append(f"{self._indent}graph {_attrs(attrs)};")

    @contextmanager
    def subgraph(self, name: str, **attrs: str | float | int | Html) -> Iterator[None]:
        """A subgraph; name it ``cluster…`` for a drawn box."""
        self._lines.append(f"{self._indent}subgraph {dot_string(name)} {{")
        outer = self._indent
        self._indent += "  "
        if attrs:
            self.attrs(**attrs)
        try:
            yield
        finally:
            self._indent = outer
            self._lines.append(f"{outer}}}")

    def text(self) -> str:
        """The DOT source, ending with a newline."""
        return "\n".join([*self._lines, "}"]) + "\n"
