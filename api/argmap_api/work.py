"""Heavy work (diagrams, the site, comparisons): one concurrency limit, one computation per key per snapshot.

A :class:`Gate` runs functions in worker threads, at most ``concurrency`` at a
time: rendering, building the site and computing comparisons all queue at the
same gate, so no burst of requests can run more ``dot`` processes, or occupy
more threads, than the limit.

:class:`Results` belongs to one snapshot.  It keeps each computation's outcome
under the key of its parameters (not the request's URL, so junk query strings
cannot evict it): a value, or one of argmap's own errors (a render that timed
out, a focus that does not exist), which is raised again for the same key
without running anything.  Identical requests that arrive while a computation
runs wait for that one computation instead of starting their own.

>>> import asyncio
>>> calls = []
>>> def slow() -> int:
...     calls.append(1)
...     return 42
>>> async def main() -> list[int]:
...     results = Results(Gate(2))
...     return await asyncio.gather(*(results.get(("answer",), slow) for _ in range(5)))
>>> asyncio.run(main()), len(calls)
([42, 42, 42, 42, 42], 1)
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from argmap.errors import ArgmapError

__all__ = ["Gate", "Results"]

T = TypeVar("T")


class Gate:
    """Runs functions in worker threads, at most ``concurrency`` at a time (one limit for all heavy work)."""

    def __init__(self, concurrency: int = 2) -> None:
        self.concurrency = concurrency
        self._limiters: dict[int, anyio.CapacityLimiter] = {}

    def _limiter(self) -> anyio.CapacityLimiter:
        # One limiter per event loop: a limiter belongs to the loop it was made in (tests run several loops).
        loop = id(asyncio.get_running_loop())
        limiter = self._limiters.get(loop)
        if limiter is None:
            limiter = self._limiters[loop] = anyio.CapacityLimiter(self.concurrency)
        return limiter

    async def run(self, fn: Callable[[], T]) -> T:
        """``fn()`` in a worker thread, once a place under the limit is free."""
        return await anyio.to_thread.run_sync(fn, limiter=self._limiter())


@dataclass(frozen=True)
class _Failed:
    error: ArgmapError


class Results:
    """One snapshot's computations, by key (see the module doc); ``size`` bounds the evictable ones."""

    def __init__(self, gate: Gate, size: int = 4096) -> None:
        self.gate = gate
        self._size = size
        self._kept: dict[Hashable, Any] = {}
        self._lru: dict[Hashable, Any] = {}
        self._running: dict[Hashable, asyncio.Future[Any]] = {}  # touched only on the event loop
        self._lock = threading.Lock()

    def _lookup(self, key: Hashable) -> Any:
        with self._lock:
            if key in self._kept:
                return self._kept[key]
            if key in self._lru:
                self._lru[key] = self._lru.pop(key)  # most recently used goes last
                return self._lru[key]
        return _MISSING

    def _store(self, key: Hashable, outcome: Any, keep: bool) -> None:
        with self._lock:
            if keep:
                self._kept[key] = outcome
                return
            self._lru[key] = outcome
            while len(self._lru) > self._size:
                self._lru.pop(next(iter(self._lru)))

    async def get(self, key: Hashable, compute: Callable[[], T], keep: bool = False) -> T:
        """The outcome for ``key``: computed once (through the gate), shared by concurrent callers.

        ``keep``: never evict it (for the one-per-snapshot results, such as the site).  The computation
        runs as its own task, so a caller that goes away does not cancel it for the others.
        """
        outcome = self._lookup(key)
        if outcome is _MISSING:
            task = self._running.get(key)
            if task is None:
                task = self._running[key] = asyncio.ensure_future(self._compute(key, compute, keep))
            outcome = await asyncio.shield(task)
        if isinstance(outcome, _Failed):
            raise outcome.error
        return outcome  # type: ignore[no-any-return]

    async def _compute(self, key: Hashable, compute: Callable[[], Any], keep: bool) -> Any:
        try:
            try:
                outcome: Any = await self.gate.run(compute)
            except ArgmapError as exc:
                outcome = _Failed(exc)  # remembered: the same request fails the same way in this snapshot
            self._store(key, outcome, keep)
            return outcome
        finally:
            self._running.pop(key, None)


_MISSING = object()
