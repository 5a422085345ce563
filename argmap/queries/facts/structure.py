"""Facts about one map's argument: chains of support, relations, objections, cited evidence, kinds of node,
lines of support of the thesis and what a rejection does to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from argmap.format.model import ArgumentMap, Kind, Relation
from argmap.queries.facts.base import (
    SUPPORT,
    Fact,
    Grounds,
    NodeFact,
    in_map,
    map_of,
    node_in,
    relation_in,
    standing,
    supports_into,
)

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["AttackedBy", "KindIs", "LinesOfSupport", "NoCitedEvidence", "OnPath", "ReachesThesis", "Rejection",
           "SupportedBy", "Unsupported"]


class OnPath(Fact):
    """``path[0]`` reaches ``path[-1]`` in ``map`` through supports, step by step; with ``to_thesis``, the last node
    is the map's thesis (so every node of the path lies on a path to it)."""

    fact: Literal["on-path"] = "on-path"
    map: str
    path: list[str] = Field(min_length=1)
    to_thesis: bool = True

    def _steps(self, m: ArgumentMap) -> list[Relation | None]:
        return [next((r for r in m.relations if r.type in SUPPORT and r.target == b and a in r.sources), None)
                for a, b in zip(self.path, self.path[1:], strict=False)]

    def check(self, corpus: Corpus) -> bool:
        m = map_of(corpus, self.map)
        if m is None or any(m.node(x) is None for x in self.path):
            return False
        if self.to_thesis and self.path[-1] != m.thesis.id:
            return False
        return all(r is not None for r in self._steps(m))

    def _grounds(self) -> Grounds:
        rels = [f"{self.map}:{a}->{b}" for a, b in zip(self.path, self.path[1:], strict=False)]
        return Grounds(nodes=in_map(self.map, self.path), relations=rels)

    def __str__(self) -> str:
        end = " (the thesis)" if self.to_thesis else ""
        return f"in {self.map}, {' → '.join(self.path)}{end} is a chain of supports"


def _joins(r: Relation, sources: list[str], node: str) -> bool:
    """Relation ``r`` has exactly ``sources``, in that order, and targets ``node``."""
    return r.target == node and list(r.sources) == sources


def _relation_grounds(map_id: str, relation: str, sources: list[str], node: str) -> Grounds:
    return Grounds(nodes=in_map(map_id, (*sources, node)), relations=in_map(map_id, [relation]))


class SupportedBy(NodeFact):
    """In ``map``, relation ``relation`` (a support) has exactly ``sources`` and targets ``node``."""

    fact: Literal["supported-by"] = "supported-by"
    relation: str
    sources: list[str] = Field(min_length=1)

    def check(self, corpus: Corpus) -> bool:
        r = relation_in(map_of(corpus, self.map), self.relation)
        return r is not None and r.type in SUPPORT and _joins(r, self.sources, self.node)

    def _grounds(self) -> Grounds:
        return _relation_grounds(self.map, self.relation, self.sources, self.node)

    def __str__(self) -> str:
        return f"in {self.map}, {' + '.join(self.sources)} support {self.node} ({self.relation})"


class Unsupported(NodeFact):
    """Nothing in ``map`` supports ``node``: the essay asserts it without argument."""

    fact: Literal["unsupported"] = "unsupported"

    def check(self, corpus: Corpus) -> bool:
        found = node_in(corpus, self.map, self.node)
        return found is not None and not supports_into(found[0], self.node)

    def __str__(self) -> str:
        return f"nothing in {self.map} supports {self.node}"


class AttackedBy(NodeFact):
    """In ``map``, relation ``relation`` attacks ``node`` from ``sources`` (an objection the essay raises)."""

    fact: Literal["attacked-by"] = "attacked-by"
    relation: str
    sources: list[str] = Field(min_length=1)
    answered: bool = Field(description="the essay attacks the objection in turn")

    def check(self, corpus: Corpus) -> bool:
        m = map_of(corpus, self.map)
        r = relation_in(m, self.relation)
        if m is None or r is None or r.type != "attacks" or not _joins(r, self.sources, self.node):
            return False
        answered = any(x.type == "attacks" and (x.target in r.sources or x.target == r.id) for x in m.relations)
        return answered == self.answered

    def _grounds(self) -> Grounds:
        return _relation_grounds(self.map, self.relation, self.sources, self.node)

    def __str__(self) -> str:
        return (f"in {self.map}, {' + '.join(self.sources)} attack {self.node} ({self.relation}), "
                f"{'answered' if self.answered else 'unanswered'}")


class NoCitedEvidence(NodeFact):
    """No evidence node with a citation reaches ``node`` of ``map`` through supports (nor is it one)."""

    fact: Literal["no-cited-evidence"] = "no-cited-evidence"

    def check(self, corpus: Corpus) -> bool:
        found = node_in(corpus, self.map, self.node)
        if found is None:
            return False
        m = found[0]
        seen, todo = set(), [self.node]
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            n = m.node(x)
            if n is not None and n.kind == "evidence" and n.citation:
                return False
            todo += [s for r in supports_into(m, x) for s in r.sources]
        return True

    def __str__(self) -> str:
        return f"no cited evidence supports {self.node} in {self.map}"


class KindIs(NodeFact):
    """Node ``node`` of ``map`` is of kind ``kind``."""

    fact: Literal["kind"] = "kind"
    kind: Kind

    def check(self, corpus: Corpus) -> bool:
        found = node_in(corpus, self.map, self.node)
        return found is not None and found[1].kind == self.kind

    def __str__(self) -> str:
        return f"{self.map} {self.node} is a {self.kind}"


class LinesOfSupport(Fact):
    """The thesis of ``map`` has exactly the lines of support ``lines`` (relation keys)."""

    fact: Literal["lines-of-support"] = "lines-of-support"
    map: str
    lines: list[str]

    def check(self, corpus: Corpus) -> bool:
        m = map_of(corpus, self.map)
        return m is not None and sorted(self.lines) == sorted(r.key for r in supports_into(m, m.thesis.id,
                                                                                              ("supports",)))

    def _grounds(self) -> Grounds:
        return Grounds(relations=in_map(self.map, self.lines))

    def __str__(self) -> str:
        return f"the thesis of {self.map} has {len(self.lines)} lines of support"


class Rejection(NodeFact):
    """Rejecting ``node`` of ``map`` breaks exactly the thesis's lines ``breaks`` and cuts off exactly ``cuts``."""

    fact: Literal["rejection"] = "rejection"
    breaks: list[str]
    cuts: list[str]

    def check(self, corpus: Corpus) -> bool:
        found = node_in(corpus, self.map, self.node)
        if found is None:
            return False
        m = found[0]
        before, after = standing(m, None), standing(m, self.node)
        lines = [r.key for r in supports_into(m, m.thesis.id, ("supports",))]
        broken = {k for k in lines if f"rel:{k}" in before and f"rel:{k}" not in after}
        cut = {n.id for n in m.nodes if n.id != self.node and n.id in before and n.id not in after}
        return broken == set(self.breaks) and cut == set(self.cuts)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, (self.node, *self.cuts)), relations=in_map(self.map, self.breaks))

    def __str__(self) -> str:
        return f"rejecting {self.map} {self.node} breaks {self.breaks or 'no line'} and cuts off {self.cuts or 'nothing'}"




def _step_targets(m: ArgumentMap, types: tuple[str, ...]) -> list[tuple[Relation, str]]:
    """Each relation of ``types`` with the statement it leads to: its target, or, for an attack on a relation
    (an undercut), that relation's target statement."""
    by_id = {r.id: r for r in m.relations if r.id}
    out = []
    for r in m.relations:
        target, seen = r.target, set()
        while target in by_id and target not in seen:
            seen.add(target)
            target = by_id[target].target
        if r.type in types:
            out.append((r, target))
    return out


def _reaching(m: ArgumentMap, types: tuple[str, ...]) -> set[str]:
    """The statements from which a chain of relations of ``types`` leads to the thesis of ``m``."""
    steps = _step_targets(m, types)
    found, todo = {m.thesis.id}, [m.thesis.id]
    while todo:
        x = todo.pop()
        for r, target in steps:
            if target == x:
                todo += [s for s in r.sources if s not in found]
                found |= set(r.sources)
    return found


class ReachesThesis(Fact):
    """In ``map``, claim ``claim`` reaches the thesis along ``path`` (from a node bound to it): by supports alone
    (``via`` "supports"), or only through attacks, an attack on a relation leading to that relation's target
    (``via`` "any": no chain of supports exists); with no ``path``, no node bound to the claim reaches the thesis."""

    fact: Literal["reaches-thesis"] = "reaches-thesis"
    map: str
    claim: str
    path: list[str] | None = None
    via: Literal["supports", "any"] | None = None

    def check(self, corpus: Corpus) -> bool:
        m = map_of(corpus, self.map)
        starts = {n.id for n in m.nodes if n.claim == self.claim} if m is not None else set()
        if m is None or not starts:
            return False
        by_support = bool(starts & _reaching(m, SUPPORT))
        if self.path is None or self.via is None:
            return self.path is None and self.via is None and not starts & _reaching(m, (*SUPPORT, "attacks"))
        types = SUPPORT if self.via == "supports" else (*SUPPORT, "attacks")
        edges = _step_targets(m, types)
        steps = all(any(t == b and a in r.sources for r, t in edges)
                    for a, b in zip(self.path, self.path[1:], strict=False))
        return (self.path[0] in starts and self.path[-1] == m.thesis.id and steps
                and by_support == (self.via == "supports"))

    def _grounds(self) -> Grounds:
        rels = [f"{self.map}:{a}->{b}" for a, b in zip(self.path or [], (self.path or [])[1:], strict=False)]
        return Grounds(nodes=[f"{self.map}:{x}" for x in self.path or []], relations=rels, claims=[self.claim])

    def __str__(self) -> str:
        if self.path is None:
            return f"in {self.map}, claim '{self.claim}' has no path to the thesis"
        how = "by supports" if self.via == "supports" else "only through attacks"
        return f"in {self.map}, claim '{self.claim}' reaches the thesis {how}: {' → '.join(self.path)}"
