"""Questions about weak points: what each thesis depends on most, conclusions on one argument, and claims resting
on no cited evidence (unstated assumptions: :mod:`.assumptions`).

Each generator takes a :class:`~argmap.classroom.questions.context.Context` and returns drafts whose every sentence
carries the facts it states.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> [sorted(d.maps) for d in load_bearing_drafts(c)][:1]
[['bankruptcy', 'enforcer']]
"""

from __future__ import annotations

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions.context import (
    Context,
    Said,
    binds,
    draft,
    impact_said,
    join_and,
    label,
    node_list,
    rejection,
    say,
)
from argmap.classroom.questions.model import CitedNode, Draft
from argmap.classroom.wording import count, end, inside
from argmap.queries.analysis import load_bearing
from argmap.queries.facts import AttackedBy, CitationFor, Fact, LinesOfSupport, NoCitedEvidence, RelationIs, SupportedBy

__all__ = ["evidence_drafts", "load_bearing_drafts"]


def load_bearing_drafts(c: Context) -> list[Draft]:
    """What each thesis depends on most (one question about both essays), then per essay a conclusion standing on
    one argument only."""
    out: list[Draft] = []
    both = _thesis_load_draft(c)
    if both is not None:
        out.append(both)
    for gm in (c.a, c.b):
        one = _one_leg_draft(c, gm)
        if one is not None:
            out.append(one)
    return out


def _top(c: Context, gm: GroundedMap) -> str | None:
    """The node whose rejection does the thesis most harm: a load-bearing premise, else the most lines broken."""
    s = c.structure[gm.id]
    if s.load_bearing:
        return next((n for n in s.load_bearing if c.node(gm.id, n).kind != "assumption"), s.load_bearing[0])
    top = next((i for i in s.impacts if i.node != s.thesis and i.lines), None)
    return top.node if top is not None else None


def _thesis_load_draft(c: Context) -> Draft | None:
    """Which premise each thesis depends on most, and whose thesis depends more on a single premise."""
    tops = {g.id: _top(c, g) for g in (c.a, c.b)}
    if not all(tops.values()):
        return None
    facts: list[Fact] = [LinesOfSupport(map=g.id, lines=list(c.structure[g.id].lines)) for g in (c.a, c.b)]
    held = [len(c.structure[g.id].lines) for g in (c.a, c.b)]
    count_words = (f"Each thesis has {count(held[0], 'line')} of support" if held[0] == held[1] and held[0] else
                   join_and([f"{g.id}'s thesis has {count(n, 'line')} of support" if n
                             else f"{g.id}'s thesis stands by its answer to an objection"
                             for g, n in zip((c.a, c.b), held, strict=True)]))
    prompt = (f"{count_words}. Which statement of each essay (a premise, or the evidence under one) does its thesis "
              f"depend on most? Whose thesis depends more on a single statement, and is it well founded?")
    said: list[Said] = []
    harm: dict[str, tuple[int, int]] = {}
    about: list[CitedNode] = []
    for g in (c.a, c.b):
        node = tops[g.id]
        assert node is not None
        r = c.ref(g.id, node)
        about.append(c.ref(g.id, g.model.thesis.id))  # the question is about each thesis: its answer is not printed
        text, f = impact_said(c, g.id, node)
        ties = _as_harmful(c, g, node)
        if node in c.structure[g.id].load_bearing:
            said.append((end(f"Every line of support for {g.id}'s thesis runs through {say(r)}: "
                             f"{text.split(': ', 1)[1]}"), f))
        elif ties:
            said.append((end(f"In {g.id} no single statement stands out: rejecting {join_and([node, *ties], 'or')} does "
                             f"the same harm. For {say(r)}, {text.split(': ', 1)[1]}"),
                         [*f, *(rejection(c, g.id, x) for x in ties)]))
        else:
            said.append((end(f"{say(r)} does the most harm if rejected: {text.split(': ', 1)[1]}"), f))
        fact = rejection(c, g.id, node)
        lines = len(c.structure[g.id].lines)
        harm[g.id] = (len(fact.breaks), lines)
    (a, (ka, la)), (b, (kb, lb)) = harm.items()
    ra, rb = ka / la if la else 1.0, kb / lb if lb else 1.0
    verdict_facts = [rejection(c, g.id, tops[g.id] or "") for g in (c.a, c.b)] + facts
    bare = [g for g in (c.a, c.b) if not c.structure[g.id].lines]
    if bare:
        t = bare[0].model.thesis.id
        answers = [AttackedBy(map=bare[0].id, node=t, relation=r.key, sources=list(r.sources), answered=True)
                   for r in bare[0].model.relations if r.type == "attacks" and r.target == t]
        said.append((f"{bare[0].id}'s thesis has no line of support of its own: it stands by answering an objection "
                     f"({join_and([' + '.join(f.sources) for f in answers])}), so it depends most on that answer.",
                     [LinesOfSupport(map=bare[0].id, lines=[]), *answers]))
    elif ra == rb:
        said.append((f"Neither depends more: rejecting that statement breaks {ka} of {count(la, 'line')} in {a} and "
                     f"{kb} of {count(lb, 'line')} in {b}.", verdict_facts))
    else:
        more, less = (a, b) if ra > rb else (b, a)
        k1, l1, k2, l2 = (ka, la, kb, lb) if more == a else (kb, lb, ka, la)
        said.append((f"{more}'s thesis depends more on one premise: rejecting it breaks {k1} of "
                     f"{count(l1, 'line')} of support, against {k2} of {count(l2, 'line')} in {less}.",
                     verdict_facts))
    # what answers it: each essay's statement its thesis depends on most, then the rest of what is load-bearing
    nodes = [c.ref(g.id, n) for g in (c.a, c.b)
             for n in dict.fromkeys([tops[g.id] or "", *c.structure[g.id].load_bearing])]
    return draft("load-bearing", prompt, facts, about, said, answer_nodes=nodes, template="both-theses")


def _as_harmful(c: Context, gm: GroundedMap, node: str, among: list[str] | None = None) -> list[str]:
    """The other nodes (of ``among``, else any but the thesis) whose rejection breaks as many lines and cuts off as
    many statements as rejecting ``node``: a tie that document order alone would settle."""
    s = c.structure[gm.id]
    harm = {i.node: (len(i.lines), len(i.cuts)) for i in s.impacts}
    pool = among if among is not None else [n.id for n in gm.model.nodes]
    return [x for x in pool if x not in (node, s.thesis) and harm.get(x, (0, 0)) == harm.get(node, (0, 0))]


def _one_leg_draft(c: Context, gm: GroundedMap) -> Draft | None:
    """The conclusion with the most load-bearing nodes of its own (the thesis aside), if any."""
    s = c.structure[gm.id]
    m = gm.model
    best: tuple[int, int, str, list[str]] | None = None
    for i, n in enumerate(m.nodes):
        if n.kind != "conclusion":
            continue
        bearing = [x for x in load_bearing(m, n.id) if x != s.thesis]
        if bearing and (best is None or len(bearing) > len(best[3])):
            best = (len(bearing), i, n.id, bearing)
    if best is None:
        return None
    _, _, concl, bearing = best
    target = c.ref(gm.id, concl)
    refs = [c.ref(gm.id, x) for x in bearing]
    rels = [r for r in m.relations if r.is_support and r.target == concl]
    facts: list[Fact] = [SupportedBy(map=gm.id, node=concl, relation=r.key, sources=list(r.sources)) for r in rels]
    facts += [rejection(c, gm.id, x) for x in bearing]
    prompt = (f"{gm.id}'s conclusion {concl} stands on one argument only: reject "
              f"{' or '.join(r.node for r in refs)} and it is left with no support. Should a reader accept "
              f"{'it' if len(refs) == 1 else 'them'}? What else would the essay need to say?")
    said: list[Said] = [(f"{concl} ({inside(target.text)}) stands only if a reader accepts "
                         f"{join_and([label(r) for r in refs])}.", facts)]
    said += [impact_said(c, gm.id, x) for x in bearing]
    said.append((f"So a reader should accept {concl} only as far as they accept "
                 f"{join_and([r.node for r in refs], 'and')}; to make it stand without "
                 f"{'it' if len(refs) == 1 else 'them'}, the essay would need a second, independent reason for "
                 f"{concl}.", facts))
    return draft("load-bearing", prompt, facts, [target, *refs], said, claim=c.node(gm.id, concl).claim,
                 answer_nodes=refs, template="one-leg")


def _neediest(c: Context, gm: GroundedMap, uncited: list[str]) -> str:
    """The uncited claim that most needs a source: the one whose loss does the thesis most harm."""
    s = c.structure[gm.id]
    damage = {i.node: (len(i.lines), len(i.cuts)) for i in s.impacts}
    place = {n: k for k, n in enumerate(uncited)}
    return min(uncited, key=lambda n: (n == s.thesis, -damage.get(n, (0, 0))[0], -damage.get(n, (0, 0))[1],
                                       place[n]))


def _uncited_prompt(c: Context, uncited: dict[str, list[str]]) -> tuple[str, list[Fact]]:
    """The question's opening: what rests on no cited evidence in each essay, with its facts."""
    facts: list[Fact] = [NoCitedEvidence(map=m, node=x) for m, xs in uncited.items() for x in xs]
    parts = []
    bare = [m for m in uncited if not any(n.kind == "evidence" and n.citation for n in c.maps[m].model.nodes)]
    # A source the map does not record may still be in the essay (a curator may leave citation out): said of the map.
    for m in bare:  # nothing cited anywhere: every statement rests on the author's word
        facts += [NoCitedEvidence(map=m, node=n.id) for n in c.maps[m].model.nodes if n.id not in uncited[m]]
    if len(bare) == 2:
        parts.append("neither map records a source for any evidence: as mapped, every statement rests on its "
                     "author's word")
    for m, xs in uncited.items() if len(bare) < 2 else ():
        if m in bare:
            parts.append(f"the map of {m} records no source at all")
        elif not xs:
            parts.append(f"in {m}, the thesis and every claim it rests on directly have cited evidence")
        else:
            named = join_and(xs) if len(xs) <= 5 else f"{', '.join(xs[:5])} and {count(len(xs) - 5, 'other')}"
            parts.append(f"in {m}, {named} {'rests' if len(xs) == 1 else 'rest'} on no cited evidence")
    said = join_and(parts)
    return (f"{said[0].upper()}{said[1:]}. Which claim of each essay most needs a source, and where would you look "
            f"for one?"), facts


def _neediest_draft(c: Context, uncited: dict[str, list[str]]) -> Draft:
    """Which claim of each essay most needs a source, one question about both (ties said as ties)."""
    prompt, facts = _uncited_prompt(c, uncited)
    said: list[Said] = []
    about: list[CitedNode] = []
    picks: list[CitedNode] = []
    for g in (c.a, c.b):
        xs = uncited[g.id]
        if not xs:
            continue
        pick = _neediest(c, g, xs)
        about.append(c.ref(g.id, g.model.thesis.id))  # not the pick: that is the answer
        picks.append(c.ref(g.id, pick))
        text, f = impact_said(c, g.id, pick)
        ties = _as_harmful(c, g, pick, xs)
        if ties:
            said.append((end(f"In {g.id}, {join_and([pick, *ties])} need a source as much as each other: "
                             f"nothing cited backs them, and rejecting any one does the same harm. For "
                             f"{say(c.ref(g.id, pick))}, {text.split(': ', 1)[1]}"),
                         [NoCitedEvidence(map=g.id, node=pick), *f, *(rejection(c, g.id, x) for x in ties)]))
            continue
        said.append((end(f"{say(c.ref(g.id, pick))} most needs a source: nothing cited backs it, and "
                         f"{text.split(': ', 1)[1]}"), [NoCitedEvidence(map=g.id, node=pick), *f]))
    said.append(("Where to look: for a claim about what happened, a news report or an official record of those "
                 "events; for a claim about what something shows or what should be done, reasons rather than a "
                 "source.", facts))
    return draft("evidence", prompt, facts, about, said, answer_nodes=picks)


def evidence_drafts(c: Context) -> list[Draft]:
    """Which claim of each essay most needs a source (one question about both), then a shared claim only one essay
    cites a source for."""
    out: list[Draft] = []
    uncited = {g.id: c.structure[g.id].uncited for g in (c.a, c.b)}
    if any(uncited.values()):
        out.append(_neediest_draft(c, uncited))
    rank = {x.claim: i for i, x in enumerate(c.central)}
    for claim in sorted(rank, key=rank.__getitem__):
        if claim not in {x.claim for x in c.comparison.agreements}:
            continue
        cites = {g.id: _direct_citations(c, g, claim) for g in (c.a, c.b)}
        with_src = [m for m, e in cites.items() if e]
        lacking = [m for m, e in cites.items() if not e]
        if len(with_src) != 1:
            continue
        has, lacks = c.maps[with_src[0]], c.maps[lacking[0]]
        lacks_facts: list[Fact] = [NoCitedEvidence(map=lacks.id, node=n.id) for n in c.bound(lacks.id, claim)]
        if any(not f.check(c.corpus) for f in lacks_facts):
            continue  # the other essay has cited evidence for it further down its argument
        about = [c.ref(g.id, n.id) for g in (c.a, c.b) for n in c.bound(g.id, claim)]
        cite_facts: list[Fact] = [CitationFor(map=has.id, claim=claim, evidence=e, citation=cite, via=via)
                                  for e, via, cite in cites[has.id]]
        facts = [RelationIs(claim=claim, maps=[c.a.id, c.b.id], relation="agree"), *binds(c, c.a.id, claim),
                 *binds(c, c.b.id, claim), *cite_facts, *lacks_facts]
        sources = list(dict.fromkeys(cite for _, _, cite in cites[has.id]))
        prompt = (f"Both essays make the claim “{inside(c.wording(claim))}” ({node_list(about)}), but only "
                  f"{has.id} backs it directly with evidence that names a source ({inside('; '.join(sources))}). "
                  f"Does {lacks.id} need one? What would count as good evidence?")
        evidence = list(dict.fromkeys(e for e, _, _ in cites[has.id]))
        backing = join_and([label(c.ref(has.id, e)) for e in evidence])
        said = [(f"{has.id} backs it directly with {backing}, which names its source.", cite_facts),
                (f"{lacks.id} gives no cited evidence for it anywhere in its argument, so a reader has only its "
                 f"author's word: a source that reports the events the claim rests on would count.", lacks_facts)]
        out.append(draft("evidence", prompt, facts, about, said, claim=claim,
                         answer_nodes=[c.ref(has.id, e) for e in evidence], template="one-source"))
        break
    return out


def _direct_citations(c: Context, gm: GroundedMap, claim: str) -> list[tuple[str, str | None, str]]:
    """(evidence, relation or None, citation) for each citation that backs ``claim`` directly in ``gm``: on a node
    bound to it, or on evidence that supports such a node."""
    bound = {n.id for n in c.bound(gm.id, claim)}
    out: list[tuple[str, str | None, str]] = []
    for n in gm.model.nodes:
        if n.id in bound and n.kind == "evidence":
            out += [(n.id, None, cite) for cite in n.citation or []]
    for r in gm.model.relations:
        if r.is_support and r.target in bound:
            for s in r.sources:
                node = c.node(gm.id, s)
                if node.kind == "evidence":
                    out += [(s, r.key, cite) for cite in node.citation or []]
    return out
