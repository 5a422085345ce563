"""AIF (the Argument Interchange Format) in the JSON layout of AIFdb and OVA.

* Each statement is an I-node; its text is the map's paraphrase (a shared claim's wording in a comparison).
* Each quote is an L-node (a locution of the essay's author, in ``locutions`` with the map as ``personID``),
  joined to its I-node through a YA-node ("Asserting"): L → YA → I.  A shared claim quoted by two essays has
  two L-nodes, one per essay; a node's ``more_quotes`` (the same proposition stated again) are further L-nodes
  (``L:<id>#2``…) asserting the same I-node.  An implicit node (a reconstruction) is an I-node that no
  locution asserts: nobody said it.
* A ``supports`` relation is an RA-node ("Default Inference"), an ``attacks`` relation a CA-node
  ("Default Conflict"); linked premises are several edges into one RA-node, an undercut a CA-node whose target
  is an RA-node.  These are the only CA-nodes: a claim the essays answer differently or are in tension on is
  no conflict.
* Support by example is an RA-node of the scheme "Example" (the name in AIF's scheme set, which arguebuf reads as
  its example scheme).
* A claim two essays bind is one I-node; how they relate on it rides along as ``relation`` (agree, contradict,
  differ, tension), and ``contested`` is set only for a contradiction.
* argmap's own fields ride along under ``argmap`` keys, which AIF readers ignore (the documented extension): on an
  I-node its kind, claim, whether it is a thesis, and each map's node, stance as written, citation, note, tags,
  quote span, whether it is implicit and the drift accepted; on an RA- or CA-node the relation's type, its own
  id and note; at the top, the maps (title, whether the curator supplied it, author, publication, date, the
  essay's path and whole text, the passages skipped) and each map's thesis.  So ``argmap import`` gives back the same map.

Ids are the readable ones of :mod:`argmap.exporters.view`; L- and YA-nodes are ``L:<id>`` and ``YA:<id>``
(with the map, ``L:<map>/<id>``, when a shared claim has mentions from several maps).

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> aif = to_aif(export_view(load_corpus([bundled_maps_dir()]), ["enforcer"]))
>>> sorted({n["type"] for n in aif["nodes"]})
['CA', 'I', 'L', 'RA', 'YA']
>>> aif["argmap"]["theses"]
{'enforcer': 'T'}
>>> ids = {n["nodeID"] for n in aif["nodes"]}
>>> all(e["fromID"] in ids and e["toID"] in ids for e in aif["edges"])
True
"""

from __future__ import annotations

import json
from typing import Any

from argmap.exporters.view import ExportView, MapInfo, Mention, Statement, export_view

__all__ = ["SCHEMES", "aif_text", "export_view", "to_aif"]

# relation type -> (AIF node type, scheme); any other type of support (such as support by example) is an RA-node.
SCHEMES = {"supports": ("RA", "Default Inference"), "example": ("RA", "Example"),
           "attacks": ("CA", "Default Conflict")}
"""Relation type -> (AIF node type, scheme name); "Example" is the name AIF's scheme set and arguebuf use."""


def _mention(m: Mention) -> dict[str, Any]:
    out: dict[str, Any] = {"map": m.map, "node": m.node, "kind": m.kind}
    if m.written_stance:
        out["stance"] = m.written_stance
    if m.span:
        out["span"] = list(m.span)
    if m.citation:
        out["citation"] = list(m.citation)
    if m.note:
        out["note"] = m.note
    if m.tags:
        out["tags"] = list(m.tags)
    if m.implicit:
        out["implicit"] = True
    if m.accept_drift:
        out["accept_drift"] = dict(m.accept_drift)
    return out


def _map_info(m: MapInfo) -> dict[str, Any]:
    """A map's own fields: AIF has no place for them (the essay is the whole text, so its sha256 still holds)."""
    out: dict[str, Any] = {"id": m.id, "title": m.title, "author": m.author, "source": m.essay}
    if m.publication:
        out["publication"] = m.publication
    if m.date:
        out["date"] = m.date
    if m.skip:
        out["skip"] = [{"quote": q, "reason": r} for q, r in m.skip]
    if m.title_supplied:
        out["title_supplied"] = True
    out["essay"] = m.essay_text
    return out


def _i_node(s: Statement) -> dict[str, Any]:
    extra: dict[str, Any] = {"kind": s.kind, "thesis": bool(s.thesis_of), "mentions": [_mention(m) for m in s.mentions]}
    if s.claim:
        extra["claim"] = s.claim
    if s.relation:
        extra["relation"] = s.relation
    if s.contested:
        extra["contested"] = True
    return {"nodeID": s.id, "text": s.text, "type": "I", "argmap": extra}


def to_aif(view: ExportView) -> dict[str, Any]:
    """The view as an AIFdb-style dict: ``nodes``, ``edges``, ``locutions``, ``participants``.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> view = export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])
    >>> aif = to_aif(view)
    >>> [(n["nodeID"], n["type"]) for n in aif["nodes"][:3]], aif["locutions"][0]["personID"]
    ([('T', 'I'), ('L:T', 'L'), ('YA:T', 'YA')], 'enforcer')
    """
    nodes: list[dict[str, Any]] = []
    edges: list[tuple[str, str]] = []
    locutions: list[dict[str, Any]] = []
    essays = {m.id: m.essay for m in view.maps}
    for s in view.statements:
        nodes.append(_i_node(s))
        for m in s.mentions:
            suffix = f"{m.map}/{s.id}" if len(s.mentions) > 1 else s.id
            quotes = [m.quote, *m.more_quotes] if m.quote is not None else []
            for k, quote in enumerate(quotes, start=1):  # a proposition stated in several places: one L-node each
                lid, yid = (f"L:{suffix}", f"YA:{suffix}") if k == 1 else (f"L:{suffix}#{k}", f"YA:{suffix}#{k}")
                nodes.append({"nodeID": lid, "text": quote, "type": "L"})
                nodes.append({"nodeID": yid, "text": "Asserting", "type": "YA"})
                edges += [(lid, yid), (yid, s.id)]
                locutions.append({"nodeID": lid, "personID": m.map, "source": essays[m.map],
                                  "start": None, "end": None})
    for link in view.links:
        node_type, scheme = SCHEMES.get(link.type, SCHEMES["supports"])
        extra: dict[str, Any] = {"map": link.map, "relation": link.type}
        if link.own_id:
            extra["id"] = link.own_id
        if link.note:
            extra["note"] = link.note
        nodes.append({"nodeID": link.id, "text": scheme, "type": node_type, "scheme": scheme, "argmap": extra})
        edges += [(src, link.id) for src in link.sources] + [(link.id, link.target)]
    participants = [{"participantID": m.id, "firstname": m.author or m.title, "surname": ""} for m in view.maps]
    theses = {mention.map: s.id for s in view.statements for mention in s.mentions if mention.thesis}
    return {
        "nodes": nodes,
        "edges": [{"edgeID": f"e{i}", "fromID": u, "toID": v, "formEdgeID": None}
                  for i, (u, v) in enumerate(edges, start=1)],
        "locutions": locutions,
        "participants": participants,
        "argmap": {"maps": [_map_info(m) for m in view.maps], "theses": theses},
    }


def aif_text(view: ExportView) -> str:
    """:func:`to_aif` as stable, indented JSON text.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> view = export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])
    >>> aif_text(view).splitlines()[:4]
    ['{', '  "nodes": [', '    {', '      "nodeID": "T",']
    """
    return json.dumps(to_aif(view), indent=2, ensure_ascii=False) + "\n"
