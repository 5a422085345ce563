"""Errors and located diagnostics.

Every problem argmap reports about its input is a :class:`Diagnostic`: a file, a
1-based line and column, a message, and optionally a suggestion.  Functions that
cannot go on raise an :class:`ArgmapError` subclass; the front ends (CLI, API)
turn these into exit codes and problem+json responses.

>>> d = Diagnostic("maps/a.yaml", 3, 5, "unknown node kind 'premis'", hint="did you mean 'premise'?")
>>> str(d)
"maps/a.yaml:3:5: error: unknown node kind 'premis' (did you mean 'premise'?)"
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "ArgmapError",
    "Diagnostic",
    "InvalidInput",
    "InvalidRequest",
    "MapEditError",
    "NotFound",
    "RenderError",
    "RenderTimeout",
    "Severity",
    "WriteFailed",
    "did_you_mean",
    "id_hint",
    "shortened",
]

Severity = Literal["error", "warning"]

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One located problem.  Sorts by file, line, column."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"
    hint: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        from argmap.text.safe import visible

        tail = f" ({self.hint})" if self.hint else ""
        return visible(f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}{tail}")

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict with stable keys."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


class ArgmapError(Exception):
    """Root of argmap's own errors; never shown to a user as a traceback."""

    status = 400

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = list(diagnostics)

    def __str__(self) -> str:
        if not self.diagnostics:
            return self.message
        return "\n".join(str(d) for d in self.diagnostics)


class InvalidInput(ArgmapError):
    """Maps or registry failed validation; ``diagnostics`` says where."""

    status = 422


class InvalidRequest(ArgmapError):
    """A well-formed request that makes no sense: a comparison of one map with itself, a depth without a focus."""

    status = 422


class MapEditError(ArgmapError):
    """An edit of a map file that cannot be made: the file is not readable YAML, an id is unknown, a kind wrong."""

    status = 422


class NotFound(ArgmapError):
    """A map, node or claim id that is not loaded."""

    status = 404

    def __init__(self, what: str, ident: str, known: Iterable[str] = (), *, within: str | None = None) -> None:
        hint = id_hint(ident, known)
        msg = f"unknown {what} '{shortened(ident)}'" + (f" in {within}" if within else "") + (f" ({hint})" if hint else "")
        super().__init__(msg)
        self.what = what
        self.ident = ident


class RenderError(ArgmapError):
    """Graphviz is missing, failed or timed out."""

    status = 500


class RenderTimeout(RenderError):
    """A diagram (or the analysis behind it) took longer than its time limit and was stopped."""

    status = 504


class WriteFailed(ArgmapError):
    """An output file could not be written (disk full, read-only, no permission); the message names the path."""

    status = 500


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """A did-you-mean hint for a misspelt ``word``, or None.

    >>> did_you_mean("premis", ["premise", "thesis"])
    "did you mean 'premise'?"
    >>> did_you_mean("zzz", ["premise"]) is None
    True
    """
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(str(word), pool, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in pool}
        if str(word).lower() in lowered:
            close = [lowered[str(word).lower()]]
    return f"did you mean '{close[0]}'?" if close else None


def shortened(text: str, limit: int = 80) -> str:
    """``text`` as an error message repeats it: whole up to ``limit`` characters, else its start and "…".

    An id or a path a user typed comes back in the message, but a 100,000-character one must not.

    >>> shortened("P9"), shortened("x" * 100, 5)
    ('P9', 'xxxxx…')
    """
    return text if len(text) <= limit else text[:limit] + "…"


def id_hint(ident: str, known: Iterable[str], *, limit: int = 8) -> str | None:
    """A hint for an unknown id: did-you-mean, else the known ids with the same letters in front.

    Short ids such as ``P9`` are too short for a did-you-mean (``P1`` is as close as ``P8``),
    so the hint lists the ids of that family instead, in natural order.

    >>> id_hint("P9", ["T", "P1", "P2", "P10", "E1"])
    'ids starting with P: P1, P2, P10'
    >>> id_hint("Q1", ["T", "P1"]) is None
    True
    >>> id_hint("Premise3", ["T", "premise3"])
    "did you mean 'premise3'?"
    """
    close = did_you_mean(ident, known)
    if close:
        return close
    head = _LETTERS.match(str(ident))
    if head is None:
        return None
    family = sorted({k for k in known if re.match(rf"{re.escape(head.group())}\d", k)}, key=_natural)
    if not family:
        return None
    more = f" and {len(family) - limit} more" if len(family) > limit else ""
    return f"ids starting with {head.group()}: {', '.join(family[:limit])}{more}"


def _natural(text: str) -> tuple[object, ...]:
    """Sort key that puts P2 before P10."""
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))
