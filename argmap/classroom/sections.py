"""What the handout's comparison sections hold, and the facts their sentences state.

The common ground lists the claims both essays make and agree on (contradictions, differences and tensions have
sections of their own); :func:`section_facts` gives, per section, the checked facts behind every row, so that the
handout's JSON shows what each sentence rests on.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> rows = shared_rows(corpus, corpus.get("bankruptcy"), corpus.get("enforcer"))
>>> all(r.relation == "agree" for r in rows)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.format.model import RelationKind
from argmap.format.relations import mentions_relation
from argmap.queries.centrality import theses_first
from argmap.queries.facts import Binds, Fact, KindIs, LinesOfSupport, OnlyIn, RelationIs, TitleInEssay
from argmap.queries.results import FROZEN, Mention

if TYPE_CHECKING:
    from argmap.classroom.handout import Handout

__all__ = ["SharedRow", "section_facts", "shared_rows"]



class SharedRow(BaseModel):
    """A claim both essays make, with each essay's words and how they relate on it."""

    model_config = FROZEN
    claim: str
    wording: str
    agree: bool
    relation: RelationKind = "agree"
    theses: bool = Field(default=False, description="the claim both theses are bound to (shown first)")
    left: list[Mention]
    right: list[Mention]


def shared_rows(corpus: Corpus, a: GroundedMap, b: GroundedMap) -> list[SharedRow]:
    """Common ground: the premises both maps use, and a claim a thesis is bound to that both maps make, where the
    two agree (contradictions, differences and tensions have sections of their own); the thesis claims first."""
    from argmap.queries.comparison import mentions_of, shared_premises

    rows = [SharedRow(claim=c.claim, wording=c.wording, agree=c.agree, relation=c.relation,
                      left=[m for m in c.mentions if m.map == a.id], right=[m for m in c.mentions if m.map == b.id])
            for c in shared_premises(corpus, [a.id, b.id]).claims]
    listed = {row.claim for row in rows}
    for claim in dict.fromkeys(c for g in (a, b) if (c := g.model.thesis.claim) and c not in listed):
        said = [m for g in (a, b) for m in mentions_of(g, claim)]
        if {m.map for m in said} == {a.id, b.id}:
            kind = mentions_relation(corpus.registry.get(claim), said)
            rows.append(SharedRow(claim=claim, wording=_wording(corpus, claim), agree=kind == "agree", relation=kind,
                                  left=[m for m in said if m.map == a.id], right=[m for m in said if m.map == b.id]))
    rows = [r for r in rows if r.relation == "agree"]  # the others have sections of their own
    theses = theses_first([a, b])
    return sorted((r.model_copy(update={"theses": theses(r.claim) < 2}) for r in rows), key=lambda r: theses(r.claim))


def section_facts(h: Handout) -> dict[str, list[Fact]]:
    """The facts each section of the handout states: the theses and their lines of support, the common ground,
    the contradictions, the differences and what each essay claims alone."""
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
    facts["common ground"] = [f for r in h.shared for f in [RelationIs(claim=r.claim, maps=pair, relation="agree"),
                                                             *binds(r.left, r.right, r.claim)]]
    facts["contradictions"] = [f for d in h.disagreements if d.reason == "opposite-stances"
                               for f in [RelationIs(claim=d.claim, maps=pair, relation="contradict"),
                                         *binds(d.left, d.right, d.claim)]]
    facts["differences"] = [f for d in h.differences for f in [RelationIs(claim=d.claim, maps=pair,
                                                                          relation=d.relation),
                                                               *binds(d.left, d.right, d.claim)]]
    facts["alone"] = [f for mid, refs in h.alone.items() for r in refs
                      for f in (OnlyIn(map=mid, node=r.node, other=pair[1] if mid == pair[0] else pair[0]),
                                KindIs(map=mid, node=r.node, kind=r.kind))]  # type: ignore[arg-type]
    return facts


def _wording(corpus: Corpus, claim: str) -> str:
    found = corpus.registry.get(claim)
    return found.wording if found else claim
