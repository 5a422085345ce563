"""Diagrams for the API: DOT built per request parameters, SVG rendered once and cached.

Two levels of cache.  Per snapshot, ``(route, parameters)`` maps to the
finished SVG and its ETag, so a repeated request costs a dictionary lookup.
Across snapshots, SVGs are kept by the sha256 of their DOT source, so a reload
that leaves a diagram's content unchanged does not run Graphviz again.  The
ETag is the sha256 of the SVG bytes (a strong validator: same bytes, same tag).
The answers themselves (304s and gzip included) are cached by URL in
:mod:`argmap_api.cache`.

Rendering runs in a worker thread, at most ``concurrency`` at a time, with the
settings' timeout passed to :func:`argmap.render.render_bytes` (which kills
``dot`` when it runs over and raises :class:`~argmap.errors.RenderError`).  A
failure that took the whole timeout becomes :class:`RenderTimeout` (504), any
other :class:`RenderUnavailable` (503: Graphviz missing or failing).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread

from .problems import RenderTimeout, RenderUnavailable
from .store import MISSING, Memo, Snapshot

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
        return cls(f'"{hashlib.sha256(svg).hexdigest()}"', svg)


class Renderer:
    """Renders DOT to SVG off the event loop, bounded in time and concurrency, with the caches above."""

    def __init__(self, timeout: float, concurrency: int = 2, cache_size: int = 256) -> None:
        self.timeout = timeout
        self.concurrency = concurrency
        self.renders = 0
        self._by_dot = Memo(cache_size)
        self._limiter: anyio.CapacityLimiter | None = None

    def _render(self, dot: str) -> bytes:
        from argmap.errors import RenderError
        from argmap.render import render_bytes

        self.renders += 1
        start = time.monotonic()
        try:
            return render_bytes(dot, "svg", timeout=self.timeout)
        except RenderError as exc:
            timed_out = time.monotonic() - start >= self.timeout
            raise (RenderTimeout if timed_out else RenderUnavailable)(exc.message) from None

    async def svg(self, snapshot: Snapshot, key: tuple[Any, ...], make_dot: Callable[[], str]) -> SvgEntry:
        """The SVG for ``key`` in ``snapshot``; ``make_dot`` builds its DOT (and raises NotFound for a bad focus)."""
        memo_key = ("svg", *key)
        cached = snapshot.memo.get(memo_key)
        if cached is not MISSING:
            entry: SvgEntry = cached
            return entry
        dot = await anyio.to_thread.run_sync(make_dot)
        digest = hashlib.sha256(dot.encode("utf-8")).hexdigest()
        found = self._by_dot.get(digest)
        if found is MISSING:
            if self._limiter is None:
                self._limiter = anyio.CapacityLimiter(self.concurrency)
            data = await anyio.to_thread.run_sync(self._render, dot, limiter=self._limiter)
            found = SvgEntry.of(data)
            self._by_dot.put(digest, found)
        snapshot.memo.put(memo_key, found)
        return found  # type: ignore[no-any-return]
