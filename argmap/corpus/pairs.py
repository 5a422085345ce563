"""Which maps a comparison takes: the rule "a comparison needs two different maps", and which pairs get one.

Every comparison (the report, the diagram, the handout, the questions, the API's
routes) takes its maps through :func:`comparison_ids` or :func:`require_pair`, so
the rule has one error type (:class:`~argmap.errors.InvalidRequest`) and one
message; the CLI turns it into exit status 1, the API into 422.

>>> require_pair("a", "a")
Traceback (most recent call last):
argmap.errors.InvalidRequest: a comparison needs two different maps, got 'a' twice
>>> pairs(["c", "a", "b"])
[('a', 'b'), ('a', 'c'), ('b', 'c')]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from argmap.errors import InvalidRequest

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["PAIR_LIMIT", "comparison_ids", "deck_ids", "pairs", "require_pair"]

PAIR_LIMIT = 6
"""Up to this many maps, every pair gets its own comparison (15 pairs) and all get ``compare/all.svg``; beyond, none."""


def _refuse(ids: Sequence[str]) -> InvalidRequest:
    twice = f", got '{ids[0]}' twice" if len(ids) > 1 else (f", got only '{ids[0]}'" if ids else "")
    return InvalidRequest(f"a comparison needs two different maps{twice}")


def require_pair(left: str, right: str) -> None:
    """Raise :class:`~argmap.errors.InvalidRequest` unless ``left`` and ``right`` are two different map ids.

    >>> require_pair("bankruptcy", "enforcer")  # two different maps: nothing to say
    >>> require_pair("enforcer", "enforcer")
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: a comparison needs two different maps, got 'enforcer' twice
    """
    if left == right:
        raise _refuse([left, right])


def deck_ids(map_ids: Sequence[str]) -> list[str]:
    """The maps of a slide deck: one map alone, or two different maps compared; InvalidRequest otherwise.

    >>> deck_ids(["enforcer"]), deck_ids(["bankruptcy", "enforcer"])
    (['enforcer'], ['bankruptcy', 'enforcer'])
    >>> deck_ids(["a", "b", "c"])
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: slides show one map or compare two, got 3
    """
    ids = list(map_ids)
    if len(ids) == 2:
        require_pair(*ids)
    elif len(ids) != 1:
        raise InvalidRequest(f"slides show one map or compare two, got {len(ids)}")
    return ids


def comparison_ids(corpus: Corpus, map_ids: Sequence[str]) -> list[str]:
    """The distinct map ids to compare, in the order given (a diagram draws the first on the left);
    NotFound for an unknown id, InvalidRequest for fewer than two.

    >>> from argmap.corpus.load import load_corpus, bundled_maps_dir
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> comparison_ids(corpus, ["enforcer", "bankruptcy"])
    ['enforcer', 'bankruptcy']
    >>> comparison_ids(corpus, ["enforcer", "enforcer"])
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: a comparison needs two different maps, got 'enforcer' twice
    """
    ids = list(dict.fromkeys(corpus.get(i).id for i in map_ids))
    if len(ids) < 2:
        raise _refuse([corpus.get(i).id for i in map_ids])
    return ids


def pairs(ids: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs of maps that get their own comparison: all of them, up to :data:`PAIR_LIMIT` maps; else none.

    >>> pairs([f"m{i}" for i in range(PAIR_LIMIT + 1)])
    []
    """
    chosen = sorted(ids)
    return list(itertools.combinations(chosen, 2)) if len(chosen) <= PAIR_LIMIT else []
