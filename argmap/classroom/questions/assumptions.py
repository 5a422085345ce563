"""Questions about unstated assumptions: blanks to fill, paired across the essays where both leave the same step
unstated (:class:`argmap.queries.facts.SameGap`), then one per essay asking whether each author would accept it.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> {d.kind for d in unstated_assumption_drafts(c, [])} <= {"unstated-assumption"}
True
"""

from __future__ import annotations

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions.context import Context, Said, binds, draft, impact_said, join_and
from argmap.classroom.questions.model import Draft, Reconstruction
from argmap.classroom.wording import end, inside
from argmap.format.model import ArgumentMap, Node, Relation
from argmap.queries.facts import Fact, KindIs, OnlyIn, SameGap, SupportedBy

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
        """Per shared claim, one assumption of each essay that fills the same step (:class:`SameGap`: from premises
        bound to the same claims to this claim), marked used."""
        c = self.c
        pairs: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}
        for claim in (x.id for x in c.corpus.registry.claims):
            pick = next(((x, y) for x in self.candidates(c.a, claim) for y in self.candidates(c.b, claim)
                         if x[1] == y[1] == "to" and self.same_gap(claim, x[0], y[0]).check(c.corpus)), None)
            if pick is not None:
                pairs[claim] = pick
                self.used |= {(c.a.id, pick[0][0]), (c.b.id, pick[1][0])}
        return pairs

    def same_gap(self, claim: str, left: str, right: str) -> SameGap:
        """The fact that ``left`` (an assumption of the left essay) and ``right`` fill the same step to ``claim``."""
        c = self.c
        ka = self.blank(c.a, left, claim, "to").relation
        kb = self.blank(c.b, right, claim, "to").relation
        return SameGap(left=(c.a.id, left, ka), right=(c.b.id, right, kb))


def unstated_assumption_drafts(c: Context, earlier: list[Draft]) -> list[Draft]:
    """Blanks to fill: paired assumptions around a shared claim, then one per essay, least mentioned first."""
    out: list[Draft] = []
    mentioned = {(r.map, r.node) for d in earlier for r in [*d.about, *d.answer_nodes]}
    found = _Assumptions(c)
    pairs = found.pairs()
    for claim in (x.id for x in c.corpus.registry.claims if x.id in pairs):
        (aa, ra), (ab, rb) = pairs[claim]
        out.append(_paired_assumption_draft(c, found, claim, [found.blank(c.a, aa, claim, ra),
                                                              found.blank(c.b, ab, claim, rb)]))
    for gm in (c.a, c.b):
        pool = found.open(gm)
        if pool:
            out.append(_single_assumption_draft(c, gm, found, pool, mentioned))
    return out


def _step_facts(c: Context, b: Reconstruction) -> list[Fact]:
    """That the step of blank ``b`` is a support with the hidden assumption among its sources."""
    rel = next(r for r in c.maps[b.map].model.relations if r.key == b.relation)
    return [SupportedBy(map=b.map, node=b.target.node, relation=rel.key, sources=list(rel.sources)),
            KindIs(map=b.map, node=b.hidden.node, kind="assumption")]


def _paired_assumption_draft(c: Context, found: _Assumptions, claim: str, blanks: list[Reconstruction]) -> Draft:
    """Both essays leave the same step to ``claim`` unstated: reconstruct and compare the two premises."""
    wording = c.wording(claim)
    about = [r for b in blanks for r in b.given]
    gap = found.same_gap(claim, blanks[0].hidden.node, blanks[1].hidden.node)
    facts: list[Fact] = [gap, *binds(c, c.a.id, claim), *binds(c, c.b.id, claim)]
    prompt = (f"Both essays reach the claim “{inside(wording)}” by the same step, from premises both make, and both "
              f"leave a premise of that step unstated ("
              + "; ".join(f"{b.map}: {' + '.join(g.node for g in b.given)} + ? → {b.target.node}" for b in blanks)
              + "). Reconstruct both. Are the two the same premise? Would each author accept it?")
    said: list[Said] = [(end(f"{b.map} needs {b.hidden.node}: {inside(b.hidden.text)}"), _step_facts(c, b))
                        for b in blanks]
    said.append(("Both essays state the premises of the step and draw its conclusion, so each author needs the "
                 "premise they leave out.", [gap, *(f for b in blanks for f in _step_facts(c, b))]))
    return draft("unstated-assumption", prompt, facts, about, said, claim=claim,
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
    other = c.other(gm.id)
    given = " + ".join(g.node for g in b.given)
    step = f"the step from {given} to {b.target.node}" if given else f"the step to {b.target.node}"
    step_facts = _step_facts(c, b)
    prompt = (f"In {gm.id}, {step} needs a premise the essay never states. "
              f"Reconstruct it. Would {gm.id}'s author accept it? Would {other.id}'s?")
    said: list[Said] = [(end(f"The missing premise, {aid}: {inside(b.hidden.text)}"), step_facts)]
    stated = join_and([f"{g.node} (“{inside(g.quote)}”)" for g in b.given if g.quote])
    target = f"{b.target.node} (“{inside(b.target.quote)}”)" if b.target.quote else b.target.node
    said.append((f"{gm.id}'s author: yes, the text suggests so: the essay states {stated or 'its premises'} and "
                 f"draws {target} from {'them' if len(b.given) > 1 else 'it'}, which it can do only with {aid}."
                 if b.given else
                 f"{gm.id}'s author: the essay draws {target} with no stated premise for it, so it needs {aid}.",
                 step_facts))
    said.append(_other_author(c, gm, other, b))
    said.append(impact_said(c, gm.id, aid))
    return draft("unstated-assumption", prompt, step_facts, b.given, said, answer_nodes=[b.hidden], blanks=[b])


def _parallel_step(c: Context, other: GroundedMap, claims: list[str | None]) -> tuple[Relation, str] | None:
    """A support of ``other`` that argues from a node bound (affirming) to one of ``claims``, the given premises of
    the step asked about: the other essay taking a step of its own from the same ground; with the node's id."""
    for r in other.model.relations:
        if not r.is_support:
            continue
        for x in r.sources:
            n = c.node(other.id, x)
            if n.claim is not None and n.claim in claims and n.effective_stance == "affirms":
                return r, x
    return None


def _other_author(c: Context, gm: GroundedMap, other: GroundedMap, b: Reconstruction) -> Said:
    """What in the other essay suggests its author would, or would not, accept the step of blank ``b``."""
    claims = [(r, c.node(gm.id, r.node).claim) for r in (*b.given, b.target, b.hidden)]
    shared = [(r, cl) for r, cl in claims if cl and c.bound(other.id, cl)]
    if shared:
        facts: list[Fact] = [f for _, cl in shared for f in binds(c, other.id, cl)]
        made = [f"{r.node} (its {join_and([n.id for n in c.bound(other.id, cl)])})" for r, cl in shared
                if any(n.effective_stance == "affirms" for n in c.bound(other.id, cl))]
        denied = [f"{r.node} (its {join_and([n.id for n in c.bound(other.id, cl)])})" for r, cl in shared
                  if all(n.effective_stance == "denies" for n in c.bound(other.id, cl))]
        if denied:
            return (f"{other.id}'s author: probably not: {other.id} denies the claim of {join_and(denied)}.", facts)
        parallel = _parallel_step(c, other, [cl for r, cl in shared if r in b.given])
        if parallel is not None:
            rel, own = parallel
            hidden = [x for x in rel.sources if c.node(other.id, x).kind == "assumption"]
            facts += [SupportedBy(map=other.id, node=rel.target, relation=rel.key, sources=list(rel.sources)),
                      *(KindIs(map=other.id, node=x, kind="assumption") for x in hidden)]
            need = (f", by a step that rests on a premise it leaves unstated too (its {hidden[0]}: "
                    f"“{inside(c.node(other.id, hidden[0]).text)}”): compare the two" if hidden else "")
            return (f"{other.id}'s author: probably: {other.id} itself argues from the same claim (its {own}) to its "
                    f"{rel.target}{need}.", facts)
        return (f"{other.id}'s author: perhaps: {other.id} also makes the claim of {join_and(made)}, but whether it "
                f"would take the same step, its text does not say.", facts)
    facts = [OnlyIn(map=gm.id, node=r.node, other=other.id) for r, _ in claims]
    return (f"{other.id}'s author: its text gives no sign either way: it makes none of the claims of the step "
            f"({join_and([r.node for r, _ in claims])}).", facts)
