"""One router per resource: maps, claims, queries, suggestions, diagrams, lessons, validate, health."""

from __future__ import annotations

from . import claims, diagrams, health, lessons, maps, queries, suggest, validate

__all__ = ["ALL", "claims", "diagrams", "health", "lessons", "maps", "queries", "suggest", "validate"]

ALL = (maps.router, claims.router, queries.router, suggest.router, diagrams.router, lessons.router, validate.router,
       health.router)
