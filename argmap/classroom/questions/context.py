"""What the question generators share: the comparison computed once, the draft tuple, and phrasing helpers.

A generator takes a :class:`Context` and returns :class:`~argmap.classroom.questions.model.Draft`
records; the package numbers them into :class:`~argmap.classroom.questions.model.Question` objects.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> c.other("bankruptcy").id
'enforcer'
>>> text, facts = impact_said(c, "enforcer", "T")
>>> text.startswith("enforcer: rejecting T cuts nothing else off"), [f.fact for f in facts]
(True, ['rejection', 'lines-of-support'])
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions.model import CitedNode, Draft, node_of, node_ref
from argmap.classroom.wording import count, inside
from argmap.corpus.load import Corpus
from argmap.format.model import ArgumentMap, Node
from argmap.queries.analysis import MapStructure, cited_support, map_structure
from argmap.queries.centrality import ClaimCentrality, shared_centrality
from argmap.queries.facts import Binds, Fact, KindIs, LinesOfSupport, OnPath, Rejection, SupportedBy
from argmap.queries.results import Comparison

__all__ = [
    "Context",
    "Draft",
    "PairAnalysis",
    "Said",
    "analyse_pair",
    "binds",
    "chain",
    "draft",
    "impact_line",
    "impact_said",
    "join_and",
    "label",
    "node_list",
    "path_facts",
    "path_sentence",
    "rejection",
    "say",
    "supporters",
]


def say(r: CitedNode) -> str:
    """``bankruptcy P1 (“quote”)``, or the paraphrase for an assumption.

    >>> say(CitedNode(map="m", node="A1", kind="assumption", text="it holds", quote=None))
    'm A1 (unstated: it holds)'
    """
    words = f"“{r.quote}”" if r.quote else f"unstated: {r.text}"
    return f"{r.map} {r.node} ({words})"


def node_list(refs: list[CitedNode]) -> str:
    """``bankruptcy P5, enforcer P6c``.

    >>> node_list([CitedNode(map="a", node="P5", kind="premise", text="t", quote="q"),
    ...            CitedNode(map="b", node="P6c", kind="premise", text="t", quote="q")])
    'a P5, b P6c'
    """
    return ", ".join(f"{r.map} {r.node}" for r in refs)


def join_and(items: list[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (or another ``word``); nothing for no items.

    >>> join_and(["a"]), join_and(["a", "b"]), join_and(["a", "b", "c"], "or"), join_and([])
    ('a', 'a and b', 'a, b or c', '')
    """
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def label(r: CitedNode) -> str:
    """``P1 (its text)``, without the text's final full stop; ``the unstated A1 (…)`` for an assumption.

    >>> label(CitedNode(map="m", node="P1", kind="premise", text="Debts matter.", quote="q"))
    'P1 (Debts matter)'
    """
    lead = "the unstated " if r.kind == "assumption" else "the thesis " if r.kind == "thesis" else ""
    return f"{lead}{r.node} ({inside(r.text)})"


def path_sentence(m: ArgumentMap, path: list[str]) -> str:
    """A path from a claim to the thesis, told as a sentence: each step with the premises it is linked with.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("bankruptcy").model
    >>> path_sentence(m, [m.thesis.id]).endswith("is the thesis itself.")
    True
    """
    refs = {n.id: node_ref(m, n.id) for n in m.nodes}
    text = label(refs[path[0]])
    if len(path) == 1:
        return f"{m.id}: {text} is the thesis itself."
    for k, (here, nxt) in enumerate(itertools.pairwise(path)):
        rel = next((r for r in m.relations if r.type == "supports" and r.target == nxt and here in r.sources), None)
        others = [label(refs[x]) for x in (rel.sources if rel else []) if x != here and x in refs]
        joint = f", together with {join_and(others)}," if others else ""
        target = f"the thesis {nxt}" if nxt == m.thesis.id else label(refs[nxt])
        text += f"{', which' if k else ''}{joint} supports {target}"
    return f"{m.id}: {text}."


def supporters(m: ArgumentMap, node: str) -> list[tuple[str, list[str]]]:
    """(relation key, sources) of the supports into ``node``."""
    return [(r.key, list(r.sources)) for r in m.relations if r.type == "supports" and r.target == node]


def chain(m: ArgumentMap, path: list[str]) -> str:
    """A path with its linked co-premises: ``P1 (with P1a, A1) → T``."""
    parts = []
    for here, nxt in zip(path, [*path[1:], None], strict=True):
        extra = ""
        if nxt is not None:
            rel = next((r for r in m.relations if r.type == "supports" and r.target == nxt and here in r.sources), None)
            others = [s for s in rel.sources if s != here] if rel else []
            extra = f" (with {', '.join(others)})" if others else ""
        parts.append(here + extra)
    return " → ".join(parts)


@dataclass(frozen=True)
class PairAnalysis:
    """What all material about a pair of essays is built from, computed once and passed on: the comparison, the
    central shared claims, and each map's structure (by map id)."""

    comparison: Comparison
    central: list[ClaimCentrality]
    structure: dict[str, MapStructure]


def analyse_pair(corpus: Corpus, left: str, right: str) -> PairAnalysis:
    """The :class:`PairAnalysis` of ``left`` and ``right``.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> sorted(analyse_pair(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer").structure)
    ['bankruptcy', 'enforcer']
    """
    from argmap.queries.comparison import compare

    return PairAnalysis(compare(corpus, left, right), shared_centrality(corpus, [left, right]),
                        {g.id: map_structure(g.model) for g in (corpus.get(left), corpus.get(right))})


class Context:
    """What every generator needs: the pair's analysis (computed here unless the caller has it already)."""

    def __init__(self, corpus: Corpus, left: str, right: str, analysis: PairAnalysis | None = None) -> None:
        self.corpus = corpus
        self.a, self.b = corpus.get(left), corpus.get(right)
        self.maps = {self.a.id: self.a, self.b.id: self.b}
        analysis = analysis or analyse_pair(corpus, left, right)
        self.comparison: Comparison = analysis.comparison
        self.central: list[ClaimCentrality] = analysis.central
        self.structure: dict[str, MapStructure] = analysis.structure
        self.cited = {g.id: cited_support(g.model) for g in (self.a, self.b)}

    def ref(self, map_id: str, node: str) -> CitedNode:
        """The :class:`CitedNode` of ``node`` in map ``map_id``."""
        return node_ref(self.maps[map_id], node)

    def bound(self, map_id: str, claim: str) -> list[Node]:
        """The nodes of map ``map_id`` bound to the shared ``claim``."""
        return [n for n in self.maps[map_id].model.nodes if n.claim == claim]

    def node(self, map_id: str, node: str) -> Node:
        """The node ``node`` of map ``map_id``."""
        return node_of(self.maps[map_id], node)

    def wording(self, claim: str) -> str:
        """The registry's neutral wording of the shared ``claim`` (its id if the registry lacks it)."""
        found = self.corpus.registry.get(claim)
        return found.wording if found else claim

    def other(self, map_id: str) -> GroundedMap:
        """The map of the pair that is not ``map_id``."""
        return self.b if map_id == self.a.id else self.a


Said = tuple[str, list[Fact]]
"""A sentence of a model answer and the facts it states."""


def draft(kind: str, prompt: str, facts: list[Fact], about: list[CitedNode], said: list[Said], **more: object) -> Draft:
    """A :class:`Draft` whose prompt states ``facts`` and whose answer is ``said``, sentence by sentence."""
    return Draft(kind=kind, prompt=prompt, about=about, answer=[t for t, _ in said],  # type: ignore[arg-type]
                 answer_facts=[f for _, f in said], facts=facts, **more)  # type: ignore[arg-type]


def binds(c: Context, map_id: str, claim: str) -> list[Fact]:
    """That ``map_id`` binds ``claim``: one :class:`~argmap.queries.facts.Binds` per stance its nodes take."""
    out: list[Fact] = []
    nodes = c.bound(map_id, claim)
    for stance in ("affirms", "denies"):
        ids = [n.id for n in nodes if n.effective_stance == stance]
        if ids:
            out.append(Binds(map=map_id, claim=claim, stance=stance, nodes=ids))
    return out


def path_facts(m: ArgumentMap, path: list[str]) -> list[Fact]:
    """That ``path`` is a chain of supports to the thesis of ``m``, with each step's relation and co-premises."""
    out: list[Fact] = [OnPath(map=m.id, path=path)]
    for here, nxt in itertools.pairwise(path):
        rel = next((r for r in m.relations if r.is_support and r.target == nxt and here in r.sources), None)
        if rel is not None:
            out.append(SupportedBy(map=m.id, node=nxt, relation=rel.key, sources=list(rel.sources)))
            out += [KindIs(map=m.id, node=s, kind="assumption") for s in rel.sources
                    if s != here and (n := m.node(s)) is not None and n.kind == "assumption"]
    return out


def rejection(c: Context, map_id: str, node: str) -> Rejection:
    """What rejecting ``node`` does to ``map_id``, as a checked fact (from the map's structure)."""
    s = c.structure[map_id]
    hit = next((i for i in s.impacts if i.node == node), None)
    return Rejection(map=map_id, node=node, breaks=list(hit.lines) if hit else [], cuts=list(hit.cuts) if hit else [])


def impact_said(c: Context, map_id: str, node: str) -> Said:
    """:func:`impact_line` with the facts it states."""
    s = c.structure[map_id]
    return impact_line(c, map_id, node), [rejection(c, map_id, node), LinesOfSupport(map=map_id, lines=list(s.lines))]


def impact_line(c: Context, map_id: str, node: str) -> str:
    """One sentence on what rejecting ``node`` does to the thesis of ``map_id`` (see the module example)."""
    s = c.structure[map_id]
    hit = next((i for i in s.impacts if i.node == node), None)
    # A thesis that stands by its defence alone (it answers the attacks on it) has no line of support to keep.
    kept = (f"the thesis keeps its {count(len(s.lines), 'line of support', 'lines of support')}" if s.lines
            else "the thesis still stands by its defence")
    if hit is None:
        return f"{map_id}: rejecting {node} cuts nothing else off; {kept}."
    if not s.lines and s.thesis in hit.cuts:  # the answer that defends the thesis falls with it
        others = [x for x in hit.cuts if x != s.thesis]
        tail = f", and leaves {join_and(others)} unsupported" if others else ""
        return f"{map_id}: rejecting {node} takes away the answer that defends the thesis, so it no longer stands{tail}."
    if not hit.lines:
        intact = (f"leaves the thesis's {count(len(s.lines), 'line', 'lines')} of support intact" if s.lines
                  else "leaves the thesis standing by its defence")
        return f"{map_id}: rejecting {node} {intact}, but leaves {join_and(hit.cuts)} unsupported."
    tail = f" and leaves {join_and(hit.cuts)} unsupported" if hit.cuts else ""
    return (f"{map_id}: rejecting {node} breaks {len(hit.lines)} of the thesis's "
            f"{count(len(s.lines), 'line', 'lines')} of support{tail}.")
