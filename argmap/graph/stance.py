"""A relation seen from a statement that says the opposite of what its map's node says.

Merging binds a map's node to a shared claim whatever its stance, so a node that denies the claim becomes the
claim's statement, which says the claim.  A map's reason for that denial is then a reason against what the
statement says, an attack on the denial supports it, and a denial that supports something attacks it: the relation
is drawn and exported with its type turned.  Where the maps answer a claim differently or are in tension on it
(:data:`NOT_NEGATION`), ``denies`` is not the claim's negation, and relations keep the type their maps write.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.graph.merge import merge_maps
>>> corpus = load_corpus([bundled_maps_dir()])
>>> g = merge_maps([gm.model for gm in corpus.maps.values()], corpus.registry)
>>> def turned(shown):
...     return [(g.nodes[k]["map"], g.nodes[k]["relation"], seen_type(g, k, shown)) for k in g
...             if g.nodes[k]["role"] == "relation" and seen_type(g, k, shown) != g.nodes[k]["type"]]
>>> turned(lambda key: "affirms")  # bankruptcy's E3 denies a claim: seen from words that affirm it, it attacks P7a
[('bankruptcy', 'E3->P7a', 'attacks')]
>>> turned(lambda key: None if g.nodes[key].get("relation") in NOT_NEGATION else "affirms")  # a tension: as written
[]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.format.model import SUPPORT_TYPES

__all__ = ["NOT_NEGATION", "seen_type"]

NOT_NEGATION = ("differ", "tension")
"""Relations on a shared claim where a map's ``denies`` is not the claim's negation (another answer; evidence in
tension with it)."""


def seen_type(g: Any, relation: str, shown: Callable[[str], str | None]) -> str:
    """The type of ``relation`` (a relation node of the merged graph ``g``) as drawn or exported, where ``shown(key)``
    is the stance toward its claim of the words statement ``key`` shows (None: its relations keep their type).

    Each end of the relation (its target, and its premise when it has one) where its map's own node takes another
    stance than the words shown turns it once.  An undercut stays an attack (only an attack can target a relation),
    and linked premises are as written where one of them denies (the others do not deny with it).
    """
    d = g.nodes[relation]
    (target,) = g.successors(relation)
    if g.nodes[target]["role"] != "statement":
        return str(d["type"])
    ends = [(target, d["target"])]
    if len(d["sources"]) == 1:
        (source,) = (u for u in g.predecessors(relation) if g.edges[u, relation]["role"] == "premise")
        ends.append((source, d["sources"][0]))
    turns = 0
    for key, node in ends:
        box = shown(key)
        own = next((x["stance"] or "affirms" for x in g.nodes[key].get("mentions", ())
                    if x["map"] == d["map"] and x["node"] == node), None)
        turns += box is not None and own is not None and own != box
    if turns % 2 == 0:
        return str(d["type"])
    return "attacks" if d["type"] in SUPPORT_TYPES else "supports"
