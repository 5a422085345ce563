"""Facts about shared claims: how each map binds a claim, how the maps relate on it, what one map says alone,
which sources back it, gaps both maps leave in the same step, and whether a title is the essay's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from argmap.format.model import Node, RelationKind, Stance
from argmap.queries.facts.base import SUPPORT, Fact, Grounds, NodeFact, bound, in_map, map_of, node_in, relation_in

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["Binds", "CitationFor", "Cites", "OnlyIn", "RelationIs", "SameGap", "TitleInEssay"]


class Binds(Fact):
    """Map ``map`` binds ``claim`` with ``stance``, through ``nodes`` (every node it names is bound so)."""

    fact: Literal["binds"] = "binds"
    map: str
    claim: str
    stance: Stance
    nodes: list[str] = Field(min_length=1)

    def check(self, corpus: Corpus) -> bool:
        found = [node_in(corpus, self.map, x) for x in self.nodes]
        return corpus.registry.get(self.claim) is not None and all(
            f is not None and f[1].claim == self.claim and f[1].effective_stance == self.stance for f in found)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, self.nodes), claims=[self.claim])

    def __str__(self) -> str:
        return f"{self.map} binds claim '{self.claim}' with stance {self.stance} ({', '.join(self.nodes)})"


class RelationIs(Fact):
    """The two maps relate on ``claim`` as ``relation``: declared in the registry, else read from the stances."""

    fact: Literal["relation"] = "relation"
    claim: str
    maps: list[str] = Field(min_length=2, max_length=2)
    relation: RelationKind

    def check(self, corpus: Corpus) -> bool:
        claim = corpus.registry.get(self.claim)
        models = [map_of(corpus, x) for x in self.maps]
        if claim is None or any(m is None for m in models) or self.maps[0] == self.maps[1]:
            return False
        stances = [{n.effective_stance for n in m.nodes if n.claim == self.claim} for m in models if m is not None]
        if not all(stances):
            return False  # both maps must bind it
        mixed = len(stances[0] | stances[1]) > 1
        if claim.relation in ("agree", "differ"):
            return self.relation == claim.relation and not mixed
        if claim.relation == "tension":
            return self.relation == ("tension" if mixed else "agree")
        return self.relation == ("contradict" if mixed else "agree")

    def _grounds(self) -> Grounds:
        return Grounds(claims=[self.claim])

    def __str__(self) -> str:
        return f"the relation of {' and '.join(self.maps)} on claim '{self.claim}' is {self.relation}"


class CitationFor(Fact):
    """Citation ``citation`` belongs to evidence ``evidence`` of ``map``, which backs ``claim`` there: it is bound
    to the claim, or supports (by relation ``via``) a node bound to it."""

    fact: Literal["citation-for"] = "citation-for"
    map: str
    claim: str
    evidence: str
    citation: str
    via: str | None = None

    def check(self, corpus: Corpus) -> bool:
        found = node_in(corpus, self.map, self.evidence)
        if found is None or not _carries(found[1], self.citation):
            return False
        m, n = found
        if self.via is None:
            return n.claim == self.claim
        r = relation_in(m, self.via)
        return (r is not None and r.type in SUPPORT and self.evidence in r.sources
                and r.target in bound(m, self.claim))

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, [self.evidence]), claims=[self.claim],
                       relations=in_map(self.map, [self.via] if self.via else []))

    def __str__(self) -> str:
        return f"in {self.map}, {self.evidence} cites “{self.citation}” for claim '{self.claim}'"


def _carries(n: Node, citation: str) -> bool:
    """``n`` is an evidence node that gives the source ``citation``."""
    return n.kind == "evidence" and citation in (n.citation or [])


class Cites(Fact):
    """Evidence node ``evidence`` of ``map`` gives the source ``citation``."""

    fact: Literal["cites"] = "cites"
    map: str
    evidence: str
    citation: str

    def check(self, corpus: Corpus) -> bool:
        found = node_in(corpus, self.map, self.evidence)
        return found is not None and _carries(found[1], self.citation)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, [self.evidence]))

    def __str__(self) -> str:
        return f"{self.map} {self.evidence} cites “{self.citation}”"


class OnlyIn(NodeFact):
    """Node ``node`` of ``map`` makes a claim that ``other`` does not: it is bound to no claim, or to one that no
    node of ``other`` is bound to."""

    fact: Literal["only-in"] = "only-in"
    other: str

    def check(self, corpus: Corpus) -> bool:
        found, o = node_in(corpus, self.map, self.node), map_of(corpus, self.other)
        claim = found[1].claim if found is not None else None
        return found is not None and o is not None and self.map != self.other and (claim is None or not bound(o, claim))

    def __str__(self) -> str:
        return f"{self.map} {self.node} says what {self.other} does not"


class SameGap(Fact):
    """Assumption ``left[1]`` of map ``left[0]`` (in relation ``left[2]``) and its counterpart on the right fill the
    same gap: their relations reach the same claim from premises bound to the same claims."""

    fact: Literal["same-gap"] = "same-gap"
    left: tuple[str, str, str]
    right: tuple[str, str, str]

    def _step(self, corpus: Corpus, side: tuple[str, str, str]) -> tuple[str | None, frozenset[str | None]] | None:
        map_id, aid, key = side
        found = node_in(corpus, map_id, aid)
        r = relation_in(found[0], key) if found is not None else None
        if found is None or found[1].kind != "assumption" or r is None or r.type != "supports" or aid not in r.sources:
            return None
        m = found[0]
        target = m.node(r.target)
        givens = [m.node(s) for s in r.sources if s != aid]
        if target is None or target.claim is None or not givens or any(g is None or g.claim is None for g in givens):
            return None
        return target.claim, frozenset(g.claim for g in givens if g is not None)

    def check(self, corpus: Corpus) -> bool:
        a, b = self._step(corpus, self.left), self._step(corpus, self.right)
        return a is not None and a == b and self.left[0] != self.right[0]

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{s[0]}:{s[1]}" for s in (self.left, self.right)],
                       relations=[f"{s[0]}:{s[2]}" for s in (self.left, self.right)])

    def __str__(self) -> str:
        return (f"{self.left[0]} {self.left[1]} and {self.right[0]} {self.right[1]} fill the same step "
                f"({self.left[2]}; {self.right[2]})")


class TitleInEssay(Fact):
    """The title of ``map`` is the essay's own: it appears in the essay's text (``given``), or it does not."""

    fact: Literal["title-in-essay"] = "title-in-essay"
    map: str
    given: bool

    def check(self, corpus: Corpus) -> bool:
        gm = corpus.maps.get(self.map)
        return gm is not None and gm.essay.find(gm.model.title) is not None if self.given else \
            gm is not None and gm.essay.find(gm.model.title) is None

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:title"])

    def __str__(self) -> str:
        return f"the title of {self.map} {'is' if self.given else 'is not'} in the essay"


