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

from pydantic import BaseModel, Field

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.format.model import RelationKind
from argmap.format.relations import mentions_relation
from argmap.queries.centrality import theses_first
from argmap.queries.results import FROZEN, Mention

__all__ = ["SharedRow", "shared_rows"]



class SharedRow(BaseModel):
    """A claim both essays make, with each essay's words and how they relate on it."""

    model_config = FROZEN
    claim: str
    wording: str
    agree: bool
    relation: RelationKind = "agree"
    theses: bool = Field(default=False, description="a claim a thesis is bound to (shown first)")
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


def _wording(corpus: Corpus, claim: str) -> str:
    found = corpus.registry.get(claim)
    return found.wording if found else claim
