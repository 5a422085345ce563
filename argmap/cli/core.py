"""Core commands: validate, coverage, schema, show, shared, compare."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.common import claims_option, emit_json, json_option, paths_argument, reports_errors
from argmap.errors import ArgmapError

__all__ = ["compare", "coverage", "schema", "shared", "show", "validate"]


@click.command()
@paths_argument
@claims_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--coverage", "with_coverage", is_flag=True, help="Also report paragraphs no node quotes (as warnings).")
@json_option
def validate(paths: tuple[Path, ...], claims: Path | None, strict: bool, with_coverage: bool, as_json: bool) -> None:
    """Check maps and the claim registry; report every problem as file:line:col.

    PATHS are map files or folders (default: ./maps, else the bundled maps).
    Exit status: 0 valid, 1 on any error (or warning, with --strict).
    """
    from argmap.corpus import check_corpus
    from argmap.coverage import map_coverage
    from argmap.errors import Diagnostic

    corpus, diags = check_corpus(list(paths) or None, claims)
    if with_coverage and corpus is not None:
        for gm in corpus.maps.values():
            for p in map_coverage(gm).uncovered:
                diags.append(Diagnostic(gm.path, 1, 1, f"paragraph {p.number} of {gm.model.source.path} "
                                        f"(line {p.line}) is quoted by no node: {p.text[:60]}…", "warning",
                                        "map it, or list it under 'skip:' with a reason"))
    errors = sum(d.severity == "error" for d in diags)
    warnings = len(diags) - errors
    ok = errors == 0 and not (strict and warnings)
    if as_json:
        emit_json({"valid": ok, "errors": errors, "warnings": warnings,
                   "maps": sorted(corpus.maps) if corpus else [],
                   "diagnostics": [d.to_dict() for d in diags]})
    else:
        for d in diags:
            click.echo(str(d))
        n = len(corpus.maps) if corpus else 0
        verdict = "ok" if ok else "FAILED"
        click.echo(f"{verdict}: {n} map(s) valid, {errors} error(s), {warnings} warning(s)", err=not ok)
    sys.exit(0 if ok else 1)


@click.command()
@paths_argument
@claims_option
@click.option("--all", "show_all", is_flag=True, help="List every paragraph, not only the uncovered ones.")
@json_option
@reports_errors
def coverage(paths: tuple[Path, ...], claims: Path | None, show_all: bool, as_json: bool) -> None:
    """List the paragraphs of each essay that no node quotes."""
    from argmap.corpus import load_corpus
    from argmap.coverage import map_coverage

    reports = [map_coverage(gm) for gm in load_corpus(list(paths) or None, claims).maps.values()]
    if as_json:
        emit_json(reports)
        return
    for r in reports:
        counts = {s: sum(p.status == s for p in r.paragraphs) for s in ("covered", "skipped", "heading", "uncovered")}
        click.echo(f"{r.map} ({r.source}): " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        for p in r.paragraphs if show_all else r.uncovered:
            nodes = f" [{', '.join(p.nodes)}]" if p.nodes else ""
            click.echo(f"  {p.status:9} ¶{p.number} line {p.line}{nodes}: {p.text[:90]}")


@click.command()
@click.option("--registry", is_flag=True, help="The claim registry's schema instead of the map's.")
@click.option("--json", "as_json", is_flag=True, help="Accepted like every command's --json: the output is JSON already.")
def schema(registry: bool, as_json: bool) -> None:
    """Print the JSON Schema of the map (or registry) format (JSON, with or without --json)."""
    from argmap.schema import schema_text

    click.echo(schema_text(registry), nl=False)


@click.command()
@click.argument("map_ref", metavar="MAP")
@claims_option
@json_option
@reports_errors
def show(map_ref: str, claims: Path | None, as_json: bool) -> None:
    """Show a map as an indented outline ('+' supports, '-' attacks)."""
    from argmap.corpus import open_maps
    from argmap.outline import outline, outline_text

    corpus, ids = open_maps([map_ref], claims)
    gm = corpus.get(ids[0])
    items = outline(gm.model)
    if as_json:
        emit_json({"map": gm.id, "title": gm.model.title, "outline": items})
        return
    click.echo(f"{gm.model.title}  [{gm.id}]")
    click.echo(outline_text(items))


@click.command()
@click.argument("maps", nargs=-1, metavar="[MAP]...")
@claims_option
@json_option
@reports_errors
def shared(maps: tuple[str, ...], claims: Path | None, as_json: bool) -> None:
    """List the premises that two or more maps share, with each map's quote."""
    from argmap.corpus import open_maps
    from argmap.queries import shared_premises
    from argmap.report import shared_markdown

    result = shared_premises(open_maps(list(maps), claims)[0])
    if as_json:
        emit_json(result)
    else:
        click.echo(shared_markdown(result), nl=False)


@click.command()
@click.argument("left", metavar="A")
@click.argument("right", metavar="B")
@claims_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the comparative diagram to FILE (.svg, .png, .pdf or .dot).")
@click.option("--focus", default=None, metavar="NODE_OR_CLAIM", help="Diagram: only this neighbourhood.")
@click.option("--depth", type=int, default=None, help="Diagram, with --focus: steps around it (default 1).")
@click.option("--shared-only", is_flag=True, help="Diagram: only the shared claims and each thesis.")
@click.option("--full", is_flag=True, help="Diagram: every statement of both maps.")
@json_option
@reports_errors
def compare(left: str, right: str, claims: Path | None, out: Path | None, focus: str | None, depth: int | None,
            shared_only: bool, full: bool, as_json: bool) -> None:
    """Compare two maps: agreements, disagreements, unique claims, paths.

    With --out, also write the comparative diagram (by default the shared
    claims, each thesis and what links them; see --full, --shared-only, --focus).
    """
    from argmap.corpus import open_maps
    from argmap.queries import compare as run_compare
    from argmap.report import compare_markdown

    corpus, ids = open_maps([left, right], claims)
    if len(ids) != 2:
        raise ArgmapError(f"compare needs two different maps, got '{left}' twice")
    result = run_compare(corpus, ids[0], ids[1])
    if out is not None:
        from argmap.cli.render import write_diagram
        from argmap.render import compare_dot, format_for_path

        format_for_path(out)
        write_diagram(out, compare_dot(corpus, ids, focus=focus, depth=depth, shared_only=shared_only, full=full))
        if not as_json:
            click.echo(f"wrote {out}", err=True)
    if as_json:
        emit_json(result)
    else:
        click.echo(compare_markdown(result), nl=False)
