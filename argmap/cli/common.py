"""Helpers shared by the CLI commands: options, JSON output, error handling."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap.errors import ArgmapError, InvalidInput

__all__ = [
    "check_refs",
    "claims_option",
    "emit_json",
    "json_option",
    "keep_going_option",
    "left_out",
    "maps_argument",
    "note",
    "open_refs",
    "paths_argument",
    "reports_errors",
    "to_jsonable",
]

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
claims_option = click.option(
    "--claims", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The shared-claim registry (default: claims.yaml beside the maps).")
paths_argument = click.argument("paths", nargs=-1, metavar="[MAP]...")
"""Map ids, map files, folders of maps, or ``-`` (a map on standard input); see :mod:`argmap.corpus.inputs`."""
maps_argument = paths_argument

if TYPE_CHECKING:
    from argmap.checks.grounded import GroundedMap
    from argmap.corpus.inputs import Opened, Resolved
    from argmap.corpus.load import Corpus
    from argmap.errors import Diagnostic


def note(text: str) -> None:
    """A note for the user, on stderr: ``argmap: TEXT``."""
    click.echo(f"argmap: {text}", err=True)


def _stdin_for(refs: Sequence[str]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in refs else None


def open_refs(refs: Sequence[str], claims: Path | None = None, *, strict: bool = False,
              on_map: Callable[[GroundedMap], None] | None = None, keep_going: bool = False) -> Opened:
    """The maps the arguments name (:func:`argmap.corpus.inputs.open_inputs`), notes printed on stderr; with
    ``keep_going``, the problems of the maps left out are printed on stderr too."""
    from argmap.corpus.inputs import open_inputs

    opened = open_inputs([str(r) for r in refs], claims, strict=strict, stdin=_stdin_for(refs), notify=note,
                         on_map=on_map, keep_going=keep_going)
    for d in opened.failed:
        click.echo(str(d), err=True)
    return opened


def left_out(opened: Opened) -> None:
    """After the valid maps' work is done: name the maps left out (``--keep-going``) and exit with status 1."""
    if opened.failed_paths:
        n = len(opened.failed_paths)
        note(f"{n} map{' failed and was' if n == 1 else 's failed and were'} left out: {', '.join(opened.failed_paths)}")
        sys.exit(1)


keep_going_option = click.option(
    "--keep-going", is_flag=True,
    help="When some maps fail validation, go on with the others; the failed ones are named and the exit status is 1.")


def check_refs(refs: Sequence[str], claims: Path | None = None) -> tuple[Corpus | None, list[Diagnostic], Resolved]:
    """Like :func:`open_refs`, but every diagnostic returned (:func:`argmap.corpus.inputs.check_inputs`), and the maps
    that pass even when others fail."""
    from argmap.corpus.inputs import check_inputs

    return check_inputs([str(r) for r in refs], claims, stdin=_stdin_for(refs), notify=note, partial=True)


def to_jsonable(obj: Any) -> Any:
    """Pydantic models and plain containers to JSON-ready values."""
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json", by_alias=True)
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj


def emit_json(obj: Any) -> None:
    """Stable JSON on stdout: indented, UTF-8, keys in model order."""
    click.echo(json.dumps(to_jsonable(obj), indent=2, ensure_ascii=False))


def reports_errors(fn: F) -> F:
    """Turn argmap's errors into a message on stderr and exit status 1 (JSON with ``--json``)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ArgmapError as exc:
            if kwargs.get("as_json"):
                emit_json({"error": exc.message, "status": exc.status,
                           "diagnostics": [d.to_dict() for d in exc.diagnostics]})
            else:
                if isinstance(exc, InvalidInput):
                    for d in exc.diagnostics:
                        click.echo(str(d), err=True)
                click.echo(f"argmap: {exc.message}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
