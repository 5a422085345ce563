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
argmap.confine.EssayRefused: [Errno 13] a hidden file (a name starting with '.') is never an essay
>>> reader.read(root / "maps", "../../etc/passwd")
Traceback (most recent call last):
...
argmap.confine.EssayRefused: [Errno 13] outside the essays folders (the map's folder and its sibling seeds/)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

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


class EssayRefused(OSError):
    """A file the confinement rule does not let argmap read; ``strerror`` says why."""


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
                from .errors import ArgmapError

                raise ArgmapError(f"{folder} may not be an essays folder: it is, or leads to, the system folder "
                                  f"{system}; name the folder that holds the essays")

    def allowed(self, map_dir: Path) -> tuple[Path, ...]:
        """The resolved folders an essay of a map in ``map_dir`` may be under.

        A folder that is, or links to, ``/`` or a system folder is left out (see :func:`system_folder`).
        """
        base = self.roots or (map_dir, map_dir.parent / "seeds")
        return tuple(r for r in (_resolve(p) for p in (*base, *self.extra)) if system_folder(r) is None)

    def describe(self) -> str:
        """The allowed folders in words, for a refusal's message."""
        if not self.roots and not self.extra:
            return "the map's folder and its sibling seeds/"
        return ", ".join(str(p) for p in (*self.roots, *self.extra)) + ("" if self.roots else
                                                                        ", the map's folder and its sibling seeds/")


def resolved(p: Path) -> Path:
    """``p`` with its links resolved, or made absolute when that fails (a link loop, a path swapped mid-way):
    for naming and comparing paths only; what is read is checked on the open file.

    >>> resolved(Path("/")).as_posix()
    '/'
    """
    try:
        return p.resolve()
    except (OSError, RuntimeError, ValueError):
        return p.absolute()


_resolve = resolved


def _refuse(why: str, code: int = errno.EACCES) -> EssayRefused:
    return EssayRefused(code, why)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


_SYSTEM_TREES = ("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/root", "/run",
                 "/sbin", "/sys", "/usr")
"""Folders whose whole tree belongs to the system."""
_SYSTEM_TOPS = ("/", "/home", "/media", "/mnt", "/opt", "/srv", "/tmp", "/var")
"""Folders that hold everyone's files: never a folder of argmap's own (their subfolders may be)."""


def system_folder(path: Path, tops: bool = True) -> str | None:
    """The system folder that ``path`` (resolved: a link to ``/`` counts as ``/``) is or lies in, else None.

    argmap never takes such a folder as a folder of essays or maps, nor writes its output there.  ``tops``
    False: only ``/`` itself and the system's own trees (``/etc``, ``/usr``…), for the folder a single output
    file goes into (``/tmp/diagram.svg`` is fine; ``/tmp`` as a whole build's folder is not).

    >>> system_folder(Path("/")), system_folder(Path("/etc/ssl")), system_folder(Path("/tmp/x/maps"))
    ('/', '/etc', None)
    >>> system_folder(Path("/tmp")), system_folder(Path("/tmp"), tops=False)
    ('/tmp', None)
    """
    target = _resolve(path).as_posix()
    if target in (_SYSTEM_TOPS if tops else ("/",)):
        return target
    return next((t for t in _SYSTEM_TREES if target == t or target.startswith(t + "/")), None)


_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_regular(path: Path, max_bytes: int, flags: int = 0) -> tuple[int, os.stat_result]:
    """``path`` opened once for reading (never blocking on a FIFO), and its ``fstat``: a regular file of at most
    ``max_bytes``, or :class:`EssayRefused` (the descriptor is then closed)."""
    try:
        fd = os.open(path, _OPEN_FLAGS | flags)
    except IsADirectoryError:
        raise _refuse("a folder, not a file", errno.EISDIR) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and flags & getattr(os, "O_NOFOLLOW", 0):
            raise _refuse("a symbolic link, which is not followed here", errno.ELOOP) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _refuse("not a regular file (a device, FIFO or socket)", errno.EINVAL)
        if st.st_size > max_bytes:
            raise _refuse(f"the file is {st.st_size:,} bytes, over the limit of {max_bytes:,}", errno.EFBIG)
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def _read_fd(fd: int, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from the open regular file ``fd`` and close it; refused if there is more."""
    try:
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew while we read
        raise _refuse(f"the file is over the limit of {max_bytes:,} bytes", errno.EFBIG)
    return data


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; never blocks on a FIFO.

    Opened once: the checks are made with ``fstat`` on the descriptor that is then read.

    >>> read_regular(Path("/dev/null"), 10)
    Traceback (most recent call last):
    ...
    argmap.confine.EssayRefused: [Errno 22] not a regular file (a device, FIFO or socket)
    """
    fd, _ = _open_regular(path, max_bytes)
    return _read_fd(fd, max_bytes)


def _opened_path(fd: int, st: os.stat_result, path: Path) -> Path:
    """Where the file open as ``fd`` really is: the kernel's own name for it (``/proc/self/fd``), or, where there
    is none, the resolved ``path`` provided it is still the very file that is open (same device and inode)."""
    try:
        real = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        real = None
    if real is None:  # no /proc: the resolved name must still be the very file that is open
        target = _resolve(path)
        try:
            now = os.stat(target)
        except OSError:
            raise _refuse("the file changed while it was opened", errno.EAGAIN) from None
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise _refuse("the file changed while it was opened", errno.EAGAIN)
        return target
    if not real.startswith("/") or real.endswith(" (deleted)"):
        raise _refuse("the file changed while it was opened", errno.EAGAIN)
    return Path(real)


def read_within(path: Path, roots: Sequence[Path], max_bytes: int, *, hidden_ok: bool = False,
                outside: str = "outside the allowed folders") -> tuple[Path, bytes]:
    """The real path and bytes of ``path``, a regular file of at most ``max_bytes`` inside one of ``roots``.

    The file is opened once; every check is made on that open file (``fstat``, and where the kernel says it
    is), then the same descriptor is read.  So swapping a link between a check and the read gains nothing: the
    file read is the file checked.  Unless ``hidden_ok``, a file whose path below its root has a part starting
    with ``.`` is refused.  ``roots`` are resolved folders; ``outside`` words the refusal of a file outside them.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()).resolve()
    >>> _ = (root / "a.txt").write_text("A")
    >>> (root / "link.txt").symlink_to("/etc/hostname")
    >>> read_within(root / "a.txt", [root], 10)[1]
    b'A'
    >>> read_within(root / "link.txt", [root], 1000, outside="outside the maps folder")
    Traceback (most recent call last):
    ...
    argmap.confine.EssayRefused: [Errno 13] outside the maps folder
    """
    fd, st = _open_regular(path, max_bytes)
    try:
        real = _opened_path(fd, st, path)
        inside = [r for r in roots if real.is_relative_to(r)]
        if not inside:
            raise _refuse(outside)
        if not hidden_ok and all(_hidden(real, r) for r in inside):
            raise _refuse("a hidden file (a name starting with '.') is never an essay")
    except BaseException:
        os.close(fd)
        raise
    return real, _read_fd(fd, max_bytes)


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
            raise _refuse("not a usable path", errno.EINVAL)
        target = _resolve(map_dir / rel)
        self.attempted.add(target)
        if map_dir not in self._roots:
            self._roots[map_dir] = self.policy.allowed(_resolve(map_dir))
        roots = [r for r in self._roots[map_dir] if target.is_relative_to(r)]
        if not roots:
            raise _refuse(f"outside the essays folders ({self.policy.describe()})")
        if all(_hidden(target, r) for r in roots):
            raise _refuse("a hidden file (a name starting with '.') is never an essay")
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
    root = _resolve(folder)
    if system_folder(root) is not None:
        raise _refuse(f"the maps folder may not be the system folder {system_folder(root)}")
    return read_within(path, [root], max_bytes, hidden_ok=True, outside="a symlink that leads outside the maps folder")[1]


def map_file_ok(path: Path, folder: Path) -> str | None:
    """None when ``path`` (a ``*.yaml`` in ``folder``) looks loadable as a map, else why not.

    A map file is a regular file whose resolved path is inside ``folder``; a symlink to elsewhere is skipped
    with a warning.  This only words a skip early: the file is checked again, on the open file itself, when
    :func:`read_map_file` reads it.
    """
    target = _resolve(path)
    if not target.is_relative_to(_resolve(folder)):
        return "a symlink that leads outside the maps folder"
    try:
        mode = os.stat(target).st_mode
    except OSError as exc:
        return exc.strerror or "cannot be read"
    if not stat.S_ISREG(mode):
        return "not a regular file (a folder, device, FIFO or socket)"
    return None

