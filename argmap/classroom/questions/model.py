"""The shapes of a discussion question: the kinds, the node references, the question itself.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> ref = node_ref(load_corpus([bundled_maps_dir()]).get("bankruptcy"), "T")
>>> (ref.map, ref.node, ref.kind)
('bankruptcy', 'T', 'thesis')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from argmap.checks.grounded import GroundedMap
from argmap.errors import ArgmapError
from argmap.format.model import ArgumentMap, Node
from argmap.queries.facts import AnyFact, Fact
from argmap.queries.results import FROZEN

__all__ = [
    "KINDS",
    "QUESTION_LIMIT",
    "TEMPLATE_LIMIT",
    "TITLES",
    "CitedNode",
    "Draft",
    "Question",
    "QuestionKind",
    "Reconstruction",
    "node_of",
    "node_ref",
]

QuestionKind = Literal["shared-premise", "contradiction", "difference", "central-claim", "load-bearing",
                       "unstated-assumption", "evidence"]
KINDS: tuple[str, ...] = ("shared-premise", "contradiction", "difference", "central-claim", "load-bearing",
                          "unstated-assumption", "evidence")
TITLES = {
    "shared-premise": "Same premise, different destinations",
    "contradiction": "A contradiction between the essays",
    "difference": "Different answers to one question",
    "tension": "Evidence that sits uneasily with the other essay",
    "central-claim": "A claim both arguments rest on",
    "both-theses": "What each thesis depends on most",
    "load-bearing": "A load-bearing premise",
    "unstated-assumption": "A premise the essay leaves unstated",
    "evidence": "Claims without cited evidence",
    # templates with a title of their own (a kind may have several templates)
    "divergent-conclusions": "One premise, opposite conclusions",
    "same-thesis": "Same premise, same thesis: the same route?",
    "widest-line": "The premise that breaks the most",
    "weakest-line": "Many lines of support: which is weakest?",
    "one-leg": "A conclusion on one argument",
    "paired-assumption": "The same gap in both essays",
    "one-source": "Evidence on one side only",
}
TEMPLATE_LIMIT = 2  # no template is asked more than twice
QUESTION_LIMIT = 10  # questions for one 45-minute lesson


class CitedNode(BaseModel):
    """A node of a map, with what a reader needs to find it in the essay."""

    model_config = FROZEN
    map: str
    node: str
    kind: str
    text: str
    quote: str | None
    note: str | None = None


class Reconstruction(BaseModel):
    """A blank to fill: stated premises and a conclusion, with the hidden premise left out."""

    model_config = FROZEN
    map: str
    relation: str
    given: list[CitedNode]
    hidden: CitedNode = Field(description="the assumption: the model answer, shown only to teachers")
    target: CitedNode


class Question(BaseModel):
    """One discussion question and its model answer."""

    model_config = FROZEN
    id: str
    kind: QuestionKind
    title: str
    template: str = Field(default="", description="the template that wrote it; none is used more than twice")
    prompt: str
    about: list[CitedNode] = Field(description="the nodes the question is about")
    claim: str | None = None
    answer: list[str] = Field(description="model answer, one paragraph per item")
    answer_nodes: list[CitedNode] = Field(description="the nodes whose content answers the question")
    facts: list[AnyFact] = Field(default_factory=list, description="the facts the prompt states, each checked "
                                 "against the maps (argmap.queries.facts)")
    answer_facts: list[list[AnyFact]] = Field(default_factory=list, description="for each paragraph of the answer, "
                                              "the facts it states, each checked against the maps")
    teacher_notes: list[str] = Field(default_factory=list, description="the curators' notes on the claims asked "
                                     "about (registry descriptions): for the teacher, never part of an answer")
    paths: dict[str, list[str]] = Field(default_factory=dict, description="map id to a chain of node ids")
    blanks: list[Reconstruction] = Field(default_factory=list)

    @property
    def notes(self) -> list[CitedNode]:
        """Curator notes on the nodes involved, each node once.

        >>> r = CitedNode(map="m", node="P1", kind="premise", text="t", quote="q", note="n")
        >>> q = Question(id="Q1", kind="evidence", title="t", prompt="p", about=[r], answer=[], answer_nodes=[r])
        >>> [(x.node, x.note) for x in q.notes]
        [('P1', 'n')]
        """
        seen: dict[tuple[str, str], CitedNode] = {}
        for r in [*self.about, *self.answer_nodes]:
            if r.note and (r.map, r.node) not in seen:
                seen[(r.map, r.node)] = r
        return list(seen.values())


@dataclass(frozen=True)
class Draft:
    """A question before it is numbered: what a generator returns.

    >>> d = Draft(kind="evidence", prompt="Which claim most needs a source?", about=[])
    >>> q = d.numbered(3)
    >>> (q.id, q.title, q.answer)
    ('Q3', 'Claims without cited evidence', [])
    """

    kind: QuestionKind
    prompt: str
    about: list[CitedNode]
    claim: str | None = None
    answer: list[str] = field(default_factory=list)
    answer_nodes: list[CitedNode] = field(default_factory=list)
    paths: dict[str, list[str]] = field(default_factory=dict)
    blanks: list[Reconstruction] = field(default_factory=list)
    template: str = ""
    facts: list[Fact] = field(default_factory=list)
    answer_facts: list[list[Fact]] = field(default_factory=list)

    @property
    def maps(self) -> set[str]:
        """The essays the question asks about."""
        return {r.map for r in self.about} | {b.map for b in self.blanks}

    @property
    def form(self) -> str:
        """The template that wrote it: ``template``, else the kind."""
        return self.template or self.kind

    def numbered(self, number: int, teacher_notes: list[str] | None = None) -> Question:
        """The :class:`Question` this draft becomes as question ``Q<number>``."""
        return Question(id=f"Q{number}", kind=self.kind, title=TITLES.get(self.form, TITLES[self.kind]),
                        template=self.form, prompt=self.prompt,
                        about=self.about, claim=self.claim, answer=self.answer, answer_nodes=self.answer_nodes,
                        paths=self.paths, blanks=self.blanks,
                        facts=list(self.facts),  # type: ignore[arg-type]
                        answer_facts=[list(x) for x in self.answer_facts],  # type: ignore[arg-type]
                        teacher_notes=teacher_notes or [])


def node_of(gm: GroundedMap | ArgumentMap, node_id: str) -> Node:
    """The node ``node_id`` of a map; an :class:`~argmap.errors.ArgmapError` if the map has none.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> node_of(load_corpus([bundled_maps_dir()]).get("bankruptcy"), "nowhere")
    Traceback (most recent call last):
    argmap.errors.ArgmapError: map 'bankruptcy' has no node 'nowhere'
    """
    m = gm.model if isinstance(gm, GroundedMap) else gm
    n = m.node(node_id)
    if n is None:
        raise ArgmapError(f"map '{m.id}' has no node '{node_id}'")
    return n


def node_ref(gm: GroundedMap | ArgumentMap, node_id: str) -> CitedNode:
    """A :class:`CitedNode` for ``node_id`` of a map (see the module example)."""
    m = gm.model if isinstance(gm, GroundedMap) else gm
    n = node_of(m, node_id)
    return CitedNode(map=m.id, node=n.id, kind=n.kind, text=n.text, quote=n.quote, note=n.note)
