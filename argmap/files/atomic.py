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

__all__ = ["refuse_output_inside", "write_atomic"]


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
    argmap.errors.WriteFailed: cannot write /proc/argmap-test/x.txt: No such file or directory
    """
    target = Path(path)
    try:
        _write(target, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        from argmap.errors import WriteFailed

        raise WriteFailed(f"cannot write {target}: {exc.strerror or exc}") from None


def refuse_output_inside(out: Path, folders: list[Path], what: str = "--out") -> None:
    """Raise :class:`~argmap.errors.ArgmapError` when ``out`` is one of ``folders`` or inside one.

    So a build never writes its SVG, Markdown and JSON among the maps or the essays.

    >>> refuse_output_inside(Path("maps/out"), [Path("maps")])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: --out may not be maps/out: it is inside the folder maps ...
    """
    from argmap.errors import ArgmapError

    target = out.resolve()
    for folder in folders:
        root = folder.resolve()
        if target == root or target.is_relative_to(root):
            raise ArgmapError(f"{what} may not be {out}: it is inside the folder {folder} (the maps or their essays); "
                              "choose another folder, e.g. out")


def _write(target: Path, raw: bytes) -> None:
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
