"""Small performance helpers for bulk work.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
>>> with time_limit(0.0, "the analysis"):
...     check_time()
Traceback (most recent call last):
...
argmap.errors.RenderTimeout: the analysis took more than 0 s and was stopped
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["check_time", "gc_paused", "take_turn", "taking_turns", "time_left", "time_limit"]

_DEADLINE: ContextVar[tuple[float, float, str] | None] = ContextVar("argmap_deadline", default=None)
_TURN: ContextVar[Callable[[], float] | None] = ContextVar("argmap_turn", default=None)


@contextmanager
def time_limit(seconds: float, what: str = "the computation") -> Iterator[None]:
    """Within the block, :func:`check_time` raises :class:`~argmap.errors.RenderTimeout` after ``seconds``.

    For analyses that grow faster than linearly with a map (the service bounds them with its render timeout).

    >>> with time_limit(0.0, "the layout"):
    ...     pass
    >>> check_time()  # the limit ended with its block
    """
    token = _DEADLINE.set((time.monotonic() + seconds, seconds, what))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time() -> None:
    """Raise :class:`~argmap.errors.RenderTimeout` when the enclosing :func:`time_limit` has run out.

    >>> with time_limit(3600.0):
    ...     check_time()  # an hour is far off: nothing happens
    >>> with time_limit(0.0):
    ...     check_time()
    Traceback (most recent call last):
    argmap.errors.RenderTimeout: the computation took more than 0 s and was stopped
    """
    take_turn()
    limit = _DEADLINE.get()
    if limit is not None and time.monotonic() >= limit[0]:
        from argmap.errors import RenderTimeout

        raise RenderTimeout(f"{limit[2]} took more than {limit[1]:g} s and was stopped")


@contextmanager
def taking_turns(wait: Callable[[], float]) -> Iterator[None]:
    """Within the block, :func:`take_turn` (and :func:`check_time`) calls ``wait``, which may block while more
    urgent work runs and returns the seconds it waited.  The service's gate uses it so that a client that floods
    it stands aside while a lighter client's computation runs (``argmap_api.work.Gate``).

    >>> with taking_turns(lambda: 0.5), time_limit(60.0):
    ...     take_turn()
    ...     60.4 < time_left() <= 60.5  # the half second spent standing aside does not count
    True
    """
    token = _TURN.set(wait)
    try:
        yield
    finally:
        _TURN.reset(token)


def take_turn() -> None:
    """Let more urgent work go first, if the enclosing :func:`taking_turns` says so (outside one: nothing).

    Long computations call it as they go, between steps that hold the interpreter for a millisecond or so.  The
    time spent waiting is added to the enclosing :func:`time_limit`, which bounds the computation's own work.

    >>> take_turn()
    """
    wait = _TURN.get()
    if wait is None:
        return
    waited = wait()
    limit = _DEADLINE.get()
    if waited > 0 and limit is not None:
        _DEADLINE.set((limit[0] + waited, limit[1], limit[2]))


def time_left() -> float | None:
    """Seconds left in the enclosing :func:`time_limit` (never below 0), or None outside one.

    A subprocess started within the limit gets this as its timeout, so the limit covers it too.

    >>> time_left() is None
    True
    >>> with time_limit(3600.0):
    ...     3500 < time_left() <= 3600
    True
    """
    limit = _DEADLINE.get()
    return None if limit is None else max(limit[0] - time.monotonic(), 0.0)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block.

    Loading and merging allocate many small, long-lived objects (pydantic models,
    graph dicts) and no reference cycles worth collecting mid-way; the collector's
    repeated full passes over a growing heap cost about a third of a 1,000-map load
    (bench/bench_scale.py).  Reference counting still frees garbage as usual.  What the
    block leaves alive goes straight to the oldest generation, which only the rare full
    collections walk: otherwise the first young collections after the block would each
    walk every object it made (about 0.3 s at 1,000 maps), only to find them all alive.

    >>> gc.disable()
    >>> with gc_paused():
    ...     pass
    >>> gc.isenabled()  # a collector that was off before stays off
    False
    >>> gc.enable()
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # everything tracked, to the permanent generation;
        gc.unfreeze()  # and from there to the oldest one, still collected by full collections
        if was_enabled:
            gc.enable()
