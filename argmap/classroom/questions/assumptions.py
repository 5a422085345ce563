"""Questions about unstated assumptions: blanks to fill, paired across the essays around a shared claim first.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> {d.kind for d in unstated_assumption_drafts(c, [])} <= {"unstated-assumption"}
True
"""

from __future__ import annotations

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions.context import Context, impact_line
from argmap.classroom.questions.model import Draft, Reconstruction
from argmap.classroom.wording import end, inside
from argmap.format.model import ArgumentMap, Node

__all__ = ["unstated_assumption_drafts"]


Uses = dict[str, list[tuple[str, list[str], str]]]
"""Assumption id to the (relation key, other sources, target) of each support relation it takes part in."""


def _assumption_relations(m: ArgumentMap) -> Uses:
    """The support relations each assumption of ``m`` takes part in (see :data:`Uses`)."""
    kinds = {n.id: n.kind for n in m.nodes}
    out: Uses = {}
    for r in m.relations:
        for s in r.sources:
            if kinds.get(s) == "assumption" and r.type == "supports":
                out.setdefault(s, []).append((r.key, [x for x in r.sources if x != s], r.target))
    return out


class _Assumptions:
    """The assumptions of both essays, which of them a question has used, and their blanks to fill."""

    def __init__(self, c: Context) -> None:
        self.c = c
        self.rels = {g.id: _assumption_relations(g.model) for g in (c.a, c.b)}
        self.used: set[tuple[str, str]] = set()

    def stated_elsewhere(self, gm: GroundedMap, n: Node) -> bool:
        """The other essay states (not merely assumes) the claim this assumption is bound to."""
        c = self.c
        return n.claim is not None and any(x.kind != "assumption" for x in c.bound(c.other(gm.id).id, n.claim))

    def open(self, gm: GroundedMap) -> list[str]:
        """This essay's assumptions that no question has used and the other essay does not state."""
        return [a for a in self.rels[gm.id] if (gm.id, a) not in self.used
                and not self.stated_elsewhere(gm, self.c.node(gm.id, a))]

    def blank(self, gm: GroundedMap, aid: str, claim: str | None = None, role: str = "") -> Reconstruction:
        """The step ``aid`` takes part in (the one that reasons from or to ``claim``, by ``role``), as a blank."""
        c = self.c
        ids = {n.id for n in c.bound(gm.id, claim)} if claim else set()
        items = self.rels[gm.id][aid]
        key, others, target = next((x for x in items if (role == "from" and ids & set(x[1]))
                                    or (role == "to" and x[2] in ids)), items[0])
        return Reconstruction(map=gm.id, relation=key, given=[c.ref(gm.id, x) for x in others],
                              hidden=c.ref(gm.id, aid), target=c.ref(gm.id, target))

    def candidates(self, gm: GroundedMap, claim: str) -> list[tuple[str, str]]:
        """(assumption, role) for each unused assumption that reasons from ``claim`` or leads to it."""
        ids = {n.id for n in self.c.bound(gm.id, claim)}
        found = []
        for a, items in self.rels[gm.id].items():
            if (gm.id, a) in self.used or self.stated_elsewhere(gm, self.c.node(gm.id, a)):
                continue
            for _, others, target in items:
                if ids & set(others):
                    found.append((a, "from"))
                if target in ids:
                    found.append((a, "to"))
        return found

    def pairs(self) -> dict[str, tuple[tuple[str, str], tuple[str, str]]]:
        """Per shared claim, one assumption of each essay around it, marked used; pairs in which both essays
        use the claim the same way (both reason from it, or both reach it) first."""
        c = self.c
        pairs: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}
        for same_role in (True, False):
            for claim in (x.id for x in c.corpus.registry.claims):
                if claim in pairs:
                    continue
                pick = next(((x, y) for x in self.candidates(c.a, claim) for y in self.candidates(c.b, claim)
                             if not same_role or x[1] == y[1]), None)
                if pick is not None:
                    pairs[claim] = pick
                    self.used |= {(c.a.id, pick[0][0]), (c.b.id, pick[1][0])}
        return pairs


def unstated_assumption_drafts(c: Context, earlier: list[Draft]) -> list[Draft]:
    """Blanks to fill: paired assumptions around a shared claim, then one per essay, least mentioned first."""
    out: list[Draft] = []
    mentioned = {(r.map, r.node) for d in earlier for r in [*d.about, *d.answer_nodes]}
    found = _Assumptions(c)
    pairs = found.pairs()
    for claim in (x.id for x in c.corpus.registry.claims if x.id in pairs):
        (aa, ra), (ab, rb) = pairs[claim]
        out.append(_paired_assumption_draft(c, claim, [found.blank(c.a, aa, claim, ra),
                                                       found.blank(c.b, ab, claim, rb)]))
    for gm in (c.a, c.b):
        pool = found.open(gm)
        if pool:
            out.append(_single_assumption_draft(c, gm, found, pool, mentioned))
    return out


def _paired_assumption_draft(c: Context, claim: str, blanks: list[Reconstruction]) -> Draft:
    """Both essays need an unstated premise where they use ``claim``: reconstruct and compare them."""
    wording = c.wording(claim)
    about = [r for b in blanks for r in b.given]
    prompt = (f"Where both essays use the claim “{inside(wording)}”, each needs a premise it never states ("
              + "; ".join(f"{b.map}: {' + '.join(g.node for g in b.given)} + ? → {b.target.node}"
                          for b in blanks)
              + "). Reconstruct both. Would each author accept it? Are the two the same?")
    answer = [end(f"{b.map} needs {b.hidden.node}: {inside(b.hidden.text)}") for b in blanks]
    return Draft(kind="unstated-assumption", prompt=prompt, about=about, claim=claim, answer=answer,
                 answer_nodes=[b.hidden for b in blanks], blanks=blanks, template="paired-assumption")


def _single_assumption_draft(c: Context, gm: GroundedMap, found: _Assumptions, pool: list[str],
                             mentioned: set[tuple[str, str]]) -> Draft:
    """The assumption of ``pool`` least mentioned by earlier questions, then the most damaging, as a blank."""
    s = c.structure[gm.id]
    damage = {i.node: (len(i.lines), len(i.cuts)) for i in s.impacts}
    place = {n.id: k for k, n in enumerate(gm.model.nodes)}
    aid = min(pool, key=lambda a: ((gm.id, a) in mentioned, -damage.get(a, (0, 0))[0],
                                   -damage.get(a, (0, 0))[1], place[a]))
    b = found.blank(gm, aid)
    given = " + ".join(g.node for g in b.given)
    step = f"the step from {given} to {b.target.node}" if given else f"the step to {b.target.node}"
    prompt = (f"In {gm.id}, {step} needs a premise the essay never states. "
              f"Reconstruct it. Would the author accept it? Would {c.other(gm.id).id}?")
    answer = [end(f"The missing premise, {aid}: {inside(b.hidden.text)}"), impact_line(c, gm.id, aid)]
    return Draft(kind="unstated-assumption", prompt=prompt, about=b.given, answer=answer,
                 answer_nodes=[b.hidden], blanks=[b])
