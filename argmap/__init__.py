"""argmap: map how essays argue, where they meet and where they part.

The library is a pipeline of small steps; import what you need from its modules:

- ``argmap.corpus``: find, load and check maps (``load_corpus``, ``open_maps``);
- ``argmap.merge``: ``merge_maps``, the networkx merge over shared claims;
- ``argmap.queries``: ``shared_premises``, ``compare``, ``claim_mentions``.

Nothing heavy is imported here, so that ``argmap --help`` starts fast.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
