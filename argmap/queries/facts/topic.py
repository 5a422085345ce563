"""Facts about a topic of two or more essays: the topic question and each essay's stance on it, which essays make a
claim and how each takes it, how the essays relate on it, objections one essay leaves unanswered, and statements
bound to no claim.

Definitions used by the checks (one place for each, as :func:`argmap.queries.topic.compare_topic` states them):

* an essay *makes* a claim when a node of its map is bound to it; it *takes* the claim ``affirms``, ``denies`` or
  ``affirms-and-denies`` by the stances of those nodes, or ``differs`` when the registry declares that the essays
  give different answers to it (relation ``differ``);
* the *topic question* is the claim the most theses bind, ties broken by the registry's order, then by id;
* an *objection* against claim X taken with stance S is a source of an ``attacks`` relation whose target is bound to
  X with S; an essay that takes X with S *answers* it when it makes the objection's own claim.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> MadeBy(claim="russia-not-protector", maps=["bankruptcy", "enforcer"], by=["bankruptcy", "enforcer"]).check(corpus)
True
>>> MadeBy(claim="russia-not-protector", maps=["bankruptcy", "enforcer"], by=["enforcer"]).check(corpus)
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from argmap.format.model import ArgumentMap, RelationKind, Stance
from argmap.queries.facts.base import Fact, Grounds, bound, in_map
from argmap.queries.facts.topic_index import index_of, map_in

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["EssayOnClaim", "MadeBy", "NothingIn", "RelationAmong", "StanceOnTopic", "TopicQuestion", "Unanswered",
           "Unbound"]

TakesClaim = Literal["affirms", "denies", "affirms-and-denies", "differs"]

def _models(corpus: Corpus, ids: list[str]) -> list[ArgumentMap] | None:
    """The maps ``ids`` of ``corpus``; None when one is missing or named twice (a topic has different essays)."""
    found = [map_in(corpus, i) for i in ids]
    if len(set(ids)) != len(ids) or any(m is None for m in found):
        return None
    return [m for m in found if m is not None]


def _stances(m: ArgumentMap, claim: str) -> set[Stance]:
    return {n.effective_stance or "affirms" for n in index_of(m).by_claim.get(claim, [])}


class TopicQuestion(Fact):
    """Of the theses of ``maps``, the most are bound to ``claim`` (ties: the registry's order, then the id); with no
    ``claim``, no thesis is bound to a claim."""

    fact: Literal["topic-question"] = "topic-question"
    maps: list[str] = Field(min_length=2)
    claim: str | None

    def check(self, corpus: Corpus) -> bool:
        models = _models(corpus, self.maps)
        if models is None:
            return False
        theses = [m.thesis.claim for m in models if m.thesis.claim]
        if self.claim is None or not theses:
            return self.claim is None and not theses
        order = [c.id for c in corpus.registry.claims]

        def rank(c: str) -> tuple[int, int, str]:
            return -theses.count(c), order.index(c) if c in order else len(order), c

        return min(theses, key=rank) == self.claim

    def _grounds(self) -> Grounds:
        return Grounds(claims=[self.claim] if self.claim else [])

    def __str__(self) -> str:
        return f"the topic question of {', '.join(self.maps)} is claim '{self.claim}'"


class StanceOnTopic(Fact):
    """Essay ``map`` takes ``stance`` on the topic claim ``claim`` through ``node``: its thesis when the thesis is
    bound to the claim, else a node bound to it; ``none`` (and no node) when no node of it is bound to the claim."""

    fact: Literal["topic-stance"] = "topic-stance"
    map: str
    claim: str
    stance: Literal["affirms", "denies", "none"]
    node: str | None

    def check(self, corpus: Corpus) -> bool:
        m = map_in(corpus, self.map)
        if m is None:
            return False
        if self.stance == "none":
            return self.node is None and not bound(m, self.claim)
        n = m.node(self.node) if self.node is not None else None
        thesis_bound = m.thesis.claim == self.claim
        return (n is not None and n.claim == self.claim and n.effective_stance == self.stance
                and (not thesis_bound or n.id == m.thesis.id))

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, [self.node] if self.node else []), claims=[self.claim])

    def __str__(self) -> str:
        how = "takes no stance on" if self.stance == "none" else f"{self.stance} ({self.node})"
        return f"{self.map} {how} the topic claim '{self.claim}'"


class MadeBy(Fact):
    """Of the essays ``maps``, exactly ``by`` make claim ``claim``."""

    fact: Literal["made-by"] = "made-by"
    claim: str
    maps: list[str] = Field(min_length=2)
    by: list[str] = Field(min_length=1)

    def check(self, corpus: Corpus) -> bool:
        models = _models(corpus, self.maps)
        return models is not None and {m.id for m in models if _makes(m, self.claim)} == set(self.by) \
            and len(set(self.by)) == len(self.by)

    def _grounds(self) -> Grounds:
        return Grounds(claims=[self.claim])

    def __str__(self) -> str:
        return (f"claim '{self.claim}' is made by {len(self.by)} of the {len(self.maps)} essays "
                f"({', '.join(self.by)})")


class EssayOnClaim(Fact):
    """Essay ``map`` takes claim ``claim`` as ``takes`` (see the module's definitions); ``nodes`` are exactly its
    nodes bound to the claim."""

    fact: Literal["essay-on-claim"] = "essay-on-claim"
    map: str
    claim: str
    takes: TakesClaim
    nodes: list[str] = Field(min_length=1)

    def check(self, corpus: Corpus) -> bool:
        m = map_in(corpus, self.map)
        if m is None or sorted(bound(m, self.claim)) != sorted(self.nodes):
            return False
        declared = corpus.registry.get(self.claim)
        if declared is not None and declared.relation == "differ":
            return self.takes == "differs"
        stances = _stances(m, self.claim)
        return self.takes == ("affirms-and-denies" if len(stances) > 1 else next(iter(stances)))

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, self.nodes), claims=[self.claim])

    def __str__(self) -> str:
        return f"{self.map} {self.takes} claim '{self.claim}' ({', '.join(self.nodes)})"


class RelationAmong(Fact):
    """The essays of ``maps`` that make ``claim`` (two or more) relate on it as ``relation``: the registry's
    ``agree`` or ``differ``; for a declared ``tension``, ``tension`` when both stances are taken; otherwise
    ``contradict`` when both stances are taken, else ``agree``."""

    fact: Literal["relation-among"] = "relation-among"
    claim: str
    maps: list[str] = Field(min_length=2)
    relation: RelationKind

    def check(self, corpus: Corpus) -> bool:
        models = _models(corpus, self.maps)
        makers = [m for m in models or [] if _makes(m, self.claim)]
        if len(makers) < 2:
            return False
        mixed = len({s for m in makers for s in _stances(m, self.claim)}) > 1
        declared = corpus.registry.get(self.claim)
        relation = declared.relation if declared is not None else None
        if relation in ("agree", "differ"):
            return self.relation == relation
        if relation == "tension":
            return self.relation == ("tension" if mixed else "agree")
        return self.relation == ("contradict" if mixed else "agree")

    def _grounds(self) -> Grounds:
        return Grounds(claims=[self.claim])

    def __str__(self) -> str:
        return f"the essays of {', '.join(self.maps)} that make claim '{self.claim}' {self.relation}"


def _makes(m: ArgumentMap, claim: str) -> bool:
    return claim in index_of(m).by_claim


def _answers(m: ArgumentMap, objection: ArgumentMap, node: str) -> bool:
    """Essay ``m`` makes the claim of node ``node`` of ``objection``."""
    claim = index_of(objection).claim_of.get(node)
    return claim is not None and _makes(m, claim)


class Unanswered(Fact):
    """Node ``node`` of ``by`` is an objection against ``claim`` taken with ``stance``; essay ``map`` takes the claim
    with that stance too and does not answer the objection (see the module's definitions)."""

    fact: Literal["unanswered"] = "unanswered"
    map: str
    claim: str
    stance: Stance
    by: str
    node: str

    def check(self, corpus: Corpus) -> bool:
        m, mb = map_in(corpus, self.map), map_in(corpus, self.by)
        if m is None or mb is None or self.map == self.by:
            return False
        raised = (self.node, self.claim, self.stance) in index_of(mb).objections
        return raised and self.stance in _stances(m, self.claim) and not _answers(m, mb, self.node)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.by, [self.node]), claims=[self.claim])

    def __str__(self) -> str:
        return f"{self.by} {self.node} objects to claim '{self.claim}' ({self.stance}) and {self.map} never answers it"


class NothingIn(Fact):
    """Among the essays ``maps``, ``section`` is empty: no claim is made by two or more (``shared``), every
    objection is answered by each essay that takes the claim it attacks (``unanswered``), or every claim one makes
    another makes too (``alone``)."""

    fact: Literal["nothing-in"] = "nothing-in"
    maps: list[str] = Field(min_length=2)
    section: Literal["shared", "unanswered", "alone"]

    def check(self, corpus: Corpus) -> bool:
        models = _models(corpus, self.maps)
        if models is None:
            return False
        claims = {n.claim for m in models for n in m.nodes if n.claim}
        makers = {c: sum(_makes(m, c) for m in models) for c in claims}
        if self.section == "shared":
            return all(k < 2 for k in makers.values())
        if self.section == "alone":
            return all(k != 1 for k in makers.values())
        return not any(stance in _stances(m, claim) and not _answers(m, mb, node)
                       for mb in models for node, claim, stance in index_of(mb).objections for m in models if m is not mb)

    def _grounds(self) -> Grounds:
        return Grounds()  # a whole section: it rests on every statement of the maps

    def __str__(self) -> str:
        return f"among {', '.join(self.maps)}, there is nothing {self.section}"


class Unbound(Fact):
    """Exactly ``nodes`` of ``map`` are bound to no claim."""

    fact: Literal["unbound"] = "unbound"
    map: str
    nodes: list[str]

    def check(self, corpus: Corpus) -> bool:
        m = map_in(corpus, self.map)
        return m is not None and [n.id for n in m.nodes if n.claim is None] == self.nodes

    def _grounds(self) -> Grounds:
        return Grounds(nodes=in_map(self.map, self.nodes))

    def __str__(self) -> str:
        return f"{len(self.nodes)} statement(s) of {self.map} are bound to no claim"
