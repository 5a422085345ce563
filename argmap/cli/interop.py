"""Commands that talk to other argument tools: export."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.common import claims_option, keep_going_option, left_out, open_refs, reports_errors

__all__ = ["export"]

_FORMATS = ["aif", "argdown", "graphml", "json"]


@click.command(name="export")
@click.argument("map_refs", metavar="[MAP]...", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="aif: AIF JSON (AIFdb, OVA, arguebuf); argdown: Argdown text; graphml: GraphML (Gephi, yEd); "
                   "json: networkx node-link JSON.  Default: from --out's extension, else aif.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to FILE (atomically) instead of standard output.")
@claims_option
@keep_going_option
@click.option("--json", "as_json", is_flag=True, help="Errors as JSON (the exports are files already).")
@reports_errors
def export(map_refs: tuple[str, ...], fmt: str | None, out: Path | None, claims: Path | None, keep_going: bool,
           as_json: bool) -> None:
    """Export maps for other argument tools; several maps export as their merged comparison.

    With no MAP, every map of ./maps (else the bundled maps), as every command reads them.

    The format comes from --format, else from --out's extension (.aif.json, .argdown, .graphml, .json),
    else it is aif.  With --keep-going, maps that fail validation are left out (and named), the others exported,
    and the exit status is 1.
    """
    from argmap.exporters import export_text, format_for_path
    from argmap.files.atomic import write_atomic

    if out is not None:
        fmt = format_for_path(out, fmt)
    opened = open_refs(map_refs, claims, keep_going=keep_going)
    text = export_text(opened.corpus.subset(opened.ids), opened.ids, fmt or "aif")
    if out is None:
        from argmap.text.safe import visible

        click.echo(visible(text), nl=False)  # nothing that rings, moves or reorders reaches the terminal
    else:
        write_atomic(out, text)
        click.echo(f"wrote {out}", err=True)
    left_out(opened)
