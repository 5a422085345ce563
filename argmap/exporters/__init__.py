"""Exports for other tools: AIF JSON, Argdown, GraphML and node-link JSON, of one map or a comparison.

Every exporter reads the same view (:func:`argmap.exporters.view.export_view`) and returns text; writing
files is the front end's job.  Several maps export as their merged comparison.

>>> format_for_path("map.graphml"), format_for_path("map.aif.json"), format_for_path("map.json")
('graphml', 'aif', 'json')
>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> export_text(load_corpus([bundled_maps_dir()]), ["enforcer"], "argdown").startswith("===")
True
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import PurePath

from argmap.corpus.load import Corpus
from argmap.errors import ArgmapError
from argmap.exporters.view import export_view
from argmap.files.formats import format_for_name

__all__ = ["EXPORT_FORMATS", "export_text", "format_for_path"]

# format -> (module:function taking an ExportView, the file name endings that name it)
EXPORT_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "aif": ("argmap.exporters.aif:aif_text", (".aif.json", ".aif")),
    "argdown": ("argmap.exporters.argdown:argdown_text", (".argdown", ".ad")),
    "graphml": ("argmap.exporters.graphml:graphml_text", (".graphml",)),
    "json": ("argmap.exporters.nodelink:node_link_text", (".json",)),
}


def format_for_path(path: str | PurePath, given: str | None = None) -> str:
    """The export format ``given`` names, else the one the file name asks for (:mod:`argmap.files.formats`).

    >>> format_for_path("exports/Enforcer.AIF"), format_for_path("enforcer.ad"), format_for_path("m.aif.json")
    ('aif', 'argdown', 'aif')
    >>> format_for_path("notes.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.ArgmapError: cannot tell the export format from 'notes.txt'; end it in .aif.json, .aif, ... or pass --format
    """
    endings = {end: fmt for fmt, (_, ends) in EXPORT_FORMATS.items() for end in ends}
    return format_for_name(path, endings, given=given, what="export")


def export_text(corpus: Corpus, map_ids: Sequence[str], fmt: str) -> str:
    """The maps ``map_ids`` (one map, or their comparison) in ``fmt``.

    >>> import json
    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> json.loads(export_text(corpus, ["bankruptcy", "enforcer"], "aif"))["argmap"]["theses"]
    {'enforcer': 'enforcer:T', 'bankruptcy': 'claim:russia-not-protector'}
    >>> export_text(corpus, ["enforcer"], "dot")
    Traceback (most recent call last):
    argmap.errors.ArgmapError: unknown export format 'dot'; choose one of aif, argdown, graphml, json
    """
    if fmt not in EXPORT_FORMATS:
        raise ArgmapError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    module, attr = EXPORT_FORMATS[fmt][0].split(":")
    text: str = getattr(importlib.import_module(module), attr)(export_view(corpus, map_ids))
    return text
