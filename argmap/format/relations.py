"""How essays relate on a shared claim: the one rule that says whether they agree, contradict, differ or are in tension.

A registry claim may declare its ``relation`` (see :data:`argmap.format.model.RelationKind` and ``docs/registry.md``);
when it does not, the stances of the nodes bound to it decide, as they always have: one stance is agreement,
affirms in one map and denies in another is a contradiction.  Everything that words a relation (report, handout,
slides, site, API, exports) asks :func:`claim_relation`; only a ``contradict`` may be called a contradiction.

>>> from argmap.format.registry import Claim
>>> claim_relation(None, {"a": {"affirms"}, "b": {"affirms"}})
'agree'
>>> claim_relation(None, {"a": {"affirms"}, "b": {"denies"}})
'contradict'
>>> claim_relation(Claim(id="c", wording="W", relation="differ", how="h"), {"a": {"affirms"}, "b": {"affirms"}})
'differ'
>>> RELATION_LABELS["contradict"]
'The essays contradict each other'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap.format.model import ArgumentMap, RelationKind, Stance
from argmap.format.registry import Claim, ClaimRegistry

__all__ = [
    "RELATION_LABELS",
    "claim_relation",
    "mentions_relation",
    "relation_problems",
    "stances_by_map",
]

RELATION_LABELS: dict[str, str] = {
    "agree": "Both essays make this claim",
    "contradict": "The essays contradict each other",
    "differ": "Different answers to one question",
    "tension": "One essay's evidence sits uneasily with the other's claim; neither essay debates it",
}
"""What the handout and the site say of a claim of each relation, true of every claim of that relation."""


def stances_by_map(maps: Iterable[ArgumentMap], claim_id: str) -> dict[str, set[Stance]]:
    """Map id to the stances its nodes bound to ``claim_id`` take (maps that do not bind it are left out).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> maps = [g.model for g in load_corpus([bundled_maps_dir()]).maps.values()]
    >>> stances_by_map(maps, "russia-silent")
    {'bankruptcy': {'affirms'}, 'enforcer': {'affirms'}}
    """
    out: dict[str, set[Stance]] = {}
    for m in maps:
        for n in m.nodes:
            if n.claim == claim_id and n.effective_stance:
                out.setdefault(m.id, set()).add(n.effective_stance)
    return out


def _opposed(stances: Mapping[str, set[Stance]]) -> bool:
    """An affirming node in one map and a denying node in another."""
    affirm = {m for m, s in stances.items() if "affirms" in s}
    deny = {m for m, s in stances.items() if "denies" in s}
    return any(a != d for a in affirm for d in deny)


def claim_relation(claim: Claim | None, stances: Mapping[str, set[Stance]]) -> RelationKind:
    """The relation of the maps in ``stances`` (map id to stances) on ``claim``: declared, else inferred.

    A declared ``contradict`` or ``tension`` holds between maps that take opposite stances; maps among which nobody
    denies what another affirms simply agree (a registry of three essays may declare a contradiction that two of
    them do not take part in).  Undeclared, mixed stances are a contradiction, one stance an agreement.

    >>> claim_relation(Claim(id="c", wording="W", relation="tension", how="h"), {"a": {"affirms"}, "b": {"denies"}})
    'tension'
    >>> claim_relation(Claim(id="c", wording="W", relation="contradict"), {"a": {"affirms"}, "c": {"affirms"}})
    'agree'
    """
    declared = claim.relation if claim is not None else None
    mixed = len({s for v in stances.values() for s in v}) > 1
    if declared in ("agree", "differ"):
        return declared
    if declared == "tension":
        return "tension" if mixed else "agree"
    return "contradict" if mixed else "agree"


def mentions_relation(claim: Claim | None, mentions: Iterable[Any]) -> RelationKind:
    """:func:`claim_relation` of the maps whose ``mentions`` (anything with ``map`` and ``stance``) bind the claim.

    >>> from argmap.queries.results import Mention
    >>> said = [Mention(map=m, node="P", kind="premise", text="t", quote="q", span=None, stance=s)
    ...         for m, s in (("a", "affirms"), ("b", "denies"))]
    >>> mentions_relation(None, said)
    'contradict'
    """
    stances: dict[str, set[Stance]] = {}
    for m in mentions:
        if m.stance:
            stances.setdefault(m.map, set()).add(m.stance)
    return claim_relation(claim, stances)


def _nodes(maps: Iterable[ArgumentMap], claim_id: str) -> str:
    return ", ".join(f"{m.id} {n.id} ({n.effective_stance})" for m in maps for n in m.nodes if n.claim == claim_id)


def relation_problems(registry: ClaimRegistry, maps: Iterable[ArgumentMap]) -> list[tuple[int, str, str]]:
    """(claim index, message, hint) for each declared relation the bindings in ``maps`` contradict.

    ``contradict`` and ``tension`` need an affirming and a denying node in two different maps (checked once two
    maps bind the claim); ``agree`` and ``differ`` need every bound node to take one stance.

    >>> from argmap.format.model import ArgumentMap
    >>> def mk(mid, stance):
    ...     return ArgumentMap.model_validate({"id": mid, "title": mid, "source": {"path": "e", "sha256": "0" * 64},
    ...         "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q", "claim": "c", "stance": stance}]})
    >>> reg = ClaimRegistry.model_validate({"claims": [{"id": "c", "wording": "W", "relation": "contradict"}]})
    >>> [m for _, m, _ in relation_problems(reg, [mk("a", "affirms"), mk("b", "affirms")])]
    ["claim 'c' is declared 'contradict', but no map denies what another affirms: a T (affirms), b T (affirms)"]
    >>> relation_problems(reg, [mk("a", "affirms"), mk("b", "denies")])
    []
    """
    maps = list(maps)
    out = []
    for i, c in enumerate(registry.claims):
        if c.relation is None:
            continue
        stances = stances_by_map(maps, c.id)
        if not stances:
            continue
        nodes = _nodes(maps, c.id)
        one = len({s for v in stances.values() for s in v}) == 1
        if c.relation in ("contradict", "tension") and len(stances) > 1 and not _opposed(stances):
            out.append((i, f"claim '{c.id}' is declared '{c.relation}', but no map denies what another "
                           f"affirms: {nodes}",
                        "bind the node that says the opposite with 'stance: denies', or declare another relation"))
        elif c.relation in ("agree", "differ") and not one:
            out.append((i, f"claim '{c.id}' is declared '{c.relation}', but its nodes take opposite stances: {nodes}",
                        "bind every node with one stance (for 'differ', each essay's node states its own answer), "
                        "or declare 'contradict' or 'tension'"))
    return out
