"""The API's listings of a corpus (``GET /maps``, ``GET /claims``): pure functions from loaded maps to models.

One node or one claim in detail comes from the library, :mod:`argmap.queries.details`.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> [m.id for m in map_list(corpus)] == sorted(corpus.maps)
True
>>> all(m.nodes.thesis == 1 for m in map_list(corpus))
True
"""

from __future__ import annotations

from collections import Counter

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.format.model import KINDS

from .models import ClaimInfo, MapListItem, NodeCounts

__all__ = ["claim_list", "map_list"]


def _counts(gm: GroundedMap) -> NodeCounts:
    c: Counter[str] = Counter(n.kind for n in gm.model.nodes)
    return NodeCounts(**{k: c.get(k, 0) for k in KINDS}, total=len(gm.model.nodes))


def map_list(corpus: Corpus) -> list[MapListItem]:
    """Every loaded map with its node counts by kind, sorted by id."""
    return [
        MapListItem(id=gm.id, title=gm.model.title, author=gm.model.author, publication=gm.model.publication,
                    date=gm.model.date, thesis=gm.model.thesis.text, nodes=_counts(gm),
                    relations=len(gm.model.relations))
        for gm in corpus.maps.values()
    ]


def _users(corpus: Corpus, claim_id: str) -> list[str]:
    return [gm.id for gm in corpus.maps.values() if any(n.claim == claim_id for n in gm.model.nodes)]


def claim_list(corpus: Corpus) -> list[ClaimInfo]:
    """The registry in its own order, each claim with the maps that bind a node to it."""
    return [ClaimInfo(id=c.id, wording=c.wording, description=c.description, maps=_users(corpus, c.id))
            for c in corpus.registry.claims]
