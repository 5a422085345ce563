"""One consistent load of the maps: a :class:`Snapshot` is a loaded :class:`~argmap.corpus.load.Corpus` plus what the
hot routes need precomputed (their JSON bodies) and a small cache for the rest.  It never changes once built;
:mod:`argmap_api.store` swaps in a new one when the files change.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> snap = build_snapshot(load_corpus([bundled_maps_dir()]))
>>> snap.body("map/enforcer")[:17], len(snap.version)
(b'{"id":"enforcer",', 64)
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from argmap.corpus.load import Corpus

from .models import ClaimInfo, MapListItem
from .work import Gate, Results

__all__ = ["MISSING", "Memo", "Snapshot", "build_snapshot", "iso_time"]

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
    >>> m.put("a", 1); m.put("b", 2); m.put("c", 3)
    >>> m.get("a") is MISSING, m.get("c")
    (True, 3)
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
    memo: Memo = field(default_factory=Memo, compare=False)  # answers by URL (see argmap_api.cache)
    results: Results = field(default_factory=lambda: Results(Gate()), compare=False)  # see argmap_api.work

    def body(self, key: str) -> bytes | None:
        """A precomputed JSON body: ``maps``, ``claims``, ``shared``, ``map/<id>``."""
        return self.bodies.get(key)


def _version(corpus: Corpus) -> str:
    h = hashlib.sha256(corpus.registry.model_dump_json().encode())
    for gm in corpus.maps.values():
        h.update(b"\0map\0" + gm.model.model_dump_json().encode() + b"\0essay\0" + gm.essay.text.encode())
    return h.hexdigest()


def build_snapshot(corpus: Corpus, loaded_at: float | None = None, gate: Gate | None = None) -> Snapshot:
    """A snapshot of ``corpus`` with the hot routes' JSON bodies computed; its heavy work queues at ``gate``."""
    from argmap.queries.comparison import shared_premises

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
    return Snapshot(corpus, _version(corpus), loaded_at, essays, bodies, results=Results(gate or Gate()))
