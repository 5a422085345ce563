"""Diagrams for the API: DOT built per request parameters, SVG rendered once and cached.

Two levels of cache.  Per snapshot, the diagram's parameters map to the
finished SVG and its ETag (or to the error it gave: a render that timed out is
not tried again in that snapshot), through the snapshot's
:class:`~argmap_api.work.Results`, so a repeated request costs a lookup and
identical concurrent requests share one render.  Across snapshots, SVGs are
kept by the sha256 of their DOT source, so a reload that leaves a diagram's
content unchanged does not run Graphviz again.  The ETag is the sha256 of the
SVG bytes (a strong validator: same bytes, same tag).  The answers themselves
(304s and gzip included) are cached by URL in :mod:`argmap_api.cache`.

Building the DOT and rendering it run in a worker thread, through the gate
shared by all heavy work, with the settings' timeout passed to
:func:`argmap.render.render_bytes`, which kills ``dot`` when it runs over and
raises :class:`~argmap.errors.RenderTimeout` (504); any other
:class:`~argmap.errors.RenderError` is 503 (Graphviz missing or failing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .cache import strong_etag
from .snapshot import MISSING, Memo, Snapshot

__all__ = ["Renderer", "SvgEntry"]


@dataclass(frozen=True)
class SvgEntry:
    """A rendered diagram and its strong ETag (quoted, as sent in the header).

    >>> SvgEntry.of(b"<svg/>").etag[:8]
    '"d4dc566'
    """

    etag: str
    body: bytes

    @classmethod
    def of(cls, svg: bytes) -> SvgEntry:
        return cls(strong_etag(svg), svg)


class Renderer:
    """Renders DOT to SVG off the event loop, bounded in time, with the caches above."""

    def __init__(self, timeout: float, cache_size: int = 256) -> None:
        self.timeout = timeout
        self._by_dot = Memo(cache_size)

    def _entry(self, make_dot: Callable[[], str]) -> SvgEntry:
        """Build the DOT and render it, both within one time limit: the layout checks it as it goes, and ``dot``
        gets what is left of it (and is killed when that runs out)."""
        from argmap.files.limits import check_time, time_left, time_limit
        from argmap.render import render_bytes

        with time_limit(self.timeout, "drawing the diagram"):
            dot = make_dot()
            digest = hashlib.sha256(dot.encode("utf-8")).hexdigest()
            found = self._by_dot.get(digest)
            if found is MISSING:
                check_time()
                found = SvgEntry.of(render_bytes(dot, "svg", timeout=max(time_left() or 0.0, 0.001)))
                self._by_dot.put(digest, found)
        return found  # type: ignore[no-any-return]

    async def svg(self, snapshot: Snapshot, key: tuple[Any, ...], make_dot: Callable[[], str]) -> SvgEntry:
        """The SVG for ``key`` in ``snapshot``; ``make_dot`` builds its DOT (and raises NotFound for a bad focus)."""
        return await snapshot.results.get(("svg", *key), lambda: self._entry(make_dot))
