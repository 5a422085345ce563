"""The main job's outputs: every diagram and report of a corpus, as files to write.

:func:`build_files` returns relative path to content; the ``argmap build``
command writes them (atomically) under its output folder.  The layout:

* ``maps/<id>.svg``: each map's diagram;
* ``compare/<a>--<b>.svg``, ``.md``, ``.json``: the comparative diagram and
  the comparison report of each pair of maps (ids sorted), for corpora of up
  to :data:`PAIR_LIMIT` maps (a class set; 100 maps would make 4,950 pairs);
* ``compare/all.svg``: with more than two maps, the comparative diagram of all
  of them (the reports are pairwise, as :func:`argmap.queries.compare` is);
* ``shared.md``, ``shared.json``: the premises two or more maps share.

The same corpus always gives byte-identical files.

>>> from argmap.corpus import load_corpus, bundled_maps_dir
>>> sorted(build_plan(load_corpus([bundled_maps_dir()])))  # doctest: +NORMALIZE_WHITESPACE
['compare/bankruptcy--enforcer.json', 'compare/bankruptcy--enforcer.md', 'compare/bankruptcy--enforcer.svg',
 'maps/bankruptcy.svg', 'maps/enforcer.svg', 'shared.json', 'shared.md']
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable
from typing import Any

from argmap.corpus import Corpus

__all__ = ["PAIR_LIMIT", "Job", "build_files", "build_plan", "diagram_sources", "pairs"]

Job = Callable[[], bytes]
PAIR_LIMIT = 6
"""Up to this many maps, every pair gets its own comparison (15 pairs); beyond, only ``compare/all.svg``."""


def _json(model: Any) -> bytes:
    return (json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def diagram_sources(corpus: Corpus) -> dict[str, Callable[[], str]]:
    """Each diagram's relative path (``.svg``) and the function that makes its DOT source, in build order."""
    from .compare import compare_dot
    from .mapdiagram import map_dot

    ids = sorted(corpus.maps)
    sources: dict[str, Callable[[], str]] = {f"maps/{i}.svg": functools.partial(map_dot, corpus.get(i)) for i in ids}
    for a, b in pairs(ids):
        sources[f"compare/{a}--{b}.svg"] = functools.partial(compare_dot, corpus, [a, b])
    if len(ids) > 2:
        sources["compare/all.svg"] = functools.partial(compare_dot, corpus, ids)
    return sources


def pairs(ids: list[str]) -> list[tuple[str, str]]:
    """The pairs of maps that get their own comparison: all of them, up to :data:`PAIR_LIMIT` maps; else none.

    >>> pairs(["a", "b", "c"])
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    >>> pairs([f"m{i}" for i in range(PAIR_LIMIT + 1)])
    []
    """
    return list(itertools.combinations(sorted(ids), 2)) if len(ids) <= PAIR_LIMIT else []


def build_plan(corpus: Corpus, *, timeout: float = 30.0) -> dict[str, Job]:
    """Each output file's relative path and the function that makes its content (in build order)."""
    from argmap.queries import compare, shared_premises
    from argmap.report import compare_markdown, shared_markdown

    from .images import render_bytes

    def svg(dot: Callable[[], str]) -> bytes:
        return render_bytes(dot(), "svg", timeout=timeout)

    def pair_md(a: str, b: str) -> bytes:
        return compare_markdown(compare(corpus, a, b)).encode("utf-8")

    def pair_json(a: str, b: str) -> bytes:
        return _json(compare(corpus, a, b))

    jobs: dict[str, Job] = {}
    for path, dot in diagram_sources(corpus).items():
        jobs[path] = functools.partial(svg, dot)
        if path.startswith("compare/") and path != "compare/all.svg":
            a, b = path.removeprefix("compare/").removesuffix(".svg").split("--")
            jobs[path.replace(".svg", ".md")] = functools.partial(pair_md, a, b)
            jobs[path.replace(".svg", ".json")] = functools.partial(pair_json, a, b)
    jobs["shared.md"] = lambda: shared_markdown(shared_premises(corpus)).encode("utf-8")
    jobs["shared.json"] = lambda: _json(shared_premises(corpus))
    return jobs


def build_files(corpus: Corpus, *, timeout: float = 30.0) -> dict[str, bytes]:
    """Every output of :func:`build_plan`, made (runs Graphviz's ``dot`` for the diagrams)."""
    return {path: job() for path, job in build_plan(corpus, timeout=timeout).items()}
