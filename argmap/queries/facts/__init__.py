"""Typed facts about essays' maps, a pair or a whole topic: what reports and classroom material may say, each checked
against the corpus.

Every sentence the handout, its questions and model answers, the compare report and the topic report write about
the essays is built from facts such as "both maps bind claim X with stance S", "node N lies on a path to map M's
thesis" or "claim X is made by k of the N essays" (:mod:`argmap.queries.facts.topic`).  Each fact knows how to
:meth:`~Fact.check` itself against the corpus, reading the maps and the registry directly (never the code that
proposed it), and names its :attr:`~Fact.grounds`: the node, relation and claim ids a reader can look up.
:func:`require` refuses a fact whose check fails, so a template never words what the maps do not say.

Definitions used by the checks (one place for each):

* a *support* is a relation of type ``supports`` or ``example``; a *line of support* of a thesis is a relation of
  type ``supports`` whose target is the thesis (an example illustrates; an objection attacks);
* a node *stands* when it is not rejected and either nothing supports it (the essay asserts it) or all the
  sources of one of its ``supports`` relations stand; rejecting a node *breaks* a line whose sources stood and no
  longer all stand, and *cuts off* a node that stood and stands no more;
* a citation *backs* a claim in a map when the evidence node carrying it is bound to the claim, or is a source of a
  support whose target is bound to it; a node rests on *no cited evidence* when no evidence node with a citation
  reaches it through supports;
* two assumptions fill *the same gap* when each is a source of a ``supports`` relation in its map, the two
  relations' targets are bound to one claim, and their other sources are bound to the same claims.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> Binds(map="enforcer", claim="russia-silent", stance="affirms", nodes=["P1"]).check(corpus)
True
>>> Binds(map="enforcer", claim="russia-silent", stance="denies", nodes=["P1"]).check(corpus)
False
>>> f = OnPath(map="bankruptcy", path=["P2", "T"])
>>> f.check(corpus), f.grounds.relations
(True, ['bankruptcy:P2->T'])
>>> require(corpus, [Binds(map="enforcer", claim="russia-silent", stance="denies", nodes=["P1"])])
Traceback (most recent call last):
argmap.queries.facts.base.UngroundedFact: the maps do not support: enforcer binds claim 'russia-silent' with stance denies (P1)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Union

from pydantic import Field

from argmap.queries.facts.base import Fact, Grounds, UngroundedFact
from argmap.queries.facts.claims import Binds, CitationFor, Cites, OnlyIn, RelationIs, SameGap, TitleInEssay
from argmap.queries.facts.structure import (
    AttackedBy,
    KindIs,
    LinesOfSupport,
    NoCitedEvidence,
    OnPath,
    ReachesThesis,
    Rejection,
    SupportedBy,
    Unsupported,
)
from argmap.queries.facts.summary import LoadBearing, MainLinesShared, MostCentral, NoContradiction
from argmap.queries.facts.topic import (
    EssayOnClaim,
    MadeBy,
    NothingIn,
    RelationAmong,
    StanceOnTopic,
    TopicQuestion,
    Unanswered,
    Unbound,
)

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = [
    "AnyFact",
    "AttackedBy",
    "Binds",
    "CitationFor",
    "Cites",
    "EssayOnClaim",
    "Fact",
    "Grounds",
    "KindIs",
    "LinesOfSupport",
    "LoadBearing",
    "MadeBy",
    "MainLinesShared",
    "MostCentral",
    "NoCitedEvidence",
    "NoContradiction",
    "NothingIn",
    "OnPath",
    "OnlyIn",
    "ReachesThesis",
    "Rejection",
    "RelationAmong",
    "RelationIs",
    "SameGap",
    "StanceOnTopic",
    "SupportedBy",
    "TitleInEssay",
    "TopicQuestion",
    "Unanswered",
    "Unbound",
    "UngroundedFact",
    "Unsupported",
    "failed",
    "require",
]

AnyFact = Annotated[
    Union[Binds, RelationIs, OnPath, SupportedBy, Unsupported, AttackedBy, CitationFor, Cites,  # noqa: UP007
          NoCitedEvidence,
          OnlyIn, KindIs, LinesOfSupport, Rejection, SameGap, TitleInEssay, ReachesThesis, MostCentral,
          NoContradiction, LoadBearing, MainLinesShared,
          TopicQuestion, StanceOnTopic, MadeBy, EssayOnClaim, RelationAmong, Unanswered, NothingIn, Unbound],
    Field(discriminator="fact")]
"""Any fact, as it appears in JSON (its ``fact`` field names its type)."""


def failed(corpus: Corpus, facts: Iterable[Fact]) -> list[Fact]:
    """The facts of ``facts`` whose check fails against ``corpus``."""
    return [f for f in facts if not f.check(corpus)]


def require(corpus: Corpus, facts: Iterable[Fact]) -> None:
    """Raise :class:`UngroundedFact` naming every fact the maps do not support (see the module example)."""
    bad = failed(corpus, facts)
    if bad:
        raise UngroundedFact("the maps do not support: " + "; ".join(str(f) for f in bad))
