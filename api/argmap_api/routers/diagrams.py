"""Diagrams as SVG: one map, or two maps merged on their shared claims.

Both routes answer ``image/svg+xml`` with a strong ``ETag`` (the sha256 of the
SVG) and ``Cache-Control: no-cache``; a matching ``If-None-Match`` gets 304, and
a client that accepts gzip gets the SVG gzipped (both done by :mod:`argmap_api.cache`).
Graphviz missing gives 503, a render over the timeout 504 (problem+json).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ..cache import cacheable
from ..deps import ChosenDep, MapDep, RendererDep, SnapshotDep
from ..problems import problems
from ..svg_cache import SvgEntry
from .common import CACHED, IF_NONE_MATCH

__all__ = ["router"]

router = APIRouter(tags=["diagrams"])

SVG = "image/svg+xml"
Focus = Annotated[str | None, Query(
    description="centre on this node, relation or shared-claim id (404 when the diagram has no such id)",
    max_length=200)]
Depth = Annotated[int | None, Query(ge=0, le=50, description="how many steps around the focus to show (default 1). "
                                                             "Only together with focus: a depth without a focus "
                                                             "is answered 422")]

_SVG_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The diagram.", "content": {SVG: {"schema": {"type": "string"}}},
          "headers": {"ETag": {"description": "sha256 of the SVG, quoted", "schema": {"type": "string"}}}},
    **CACHED,
    **problems(404, 422, 503, 504),
}


def _answer(entry: SvgEntry) -> Response:
    # The ETag makes the answer cacheable; the snapshot middleware answers If-None-Match and gzip.
    return cacheable(entry.body, SVG)


@router.get("/maps/{map_id}/diagram.svg", response_class=Response, responses=_SVG_RESPONSES,
            openapi_extra=IF_NONE_MATCH, summary="One map's diagram (SVG)")
async def map_diagram(gm: MapDep, snapshot: SnapshotDep, renderer: RendererDep, focus: Focus = None,
                      depth: Depth = None) -> Response:
    """The map drawn with Graphviz; with ``focus``, only the part within ``depth`` steps of that node.

    Each statement's SVG element id is its node id; its tooltip is its verbatim quote.
    """
    def make_dot() -> str:  # a bad focus or a depth without one raises here (404, 422)
        from argmap.render import View, map_dot

        return map_dot(gm, View(focus=focus, depth=depth))

    entry = await renderer.svg(snapshot, ("map", gm.id, focus, depth), make_dot)
    return _answer(entry)


@router.get("/compare/diagram.svg", response_class=Response, responses=_SVG_RESPONSES,
            openapi_extra=IF_NONE_MATCH, summary="Two or more maps merged on their shared claims (SVG)")
async def compare_diagram(snapshot: SnapshotDep, renderer: RendererDep, ids: ChosenDep,
                          focus: Focus = None, depth: Depth = None,
                          shared_only: Annotated[bool, Query(description="draw only the shared claims and what "
                                                                         "links them")] = False,
                          full: Annotated[bool, Query(description="draw every statement of every map")] = False,
                          ) -> Response:
    """Two maps in one diagram: shared claims drawn once, each map's own nodes in its colour; three or more
    (``maps=a&maps=b&maps=c``): the topic diagram, the shared claims in the middle sized by how many essays make
    them, each thesis around them.  The options are the CLI's ``--focus``, ``--depth``, ``--shared-only``, ``--full``.

    A map-local node's SVG element id is ``<map id>--<node id>``, a shared claim's ``claim--<claim id>``.
    """
    corpus = snapshot.corpus

    def make_dot() -> str:  # a bad focus or a depth without one raises here (404, 422)
        from argmap.render import View, compare_dot

        view = View(focus=focus, depth=depth, shared_only=shared_only, full=full)
        if len(ids) > 2:
            from argmap.render.topic.diagram import topic_dot

            return topic_dot(corpus, ids, view)
        return compare_dot(corpus, ids, view)

    entry = await renderer.svg(snapshot, ("compare", *ids, focus, depth, shared_only, full), make_dot)
    return _answer(entry)
