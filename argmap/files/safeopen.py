"""Reading a file once and checking the open file: the low-level rule under :mod:`argmap.files.confine`.

A file is opened once, without blocking on a FIFO; ``fstat`` on that descriptor says whether it is a regular
file within the size limit; where the kernel says the open file really is (``/proc/self/fd``) says whether it
is inside the allowed folders; then the same descriptor is read.  No name is resolved, checked and opened
again, so a link swapped in between gains nothing.  :func:`system_folder` names the folders argmap never reads
from as a whole nor writes into.

>>> read_regular(Path("/dev/null"), 10)
Traceback (most recent call last):
...
argmap.files.safeopen.EssayRefused: [Errno 22] not a regular file (a folder, device, FIFO or socket)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

__all__ = ["NOT_REGULAR", "EssayRefused", "hidden_below", "read_regular", "read_within", "refusal", "resolved", "system_folder"]


NOT_REGULAR = "not a regular file (a folder, device, FIFO or socket)"
"""Why a path that is not a regular file is refused; a folder opens for reading on Linux, so it is named too."""


class EssayRefused(OSError):
    """A file the confinement rule does not let argmap read; ``strerror`` says why."""


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



def refusal(why: str, code: int = errno.EACCES) -> EssayRefused:
    return EssayRefused(code, why)


def hidden_below(path: Path, root: Path) -> bool:
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
    target = resolved(path).as_posix()
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
        raise refusal("a folder, not a file", errno.EISDIR) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and flags & getattr(os, "O_NOFOLLOW", 0):
            raise refusal("a symbolic link, which is not followed here", errno.ELOOP) from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise refusal(NOT_REGULAR, errno.EINVAL)
        if st.st_size > max_bytes:
            raise refusal(f"the file is {st.st_size:,} bytes, over the limit of {max_bytes:,}", errno.EFBIG)
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
        raise refusal(f"the file is over the limit of {max_bytes:,} bytes", errno.EFBIG)
    return data


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; never blocks on a FIFO.

    Opened once: the checks are made with ``fstat`` on the descriptor that is then read.

    >>> read_regular(Path("/dev/null"), 10)
    Traceback (most recent call last):
    ...
    argmap.files.safeopen.EssayRefused: [Errno 22] not a regular file (a folder, device, FIFO or socket)
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
        target = resolved(path)
        try:
            now = os.stat(target)
        except OSError:
            raise refusal("the file changed while it was opened", errno.EAGAIN) from None
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise refusal("the file changed while it was opened", errno.EAGAIN)
        return target
    if not real.startswith("/") or real.endswith(" (deleted)"):
        raise refusal("the file changed while it was opened", errno.EAGAIN)
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
    argmap.files.safeopen.EssayRefused: [Errno 13] outside the maps folder
    """
    fd, st = _open_regular(path, max_bytes)
    try:
        real = _opened_path(fd, st, path)
        inside = [r for r in roots if real.is_relative_to(r)]
        if not inside:
            raise refusal(outside)
        if not hidden_ok and all(hidden_below(real, r) for r in inside):
            raise refusal("a hidden file (a name starting with '.') is never an essay")
    except BaseException:
        os.close(fd)
        raise
    return real, _read_fd(fd, max_bytes)
