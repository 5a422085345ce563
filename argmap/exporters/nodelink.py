"""node-link JSON: networkx's node-link layout of :mod:`argmap.exporters.graph`, sorted and stable.

``{"directed": true, "multigraph": false, "graph": {...}, "nodes": [{"id": ..., attributes}], "edges":
[{"source": ..., "target": ..., attributes}]}``; nodes sorted by id, edges by (source, target), keys sorted.
``networkx.node_link_graph(data, edges="edges")`` reads it back.

>>> import json
>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> data = json.loads(node_link_text(export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])))
>>> data["directed"], data["nodes"][0]["id"] <= data["nodes"][1]["id"]
(True, True)
"""

from __future__ import annotations

import json
from typing import Any

from argmap.exporters.graph import view_graph
from argmap.exporters.view import ExportView, export_view

__all__ = ["export_view", "node_link", "node_link_text"]


def node_link(view: ExportView) -> dict[str, Any]:
    """The node-link dict, nodes and edges sorted.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> view = export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])
    >>> data = node_link(view)
    >>> data["graph"]["maps"], data["edges"][0]
    ('enforcer', {'role': 'premise', 'type': 'supports', 'map': 'enforcer', 'source': 'A1', 'target': 'r1'})
    """
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(view_graph(view), edges="edges")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["target"]))
    return data


def node_link_text(view: ExportView) -> str:
    """:func:`node_link` as indented JSON text, keys sorted.

    >>> import json
    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> view = export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])
    >>> list(json.loads(node_link_text(view))["edges"][0])
    ['map', 'role', 'source', 'target', 'type']
    """
    return json.dumps(node_link(view), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
