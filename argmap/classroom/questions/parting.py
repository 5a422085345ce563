"""Questions about where the essays part: a contradiction (with a verdict on which side the maps support better)
and a difference or tension (the same question answered differently, said as such, never as a contradiction).

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> contradiction_drafts(c), sorted({d.kind for d in difference_drafts(c)})  # the bundled pair only differs
([], ['difference'])
"""

from __future__ import annotations

from argmap.classroom.questions.context import (
    Context,
    Said,
    binds,
    draft,
    join_and,
    label,
    node_list,
)
from argmap.classroom.questions.model import Draft
from argmap.classroom.wording import count, end, inside
from argmap.format.model import ArgumentMap
from argmap.queries.facts import (
    AttackedBy,
    Cites,
    Fact,
    NoCitedEvidence,
    OnPath,
    RelationIs,
    SupportedBy,
    Unsupported,
)
from argmap.queries.results import Mention

__all__ = ["contradiction_drafts", "difference_drafts"]


def _cited_paths(m: ArgumentMap, node: str) -> list[tuple[list[str], str]]:
    """(chain of supports from a cited evidence node to ``node``, citation) for each source that backs ``node``."""
    out: list[tuple[list[str], str]] = []
    todo, seen = [[node]], {node}
    while todo:
        path = todo.pop(0)
        n = m.node(path[0])
        if n is not None and n.kind == "evidence":
            out += [(path, cite) for cite in n.citation or []]
        for r in m.relations:
            if r.is_support and r.target == path[0]:
                for s in r.sources:
                    if s not in seen:
                        seen.add(s)
                        todo.append([s, *path])
    return out


class _Side:
    """What one essay offers for its stance on a claim: supports, objections it raises, cited sources."""

    def __init__(self, c: Context, m: Mention) -> None:
        gm = c.maps[m.map]
        self.map, self.node = m.map, m.node
        self.supports = [r for r in gm.model.relations if r.is_support and r.target == m.node]
        self.attacks = [r for r in gm.model.relations if r.type == "attacks" and r.target == m.node]
        self.answered = {r.key: any(x.type == "attacks" and (x.target in r.sources or x.target == r.id)
                                    for x in gm.model.relations) for r in self.attacks}
        self.citations = _cited_paths(gm.model, m.node)
        self.claim = c.node(m.map, m.node).claim
        self.refs = [c.ref(m.map, s) for r in self.supports for s in r.sources]

    @property
    def unanswered(self) -> int:
        return sum(1 for v in self.answered.values() if not v)

    def score(self) -> tuple[int, int, int]:
        """More cited sources, more supports, fewer unanswered objections: better supported."""
        return (len(self.citations), len(self.supports), -self.unanswered)

    def said(self, c: Context) -> Said:
        facts: list[Fact] = []
        if self.supports:
            text = (f"{self.map} {self.node} is supported by "
                    f"{join_and([label(r) for r in self.refs])}")
            facts += [SupportedBy(map=self.map, node=self.node, relation=r.key, sources=list(r.sources))
                      for r in self.supports]
        else:
            text = f"{self.map} {self.node} is asserted without support in the essay"
            facts.append(Unsupported(map=self.map, node=self.node))
        if self.citations:
            named = [f"{path[0]} ({inside(cite)})" for path, cite in self.citations]
            text += f"; it rests on cited evidence: {join_and(named)}"
            for path, cite in self.citations:
                facts.append(Cites(map=self.map, evidence=path[0], citation=cite))
                if len(path) > 1:
                    facts.append(OnPath(map=self.map, path=path, to_thesis=False))
        else:
            text += "; the map records no source for it"
            facts.append(NoCitedEvidence(map=self.map, node=self.node))
        for r in self.attacks:
            state = "answers" if self.answered[r.key] else "raises but does not answer"
            text += f"; the essay {state} an objection to it ({' + '.join(r.sources)})"
            facts.append(AttackedBy(map=self.map, node=self.node, relation=r.key, sources=list(r.sources),
                                    answered=self.answered[r.key]))
        return end(text), facts


def contradiction_drafts(c: Context) -> list[Draft]:
    """One question per claim one essay affirms and the other denies: what each offers, and a verdict."""
    out: list[Draft] = []
    for d in c.comparison.disagreements:
        if d.reason != "opposite-stances":
            continue
        about = [c.ref(m.map, m.node) for m in d.left + d.right]
        facts: list[Fact] = [RelationIs(claim=d.claim, maps=[c.a.id, c.b.id], relation="contradict"),
                             *binds(c, c.a.id, d.claim), *binds(c, c.b.id, d.claim)]
        sides_text = join_and([f"{m.map} {m.node} {m.stance}" for m in d.left + d.right])
        prompt = (f"The essays contradict each other: {sides_text} the claim “{inside(d.wording)}”. What does each "
                  f"essay offer for its position, and which is better supported?")
        sides = [_Side(c, m) for m in d.left + d.right]
        said = [s.said(c) for s in sides]
        said.append(_verdict(c, sides, d.claim))
        nodes = [r for s in sides for r in s.refs]
        out.append(draft("contradiction", prompt, facts, about, said, claim=d.claim, answer_nodes=nodes))
    return out


def _verdict(c: Context, sides: list[_Side], claim: str) -> Said:
    """Which side the maps support better, and why: cited sources, then supports, then unanswered objections."""
    by_map: dict[str, tuple[int, int, int]] = {}
    for s in sides:
        a, b, x = by_map.get(s.map, (0, 0, 0))
        sa, sb, sx = s.score()
        by_map[s.map] = (a + sa, b + sb, x + sx)
    facts = [f for s in sides for f in s.said(c)[1]]
    (best, top), (other, low) = sorted(by_map.items(), key=lambda kv: kv[1], reverse=True)[:2]

    def some(n: int, noun: str) -> str:
        return f"no {noun}s" if n == 0 else count(n, noun)

    def reasons(m: str, v: tuple[int, int, int]) -> str:
        return (f"{some(v[0], 'cited source')}, {some(v[1], 'supporting argument')} and "
                f"{some(-v[2], 'unanswered objection')}")

    if top == low:
        return (f"Verdict: on the maps neither side is better supported: each has {reasons(best, top)}; the "
                f"question is which evidence a reader finds more convincing.", facts)
    return (f"Verdict: {best}'s side is better supported on the maps: {reasons(best, top)}, against "
            f"{reasons(other, low)} for {other}.", facts)


def difference_drafts(c: Context) -> list[Draft]:
    """One question per claim the essays answer differently, or are in tension on: what each says, and how."""
    out: list[Draft] = []
    for d in c.comparison.differences:
        about = [c.ref(m.map, m.node) for m in d.left + d.right]
        facts: list[Fact] = [RelationIs(claim=d.claim, maps=[c.a.id, c.b.id], relation=d.relation),
                             *binds(c, c.a.id, d.claim), *binds(c, c.b.id, d.claim)]
        if d.relation == "differ":
            prompt = (f"Both essays answer the question “{inside(d.wording)}” ({node_list(about)}), differently. "
                      f"What answer does each give, and what in its text shows it? Do the two answers exclude each "
                      f"other?")
        else:
            prompt = (f"{join_and([f'{m.map} {m.node}' for m in d.left + d.right if m.stance == 'denies'])} "
                      f"sits uneasily with the claim “{inside(d.wording)}”, which the other essay makes; neither "
                      f"essay debates the point. Does the evidence really tell against the claim? What would settle "
                      f"it?")
        said: list[Said] = []
        for g, ms in ((c.a, d.left), (c.b, d.right)):
            words = join_and([f"{m.node} “{inside(m.quote)}”" if m.quote else f"{m.node} (unstated) {inside(m.text)}"
                              for m in ms])
            against = all(m.stance == "denies" for m in ms)
            verb = ("has evidence that sits uneasily with it:" if d.relation == "tension" and against
                    else "sets against it" if against else "says")
            said.append((f"{g.id} {verb} {words}.", binds(c, g.id, d.claim)))
        relation: list[Fact] = [RelationIs(claim=d.claim, maps=[c.a.id, c.b.id], relation=d.relation)]
        said.append((f"How they relate: {end(d.how)}", relation))
        if d.relation == "differ":  # the registry says neither answer denies the other
            said.append(("No, the answers do not exclude each other: each essay gives a different answer to the same "
                         "question without denying the other's, so a reader can weigh both.", relation))
        else:
            evidence = join_and([m.node for m in d.left + d.right if m.stance == "denies"])
            said.append((f"Not by itself: {evidence} and the claim may be about different times or cases, and "
                         f"neither essay argues the point. A record of the cases the claim speaks of "
                         f"would settle it.", relation))
        out.append(draft("difference", prompt, facts, about, said, claim=d.claim,
                         template="difference" if d.relation == "differ" else "tension"))
    return out
