"""The API's views of a corpus: pure functions from loaded maps to response models.

>>> from argmap.corpus import load_corpus
>>> from pathlib import Path
>>> corpus = load_corpus([Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mini"])
>>> [(m.id, m.nodes.premise) for m in map_list(corpus)]
[('alpha', 3), ('beta', 3)]
>>> d = node_detail(corpus.get("alpha"), "P1")
>>> [r.key for r in d.outgoing], d.span is not None
(['r1'], True)
>>> claim_detail(corpus, "china-spoke").contested
True
"""

from __future__ import annotations

from collections import Counter

from argmap.corpus import Corpus
from argmap.errors import NotFound
from argmap.grounded import GroundedMap
from argmap.model import KINDS, Relation, Stance
from argmap.queries import claim_mentions

from .models import ClaimDetail, ClaimInfo, MapListItem, NodeCounts, NodeDetail, RelationRef

__all__ = ["claim_detail", "claim_list", "map_list", "node_detail"]


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


def _ref(r: Relation, relation_ids: set[str]) -> RelationRef:
    return RelationRef(key=r.key, id=r.id, type=r.type, sources=list(r.sources), target=r.target,
                       undercut=r.target in relation_ids, note=r.note)


def node_detail(gm: GroundedMap, node_id: str) -> NodeDetail:
    """One node: its quote's span, and the relations into and out of it (in map order)."""
    node = gm.model.node(node_id)
    if node is None:
        exc = NotFound("node", node_id, [n.id for n in gm.model.nodes])
        exc.message = exc.message.replace(f"'{node_id}'", f"'{node_id}' in map '{gm.id}'", 1)
        raise exc
    rel_ids = {r.id for r in gm.model.relations if r.id}
    return NodeDetail(
        map=gm.id, node=node, span=gm.spans.get(node_id), citation_spans=list(gm.citation_spans.get(node_id, [])),
        incoming=[_ref(r, rel_ids) for r in gm.model.relations if r.target == node_id],
        outgoing=[_ref(r, rel_ids) for r in gm.model.relations if node_id in r.sources],
    )


def _users(corpus: Corpus, claim_id: str) -> list[str]:
    return [gm.id for gm in corpus.maps.values() if any(n.claim == claim_id for n in gm.model.nodes)]


def claim_list(corpus: Corpus) -> list[ClaimInfo]:
    """The registry in its own order, each claim with the maps that bind a node to it."""
    return [ClaimInfo(id=c.id, wording=c.wording, description=c.description, maps=_users(corpus, c.id))
            for c in corpus.registry.claims]


def claim_detail(corpus: Corpus, claim_id: str) -> ClaimDetail:
    """What each map says about ``claim_id``: wording, quote, kind and stance of every node bound to it."""
    mentions = claim_mentions(corpus, claim_id)  # NotFound for an unknown claim
    claim = corpus.registry.get(claim_id)
    assert claim is not None
    stances: dict[str, list[Stance]] = {}
    for m in mentions:
        if m.stance and m.stance not in stances.setdefault(m.map, []):
            stances[m.map].append(m.stance)
    distinct = {s for ss in stances.values() for s in ss}
    return ClaimDetail(id=claim.id, wording=claim.wording, description=claim.description,
                       maps=sorted(stances), stances={k: sorted(v) for k, v in sorted(stances.items())},
                       contested=len(distinct) > 1, mentions=mentions)
