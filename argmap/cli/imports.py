"""``argmap import``: convert files from other argument formats into maps, essays and registry stubs."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.common import emit_json, json_option, reports_errors

__all__ = ["import_cmd"]


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write into: OUT/<topic>/<id>.yaml, OUT/seeds/<essay>, OUT/<topic>/claims.yaml.")
@click.option("--force", is_flag=True, help="Replace files that exist with different content.")
@json_option
@reports_errors
def import_cmd(files: tuple[Path, ...], out: Path, force: bool, as_json: bool) -> None:
    """Import FILE... (or the recognised files in a folder) as argmap maps under --out.

    The format of each file is detected (arg-microtexts XML, and any other registered format).
    Identical files already there are left alone; a different one stops the import, unless --force.
    """
    from argmap.files.atomic import refuse_output_inside
    from argmap.importers.run import convert_files, plan_files, write_plan

    refuse_output_inside(out, [])  # never / or a system folder
    maps = convert_files(files)
    written = write_plan(out, plan_files(maps), force=force)
    if as_json:
        emit_json({"maps": [{"id": m.map_id, "group": m.group or "maps"} for m in maps],
                   "files": [vars(f) for f in written]})
        return
    for f in written:
        if f.status == "written":
            click.echo(f.path)
    groups = {m.group or "maps" for m in maps}
    fresh = sum(f.status == "written" for f in written)
    click.echo(f"imported {len(maps)} map(s) into {len(groups)} folder(s) under {out}: "
               f"{fresh} file(s) written, {len(written) - fresh} unchanged")
