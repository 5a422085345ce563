"""What an importer returns: the text of a map and of its essay, ready to be written."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.errors import InvalidInput

__all__ = ["ImportedMap", "NothingToImport"]


@dataclass(frozen=True)
class ImportedMap:
    """One converted argument: the map's YAML text and the essay its quotes come from.

    The map goes in the folder ``OUT/<group>/`` (a topic; ``maps`` when the format has none) and the
    essay in ``OUT/seeds/<essay_name>``, the folder beside it, so ``map_yaml`` names its essay as
    ``../seeds/<essay_name>``.  ``claims`` seeds a registry stub for the group.
    """

    map_id: str
    map_yaml: str
    essay_name: str
    essay_bytes: bytes
    group: str = ""
    claims: tuple[tuple[str, str], ...] = field(default=())  # (claim id, wording) for a registry stub


class NothingToImport(InvalidInput):
    """A file of a known format that holds no argument (an empty AIF graph): not a failure, a note (its
    diagnostics are warnings), and no map."""
