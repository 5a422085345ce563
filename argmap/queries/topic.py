"""A whole topic compared: any number of essays, claim by claim.

:func:`compare_topic` answers four questions about two or more maps, each from
the maps and the claim registry alone:

* **The grid.** For every claim that two or more of the maps bind, each
  essay's relation to it: ``affirms`` or ``denies`` (the stance of its bound
  nodes), ``differs`` (the claim's relation is ``differ``: each essay gives
  its own answer), or ``absent``.  Rows are sorted by how many essays make the
  claim, then with the claims the theses bind first, then in registry order.
  Each row carries the claim's kind of relation between the essays: the
  registry's ``relation`` when the claim declares one, else inferred from the
  stances (one stance everywhere: ``agree``; both stances: ``contradict``).
* **The topic question.** The claim the most theses bind (ties: registry
  order) is the topic; each essay's stance on it is the stance of its thesis
  when the thesis is bound to it, else of any node bound to it, else
  ``none``.  An arg-microtexts import binds every thesis to a claim named after
  the topic, with the text's gold stance.
* **Objections left unanswered.** An objection is a node of one map, bound or
  not, that attacks a node bound to a claim.  It is raised against every other
  essay that binds that claim with the same stance as the attacked node; the
  essay *answers* it when it binds the objection's own claim (it takes the
  objection up, whatever it says of it).  The rest are listed per essay.
* **Claims only one essay makes.** The registry claims that exactly one of the
  maps binds, and each map's statements bound to no claim at all.

With two maps, :func:`argmap.queries.comparison.compare` gives the pair's
fuller report (paths to each thesis, divergent conclusions); this is the
report for three or more, and it works for two as well.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> topic = compare_topic(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"])
>>> row = next(r for r in topic.rows if r.claim == "inaction-by-choice")
>>> row.relation, [(c.map, c.relation) for c in row.cells]
('differ', [('bankruptcy', 'differs'), ('enforcer', 'differs')])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.corpus.pairs import comparison_ids
from argmap.format.model import Stance
from argmap.format.relations import mentions_relation
from argmap.queries.comparison import map_summary
from argmap.queries.facts.topic_report import checked_topic
from argmap.queries.results import (
    CellRelation,
    ClaimRelation,
    Mention,
    TopicCell,
    TopicComparison,
    TopicNode,
    TopicRow,
    TopicStance,
    UnansweredObjection,
    UniqueClaim,
)

if TYPE_CHECKING:
    from argmap.checks.grounded import GroundedMap
    from argmap.corpus.load import Corpus

__all__ = ["compare_topic", "topic_claim", "topic_grid"]


def _cell(relation: ClaimRelation, mentions: list[Mention]) -> CellRelation:
    if not mentions:
        return "absent"
    if relation == "differ":
        return "differs"
    stances = {m.stance or "affirms" for m in mentions}
    return "affirms" if stances == {"affirms"} else "denies" if stances == {"denies"} else "affirms-and-denies"


def topic_claim(corpus: Corpus, maps: Sequence[GroundedMap]) -> str | None:
    """The claim the most of ``maps``' theses bind (ties: the registry's order); None when no thesis is bound.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> topic_claim(corpus, list(corpus.maps.values()))
    'russia-not-protector'
    """
    bound = [m.model.thesis.claim for m in maps if m.model.thesis.claim]
    if not bound:
        return None
    order = {c.id: k for k, c in enumerate(corpus.registry.claims)}
    return min(set(bound), key=lambda c: (-bound.count(c), order.get(c, len(order)), c))


def _stance_on(gm: GroundedMap, claim: str | None) -> TopicStance:
    if claim is None:
        return TopicStance(map=gm.id, claim=None, stance="none", node=None, quote=None)
    thesis = gm.model.thesis
    bound = [thesis] if thesis.claim == claim else [n for n in gm.model.nodes if n.claim == claim]
    if not bound:
        return TopicStance(map=gm.id, claim=claim, stance="none", node=None, quote=None)
    node = bound[0]
    return TopicStance(map=gm.id, claim=claim, stance=node.effective_stance or "affirms", node=node.id,
                       quote=node.quote)


def _objections(maps: Sequence[GroundedMap]) -> list[tuple[GroundedMap, str, str, Stance]]:
    """(map, objection node, claim attacked, stance of the attacked node) for every attack on a bound node."""
    out = []
    for gm in maps:
        by_id = {n.id: n for n in gm.model.nodes}
        for r in gm.model.relations:
            target = by_id.get(r.target)
            if r.type != "attacks" or target is None or target.claim is None:
                continue
            for s in r.sources:
                if s in by_id:
                    out.append((gm, s, target.claim, target.effective_stance or "affirms"))
    return out


def _unanswered(maps: Sequence[GroundedMap], binds: dict[str, dict[str, set[Stance]]]) -> list[UnansweredObjection]:
    takers: dict[tuple[str, Stance], list[str]] = {}  # (claim, stance) -> the maps that bind it so, in order
    for gm in maps:
        for claim, stances in binds[gm.id].items():
            for stance in stances:
                takers.setdefault((claim, stance), []).append(gm.id)
    out = []
    for gm, node_id, claim, stance in _objections(maps):
        node = gm.model.node(node_id)
        assert node is not None
        for other in takers.get((claim, stance), []):
            if other == gm.id or (node.claim is not None and node.claim in binds[other]):
                continue  # its own objection, or the essay takes the objection up
            out.append(UnansweredObjection(map=other, claim=claim, stance=stance, by=gm.id, node=node_id,
                                           text=node.text, quote=node.quote, objection_claim=node.claim))
    order = {m.id: k for k, m in enumerate(maps)}
    return sorted(out, key=lambda u: (order[u.map], order[u.by], u.claim, u.node))


def _mentions(maps: Sequence[GroundedMap]) -> dict[str, dict[str, list[Mention]]]:
    """claim -> map -> the map's mentions of it, in document order: one pass over every node."""
    out: dict[str, dict[str, list[Mention]]] = {}
    for gm in maps:
        for n in gm.model.nodes:
            if n.claim:
                out.setdefault(n.claim, {}).setdefault(gm.id, []).append(Mention(
                    map=gm.id, node=n.id, kind=n.kind, text=n.text, quote=n.quote, span=gm.spans.get(n.id),
                    stance=n.effective_stance))
    return out


def topic_grid(corpus: Corpus, maps: Sequence[GroundedMap],
               mentions: dict[str, dict[str, list[Mention]]] | None = None) -> list[TopicRow]:
    """The grid's rows: every claim two or more of ``maps`` make, one cell per map (in order), sorted by how many
    essays make it, then with the claims more theses bind first, then in registry order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> rows = topic_grid(corpus, [corpus.get("bankruptcy"), corpus.get("enforcer")])
    >>> rows[0].claim, rows[0].essays, rows[0].theses
    ('russia-not-protector', 2, ['bankruptcy'])
    """
    mentions = _mentions(maps) if mentions is None else mentions
    registry = {c.id: k for k, c in enumerate(corpus.registry.claims)}
    thesis_claims = Counter(gm.model.thesis.claim for gm in maps)
    rows = []
    for claim_id, by_map in mentions.items():
        if len(by_map) < 2:
            continue
        claim = corpus.registry.get(claim_id)
        relation = mentions_relation(claim, [m for ms in by_map.values() for m in ms])  # the one rule
        cells = [TopicCell(map=gm.id, relation=_cell(relation, by_map.get(gm.id, [])), mentions=by_map.get(gm.id, []))
                 for gm in maps]
        rows.append(TopicRow(claim=claim_id, wording=claim.wording if claim else claim_id, relation=relation,
                             how=claim.how if claim else None, essays=len(by_map), cells=cells,
                             theses=[gm.id for gm in maps if gm.model.thesis.claim == claim_id]))
    rows.sort(key=lambda r: (-r.essays, -thesis_claims[r.claim], registry.get(r.claim, len(registry)), r.claim))
    return rows


def compare_topic(corpus: Corpus, map_ids: Sequence[str]) -> TopicComparison:
    """The grid of shared claims by essay, each essay's stance on the topic, the objections each essay leaves
    unanswered, and what only one essay claims, for two or more different maps (in the order given), carrying the
    checked facts each item states (:func:`argmap.queries.facts.topic_report.checked_topic`).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> compare_topic(load_corpus([bundled_maps_dir()]), ["enforcer"])
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: a comparison needs two different maps, got only 'enforcer'
    """
    ids = comparison_ids(corpus, map_ids)
    maps = [corpus.get(i) for i in ids]
    mentions = _mentions(maps)
    binds = {gm.id: {} for gm in maps}  # type: dict[str, dict[str, set[Stance]]]
    for claim_id, by_map in mentions.items():
        for map_id, ms in by_map.items():
            binds[map_id][claim_id] = {m.stance or "affirms" for m in ms}
    registry = {c.id: k for k, c in enumerate(corpus.registry.claims)}
    order = {m: k for k, m in enumerate(ids)}
    topic = topic_claim(corpus, maps)
    unique_claims = [UniqueClaim(claim=claim_id, wording=c.wording if (c := corpus.registry.get(claim_id)) else claim_id,
                                 map=map_id, mentions=ms)
                     for claim_id, by_map in mentions.items() if len(by_map) == 1 for map_id, ms in by_map.items()]
    unique_claims.sort(key=lambda u: (order[u.map], registry.get(u.claim, len(registry)), u.claim))
    unbound = [TopicNode(map=gm.id, node=n.id, kind=n.kind, text=n.text, quote=n.quote)
               for gm in maps for n in gm.model.nodes if n.claim is None]
    return checked_topic(corpus, TopicComparison(
        maps=[map_summary(gm) for gm in maps], topic=topic,
        topic_wording=(c.wording if (c := corpus.registry.get(topic)) else topic) if topic else None,
        stances=[_stance_on(gm, topic) for gm in maps], rows=topic_grid(corpus, maps, mentions),
        unanswered=_unanswered(maps, binds), unique_claims=unique_claims, unbound=unbound))
