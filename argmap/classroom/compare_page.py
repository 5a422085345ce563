"""The site's comparison page for a pair of essays, and the checked facts behind its text.

The page says what the handout says (its theses, common ground, contradictions and differences, whose facts
:func:`argmap.classroom.handout.handout_data` has checked), and more: the shared claims that connect the two arguments most
(each bound in both maps; flagged "contradicted" only where the maps contradict each other on it), and, for the
panel, each shared claim's relation and every essay's node bound to it.  :func:`page_facts` states those facts;
:func:`page_data` requires them all before the page is written and carries them in the page's data (``facts``).

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.classroom.handout import handout_data
>>> corpus = load_corpus([bundled_maps_dir()])
>>> h = handout_data(corpus, "bankruptcy", "enforcer")
>>> facts = page_facts(corpus, h)
>>> sorted(facts)
['central', 'claims', 'common ground', 'contradictions', 'differences', 'theses']
>>> all(f.check(corpus) for fs in facts.values() for f in fs)
True
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from argmap.classroom.handout import Handout, section_facts
from argmap.classroom.wording import smart_quotes
from argmap.corpus.load import Corpus
from argmap.format.relations import mentions_relation
from argmap.queries.facts import Binds, Fact, RelationIs, require

__all__ = ["page_data", "page_facts", "shared_claim_nodes"]


def shared_claim_nodes(corpus: Corpus, a: str, b: str) -> dict[str, list[dict[str, Any]]]:
    """Every registry claim either map binds: each node bound to it, with its map, kind, words and stance."""
    out: dict[str, list[dict[str, Any]]] = {}
    for c in corpus.registry.claims:
        mentions = [{"map": g.id, "node": n.id, "kind": n.kind, "quote": n.quote, "text": n.text,
                     "stance": n.effective_stance, "href": f"../maps/{g.id}.html#node={n.id}"}
                    for g in (corpus.get(a), corpus.get(b)) for n in g.model.nodes if n.claim == c.id]
        if mentions:
            out[c.id] = mentions
    return out


def _relation(corpus: Corpus, claim: str, mentions: list[dict[str, Any]]) -> str | None:
    """How the two essays relate on ``claim`` (None when only one binds it)."""
    if len({x["map"] for x in mentions}) < 2:
        return None
    return mentions_relation(corpus.registry.get(claim), [SimpleNamespace(**x) for x in mentions])


def _binds(claim: str, mentions: list[dict[str, Any]]) -> list[Fact]:
    return [Binds(map=x["map"], claim=claim, stance=x["stance"], nodes=[x["node"]]) for x in mentions]


def page_facts(corpus: Corpus, h: Handout) -> dict[str, list[Fact]]:
    """Per part of the comparison page, the facts its text and its panel state (see the module's docstring)."""
    pair = [h.left.id, h.right.id]
    claims = shared_claim_nodes(corpus, *pair)
    facts = {k: v for k, v in section_facts(h).items() if k not in ("alone", "structure")}
    facts["contradictions"] += [f for d in h.disagreements if d.reason != "opposite-stances"
                                for f in [RelationIs(claim=d.claim, maps=pair, relation="agree"),
                                          *_binds(d.claim, claims.get(d.claim, []))]]
    # "links both arguments": both maps bind it (RelationIs checks that); flagged "contradicted" only if they do
    facts["central"] = facts.get("central", []) + [f for c in h.most_central for f in [
        RelationIs(claim=c.claim, maps=pair, relation="contradict" if c.contested else c.relation or "agree"),  # type: ignore[arg-type]
        *_binds(c.claim, claims.get(c.claim, []))]]
    facts["claims"] = []
    for claim, said in claims.items():
        relation = _relation(corpus, claim, said)
        if relation is not None:
            facts["claims"].append(RelationIs(claim=claim, maps=pair, relation=relation))  # type: ignore[arg-type]
        facts["claims"] += _binds(claim, said)
    return facts


def page_data(corpus: Corpus, h: Handout, theses: list[str]) -> dict[str, Any]:
    """The data of ``h``'s comparison page for its script (its diagram opening fitted on ``theses``), with the
    page's facts, all checked first (:class:`~argmap.queries.facts.UngroundedFact` names any that fails)."""
    a, b = h.left.id, h.right.id
    facts = page_facts(corpus, h)
    require(corpus, [f for fs in facts.values() for f in fs])
    nodes: dict[str, Any] = {}
    central = {c.claim: c for c in h.centrality}
    for claim, mentions in shared_claim_nodes(corpus, a, b).items():
        cc, relation = central.get(claim), _relation(corpus, claim, mentions)
        nodes[f"claim--{claim}"] = {"kind": "claim", "claim": claim,
                                    "wording": smart_quotes(corpus.registry.wording(claim)), "mentions": mentions,
                                    "links": cc is not None and cc in h.most_central,
                                    "relation": relation, "contested": relation == "contradict"}
    for g in (corpus.get(a), corpus.get(b)):
        for n in g.model.nodes:
            if n.claim is None:
                nodes[f"{g.id}--{n.id}"] = {"kind": n.kind, "map": g.id, "node": n.id, "text": n.text,
                                            "quote": n.quote, "note": n.note,
                                            "href": f"../maps/{g.id}.html#node={n.id}"}
    return {"page": "compare", "maps": [a, b], "nodes": nodes, "theses": theses,
            "central": [f"claim--{c.claim}" for c in h.most_central],
            "facts": {k: [f.model_dump(mode="json") for f in fs] for k, fs in facts.items()}}
