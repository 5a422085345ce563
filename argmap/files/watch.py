"""Watching files for changes, the one way the preview and the service do it: poll their ``stat``.

Only ``stat`` is called, never ``open``: a FIFO or a device swapped in among the files cannot block the check, and
nothing is read until a change is seen.  A file that is missing, or cannot be stat'ed, counts as ``-1, -1``, so its
coming back is a change too.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     f = pathlib.Path(tmp) / "m.yaml"
...     before = fingerprint([f])
...     _ = f.write_text("id: m\\n")
...     before != fingerprint([f]), before[0][1:]
(True, (-1, -1))
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["Fingerprint", "Poller", "fingerprint"]

Fingerprint = tuple[tuple[str, int, int], ...]
"""(path, mtime_ns, size) of each file, sorted by path."""


def fingerprint(paths: Iterable[Path]) -> Fingerprint:
    """The (path, mtime_ns, size) of each of ``paths``, sorted; ``-1, -1`` for one that cannot be stat'ed."""
    entries: dict[str, tuple[str, int, int]] = {}
    for p in paths:
        try:
            st = p.stat()
        except (OSError, ValueError):
            entries[str(p)] = (str(p), -1, -1)
            continue
        entries[str(p)] = (str(p), st.st_mtime_ns, st.st_size)
    return tuple(sorted(entries.values()))


class Poller:
    """A daemon thread that calls ``check`` every ``interval()`` seconds until :meth:`stop`.

    ``interval`` is asked again before each wait, so a caller can poll faster while a change settles.  An
    exception from ``check`` is handed to ``failed`` (the thread goes on): a watcher must outlive a bad save.
    """

    def __init__(self, check: Callable[[], object], interval: Callable[[], float], *, name: str,
                 failed: Callable[[BaseException], None] = lambda exc: None) -> None:
        self._check, self._interval, self._failed = check, interval, failed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def _run(self) -> None:
        while not self._stop.wait(self._interval()):
            try:
                self._check()
            except Exception as exc:
                self._failed(exc)
