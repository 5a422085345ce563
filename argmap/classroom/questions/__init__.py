"""Discussion questions generated from the structure of a comparison.

Each question points at the nodes it is about (map id + node id) and carries a
model answer drawn from the maps: the paths and the nodes that answer it.  Every
sentence of the prompt and of the answer is built from facts (:mod:`argmap.queries.facts`)
that are checked against the maps before the question is returned: a question
whose facts do not all check is an :class:`~argmap.queries.facts.UngroundedFact` error,
never printed.  The curators' notes (registry descriptions, node notes) are for
the teacher and are kept apart from the answers.  The kinds, in the order asked:

1. ``shared-premise``: a claim both essays accept that leads them to different
   conclusions or theses (the comparison's divergent conclusions first, then the
   most central shared premises that reach both theses).
2. ``contradiction``: a claim one essay affirms and the other denies: what each
   offers, and a verdict on which the maps support better.
3. ``difference``: a claim the essays answer differently, or are in tension on.
4. ``central-claim``: the most central claim the essays agree on that leads to
   both theses.
5. ``load-bearing``: the premise each thesis depends on most (both essays in one
   question), then a conclusion that stands on one argument only.
6. ``unstated-assumption``: a premise an essay leaves unstated; students
   reconstruct it (a blank in the student handout) and say whether each author
   would accept it.
7. ``evidence``: claims resting on no cited evidence.

The order is deterministic: by kind, then left essay before right, then the
order of the registry and of the maps' nodes.  No template is used more than twice, and a
lesson gets at most ten questions (every template's first before any second).

The modules: :mod:`.model` (the question's shapes), :mod:`.context` (the comparison
computed once, and phrasing helpers), :mod:`.common_ground` and :mod:`.parting` (kinds 1-3),
:mod:`.weak_points` (kinds 4 and 6) and :mod:`.assumptions` (kind 5).

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> qs = discussion_questions(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> [q.id for q in qs[:3]]
['Q1', 'Q2', 'Q3']
>>> any(q.kind == "difference" for q in qs)  # how the essays differ: asked as a difference, not a contradiction
True
"""

from __future__ import annotations

from argmap.classroom.questions.assumptions import unstated_assumption_drafts
from argmap.classroom.questions.common_ground import central_claim_drafts, shared_premise_drafts
from argmap.classroom.questions.context import Context, PairAnalysis, analyse_pair
from argmap.classroom.questions.model import (
    KINDS,
    QUESTION_LIMIT,
    TEMPLATE_LIMIT,
    CitedNode,
    Draft,
    Question,
    QuestionKind,
    Reconstruction,
    node_ref,
)
from argmap.classroom.questions.parting import contradiction_drafts, difference_drafts
from argmap.classroom.questions.weak_points import evidence_drafts, load_bearing_drafts
from argmap.corpus.load import Corpus
from argmap.corpus.pairs import require_pair
from argmap.errors import ArgmapError
from argmap.queries.facts import require

__all__ = [
    "KINDS",
    "QUESTION_LIMIT",
    "TEMPLATE_LIMIT",
    "CitedNode",
    "Draft",
    "PairAnalysis",
    "Question",
    "QuestionKind",
    "Reconstruction",
    "analyse_pair",
    "discussion_questions",
    "node_ref",
]


def discussion_questions(corpus: Corpus, left: str, right: str, analysis: PairAnalysis | None = None) -> list[Question]:
    """The discussion questions for comparing ``left`` with ``right``, numbered Q1, Q2, … (see module doc); a
    caller that has the pair's :class:`PairAnalysis` already passes it, so it is not computed twice."""
    require_pair(left, right)
    c = Context(corpus, left, right, analysis)
    drafts = [*shared_premise_drafts(c), *contradiction_drafts(c), *difference_drafts(c)]
    drafts += central_claim_drafts(c, drafts)
    drafts += load_bearing_drafts(c)
    drafts += unstated_assumption_drafts(c, drafts)
    drafts += evidence_drafts(c)
    chosen = _select(drafts)
    for d in chosen:
        if len(d.answer_facts) != len(d.answer) or not d.facts or not all(d.answer_facts):
            raise ArgmapError(f"a '{d.form}' question has a sentence without facts")  # pragma: no cover
        require(corpus, [*d.facts, *(f for fs in d.answer_facts for f in fs)])
    out = [d.numbered(i, _teacher_notes(corpus, d)) for i, d in enumerate(chosen, start=1)]
    seen: dict[str, int] = {}
    for k, q in enumerate(out):  # two questions of one template: the second title says it is another
        seen[q.title] = seen.get(q.title, 0) + 1
        if seen[q.title] > 1:
            out[k] = q.model_copy(update={"title": f"{q.title} ({seen[q.title]})"})
    return out


def _teacher_notes(corpus: Corpus, d: Draft) -> list[str]:
    """The registry's description of the claim a question is about, for the teacher."""
    claim = corpus.registry.get(d.claim) if d.claim else None
    return [claim.description] if claim is not None and claim.description else []


def _select(drafts: list[Draft]) -> list[Draft]:
    """At most :data:`TEMPLATE_LIMIT` drafts per template and :data:`QUESTION_LIMIT` in all, in their order.

    When there are too many, the contradictions and every other template's first question are kept before any
    other template's second, and questions about both essays before questions about one.
    """
    seen: dict[str, int] = {}
    rounds: list[tuple[int, int, int]] = []  # (round, about one essay only, position)
    for i, d in enumerate(drafts):
        seen[d.form] = seen.get(d.form, 0) + 1
        if seen[d.form] <= TEMPLATE_LIMIT:
            rounds.append((1 if d.kind == "contradiction" else seen[d.form], int(len(d.maps) < 2), i))
    keep = sorted(i for *_, i in sorted(rounds)[:QUESTION_LIMIT])
    return [drafts[i] for i in keep]
