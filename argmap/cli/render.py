"""Diagram commands: render (one map) and build (the main job: every diagram and report)."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from argmap.cli.common import (
    claims_option,
    emit_json,
    json_option,
    keep_going_option,
    left_out,
    open_refs,
    paths_argument,
    reports_errors,
)
from argmap.corpus.pairs import PAIR_LIMIT  # a constant from a light module: --help stays fast

__all__ = ["build", "render", "write_diagram"]

focus_option = click.option("--focus", default=None, metavar="ID",
                            help="Draw only the neighbourhood of this node, relation or shared claim.")
depth_option = click.option("--depth", type=int, default=None,
                            help="With --focus: how many steps around it (default 1).")


def write_diagram(out: Path, dot: str) -> dict[str, object]:
    """Write ``dot`` to ``out`` as the format its extension names (atomically); what was written."""
    from argmap.files.atomic import write_atomic
    from argmap.render import format_for_path, render_bytes

    fmt = format_for_path(out)
    data = dot.encode("utf-8") if fmt == "dot" else render_bytes(dot, fmt)  # type: ignore[arg-type]
    write_atomic(out, data)
    return {"path": str(out), "format": fmt, "bytes": len(data)}


@click.command()
@click.argument("map_ref", metavar="MAP")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: .svg, .png, .pdf, or .dot (the Graphviz source).")
@focus_option
@depth_option
@click.option("--pages", is_flag=True,
              help="A PDF with one page per line of argument into the thesis, each printing large on A4.")
@claims_option
@json_option
@reports_errors
def render(map_ref: str, out: Path, focus: str | None, depth: int | None, pages: bool, claims: Path | None,
           as_json: bool) -> None:
    """Draw one map's diagram: thesis on top, support flowing upward.

    MAP is a map id or a map file's path.  The format follows the extension of --out.
    """
    from argmap.render import View, format_for_path, map_dot

    fmt = format_for_path(out)  # a bad extension fails before any work
    if pages:
        from argmap.render.map.pages import check_paged

        check_paged(fmt, focus)
    opened = open_refs([map_ref], claims)
    ids = opened.exactly(1, "render")
    if pages:
        from argmap.files.atomic import write_atomic
        from argmap.render.map.pages import map_pages_pdf

        data = map_pages_pdf(opened.corpus.get(ids[0]))
        write_atomic(out, data)
        wrote: dict[str, object] = {"path": str(out), "format": fmt, "bytes": len(data)}
    else:
        wrote = write_diagram(out, map_dot(opened.corpus.get(ids[0]), View(focus=focus, depth=depth)))
    if as_json:
        emit_json({"map": ids[0], **wrote})
    else:
        click.echo(f"wrote {out}", err=True)


_BUILD_HELP = f"""The main job: validate every map, then write every diagram and report.

    Writes maps/<id>.svg for each map, shared.md and shared.json; with up to {PAIR_LIMIT} maps, also
    compare/<a>--<b>.svg|.md|.json for each pair and, with three or more, compare/all.svg
    (a larger corpus gets no compare/ folder: `argmap compare A B --out` writes the pairs you want).
    Warnings fail validation here, as with `argmap validate --strict`.
    --out may not be the folder of the maps or of their essays, be inside one, or hold one;
    nor / or a system folder.
    The files are the same bytes whatever --jobs is.  With --keep-going, a map that fails is left out (and
    named) and the others' files are written; the exit status is then 1.
    """


@click.command(help=_BUILD_HELP)  # built from PAIR_LIMIT, the limit build_plan applies, so the two cannot drift
@paths_argument
@claims_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True,
              help="The folder to write into.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Run N `dot` processes at once (default: one per CPU).")
@keep_going_option
@json_option
@reports_errors
def build(paths: tuple[str, ...], claims: Path | None, out: Path, jobs: int | None, keep_going: bool,
          as_json: bool) -> None:
    """The main job: validate every map, then write every diagram and report (its help: ``_BUILD_HELP``)."""
    import sys

    from argmap.files.atomic import refuse_output_inside, source_folders, write_atomic
    from argmap.jobs.build import EarlyDiagrams, build_outputs, build_plan

    files = []
    with EarlyDiagrams(jobs) as early:  # diagrams start rendering while the later maps are still checked
        opened = open_refs(paths, claims, strict=True, on_map=early.offer, keep_going=keep_going)
        corpus = opened.corpus.subset(opened.ids)
        refuse_output_inside(out, source_folders(corpus))
        total = len(build_plan(corpus))
        with _progress(total, enabled=sys.stderr.isatty()) as advance:
            for rel, data in build_outputs(corpus, jobs=jobs, early=early):
                write_atomic(out / rel, data)
                files.append({"path": rel, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
                advance(rel)
    if as_json:
        emit_json({"out": str(out), "maps": sorted(corpus.maps), "files": files, "failed": opened.failed_paths})
    else:
        for f in files:
            click.echo(f"wrote {out / str(f['path'])}")
        click.echo(f"ok: {len(corpus.maps)} map(s), {len(files)} file(s) in {out}")
    left_out(opened)


@contextlib.contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A rich progress bar on a terminal; nothing elsewhere (rich is then not even imported: it costs ~20 ms)."""
    if not enabled:
        yield lambda rel: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("building", total=total)

        def advance(rel: str) -> None:
            progress.update(task, description=rel, advance=1)

        yield advance
