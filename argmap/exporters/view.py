"""What every exporter reads: the statements and relations of one map, or of the merged comparison of several.

The view is built from argmap's merged graph (:func:`argmap.graph.merge.merge_maps`), so a comparison follows the
merge rule: the nodes of several maps bound to one shared claim are one statement that keeps each map's
mention (its kind, wording, quote, citation, note, stance); everything else stays its map's own.

Ids are readable and stable.  For one map they are the map's own: node ids (``T``, ``P1``), a named relation's
id (``r1``), and for an unnamed relation its endpoints (``P2-supports-T``, ``O1-attacks-T``).  In a comparison,
each id is prefixed with its map (``enforcer:P1``, ``enforcer:r1``) and a shared claim is ``claim:<claim id>``;
where the maps answer the claim's question differently, or one's evidence sits in tension with the other's claim,
each map's node is a statement of its own, ``claim:<claim id>/<map>`` (:data:`APART`).

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> one = export_view(corpus, ["enforcer"])
>>> one.statements[0].id, one.statements[0].mentions[0].thesis
('T', True)
>>> both = export_view(corpus, ["bankruptcy", "enforcer"])
>>> shared = [s for s in both.statements if len(s.maps) > 1]
>>> shared[0].id.startswith("claim:"), shared[0].maps
(True, ('bankruptcy', 'enforcer'))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from argmap.corpus.load import Corpus
from argmap.format.model import Node
from argmap.graph.merge import CLAIM_PREFIX, merge_maps
from argmap.graph.stance import NOT_NEGATION, seen_type
from argmap.graph.view import is_relation

__all__ = ["APART", "ExportView", "Link", "MapInfo", "Mention", "Statement", "export_view"]


@dataclass(frozen=True)
class Mention:
    """One map's node behind a statement."""

    map: str
    node: str
    kind: str
    text: str
    quote: str | None
    span: tuple[int, int] | None
    stance: str | None
    citation: tuple[str, ...]
    note: str | None
    tags: tuple[str, ...]
    implicit: bool = False  # a reconstruction: no quote
    more_quotes: tuple[str, ...] = ()  # further passages that state the same proposition
    written_stance: str | None = None  # the stance as the map writes it (``stance`` is the effective one)
    accept_drift: tuple[tuple[str, str], ...] = ()  # (kind, reason) the curator accepted

    @property
    def thesis(self) -> bool:
        return self.kind == "thesis"


@dataclass(frozen=True)
class Statement:
    id: str
    text: str  # the node's paraphrase; in a comparison, a shared claim's registry wording
    kind: str  # the node kind, or "shared" when the maps give one claim different kinds
    claim: str | None
    contested: bool  # the maps contradict each other on the claim (relation contradict)
    mentions: tuple[Mention, ...]
    relation: str | None = None  # how the maps relate on a shared claim: agree, contradict, differ or tension

    @property
    def maps(self) -> tuple[str, ...]:
        return tuple(sorted({m.map for m in self.mentions}))

    @property
    def thesis_of(self) -> tuple[str, ...]:
        return tuple(m.map for m in self.mentions if m.thesis)


@dataclass(frozen=True)
class Link:
    """A relation: ``sources`` jointly support or attack ``target`` (a statement id, or a link id: an undercut)."""

    id: str
    map: str
    type: str
    sources: tuple[str, ...]
    target: str
    undercut: bool
    note: str | None
    own_id: str | None = None  # the id the map gives the relation (None when it has none)


@dataclass(frozen=True)
class MapInfo:
    id: str
    title: str
    author: str | None
    essay: str  # source.path as the map gives it
    essay_text: str
    publication: str | None = None
    date: str | None = None
    skip: tuple[tuple[str, str], ...] = ()  # (quote, reason) of each passage left unmapped on purpose
    title_supplied: bool = False  # the title is the curator's, not the essay's own


@dataclass(frozen=True)
class ExportView:
    maps: tuple[MapInfo, ...]
    statements: tuple[Statement, ...]
    links: tuple[Link, ...]

    @property
    def comparison(self) -> bool:
        return len(self.maps) > 1

    @property
    def title(self) -> str:
        return " / ".join(m.title for m in self.maps)


APART = NOT_NEGATION
"""How two maps may relate on a shared claim without stating one proposition: each map's node is then a statement
of its own in the view (``claim:<id>/<map>``), so that no exporter writes two answers as one."""


def _claim_words(g: Any, key: str) -> str | None:
    """In a comparison, a statement bound to a claim says the claim's wording (it affirms it), unless its maps answer
    the claim differently or are in tension on it (:data:`APART`: each map's node is then its own statement)."""
    d = g.nodes[key]
    return "affirms" if d["role"] == "statement" and d.get("claim") and d.get("relation") not in APART else None


def _relation_id(key: str) -> str:
    return key.replace("->", "-supports-").replace("-|", "-attacks-")


def _mention(x: dict[str, Any], node: Node) -> Mention:
    return Mention(x["map"], x["node"], x["kind"], x["text"], x["quote"], x["span"], x["stance"],
                   tuple(node.citation or ()), node.note, tuple(x["tags"]), node.implicit, tuple(node.more_quotes or ()),
                   node.stance, tuple((node.accept_drift or {}).items()))


def export_view(corpus: Corpus, map_ids: Sequence[str]) -> ExportView:
    """The view of the maps ``map_ids`` (one map, or the comparison of several), in a stable order.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> [link.id for link in export_view(corpus, ["enforcer"]).links[:2]]
    ['E1-supports-P1a', 'r1']
    >>> view = export_view(corpus, ["bankruptcy", "enforcer"])
    >>> view.comparison, [s.id for s in view.statements[:2]], [link.id for link in view.links[:1]]
    (True, ['bankruptcy:P1a', 'bankruptcy:P2a'], ['bankruptcy:r1'])
    """
    chosen = [corpus.get(i) for i in dict.fromkeys(map_ids)]
    g = merge_maps([c.model for c in chosen], corpus.registry, {c.id: c.spans for c in chosen})
    single = len(chosen) == 1
    nodes = {(c.id, n.id): n for c in chosen for n in c.model.nodes}
    ids: dict[str, str] = {}
    apart: dict[tuple[str, str], str] = {}  # (shared claim's key, map) -> that map's statement of its own
    statements: list[Statement] = []
    for key, d in g.nodes(data=True):
        if d["role"] != "statement":
            ids[key] = _relation_id(d["relation"]) if single else f"{d['map']}:{_relation_id(d['relation'])}"
            continue
        mentions = tuple(_mention(x, nodes[x["map"], x["node"]]) for x in d["mentions"])
        if d.get("relation") in APART:  # two answers, or a claim and evidence in tension: not one proposition
            for mid in dict.fromkeys(m.map for m in mentions):
                own = tuple(m for m in mentions if m.map == mid)
                apart[key, mid] = f"{key}/{mid}"
                statements.append(Statement(apart[key, mid], own[0].text, own[0].kind, d["claim"], False, own,
                                            d["relation"]))
            continue
        ids[key] = mentions[0].node if single and len(mentions) == 1 else key
        text = mentions[0].text if single else d["wording"]
        statements.append(Statement(ids[key], text, d["kind"], d["claim"], d["contested"], mentions,
                                    d.get("relation")))
    links = []
    named = {(c.id, r.key) for c in chosen for r in c.model.relations if r.id}
    for key, d in g.nodes(data=True):
        if d["role"] == "relation":
            sources = tuple(apart.get((u, d["map"])) or ids[u] for u in g.predecessors(key)
                            if g.edges[u, key]["role"] == "premise")
            (target,) = g.successors(key)
            links.append(Link(ids[key], d["map"], d["type"] if single else seen_type(g, key, partial(_claim_words, g)), sources,
                              apart.get((target, d["map"])) or ids[target],
                              is_relation(g, target), d["note"],
                              d["relation"] if (d["map"], d["relation"]) in named else None))
    position = {key: i for i, key in enumerate(nodes)}  # map order, then each map's node order
    statements.sort(key=lambda s: (s.id.startswith(CLAIM_PREFIX), position[s.mentions[0].map, s.mentions[0].node]))
    maps = tuple(MapInfo(c.id, c.model.title, c.model.author, c.model.source.path, c.essay.text, c.model.publication,
                         c.model.date, tuple((k.quote, k.reason) for k in c.model.skip), c.model.title_supplied)
                 for c in chosen)
    return ExportView(maps, tuple(statements), tuple(links))

