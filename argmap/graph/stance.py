"""A relation seen from a statement that says the opposite of what its map's node says.

Merging binds a map's node to a shared claim whatever its stance, so a node that denies the claim becomes the
claim's statement, which says the claim.  A map's reason for that denial is then a reason against what the
statement says, an attack on the denial supports it, and a denial that supports something attacks it: the relation
is drawn and exported with its type turned.  Where the maps answer a claim differently or are in tension on it
(:data:`NOT_NEGATION`), ``denies`` is not the claim's negation, and relations keep the type their maps write.

>>> seen_type("supports", ["denies"], ["affirms"]), seen_type("example", ["denies"], ["affirms"])
('attacks', 'attacks')
>>> seen_type("attacks", ["denies"], ["affirms"]), seen_type("supports", ["denies", "affirms"], ["affirms", "affirms"])
('supports', 'attacks')
>>> seen_type("supports", ["denies", "denies"], ["affirms", "affirms"])  # from a denial to a denial: as written
'supports'
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.format.model import SUPPORT_TYPES

__all__ = ["NOT_NEGATION", "seen_type"]

NOT_NEGATION = ("differ", "tension")
"""Relations on a shared claim where a map's ``denies`` is not the claim's negation (another answer; evidence in
tension with it)."""


def seen_type(relation_type: str, own: Sequence[str], shown: Sequence[str]) -> str:
    """The type of a relation whose ends (its target, and its premise when it has one) are statements where its map
    takes the stances ``own`` and the statements say what ``shown`` takes: turned once for each end that differs."""
    if sum(o != s for o, s in zip(own, shown, strict=True)) % 2 == 0:
        return relation_type
    return "attacks" if relation_type in SUPPORT_TYPES else "supports"
