"""One node or one shared claim with everything the loaded maps know about it.

:func:`node_detail` gives a node's place in its essay and in the argument;
:func:`claim_detail` what every map says about a shared claim.  Both return
typed results (field order is the JSON key order), as ``GET /maps/{id}/nodes/{id}``
and ``GET /claims/{id}`` answer them.

>>> from argmap.corpus.load import load_corpus, bundled_maps_dir
>>> corpus = load_corpus([bundled_maps_dir()])
>>> gm = corpus.get("enforcer")
>>> d = node_detail(gm, gm.model.thesis.id)
>>> d.node.kind, d.span is not None, len(d.incoming) > 0
('thesis', True, True)
>>> node_detail(gm, "nope")  # doctest: +ELLIPSIS
Traceback (most recent call last):
argmap.errors.NotFound: unknown node 'nope' in map 'enforcer'...
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.checks.grounded import GroundedMap, Span
from argmap.corpus.load import Corpus
from argmap.format.model import Node, Relation, RelationKind, Stance
from argmap.format.relations import claim_relation
from argmap.queries.comparison import claim_mentions
from argmap.queries.results import FROZEN, Mention

__all__ = ["ClaimDetail", "NodeDetail", "RelationRef", "claim_detail", "node_detail"]



class RelationRef(BaseModel):
    """A relation touching a node; ``from``/``to`` as in the map file."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)
    key: str = Field(description="the relation's id, or one derived from its ends, e.g. 'P1->T'")
    id: str | None
    type: Literal["supports", "example", "attacks"]
    sources: list[str] = Field(serialization_alias="from", description="the premise(s); several when linked")
    target: str = Field(serialization_alias="to", description="a node id, or a relation key for an undercut")
    undercut: bool = Field(description="true when the target is a relation rather than a node")
    note: str | None


class NodeDetail(BaseModel):
    """One node of a map with its place in the essay and in the argument."""

    model_config = FROZEN
    map: str
    node: Node
    span: Span | None = Field(description="character span [start, end) of the quote in the essay")
    citation_spans: list[Span] = Field(description="where each citation stands in the essay")
    incoming: list[RelationRef] = Field(description="relations whose target is this node")
    outgoing: list[RelationRef] = Field(description="relations this node is a premise of")


class ClaimDetail(BaseModel):
    """What every loaded map says about one shared claim."""

    model_config = FROZEN
    id: str
    wording: str
    description: str | None
    maps: list[str]
    stances: dict[str, list[Stance]] = Field(description="map id -> the stances its nodes take")
    relation: RelationKind | None = Field(description="how the maps relate on it (agree, contradict, differ, "
                                          "tension); null when fewer than two maps bind it")
    how: str | None = Field(default=None, description="the registry's account of how the essays relate on it")
    contested: bool = Field(description="true only when the maps contradict each other on it (relation contradict)")
    mentions: list[Mention]


def _ref(r: Relation, relation_ids: set[str]) -> RelationRef:
    return RelationRef(key=r.key, id=r.id, type=r.type, sources=list(r.sources), target=r.target,
                       undercut=r.target in relation_ids, note=r.note)


def node_detail(gm: GroundedMap, node_id: str) -> NodeDetail:
    """One node: its quote's span, and the relations into and out of it (in map order); NotFound if unknown.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> d = node_detail(load_corpus([bundled_maps_dir()]).get("enforcer"), "P8b")
    >>> d.span, [(r.key, r.target, r.undercut) for r in d.outgoing]
    ((2596, 2661), [('P8b-|r5', 'r5', True), ('P8b->P8c', 'P8c', False)])
    """
    node = gm.model.require_node(node_id)
    rel_ids = {r.id for r in gm.model.relations if r.id}
    return NodeDetail(
        map=gm.id, node=node, span=gm.spans.get(node_id), citation_spans=list(gm.citation_spans.get(node_id, [])),
        incoming=[_ref(r, rel_ids) for r in gm.model.relations if r.target == node_id],
        outgoing=[_ref(r, rel_ids) for r in gm.model.relations if node_id in r.sources],
    )


def claim_detail(corpus: Corpus, claim_id: str) -> ClaimDetail:
    """What each map says about ``claim_id``: wording, quote, kind and stance of every node bound to it.

    >>> from argmap.corpus.load import load_corpus, bundled_maps_dir
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> first = corpus.registry.claims[0].id
    >>> d = claim_detail(corpus, first)
    >>> d.id == first, all(m.map in corpus.maps for m in d.mentions)
    (True, True)
    """
    mentions = claim_mentions(corpus, claim_id)  # NotFound for an unknown claim
    claim = corpus.registry.get(claim_id)
    assert claim is not None
    stances: dict[str, list[Stance]] = {}
    for m in mentions:
        if m.stance and m.stance not in stances.setdefault(m.map, []):
            stances[m.map].append(m.stance)
    relation = claim_relation(claim, {k: set(v) for k, v in stances.items()}) if len(stances) > 1 else None
    return ClaimDetail(id=claim.id, wording=claim.wording, relation=relation, how=claim.how,
                       description=claim.description, maps=sorted(stances),
                       stances={k: sorted(v) for k, v in sorted(stances.items())},
                       contested=relation == "contradict", mentions=mentions)
