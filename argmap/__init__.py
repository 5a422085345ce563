"""argmap: map how essays argue, where they meet and where they part.

The library is a pipeline of small steps; import what you need from its modules:

- ``argmap.corpus.load``: find, load and check maps (``load_corpus``, ``check_corpus``);
- ``argmap.corpus.inputs``: what a command's arguments name (ids, files, folders, ``-``): ``open_inputs``;
- ``argmap.graph.merge``: ``merge_maps``, the networkx merge over shared claims;
- ``argmap.queries.comparison``: ``shared_claims``, ``shared_premises``, ``compare``, ``claim_mentions``;
- ``argmap.jobs.new_map``: the starting map of an essay (``argmap new``); ``argmap.jobs.preview``: ``argmap preview``.

Nothing heavy is imported here, so that ``argmap --help`` starts fast.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
