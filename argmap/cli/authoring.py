"""Authoring commands: new (a starting map of an essay) and preview (the map redrawn on every save)."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.common import claims_option, emit_json, json_option, reports_errors
from argmap.errors import ArgmapError

__all__ = ["new", "preview"]


@click.command(name="new")
@click.argument("essay", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "map_id", default=None, help="The map's id (default: from the essay's file name).")
@click.option("--title", default=None, help="The map's title (default: the essay's first line if short, else its name).")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The map file to write (default: maps/ID.yaml).")
@click.option("--copy-essay", is_flag=True, help="Copy the essay into the seeds/ folder beside the maps folder.")
@click.option("--force", is_flag=True, help="Overwrite an existing map (or a different essay copy).")
@json_option
@reports_errors
def new(essay: Path, map_id: str | None, title: str | None, out: Path | None, copy_essay: bool, force: bool,
        as_json: bool) -> None:
    """Write a starting map of ESSAY: metadata, source path and sha256, one commented skeleton per paragraph.

    The essay belongs in seeds/ beside the maps folder (maps/x.yaml reads
    ../seeds/x.txt); --copy-essay puts it there.  Then uncomment a thesis and
    run `argmap validate MAP` (or `argmap preview MAP` to watch it as you edit).
    """
    from argmap.files.atomic import write_atomic
    from argmap.jobs.new_map import map_id_for, plan_new_map

    target = out or Path("maps") / f"{map_id or map_id_for(essay.name)}.yaml"
    if target.exists() and not force:
        raise ArgmapError(f"{target} exists already; --force overwrites it")
    plan = plan_new_map(essay, target, map_id=map_id, title=title, copy_essay=copy_essay)
    if plan.essay_copy is not None:
        data = essay.read_bytes()
        if plan.essay_copy.exists() and plan.essay_copy.read_bytes() != data and not force:
            raise ArgmapError(f"{plan.essay_copy} exists and differs from {essay}; --force overwrites it")
        write_atomic(plan.essay_copy, data)
    write_atomic(target, plan.text)
    for note in plan.notes:
        click.echo(f"argmap: warning: {note}", err=True)
    if as_json:
        emit_json({"out": str(target), "essay_copy": str(plan.essay_copy) if plan.essay_copy else None,
                   "notes": plan.notes})
    else:
        if plan.essay_copy is not None:
            click.echo(f"copied {essay} to {plan.essay_copy}")
        click.echo(f"wrote {target}; uncomment a thesis, then `argmap validate {target}` "
                   f"(or `argmap preview {target}`)")


@click.command()
@click.argument("map_ref", metavar="MAP")
@claims_option
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port on 127.0.0.1.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@json_option
@reports_errors
def preview(map_ref: str, claims: Path | None, port: int, open_browser: bool, as_json: bool) -> None:
    """Serve a page on 127.0.0.1 that redraws MAP on every save: diagram, errors, coverage.

    MAP is a map file, or a map id.  The page updates within a second of each
    save (the file is polled every 0.2 s; the page listens on a Server-Sent
    Events stream).  Ctrl-C stops it.
    """
    from argmap.cli.common import note
    from argmap.corpus.inputs import resolve_inputs
    from argmap.jobs.preview import serve_preview

    sources = resolve_inputs([map_ref], notify=note).sources
    map_file = sources[0]
    if not map_file.is_file():
        raise ArgmapError(f"preview watches one map file; '{map_ref}' is not one")
    def announce(url: str) -> None:
        if as_json:
            emit_json({"map": str(map_file), "url": url})
        else:
            click.echo(f"argmap: previewing {map_file} at {url} (Ctrl-C stops)", err=True)

    serve_preview(map_file, claims=claims, port=port, open_browser=open_browser, announce=announce)
