"""Questions about weak points: load-bearing premises and uncited claims (unstated assumptions: :mod:`.assumptions`).

Each generator takes a :class:`~argmap.classroom.questions.context.Context` and returns drafts.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> c = Context(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> sorted({d.kind for d in load_bearing_drafts(c)})
['load-bearing']
"""

from __future__ import annotations

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions.context import Context, impact_line, join_and, label, node_list, say
from argmap.classroom.questions.model import Draft
from argmap.classroom.wording import count, end, inside
from argmap.queries.analysis import Impact, load_bearing

__all__ = ["evidence_drafts", "load_bearing_drafts"]


def load_bearing_drafts(c: Context) -> list[Draft]:
    """Per essay: the premise the thesis depends on most, then a conclusion standing on one argument only."""
    out: list[Draft] = []
    for gm in (c.a, c.b):
        for draft in (_thesis_load_draft(c, gm), _one_leg_draft(c, gm)):
            if draft is not None:
                out.append(draft)
    return out


def _thesis_load_draft(c: Context, gm: GroundedMap) -> Draft | None:
    """The premise every line of the thesis runs through; else the weakest or the widest line."""
    s = c.structure[gm.id]
    if s.load_bearing:
        return _carrier_draft(c, gm)
    top = next((i for i in s.impacts if i.node != s.thesis), None)
    if top is not None and len(top.lines) == 1:
        return _weakest_line_draft(c, gm)
    if top is not None and top.lines:
        return _widest_line_draft(c, gm, top)
    return None


def _carrier_draft(c: Context, gm: GroundedMap) -> Draft:
    """The thesis stands on one premise (an assumption only when nothing else carries it)."""
    s = c.structure[gm.id]
    x = next((n for n in s.load_bearing if c.node(gm.id, n).kind != "assumption"), s.load_bearing[0])
    r = c.ref(gm.id, x)
    prompt = (f"Every line of support for {gm.id}'s thesis runs through {x}: a reader who rejected it would "
              f"leave the thesis unsupported. How well does the essay establish {x}?")
    others = [n for n in s.load_bearing if n != x]
    answer = [end(f"{say(r)} carries the whole thesis: {impact_line(c, gm.id, x).split(': ', 1)[1]}")]
    if others:
        answer.append(f"The thesis depends as completely on {join_and(others)}.")
    return Draft(kind="load-bearing", prompt=prompt, about=[r], claim=c.node(gm.id, x).claim,
                 answer=answer, answer_nodes=[c.ref(gm.id, n) for n in s.load_bearing])


def _weakest_line_draft(c: Context, gm: GroundedMap) -> Draft:
    """Separate lines of support, no premise in more than one: which line is weakest?"""
    s = c.structure[gm.id]
    lines = [f"{' + '.join(s.line_sources[k])}" for k in s.lines]
    prompt = (f"{gm.id}'s thesis rests on {count(len(s.lines), 'separate line', 'separate lines')} of "
              f"support, and no single premise carries more than one of them. Which line is weakest, "
              f"and what would the essay lose without it?")
    answer = [f"The lines of support: {'; '.join(lines)}.",
              "Rejecting any one premise leaves the other lines standing, so the thesis survives "
              "the loss of any single line."]
    refs = [c.ref(gm.id, x) for k in s.lines for x in s.line_sources[k]]
    return Draft(kind="load-bearing", prompt=prompt, about=refs[:6], answer=answer,
                 answer_nodes=refs, template="weakest-line")


def _widest_line_draft(c: Context, gm: GroundedMap, top: Impact) -> Draft:
    """The premise whose rejection breaks the most lines of the thesis (``top``), and its ties."""
    s = c.structure[gm.id]
    r = c.ref(gm.id, top.node)
    ties = [i.node for i in s.impacts if i.node not in (top.node, s.thesis)
            and (len(i.lines), len(i.cuts)) == (len(top.lines), len(top.cuts))]
    also = f" (so would rejecting {' or '.join(ties)})" if ties else ""
    prompt = (f"{gm.id}'s thesis rests on {count(len(s.lines), 'separate line', 'separate lines')} of "
              f"support, so no single premise carries it alone. Rejecting {top.node} would break the "
              f"most: {len(top.lines)} of {len(s.lines)}{also}. Is {top.node} well founded? Which line "
              f"would you attack first, and why?")
    lines = []
    for key in top.lines:
        rel = next(x for x in gm.model.relations if x.key == key)
        lines.append(" + ".join(rel.sources) + f" → {rel.target}")
    answer = [end(f"{say(r)} is the premise to test first: {impact_line(c, gm.id, top.node).split(': ', 1)[1]}"),
              f"The lines it breaks: {'; '.join(lines)}."]
    nodes = [c.ref(gm.id, n) for n in top.cuts]
    return Draft(kind="load-bearing", prompt=prompt, about=[r], claim=c.node(gm.id, top.node).claim,
                 answer=answer, answer_nodes=nodes, template="widest-line")


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
    prompt = (f"{gm.id}'s conclusion {concl} stands on one argument only: reject "
              f"{' or '.join(r.node for r in refs)} and it is left with no support. Should a reader accept "
              f"{'it' if len(refs) == 1 else 'them'}? What else would the essay need to say?")
    answer = [f"{concl} ({inside(target.text)}) stands only if a reader accepts "
              f"{join_and([label(r) for r in refs])}."]
    answer += [impact_line(c, gm.id, x) for x in bearing]
    return Draft(kind="load-bearing", prompt=prompt, about=[target, *refs], claim=c.node(gm.id, concl).claim,
                 answer=answer, answer_nodes=refs, template="one-leg")


def _neediest(c: Context, gm: GroundedMap, uncited: list[str]) -> tuple[str, str]:
    """The uncited claim that most needs a source, and why: the one whose loss does the thesis most harm."""
    s = c.structure[gm.id]
    damage = {i.node: (len(i.lines), len(i.cuts)) for i in s.impacts}
    place = {n: k for k, n in enumerate(uncited)}
    pick = min(uncited, key=lambda n: (n == s.thesis, -damage.get(n, (0, 0))[0], -damage.get(n, (0, 0))[1], place[n]))
    if pick == s.thesis:
        return pick, "it is the thesis itself, and nothing cited backs it"
    return pick, impact_line(c, gm.id, pick).split(": ", 1)[1].rstrip(".") + ", and nothing cited backs it"


def evidence_drafts(c: Context) -> list[Draft]:
    """Per essay the claims resting on no cited evidence, then a shared claim only one essay cites a source for."""
    out: list[Draft] = []
    for gm in (c.a, c.b):
        s = c.structure[gm.id]
        if not s.uncited:
            continue
        refs = [c.ref(gm.id, x) for x in s.uncited]
        has_evidence = any(n.kind == "evidence" for n in gm.model.nodes)
        if not any(n.citation for n in gm.model.nodes):
            what = "names no source for any of its evidence" if has_evidence else "gives no evidence of its own"
            prompt = (f"{gm.id} {what}: its thesis and every line of support rest on the author's word. "
                      f"Which claim would you most want a source for, and where would you look?")
        else:
            rest = "rests" if len(refs) == 1 else "rest"
            prompt = (f"{gm.id} cites sources, but {join_and([r.node for r in refs])} {rest} on none. "
                      f"Which of them most needs one?")
        pick, why = _neediest(c, gm, s.uncited)
        answer = [end(f"{say(c.ref(gm.id, pick))} most needs a source: {why}")]
        rest_ids = [x for x in s.uncited if x != pick]
        if rest_ids:
            answer.append(f"Also resting on no cited evidence: {join_and(rest_ids)}.")
        cited = [n for n in gm.model.nodes if n.kind == "evidence" and n.citation]
        out.append(Draft(kind="evidence", prompt=prompt, about=refs[:6], answer=answer,
                         answer_nodes=[c.ref(gm.id, pick), *(c.ref(gm.id, n.id) for n in cited)]))
    rank = {x.claim: i for i, x in enumerate(c.central)}
    for claim in sorted(rank, key=rank.__getitem__):
        cites = {g.id: sorted({e for n in c.bound(g.id, claim) for e in c.cited[g.id][n.id]}) for g in (c.a, c.b)}
        with_src = [m for m, e in cites.items() if e]
        if len(with_src) != 1:
            continue
        has, lacks = c.maps[with_src[0]], c.other(with_src[0])
        about = [c.ref(g.id, n.id) for g in (c.a, c.b) for n in c.bound(g.id, claim)]
        sources = [x for e in cites[has.id] for x in (c.node(has.id, e).citation or [])]
        wording = c.wording(claim)
        prompt = (f"Both essays make the claim “{inside(wording)}” ({node_list(about)}), but only {has.id} cites a "
                  f"source for it ({inside('; '.join(sources))}). Does {lacks.id} need one? What would count as "
                  f"good evidence?")
        backing = join_and([label(c.ref(has.id, e)) for e in cites[has.id]])
        answer = [f"{has.id} rests it on {backing}; {lacks.id} gives no cited evidence for it."]
        out.append(Draft(kind="evidence", prompt=prompt, about=about, claim=claim, answer=answer,
                         answer_nodes=[c.ref(has.id, e) for e in cites[has.id]], template="one-source"))
        break
    return out
