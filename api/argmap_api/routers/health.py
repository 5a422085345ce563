"""``/healthz`` and ``/version``."""

from __future__ import annotations

from fastapi import APIRouter

from argmap import __version__

from ..deps import StoreDep
from ..models import DiagnosticOut, Health, ReloadErrorOut, Version
from ..snapshot import iso_time

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="Liveness and what is loaded")
async def healthz(store: StoreDep) -> Health:
    """``ok``, how many maps are in service, and the last reload error (with located diagnostics) if the last
    reload failed.  Always 200 while the service runs: after a failed reload the last good maps stay in service.
    """
    snapshot = store.snapshot
    err = store.last_error
    error = None if err is None else ReloadErrorOut(
        at=iso_time(err.at), message=err.message,
        diagnostics=[DiagnosticOut.of(d) for d in err.diagnostics])
    return Health(ok=err is None, maps=len(snapshot.corpus.maps), map_ids=list(snapshot.corpus.maps),
                  snapshot=snapshot.version,
                  loaded_at=None if snapshot.loaded_at is None else iso_time(snapshot.loaded_at),
                  last_reload_error=error,
                  warnings=[DiagnosticOut(**d.to_dict()) for d in store.warnings])  # type: ignore[arg-type]


@router.get("/version", response_model=Version, summary="Name and version (a trivial route)")
async def version() -> Version:
    """The service's name and version."""
    return Version(name="argmap", version=__version__)
