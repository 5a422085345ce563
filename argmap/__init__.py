"""argmap: map how essays argue, where they meet and where they part.

The library is a pipeline of small steps; import what you need from its modules:

- ``argmap.corpus``: find, load and check maps (``load_corpus``, ``check_corpus``);
- ``argmap.inputs``: what a command's arguments name (ids, files, folders, ``-``): ``open_inputs``;
- ``argmap.merge``: ``merge_maps``, the networkx merge over shared claims;
- ``argmap.queries``: ``shared_claims``, ``shared_premises``, ``compare``, ``claim_mentions``;
- ``argmap.authoring``: the starting map of an essay (``argmap new``); ``argmap.preview``: ``argmap preview``.

Nothing heavy is imported here, so that ``argmap --help`` starts fast.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
