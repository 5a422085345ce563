"""Converters from other argument formats into argmap maps.

Each format is a module with ``SUFFIXES`` (the file name endings its files have), ``sniff(data: bytes) -> bool``
(does this file look like the format?) and ``convert(path: Path) -> list[ImportedMap]``; :data:`FORMATS` names
them in the order they are tried.  The front end (``argmap import``) writes what they return, atomically.
"""

from __future__ import annotations

from argmap.importers.base import ImportedMap

__all__ = ["FORMATS", "ImportedMap"]

# format name -> module path; a module is imported only when a file of its format is met.
FORMATS: dict[str, str] = {
    "microtexts": "argmap.importers.microtexts",
    "aif": "argmap.importers.aif",
}
