"""The facts the compare report states, section by section, checked before the report is worded.

:func:`comparison_facts` names, for every item of a :class:`~argmap.queries.results.Comparison`, the facts its
sentence states: for each shared claim, how the maps relate on it (:class:`RelationIs`) and how each
map binds it (:class:`Binds`); for each statement of one essay alone, :class:`OnlyIn`; for each shared claim's way
to each thesis, :class:`ReachesThesis`.  :func:`checked` requires them all and returns the comparison carrying
them, so the report (and ``argmap compare --json``'s ``facts``) never says what the maps do not support.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.queries.comparison import compare
>>> corpus = load_corpus([bundled_maps_dir()])
>>> c = checked(corpus, compare(corpus, "bankruptcy", "enforcer"))
>>> sorted(c.facts)
['agreements', 'contradictions', 'differences', 'only-in', 'paths']
>>> bad = c.model_copy(update={"agreements": [*c.agreements, c.agreements[0].model_copy(update={"stance": "denies"})]})
>>> checked(corpus, bad)  # doctest: +ELLIPSIS
Traceback (most recent call last):
argmap.queries.facts.base.UngroundedFact: the maps do not support: ... with stance denies ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.queries.facts import Binds, Fact, KindIs, OnlyIn, ReachesThesis, RelationIs, require
from argmap.queries.results import Comparison, Mention

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["checked", "comparison_facts"]


def _binds(claim: str, mentions: list[Mention], stance: str | None = None) -> list[Fact]:
    """How each mention binds ``claim`` (with ``stance`` when the report states one), and its kind."""
    out: list[Fact] = []
    for m in mentions:
        out += [Binds(map=m.map, claim=claim, stance=stance or m.stance or "affirms", nodes=[m.node]),  # type: ignore[arg-type]
                KindIs(map=m.map, node=m.node, kind=m.kind)]
    return out


def comparison_facts(c: Comparison) -> dict[str, list[Fact]]:
    """Per section of the compare report, the facts behind every item (see the module's docstring)."""
    pair = [c.left.id, c.right.id]
    facts: dict[str, list[Fact]] = {}
    facts["contradictions"] = [f for d in c.disagreements for f in [
        *([RelationIs(claim=d.claim, maps=pair, relation="contradict")] if d.reason == "opposite-stances"
          else [RelationIs(claim=d.claim, maps=pair, relation="agree")]),
        *_binds(d.claim, d.left + d.right)]]
    facts["differences"] = [f for d in c.differences for f in [
        RelationIs(claim=d.claim, maps=pair, relation=d.relation), *_binds(d.claim, d.left + d.right)]]
    facts["agreements"] = [f for a in c.agreements for f in [
        RelationIs(claim=a.claim, maps=pair, relation="agree"), *_binds(a.claim, a.left + a.right, a.stance)]]
    facts["only-in"] = [f for mid, other, items in ((pair[0], pair[1], c.unique_left), (pair[1], pair[0], c.unique_right))
                        for u in items for f in (OnlyIn(map=mid, node=u.node, other=other),
                                                 KindIs(map=mid, node=u.node, kind=u.kind))]
    facts["paths"] = [ReachesThesis(map=mid, claim=p.claim, path=path, via=via)
                      for p in c.paths for mid, path, via in ((pair[0], p.left, p.left_via),
                                                              (pair[1], p.right, p.right_via))]
    return facts


def checked(corpus: Corpus, c: Comparison) -> Comparison:
    """``c`` carrying its facts, each checked against ``corpus``; :class:`UngroundedFact` names any that fails."""
    facts = comparison_facts(c)
    require(corpus, [f for fs in facts.values() for f in fs])
    return c.model_copy(update={"facts": facts})
