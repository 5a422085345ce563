"""``argmap import``: convert files from other argument formats into maps, essays and registry stubs."""

from __future__ import annotations

import sys
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
    """Import FILE... (or the recognised files in a folder and its subfolders) as argmap maps under --out.

    The format of each file is detected (arg-microtexts XML, AIF JSON) from its name's ending and its contents.
    Every file that converts into a map argmap validate accepts is written, even when others fail; each failure
    is reported with its location, and the exit status is 1 when any input failed.  A file of a format's name
    ending that is empty or not UTF-8 text is skipped with a warning.  Identical files already there are left
    alone; a different one stops the import, unless --force.
    """
    from argmap.errors import InvalidInput
    from argmap.files.atomic import refuse_output_inside
    from argmap.importers.run import convert_files, plan_files, write_plan

    refuse_output_inside(out, [])  # never / or a system folder
    done = convert_files(files)
    if not done.maps and done.failed:
        raise InvalidInput(f"nothing imported: {len(done.failed)} input(s) failed", done.problems)
    written = write_plan(out, plan_files(done.maps), force=force)
    failed = done.failed
    if as_json:
        emit_json({"maps": [{"id": m.map_id, "group": m.group or "maps"} for m in done.maps],
                   "files": [vars(f) for f in written], "failed": failed,
                   "diagnostics": [d.to_dict() for d in done.problems]})
    else:
        for f in written:
            if f.status == "written":
                click.echo(f.path)
        for d in done.problems:
            click.echo(str(d), err=True)
        groups = {m.group or "maps" for m in done.maps}
        fresh = sum(f.status == "written" for f in written)
        notes = sum(d.severity == "warning" for d in done.problems)
        tail = f"; {notes} note(s)" if notes else ""
        tail += f"; {len(failed)} input(s) failed (see above)" if failed else ""
        click.echo(f"imported {len(done.maps)} map(s) into {len(groups)} folder(s) under {out}: "
                   f"{fresh} file(s) written, {len(written) - fresh} unchanged{tail}")
    if failed:
        sys.exit(1)
