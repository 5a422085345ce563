"""GraphML for Gephi and yEd: the graph of :mod:`argmap.exporters.graph`, every attribute declared and present.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> text = graphml_text(export_view(load_corpus([bundled_maps_dir()]), ["enforcer"]))
>>> text.startswith("<?xml") and 'attr.name="quote"' in text
True
"""

from __future__ import annotations

from argmap.exporters.graph import view_graph
from argmap.exporters.view import ExportView, export_view

__all__ = ["export_view", "graphml_text"]


def graphml_text(view: ExportView) -> str:
    """GraphML text (UTF-8 XML), byte-identical for the same maps.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> view = export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])
    >>> text = graphml_text(view)
    >>> text.count("<node "), text.count("<edge "), '<key id="d4" for="node" attr.name="kind" attr.type="string"/>' in text
    (114, 126, True)
    """
    import io

    import networkx as nx

    from argmap.text.safe import visible

    g = view_graph(view)
    # XML forbids control characters: each becomes U+FFFD (argmap.text.safe), as in every output.
    for attrs in [g.graph, *(d for _, d in g.nodes(data=True)), *(d for _, _, d in g.edges(data=True))]:
        for key, value in attrs.items():
            if isinstance(value, str):
                attrs[key] = visible(value)
    g = nx.relabel_nodes(g, {n: visible(n) for n in g.nodes if isinstance(n, str) and visible(n) != n})
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")
