"""Where a new map reads its essay: where it is, or a copy in ``seeds/`` under a name that breaks no other map.

A map reads its essay from its own folder or from the ``seeds/`` folder beside it
(:mod:`argmap.files.confine`); an essay anywhere else is copied into that ``seeds/``
folder, under its own name.  When that name already holds a different text, the copy
is named after the new map's id instead (``argmap new d2/homework.txt --id hw2`` copies
to ``seeds/hw2.txt``).  A text that a map reads (in the new map's folder, or in any folder of maps beside that
``seeds/``, as an import's topics are) is never replaced, not even with ``force``: that map would then fail its
sha256.
"""

from __future__ import annotations

from pathlib import Path

from argmap.errors import ArgmapError

__all__ = ["SEEDS", "essay_copy", "essay_home", "maps_reading"]

SEEDS = "seeds"


def essay_home(essay: Path, out: Path) -> Path | None:
    """Where the essay must be copied for a map at ``out`` to read it, or None when it can be read where it is.

    >>> essay_home(Path("/w/seeds/a.txt"), Path("/w/maps/a.yaml")) is None
    True
    >>> essay_home(Path("/w/a.txt"), Path("/w/maps/a.yaml"))
    PosixPath('/w/seeds/a.txt')
    """
    from argmap.files.confine import EssayPolicy

    folder = out.resolve().parent
    target = essay.resolve()
    for root in EssayPolicy().allowed(folder):
        if target.is_relative_to(root) and not any(p.startswith(".") for p in target.relative_to(root).parts):
            return None
    return folder.parent / SEEDS / essay.name


def maps_reading(seed: Path, folder: Path, *, besides: Path | None = None) -> list[Path]:
    """The map files in ``folder``, and in the folders of maps beside it, whose ``source.path`` is ``seed``,
    ``besides`` left out (the map about to be replaced); a file that is no readable map is passed over.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = Path(d, "a.yaml").write_text("id: a\\nsource: {path: ../seeds/a.txt}\\n")
    ...     _ = Path(d, "b.yaml").write_text("id: b\\nsource: {path: ../seeds/b.txt}\\n")
    ...     [p.name for p in maps_reading(Path(d, "..", "seeds", "a.txt"), Path(d))]
    ['a.yaml']
    """
    from argmap.yaml.reader import YamlError, read_yaml_file

    target = seed.resolve()
    skip = besides.resolve() if besides is not None else None
    found: list[Path] = []
    from argmap.corpus.folders import map_files

    files = {p.resolve(): p for p in [*map_files(folder), *map_files(folder.parent)]}
    for path in sorted(files.values()):
        if path.resolve() == skip:
            continue
        try:
            data = read_yaml_file(str(path)).data
            source = data.get("source") if isinstance(data, dict) else None
            rel = source.get("path") if isinstance(source, dict) else None
            if isinstance(rel, str) and (path.parent / rel).resolve() == target:
                found.append(path)
        except (ArgmapError, YamlError, OSError, ValueError):
            continue
    return found


def _holds_other(path: Path, raw: bytes) -> bool:
    """True when ``path`` exists and holds something other than ``raw``."""
    return path.exists() and path.read_bytes() != raw


def essay_copy(essay: Path, raw: bytes, out: Path, map_id: str, *, force: bool = False) -> Path | None:
    """Where to copy ``essay`` (its bytes ``raw``) for the map ``map_id`` at ``out``; None when the map reads it
    where it is.  See the module docstring; raises :class:`ArgmapError` when each name holds a different text,
    naming the maps that read it and an id whose copy replaces nothing.
    """
    from argmap.corpus.load import display_path

    home = essay_home(essay, out)
    if home is None or not _holds_other(home, raw):
        return home
    own = home.with_name(map_id + essay.suffix)
    if own != home and not _holds_other(own, raw):
        return own
    folder = out.resolve().parent
    readers = maps_reading(home, folder, besides=out)
    if force and not readers:
        return home
    n = 2
    while _holds_other(home.with_name(f"{map_id}-{n}{essay.suffix}"), raw) or (folder / f"{map_id}-{n}.yaml").exists():
        n += 1
    other = f"--id {map_id}-{n} copies it to {display_path(home.with_name(f'{map_id}-{n}{essay.suffix}'))}"
    if not readers:
        raise ArgmapError(f"{display_path(home)} exists and differs from {essay}; --force overwrites it (no map in "
                          f"{display_path(folder)}/ reads it), or {other}")
    names = ", ".join(display_path(p) for p in readers)
    raise ArgmapError(f"{display_path(home)} exists and differs from {essay}, and {names} "
                      f"{'reads' if len(readers) == 1 else 'read'} it: replacing it would break "
                      f"{'that map' if len(readers) == 1 else 'those maps'}; {other}, or rename {essay}")
