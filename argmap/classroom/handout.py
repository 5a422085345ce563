"""The discussion handout for a pair of essays: HTML (printable on A4), Markdown or PDF.

:func:`handout_data` gathers everything a class needs from the maps (pure, no
Graphviz); :func:`handout_html` and :func:`handout_markdown` lay it out;
:func:`build_handout` adds the comparative diagram and, for PDF, prints the HTML
with headless Chromium.  The student version leaves blanks (hidden premises to
reconstruct, lines to write on); ``teacher=True`` adds a lesson plan, model
answers, the nodes that answer each question and the curators' notes.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> h = handout_data(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> h.left.id, h.right.id
('bankruptcy', 'enforcer')
>>> md = handout_markdown(h)
>>> md.startswith("# Discussion handout") and "## 7. Discussion questions" in md
True
>>> handout_markdown(h) == md  # byte-identical for identical input
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions import NodeRef, Question, discussion_questions, node_ref
from argmap.classroom.sections import SharedRow, section_facts, shared_rows
from argmap.classroom.templating import asset, inline_svg, render
from argmap.classroom.tiles import diagram_tiles, print_diagram
from argmap.corpus.load import Corpus
from argmap.corpus.pairs import require_pair
from argmap.errors import ArgmapError
from argmap.queries.analysis import MapStructure, map_structure
from argmap.queries.centrality import ClaimCentrality, shared_centrality, theses_first
from argmap.queries.facts import AnyFact, require
from argmap.queries.results import FROZEN, Difference, Disagreement

__all__ = [
    "FORMATS",
    "Assumption",
    "EssaySide",
    "EvidenceList",
    "Handout",
    "HandoutFormat",
    "SharedRow",
    "build_handout",
    "format_for_path",
    "handout_data",
    "handout_html",
    "handout_markdown",
    "lesson_plan",
    "print_diagram",
    "theses_first",
]

HandoutFormat = Literal["html", "md", "pdf"]
FORMATS: tuple[str, ...] = ("html", "md", "pdf")
_ALONE_KINDS = ("premise", "conclusion")


class EssaySide(BaseModel):
    """One essay as the handout introduces it."""

    model_config = FROZEN
    id: str
    title: str
    author: str | None
    publication: str | None
    date: str | None
    thesis: NodeRef
    lines: int = Field(description="lines of support of the thesis: its support relations")
    nodes: int
    titled: bool = Field(default=True, description="the title is the essay's own (it appears in the essay's text); "
                         "otherwise the map's title is the curator's, and the student edition does not print it")


class Assumption(BaseModel):
    """An unstated premise and the step it is needed for."""

    model_config = FROZEN
    node: NodeRef
    given: list[NodeRef]
    target: NodeRef | None
    question: str | None = Field(description="id of the question that asks students to reconstruct it")


class EvidenceList(BaseModel):
    """What one essay cites, and which of its main claims rest on nothing cited."""

    model_config = FROZEN
    map: str
    cited: list[tuple[NodeRef, list[str]]]
    unsourced: list[NodeRef] = Field(description="evidence given without a source")
    flagged: list[NodeRef] = Field(description="thesis, direct supports and conclusions resting on no cited evidence")


class Handout(BaseModel):
    """Everything on the handout, before layout."""

    model_config = FROZEN
    left: EssaySide
    right: EssaySide
    shared: list[SharedRow] = Field(description="common ground: the claims both essays make and agree on")
    disagreements: list[Disagreement] = Field(description="contradictions only")
    differences: list[Difference] = Field(default_factory=list, description="claims on which the essays differ or "
                                          "are in tension (not contradictions)")
    alone: dict[str, list[NodeRef]] = Field(description="map id to the main lines (premises joined straight to "
                                            "the thesis, and conclusions) that only that essay claims")
    assumptions: dict[str, list[Assumption]]
    evidence: list[EvidenceList]
    centrality: list[ClaimCentrality]
    structure: list[MapStructure]
    questions: list[Question]
    facts: dict[str, list[AnyFact]] = Field(default_factory=dict, description="per section of the handout, the facts "
                                            "its sentences state, each checked against the maps")


def _side(gm: GroundedMap, s: MapStructure) -> EssaySide:
    m = gm.model
    return EssaySide(id=m.id, title=m.title, author=m.author, publication=m.publication, date=m.date,
                     thesis=node_ref(gm, m.thesis.id), lines=len(s.lines), nodes=len(m.nodes),
                     titled=gm.essay.find(m.title) is not None)


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


def handout_data(corpus: Corpus, left: str, right: str) -> Handout:
    """Gather the handout's content for ``left`` versus ``right`` (pure: no Graphviz, no browser)."""
    from argmap.queries.comparison import compare

    require_pair(left, right)
    a, b = corpus.get(left), corpus.get(right)
    comparison = compare(corpus, left, right)
    structure = {g.id: map_structure(g.model) for g in (a, b)}
    questions = discussion_questions(corpus, left, right)
    blanks = {(r.map, r.hidden.node): q.id for q in questions for r in q.blanks}
    theses = theses_first([a, b])
    shared = shared_rows(corpus, a, b)
    alone = {}
    for gm, unique in ((a, comparison.unique_left), (b, comparison.unique_right)):
        main = _main_lines(gm)
        alone[gm.id] = [node_ref(gm, u.node) for u in unique if u.kind in _ALONE_KINDS and u.node in main]
    h = Handout(
        left=_side(a, structure[left]), right=_side(b, structure[right]), shared=shared,
        disagreements=sorted(comparison.disagreements, key=lambda d: theses(d.claim)),
        differences=sorted(comparison.differences, key=lambda d: theses(d.claim)), alone=alone,
        assumptions={g.id: _assumptions(g, blanks) for g in (a, b)},
        evidence=[_evidence(g, structure[g.id]) for g in (a, b)],
        centrality=shared_centrality(corpus, [left, right]),
        structure=[structure[left], structure[right]], questions=questions)
    facts = section_facts(h)
    require(corpus, [f for fs in facts.values() for f in fs])
    return h.model_copy(update={"facts": facts})


def _main_lines(gm: GroundedMap) -> set[str]:
    """The premises a relation joins straight to the thesis, and every conclusion: an essay's main lines."""
    m = gm.model
    near = {s for r in m.relations if r.target == m.thesis.id for s in r.sources}
    return near | {n.id for n in m.nodes if n.kind == "conclusion"}


def lesson_plan(h: Handout) -> list[tuple[str, str, list[str]]]:
    """A 45-minute plan: (minutes, activity, question ids); the core is both sides of every contradiction and
    the first question of each other kind, the rest is extra.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> plan = lesson_plan(handout_data(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer"))
    >>> [row[0] for row in plan]
    ['0–5', '5–12', '12–22', '22–32', '32–40', '40–45', 'extra']
    """
    first: dict[str, str] = {}
    for q in h.questions:
        first.setdefault(q.kind, q.id)
    def pick(*kinds: str) -> list[str]:
        return [first[k] for k in kinds if k in first]

    contradictions = [q.id for q in h.questions if q.kind in ("contradiction", "difference")]
    parting = {"contradiction": "contradict each other", "difference": "answer one question differently"}
    where = " or ".join(v for k, v in parting.items() if any(q.kind == k for q in h.questions))
    core = set(pick("shared-premise", "central-claim", "load-bearing", "unstated-assumption", "evidence"))
    core |= set(contradictions)
    stress = ("Stress-test the arguments: a load-bearing premise, then a hidden one (pairs reconstruct it, "
              "then compare)." if "unstated-assumption" in first else
              "Stress-test the arguments: which premise, if rejected, would do the most damage?")
    rows = [
        ("0–5", "Read the two theses aloud; students answer the warm-up under them.", []),
        ("5–12", "Walk through the diagram and the shared premises: what both essays accept.",
         pick("shared-premise", "central-claim")),
        ("12–22", f"Where the essays {where}: take each side's evidence in turn.", contradictions),
        ("22–32", stress, pick("load-bearing", "unstated-assumption")),
        ("32–40", "Evidence: which claims rest on a cited source, which on the author's word?", pick("evidence")),
        ("40–45", "Verdict: which essay argues its thesis better, and what would change your mind?", []),
        ("extra", "If time allows, or as homework.", [q.id for q in h.questions if q.id not in core]),
    ]
    needs_questions = {"5–12", "12–22", "22–32", "32–40", "extra"}
    return [r for r in rows if r[2] or r[0] not in needs_questions]


def handout_html(h: Handout, *, teacher: bool = False, diagram: Sequence[bytes] = (),
                 back: str | None = None) -> str:
    """The handout as one self-contained HTML page (inline CSS and SVG; nothing loaded from elsewhere).

    ``diagram`` holds the SVG pages of the comparison (:func:`print_diagram`), each printed on an A4 landscape
    page, across several if its text would otherwise print under 8 pt
    (:func:`~argmap.classroom.tiles.diagram_tiles`); ``back`` is a link to the site the handout belongs to.
    """
    tiles = [t for svg in diagram for t in diagram_tiles(inline_svg(svg).encode("utf-8"))]
    return render("handout.html", h=h, teacher=teacher, css=asset("handout.css").decode("utf-8"),
                  tiles=tiles, plan=lesson_plan(h), back=back, hidden=_hidden(h))


def handout_markdown(h: Handout, *, teacher: bool = False) -> str:
    """The handout as Markdown (without the diagram, which needs the HTML or PDF version)."""
    return render("handout.md", h=h, teacher=teacher, plan=lesson_plan(h), hidden=_hidden(h))


def _hidden(h: Handout) -> set[str]:
    """``map/node`` of every premise students reconstruct: its text is never printed in their edition."""
    return {f"{b.map}/{b.hidden.node}" for q in h.questions for b in q.blanks}


def format_for_path(path: str, given: str | None = None) -> HandoutFormat:
    """The format named by ``given``, else by the file's extension (``.htm``/``.html``, ``.md``, ``.pdf``).

    >>> format_for_path("out/handout.pdf"), format_for_path("h.markdown"), format_for_path("x", "md")
    ('pdf', 'md', 'md')
    """
    if given is not None:
        if given not in FORMATS:
            raise ArgmapError(f"unknown handout format '{given}'; use html, md or pdf")
        return given  # type: ignore[return-value]
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    by_ext: dict[str, HandoutFormat] = {"html": "html", "htm": "html", "md": "md", "markdown": "md", "pdf": "pdf"}
    if suffix not in by_ext:
        raise ArgmapError(f"cannot tell the handout format from '{path}'; end it in .html, .md or .pdf, "
                          "or pass --format")
    return by_ext[suffix]


def build_handout(corpus: Corpus, left: str, right: str, *, fmt: HandoutFormat = "html",
                  teacher: bool = False, timeout: float = 60.0) -> str | bytes:
    """The finished handout: HTML or Markdown text, or PDF bytes (printed by headless Chromium).

    HTML and PDF include the comparative diagram, rendered by Graphviz; a missing
    ``dot`` or ``chromium`` raises :class:`~argmap.errors.RenderError` naming the install step.
    """
    h = handout_data(corpus, left, right)
    if fmt == "md":
        return handout_markdown(h, teacher=teacher)
    page = handout_html(h, teacher=teacher, diagram=print_diagram(corpus, left, right))
    if fmt == "html":
        return page
    from argmap.classroom.browser import html_to_pdf

    return html_to_pdf(page, timeout=timeout)
