"""argmap: map how essays argue, where they meet and where they part.

The library is a pipeline of small steps, one folder per layer (``files``, ``text``, ``yaml``, ``format``,
``checks``, ``corpus``, ``graph``, ``queries``, ``render``, ``classroom``, ``jobs``).  The names below are the
short way in; each is imported from its module on first use, so that ``import argmap`` (and ``argmap --help``)
stays fast.

>>> import argmap
>>> corpus = argmap.load_corpus([argmap.bundled_maps_dir()])      # load and check a corpus
>>> sorted(corpus.maps)
['bankruptcy', 'enforcer']
>>> g = argmap.merged_graph(corpus)                               # merge it on the shared claims (networkx)
>>> g.number_of_nodes() > 0
True
>>> result = argmap.compare(corpus, "bankruptcy", "enforcer")     # compare two maps
>>> len(result.agreements) > 0
True
>>> argmap.compare_dot(corpus, ["bankruptcy", "enforcer"], argmap.View(focus="russia-silent")).startswith("digraph")
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_FACADE = {
    "load_corpus": "argmap.corpus.load",
    "bundled_maps_dir": "argmap.corpus.load",
    "Corpus": "argmap.corpus.load",
    "merged_graph": "argmap.queries.comparison",
    "compare": "argmap.queries.comparison",
    "shared_claims": "argmap.queries.comparison",
    "View": "argmap.render.subgraph",
    "map_dot": "argmap.render.map.diagram",
    "compare_dot": "argmap.render.compare.diagram",
    "map_svg": "argmap.render.svg",
    "compare_svg": "argmap.render.svg",
    "ArgmapError": "argmap.errors",
}
"""Each short name and the module it lives in."""

__all__ = [
    "ArgmapError",
    "Corpus",
    "View",
    "__version__",
    "bundled_maps_dir",
    "compare",
    "compare_dot",
    "compare_svg",
    "load_corpus",
    "map_dot",
    "map_svg",
    "merged_graph",
    "shared_claims",
]

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus, bundled_maps_dir, load_corpus
    from argmap.errors import ArgmapError
    from argmap.queries.comparison import compare, merged_graph, shared_claims
    from argmap.render.compare.diagram import compare_dot
    from argmap.render.map.diagram import map_dot
    from argmap.render.subgraph import View
    from argmap.render.svg import compare_svg, map_svg


def __getattr__(name: str) -> Any:
    module = _FACADE.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_FACADE})
