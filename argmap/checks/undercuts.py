"""Relations that target relations (undercuts, and undercuts of undercuts), followed to the statement they bear
on, each relation visited once: a ring of undercuts (``a: P -| b``, ``b: Q -| a``) ends the walk instead of
looping.  Validation reports such a ring as an error (:mod:`argmap.checks.integrity`); drawing, paths and exports
follow undercuts through :func:`relation_end`, so even a map that skipped validation never loops.

>>> from argmap.format.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"id": "m", "title": "t", "source": {"path": "e", "sha256": "0" * 64},
...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
...               {"id": "P", "kind": "premise", "text": "p", "quote": "q"}],
...     "relations": ["r1: P -> T", "r2: T -| r1", "a: P -| b", "b: T -| a"]})
>>> bears_on(m, "r2"), bears_on(m, "T"), bears_on(m, "a")
('T', 'T', None)
>>> undercut_cycle(m)
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.format.model import ArgumentMap, Relation

__all__ = ["bears_on", "named_relations", "relation_end", "undercut_cycle"]


def named_relations(m: ArgumentMap) -> dict[str, Relation]:
    """The map's relations that have an id, by id (a salvaged map's unreadable ones left out)."""
    return {r.id: r for r in m.relations if r is not None and r.id}


def relation_end(rels: Mapping[str, Relation], target: str) -> str | None:
    """The statement a relation aimed at ``target`` finally bears on, given the named relations ``rels``:
    ``target`` itself when it names no relation, else the target of the relation it names, followed through
    undercuts of undercuts; None for a chain that comes back on itself.

    >>> rels = {r.id: r for r in map(Relation.model_validate, ["r1: P -> T", "r2: O -| r1", "r3: Q -| r2"])}
    >>> relation_end(rels, "r3"), relation_end({"a": Relation.model_validate("a: P -| a")}, "a")
    ('T', None)
    """
    seen: set[str] = set()
    while target in rels and target not in seen:
        seen.add(target)
        target = rels[target].target
    return None if target in rels else target


def bears_on(m: ArgumentMap, target: str) -> str | None:
    """:func:`relation_end` in map ``m`` (for one question; build :func:`named_relations` once for many)."""
    return relation_end(named_relations(m), target)


def undercut_cycle(m: ArgumentMap) -> list[str]:
    """The ids of the first ring of relations that target one another, from the relation met first in the
    map; empty when there is none."""
    rels = named_relations(m)
    done: set[str] = set()
    for start in rels:
        path: list[str] = []
        at = start
        while at in rels and at not in done and at not in path:
            path.append(at)
            at = rels[at].target
        if at in path:
            return path[path.index(at):]
        done.update(path)
    return []
