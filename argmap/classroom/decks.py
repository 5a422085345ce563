"""What the slides say: a deck comparing two maps, or a deck for one map, built from the maps alone.

The comparison deck: the two theses side by side; one slide per shared claim that reaches both
theses and on which they agree (the claim the theses share first, then the claims that link most of
both arguments), each essay's path from it to its thesis side by side; one per contradiction ("Where
they part"); one per claim on which they differ or are in tension, saying how; each
essay's lines of argument the other does not share; closing discussion questions.  The map deck:
the thesis, then one slide per line of support.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> deck = comparison_deck(corpus, "bankruptcy", "enforcer")
>>> deck[0].kicker, [c.heading.split(" · ")[0] for c in deck[0].columns]
('Two essays compared', ['bankruptcy', 'enforcer'])
>>> deck[-1].kicker
'Discuss'
>>> one = map_deck(corpus, "bankruptcy")
>>> one[0].kicker, one[1].kicker.startswith("Line 1 of")
('One essay', True)
"""

from __future__ import annotations

from argmap.checks.grounded import GroundedMap
from argmap.classroom.slides import Column, Item, Slide, paginate
from argmap.classroom.wording import essay_title, inside, number_word
from argmap.corpus.load import Corpus
from argmap.format.model import ArgumentMap
from argmap.queries.analysis import map_structure
from argmap.queries.centrality import shared_centrality, theses_first

__all__ = ["comparison_deck", "map_deck"]

_SHARED_SLIDES = 4
_QUESTIONS = 6


def _item(m: ArgumentMap, node_id: str, *, quote: bool = False, tone: str = "") -> Item:
    n = m.node(node_id)
    if n is None:  # pragma: no cover - ids come from the map itself
        return Item(label=node_id, text=node_id)
    kind = "thesis" if n.kind == "thesis" else tone
    text = n.text if n.kind == "thesis" else f"(unstated) {inside(n.text)}" if n.kind == "assumption" else inside(n.text)
    return Item(label=n.id, text=text,
                quote=n.quote if quote else None, tone=kind or ("unstated" if n.kind == "assumption" else ""))


def _backed(m: ArgumentMap, node_id: str, *, quote: bool = False) -> list[Item]:
    """The node, then what supports it directly (one level, marked ↳)."""
    backing = [src for r in m.relations if r.type in ("supports", "example") and r.target == node_id
               for src in r.sources]
    return [_item(m, node_id, quote=quote), *(_item(m, b, tone="step") for b in backing)]


def _heading(gm: GroundedMap) -> str:
    return f"{gm.id} · {essay_title(gm)}" + (f" ({gm.model.author})" if gm.model.author else "")


def _theses(pair: list[GroundedMap]) -> Slide:
    cols = tuple(Column(heading=_heading(g), side=side, items=(_item(g.model, g.model.thesis.id, quote=True),))
                 for g, side in zip(pair, ("left", "right"), strict=True))
    return Slide(kicker=f"{number_word(len(pair)).capitalize()} essays compared", title="The two theses", columns=cols)


def _shared(corpus: Corpus, pair: list[GroundedMap]) -> list[Slide]:
    from argmap.queries.comparison import compare

    a, b = pair
    comparison = compare(corpus, a.id, b.id)
    rank = {c.claim: i for i, c in enumerate(shared_centrality(corpus, [a.id, b.id]))}
    theses = theses_first(pair)
    agreed = {x.claim for x in comparison.agreements}
    paths = [p for p in comparison.paths if p.left and p.right and p.claim in agreed]
    paths.sort(key=lambda p: (theses(p.claim), rank.get(p.claim, len(rank))))
    out: list[Slide] = []
    for p in paths[:_SHARED_SLIDES]:
        found = corpus.registry.get(p.claim)
        cols = [Column(heading=f"{g.id}: from it to the thesis", side=side, flow=True,
                       items=tuple(_item(g.model, x) for x in path))
                for g, side, path in ((a, "left", p.left or []), (b, "right", p.right or []))]
        out += paginate("Common ground", f"“{inside(found.wording if found else p.claim)}”", cols)
    for d in sorted(comparison.disagreements, key=lambda d: theses(d.claim)):
        cols = []
        for g, side, mentions in ((a, "left", d.left), (b, "right", d.right)):
            items: list[Item] = []
            for m in mentions:
                items.append(Item(label=f"{m.node} {m.stance}", text=m.quote or m.text, tone=m.stance or ""))
                items += _backed(g.model, m.node)[1:]
            cols.append(Column(heading=g.id, side=side, items=tuple(items)))
        out += paginate("Where they part", f"“{inside(d.wording)}”", cols)
    for f in sorted(comparison.differences, key=lambda d: theses(d.claim)):
        said = [Item(label=f"{m.map} {m.node}" + (" denies" if m.stance == "denies" else ""), text=m.quote or m.text,
                     tone=m.stance or "") for m in f.left + f.right]
        said.append(Item(label="How they relate", text=f.how))
        kicker = "Different answers" if f.relation == "differ" else "In tension"
        out += paginate(kicker, f"“{inside(f.wording)}”", [Column(heading="", items=tuple(said))])
    return out


def _unique_lines(pair: list[GroundedMap]) -> list[Slide]:
    out: list[Slide] = []
    for g in pair:
        other = pair[1] if g is pair[0] else pair[0]
        theirs = {n.claim for n in other.model.nodes if n.claim}
        claim_of = {n.id: n.claim for n in g.model.nodes}
        s = map_structure(g.model)
        items = []
        for key in s.lines:
            sources = s.line_sources[key]
            if any(claim_of.get(x) in theirs for x in sources):
                continue
            items += [i for x in sources for i in _backed(g.model, x)]
        if items:
            out += paginate(f"Only in {g.id}", f"Lines of argument {other.id} does not share",
                            [Column(heading="", items=tuple(items))])
    return out


def comparison_deck(corpus: Corpus, left: str, right: str) -> list[Slide]:
    """The slides comparing ``left`` with ``right`` (see the module doc)."""
    from argmap.classroom.questions import discussion_questions

    pair = [corpus.get(left), corpus.get(right)]
    deck = [_theses(pair), *_shared(corpus, pair), *_unique_lines(pair)]
    questions = discussion_questions(corpus, left, right)[:_QUESTIONS]
    if questions:
        items = tuple(Item(label=q.id, text=q.prompt) for q in questions)
        deck += paginate("Discuss", "Questions for the class", [Column(heading="", items=items)])
    return deck


def map_deck(corpus: Corpus, map_id: str) -> list[Slide]:
    """The slides for one map: its thesis, then one slide per line of support with what backs each premise."""
    gm = corpus.get(map_id)
    m = gm.model
    s = map_structure(m)
    deck = [Slide(kicker="One essay", title=essay_title(gm),
                  columns=(Column(heading=_heading(gm), side="left", items=(_item(m, m.thesis.id, quote=True),)),))]
    for k, key in enumerate(s.lines, start=1):
        items = [i for x in s.line_sources[key] for i in _backed(m, x, quote=True)]
        lead = next((x for x in s.line_sources[key] if (n := m.node(x)) and n.kind != "assumption"),
                    s.line_sources[key][0])
        deck += paginate(f"Line {k} of {len(s.lines)}", f"“{_item(m, lead).text}”",
                         [Column(heading="", items=tuple(items))])
    return deck
