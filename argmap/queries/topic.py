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
('contradict', [('bankruptcy', 'affirms'), ('enforcer', 'denies')])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.corpus.pairs import comparison_ids
from argmap.format.model import Stance
from argmap.queries.comparison import map_summary, mentions_of
from argmap.queries.results import (
    CellRelation,
    ClaimRelation,
    Mention,
    TopicCell,
    TopicComparison,
    TopicRow,
    TopicNode,
    TopicStance,
    UnansweredObjection,
    UniqueClaim,
)

if TYPE_CHECKING:
    from argmap.checks.grounded import GroundedMap
    from argmap.corpus.load import Corpus
    from argmap.format.model import Claim

__all__ = ["claim_relation", "compare_topic", "topic_claim"]


def claim_relation(claim: Claim | None, stances: Sequence[Stance | None]) -> ClaimRelation:
    """The kind of relation between the essays on a claim: the registry's ``relation`` when the claim declares
    one, else inferred from the bound nodes' stances (one stance: ``agree``; both: ``contradict``).

    >>> claim_relation(None, ["affirms", "affirms"]), claim_relation(None, ["affirms", "denies"])
    ('agree', 'contradict')
    """
    declared = getattr(claim, "relation", None)
    if declared in ("agree", "contradict", "differ", "tension"):
        return declared  # type: ignore[no-any-return]
    return "agree" if len({s or "affirms" for s in stances}) <= 1 else "contradict"


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
    out = []
    for gm, node_id, claim, stance in _objections(maps):
        node = gm.model.node(node_id)
        assert node is not None
        for other in maps:
            if other.id == gm.id or stance not in binds[other.id].get(claim, set()):
                continue
            if node.claim is not None and node.claim in binds[other.id]:
                continue  # the essay takes the objection up
            out.append(UnansweredObjection(map=other.id, claim=claim, stance=stance, by=gm.id, node=node_id,
                                           text=node.text, quote=node.quote, objection_claim=node.claim))
    ids = [m.id for m in maps]
    return sorted(out, key=lambda u: (ids.index(u.map), ids.index(u.by), u.claim, u.node))


def compare_topic(corpus: Corpus, map_ids: Sequence[str]) -> TopicComparison:
    """The grid of shared claims by essay, each essay's stance on the topic, the objections each leaves
    unanswered, and what only one essay claims, for two or more different maps (in the order given).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> compare_topic(load_corpus([bundled_maps_dir()]), ["enforcer"])
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: a comparison needs two different maps, got only 'enforcer'
    """
    ids = comparison_ids(corpus, map_ids)
    maps = [corpus.get(i) for i in ids]
    binds: dict[str, dict[str, set[Stance]]] = {gm.id: {} for gm in maps}
    for gm in maps:
        for n in gm.model.nodes:
            if n.claim:
                binds[gm.id].setdefault(n.claim, set()).add(n.effective_stance or "affirms")
    registry = {c.id: k for k, c in enumerate(corpus.registry.claims)}
    thesis_claims = [gm.model.thesis.claim for gm in maps]
    makers: dict[str, list[str]] = {}
    for gm in maps:
        for c in binds[gm.id]:
            makers.setdefault(c, []).append(gm.id)
    rows = []
    for claim_id, who in makers.items():
        if len(who) < 2:
            continue
        claim = corpus.registry.get(claim_id)
        mentions = {gm.id: mentions_of(gm, claim_id) for gm in maps}
        relation = claim_relation(claim, [m.stance for ms in mentions.values() for m in ms])
        cells = [TopicCell(map=gm.id, relation=_cell(relation, mentions[gm.id]), mentions=mentions[gm.id])
                 for gm in maps]
        rows.append(TopicRow(claim=claim_id, wording=claim.wording if claim else claim_id, relation=relation,
                             how=getattr(claim, "how", None), essays=len(who), cells=cells,
                             theses=[gm.id for gm in maps if gm.model.thesis.claim == claim_id]))
    rows.sort(key=lambda r: (-r.essays, -thesis_claims.count(r.claim), registry.get(r.claim, len(registry)), r.claim))
    topic = topic_claim(corpus, maps)
    unique_claims = []
    for claim_id, who in makers.items():
        if len(who) == 1:
            claim = corpus.registry.get(claim_id)
            unique_claims.append(UniqueClaim(claim=claim_id, wording=claim.wording if claim else claim_id,
                                             map=who[0], mentions=mentions_of(corpus.get(who[0]), claim_id)))
    unique_claims.sort(key=lambda u: (ids.index(u.map), registry.get(u.claim, len(registry)), u.claim))
    unbound = [TopicNode(map=gm.id, node=n.id, kind=n.kind, text=n.text, quote=n.quote)
               for gm in maps for n in gm.model.nodes if n.claim is None]
    return TopicComparison(
        maps=[map_summary(gm) for gm in maps], topic=topic,
        topic_wording=(c.wording if (c := corpus.registry.get(topic)) else topic) if topic else None,
        stances=[_stance_on(gm, topic) for gm in maps], rows=rows, unanswered=_unanswered(maps, binds),
        unique_claims=unique_claims, unbound=unbound)
