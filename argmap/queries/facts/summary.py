"""Facts that sum up a map or a comparison rather than one claim: which nodes a thesis cannot lose, which shared
claims link the two arguments most, that the maps contradict each other on no claim, and that one map says nothing
in its main lines that the other does not.

"Links most" has one meaning everywhere it is written (the handout's appendix, the site's comparison page and its
index, the slides' order): betweenness centrality in the merge of the maps taken as undirected, the share of
shortest routes between their statements that pass through the claim.  :class:`MostCentral` recomputes it from the
maps and the registry through the merge rule (:func:`argmap.graph.merge.merge_maps`), not through the ranking code
that proposed the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from argmap.checks.defence import defended
from argmap.queries.facts.base import Fact, Grounds, bound, in_map, map_of, standing, supports_into
from argmap.queries.facts.claims import RelationIs

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["LoadBearing", "MainLinesShared", "MostCentral", "NoContradiction"]


class MostCentral(Fact):
    """``claims`` are shared claims of ``maps`` (each bound by two or more of them), most central first, with the
    betweenness ``scores`` (4 decimals); no shared claim left out scores higher than the last one listed."""

    fact: Literal["most-central"] = "most-central"
    maps: list[str] = Field(min_length=2)
    claims: list[str] = Field(min_length=1)
    scores: list[float]

    def check(self, corpus: Corpus) -> bool:
        import networkx as nx

        from argmap.graph.merge import CLAIM_PREFIX, merge_maps

        models = [map_of(corpus, x) for x in self.maps]
        if any(m is None for m in models) or len(set(self.maps)) < len(self.maps) \
                or len(self.scores) != len(self.claims):
            return False
        g = merge_maps([m for m in models if m is not None], corpus.registry)
        between = nx.betweenness_centrality(g.to_undirected(as_view=True), normalized=True)
        shared = {k[len(CLAIM_PREFIX):]: round(between[k], 4) for k, d in g.nodes(data=True)
                  if k.startswith(CLAIM_PREFIX) and len(d["maps"]) >= 2}
        if any(c not in shared or shared[c] != s for c, s in zip(self.claims, self.scores, strict=True)):
            return False
        ranked = all(a >= b for a, b in zip(self.scores, self.scores[1:], strict=False))
        return ranked and all(s <= self.scores[-1] for c, s in shared.items() if c not in self.claims)

    def _grounds(self) -> Grounds:
        return Grounds(claims=list(self.claims))

    def __str__(self) -> str:
        return f"the shared claims of {' and '.join(self.maps)} that link them most are {', '.join(self.claims)}"


class NoContradiction(Fact):
    """The two maps contradict each other on no claim of the registry (see :class:`RelationIs`)."""

    fact: Literal["no-contradiction"] = "no-contradiction"
    maps: list[str] = Field(min_length=2, max_length=2)

    def check(self, corpus: Corpus) -> bool:
        if any(map_of(corpus, x) is None for x in self.maps) or self.maps[0] == self.maps[1]:
            return False
        return not any(RelationIs(claim=c.id, maps=self.maps, relation="contradict").check(corpus)
                       for c in corpus.registry.claims)

    def _grounds(self) -> Grounds:
        return Grounds()

    def __str__(self) -> str:
        return f"{' and '.join(self.maps)} contradict each other on no claim"


class LoadBearing(Fact):
    """Exactly ``nodes`` of ``map`` are load-bearing: rejecting one of them alone leaves the thesis standing on
    nothing, no line of support and no defence (a thesis that rests on neither, a ground, has none)."""

    fact: Literal["load-bearing"] = "load-bearing"
    map: str
    nodes: list[str]

    def check(self, corpus: Corpus) -> bool:
        m = map_of(corpus, self.map)
        if m is None:
            return False
        t = m.thesis.id
        rests = bool(supports_into(m, t, ("supports",))) or defended(m, t)
        found = {n.id for n in m.nodes if rests and n.id != t and t not in standing(m, n.id)}
        return found == set(self.nodes)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, self.nodes))

    def __str__(self) -> str:
        return f"the load-bearing nodes of {self.map} are {', '.join(self.nodes) or 'none'}"


class MainLinesShared(Fact):
    """Every main line of ``map`` (a premise a relation joins straight to the thesis, or a conclusion) is bound to a
    claim that ``other`` binds too: ``map`` claims nothing there alone."""

    fact: Literal["main-lines-shared"] = "main-lines-shared"
    map: str
    other: str

    def check(self, corpus: Corpus) -> bool:
        m, o = map_of(corpus, self.map), map_of(corpus, self.other)
        if m is None or o is None or self.map == self.other:
            return False
        near = {s for r in m.relations if r.target == m.thesis.id for s in r.sources}
        main = [n for n in m.nodes if n.kind == "conclusion" or (n.kind == "premise" and n.id in near)]
        return all(n.claim is not None and bound(o, n.claim) for n in main)

    def _grounds(self) -> Grounds:
        return Grounds()

    def __str__(self) -> str:
        return f"every main line of {self.map} is on a claim {self.other} binds too"
