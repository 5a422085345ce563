"""Which files a folder of maps names: the folder itself when it holds a map, otherwise each folder inside it that
holds one (a project's ``maps/``, an import's folder per topic).  Every front end lists folders this way: the
loader, the ids a folder stands for, the service's watch, and the maps ``argmap new`` must not break.
"""

from __future__ import annotations

from pathlib import Path

from argmap.files.confine import resolved

__all__ = ["MAP_SUFFIXES", "map_files", "map_folders"]

MAP_SUFFIXES = (".yaml", ".yml")
"""The file endings of a map."""


def map_folders(folder: Path) -> list[Path]:
    """The folders whose maps a folder names: itself when it holds a map; otherwise each of its folders that
    holds one (not hidden, not a link out of it), as in a project's folder (``maps/``) or an import's output (one
    folder per topic, and ``maps/``).

    >>> from argmap.corpus.load import bundled_maps_dir
    >>> map_folders(bundled_maps_dir()) == [bundled_maps_dir()], map_folders(bundled_maps_dir().parent / "seeds")
    (True, [])
    """
    if not folder.is_dir():
        return []
    if _holds_maps(folder):
        return [folder]
    inside = resolved(folder)
    return [c for c in sorted(folder.iterdir()) if c.is_dir() and not c.name.startswith(".")
            and resolved(c).is_relative_to(inside) and _holds_maps(c)]


def map_files(folder: Path) -> list[Path]:
    """Every map and registry file of the folders of maps ``folder`` names (:func:`map_folders`), folder by folder."""
    return [c for f in map_folders(folder) for c in sorted(f.iterdir()) if c.suffix in MAP_SUFFIXES]


def _holds_maps(folder: Path) -> bool:
    return folder.is_dir() and any(c.suffix in MAP_SUFFIXES for c in folder.iterdir())
