"""Heavy work (diagrams, the site, comparisons): one concurrency limit, one computation per key per snapshot.

A :class:`Gate` runs functions in worker threads, at most ``concurrency`` at a
time: rendering, building the site and computing comparisons all queue at the
same gate, so no burst of requests can run more ``dot`` processes, or occupy
more threads, than the limit.  The gate is fair between clients: one client's
burst waits behind itself, and other clients are served in turn.

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
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from argmap.errors import ArgmapError

__all__ = ["CLIENT", "ClientTag", "Gate", "Results"]

T = TypeVar("T")


TURN_WAIT = 0.5
"""Seconds a computation stands aside for a lighter client's at most, before it runs on (see :class:`Gate`).

A bound, not a schedule: a lighter computation that runs longer (a ``dot`` child, which needs no interpreter)
only slows the flood, never stops it."""

CLIENT: ContextVar[str] = ContextVar("argmap_client", default="")
"""Who the work is for (the client's address), set per request by :class:`ClientTag`."""


class ClientTag:
    """Pure ASGI middleware: each request's work is counted against its client's address (see :class:`Gate`)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        client = scope.get("client")
        token = CLIENT.set(str(client[0]) if client else "")
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(token)


@dataclass
class _Slots:
    """One event loop's view of the gate: what runs, per client, and who waits, in turn order."""

    running: int = 0
    by_client: Counter[str] = field(default_factory=Counter)
    waiting: OrderedDict[str, deque[asyncio.Future[None]]] = field(default_factory=OrderedDict)


class Gate:
    """Runs functions in worker threads, at most ``concurrency`` at a time (one limit for all heavy work).

    With ``seconds``, each computation runs under that time limit (:func:`argmap.files.limits.time_limit`), which the
    analyses and the diagrams' layout check as they go.

    Fair between clients (:data:`CLIENT`): one client runs at most ``per_client`` of the places at once (by
    default one fewer than all, so another client always finds one free or next in line), and when places
    come free the clients that wait are served in turn, one computation each, not in order of arrival.  So a
    client that sends many costly requests waits behind its own, never in front of everyone else's.

    Computations also take turns while they run (:func:`argmap.files.limits.take_turn`): one whose client has
    more requests at the gate than another client whose computation is running stands aside until that one is
    done (at most :data:`TURN_WAIT` seconds at a time).  Python computations share one interpreter lock, so
    without this a valid request running beside a flood's computation gets half the interpreter and takes twice
    as long; with it, the lighter client's work runs as if alone and the flood waits.

    >>> import asyncio
    >>> order = []
    >>> async def main() -> None:
    ...     gate = Gate(1, per_client=1)
    ...     async def job(client: str, n: int) -> None:
    ...         CLIENT.set(client)
    ...         await gate.run(lambda: order.append(f"{client}{n}"))
    ...     await asyncio.gather(*(job("flood", i) for i in range(3)), job("honest", 0))
    >>> asyncio.run(main())
    >>> order  # the honest client's one request runs second, not after the whole flood
    ['flood0', 'honest0', 'flood1', 'flood2']
    """

    def __init__(self, concurrency: int = 2, per_client: int | None = None, seconds: float | None = None) -> None:
        self.concurrency = concurrency
        self.per_client = per_client or max(1, concurrency - 1)
        self.seconds = seconds  # each computation's time limit (argmap.files.limits.time_limit), None for none
        self._loops: dict[int, tuple[_Slots, anyio.CapacityLimiter]] = {}
        self._turns = threading.Condition()  # guards the two counters below, shared by every loop and thread
        self._load: Counter[str] = Counter()  # per client: its requests at the gate, running or waiting
        self._busy: Counter[str] = Counter()  # per client: its computations running now

    def _state(self) -> tuple[_Slots, anyio.CapacityLimiter]:
        # One state per event loop: futures and limiters belong to the loop they were made in (tests run several).
        loop = id(asyncio.get_running_loop())
        found = self._loops.get(loop)
        if found is None:
            found = self._loops[loop] = (_Slots(), anyio.CapacityLimiter(self.concurrency))
        return found

    async def run(self, fn: Callable[[], T]) -> T:
        """``fn()`` in a worker thread, once a place under the limit is free and it is this client's turn."""
        client = CLIENT.get()
        slots, threads = self._state()
        self._count(self._load, client, 1)
        try:
            await self._acquire(slots, client)
            try:
                return await anyio.to_thread.run_sync(self._limited, fn, client, limiter=threads)
            finally:
                self._release(slots, client)
        finally:
            self._count(self._load, client, -1)

    def _limited(self, fn: Callable[[], T], client: str) -> T:
        """``fn()`` under the gate's time limit (504 when it runs out), taking turns with other clients' work."""
        from contextlib import nullcontext

        from argmap.files.limits import taking_turns, time_limit

        self._count(self._busy, client, 1)
        try:
            with taking_turns(lambda: self._wait_turn(client)), \
                    (nullcontext() if self.seconds is None else time_limit(self.seconds, "the computation")):
                return fn()
        finally:
            self._count(self._busy, client, -1)

    def _count(self, counter: Counter[str], client: str, step: int) -> None:
        with self._turns:
            counter[client] += step
            if counter[client] <= 0:
                del counter[client]
            self._turns.notify_all()

    def _outranked(self, client: str) -> bool:
        """Whether a computation of a client with fewer requests at the gate is running (call with the lock)."""
        mine = self._load[client]
        return any(self._load[other] < mine for other in self._busy if other != client)

    def _wait_turn(self, client: str) -> float:
        """Block while a lighter client's computation runs, at most :data:`TURN_WAIT` s; the seconds waited."""
        with self._turns:
            if not self._outranked(client):
                return 0.0
            started = time.monotonic()
            self._turns.wait_for(lambda: not self._outranked(client), TURN_WAIT)
            return time.monotonic() - started

    async def _acquire(self, slots: _Slots, client: str) -> None:
        if slots.running < self.concurrency and slots.by_client[client] < self.per_client and not slots.waiting:
            slots.running += 1
            slots.by_client[client] += 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        slots.waiting.setdefault(client, deque()).append(turn)
        self._hand_over(slots)  # a place may be free for this client while others wait at their own limit
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self._release(slots, client)  # the place was handed over as the caller left: give it back
            else:
                queue = slots.waiting.get(client)
                if queue is not None and turn in queue:
                    queue.remove(turn)
                    if not queue:
                        del slots.waiting[client]
            raise

    def _release(self, slots: _Slots, client: str) -> None:
        slots.running -= 1
        slots.by_client[client] -= 1
        if not slots.by_client[client]:
            del slots.by_client[client]
        if client in slots.waiting:
            slots.waiting.move_to_end(client)  # it has just been served: the others go first
        self._hand_over(slots)

    def _hand_over(self, slots: _Slots) -> None:
        """Give free places to the waiting clients in turn, skipping any at its own limit."""
        while slots.running < self.concurrency:
            chosen = next((c for c in slots.waiting if slots.by_client[c] < self.per_client), None)
            if chosen is None:
                return
            queue = slots.waiting.pop(chosen)
            turn = queue.popleft()
            if queue:
                slots.waiting[chosen] = queue  # back to the end of the line
            if turn.done():  # its caller went away
                continue
            slots.running += 1
            slots.by_client[chosen] += 1
            turn.set_result(None)


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
