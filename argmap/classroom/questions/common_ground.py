"""Questions about common ground: shared premises, contradictions, the central shared claim.

Each generator takes a :class:`~argmap.classroom.questions.context.Context` and returns drafts.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> 'russia-used-to-react' in [d.claim for d in contradiction_drafts(c)]
True
"""

from __future__ import annotations

import itertools

from argmap.classroom.questions.context import Context, impact_line, join_and, label, node_list, path_sentence, supporters
from argmap.classroom.questions.model import Draft, NodeRef
from argmap.classroom.wording import end, inside

__all__ = ["central_claim_drafts", "contradiction_drafts", "shared_premise_drafts"]


def shared_premise_drafts(c: Context) -> list[Draft]:
    """Shared claims that lead to different places: divergent conclusions, then the two most central paths."""
    out: list[Draft] = []
    L, R = c.a.id, c.b.id
    for d in c.comparison.disagreements:
        if d.reason != "divergent-conclusions":
            continue
        about = [c.ref(m.map, m.node) for m in d.left + d.right]
        prompt = (f"Both essays accept the claim “{inside(d.wording)}” ({node_list(about)}), and in each it "
                  f"{inside(d.detail)}. How can one premise lead the two essays to opposite conclusions?")
        answer = [end(f"The shared premise {inside(d.detail)}"), "Look at what each essay adds along the way."]
        out.append(Draft(kind="shared-premise", prompt=prompt, about=about, claim=d.claim, answer=answer,
                         template="divergent-conclusions"))
    rank = {x.claim: i for i, x in enumerate(c.central)}
    candidates = []
    for p in c.comparison.paths:
        if p.left_via == "supports" and p.right_via == "supports" and p.left and p.right \
                and len(p.left) > 1 and len(p.right) > 1 \
                and not any(d.claim == p.claim for d in c.comparison.disagreements):
            candidates.append(p)
    candidates.sort(key=lambda p: rank.get(p.claim, len(rank)))
    for p in candidates[:2]:
        assert p.left is not None and p.right is not None
        wording = next(x.wording for x in c.central if x.claim == p.claim) if p.claim in rank else p.claim
        about = [c.ref(L, p.left[0]), c.ref(R, p.right[0])]
        prompt = (f"Both essays accept the claim “{inside(wording)}” ({node_list(about)}), yet each argues from it "
                  f"towards a different thesis. What does each essay add to get from this common ground to its own "
                  f"thesis?")
        answer = [path_sentence(c.a.model, p.left), path_sentence(c.b.model, p.right)]
        nodes: list[NodeRef] = []
        for gm, path in ((c.a, p.left), (c.b, p.right)):
            for here, nxt in itertools.pairwise(path):
                rel = next(r for r in gm.model.relations if r.is_support and r.target == nxt
                           and here in r.sources)
                nodes += [c.ref(gm.id, s) for s in rel.sources if s != here]
                nodes.append(c.ref(gm.id, nxt))
        added = [f"{r.map} {r.node}" for r in nodes if r.kind == "assumption"]
        if added:
            answer.append(f"The steps rest on {'an unstated assumption' if len(added) == 1 else 'unstated assumptions'}"
                          f" ({join_and(added)}): ask whether each author would accept it.")
        out.append(Draft(kind="shared-premise", prompt=prompt, about=about, claim=p.claim, answer=answer,
                         answer_nodes=nodes, paths={L: p.left, R: p.right}))
    return out


def contradiction_drafts(c: Context) -> list[Draft]:
    """One question per claim one essay affirms and the other denies (see the module example)."""
    out: list[Draft] = []
    for d in c.comparison.disagreements:
        if d.reason != "opposite-stances":
            continue
        about = [c.ref(m.map, m.node) for m in d.left + d.right]
        sides = join_and([f"{m.map} {m.node} {m.stance}" for m in d.left + d.right])
        prompt = (f"{sides} the claim “{inside(d.wording)}”. What does each essay offer for its position, and which "
                  f"is better supported?")
        answer, nodes = [], []
        for m in d.left + d.right:
            gm = c.maps[m.map]
            sup = [s for _, srcs in supporters(gm.model, m.node) for s in srcs]
            att = [r.sources for r in gm.model.relations if r.type == "attacks" and r.target == m.node]
            refs = [c.ref(m.map, s) for s in sup]
            nodes += refs
            said = join_and([label(r) for r in refs]) if refs else "nothing: the essay asserts it without support"
            line = f"{m.map} {m.node} is supported by {said}."
            if att:
                foes = [c.ref(m.map, s) for srcs in att for s in srcs]
                nodes += foes
                line += f" The essay answers an objection to it: {join_and([label(r) for r in foes])}."
            cites = c.cited[m.map].get(m.node, [])
            named = [f"{e} ({inside('; '.join(c.node(m.map, e).citation or []))})" for e in cites]
            line += f" Cited sources: {join_and(named)}." if cites else " It cites no source."
            answer.append(line)
        out.append(Draft(kind="contradiction", prompt=prompt, about=about, claim=d.claim, answer=answer,
                         answer_nodes=nodes))
    return out


def central_claim_drafts(c: Context, earlier: list[Draft]) -> list[Draft]:
    """The most central shared claim not already asked about in ``earlier``, if any."""
    asked = {d.claim for d in earlier}
    top = next((x for x in c.central if x.claim not in asked), None)
    if top is None:
        return []
    about = [c.ref(g.id, n.id) for g in (c.a, c.b) for n in c.bound(g.id, top.claim)]
    prompt = (f"“{inside(top.wording)}” ({node_list(about)}) is the claim that links most of both arguments: more of "
              f"the routes between them run through it than through any other. What would each essay lose if it "
              f"were false?")
    answer = [impact_line(c, r.map, r.node) for r in about]
    paths = {}
    for p in c.comparison.paths:
        if p.claim == top.claim:
            if p.left:
                paths[c.a.id] = p.left
            if p.right:
                paths[c.b.id] = p.right
    for mid, path in paths.items():
        answer.append(f"Its route to the thesis in {path_sentence(c.maps[mid].model, path)}")
    nodes = [c.ref(mid, x) for mid, path in paths.items() for x in path[1:]]
    return [Draft(kind="central-claim", prompt=prompt, about=about, claim=top.claim, answer=answer,
                  answer_nodes=nodes, paths=paths)]
