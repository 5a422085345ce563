"""Small performance helpers for bulk work.

>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block.

    Loading and merging allocate many small, long-lived objects (pydantic models,
    graph dicts) and no reference cycles worth collecting mid-way; the collector's
    repeated full passes over a growing heap cost about a third of a 1,000-map load
    (bench/bench_scale.py).  Reference counting still frees garbage as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
