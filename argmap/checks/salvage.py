"""What of a map can be checked when some of its items fail their schema.

:func:`salvage` keeps the map's nodes, relations and skips that validate and puts
None where one fails, so that list indices (and so every diagnostic's location)
still match the file; :func:`indexed` walks such a list.  ``check_map`` uses it to
report every problem of a map in one run, not only its schema errors.

>>> from argmap.yaml.reader import parse_yaml
>>> doc = parse_yaml('''
... id: m
... title: t
... source: {path: essay.txt, sha256: "%s"}
... nodes:
...   - {id: T, kind: thesis, text: t, quote: "It rained."}
...   - {id: P, kind: premis, text: p, quote: "It snowed."}
... ''' % ("0" * 64), "m.yaml")
>>> partial, dropped = salvage(doc)
>>> [n.id for _, n in indexed(partial.nodes)], dropped
(['T'], {'P'})
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from argmap.format.model import ArgumentMap, Node, Relation, Skip
from argmap.yaml.reader import YamlDocument

__all__ = ["indexed", "salvage"]

T = TypeVar("T")


def indexed(items: Sequence[T | None]) -> Iterator[tuple[int, T]]:
    """(index, item) for the items present; a salvaged map holds None where an item failed its schema.

    >>> list(indexed(["T", None, "P2"]))
    [(0, 'T'), (2, 'P2')]
    """
    return ((i, x) for i, x in enumerate(items) if x is not None)


def salvage(doc: YamlDocument) -> tuple[ArgumentMap, set[str]] | None:
    """The map without the nodes, relations and skips that fail their schema, and the dropped node ids.

    None when the rest of the map (id, title, source, ...) fails too.  Positions stay
    right because only the checks run on this copy; diagnostics use the original indices.
    """
    from pydantic import ValidationError

    data = doc.data
    if not isinstance(data, dict):
        return None
    dropped: set[str] = set()
    cleaned = dict(data)
    for key, item_model in (("nodes", Node), ("relations", Relation), ("skip", Skip)):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        kept = []
        for item in items:
            try:
                item_model.model_validate(item)
                kept.append(item)
            except ValidationError:
                kept.append(None)
                if key == "nodes" and isinstance(item, dict) and isinstance(item.get("id"), str):
                    dropped.add(item["id"])
        cleaned[key] = kept
    try:
        # Validate the rest of the map without the dropped items (the None placeholders come back below).
        present = {k: [x for x in v if x is not None] for k, v in cleaned.items()
                   if k in ("nodes", "relations", "skip") and isinstance(v, list)}
        base = ArgumentMap.model_validate({**cleaned, **present})
    except ValidationError:
        return None
    nodes = [Node.model_validate(x) if x is not None else None for x in cleaned.get("nodes", [])]
    relations = [Relation.model_validate(x) if x is not None else None for x in cleaned.get("relations", [])]
    skips = [Skip.model_validate(x) if x is not None else None for x in cleaned.get("skip", [])]
    # model_copy(update=...) does not validate, so the None placeholders stay and list indices match the file.
    partial = base.model_copy(update={"nodes": nodes, "relations": relations, "skip": skips})
    return partial, dropped
