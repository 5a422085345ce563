"""Export a map in formats that other argument tools read.

AIF (the Argument Interchange Format), in the JSON layout of AIFdb and OVA:
statements become I-nodes, a ``supports`` relation an RA-node (rule application; an
``example`` an RA-node with the scheme "Argument From Example")
and an ``attacks`` relation a CA-node (conflict application).  Because argmap's
graph already reifies relations (see argmap.graph), linked premises and
undercuts carry over exactly.  argmap's own fields (kind, quote, span, claim)
ride along under ``argmap`` keys, which AIF readers ignore.

>>> from argmap.corpus import bundled_maps_dir, load_corpus
>>> aif = to_aif(load_corpus([bundled_maps_dir()]).get("enforcer"))
>>> sorted({n["type"] for n in aif["nodes"]})
['CA', 'I', 'RA']
>>> ids = {n["nodeID"] for n in aif["nodes"]}
>>> all(e["fromID"] in ids and e["toID"] in ids for e in aif["edges"])
True
"""

from __future__ import annotations

import json
from typing import Any

from .graph import map_graph
from .grounded import GroundedMap

__all__ = ["aif_json", "to_aif"]

_SCHEME = {"supports": ("RA", "Default Inference"), "example": ("RA", "Argument From Example"),
           "attacks": ("CA", "Default Conflict")}


def to_aif(gm: GroundedMap) -> dict[str, Any]:
    """The map as an AIFdb-style dict: ``nodes``, ``edges``, ``locutions``."""
    g = map_graph(gm.model, gm.spans)
    nodes: list[dict[str, Any]] = []
    for key, d in g.nodes(data=True):
        if d["role"] == "statement":
            nodes.append({"nodeID": key, "text": d["text"], "type": "I",
                          "argmap": {"kind": d["kind"], "quote": d["quote"], "span": d["span"],
                                     "claim": d["claim"], "stance": d["stance"]}})
        else:
            node_type, text = _SCHEME[d["type"]]
            nodes.append({"nodeID": key, "text": text, "type": node_type, "argmap": {"relation": d["relation"]}})
    edges = [{"edgeID": f"e{i}", "fromID": u, "toID": v} for i, (u, v) in enumerate(g.edges, start=1)]
    return {"nodes": nodes, "edges": edges, "locutions": [],
            "argmap": {"map": gm.id, "title": gm.model.title, "source": gm.model.source.path}}


def aif_json(gm: GroundedMap) -> str:
    """:func:`to_aif` as stable, indented JSON text."""
    return json.dumps(to_aif(gm), indent=2, ensure_ascii=False) + "\n"
