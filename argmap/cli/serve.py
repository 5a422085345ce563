"""``argmap serve``: run the HTTP API with uvicorn, or answer one request with ``--get``."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from argmap.cli.common import json_option, reports_errors
from argmap.errors import ArgmapError

__all__ = ["serve"]

_SERVICE_MODULES = {"fastapi", "fastapi_offline", "starlette", "uvicorn", "anyio"}


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--maps", "maps_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of maps to serve (default: $ARGMAP_MAPS_DIR, else ./maps, else the bundled maps).")
@click.option("--server-name", "server_names", multiple=True, metavar="NAME",
              help="A name the service is reached by (its Host header), besides the address it listens on; "
                   "repeatable.  Requests for any other name are refused.")
@click.option("--get", "get_path", metavar="PATH", default=None,
              help="Answer one GET request for PATH (e.g. '/maps') without starting a server; print the body.")
@json_option
@reports_errors
def serve(host: str, port: int, maps_dir: Path | None, server_names: tuple[str, ...], get_path: str | None,
          as_json: bool) -> None:
    """Serve the maps over HTTP (JSON API, diagrams, and the classroom site when installed).

    Settings come from ARGMAP_* variables (see the README and
    docs/security.md); --maps wins over ARGMAP_MAPS_DIR.  The maps are
    reloaded when their files change.  Only requests whose Host is the
    listening address (or localhost, on loopback) or a --server-name are
    answered.  With --get, exit status is 0 for a 2xx or 3xx answer and 1
    otherwise.
    """
    import os

    try:
        from argmap_api import Settings, create_app
    except ModuleNotFoundError as exc:
        raise _missing(exc) from None

    if maps_dir is None and not os.environ.get("ARGMAP_MAPS_DIR"):
        from argmap.cli.common import note
        from argmap.corpus.inputs import resolve_inputs

        maps_dir = resolve_inputs([], notify=note).base  # ./maps, else the bundled maps (and a note)
    from argmap.jobs.hosts import allowed_hosts

    settings = Settings.from_env(maps_dir=maps_dir)
    if get_path is None:  # a real server answers only its own names (see argmap.jobs.hosts)
        names = allowed_hosts(host, [*settings.allowed_hosts, *server_names])
        settings = dataclasses.replace(settings, allowed_hosts=tuple(sorted(names)))
    if not settings.maps_dir.is_dir():
        raise ArgmapError(f"no such folder of maps: {settings.maps_dir}")
    app = create_app(settings)
    if get_path is not None:
        from argmap_api.client import asgi_get

        status, headers, body = asgi_get(app, get_path)
        if 300 <= status < 400 and "location" in headers:  # no body to print: say where the answer is
            from argmap.cli.common import note

            note(f"{get_path} answers {status}: it is at {headers['location']}")
        sys.stdout.buffer.write(body)
        if body and not body.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        sys.exit(0 if 200 <= status < 400 else 1)

    try:
        import uvicorn  # noqa: F401
        from argmap_api.serving import run_server
    except ModuleNotFoundError as exc:
        raise _missing(exc) from None

    click.echo(f"argmap: serving {settings.maps_dir} on http://{host}:{port}/ (API docs at /docs)", err=True)
    run_server(app, host, port, read_timeout=settings.read_timeout)


def _missing(exc: ModuleNotFoundError) -> Exception:
    """The HTTP service is an extra: say how to install it (any other missing module is a bug, re-raised)."""
    if (exc.name or "").split(".")[0] not in _SERVICE_MODULES:
        return exc
    return ArgmapError(f"the HTTP service needs {exc.name}, which is not installed; install it with: "
                       "pip install 'argmap[api]'")
