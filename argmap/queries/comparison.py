"""Questions asked of a corpus: shared premises, comparisons, what each map says about a claim.

Definitions used here:

* A map *uses a claim as a premise* when a node bound to it is a premise,
  evidence or assumption, or supports some other node.
* How two maps relate on a claim both bind is
  :func:`argmap.format.relations.claim_relation`: the registry's ``relation``,
  else one stance is agreement and opposite stances a contradiction.  They
  *disagree* (a contradiction) on a ``contradict`` claim, or when a claim both
  agree on supports, in each map, a claim they contradict each other on; a
  ``differ`` or ``tension`` claim is a *difference*, never a disagreement.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> result = shared_premises(corpus)
>>> {"russia-silent", "russia-overextended", "iran-isolated"} <= {c.claim for c in result.claims}
True
>>> [d.relation for d in compare(corpus, "bankruptcy", "enforcer").differences if d.claim == "russia-used-to-react"]
['tension']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import Corpus
from argmap.corpus.pairs import require_pair
from argmap.errors import NotFound
from argmap.format.model import SUPPORT_TYPES, Stance
from argmap.format.relations import claim_relation, mentions_relation
from argmap.graph.map_graph import map_graph, support_paths
from argmap.graph.merge import merge_maps
from argmap.queries.results import (
    Agreement,
    ClaimPath,
    Comparison,
    Difference,
    Disagreement,
    MapSummary,
    Mention,
    SharedClaim,
    SharedClaims,
    SharedPremises,
    UniqueNode,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "claim_mentions",
    "compare",
    "map_summary",
    "mentions_of",
    "merged_graph",
    "shared_claims",
    "shared_premises",
    "thesis_first",
]

_PREMISE_KINDS = {"premise", "evidence", "assumption"}


def merged_graph(corpus: Corpus, map_ids: Sequence[str] | None = None) -> nx.DiGraph:
    """The merge of the corpus's maps (all, or ``map_ids``), with quote spans.

    A claim two maps bind is one node, ``claim:<id>``, holding each map's mention.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> g = merged_graph(load_corpus([bundled_maps_dir()]))
    >>> g.nodes["claim:russia-silent"]["maps"], len(g.nodes["claim:russia-silent"]["mentions"])
    (('bankruptcy', 'enforcer'), 2)
    """
    chosen = [corpus.get(i) for i in (map_ids or corpus.maps)]
    return merge_maps([g.model for g in chosen], corpus.registry, {g.id: g.spans for g in chosen})


def mentions_of(gm: GroundedMap, claim_id: str) -> list[Mention]:
    """Every node of ``gm`` bound to ``claim_id``, in document order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
    >>> [(m.node, m.kind, m.stance) for m in mentions_of(gm, "russia-silent")]
    [('P1', 'premise', 'affirms')]
    """
    return [
        Mention(map=gm.id, node=n.id, kind=n.kind, text=n.text, quote=n.quote, span=gm.spans.get(n.id),
                stance=n.effective_stance)
        for n in gm.model.nodes if n.claim == claim_id
    ]


def _premise_nodes(gm: GroundedMap) -> set[str]:
    supporters = {s for r in gm.model.relations if r.is_support for s in r.sources}
    return {n.id for n in gm.model.nodes if n.kind in _PREMISE_KINDS or (n.id in supporters and n.kind != "thesis")}


def _how(corpus: Corpus, claim_id: str) -> str:
    claim = corpus.registry.get(claim_id)
    return (claim.how if claim else None) or ""


def thesis_first(claim_ids: Iterable[str], maps: Sequence[GroundedMap]) -> list[str]:
    """``claim_ids`` with the claims that more of the maps' theses bind first (a stable sort).

    This is the order of every comparison: the claim the theses share, or dispute,
    is what the maps are about, so it leads.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> thesis_first(["russia-silent", "russia-not-protector"], list(corpus.maps.values()))
    ['russia-not-protector', 'russia-silent']
    """
    bound = [m.model.thesis.claim for m in maps]
    return sorted(claim_ids, key=lambda c: -bound.count(c))


def _shared(corpus: Corpus, chosen: Sequence[GroundedMap], users: dict[str, list[str]]) -> list[SharedClaim]:
    claims = []
    for claim_id in thesis_first((c.id for c in corpus.registry.claims), chosen):
        if len(users.get(claim_id, [])) < 2:
            continue
        mentions = [m for gm in chosen for m in mentions_of(gm, claim_id)]
        kind = mentions_relation(corpus.registry.get(claim_id), mentions)
        claims.append(SharedClaim(
            claim=claim_id, wording=corpus.registry.wording(claim_id), maps=sorted(users[claim_id]),
            agree=kind == "agree", relation=kind, how=_how(corpus, claim_id) or None, mentions=mentions,
            theses=sorted(gm.id for gm in chosen if gm.model.thesis.claim == claim_id)))
    return claims


def shared_premises(corpus: Corpus, map_ids: Sequence[str] | None = None) -> SharedPremises:
    """Claims that two or more of the maps use as a premise or as evidence, with each map's words.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> result = shared_premises(load_corpus([bundled_maps_dir()]))
    >>> result.claims[0].claim, result.claims[0].maps, result.claims[0].relation
    ('inaction-by-choice', ['bankruptcy', 'enforcer'], 'differ')
    """
    chosen = [corpus.get(i) for i in (map_ids or list(corpus.maps))]
    users: dict[str, list[str]] = {}
    for gm in chosen:
        premises = _premise_nodes(gm)
        for n in gm.model.nodes:
            if n.claim and n.id in premises and gm.id not in users.setdefault(n.claim, []):
                users[n.claim].append(gm.id)
    return SharedPremises(maps=sorted(g.id for g in chosen), claims=_shared(corpus, chosen, users))


def shared_claims(corpus: Corpus, map_ids: Sequence[str] | None = None) -> SharedClaims:
    """Claims that two or more of the maps bind, as thesis, premise, objection or any other kind.

    The claims the theses bind come first (:func:`thesis_first`), then the registry's order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> result = shared_claims(load_corpus([bundled_maps_dir()]))
    >>> {c.claim for c in shared_premises(load_corpus([bundled_maps_dir()])).claims} <= {c.claim for c in result.claims}
    True
    """
    chosen = [corpus.get(i) for i in (map_ids or list(corpus.maps))]
    users: dict[str, list[str]] = {}
    for gm in chosen:
        for n in gm.model.nodes:
            if n.claim and gm.id not in users.setdefault(n.claim, []):
                users[n.claim].append(gm.id)
    return SharedClaims(maps=sorted(g.id for g in chosen), claims=_shared(corpus, chosen, users))


def claim_mentions(corpus: Corpus, claim_id: str) -> list[Mention]:
    """What every map says about one claim (each map's wording, quote, kind and stance).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> [(m.map, m.node, m.stance) for m in claim_mentions(corpus, "russia-silent")]
    [('bankruptcy', 'P1', 'affirms'), ('enforcer', 'P1', 'affirms')]
    >>> claim_mentions(corpus, "russia-silnt")
    Traceback (most recent call last):
    argmap.errors.NotFound: unknown claim 'russia-silnt' (did you mean 'russia-silent'?)
    """
    if corpus.registry.get(claim_id) is None:
        raise NotFound("claim", claim_id, [c.id for c in corpus.registry.claims])
    return [m for gm in corpus.maps.values() for m in mentions_of(gm, claim_id)]


def map_summary(gm: GroundedMap) -> MapSummary:
    """The map's id, title, author and thesis (its text and quote).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> map_summary(load_corpus([bundled_maps_dir()]).get("enforcer")).title
    'Russia’s Silence on Israel’s Strikes: No Longer an Enforcer'
    """
    t = gm.model.thesis
    return MapSummary(id=gm.id, title=gm.model.title, author=gm.model.author, thesis=t.text, thesis_quote=t.quote)


def _claims(gm: GroundedMap) -> dict[str, set[Stance]]:
    out: dict[str, set[Stance]] = {}
    for n in gm.model.nodes:
        if n.claim and n.effective_stance:
            out.setdefault(n.claim, set()).add(n.effective_stance)
    return out


def _downstream_claims(g: Any, starts: Iterable[str]) -> dict[str, set[str]]:
    """Claims (with stances) that ``starts`` reach through support alone (a walk over what they reach only)."""
    seen: set[str] = set()
    todo = list(starts)
    out: dict[str, set[str]] = {}
    while todo:
        for k in g.successors(todo.pop()):
            d = g.nodes[k]
            if k in seen or (d["role"] != "statement" and d["type"] not in SUPPORT_TYPES):
                continue
            seen.add(k)
            todo.append(k)
            if d["role"] == "statement" and d["claim"]:
                out.setdefault(d["claim"], set()).add(d["stance"])
    return out


Via = Literal["supports", "any"]
_VIA: tuple[tuple[Via, tuple[str, ...]], ...] = (
    ("supports", SUPPORT_TYPES), ("any", (*SUPPORT_TYPES, "attacks")))


def _path(to_thesis: dict[Via, Callable[[Any], list[Any] | None]], gm: GroundedMap,
          claim_id: str) -> tuple[list[str] | None, Via | None]:
    """The shortest chain from a node bound to ``claim_id`` to the thesis: by support alone, else through attacks."""
    starts = [n.id for n in gm.model.nodes if n.claim == claim_id]
    for via, _ in _VIA:
        paths = [p for s in starts if (p := to_thesis[via](s)) is not None]
        if paths:
            return min(paths, key=lambda p: (len(p), p)), via
    return None, None


def compare(corpus: Corpus, left: str, right: str) -> Comparison:
    """Agreements, disagreements, what each map claims alone, and how shared claims reach each thesis; each item
    carries the facts it states, checked (:func:`argmap.queries.facts.comparison.checked`).

    ``left`` and ``right`` must be two different maps (:func:`argmap.corpus.pairs.require_pair`).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> result = compare(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
    >>> result.disagreements, [(d.claim, d.relation) for d in result.differences[:2]]
    ([], [('inaction-by-choice', 'differ'), ('alliances-hollow-or-eroded', 'differ')])
    >>> result.paths[0]
    ClaimPath(claim='russia-not-protector', left=['T'], left_via='supports', right=None, right_via=None)
    """
    a, b = corpus.get(left), corpus.get(right)
    require_pair(a.id, b.id)
    ga, gb = map_graph(a.model, a.spans), map_graph(b.model, b.spans)
    ca, cb = _claims(a), _claims(b)
    order = thesis_first((c.id for c in corpus.registry.claims), [a, b])
    common = [c for c in order if c in ca and c in cb]
    agreements, disagreements, differences = [], [], []
    relation = {c: claim_relation(corpus.registry.get(c), {left: ca[c], right: cb[c]}) for c in common}
    for c in common:
        la, lb = mentions_of(a, c), mentions_of(b, c)
        if relation[c] == "agree":
            agreements.append(Agreement(claim=c, wording=corpus.registry.wording(c), stance=next(iter(ca[c] | cb[c])),
                                        left=la, right=lb))
        elif relation[c] == "contradict":
            detail = f"{left} {'/'.join(sorted(ca[c]))}, {right} {'/'.join(sorted(cb[c]))}"
            disagreements.append(Disagreement(claim=c, wording=corpus.registry.wording(c), reason="opposite-stances",
                                              detail=detail, left=la, right=lb))
        else:
            differences.append(Difference(claim=c, wording=corpus.registry.wording(c), relation=relation[c],  # type: ignore[arg-type]
                                          how=_how(corpus, c), left=la, right=lb))
    for c in (x.claim for x in agreements):
        da = _downstream_claims(ga, [m.node for m in mentions_of(a, c)])
        db = _downstream_claims(gb, [m.node for m in mentions_of(b, c)])
        for y in order:
            if y in da and y in db and da[y] != db[y] and relation.get(y) == "contradict":
                disagreements.append(Disagreement(
                    claim=c, wording=corpus.registry.wording(c), reason="divergent-conclusions",
                    detail=f"supports '{y}', which {left} {'/'.join(sorted(da[y]))} and {right} {'/'.join(sorted(db[y]))}",
                    left=mentions_of(a, c), right=mentions_of(b, c)))

    def unique(gm: GroundedMap, other: dict[str, set[Stance]]) -> list[UniqueNode]:
        return [UniqueNode(node=n.id, kind=n.kind, text=n.text, quote=n.quote, claim=n.claim)
                for n in gm.model.nodes if n.claim is None or n.claim not in other]

    to_thesis = {gm.id: {via: support_paths(g, gm.model.thesis.id, types) for via, types in _VIA}
                 for gm, g in ((a, ga), (b, gb))}  # one search per map and kind of path, not one per claim
    paths = []
    for c in common:
        pa, va = _path(to_thesis[a.id], a, c)
        pb, vb = _path(to_thesis[b.id], b, c)
        paths.append(ClaimPath(claim=c, left=pa, left_via=va, right=pb, right_via=vb))
    from argmap.queries.facts.comparison import checked

    return checked(corpus, Comparison(left=map_summary(a), right=map_summary(b), agreements=agreements,
                                      disagreements=disagreements, differences=differences,
                                      unique_left=unique(a, cb), unique_right=unique(b, ca), paths=paths))
