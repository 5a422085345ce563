"""argmap's HTTP API: a FastAPI app over the loaded maps.

Build it with :func:`create_app` and :class:`Settings` (or ``Settings.from_env()``
for the ``ARGMAP_*`` variables); ``argmap serve`` runs it with uvicorn.
"""

from __future__ import annotations

from .app import create_app, create_app_from_env
from .settings import Settings

__all__ = ["Settings", "create_app", "create_app_from_env"]
