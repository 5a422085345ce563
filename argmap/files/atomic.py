"""Atomic file writing for the front ends: a temporary file beside the target, then a rename.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "out" / "a.txt", "hello")
>>> (d / "out" / "a.txt").read_text()
'hello'
>>> sorted(p.name for p in (d / "out").iterdir())  # no temporary file left behind
['a.txt']
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["refuse_output_inside", "source_folders", "write_atomic", "write_tree"]


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never a part.

    A full disk, a read-only file system or a missing permission raises
    :class:`~argmap.errors.WriteFailed` naming the path (the old file, if any, is left as it was).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "out" / "a.txt", "one")
    >>> write_atomic(folder / "out" / "a.txt", b"two")
    >>> (folder / "out" / "a.txt").read_text(), [p.name for p in (folder / "out").iterdir()]
    ('two', ['a.txt'])
    >>> write_atomic("/proc/argmap-test/x.txt", "x")
    Traceback (most recent call last):
    ...
    argmap.errors.WriteFailed: cannot write /proc/argmap-test/x.txt: the system folder /proc is not a place for ...
    """
    target = Path(path)
    try:
        _write(target, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        from argmap.errors import WriteFailed

        raise WriteFailed(f"cannot write {target}: {exc.strerror or exc}") from None


def write_tree(files: dict[Path, bytes]) -> None:
    """Write several files all or nothing: each is first written in full beside its target under a temporary
    name, and only when every one is on disk are they renamed into place.

    A failure while writing (a full disk, a missing permission) removes the temporary files and the folders this
    call created, leaves every existing file as it was, and raises :class:`~argmap.errors.WriteFailed` naming the
    file; so an interrupted import leaves no partial tree.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> write_tree({d / "g" / "m.yaml": b"id: m", d / "seeds" / "m.txt": b"text"})
    >>> sorted(p.relative_to(d).as_posix() for p in d.rglob("*"))
    ['g', 'g/m.yaml', 'seeds', 'seeds/m.txt']
    """
    from argmap.errors import WriteFailed

    created: list[Path] = []
    staged: list[tuple[str, Path]] = []
    current = None
    try:
        for target, data in files.items():
            current = target
            _refuse_system(target.parent)
            for folder in reversed([target.parent, *target.parent.parents]):
                if not folder.exists():
                    folder.mkdir()
                    created.append(folder)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
    except BaseException as exc:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise WriteFailed(f"cannot write {current}: {exc.strerror or exc}; nothing was written") from None
        raise
    for tmp, target in staged:
        os.replace(tmp, target)


def source_folders(corpus: Any) -> list[Path]:
    """The folders of the maps and of their essays in ``corpus`` (a :class:`~argmap.corpus.load.Corpus`, which this
    low layer does not import): an output folder may not be, hold, or be inside one (:func:`refuse_output_inside`).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> [p.name for p in source_folders(load_corpus([bundled_maps_dir()]))]
    ['maps', 'seeds']
    """
    folders: set[Path] = set()
    for gm in corpus.maps.values():
        folders.add(Path(gm.path).parent)
        folders.add((Path(gm.path).parent / gm.model.source.path).parent)
    return sorted(folders)


def refuse_output_inside(out: Path, folders: list[Path], what: str = "--out") -> None:
    """Raise :class:`~argmap.errors.ArgmapError` when the output folder ``out`` is one of ``folders``, is inside
    one, or holds one (it would receive files among them), however it is spelt; or when it is ``/`` or a
    system folder.

    So a build never writes its SVG, Markdown and JSON among the maps or the essays.

    >>> refuse_output_inside(Path("maps/out"), [Path("maps")])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: --out may not be maps/out: it is inside the folder maps ...
    >>> refuse_output_inside(Path("maps/.."), [Path("maps")])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: --out may not be maps/..: it holds the folder maps ...
    >>> refuse_output_inside(Path("/etc"), [])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: --out may not be /etc: it is, or is inside, the system folder /etc; ...
    """
    from argmap.errors import ArgmapError
    from argmap.files.confine import resolved, system_folder

    system = system_folder(out)
    if system is not None:
        raise ArgmapError(f"{what} may not be {out}: it is, or is inside, the system folder {system}; "
                          "choose another folder, e.g. out")
    target = resolved(out)
    for folder in folders:
        root = resolved(folder)
        where = ("is inside" if target == root or target.is_relative_to(root)
                 else "holds" if root.is_relative_to(target) else None)
        if where is not None:
            raise ArgmapError(f"{what} may not be {out}: it {where} the folder {folder} (the maps or their essays); "
                              "choose another folder, e.g. out")


def _refuse_system(folder: Path) -> None:
    """An ``OSError`` when ``folder`` is ``/`` or in a system tree: argmap writes nothing there."""
    import errno

    from argmap.files.confine import system_folder

    system = system_folder(folder, tops=False)
    if system is not None:
        raise OSError(errno.EACCES, f"the system folder {system} is not a place for argmap's output")


def _write(target: Path, raw: bytes) -> None:
    _refuse_system(target.parent)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
