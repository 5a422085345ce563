"""Questions about common ground: shared premises and a claim both arguments rest on (where the essays part is
:mod:`argmap.classroom.questions.parting`).

Each generator takes a :class:`~argmap.classroom.questions.context.Context` and returns drafts whose every sentence
carries the facts (:mod:`argmap.queries.facts`) it states.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> all(d.kind == "shared-premise" for d in shared_premise_drafts(c))
True
"""

from __future__ import annotations

import itertools

from argmap.classroom.questions.context import (
    Context,
    Said,
    binds,
    draft,
    impact_said,
    join_and,
    node_list,
    path_facts,
    path_sentence,
)
from argmap.classroom.questions.model import CitedNode, Draft
from argmap.classroom.wording import count, inside
from argmap.format.model import ArgumentMap
from argmap.queries.facts import (
    Fact,
    KindIs,
    OnPath,
    RelationIs,
    SupportedBy,
)
from argmap.queries.results import Disagreement

__all__ = ["central_claim_drafts", "shared_premise_drafts"]


def _chain(m: ArgumentMap, starts: list[str], goals: set[str]) -> list[str] | None:
    """The shortest chain of supports from one of ``starts`` to one of ``goals`` in ``m``, or None."""
    todo = [[s] for s in starts]
    seen = set(starts)
    while todo:
        path = todo.pop(0)
        if path[-1] in goals and len(path) > 1:
            return path
        for r in m.relations:
            if r.is_support and path[-1] in r.sources and r.target not in seen and m.node(r.target) is not None:
                seen.add(r.target)
                todo.append([*path, r.target])
    return None


def _divergent(c: Context, d: Disagreement) -> Draft | None:
    """A claim both essays agree on that leads, in each, to a claim they contradict each other on."""
    pair = (c.a, c.b)
    target = next((y.claim for y in c.comparison.disagreements if y.reason == "opposite-stances"
                   and all(_chain(g.model, [n.id for n in c.bound(g.id, d.claim)],
                                  {n.id for n in c.bound(g.id, y.claim)}) for g in pair)), None)
    if target is None:
        return None
    chains = {g.id: _chain(g.model, [n.id for n in c.bound(g.id, d.claim)], {n.id for n in c.bound(g.id, target)})
              for g in pair}
    about = [c.ref(m.map, m.node) for m in d.left + d.right]
    facts: list[Fact] = [RelationIs(claim=d.claim, maps=[c.a.id, c.b.id], relation="agree"),
                         RelationIs(claim=target, maps=[c.a.id, c.b.id], relation="contradict")]
    facts += [f for g in pair for f in binds(c, g.id, d.claim) + binds(c, g.id, target)]
    facts += [OnPath(map=g, path=p, to_thesis=False) for g, p in chains.items() if p]
    prompt = (f"Both essays accept the claim “{inside(d.wording)}” ({node_list(about)}), and in each it leads to "
              f"“{inside(c.wording(target))}”, which one essay affirms and the other denies. How can one premise "
              f"lead the two essays to opposite conclusions?")
    said: list[Said] = []
    for g in pair:
        p = chains[g.id] or []
        stance = next(n.effective_stance for n in c.bound(g.id, target) if n.id == p[-1])
        said.append((f"{g.id}: {' → '.join(p)}, and {p[-1]} {stance} the claim.",
                     [OnPath(map=g.id, path=p, to_thesis=False), *binds(c, g.id, target)]))
    return draft("shared-premise", prompt, facts, about, said, claim=d.claim, template="divergent-conclusions")


def _routes(c: Context, left: list[str], right: list[str]) -> list[Said]:
    """How the two chains from one shared claim to one shared thesis compare: their lengths, and what each essay
    puts under the shared claim itself."""
    steps = [count(len(x) - 1, "step") for x in (left, right)]
    facts: list[Fact] = [OnPath(map=c.a.id, path=left), OnPath(map=c.b.id, path=right)]
    out: list[Said] = [(f"Both take the same route, {steps[0]} from the shared claim to the thesis." if steps[0] == steps[1]
                        else f"{c.a.id} takes {steps[0]} from the shared claim to the thesis, {c.b.id} {steps[1]}.",
                        facts)]
    for gm, start in ((c.a, left[0]), (c.b, right[0])):
        backing = [r for r in gm.model.relations if r.is_support and r.target == start]
        if backing:
            out.append((f"{gm.id} also gives a reason for {start} itself: "
                        f"{join_and([' + '.join(r.sources) for r in backing])}.",
                        [SupportedBy(map=gm.id, node=start, relation=r.key, sources=list(r.sources))
                         for r in backing]))
    return out


def shared_premise_drafts(c: Context) -> list[Draft]:
    """Claims both essays agree on that lead to different places: divergent conclusions, then the two most central
    shared claims that reach both theses through support."""
    out: list[Draft] = []
    L, R = c.a.id, c.b.id
    for d in c.comparison.disagreements:
        if d.reason == "divergent-conclusions":
            found = _divergent(c, d)
            if found is not None:
                out.append(found)
    rank = {x.claim: i for i, x in enumerate(c.central)}
    agreed = {x.claim for x in c.comparison.agreements} - {d.claim for d in c.comparison.disagreements}
    candidates = [p for p in c.comparison.paths
                  if p.claim in agreed and p.left_via == "supports" and p.right_via == "supports"
                  and p.left and p.right and len(p.left) > 1 and len(p.right) > 1]
    candidates.sort(key=lambda p: rank.get(p.claim, len(rank)))
    for p in candidates[:2]:
        assert p.left is not None and p.right is not None
        wording = c.wording(p.claim)
        about = [c.ref(L, p.left[0]), c.ref(R, p.right[0])]
        facts: list[Fact] = [RelationIs(claim=p.claim, maps=[L, R], relation="agree"), *binds(c, L, p.claim),
                             *binds(c, R, p.claim), OnPath(map=L, path=p.left), OnPath(map=R, path=p.right)]
        ta, tb = c.a.model.thesis, c.b.model.thesis
        one = ta.claim is not None and ta.claim == tb.claim and ta.effective_stance == tb.effective_stance
        if one:  # both theses are bound to one claim: the same destination, perhaps by different routes
            facts += binds(c, L, c.a.model.thesis.claim or "") + binds(c, R, c.a.model.thesis.claim or "")
            thesis = inside(c.wording(c.a.model.thesis.claim or ''))
            # theses that deny the claim they are bound to argue against it, not for it
            goal = (f"to the same thesis, “{thesis}”" if c.a.model.thesis.effective_stance != "denies"
                    else f"to the same thesis, that it is not so that “{thesis}”")
            prompt = (f"Both essays accept the claim “{inside(wording)}” ({node_list(about)}), and both argue from it "
                      f"{goal}. Do they take the same route? What does each essay add on the way?")
        else:
            prompt = (f"Both essays accept the claim “{inside(wording)}” ({node_list(about)}), and each argues from "
                      f"it towards its own thesis. What does each essay add to get from this common ground to its "
                      f"thesis?")
        said: list[Said] = [(path_sentence(c.a.model, p.left), path_facts(c.a.model, p.left)),
                            (path_sentence(c.b.model, p.right), path_facts(c.b.model, p.right))]
        if one:
            said += _routes(c, p.left, p.right)
        nodes: list[CitedNode] = []
        for gm, path in ((c.a, p.left), (c.b, p.right)):
            for here, nxt in itertools.pairwise(path):
                rel = next(r for r in gm.model.relations if r.is_support and r.target == nxt and here in r.sources)
                nodes += [c.ref(gm.id, s) for s in rel.sources if s != here]
                nodes.append(c.ref(gm.id, nxt))
        added = [r for r in nodes if r.kind == "assumption"]
        if added:
            who = {r.map for r in added}
            whose = f"{next(iter(who))}'s steps rest" if len(who) == 1 else "The steps rest"
            leave = "it leaves" if len(who) == 1 else "the essays leave"
            said.append((f"{whose} on {'an assumption' if len(added) == 1 else 'assumptions'} {leave} "
                         f"unstated ({join_and([f'{r.map} {r.node}' for r in added])}).",
                         [f for gm, path in ((c.a, p.left), (c.b, p.right)) for f in path_facts(gm.model, path)
                          if isinstance(f, KindIs)]))
        out.append(draft("shared-premise", prompt, facts, about, said, claim=p.claim, answer_nodes=nodes,
                         paths={L: p.left, R: p.right}, template="same-thesis" if one else ""))
    return out


def central_claim_drafts(c: Context, earlier: list[Draft]) -> list[Draft]:
    """The most central claim the essays agree on that leads, through support, to both theses and that no earlier
    question asks about."""
    asked = {d.claim for d in earlier}
    agreed = {x.claim for x in c.comparison.agreements}
    paths = {p.claim: p for p in c.comparison.paths
             if p.left and p.right and len(p.left) > 1 and len(p.right) > 1
             and p.left_via == "supports" and p.right_via == "supports"}
    top = next((x for x in c.central if x.claim not in asked and x.claim in agreed and x.claim in paths), None)
    if top is None:
        return []
    p = paths[top.claim]
    assert p.left is not None and p.right is not None
    chosen = {c.a.id: p.left, c.b.id: p.right}
    about = [c.ref(mid, path[0]) for mid, path in chosen.items()]
    facts: list[Fact] = [RelationIs(claim=top.claim, maps=[c.a.id, c.b.id], relation="agree"),
                         *binds(c, c.a.id, top.claim), *binds(c, c.b.id, top.claim),
                         *(OnPath(map=mid, path=path) for mid, path in chosen.items())]
    prompt = (f"Both essays rely on “{inside(top.wording)}” ({node_list(about)}) on their way to their theses. "
              f"What would each essay lose if it were false?")
    said: list[Said] = [impact_said(c, r.map, r.node) for r in about]
    for mid, path in chosen.items():
        said.append((f"Its route to the thesis in {path_sentence(c.maps[mid].model, path)}",
                     path_facts(c.maps[mid].model, path)))
    nodes = [c.ref(mid, x) for mid, path in chosen.items() for x in path[1:]]
    return [draft("central-claim", prompt, facts, about, said, claim=top.claim, answer_nodes=nodes,
                  paths=dict(chosen))]
