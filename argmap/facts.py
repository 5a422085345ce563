"""Typed facts about a pair of essays' maps: what classroom material may say, each checked against the corpus.

Every sentence the handout, its questions and model answers write about the essays is built from facts such as
"both maps bind claim X with stance S" or "node N lies on a path to map M's thesis".  Each fact knows how to
:meth:`~Fact.check` itself against the corpus, reading the maps and the registry directly (never the code that
proposed it), and names its :attr:`~Fact.grounds`: the node, relation and claim ids a reader can look up.
:func:`require` refuses a fact whose check fails, so a template never words what the maps do not say.

Definitions used by the checks (one place for each):

* a *support* is a relation of type ``supports`` or ``example``; a *line of support* of a thesis is a relation of
  type ``supports`` whose target is the thesis (an example illustrates; an objection attacks);
* a node *stands* when it is not rejected and either nothing supports it (the essay asserts it) or all the
  sources of one of its ``supports`` relations stand; rejecting a node *breaks* a line whose sources stood and no
  longer all stand, and *cuts off* a node that stood and stands no more;
* a citation *backs* a claim in a map when the evidence node carrying it is bound to the claim, or is a source of a
  support whose target is bound to it; a node rests on *no cited evidence* when no evidence node with a citation
  reaches it through supports;
* two assumptions fill *the same gap* when each is a source of a ``supports`` relation in its map, the two
  relations' targets are bound to one claim, and their other sources are bound to the same claims.

>>> from argmap.corpus import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> Binds(map="enforcer", claim="russia-silent", stance="affirms", nodes=["P1"]).check(corpus)
True
>>> Binds(map="enforcer", claim="russia-silent", stance="denies", nodes=["P1"]).check(corpus)
False
>>> f = OnPath(map="bankruptcy", path=["P2", "T"])
>>> f.check(corpus), f.grounds.relations
(True, ['bankruptcy:P2->T'])
>>> require(corpus, [Binds(map="enforcer", claim="russia-silent", stance="denies", nodes=["P1"])])
Traceback (most recent call last):
argmap.facts.UngroundedFact: the maps do not support: enforcer binds claim 'russia-silent' with stance denies (P1)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, computed_field

from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Kind, Relation, RelationKind, Stance

if TYPE_CHECKING:
    from argmap.corpus import Corpus

__all__ = [
    "AnyFact",
    "AttackedBy",
    "Binds",
    "CitationFor",
    "Cites",
    "Fact",
    "Grounds",
    "KindIs",
    "LinesOfSupport",
    "NoCitedEvidence",
    "OnPath",
    "OnlyIn",
    "Rejection",
    "RelationIs",
    "SameGap",
    "SupportedBy",
    "TitleInEssay",
    "UngroundedFact",
    "Unsupported",
    "failed",
    "require",
]

_FROZEN = ConfigDict(frozen=True, extra="ignore")  # "grounds" is computed: read back, it is ignored
_SUPPORT = ("supports", "example")


class UngroundedFact(ArgmapError):
    """A sentence was about to state a fact the maps do not support."""


class Grounds(BaseModel):
    """What a fact rests on: ``map:node`` ids, ``map:relation`` keys and registry claim ids."""

    model_config = _FROZEN
    nodes: list[str] = Field(default_factory=list)
    relations: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)


def _map(corpus: Corpus, map_id: str) -> ArgumentMap | None:
    found = corpus.maps.get(map_id)
    return found.model if found is not None else None


def _supports_into(m: ArgumentMap, node: str, types: Sequence[str] = _SUPPORT) -> list[Relation]:
    return [r for r in m.relations if r.type in types and r.target == node]


def _bound(m: ArgumentMap, claim: str) -> list[str]:
    return [n.id for n in m.nodes if n.claim == claim]


def _standing(m: ArgumentMap, rejected: str | None) -> set[str]:
    """Nodes that stand with ``rejected`` rejected (see the module's definitions); relations by ``rel:<key>``."""
    memo: dict[str, bool] = {}

    def stands(x: str, depth: int = 0) -> bool:
        if x not in memo:
            memo[x] = False  # a cycle does not hold itself up
            rels = _supports_into(m, x, ("supports",))
            memo[x] = x != rejected and (not rels or any(all(stands(s, depth + 1) for s in r.sources) for r in rels))
        return memo[x]

    out = {n.id for n in m.nodes if stands(n.id)}
    out |= {f"rel:{r.key}" for r in m.relations if r.type == "supports" and all(s in out for s in r.sources)}
    return out


class Fact(BaseModel):
    """A statement about the maps that :meth:`check` verifies against the corpus."""

    model_config = _FROZEN

    def check(self, corpus: Corpus) -> bool:  # pragma: no cover - every fact type overrides it
        raise NotImplementedError

    def _grounds(self) -> Grounds:  # pragma: no cover - every fact type overrides it
        raise NotImplementedError

    @computed_field  # type: ignore[prop-decorator]
    @property
    def grounds(self) -> Grounds:
        """The node, relation and claim ids the fact rests on."""
        return self._grounds()

    def __str__(self) -> str:  # pragma: no cover - every fact type overrides it
        return repr(self)


class Binds(Fact):
    """Map ``map`` binds ``claim`` with ``stance``, through ``nodes`` (every node it names is bound so)."""

    fact: Literal["binds"] = "binds"
    map: str
    claim: str
    stance: Stance
    nodes: list[str] = Field(min_length=1)

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        if m is None or corpus.registry.get(self.claim) is None:
            return False
        for x in self.nodes:
            n = m.node(x)
            if n is None or n.claim != self.claim or n.effective_stance != self.stance:
                return False
        return True

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{x}" for x in self.nodes], claims=[self.claim])

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
        models = [_map(corpus, x) for x in self.maps]
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


class OnPath(Fact):
    """``path[0]`` reaches ``path[-1]`` in ``map`` through supports, step by step; with ``to_thesis``, the last node
    is the map's thesis (so every node of the path lies on a path to it)."""

    fact: Literal["on-path"] = "on-path"
    map: str
    path: list[str] = Field(min_length=1)
    to_thesis: bool = True

    def _steps(self, m: ArgumentMap) -> list[Relation | None]:
        return [next((r for r in m.relations if r.type in _SUPPORT and r.target == b and a in r.sources), None)
                for a, b in zip(self.path, self.path[1:], strict=False)]

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        if m is None or any(m.node(x) is None for x in self.path):
            return False
        if self.to_thesis and self.path[-1] != m.thesis.id:
            return False
        return all(r is not None for r in self._steps(m))

    def _grounds(self) -> Grounds:
        rels = [f"{self.map}:{a}->{b}" for a, b in zip(self.path, self.path[1:], strict=False)]
        return Grounds(nodes=[f"{self.map}:{x}" for x in self.path], relations=rels)

    def __str__(self) -> str:
        end = " (the thesis)" if self.to_thesis else ""
        return f"in {self.map}, {' → '.join(self.path)}{end} is a chain of supports"


class SupportedBy(Fact):
    """In ``map``, relation ``relation`` (a support) has exactly ``sources`` and targets ``node``."""

    fact: Literal["supported-by"] = "supported-by"
    map: str
    node: str
    relation: str
    sources: list[str] = Field(min_length=1)

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        r = next((r for r in m.relations if r.key == self.relation), None) if m is not None else None
        return r is not None and r.type in _SUPPORT and r.target == self.node and list(r.sources) == self.sources

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{x}" for x in (*self.sources, self.node)],
                       relations=[f"{self.map}:{self.relation}"])

    def __str__(self) -> str:
        return f"in {self.map}, {' + '.join(self.sources)} support {self.node} ({self.relation})"


class Unsupported(Fact):
    """Nothing in ``map`` supports ``node``: the essay asserts it without argument."""

    fact: Literal["unsupported"] = "unsupported"
    map: str
    node: str

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        return m is not None and m.node(self.node) is not None and not _supports_into(m, self.node)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{self.node}"])

    def __str__(self) -> str:
        return f"nothing in {self.map} supports {self.node}"


class AttackedBy(Fact):
    """In ``map``, relation ``relation`` attacks ``node`` from ``sources`` (an objection the essay raises)."""

    fact: Literal["attacked-by"] = "attacked-by"
    map: str
    node: str
    relation: str
    sources: list[str] = Field(min_length=1)
    answered: bool = Field(description="the essay attacks the objection in turn")

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        r = next((r for r in m.relations if r.key == self.relation), None) if m is not None else None
        if m is None or r is None or r.type != "attacks" or r.target != self.node or list(r.sources) != self.sources:
            return False
        answered = any(x.type == "attacks" and (x.target in r.sources or x.target == r.id) for x in m.relations)
        return answered == self.answered

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{x}" for x in (*self.sources, self.node)],
                       relations=[f"{self.map}:{self.relation}"])

    def __str__(self) -> str:
        return (f"in {self.map}, {' + '.join(self.sources)} attack {self.node} ({self.relation}), "
                f"{'answered' if self.answered else 'unanswered'}")


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
        m = _map(corpus, self.map)
        n = m.node(self.evidence) if m is not None else None
        if m is None or n is None or n.kind != "evidence" or self.citation not in (n.citation or []):
            return False
        if self.via is None:
            return n.claim == self.claim
        r = next((r for r in m.relations if r.key == self.via), None)
        return (r is not None and r.type in _SUPPORT and self.evidence in r.sources
                and r.target in _bound(m, self.claim))

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{self.evidence}"], claims=[self.claim],
                       relations=[f"{self.map}:{self.via}"] if self.via else [])

    def __str__(self) -> str:
        return f"in {self.map}, {self.evidence} cites “{self.citation}” for claim '{self.claim}'"


class Cites(Fact):
    """Evidence node ``evidence`` of ``map`` gives the source ``citation``."""

    fact: Literal["cites"] = "cites"
    map: str
    evidence: str
    citation: str

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        n = m.node(self.evidence) if m is not None else None
        return n is not None and n.kind == "evidence" and self.citation in (n.citation or [])

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{self.evidence}"])

    def __str__(self) -> str:
        return f"{self.map} {self.evidence} cites “{self.citation}”"


class NoCitedEvidence(Fact):
    """No evidence node with a citation reaches ``node`` of ``map`` through supports (nor is it one)."""

    fact: Literal["no-cited-evidence"] = "no-cited-evidence"
    map: str
    node: str

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        if m is None or m.node(self.node) is None:
            return False
        seen, todo = set(), [self.node]
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            n = m.node(x)
            if n is not None and n.kind == "evidence" and n.citation:
                return False
            todo += [s for r in _supports_into(m, x) for s in r.sources]
        return True

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{self.node}"])

    def __str__(self) -> str:
        return f"no cited evidence supports {self.node} in {self.map}"


class OnlyIn(Fact):
    """Node ``node`` of ``map`` makes a claim that ``other`` does not: it is bound to no claim, or to one that no
    node of ``other`` is bound to."""

    fact: Literal["only-in"] = "only-in"
    map: str
    node: str
    other: str

    def check(self, corpus: Corpus) -> bool:
        m, o = _map(corpus, self.map), _map(corpus, self.other)
        n = m.node(self.node) if m is not None else None
        return m is not None and o is not None and n is not None and self.map != self.other \
            and (n.claim is None or not _bound(o, n.claim))

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{self.node}"])

    def __str__(self) -> str:
        return f"{self.map} {self.node} says what {self.other} does not"


class KindIs(Fact):
    """Node ``node`` of ``map`` is of kind ``kind``."""

    fact: Literal["kind"] = "kind"
    map: str
    node: str
    kind: Kind

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        n = m.node(self.node) if m is not None else None
        return n is not None and n.kind == self.kind

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{self.node}"])

    def __str__(self) -> str:
        return f"{self.map} {self.node} is a {self.kind}"


class LinesOfSupport(Fact):
    """The thesis of ``map`` has exactly the lines of support ``lines`` (relation keys)."""

    fact: Literal["lines-of-support"] = "lines-of-support"
    map: str
    lines: list[str]

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        return m is not None and sorted(self.lines) == sorted(r.key for r in _supports_into(m, m.thesis.id,
                                                                                              ("supports",)))

    def _grounds(self) -> Grounds:
        return Grounds(relations=[f"{self.map}:{k}" for k in self.lines])

    def __str__(self) -> str:
        return f"the thesis of {self.map} has {len(self.lines)} lines of support"


class Rejection(Fact):
    """Rejecting ``node`` of ``map`` breaks exactly the thesis's lines ``breaks`` and cuts off exactly ``cuts``."""

    fact: Literal["rejection"] = "rejection"
    map: str
    node: str
    breaks: list[str]
    cuts: list[str]

    def check(self, corpus: Corpus) -> bool:
        m = _map(corpus, self.map)
        if m is None or m.node(self.node) is None:
            return False
        before, after = _standing(m, None), _standing(m, self.node)
        lines = [r.key for r in _supports_into(m, m.thesis.id, ("supports",))]
        broken = {k for k in lines if f"rel:{k}" in before and f"rel:{k}" not in after}
        thesis = m.thesis.id
        cut = {n.id for n in m.nodes if n.id != self.node and n.id in before and n.id not in after}
        if thesis in cut and not lines:
            cut.discard(thesis)  # a thesis that stands by its defence alone is not cut off by losing support
        return broken == set(self.breaks) and cut == set(self.cuts)

    def _grounds(self) -> Grounds:
        return Grounds(nodes=[f"{self.map}:{x}" for x in (self.node, *self.cuts)],
                       relations=[f"{self.map}:{k}" for k in self.breaks])

    def __str__(self) -> str:
        return f"rejecting {self.map} {self.node} breaks {self.breaks or 'no line'} and cuts off {self.cuts or 'nothing'}"


class SameGap(Fact):
    """Assumption ``left[1]`` of map ``left[0]`` (in relation ``left[2]``) and its counterpart on the right fill the
    same gap: their relations reach the same claim from premises bound to the same claims."""

    fact: Literal["same-gap"] = "same-gap"
    left: tuple[str, str, str]
    right: tuple[str, str, str]

    def _step(self, corpus: Corpus, side: tuple[str, str, str]) -> tuple[str | None, frozenset[str | None]] | None:
        map_id, aid, key = side
        m = _map(corpus, map_id)
        a = m.node(aid) if m is not None else None
        r = next((r for r in m.relations if r.key == key), None) if m is not None else None
        if m is None or a is None or a.kind != "assumption" or r is None or r.type != "supports" \
                or aid not in r.sources:
            return None
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


AnyFact = Annotated[
    Union[Binds, RelationIs, OnPath, SupportedBy, Unsupported, AttackedBy, CitationFor, Cites,  # noqa: UP007
          NoCitedEvidence,
          OnlyIn, KindIs, LinesOfSupport, Rejection, SameGap, TitleInEssay],
    Field(discriminator="fact")]
"""Any fact, as it appears in JSON (its ``fact`` field names its type)."""


def failed(corpus: Corpus, facts: Iterable[Fact]) -> list[Fact]:
    """The facts of ``facts`` whose check fails against ``corpus``."""
    return [f for f in facts if not f.check(corpus)]


def require(corpus: Corpus, facts: Iterable[Fact]) -> None:
    """Raise :class:`UngroundedFact` naming every fact the maps do not support (see the module example)."""
    bad = failed(corpus, facts)
    if bad:
        raise UngroundedFact("the maps do not support: " + "; ".join(str(f) for f in bad))
