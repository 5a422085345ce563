"""Which files argmap may read: one rule for essays and map files, at every entry point.

An essay named by a map's ``source.path`` is read only when it is

* under one of the allowed essays folders: by default the map's own folder and the
  ``seeds/`` folder beside it (``maps/../seeds``), or the folders a deployment lists;
* not hidden: no part of its path below that folder starts with ``.`` (so ``.git/config``
  and ``.env`` are never essays);
* a regular file (a FIFO, a device such as ``/dev/urandom`` or a socket is refused without
  blocking on it) that is inside an allowed folder once symlinks are followed; the file is
  opened once and these checks are made on the open file (``fstat``, and the kernel's own
  name for it), so a link swapped in between a check and the read gains nothing;
* an allowed folder is never ``/`` or a system folder, nor a link to one;
* at most :attr:`EssayPolicy.max_bytes` (2 MiB unless configured; at most that many bytes
  plus one are ever read);
* UTF-8 text (without NUL bytes).

A refusal is an :class:`EssayRefused` (an :class:`OSError`, so readers report it as a
located "cannot read essay" diagnostic); nothing of a refused file is read into a
hint.  Map files follow the same rule inside their maps folder (:func:`map_file_ok`).

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "maps").mkdir(); (root / "seeds").mkdir()
>>> _ = (root / "seeds" / "essay.txt").write_text("It rained.")
>>> _ = (root / "maps" / ".env").write_text("SECRET=1")
>>> reader = EssayReader(EssayPolicy())
>>> reader.read(root / "maps", "../seeds/essay.txt")
b'It rained.'
>>> reader.read(root / "maps", ".env")
Traceback (most recent call last):
...
argmap.files.safeopen.EssayRefused: [Errno 13] a hidden file (a name starting with '.') is never an essay
>>> reader.read(root / "maps", "../../etc/passwd")
Traceback (most recent call last):
...
argmap.files.safeopen.EssayRefused: [Errno 13] outside the essays folders (the map's folder and its sibling seeds/)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from argmap.files.safeopen import (
    NOT_REGULAR,
    EssayRefused,
    hidden_below,
    read_regular,
    read_within,
    refusal,
    resolved,
    system_folder,
)

__all__ = [
    "DEFAULT_MAX_ESSAY_BYTES",
    "EssayPolicy",
    "EssayReader",
    "EssayRefused",
    "decode_essay",
    "essay_policy",
    "map_file_ok",
    "read_map_file",
    "read_regular",
    "read_within",
    "resolved",
    "system_folder",
    "using_policy",
]

DEFAULT_MAX_ESSAY_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class EssayPolicy:
    """Where essays may be and how large.

    ``roots``: the allowed essays folders; empty means the default, the map's folder and its sibling ``seeds/``.
    ``extra``: folders allowed in addition to ``roots`` or the default (the CLI's ``--essays``).
    """

    roots: tuple[Path, ...] = ()
    extra: tuple[Path, ...] = ()
    max_bytes: int = DEFAULT_MAX_ESSAY_BYTES

    def __post_init__(self) -> None:
        for folder in (*self.roots, *self.extra):
            system = system_folder(folder)
            if system is not None:
                from argmap.errors import ArgmapError

                raise ArgmapError(f"{folder} may not be an essays folder: it is, or leads to, the system folder "
                                  f"{system}; name the folder that holds the essays")

    def allowed(self, map_dir: Path) -> tuple[Path, ...]:
        """The resolved folders an essay of a map in ``map_dir`` may be under.

        A folder that is, or links to, ``/`` or a system folder is left out (see :func:`system_folder`).
        """
        base = self.roots or (map_dir, map_dir.parent / "seeds")
        return tuple(r for r in (resolved(p) for p in (*base, *self.extra)) if system_folder(r) is None)

    def describe(self) -> str:
        """The allowed folders in words, for a refusal's message."""
        if not self.roots and not self.extra:
            return "the map's folder and its sibling seeds/"
        return ", ".join(str(p) for p in (*self.roots, *self.extra)) + ("" if self.roots else
                                                                        ", the map's folder and its sibling seeds/")


def decode_essay(raw: bytes) -> str:
    """An essay's text: UTF-8 without NUL bytes (``UnicodeDecodeError`` otherwise).

    >>> decode_essay("café".encode())
    'café'
    >>> decode_essay(b"a\\x00b")
    Traceback (most recent call last):
    ...
    UnicodeDecodeError: 'utf-8' codec can't decode byte 0x00 in position 1: a NUL byte is not text
    """
    nul = raw.find(b"\0")
    if nul >= 0:
        raise UnicodeDecodeError("utf-8", raw, nul, nul + 1, "a NUL byte is not text")
    return raw.decode("utf-8")


_POLICY: ContextVar[EssayPolicy | None] = ContextVar("argmap_essay_policy", default=None)


def essay_policy() -> EssayPolicy:
    """The policy in force: the one set by :func:`using_policy` (the CLI's ``--essays``), else the default."""
    return _POLICY.get() or EssayPolicy()


@contextmanager
def using_policy(policy: EssayPolicy) -> Iterator[None]:
    """Run a block with ``policy`` as the default of every :class:`EssayReader` made in it."""
    token = _POLICY.set(policy)
    try:
        yield
    finally:
        _POLICY.reset(token)


@dataclass
class EssayReader:
    """Reads essays under an :class:`EssayPolicy`, each distinct file once; remembers every path it was asked for.

    ``attempted`` lists the resolved files asked for (read or refused), so a watcher can see them change.
    """

    policy: EssayPolicy = field(default_factory=essay_policy)
    attempted: set[Path] = field(default_factory=set)
    _cache: dict[Path, bytes] = field(default_factory=dict)
    _roots: dict[Path, tuple[Path, ...]] = field(default_factory=dict)
    """The allowed folders of each map folder, resolved once per reader (a corpus shares one or two folders)."""

    def locate(self, map_dir: Path, rel: str) -> Path:
        """The resolved essay ``rel`` (relative to ``map_dir``), or :class:`EssayRefused` when it may not be read."""
        if "\0" in rel:
            raise refusal("not a usable path", errno.EINVAL)
        target = resolved(map_dir / rel)
        self.attempted.add(target)
        if map_dir not in self._roots:
            self._roots[map_dir] = self.policy.allowed(resolved(map_dir))
        roots = [r for r in self._roots[map_dir] if target.is_relative_to(r)]
        if not roots:
            raise refusal(f"outside the essays folders ({self.policy.describe()})")
        if all(hidden_below(target, r) for r in roots):
            raise refusal("a hidden file (a name starting with '.') is never an essay")
        return target

    def read(self, map_dir: Path, rel: str) -> bytes:
        """The bytes of essay ``rel`` of a map in ``map_dir`` (see the module doc for what is refused).

        :meth:`locate` answers early from the names; the file is then opened once by its name as the map gives
        it, and the open file itself is checked against the allowed folders before it is read (no reopening).
        """
        target = self.locate(map_dir, rel)
        if target not in self._cache:
            _, self._cache[target] = read_within(
                map_dir / rel, self._roots[map_dir], self.policy.max_bytes,
                outside=f"outside the essays folders ({self.policy.describe()})")
        return self._cache[target]


def read_map_file(path: Path, folder: Path | None, max_bytes: int) -> bytes:
    """The bytes of map file ``path``: a regular file of at most ``max_bytes``, opened once; when it was found
    in ``folder`` (rather than named by the user), the open file must be inside that folder.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "m.yaml").write_text("id: m")
    >>> read_map_file(root / "m.yaml", root, 100)
    b'id: m'
    """
    if folder is None:
        return read_regular(path, max_bytes)
    root = resolved(folder)
    if system_folder(root) is not None:
        raise refusal(f"the maps folder may not be the system folder {system_folder(root)}")
    return read_within(path, [root], max_bytes, hidden_ok=True, outside="a symlink that leads outside the maps folder")[1]


def map_file_ok(path: Path, folder: Path) -> str | None:
    """None when ``path`` (a ``*.yaml`` in ``folder``) looks loadable as a map, else why not.

    A map file is a regular file whose resolved path is inside ``folder``; a symlink to elsewhere is skipped
    with a warning.  This only words a skip early: the file is checked again, on the open file itself, when
    :func:`read_map_file` reads it.
    """
    target = resolved(path)
    if not target.is_relative_to(resolved(folder)):
        return "a symlink that leads outside the maps folder"
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        return exc.strerror or "cannot be read"
    if not stat.S_ISREG(mode):
        return NOT_REGULAR
    return None

