"""Live data: an immutable snapshot of the maps (:mod:`argmap_api.snapshot`), swapped whole when the files change.

A :class:`Store` holds the current snapshot.  A background thread compares the
files' sizes and modification times (the maps folder's ``*.yaml`` and the essays
the last load read or tried to read) every few seconds; when they change, and
then stay unchanged for ``settle`` seconds (so a file still being written is not
loaded half-way), it loads the maps again, off to the side, and only a load that
validates replaces the snapshot, by one reference assignment.  A request takes the snapshot once, at its start, so it
never sees half of one load and half of another.  A load that fails keeps the
last good snapshot and records the error, with its located diagnostics.

>>> from argmap.corpus.load import bundled_maps_dir
>>> store = Store(bundled_maps_dir(), interval=0)
>>> store.reload_now()
True
>>> "enforcer" in store.snapshot.corpus.maps, store.last_error is None
(True, True)
>>> store.snapshot.body("map/enforcer")[:17]
b'{"id":"enforcer",'
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from argmap.corpus.load import Corpus, map_files
from argmap.errors import ArgmapError, Diagnostic, InvalidInput
from argmap.files.confine import EssayPolicy
from argmap.files.watch import Fingerprint, Poller, fingerprint
from argmap.format.registry import ClaimRegistry

from .snapshot import Snapshot, build_snapshot
from .work import Gate

__all__ = ["ReloadError", "Store"]

log = logging.getLogger("argmap_api")


@dataclass(frozen=True)
class ReloadError:
    """A failed load: when, why, and where in the files."""

    at: float
    message: str
    diagnostics: list[Diagnostic]




class Store:
    """The current snapshot of ``maps_dir``, reloaded when its files change (see the module doc).

    ``policy`` says which essays may be read (:mod:`argmap.files.confine`); ``settle`` is how long a changed file
    must stay unchanged before it is loaded; ``gate`` is the limit its snapshots' heavy work queues at.
    :attr:`gone` holds a warning for each map that was in service
    and whose file has disappeared (until a map with that id is loaded again).
    """

    def __init__(self, maps_dir: Path, interval: float = 2.0, settle: float = 0.0,
                 policy: EssayPolicy | None = None, gate: Gate | None = None) -> None:
        self.maps_dir = Path(maps_dir)
        self.gate = gate or Gate()
        self.interval = interval
        self.settle = settle
        self.policy = policy or EssayPolicy()
        self.last_error: ReloadError | None = None
        self.gone: dict[str, Diagnostic] = {}
        self._snapshot: Snapshot | None = None
        self._fingerprint: Fingerprint | None = None
        self._pending: tuple[Fingerprint, float] | None = None
        self._essay_paths: frozenset[Path] = frozenset()
        self._skipped: list[Diagnostic] = []  # of the latest good load, even when its maps are the ones in service
        self._lock = threading.Lock()
        self._poller: Poller | None = None

    @property
    def snapshot(self) -> Snapshot:
        """The snapshot in service (loaded on first use)."""
        snap = self._snapshot
        if snap is None:
            with self._lock:
                if self._snapshot is None:
                    self._reload(self.fingerprint())
            snap = self._snapshot
            assert snap is not None
        return snap

    # -- loading -----------------------------------------------------------------------------------------------

    def reload_now(self) -> bool:
        """Load the maps now; True when they validated (and are in service), False when the last good stay."""
        with self._lock:
            return self._reload(self.fingerprint())

    def check(self) -> bool | None:
        """Reload if the files changed since the last load and have since stayed unchanged for ``settle`` seconds.

        None when there is nothing to load yet (unchanged, or still changing), else as :meth:`reload_now`.
        """
        fp = self.fingerprint()
        if fp == self._fingerprint:
            self._pending = None
            return None
        now = time.monotonic()
        if self._pending is None or self._pending[0] != fp:
            self._pending = (fp, now)
        if now - self._pending[1] < self.settle:
            return None  # changed since the last look: wait until it stays the same
        with self._lock:
            self._pending = None
            if fp == self._fingerprint:
                return None
            return self._reload(fp)

    def _reload(self, fp: Fingerprint) -> bool:
        from argmap.corpus.load import check_corpus
        from argmap.files.confine import EssayReader

        self._fingerprint = fp
        now = time.time()
        reader = EssayReader(self.policy)
        try:
            corpus, diags = check_corpus([self.maps_dir], essays=reader)
            self._essay_paths = frozenset(reader.attempted)
            if corpus is None:
                errors = [d for d in diags if d.severity == "error"]
                raise InvalidInput(f"{len(errors)} problem(s) in the maps in {self.maps_dir}", errors)
            snap = build_snapshot(corpus, now, self.gate)
        except ArgmapError as exc:
            self._failed(ReloadError(now, exc.message, list(exc.diagnostics)))
            return False
        except Exception as exc:  # a bug or an I/O failure: keep serving, say so in /healthz and the log
            log.exception("reloading %s failed", self.maps_dir)
            self._failed(ReloadError(now, f"{type(exc).__name__}: {exc}", []))
            return False
        current = self._snapshot
        self._skipped = list(snap.corpus.warnings)  # a file skipped or back changes no map: said all the same
        if current is not None:
            self._note_gone(current.corpus, snap.corpus)
        if current is None or current.version != snap.version:
            self._snapshot = snap  # the one atomic swap; readers hold their own reference
        self.last_error = None
        log.info("loaded %d map(s) from %s", len(snap.corpus.maps), self.maps_dir)
        return True

    def _note_gone(self, before: Corpus, after: Corpus) -> None:
        """Remember the maps that were served and whose file is gone; forget those that are back."""
        for map_id, gm in before.maps.items():
            if map_id not in after.maps and not Path(gm.path).exists():
                self.gone[map_id] = Diagnostic(gm.path, 1, 1, f"map '{map_id}' was in service and its file has "
                                               "disappeared; it is no longer served", "warning")
        for map_id in after.maps:
            self.gone.pop(map_id, None)

    @property
    def warnings(self) -> list[Diagnostic]:
        """What /healthz warns about: files skipped at the last good load, and maps whose file disappeared."""
        return [*self._skipped, *self.gone.values()]

    def _failed(self, error: ReloadError) -> None:
        self.last_error = error
        log.warning("maps not reloaded, the last good ones stay in service: %s", error.message)
        for d in error.diagnostics:
            log.warning("  %s", d)
        if self._snapshot is None:
            self._snapshot = build_snapshot(Corpus(ClaimRegistry(), {}), gate=self.gate)

    # -- watching ----------------------------------------------------------------------------------------------

    def fingerprint(self) -> Fingerprint:
        """(path, mtime_ns, size) of each map file and of the essays the last load read; -1s for a missing file.

        Only ``stat`` is called (:func:`argmap.files.watch.fingerprint`): nothing is opened, so a FIFO among the
        files cannot block the check.
        """
        try:
            children = map_files(self.maps_dir)
        except OSError:
            children = [self.maps_dir]
        return fingerprint([*children, *self._essay_paths])

    def start(self) -> None:
        """Start the background check (no-op when ``interval`` is 0)."""
        if self.interval <= 0 or self._poller is not None:
            return
        self._poller = Poller(self.check, self._next_interval, name="argmap-reload",
                              failed=lambda exc: log.error("checking %s for changes failed: %s", self.maps_dir, exc))
        self._poller.start()

    def stop(self) -> None:
        """Stop the background check and wait for it."""
        if self._poller is not None:
            self._poller.stop()
            self._poller = None

    @property
    def watching(self) -> bool:
        """Whether the background check runs."""
        return self._poller is not None

    def _next_interval(self) -> float:
        """Every ``interval`` seconds; sooner while a change settles."""
        return self.interval if self._pending is None else min(self.interval, max(self.settle, 0.05))


