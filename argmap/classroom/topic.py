"""A class overview for a whole topic: the claims most worth discussing, each with a question built from facts.

A point worth discussing is a row of the topic grid (:func:`argmap.queries.topic.compare_topic`), chosen in this
order: contested claims (relation ``contradict``: some essays affirm, others deny), then claims the essays differ
on or hold in tension, then the claims the most essays make; at most ``limit``.  Each point keeps the facts its
question rests on (which essays affirm, which deny, which leave the claim out) and one quote per side, taken from
the maps; the question words only those facts, and only a contested claim is called contested.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.queries.topic import compare_topic
>>> points = discussion_points(compare_topic(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"]))
>>> points[0].relation, points[0].affirm, points[0].deny
('differ', ['bankruptcy', 'enforcer'], [])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.queries.results import Mention, TopicComparison, TopicRow

__all__ = ["DiscussionPoint", "discussion_points"]


@dataclass(frozen=True)
class DiscussionPoint:
    """One claim worth discussing, the facts about it, one quote per side, and the question they ground."""

    claim: str
    wording: str
    relation: str
    affirm: list[str]
    deny: list[str]
    silent: list[str]
    quotes: list[Mention]
    question: str
    facts: list[Any]
    """The checked facts of the topic report its question words: which essays make the claim, how each takes it,
    how they relate on it."""


def _rank(row: TopicRow) -> tuple[int, int]:
    kind = {"contradict": 0, "differ": 1, "tension": 1}.get(row.relation, 2)
    return kind, -row.essays


def _question(row: TopicRow, affirm: list[str], deny: list[str], silent: list[str], n: int) -> str:
    if row.relation == "contradict":
        return (f"{len(affirm)} of the {n} essays {'affirms' if len(affirm) == 1 else 'affirm'} this and {len(deny)} "
                f"{'denies' if len(deny) == 1 else 'deny'} it. Read one quote from each side: which reasons would you "
                "answer first, and how?")
    if row.relation in ("differ", "tension"):
        how = f" ({row.how})" if row.how else ""
        return f"The essays that make this claim answer it differently{how}. What does each one take for granted?"
    left_out = f" The other {len(silent)} leave it out: would their arguments be stronger with it?" if silent else ""
    return f"{row.essays} of the {n} essays make this claim, in their own words.{left_out}"


def discussion_points(topic: TopicComparison, limit: int = 3) -> list[DiscussionPoint]:
    """The claims most worth discussing in class, best first (see the module doc), each with the checked facts of
    the topic report that its question words; a comparison whose facts were never checked is refused."""
    from argmap.queries.facts import MadeBy, RelationAmong, UngroundedFact

    grid = topic.facts.get("grid")
    if not grid:
        raise UngroundedFact("the topic's facts were not checked: compare the topic with compare_topic")
    n = len(topic.maps)
    out = []
    for row in sorted(topic.rows, key=_rank)[:limit]:
        affirm = [c.map for c in row.cells if c.relation in ("affirms", "affirms-and-denies", "differs")]
        deny = [c.map for c in row.cells if c.relation in ("denies", "affirms-and-denies")]
        silent = [c.map for c in row.cells if c.relation == "absent"]
        quotes: list[Mention] = []
        for side in ("affirms", "denies"):
            found = next((m for c in row.cells for m in c.mentions if (m.stance or "affirms") == side and m.quote),
                         None)
            if found is not None:
                quotes.append(found)
        facts = [f for f in grid if getattr(f, "claim", None) == row.claim]
        makers = sorted(c.map for c in row.cells if c.relation != "absent")
        related = any(isinstance(f, RelationAmong) and f.relation == row.relation for f in facts)
        made = any(isinstance(f, MadeBy) and sorted(f.by) == makers for f in facts)
        if not (related and made):
            raise UngroundedFact(f"the topic's checked facts do not state the point on claim '{row.claim}'")
        out.append(DiscussionPoint(claim=row.claim, wording=row.wording, relation=row.relation, affirm=affirm,
                                   deny=deny, silent=silent, quotes=quotes,
                                   question=_question(row, affirm, deny, silent, n), facts=facts))
    return out
