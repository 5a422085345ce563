"""One router per resource: maps, claims, queries, diagrams, validate, health."""

from __future__ import annotations

from . import claims, diagrams, health, maps, queries, validate

__all__ = ["ALL", "claims", "diagrams", "health", "maps", "queries", "validate"]

ALL = (maps.router, claims.router, queries.router, diagrams.router, validate.router, health.router)
