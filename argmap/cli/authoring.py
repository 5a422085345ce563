"""Authoring commands: new (a starting map of an essay) and preview (the map redrawn on every save)."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.common import claims_option, emit_json, json_option, reports_errors
from argmap.errors import ArgmapError

__all__ = ["new", "preview"]


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is below it (what the user would type)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


@click.command(name="new")
@click.argument("essay", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "map_id", default=None, help="The map's id (default: from the essay's file name).")
@click.option("--title", default=None, help="The map's title (default: the essay's first line if it is a heading, "
              "else its file name).")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The map file to write (default: maps/ID.yaml).")
@click.option("--copy-essay", is_flag=True, hidden=True)  # the default now; kept so that older scripts still run
@click.option("--force", is_flag=True, help="Overwrite an existing map (or an essay copy in seeds/ that no map reads).")
@json_option
@reports_errors
def new(essay: Path, map_id: str | None, title: str | None, out: Path | None, copy_essay: bool, force: bool,
        as_json: bool) -> None:
    """Write a starting map of ESSAY: metadata, source path and sha256, one commented skeleton per paragraph.

    A map reads its essay from the seeds/ folder beside the maps folder
    (maps/x.yaml reads ../seeds/x.txt); an essay anywhere else is copied there.
    Then run `argmap preview MAP`: select passages of the essay to make nodes,
    starting with the thesis (or uncomment skeletons in the file).
    """
    from argmap.files.atomic import write_atomic
    from argmap.jobs.new_map import map_id_for, plan_new_map

    target = out or Path("maps") / f"{map_id or map_id_for(essay.name)}.yaml"
    if target.exists() and not force:
        raise ArgmapError(f"{target} exists already; --force overwrites it")
    plan = plan_new_map(essay, target, map_id=map_id, title=title, force=force)
    if plan.essay_copy is not None:
        write_atomic(plan.essay_copy, essay.read_bytes())
    write_atomic(target, plan.text)
    shown = _shown(target)
    nxt = f"argmap preview {shown}"
    if as_json:
        emit_json({"out": str(target), "essay_copy": str(plan.essay_copy) if plan.essay_copy else None,
                   "notes": plan.notes, "next": nxt})
        return
    if plan.essay_copy is not None:
        click.echo(f"copied {essay} to {_shown(plan.essay_copy)} (a map reads its essay from the seeds/ folder "
                   "beside the maps folder)")
        for reason in plan.notes[1:]:
            click.echo(reason)
    click.echo(f"wrote {shown}")
    click.echo(f"next: `{nxt}`, then select passages of the essay to make nodes, starting with the thesis "
               f"(or uncomment skeletons in {shown}; `argmap validate {shown}` checks it)")


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
    from argmap.cli.preview_server import serve_preview
    from argmap.corpus.inputs import resolve_inputs

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
