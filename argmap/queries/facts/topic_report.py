"""The facts the topic report states, section by section, checked before the report is worded.

:func:`topic_facts` names, for every item of a :class:`~argmap.queries.results.TopicComparison`, the facts its
sentence states: the topic question (:class:`TopicQuestion`) and each essay's stance on it
(:class:`StanceOnTopic`); for each row of the grid, which essays make the claim (:class:`MadeBy`), how they relate
on it (:class:`RelationAmong`) and how each that makes it takes it (:class:`EssayOnClaim`); each objection left
unanswered (:class:`Unanswered`); each claim one essay makes alone (:class:`MadeBy` with one essay); each essay's
statements bound to no claim (:class:`Unbound`); and, for a section with no item, that it is empty
(:class:`NothingIn`).  :func:`checked_topic` requires them all and returns the comparison carrying them, so the
report (and ``argmap compare A B C --json``'s ``facts``) never says what the maps do not support.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.queries.topic import compare_topic
>>> corpus = load_corpus([bundled_maps_dir()])
>>> t = compare_topic(corpus, ["bankruptcy", "enforcer"])
>>> sorted(t.facts)
['alone', 'grid', 'stances', 'topic', 'unanswered', 'unbound']
>>> wrong = t.model_copy(update={"stances": [s.model_copy(update={"stance": "denies"}) for s in t.stances]})
>>> checked_topic(corpus, wrong)  # doctest: +ELLIPSIS
Traceback (most recent call last):
argmap.queries.facts.base.UngroundedFact: the maps do not support: bankruptcy denies (T) the topic claim ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.queries.facts import (
    EssayOnClaim,
    Fact,
    MadeBy,
    NothingIn,
    RelationAmong,
    StanceOnTopic,
    TopicQuestion,
    Unanswered,
    Unbound,
    require,
)
from argmap.queries.results import TopicComparison

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["checked_topic", "topic_facts"]


def topic_facts(t: TopicComparison) -> dict[str, list[Fact]]:
    """Per section of the topic report, the facts behind every item (see the module's docstring)."""
    ids = [m.id for m in t.maps]
    facts: dict[str, list[Fact]] = {"topic": [TopicQuestion(maps=ids, claim=t.topic)]}
    facts["stances"] = [StanceOnTopic(map=s.map, claim=t.topic, stance=s.stance, node=s.node)
                        for s in t.stances if t.topic is not None]
    facts["grid"] = [f for r in t.rows for f in [
        MadeBy(claim=r.claim, maps=ids, by=[c.map for c in r.cells if c.relation != "absent"]),
        RelationAmong(claim=r.claim, maps=ids, relation=r.relation),
        *(EssayOnClaim(map=c.map, claim=r.claim, takes=c.relation, nodes=[m.node for m in c.mentions])
          for c in r.cells if c.relation != "absent")]] or [NothingIn(maps=ids, section="shared")]
    facts["unanswered"] = [Unanswered(map=u.map, claim=u.claim, stance=u.stance, by=u.by, node=u.node)
                           for u in t.unanswered] or [NothingIn(maps=ids, section="unanswered")]
    facts["alone"] = [MadeBy(claim=u.claim, maps=ids, by=[u.map]) for u in t.unique_claims] or [
        NothingIn(maps=ids, section="alone")]
    facts["unbound"] = [Unbound(map=i, nodes=[n.node for n in t.unbound if n.map == i]) for i in ids]
    return facts


def checked_topic(corpus: Corpus, t: TopicComparison) -> TopicComparison:
    """``t`` carrying its facts, each checked against ``corpus``; :class:`UngroundedFact` names any that fails."""
    facts = topic_facts(t)
    require(corpus, [f for fs in facts.values() for f in fs])
    return t.model_copy(update={"facts": facts})
