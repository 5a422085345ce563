"""Live data: an immutable snapshot of the maps, swapped whole when the files change.

A :class:`Snapshot` is a loaded :class:`~argmap.corpus.Corpus` plus what the
hot routes need precomputed (their JSON bodies) and a small cache for the rest.
A :class:`Store` holds the current snapshot.  A background thread compares the
files' sizes and modification times (the maps folder's ``*.yaml`` and the essays
the maps name) every few seconds; when they change it loads the maps again,
off to the side, and only a load that validates replaces the snapshot, by one
reference assignment.  A request takes the snapshot once, at its start, so it
never sees half of one load and half of another.  A load that fails keeps the
last good snapshot and records the error, with its located diagnostics.

>>> from argmap.corpus import bundled_maps_dir
>>> store = Store(bundled_maps_dir(), interval=0)
>>> store.reload_now()
True
>>> "enforcer" in store.snapshot.corpus.maps, store.last_error is None
(True, True)
>>> store.snapshot.body("map/enforcer")[:17]
b'{"id":"enforcer",'
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter

from argmap.corpus import MAP_SUFFIXES, Corpus
from argmap.errors import ArgmapError, Diagnostic, InvalidInput
from argmap.model import ClaimRegistry

from .models import ClaimInfo, MapListItem

__all__ = ["Memo", "ReloadError", "Snapshot", "Store", "build_snapshot", "iso_time"]

log = logging.getLogger("argmap_api")
T = TypeVar("T")
_MISSING = object()
_MAP_LIST = TypeAdapter(list[MapListItem])
_CLAIM_LIST = TypeAdapter(list[ClaimInfo])


def iso_time(ts: float) -> str:
    """A Unix time as ISO 8601 UTC, to the second.

    >>> iso_time(0)
    '1970-01-01T00:00:00+00:00'
    """
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


class Memo:
    """A small thread-safe LRU cache of computed values.

    >>> m = Memo(2)
    >>> m.get_or_compute("a", lambda: 1), m.get_or_compute("a", lambda: 2)
    (1, 1)
    """

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        """The value for ``key``, or the module's ``_MISSING`` sentinel."""
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is not _MISSING:
                self._items.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def get_or_compute(self, key: Any, compute: Callable[[], T]) -> T:
        """The cached value, computing (outside the lock) and storing it on a miss."""
        value = self.get(key)
        if value is _MISSING:
            value = compute()
            self.put(key, value)
        return value  # type: ignore[no-any-return]

    def __contains__(self, key: Any) -> bool:
        with self._lock:
            return key in self._items


MISSING = _MISSING


@dataclass(frozen=True)
class Snapshot:
    """One consistent load of the maps: never changed after it is built (its caches only fill)."""

    corpus: Corpus
    version: str  # sha256 of the maps, registry and essays
    loaded_at: float | None
    essays: Mapping[Path, bytes]
    bodies: Mapping[str, bytes]
    memo: Memo = field(default_factory=Memo, compare=False)

    def body(self, key: str) -> bytes | None:
        """A precomputed JSON body: ``maps``, ``claims``, ``shared``, ``map/<id>``."""
        return self.bodies.get(key)


def _version(corpus: Corpus) -> str:
    h = hashlib.sha256(corpus.registry.model_dump_json().encode())
    for gm in corpus.maps.values():
        h.update(b"\0map\0" + gm.model.model_dump_json().encode() + b"\0essay\0" + gm.essay.text.encode())
    return h.hexdigest()


def build_snapshot(corpus: Corpus, loaded_at: float | None = None) -> Snapshot:
    """A snapshot of ``corpus`` with the hot routes' JSON bodies computed."""
    from argmap.queries import shared_premises

    from .listings import claim_list, map_list

    bodies: dict[str, bytes] = {
        "maps": _MAP_LIST.dump_json(map_list(corpus)),
        "claims": _CLAIM_LIST.dump_json(claim_list(corpus)),
        "shared": shared_premises(corpus).model_dump_json().encode(),
    }
    essays: dict[Path, bytes] = {}
    for gm in corpus.maps.values():
        bodies[f"map/{gm.id}"] = gm.model.model_dump_json(by_alias=True).encode()
        with contextlib.suppress(OSError, ValueError):  # a path that loaded resolves; be safe all the same
            essays[(Path(gm.path).parent / gm.model.source.path).resolve()] = gm.essay.text.encode("utf-8")
    return Snapshot(corpus, _version(corpus), loaded_at, essays, bodies)


@dataclass(frozen=True)
class ReloadError:
    """A failed load: when, why, and where in the files."""

    at: float
    message: str
    diagnostics: list[Diagnostic]


Fingerprint = tuple[tuple[str, int, int], ...]


class Store:
    """The current snapshot of ``maps_dir``, reloaded when its files change (see the module doc)."""

    def __init__(self, maps_dir: Path, interval: float = 2.0) -> None:
        self.maps_dir = Path(maps_dir)
        self.interval = interval
        self.last_error: ReloadError | None = None
        self.reloads = 0
        self._snapshot: Snapshot | None = None
        self._fingerprint: Fingerprint | None = None
        self._sources: dict[Path, tuple[tuple[int, int], list[Path]]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

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
        """Reload if the files changed since the last load: None if unchanged, else as :meth:`reload_now`."""
        fp = self.fingerprint()
        if fp == self._fingerprint:
            return None
        with self._lock:
            if fp == self._fingerprint:
                return None
            return self._reload(fp)

    def _reload(self, fp: Fingerprint) -> bool:
        from argmap.corpus import check_corpus

        self._fingerprint = fp
        self.reloads += 1
        now = time.time()
        try:
            corpus, diags = check_corpus([self.maps_dir])
            if corpus is None:
                errors = [d for d in diags if d.severity == "error"]
                raise InvalidInput(f"{len(errors)} problem(s) in the maps in {self.maps_dir}", errors)
            snap = build_snapshot(corpus, now)
        except ArgmapError as exc:
            self._failed(ReloadError(now, exc.message, list(exc.diagnostics)))
            return False
        except Exception as exc:  # a bug or an I/O failure: keep serving, say so in /healthz and the log
            log.exception("reloading %s failed", self.maps_dir)
            self._failed(ReloadError(now, f"{type(exc).__name__}: {exc}", []))
            return False
        current = self._snapshot
        if current is None or current.version != snap.version:
            self._snapshot = snap  # the one atomic swap; readers hold their own reference
        self.last_error = None
        log.info("loaded %d map(s) from %s", len(snap.corpus.maps), self.maps_dir)
        return True

    def _failed(self, error: ReloadError) -> None:
        self.last_error = error
        log.warning("maps not reloaded, the last good ones stay in service: %s", error.message)
        for d in error.diagnostics:
            log.warning("  %s", d)
        if self._snapshot is None:
            self._snapshot = build_snapshot(Corpus(ClaimRegistry(), {}))

    # -- watching ----------------------------------------------------------------------------------------------

    def fingerprint(self) -> Fingerprint:
        """(path, mtime_ns, size) of each map file and of the essays they name; -1s for a missing file."""
        entries: dict[str, tuple[str, int, int]] = {}

        def add(p: Path) -> os.stat_result | None:
            try:
                st = p.stat()
            except (OSError, ValueError):
                entries[str(p)] = (str(p), -1, -1)
                return None
            entries[str(p)] = (str(p), st.st_mtime_ns, st.st_size)
            return st

        try:
            children = sorted(self.maps_dir.iterdir())
        except OSError:
            children = []
            add(self.maps_dir)
        for child in children:
            if child.suffix not in MAP_SUFFIXES:
                continue
            st = add(child)
            if st is not None:
                for src in self._sources_of(child, (st.st_mtime_ns, st.st_size)):
                    add(src)
        return tuple(sorted(entries.values()))

    def _sources_of(self, file: Path, stamp: tuple[int, int]) -> list[Path]:
        cached = self._sources.get(file)
        if cached and cached[0] == stamp:
            return cached[1]
        from argmap.yamlsafe import YamlError, read_yaml_file

        found: list[Path] = []
        try:
            data = read_yaml_file(str(file)).data
        except YamlError:
            data = None
        source = data.get("source") if isinstance(data, dict) else None
        path = source.get("path") if isinstance(source, dict) else None
        if isinstance(path, str):
            found.append(file.parent / path)
        self._sources[file] = (stamp, found)
        return found

    def start(self) -> None:
        """Start the background check (no-op when ``interval`` is 0)."""
        if self.interval <= 0 or self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._watch, name="argmap-reload", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the background check and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check()
            except Exception:  # pragma: no cover - check() records its own failures
                log.exception("checking %s for changes failed", self.maps_dir)

