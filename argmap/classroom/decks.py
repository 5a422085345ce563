"""What the slides say: a deck comparing two maps, or a deck for one map, built from the maps alone.

The comparison deck: the two theses side by side; one slide per claim the essays agree on that reaches
both theses (the claim the theses share first, then the shared claims that connect the two arguments most), each
essay's path from it to its thesis side by side; one per claim on which they contradict each other, differ
or stand in tension, headed by that relation (:func:`claim_relation`), never under "Common ground"; after
each claim's slide, its neighbourhood drawn at 24 pt or more; each essay's main lines the other does not
share (the handout's list); every discussion question of the handout.  The map deck: the thesis, then one
slide per line of support.

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

from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.checks.grounded import GroundedMap
from argmap.classroom.questions import CitedNode, Question
from argmap.classroom.questions.context import PairAnalysis

if TYPE_CHECKING:
    from argmap.classroom.handout import Handout
from argmap.classroom.slides import Column, Item, Slide, SlideFormat, diagram_box, paginate, slides_html
from argmap.classroom.templating import inline_svg
from argmap.classroom.wording import essay_title, inside, number_word
from argmap.corpus.load import Corpus
from argmap.format.model import ArgumentMap, Relation
from argmap.queries.analysis import map_structure
from argmap.queries.centrality import theses_first
from argmap.queries.facts import (
    Binds,
    Fact,
    KindIs,
    LinesOfSupport,
    MainLinesShared,
    OnlyIn,
    OnPath,
    RelationIs,
    SupportedBy,
    TitleInEssay,
    require,
)

__all__ = ["build_slides", "claim_relation", "comparison_deck", "map_deck"]

_SHARED_SLIDES = 4


def _item(m: ArgumentMap, node_id: str, *, quote: bool = False, tone: str = "") -> Item:
    n = m.node(node_id)
    if n is None:  # pragma: no cover - ids come from the map itself
        return Item(label=node_id, text=node_id)
    kind = "thesis" if n.kind == "thesis" else tone
    text = n.text if n.kind == "thesis" else f"(unstated) {inside(n.text)}" if n.kind == "assumption" else inside(n.text)
    return Item(label=n.id, text=text,
                quote=n.quote if quote else None, tone=kind or ("unstated" if n.kind == "assumption" else ""))


def _backing(m: ArgumentMap, node_id: str) -> list[Relation]:
    return [r for r in m.relations if r.type in ("supports", "example") and r.target == node_id]


def _backed(m: ArgumentMap, node_id: str, *, quote: bool = False) -> list[Item]:
    """The node, then what supports it directly (one level, marked ↳)."""
    return [_item(m, node_id, quote=quote), *(_item(m, b, tone="step") for r in _backing(m, node_id)
                                              for b in r.sources)]


def _backed_facts(m: ArgumentMap, node_id: str) -> list[Fact]:
    """What :func:`_backed` shows: the node's kind, and each support into it with its sources' kinds."""
    out: list[Fact] = [_kind(m, node_id)]
    for r in _backing(m, node_id):
        out.append(SupportedBy(map=m.id, node=node_id, relation=r.key, sources=list(r.sources)))
        out += [_kind(m, x) for x in r.sources]
    return out


def _kind(m: ArgumentMap, node_id: str) -> Fact:
    n = m.node(node_id)
    return KindIs(map=m.id, node=node_id, kind=n.kind if n else "premise")


def _heading(gm: GroundedMap) -> str:
    return f"{gm.id} · {essay_title(gm)}" + (f" ({gm.model.author})" if gm.model.author else "")


def _theses(pair: list[GroundedMap]) -> Slide:
    cols = tuple(Column(heading=_heading(g), side=side, items=(_item(g.model, g.model.thesis.id, quote=True),))
                 for g, side in zip(pair, ("left", "right"), strict=True))
    facts = [f for g in pair for f in (KindIs(map=g.id, node=g.model.thesis.id, kind="thesis"),
                                       TitleInEssay(map=g.id, given=g.essay.find(g.model.title) is not None))]
    return Slide(kicker=f"{number_word(len(pair)).capitalize()} essays compared", title="The two theses", columns=cols,
                 facts=tuple(facts))


_KICKER = {"agree": "Common ground", "contradict": "They contradict each other",
           "differ": "Same question, different answers", "tension": "A tension between them"}
"""A claim's slides are headed by how the essays relate on it; only a contradiction is called one."""


def claim_relation(corpus: Corpus, claim: str, pair: list[GroundedMap]) -> str:
    """How the essays of ``pair`` relate on ``claim``, by the one rule (:func:`argmap.format.relations.claim_relation`).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> pair = [corpus.get("bankruptcy"), corpus.get("enforcer")]
    >>> claim_relation(corpus, "russia-silent", pair)
    'agree'
    """
    from argmap.format.relations import claim_relation as rule

    stances = {g.id: {n.effective_stance for n in g.model.nodes if n.claim == claim and n.effective_stance}
               for g in pair}
    return rule(corpus.registry.get(claim), {m: s for m, s in stances.items() if s})


def _how(corpus: Corpus, claim: str) -> str:
    found = corpus.registry.get(claim)
    return (found.how if found else None) or ""


def _diagrams(corpus: Corpus, pair: list[GroundedMap], claim: str, kicker: str, title: str,
              facts: list[Fact]) -> list[Slide]:
    """One slide per diagram of the claim's neighbourhood (:func:`argmap.render.compare.slides.claim_diagrams`)."""
    from argmap.render.compare.slides import claim_diagrams

    parts = claim_diagrams(corpus, [g.id for g in pair], claim, box=diagram_box(title))
    out = []
    for n, d in enumerate(parts, 1):
        where = (f"{d.part} relates to it, with each essay's arrows between them in its colour" if d.part
                 else "around it in both essays")
        count = f" ({n} of {len(parts)})" if len(parts) > 1 else ""
        out.append(Slide(kicker=f"{kicker} · diagram{count}", title=title, columns=(),
                         note=f"The statements {where}.{d.turned}", diagram=_in_html(d.svg),
                         facts=tuple(facts)))
    return out


def _in_html(svg: str) -> str:
    """The SVG as HTML holds it: the HTML parser supplies the SVG and XLink namespaces, so the deck names no URL."""
    xmlns = ' xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    return inline_svg(svg.encode("utf-8")).replace(xmlns, "", 1)


def _says(relation: str, stance: str | None) -> str:
    """How a node stands on a claim, as its slide labels it: a different answer "answers" the claim's question;
    evidence bound with "denies" to a claim in tension sits "in tension" with it."""
    if relation == "differ":
        return "answers"
    return "in tension" if relation == "tension" and stance == "denies" else stance or "affirms"


def _binds(pair: list[GroundedMap], claim: str) -> list[Fact]:
    from argmap.queries.comparison import mentions_of

    return [Binds(map=g.id, claim=claim, stance=m.stance or "affirms", nodes=[m.node])
            for g in pair for m in mentions_of(g, claim)]


def _shared(corpus: Corpus, pair: list[GroundedMap], analysis: PairAnalysis,
            questions: list[Question]) -> list[Slide]:
    from argmap.queries.comparison import mentions_of

    a, b = pair
    ids = [a.id, b.id]
    comparison = analysis.comparison
    rank = {c.claim: i for i, c in enumerate(analysis.central)}
    theses = theses_first(pair)
    relation = {c: claim_relation(corpus, c, pair) for c in dict.fromkeys(
        [p.claim for p in comparison.paths] + [d.claim for d in comparison.disagreements])}
    parted = [c for c in relation if relation[c] != "agree"]
    parted += [d.claim for d in comparison.disagreements if d.claim not in parted]
    paths = [p for p in comparison.paths if p.left and p.right and p.claim not in parted]
    paths.sort(key=lambda p: (theses(p.claim), rank.get(p.claim, len(rank))))
    out: list[Slide] = []
    for p in paths[:_SHARED_SLIDES]:
        cols = [Column(heading=f"{g.id}: {'its thesis says it' if len(path or []) == 1 else 'from it to the thesis'}",
                       side=side, flow=True,
                       items=tuple(_item(g.model, x) for x in path))
                for g, side, path in ((a, "left", p.left or []), (b, "right", p.right or []))]
        title = f"“{inside(corpus.registry.wording(p.claim))}”"
        facts: list[Fact] = [RelationIs(claim=p.claim, maps=ids, relation="agree"), *_binds(pair, p.claim),
                             *(OnPath(map=g.id, path=path) for g, path in ((a, p.left), (b, p.right)) if path),
                             *(_kind(g.model, x) for g, path in ((a, p.left), (b, p.right)) for x in path or [])]
        out += paginate(_KICKER["agree"], title, cols, facts)
        out += _diagrams(corpus, pair, p.claim, _KICKER["agree"], title, facts)
    for claim in sorted(parted, key=theses):
        # A claim both affirm, from which the essays reach opposite theses, is not common ground on this slide.
        kicker = ("Same premise, different conclusions" if relation[claim] == "agree"
                  else _KICKER.get(relation[claim], "Where they part"))
        cols = []
        facts = [RelationIs(claim=claim, maps=ids, relation=relation[claim]), *_binds(pair, claim)]  # type: ignore[arg-type]
        if relation[claim] == "agree":  # the different conclusions: the question that asks about them says so
            facts += [f for q in questions if q.claim == claim and q.template == "divergent-conclusions"
                      for f in q.facts]
        for g, side in ((a, "left"), (b, "right")):
            items: list[Item] = []
            for m in mentions_of(g, claim):
                items.append(Item(label=f"{m.node} {_says(relation[claim], m.stance)}", text=m.quote or m.text,
                                  tone=m.stance or ""))
                items += _backed(g.model, m.node)[1:]
                facts += _backed_facts(g.model, m.node)
            cols.append(Column(heading=g.id, side=side, items=tuple(items)))
        title = f"“{inside(corpus.registry.wording(claim))}”"
        slides = paginate(kicker, title, cols, facts)
        how = _how(corpus, claim)
        out += [replace(s, note=how) for s in slides] if how else slides
        out += _diagrams(corpus, pair, claim, kicker, title, facts)
    return out


def _unique_lines(corpus: Corpus, pair: list[GroundedMap], alone: dict[str, list[CitedNode]]) -> list[Slide]:
    """For each essay, the main lines the other does not share (the handout's "what each essay claims alone"),
    with what backs each; an essay with none gets a slide that says so."""
    out: list[Slide] = []
    for g in pair:
        other = pair[1] if g is pair[0] else pair[0]
        items = [i for r in alone.get(g.id, []) for i in _backed(g.model, r.node)]
        facts = [f for r in alone.get(g.id, []) for f in (OnlyIn(map=g.id, node=r.node, other=other.id),
                                                           *_backed_facts(g.model, r.node))]
        if not items:
            items = [Item(label=g.id, text=f"Each main line of {g.id} is on a claim {other.id} takes up too: shared, or "
                                            f"answered differently.")]
            facts = [MainLinesShared(map=g.id, other=other.id)]
        out += paginate(f"Only in {g.id}", f"Lines of argument {other.id} does not share",
                        [Column(heading="", side="left" if g is pair[0] else "right", items=tuple(items))], facts)
    return out


def comparison_deck(corpus: Corpus, left: str, right: str, analysis: PairAnalysis | None = None,
                    handout: Handout | None = None) -> list[Slide]:
    """The slides comparing ``left`` with ``right`` (see the module doc): every question of the handout.  A caller
    that has the pair's analysis, or its handout built from it, passes them rather than have them computed again."""
    from argmap.classroom.handout import handout_data
    from argmap.classroom.questions import analyse_pair

    analysis = analysis or analyse_pair(corpus, left, right)  # once: the handout's data and the claim slides share it
    h = handout or handout_data(corpus, left, right, analysis)
    pair = [corpus.get(left), corpus.get(right)]
    deck = [_theses(pair), *_shared(corpus, pair, analysis, h.questions), *_unique_lines(corpus, pair, h.alone)]
    if h.questions:
        items = tuple(Item(label=q.id, text=q.prompt) for q in h.questions)
        deck += paginate("Discuss", "Questions for the class", [Column(heading="", items=items)],
                         [f for q in h.questions for f in q.facts])
    require(corpus, [f for s in deck for f in s.facts])
    return deck


def map_deck(corpus: Corpus, map_id: str) -> list[Slide]:
    """The slides for one map: its thesis, then one slide per line of support with what backs each premise."""
    gm = corpus.get(map_id)
    m = gm.model
    s = map_structure(m)
    deck = [Slide(kicker="One essay", title=essay_title(gm),
                  columns=(Column(heading=_heading(gm), side="left", items=(_item(m, m.thesis.id, quote=True),)),),
                  facts=(KindIs(map=m.id, node=m.thesis.id, kind="thesis"),
                         TitleInEssay(map=m.id, given=gm.essay.find(m.title) is not None)))]
    lines = LinesOfSupport(map=m.id, lines=list(s.lines))
    for k, key in enumerate(s.lines, start=1):
        items = [i for x in s.line_sources[key] for i in _backed(m, x, quote=True)]
        facts = [lines, SupportedBy(map=m.id, node=m.thesis.id, relation=key, sources=list(s.line_sources[key])),
                 *(f for x in s.line_sources[key] for f in _backed_facts(m, x))]
        lead = next((x for x in s.line_sources[key] if (n := m.node(x)) and n.kind != "assumption"),
                    s.line_sources[key][0])
        deck += paginate(f"Line {k} of {len(s.lines)}", f"“{_item(m, lead).text}”",
                         [Column(heading="", items=tuple(items))], facts)
    require(corpus, [f for s in deck for f in s.facts])
    return deck


def build_slides(corpus: Corpus, map_ids: list[str], *, fmt: SlideFormat = "html",
                 timeout: float = 60.0, analysis: PairAnalysis | None = None,
                 handout: Handout | None = None) -> str | bytes:
    """The deck for one map or for a pair: HTML text, or PDF bytes printed by headless Chromium (a pair's analysis
    and handout, when the caller has them, are passed on to :func:`comparison_deck`)."""
    from argmap.corpus.pairs import deck_ids

    if len(deck_ids(map_ids)) == 1:
        deck, name = map_deck(corpus, map_ids[0]), essay_title(corpus.get(map_ids[0]))
    else:
        deck, name = comparison_deck(corpus, map_ids[0], map_ids[1], analysis, handout), \
            f"{map_ids[0]} and {map_ids[1]}"
    page = slides_html(deck, title=name)
    if fmt == "html":
        return page
    from argmap.classroom.browser import html_to_pdf

    return html_to_pdf(page, timeout=timeout)
