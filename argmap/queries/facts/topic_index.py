"""What the topic facts read of each map, gathered once per map (a topic of N essays states facts by the thousand
about each), and kept for one corpus at a time: a service that reloads its maps does not keep the old ones alive
through it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.format.model import ArgumentMap, Node, Stance
from argmap.queries.facts.base import map_of

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["index_of", "map_in"]


@dataclass(frozen=True)
class _Index:
    """What the checks read of one map, gathered in one pass: its nodes by claim and its objections."""

    by_claim: dict[str, list[Node]]
    claim_of: dict[str, str | None]  # every node's claim, by node id
    objections: frozenset[tuple[str, str, Stance]]  # (objection node, claim attacked, stance of the attacked node)


_INDEXES: dict[int, tuple[ArgumentMap, _Index]] = {}  # keyed by id(): each entry holds its map, so no id is reused
_INDEXED_FOR: list[Corpus | None] = [None]  # the corpus whose maps _INDEXES holds


def index_of(m: ArgumentMap) -> _Index:
    """The :class:`_Index` of ``m``, gathered once: a topic of N essays states facts by the thousand about each map."""
    if (found := _INDEXES.get(id(m))) is not None and found[0] is m:
        return found[1]
    nodes = {n.id: n for n in m.nodes}
    by_claim: dict[str, list[Node]] = {}
    for n in m.nodes:
        if n.claim is not None:
            by_claim.setdefault(n.claim, []).append(n)
    objections = set()
    for r in m.relations:
        target = nodes.get(r.target) if r.type == "attacks" else None
        if target is not None and target.claim is not None:
            objections |= {(s, target.claim, target.effective_stance or "affirms") for s in r.sources if s in nodes}
    _INDEXES[id(m)] = entry = (m, _Index(by_claim, {n.id: n.claim for n in m.nodes}, frozenset(objections)))
    return entry[1]


def map_in(corpus: Corpus, map_id: str) -> ArgumentMap | None:
    """Map ``map_id`` of ``corpus``; the maps' indexes are kept for one corpus at a time (a service that reloads
    its maps does not keep the old ones alive through them)."""
    if _INDEXED_FOR[0] is not corpus:
        _INDEXES.clear()
        _INDEXED_FOR[0] = corpus
    return map_of(corpus, map_id)
