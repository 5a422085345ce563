"""Helpers shared by the CLI commands: options, JSON output, error handling."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from argmap.errors import ArgmapError, InvalidInput

__all__ = ["claims_option", "emit_json", "json_option", "paths_argument", "reports_errors", "to_jsonable"]

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
claims_option = click.option(
    "--claims", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The shared-claim registry (default: claims.yaml beside the maps).")
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


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
