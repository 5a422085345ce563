"""One router per resource: maps, claims, queries, suggestions, diagrams, validate, health."""

from __future__ import annotations

from . import claims, diagrams, health, maps, queries, suggest, validate

__all__ = ["ALL", "claims", "diagrams", "health", "maps", "queries", "suggest", "validate"]

ALL = (maps.router, claims.router, queries.router, suggest.router, diagrams.router, validate.router, health.router)
