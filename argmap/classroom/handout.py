"""What the discussion handout for a pair of essays says, gathered from the maps (pure, no Graphviz), with the
facts each of its sections states (:func:`section_facts`); :mod:`argmap.classroom.handout_writer` lays it out as
HTML, Markdown or PDF.  The student version leaves blanks (hidden premises to reconstruct, lines to write on); the
teacher's adds a lesson plan, model answers, the nodes that answer each question and the curators' notes.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> h = handout_data(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> h.left.id, h.right.id
('bankruptcy', 'enforcer')
>>> sorted(section_facts(h))
['alone', 'central', 'common ground', 'contradictions', 'differences', 'structure', 'theses']
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions import CitedNode, PairAnalysis, Question, analyse_pair, discussion_questions, node_ref
from argmap.classroom.sections import SharedRow, shared_rows
from argmap.classroom.tiles import print_diagram
from argmap.corpus.load import Corpus
from argmap.corpus.pairs import require_pair
from argmap.queries.analysis import MapStructure
from argmap.queries.centrality import ClaimCentrality, theses_first
from argmap.queries.facts import (
    AnyFact,
    Binds,
    Fact,
    KindIs,
    LinesOfSupport,
    LoadBearing,
    MostCentral,
    NoContradiction,
    OnlyIn,
    Rejection,
    RelationIs,
    TitleInEssay,
    require,
)
from argmap.queries.results import FROZEN, Difference, Disagreement, Mention

__all__ = [
    "CENTRAL_SHOWN",
    "FORMATS",
    "IMPACTS_SHOWN",
    "KIND_LETTERS",
    "Assumption",
    "EssaySide",
    "EvidenceList",
    "Handout",
    "HandoutFormat",
    "SharedRow",
    "handout_data",
    "print_diagram",
    "section_facts",
    "structure_facts",
    "theses_first",
]

HandoutFormat = Literal["html", "md", "pdf"]
FORMATS: tuple[str, ...] = ("html", "md", "pdf")
_ALONE_KINDS = ("premise", "conclusion")
CENTRAL_SHOWN = 5
"""How many of the claims that link the arguments most the handout and the site list."""
IMPACTS_SHOWN = 5
"""How many of each map's most damaging rejections the teacher's appendix lists."""
KIND_LETTERS = {"thesis": "T", "premise": "P", "evidence": "E", "conclusion": "C", "objection": "O",
                "assumption": "A"}
"""The letter each kind's node ids start with in hand-made maps (T, P1, E2...): the handout's legend says so only
when every id of both maps does."""
_KIND_WORDS = {"thesis": ("thesis", "theses"), "premise": ("premise", "premises"), "evidence": ("evidence", "evidence"),
               "conclusion": ("conclusion", "conclusions"),
               "objection": ("objection the essay raises", "objections the essay raises"),
               "assumption": ("assumption (a premise the essay needs but never states)",
                              "assumptions (premises the essay needs but never states)")}


class EssaySide(BaseModel):
    """One essay as the handout introduces it."""

    model_config = FROZEN
    id: str
    title: str
    author: str | None
    publication: str | None
    date: str | None
    thesis: CitedNode
    lines: int = Field(description="lines of support of the thesis: its support relations")
    nodes: int
    unstated: int = Field(default=0, description="of the nodes, the assumptions: premises the essay needs but never "
                          "states")
    titled: bool = Field(default=True, description="the title is the essay's own (it appears in the essay's text); "
                         "otherwise the map's title is the curator's, and the student edition does not print it")
    labels: dict[str, list[str]] = Field(default_factory=dict, description="kind to the ids of the map's nodes of "
                                         "that kind, in file order")

    @property
    def key(self) -> list[tuple[list[str], str]]:
        """The map's ids kind by kind, each kind named as the legend names it: ``(["P1", "P2"], "premises")``."""
        return [(ids, _KIND_WORDS[k][len(ids) > 1]) for k, ids in self.labels.items()]


class Assumption(BaseModel):
    """An unstated premise and the step it is needed for."""

    model_config = FROZEN
    node: CitedNode
    given: list[CitedNode]
    target: CitedNode | None
    question: str | None = Field(description="id of the question that asks students to reconstruct it")


class EvidenceList(BaseModel):
    """What one essay cites, and which of its main claims rest on nothing cited."""

    model_config = FROZEN
    map: str
    cited: list[tuple[CitedNode, list[str]]]
    unsourced: list[CitedNode] = Field(description="evidence for which the map records no source")
    flagged: list[CitedNode] = Field(description="thesis, direct supports and conclusions resting on no cited evidence")


class Handout(BaseModel):
    """Everything on the handout, before layout."""

    model_config = FROZEN
    left: EssaySide
    right: EssaySide
    shared: list[SharedRow] = Field(description="common ground: the claims both essays make and agree on")
    also_shared: list[SharedRow] = Field(default_factory=list, description="claims both essays make and agree on "
                                         "that the common-ground table leaves out: conclusions, evidence, objections")
    disagreements: list[Disagreement] = Field(description="contradictions only")
    differences: list[Difference] = Field(default_factory=list, description="claims on which the essays differ or "
                                          "are in tension (not contradictions)")
    alone: dict[str, list[CitedNode]] = Field(description="map id to the main lines (premises joined straight to "
                                            "the thesis, and conclusions) that only that essay claims")
    assumptions: dict[str, list[Assumption]]
    evidence: list[EvidenceList]
    centrality: list[ClaimCentrality]
    structure: list[MapStructure]
    questions: list[Question]
    diagram: bool = Field(default=False, description="the pair has a diagram of its shared claims (the HTML and PDF "
                          "editions print it)")
    facts: dict[str, list[AnyFact]] = Field(default_factory=dict, description="per section of the handout, the facts "
                                            "its sentences state, each checked against the maps")

    @property
    def same_position(self) -> bool:
        """Both theses are bound to one claim of the common ground: they take the same position."""
        return any(any(m.node == self.left.thesis.node for m in r.left)
                   and any(m.node == self.right.thesis.node for m in r.right) for r in self.shared)

    @property
    def most_central(self) -> list[ClaimCentrality]:
        """The shared claims that link the two arguments most, as every output lists them (at most
        :data:`CENTRAL_SHOWN`)."""
        return self.centrality[:CENTRAL_SHOWN]

    @property
    def lettered(self) -> bool:
        """Every node id of both maps starts with its kind's letter (:data:`KIND_LETTERS`), so the legend can say
        what each letter means; otherwise it lists each map's ids kind by kind."""
        return all(i[:1] == KIND_LETTERS[k] for s in (self.left, self.right) for k, ids in s.labels.items()
                   for i in ids)


def _side(gm: GroundedMap, s: MapStructure) -> EssaySide:
    m = gm.model
    return EssaySide(id=m.id, title=m.title, author=m.author, publication=m.publication, date=m.date,
                     thesis=node_ref(gm, m.thesis.id), lines=len(s.lines), nodes=len(m.nodes),
                     unstated=sum(n.kind == "assumption" for n in m.nodes),
                     titled=gm.essay.find(m.title) is not None,
                     labels={k: ids for k in KIND_LETTERS if (ids := [n.id for n in m.nodes if n.kind == k])})


def _assumptions(gm: GroundedMap, blanks: dict[tuple[str, str], str]) -> list[Assumption]:
    out = []
    for n in gm.model.nodes:
        if n.kind != "assumption":
            continue
        rel = next((r for r in gm.model.relations if n.id in r.sources), None)
        given = [node_ref(gm, s) for s in rel.sources if s != n.id] if rel else []
        target = node_ref(gm, rel.target) if rel and gm.model.node(rel.target) else None
        out.append(Assumption(node=node_ref(gm, n.id), given=given, target=target,
                              question=blanks.get((gm.id, n.id))))
    return out


def _evidence(gm: GroundedMap, s: MapStructure) -> EvidenceList:
    nodes = gm.model.nodes
    return EvidenceList(
        map=gm.id,
        cited=[(node_ref(gm, n.id), list(n.citation or [])) for n in nodes if n.kind == "evidence" and n.citation],
        unsourced=[node_ref(gm, n.id) for n in nodes if n.kind == "evidence" and not n.citation],
        flagged=[node_ref(gm, x) for x in s.uncited])


def handout_data(corpus: Corpus, left: str, right: str, analysis: PairAnalysis | None = None) -> Handout:
    """Gather the handout's content for ``left`` versus ``right`` (pure: no Graphviz, no browser); ``analysis``,
    when the caller has the pair's already, is used rather than computed again."""
    require_pair(left, right)
    a, b = corpus.get(left), corpus.get(right)
    analysis = analysis or analyse_pair(corpus, left, right)  # once, for the sections and the questions alike
    comparison, structure = analysis.comparison, analysis.structure
    questions = discussion_questions(corpus, left, right, analysis)
    blanks = {(r.map, r.hidden.node): q.id for q in questions for r in q.blanks}
    theses = theses_first([a, b])
    shared = shared_rows(corpus, a, b)
    listed = {r.claim for r in shared}
    also = [SharedRow(claim=x.claim, wording=x.wording, agree=True, relation="agree", left=x.left, right=x.right)
            for x in comparison.agreements if x.claim not in listed]
    alone = {}
    for gm, unique in ((a, comparison.unique_left), (b, comparison.unique_right)):
        main = _main_lines(gm)
        alone[gm.id] = [node_ref(gm, u.node) for u in unique if u.kind in _ALONE_KINDS and u.node in main]
    h = Handout(
        left=_side(a, structure[left]), right=_side(b, structure[right]), shared=shared, also_shared=also,
        disagreements=sorted(comparison.disagreements, key=lambda d: theses(d.claim)),
        differences=sorted(comparison.differences, key=lambda d: theses(d.claim)), alone=alone,
        assumptions={g.id: _assumptions(g, blanks) for g in (a, b)},
        evidence=[_evidence(g, structure[g.id]) for g in (a, b)],
        centrality=analysis.central,
        structure=[structure[left], structure[right]], questions=questions, diagram=_has_diagram(corpus, left, right))
    facts = section_facts(h)
    require(corpus, [f for fs in facts.values() for f in fs])
    return h.model_copy(update={"facts": facts})


def _has_diagram(corpus: Corpus, left: str, right: str) -> bool:
    """Whether the printed comparison (:func:`argmap.classroom.tiles.print_diagram`) has a page: a shared claim with a
    path to a thesis.  Two theses bound to one claim, and nothing else shared, draw none."""
    from argmap.render.compare.selection import select, spine_parts
    from argmap.render.subgraph import View

    return bool(spine_parts(select(corpus, [left, right], View(shared_only=True))))


def _main_lines(gm: GroundedMap) -> set[str]:
    """The premises a relation joins straight to the thesis, and every conclusion: an essay's main lines."""
    m = gm.model
    near = {s for r in m.relations if r.target == m.thesis.id for s in r.sources}
    return near | {n.id for n in m.nodes if n.kind == "conclusion"}


def structure_facts(s: MapStructure) -> list[Fact]:
    """What the material says of one map's structure: its lines of support, which nodes are load-bearing (rejecting
    one breaks every line), and what the most damaging rejections break and cut off."""
    by_node = {i.node: i for i in s.impacts}
    return [LinesOfSupport(map=s.map, lines=list(s.lines)), LoadBearing(map=s.map, nodes=list(s.load_bearing)),
            *(Rejection(map=s.map, node=x, breaks=list(s.lines), cuts=by_node[x].cuts) for x in s.load_bearing),
            *(Rejection(map=s.map, node=i.node, breaks=i.lines, cuts=i.cuts) for i in s.impacts[:IMPACTS_SHOWN]
              if i.node not in s.load_bearing)]


def section_facts(h: Handout) -> dict[str, list[Fact]]:
    """The facts each section of the handout states: the theses and their lines of support, the common ground,
    the contradictions (or that there are none), the differences, what each essay claims alone, the claims that
    link the arguments most, and what rejecting a premise does to each thesis."""
    pair = [h.left.id, h.right.id]

    def binds(rows_left: list[Mention], rows_right: list[Mention], claim: str) -> list[Fact]:
        out: list[Fact] = []
        for m in (*rows_left, *rows_right):
            out.append(Binds(map=m.map, claim=claim, stance=m.stance or "affirms", nodes=[m.node]))
            out.append(KindIs(map=m.map, node=m.node, kind=m.kind))
        return out

    facts: dict[str, list[Fact]] = {"theses": []}
    for side, s in zip((h.left, h.right), h.structure, strict=True):
        facts["theses"] += [KindIs(map=side.id, node=side.thesis.node, kind="thesis"),
                            LinesOfSupport(map=side.id, lines=list(s.lines)),
                            TitleInEssay(map=side.id, given=side.titled)]
    facts["common ground"] = [f for r in h.shared + h.also_shared for f in [RelationIs(claim=r.claim, maps=pair,
                                                                                            relation="agree"),
                                                             *binds(r.left, r.right, r.claim)]]
    facts["contradictions"] = [f for d in h.disagreements if d.reason == "opposite-stances"
                               for f in [RelationIs(claim=d.claim, maps=pair, relation="contradict"),
                                         *binds(d.left, d.right, d.claim)]]
    if not facts["contradictions"]:
        facts["contradictions"] = [NoContradiction(maps=pair)]
    facts["differences"] = [f for d in h.differences for f in [RelationIs(claim=d.claim, maps=pair,
                                                                          relation=d.relation),
                                                               *binds(d.left, d.right, d.claim)]]
    facts["alone"] = [f for mid, refs in h.alone.items() for r in refs
                      for f in (OnlyIn(map=mid, node=r.node, other=pair[1] if mid == pair[0] else pair[0]),
                                KindIs(map=mid, node=r.node, kind=r.kind))]  # type: ignore[arg-type]
    if h.most_central:
        facts["central"] = [MostCentral(maps=pair, claims=[c.claim for c in h.most_central],
                                        scores=[c.betweenness for c in h.most_central])]
    facts["structure"] = [f for s in h.structure for f in structure_facts(s)]
    return facts
