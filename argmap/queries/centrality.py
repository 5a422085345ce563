"""Which shared claims are central to a comparison (betweenness in the merged graph), and which claim the
theses are bound to; the per-map load-bearing analysis is :mod:`argmap.queries.analysis`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.graph.merge import CLAIM_PREFIX

__all__ = ["ClaimCentrality", "shared_centrality", "theses_first"]


class ClaimCentrality(BaseModel):
    """How central a shared claim is in the merged graph of the compared maps."""

    model_config = ConfigDict(frozen=True)
    claim: str
    wording: str
    maps: list[str]
    betweenness: float = Field(description="betweenness centrality in the undirected merged graph, 4 decimals")
    degree: int = Field(description="relations that touch the claim, over all maps")
    contested: bool = Field(description="true only when the maps contradict each other on it")
    relation: str | None = Field(default=None, description="agree, contradict, differ or tension")


def shared_centrality(corpus: Corpus, map_ids: Sequence[str] | None = None) -> list[ClaimCentrality]:
    """Shared claims (bound by two or more of the maps), most central first.

    Betweenness is computed on the merged graph (:func:`argmap.queries.comparison.merged_graph`)
    taken as undirected, so a claim scores high when many shortest routes between
    the two arguments run through it.  Ties break by the registry's order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> ranked = shared_centrality(load_corpus([bundled_maps_dir()]))
    >>> ranked == sorted(ranked, key=lambda c: -c.betweenness)
    True
    >>> all(len(c.maps) == 2 for c in ranked)
    True
    """
    import networkx as nx

    from argmap.queries.comparison import merged_graph

    ids = list(map_ids or corpus.maps)
    g = merged_graph(corpus, ids)
    between = nx.betweenness_centrality(g.to_undirected(as_view=True), normalized=True)
    rank = {c.id: i for i, c in enumerate(corpus.registry.claims)}
    out = []
    for key, d in g.nodes(data=True):
        if not key.startswith(CLAIM_PREFIX) or len(d["maps"]) < 2:
            continue
        claim = key[len(CLAIM_PREFIX):]
        out.append(ClaimCentrality(claim=claim, wording=d["wording"], maps=list(d["maps"]),
                                   betweenness=round(between[key], 4), degree=int(g.degree(key)),
                                   contested=bool(d["contested"]), relation=d.get("relation")))
    out.sort(key=lambda c: (-c.betweenness, rank.get(c.claim, len(rank)), c.claim))
    return out


def theses_first(maps: list[GroundedMap]) -> Callable[[str | None], int]:
    """A sort key that puts first the claim every thesis is bound to (the one they dispute or share), then a claim
    some thesis is bound to, then the rest (stable: the order among equals is kept).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> key = theses_first([corpus.get("bankruptcy"), corpus.get("enforcer")])
    >>> key(None), key("no-such-claim")
    (2, 2)
    """
    bound = [g.model.thesis.claim for g in maps]

    def key(claim: str | None) -> int:
        hits = sum(1 for b in bound if claim is not None and b == claim)
        return 0 if hits == len(bound) else 1 if hits else 2

    return key
