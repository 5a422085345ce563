"""Whether a claim stands in its map: the one rule every analysis asks.

**The rule.** A claim *stands* when it is supported (a ``supports`` or ``example``
relation targets it), or when it is *defended*: it is attacked, and the map answers
an attack on it, either by rebutting it (a relation attacks one of the attack's
sources) or by undercutting it (a relation attacks the attack relation itself, by its
id).  An essay that answers the objection to its thesis, and says nothing else for
it, argues for that thesis by defence.  An attack left unanswered beside the answered
one does not undo the defence, just as an unanswered objection does not undo a
supported thesis: it is a weak point to discuss, not a gap in the structure.

>>> from argmap.format.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
...               {"id": "O", "kind": "objection", "text": "o", "quote": "q"},
...               {"id": "P", "kind": "premise", "text": "p", "quote": "q"}],
...     "relations": ["c1: O -| T", "P -| c1"]})
>>> supported(m, "T"), defended(m, "T"), stands(m, "T")
(False, True, True)
>>> [r.key for r in counters(m, m.relations[0])]   # P undercuts the attack c1
['P-|c1']
"""

from __future__ import annotations

from argmap.format.model import ArgumentMap, Relation

__all__ = ["attacks_on", "counters", "defended", "stands", "supported"]


def supported(m: ArgumentMap, node_id: str) -> bool:
    """True when a support (or example) relation targets ``node_id``.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> supported(m, "T"), supported(m, "P8")
    (True, False)
    """
    return any(r is not None and r.is_support and r.target == node_id for r in m.relations)


def attacks_on(m: ArgumentMap, target: str) -> list[Relation]:
    """The attack relations whose target is ``target`` (a node id or a relation id), in map order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> [r.key for r in attacks_on(m, "P7b")], attacks_on(m, "T")
    (['O1-|P7b'], [])
    """
    return [r for r in m.relations if r is not None and r.type == "attacks" and r.target == target]


def counters(m: ArgumentMap, attack: Relation) -> list[Relation]:
    """The attacks that rebut ``attack`` (attack one of its sources) or undercut it (attack it by its id).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> [[c.key for c in counters(m, a)] for a in attacks_on(m, "P8")]   # P8b undercuts the attack r5
    [['P8b-|r5']]
    """
    aims = set(attack.sources) | ({attack.id} if attack.id else set())
    return [r for r in m.relations if r is not None and r is not attack and r.type == "attacks"
            and r.target in aims]


def defended(m: ArgumentMap, node_id: str) -> bool:
    """True when an attack on ``node_id`` is countered (see the module's rule).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> defended(m, "P8"), defended(m, "O1")   # nothing answers the rebuttal of O1
    (True, False)
    """
    return any(counters(m, a) for a in attacks_on(m, node_id))


def stands(m: ArgumentMap, node_id: str) -> bool:
    """The rule: supported, or defended by answering an attack on it.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> m = load_corpus([bundled_maps_dir()]).get("enforcer").model
    >>> stands(m, "T"), stands(m, "P8"), stands(m, "O1")
    (True, True, False)
    """
    return supported(m, node_id) or defended(m, node_id)
