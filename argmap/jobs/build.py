"""The main job's outputs: every diagram and report of a corpus, as files to write.

:func:`build_files` returns relative path to content; the ``argmap build``
command writes them (atomically) under its output folder.  The layout:

* ``maps/<id>.svg``: each map's diagram;
* ``compare/<a>--<b>.svg``, ``.md``, ``.json``: the comparative diagram and
  the comparison report of each pair of maps (ids sorted), for corpora of up
  to :data:`~argmap.corpus.pairs.PAIR_LIMIT` maps (a class set; 100 maps would make 4,950 pairs);
* ``compare/all.svg``: with three to :data:`~argmap.corpus.pairs.PAIR_LIMIT` maps, the comparative
  diagram of all of them (the reports are pairwise, as :func:`argmap.queries.comparison.compare`
  is).  A larger corpus gets none: one column per essay stops reading well
  beyond a handful, and at 100 maps that one diagram took 80% of the build's time;
* ``shared.md``, ``shared.json``: the premises two or more maps share.

The same corpus always gives byte-identical files.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> sorted(build_plan(load_corpus([bundled_maps_dir()])))  # doctest: +NORMALIZE_WHITESPACE
['compare/bankruptcy--enforcer.json', 'compare/bankruptcy--enforcer.md', 'compare/bankruptcy--enforcer.svg',
 'maps/bankruptcy.svg', 'maps/enforcer.svg', 'shared.json', 'shared.md']
"""

from __future__ import annotations

import collections
import functools
import json
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from argmap.corpus.load import Corpus
from argmap.corpus.pairs import PAIR_LIMIT, pairs

if TYPE_CHECKING:
    from concurrent.futures import Future

    from argmap.checks.grounded import GroundedMap
    from argmap.render.dotpool import DotPool

__all__ = ["EarlyDiagrams", "Job", "build_outputs", "build_plan", "default_jobs", "diagram_sources"]

Job = Callable[[], bytes]


def _json(model: Any) -> bytes:
    return (json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def diagram_sources(corpus: Corpus) -> dict[str, Callable[[], str]]:
    """Each diagram's relative path (``.svg``) and the function that makes its DOT source, in build order.

    >>> from argmap.corpus.load import load_corpus, bundled_maps_dir
    >>> sources = diagram_sources(load_corpus([bundled_maps_dir()]))
    >>> list(sources), sources["maps/enforcer.svg"]().startswith('digraph "enforcer"')
    (['maps/bankruptcy.svg', 'maps/enforcer.svg', 'compare/bankruptcy--enforcer.svg'], True)
    """
    from argmap.render.compare.diagram import compare_dot
    from argmap.render.map.diagram import map_dot

    ids = sorted(corpus.maps)
    sources: dict[str, Callable[[], str]] = {_map_path(i): functools.partial(map_dot, corpus.get(i)) for i in ids}
    for a, b in pairs(ids):
        sources[f"compare/{a}--{b}.svg"] = functools.partial(compare_dot, corpus, [a, b])
    if 2 < len(ids) <= PAIR_LIMIT:
        sources["compare/all.svg"] = functools.partial(compare_dot, corpus, ids)
    return sources


def _map_path(map_id: str) -> str:
    return f"maps/{map_id}.svg"


def _steps(corpus: Corpus) -> dict[str, tuple[bool, Callable[[], Any]]]:
    """Each output's relative path, whether it is a diagram, and what makes it: DOT text for a diagram, else bytes."""
    from argmap.exporters.report import compare_markdown, shared_markdown
    from argmap.queries.comparison import compare, shared_premises

    # Each result is computed once and handed to every writer that needs it (the .md and the .json).
    comparison = functools.cache(functools.partial(compare, corpus))
    shared = functools.cache(functools.partial(shared_premises, corpus))

    def pair_md(a: str, b: str) -> bytes:
        return compare_markdown(comparison(a, b)).encode("utf-8")

    def pair_json(a: str, b: str) -> bytes:
        return _json(comparison(a, b))

    steps: dict[str, tuple[bool, Callable[[], Any]]] = {}
    for path, dot in diagram_sources(corpus).items():
        steps[path] = (True, dot)
        if path.startswith("compare/") and path != "compare/all.svg":
            a, b = path.removeprefix("compare/").removesuffix(".svg").split("--")
            steps[path.replace(".svg", ".md")] = (False, functools.partial(pair_md, a, b))
            steps[path.replace(".svg", ".json")] = (False, functools.partial(pair_json, a, b))
    steps["shared.md"] = (False, lambda: shared_markdown(shared()).encode("utf-8"))
    steps["shared.json"] = (False, lambda: _json(shared()))
    return steps


def build_plan(corpus: Corpus, *, timeout: float = 30.0) -> dict[str, Job]:
    """Each output file's relative path and the function that makes its content (in build order)."""
    from argmap.render.images import render_bytes

    def svg(dot: Callable[[], str]) -> bytes:
        return render_bytes(dot(), "svg", timeout=timeout)

    return {path: functools.partial(svg, make) if is_dot else make
            for path, (is_dot, make) in _steps(corpus).items()}


def default_jobs() -> int:
    """How many ``dot`` processes :func:`build_outputs` runs at once by default: one per usable CPU.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class EarlyDiagrams:
    """Map diagrams started while the rest of the corpus is still being checked, so that ``dot`` need not wait.

    Give :meth:`offer` to the corpus check as its ``on_map``: each map that passes its own checks has its
    DOT written at once and rendered in the background, while at most ``2 * jobs`` of them are waiting and
    ``limit`` in all (memory stays bounded; the other maps are rendered later, as usual).
    :func:`build_outputs` then takes each diagram already started instead of rendering it again: the same
    map object, so the same bytes.  Use it as a context manager: leaving it stops what has not started.
    """

    def __init__(self, jobs: int | None = None, *, timeout: float = 30.0, limit: int = 500) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from argmap.render.dotpool import DotPool

        self.jobs = jobs or default_jobs()
        self.timeout = timeout
        self.limit = limit
        self.pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="argmap-dot")
        self.dots = DotPool(self.jobs, timeout=timeout)
        """The ``dot`` processes this build's diagrams are drawn by, one per thread of :attr:`pool`."""
        self._started: dict[str, tuple[GroundedMap, Future[bytes]]] = {}
        self._waiting: list[Future[bytes]] = []
        self.started = 0
        """How many diagrams :meth:`offer` has started."""

    def offer(self, gm: GroundedMap) -> None:
        """Start rendering ``gm``'s diagram, unless enough are waiting or started already."""
        from argmap.render.map.diagram import map_dot

        self._waiting = [f for f in self._waiting if not f.done()]
        if self.started >= self.limit or len(self._waiting) >= 2 * self.jobs:
            return
        future = self.pool.submit(self.dots.render_svg, map_dot(gm))
        self._started[_map_path(gm.id)] = (gm, future)
        self._waiting.append(future)
        self.started += 1

    def take(self, path: str, corpus: Corpus) -> Future[bytes] | None:
        """The diagram started for output ``path``, if it was started for the very map the corpus holds."""
        started = self._started.pop(path, None)
        if started is None or started[0] is not corpus.maps.get(started[0].id):
            return None
        return started[1]

    def __enter__(self) -> EarlyDiagrams:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.dots.close()


def build_outputs(corpus: Corpus, *, timeout: float = 30.0, jobs: int | None = None,
                  early: EarlyDiagrams | None = None) -> Iterator[tuple[str, bytes]]:
    """Every output of :func:`build_plan` as ``(path, content)``, in plan order, rendering ``jobs`` diagrams at once.

    The DOT sources, the reports and the order of the results come from this thread, so the
    outputs are the same bytes whatever ``jobs`` is; only ``dot`` runs side by side: ``jobs`` long-lived
    ``dot`` processes (a :class:`~argmap.render.dotpool.DotPool`), each drawing one diagram after another,
    fed by as many threads, which wait on them without holding the GIL.  At most ``2 * jobs``
    diagrams are in flight, so memory does not grow with the corpus.  Diagrams that ``early``
    started while the maps were checked are taken from it, and the rest rendered by its ``jobs``
    threads (``jobs`` is then ignored), so no more than that many ``dot`` processes ever run.

    >>> from argmap.corpus.load import load_corpus, bundled_maps_dir
    >>> [path for path, _ in build_outputs(load_corpus([bundled_maps_dir()]), jobs=2)][:3]
    ['maps/bankruptcy.svg', 'maps/enforcer.svg', 'compare/bankruptcy--enforcer.svg']
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    from argmap.render.dotpool import DotPool

    workers = early.jobs if early is not None else jobs or default_jobs()
    if workers < 1:
        raise ValueError("jobs must be at least 1")
    pending: collections.deque[tuple[str, Future[bytes] | bytes]] = collections.deque()

    def ready() -> bool:
        head = pending[0][1]
        return not isinstance(head, Future) or head.done() or len(pending) > 2 * workers

    def pop() -> tuple[str, bytes]:
        path, item = pending.popleft()
        return path, item.result() if isinstance(item, Future) else item

    pool = early.pool if early is not None else ThreadPoolExecutor(max_workers=workers, thread_name_prefix="argmap-dot")
    dots: DotPool = early.dots if early is not None else DotPool(workers, timeout=timeout)
    try:
        for path, (is_dot, make) in _steps(corpus).items():
            started = early.take(path, corpus) if early is not None and is_dot else None
            if started is not None:
                pending.append((path, started))
            else:
                pending.append((path, pool.submit(dots.render_svg, make(), timeout=timeout) if is_dot else make()))
            while pending and ready():
                yield pop()
        while pending:
            yield pop()
    finally:
        if early is None:
            pool.shutdown(wait=True, cancel_futures=True)
            dots.close()
