"""Discussion questions generated from the structure of a comparison.

Each question points at the nodes it is about (map id + node id) and carries a
model answer drawn from the maps: the paths, the nodes that answer it, and the
curators' notes.  The kinds, in the order they are asked:

1. ``shared-premise``: a claim both essays accept that leads them to different
   conclusions or theses (the comparison's divergent conclusions first, then the
   most central shared premises that reach both theses).
2. ``contradiction``: a claim one essay affirms and the other denies.
3. ``central-claim``: the shared claim most central to the merged graph.
4. ``load-bearing``: per essay, the premise whose rejection does the most damage
   to the thesis, then a conclusion that stands on one argument only.
5. ``unstated-assumption``: an assumption neither essay states; students
   reconstruct it (a blank in the student handout).
6. ``evidence``: claims resting on no cited evidence.

The order is deterministic: by kind, then left essay before right, then the
order of the registry and of the maps' nodes.

>>> from argmap.corpus import bundled_maps_dir, load_corpus
>>> qs = discussion_questions(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> [q.id for q in qs[:3]]
['Q1', 'Q2', 'Q3']
>>> any(q.kind == "contradiction" and q.claim == "china-stood-apart" for q in qs)
True
"""

from __future__ import annotations

import itertools
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.corpus import Corpus
from argmap.errors import ArgmapError
from argmap.model import ArgumentMap, Node
from argmap.results import Comparison
from argmap.validate import GroundedMap

from .structure import ClaimCentrality, MapStructure, cited_support, load_bearing, map_structure, shared_centrality

__all__ = [
    "KINDS",
    "NodeRef",
    "Question",
    "QuestionKind",
    "Reconstruction",
    "discussion_questions",
    "node_ref",
]

QuestionKind = Literal["shared-premise", "contradiction", "central-claim", "load-bearing",
                       "unstated-assumption", "evidence"]
KINDS: tuple[str, ...] = ("shared-premise", "contradiction", "central-claim", "load-bearing",
                          "unstated-assumption", "evidence")
TITLES = {
    "shared-premise": "Same premise, different destinations",
    "contradiction": "A contradiction between the essays",
    "central-claim": "The hub of both arguments",
    "load-bearing": "A load-bearing premise",
    "unstated-assumption": "An assumption neither essay states",
    "evidence": "Claims without cited evidence",
}
_FROZEN = ConfigDict(frozen=True)


class NodeRef(BaseModel):
    """A node of a map, with what a reader needs to find it in the essay."""

    model_config = _FROZEN
    map: str
    node: str
    kind: str
    text: str
    quote: str | None
    note: str | None = None


class Reconstruction(BaseModel):
    """A blank to fill: stated premises and a conclusion, with the hidden premise left out."""

    model_config = _FROZEN
    map: str
    relation: str
    given: list[NodeRef]
    hidden: NodeRef = Field(description="the assumption: the model answer, shown only to teachers")
    target: NodeRef


class Question(BaseModel):
    """One discussion question and its model answer."""

    model_config = _FROZEN
    id: str
    kind: QuestionKind
    title: str
    prompt: str
    about: list[NodeRef] = Field(description="the nodes the question is about")
    claim: str | None = None
    answer: list[str] = Field(description="model answer, one paragraph per item")
    answer_nodes: list[NodeRef] = Field(description="the nodes whose content answers the question")
    paths: dict[str, list[str]] = Field(default_factory=dict, description="map id to a chain of node ids")
    blanks: list[Reconstruction] = Field(default_factory=list)

    @property
    def notes(self) -> list[NodeRef]:
        """Curator notes on the nodes involved, each node once."""
        seen: dict[tuple[str, str], NodeRef] = {}
        for r in [*self.about, *self.answer_nodes]:
            if r.note and (r.map, r.node) not in seen:
                seen[(r.map, r.node)] = r
        return list(seen.values())


def node_ref(gm: GroundedMap | ArgumentMap, node_id: str) -> NodeRef:
    """A :class:`NodeRef` for ``node_id`` of a map."""
    m = gm.model if isinstance(gm, GroundedMap) else gm
    n = m.node(node_id)
    if n is None:  # pragma: no cover - callers pass ids taken from the map
        raise ArgmapError(f"map '{m.id}' has no node '{node_id}'")
    return NodeRef(map=m.id, node=n.id, kind=n.kind, text=n.text, quote=n.quote, note=n.note)


def _say(r: NodeRef) -> str:
    """``bankruptcy P1 (“quote”)``, or the paraphrase for an assumption."""
    words = f"“{r.quote}”" if r.quote else f"unstated: {r.text}"
    return f"{r.map} {r.node} ({words})"


def _ids(refs: list[NodeRef]) -> str:
    """``bankruptcy P5, enforcer P6c``."""
    return ", ".join(f"{r.map} {r.node}" for r in refs)


def _and(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _label(r: NodeRef) -> str:
    return f"{r.node} ({r.text.rstrip('.')})"


def _supporters(m: ArgumentMap, node: str) -> list[tuple[str, list[str]]]:
    """(relation key, sources) of the supports into ``node``."""
    return [(r.key, list(r.sources)) for r in m.relations if r.type == "supports" and r.target == node]


def _chain(m: ArgumentMap, path: list[str]) -> str:
    """A path with its linked co-premises: ``P1 (+ P1a, A1) → T``."""
    parts = []
    for here, nxt in zip(path, [*path[1:], None], strict=True):
        extra = ""
        if nxt is not None:
            rel = next((r for r in m.relations if r.type == "supports" and r.target == nxt and here in r.sources), None)
            others = [s for s in rel.sources if s != here] if rel else []
            extra = f" (with {', '.join(others)})" if others else ""
        parts.append(here + extra)
    return " → ".join(parts)


class _Ctx:
    """What every generator needs, computed once."""

    def __init__(self, corpus: Corpus, left: str, right: str) -> None:
        from argmap.queries import compare

        self.corpus = corpus
        self.a, self.b = corpus.get(left), corpus.get(right)
        self.maps = {self.a.id: self.a, self.b.id: self.b}
        self.comparison: Comparison = compare(corpus, left, right)
        self.central: list[ClaimCentrality] = shared_centrality(corpus, [left, right])
        self.structure: dict[str, MapStructure] = {g.id: map_structure(g.model) for g in (self.a, self.b)}
        self.cited = {g.id: cited_support(g.model) for g in (self.a, self.b)}

    def ref(self, map_id: str, node: str) -> NodeRef:
        return node_ref(self.maps[map_id], node)

    def bound(self, map_id: str, claim: str) -> list[Node]:
        return [n for n in self.maps[map_id].model.nodes if n.claim == claim]

    def other(self, map_id: str) -> GroundedMap:
        return self.b if map_id == self.a.id else self.a


_Draft = tuple[QuestionKind, str, list[NodeRef], str | None, list[str], list[NodeRef], dict[str, list[str]],
               list[Reconstruction]]


def _shared_premise(c: _Ctx) -> list[_Draft]:
    out: list[_Draft] = []
    L, R = c.a.id, c.b.id
    for d in c.comparison.disagreements:
        if d.reason != "divergent-conclusions":
            continue
        about = [c.ref(m.map, m.node) for m in d.left + d.right]
        prompt = (f"Both essays accept the claim “{d.wording}” ({_ids(about)}), and in each it {d.detail}. "
                  f"How can one premise lead the two essays to opposite conclusions?")
        answer = [f"The shared premise {d.detail}. Look at what each essay adds along the way."]
        out.append(("shared-premise", prompt, about, d.claim, answer, [], {}, []))
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
        prompt = (f"Both essays accept the claim “{wording}” ({_ids(about)}), yet each argues from it towards a "
                  f"different thesis. What does each essay add to get from this common ground to its own thesis?")
        answer = [f"{L}: {_chain(c.a.model, p.left)}.", f"{R}: {_chain(c.b.model, p.right)}."]
        nodes: list[NodeRef] = []
        for gm, path in ((c.a, p.left), (c.b, p.right)):
            for here, nxt in itertools.pairwise(path):
                rel = next(r for r in gm.model.relations if r.type == "supports" and r.target == nxt
                           and here in r.sources)
                nodes += [c.ref(gm.id, s) for s in rel.sources if s != here]
                nodes.append(c.ref(gm.id, nxt))
        added = [f"{r.map} {_label(r)}" for r in nodes if r.kind == "assumption"]
        if added:
            answer.append("The steps rest on unstated assumptions: " + "; ".join(added) + ".")
        out.append(("shared-premise", prompt, about, p.claim, answer, nodes, {L: p.left, R: p.right}, []))
    return out


def _contradiction(c: _Ctx) -> list[_Draft]:
    out: list[_Draft] = []
    for d in c.comparison.disagreements:
        if d.reason != "opposite-stances":
            continue
        about = [c.ref(m.map, m.node) for m in d.left + d.right]
        sides = _and([f"{m.map} {m.node} {m.stance}" for m in d.left + d.right])
        prompt = (f"{sides} the claim “{d.wording}” What does each essay offer for its position, and which is "
                  f"better supported?")
        answer, nodes = [], []
        for m in d.left + d.right:
            gm = c.maps[m.map]
            sup = [s for _, srcs in _supporters(gm.model, m.node) for s in srcs]
            att = [r.sources for r in gm.model.relations if r.type == "attacks" and r.target == m.node]
            refs = [c.ref(m.map, s) for s in sup]
            nodes += refs
            said = "; ".join(_label(r) for r in refs) if refs else "nothing: the essay asserts it without support"
            line = f"{m.map} {m.node} is supported by {said}."
            if att:
                foes = [c.ref(m.map, s) for srcs in att for s in srcs]
                nodes += foes
                line += " The essay answers an objection to it: " + "; ".join(_label(r) for r in foes) + "."
            cites = c.cited[m.map].get(m.node, [])
            named = [f"{e} ({'; '.join(gm.model.node(e).citation or [])})" for e in cites]  # type: ignore[union-attr]
            line += f" Cited sources: {', '.join(named)}." if cites else " It cites no source."
            answer.append(line)
        out.append(("contradiction", prompt, about, d.claim, answer, nodes, {}, []))
    return out


def _impact_lines(c: _Ctx, map_id: str, node: str) -> str:
    s = c.structure[map_id]
    hit = next((i for i in s.impacts if i.node == node), None)
    if hit is None:
        return f"{map_id}: rejecting {node} cuts nothing else off; the thesis keeps all {len(s.lines)} lines."
    if not hit.lines:
        return (f"{map_id}: rejecting {node} leaves the thesis's {len(s.lines)} lines of support intact, but leaves "
                f"{', '.join(hit.cuts)} unsupported.")
    tail = f" and leaves {', '.join(hit.cuts)} unsupported" if hit.cuts else ""
    return f"{map_id}: rejecting {node} breaks {len(hit.lines)} of the thesis's {len(s.lines)} lines of support{tail}."


def _central(c: _Ctx, earlier: list[_Draft]) -> list[_Draft]:
    asked = {d[3] for d in earlier}
    top = next((x for x in c.central if x.claim not in asked), None)
    if top is None:
        return []
    about = [c.ref(g.id, n.id) for g in (c.a, c.b) for n in c.bound(g.id, top.claim)]
    prompt = (f"“{top.wording}” ({_ids(about)}) is the most central of the shared claims: more of the routes "
              f"connecting the two arguments run through it than through any other (betweenness "
              f"{top.betweenness:.2f}). What would each essay lose if it were false?")
    answer = [_impact_lines(c, r.map, r.node) for r in about]
    paths = {}
    for p in c.comparison.paths:
        if p.claim == top.claim:
            if p.left:
                paths[c.a.id] = p.left
            if p.right:
                paths[c.b.id] = p.right
    for mid, path in paths.items():
        answer.append(f"Its route to the thesis in {mid}: {_chain(c.maps[mid].model, path)}.")
    nodes = [c.ref(mid, x) for mid, path in paths.items() for x in path[1:]]
    return [("central-claim", prompt, about, top.claim, answer, nodes, paths, [])]


def _load_bearing(c: _Ctx) -> list[_Draft]:
    out: list[_Draft] = []
    for gm in (c.a, c.b):
        s = c.structure[gm.id]
        m = gm.model
        if s.load_bearing:
            x = next((n for n in s.load_bearing if m.node(n).kind != "assumption"), s.load_bearing[0])  # type: ignore[union-attr]
            r = c.ref(gm.id, x)
            prompt = (f"Every line of support for {gm.id}'s thesis runs through {x}: a reader who rejected it would "
                      f"leave the thesis unsupported. How well does the essay establish {x}?")
            answer = [f"Load-bearing for the thesis: {', '.join(s.load_bearing)}.", _impact_lines(c, gm.id, x)]
            out.append(("load-bearing", prompt, [r], m.node(x).claim, answer,  # type: ignore[union-attr]
                        [c.ref(gm.id, n) for n in s.load_bearing], {}, []))
        else:
            top = next((i for i in s.impacts if i.node != s.thesis), None)
            if top is not None and top.lines:
                r = c.ref(gm.id, top.node)
                ties = [i.node for i in s.impacts if i.node not in (top.node, s.thesis)
                        and (len(i.lines), len(i.cuts)) == (len(top.lines), len(top.cuts))]
                also = f" (so would rejecting {' or '.join(ties)})" if ties else ""
                prompt = (f"{gm.id}'s thesis rests on {len(s.lines)} separate lines of support, so no single premise "
                          f"carries it alone. Rejecting {top.node} would break the most: {len(top.lines)} of "
                          f"{len(s.lines)}{also}. Is {top.node} well founded? Which line would you attack first, "
                          f"and why?")
                lines = []
                for key in top.lines:
                    rel = next(x for x in m.relations if x.key == key)
                    lines.append(" + ".join(rel.sources) + f" → {rel.target}")
                answer = [f"The lines it breaks: {'; '.join(lines)}.", _impact_lines(c, gm.id, top.node)]
                nodes = [c.ref(gm.id, n) for n in top.cuts]
                out.append(("load-bearing", prompt, [r], m.node(top.node).claim, answer, nodes, {}, []))  # type: ignore[union-attr]
        best: tuple[int, int, str, list[str]] | None = None
        for i, n in enumerate(m.nodes):
            if n.kind != "conclusion":
                continue
            bearing = [x for x in load_bearing(m, n.id) if x != s.thesis]
            if bearing and (best is None or len(bearing) > len(best[3])):
                best = (len(bearing), i, n.id, bearing)
        if best is not None:
            _, _, concl, bearing = best
            target = c.ref(gm.id, concl)
            refs = [c.ref(gm.id, x) for x in bearing]
            prompt = (f"{gm.id}'s conclusion {concl} stands on one argument only: reject "
                      f"{' or '.join(r.node for r in refs)} and it is left with no support. Should a reader accept "
                      f"{'it' if len(refs) == 1 else 'them'}? What else would the essay need to say?")
            answer = [f"Load-bearing for {concl}: {'; '.join(_label(r) for r in refs)}."]
            answer += [_impact_lines(c, gm.id, x) for x in bearing]
            out.append(("load-bearing", prompt, [target, *refs], m.node(concl).claim, answer, refs, {}, []))  # type: ignore[union-attr]
    return out


def _assumption_relations(m: ArgumentMap) -> dict[str, list[tuple[str, list[str], str]]]:
    """Assumption id to the (relation key, other sources, target) it takes part in."""
    kinds = {n.id: n.kind for n in m.nodes}
    out: dict[str, list[tuple[str, list[str], str]]] = {}
    for r in m.relations:
        for s in r.sources:
            if kinds.get(s) == "assumption" and r.type == "supports":
                out.setdefault(s, []).append((r.key, [x for x in r.sources if x != s], r.target))
    return out


def _unstated(c: _Ctx, earlier: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
    mentioned = {(r.map, r.node) for d in earlier for r in [*d[2], *d[5]]}
    rels = {g.id: _assumption_relations(g.model) for g in (c.a, c.b)}

    def stated_elsewhere(gm: GroundedMap, n: Node) -> bool:
        return n.claim is not None and any(x.kind != "assumption" for x in c.bound(c.other(gm.id).id, n.claim))

    def blank(gm: GroundedMap, aid: str, claim: str | None = None, role: str = "") -> Reconstruction:
        ids = {n.id for n in c.bound(gm.id, claim)} if claim else set()
        items = rels[gm.id][aid]
        key, others, target = next((x for x in items if (role == "from" and ids & set(x[1]))
                                    or (role == "to" and x[2] in ids)), items[0])
        return Reconstruction(map=gm.id, relation=key, given=[c.ref(gm.id, x) for x in others],
                              hidden=c.ref(gm.id, aid), target=c.ref(gm.id, target))

    used: set[tuple[str, str]] = set()

    def candidates(gm: GroundedMap, claim: str) -> list[tuple[str, str]]:
        ids = {n.id for n in c.bound(gm.id, claim)}
        found = []
        for a, items in rels[gm.id].items():
            if (gm.id, a) in used or stated_elsewhere(gm, gm.model.node(a)):  # type: ignore[arg-type]
                continue
            for _, others, target in items:
                if ids & set(others):
                    found.append((a, "from"))
                if target in ids:
                    found.append((a, "to"))
        return found

    # Pairs in which both essays use the claim the same way (both reason from it, or both reach it) first.
    order = [x.id for x in c.corpus.registry.claims]
    pairs: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}
    for same_role in (True, False):
        for claim in order:
            if claim in pairs:
                continue
            pick = next(((x, y) for x in candidates(c.a, claim) for y in candidates(c.b, claim)
                         if not same_role or x[1] == y[1]), None)
            if pick is not None:
                pairs[claim] = pick
                used |= {(c.a.id, pick[0][0]), (c.b.id, pick[1][0])}
    for claim in (x for x in order if x in pairs):
        (aa, ra), (ab, rb) = pairs[claim]
        blanks = [blank(c.a, aa, claim, ra), blank(c.b, ab, claim, rb)]
        wording = c.corpus.registry.get(claim).wording  # type: ignore[union-attr]
        about = [r for b in blanks for r in b.given]
        prompt = (f"Where both essays use the claim “{wording}”, each needs a premise it never states ("
                  + "; ".join(f"{b.map}: {' + '.join(g.node for g in b.given)} + ? → {b.target.node}"
                              for b in blanks)
                  + "). Reconstruct both. Would each author accept it? Are the two the same?")
        answer = [f"{b.map} {b.hidden.node}: {b.hidden.text}" for b in blanks]
        out.append(("unstated-assumption", prompt, about, claim, answer, [b.hidden for b in blanks], {}, blanks))
    for gm in (c.a, c.b):
        s = c.structure[gm.id]
        damage = {i.node: (len(i.lines), len(i.cuts)) for i in s.impacts}
        place = {n.id: k for k, n in enumerate(gm.model.nodes)}
        pool = [a for a in rels[gm.id] if (gm.id, a) not in used
                and not stated_elsewhere(gm, gm.model.node(a))]  # type: ignore[arg-type]
        if not pool:
            continue
        aid = min(pool, key=lambda a: ((gm.id, a) in mentioned, -damage.get(a, (0, 0))[0],
                                       -damage.get(a, (0, 0))[1], place[a]))
        b = blank(gm, aid)
        given = " + ".join(g.node for g in b.given)
        prompt = (f"In {gm.id}, the step from {given} to {b.target.node} needs a premise the essay never states. "
                  f"Reconstruct it. Would the author accept it? Would {c.other(gm.id).id}?")
        answer = [f"{aid}: {b.hidden.text}", _impact_lines(c, gm.id, aid)]
        out.append(("unstated-assumption", prompt, b.given, None, answer, [b.hidden], {}, [b]))
    return out


def _evidence(c: _Ctx) -> list[_Draft]:
    out: list[_Draft] = []
    for gm in (c.a, c.b):
        s = c.structure[gm.id]
        if not s.uncited:
            continue
        refs = [c.ref(gm.id, x) for x in s.uncited]
        if not any(n.citation for n in gm.model.nodes):
            prompt = (f"{gm.id} names no source for any of its evidence: its thesis and every line of support rest "
                      f"on the author's word. Which claim would you most want a source for, and where would you look?")
        else:
            prompt = (f"{gm.id} cites sources, but {_and([r.node for r in refs])} rest on none. "
                      f"Which of them most needs one?")
        cited = [n for n in gm.model.nodes if n.kind == "evidence" and n.citation]
        answer = [f"Resting on no cited evidence: {', '.join(s.uncited)}."]
        answer.append(f"Evidence with a cited source: {', '.join(n.id for n in cited)}." if cited
                      else "No evidence node carries a citation.")
        out.append(("evidence", prompt, refs[:6], None, answer, [c.ref(gm.id, n.id) for n in cited], {}, []))
    rank = {x.claim: i for i, x in enumerate(c.central)}
    for claim in sorted(rank, key=rank.__getitem__):
        cites = {g.id: sorted({e for n in c.bound(g.id, claim) for e in c.cited[g.id][n.id]}) for g in (c.a, c.b)}
        with_src = [m for m, e in cites.items() if e]
        if len(with_src) != 1:
            continue
        has, lacks = c.maps[with_src[0]], c.other(with_src[0])
        about = [c.ref(g.id, n.id) for g in (c.a, c.b) for n in c.bound(g.id, claim)]
        sources = [x for e in cites[has.id] for x in (has.model.node(e).citation or [])]  # type: ignore[union-attr]
        wording = c.corpus.registry.get(claim).wording  # type: ignore[union-attr]
        prompt = (f"Both essays make the claim “{wording}” ({_ids(about)}), but only {has.id} cites a source for "
                  f"it ({'; '.join(sources)}). Does {lacks.id} need one? What would count as good evidence?")
        answer = [f"{has.id} rests it on {', '.join(cites[has.id])}; {lacks.id} gives no cited evidence for it."]
        out.append(("evidence", prompt, about, claim, answer,
                    [c.ref(has.id, e) for e in cites[has.id]], {}, []))
        break
    return out


def discussion_questions(corpus: Corpus, left: str, right: str) -> list[Question]:
    """The discussion questions for comparing ``left`` with ``right``, numbered Q1, Q2, … (see module doc)."""
    if left == right:
        raise ArgmapError(f"a comparison needs two different maps, got '{left}' twice")
    c = _Ctx(corpus, left, right)
    drafts = [*_shared_premise(c), *_contradiction(c)]
    drafts += _central(c, drafts)
    drafts += _load_bearing(c)
    drafts += _unstated(c, drafts)
    drafts += _evidence(c)
    out = []
    for i, (kind, prompt, about, claim, answer, nodes, paths, blanks) in enumerate(drafts, start=1):
        out.append(Question(id=f"Q{i}", kind=kind, title=TITLES[kind], prompt=prompt, about=about, claim=claim,
                            answer=answer, answer_nodes=nodes, paths=paths, blanks=blanks))
    return out
