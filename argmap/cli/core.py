"""Core commands: validate, coverage, schema, show, shared, compare."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.common import (
    check_refs,
    claims_option,
    emit_json,
    json_option,
    open_refs,
    paths_argument,
    reports_errors,
)

__all__ = ["compare", "coverage", "schema", "shared", "show", "validate"]


@click.command()
@paths_argument
@claims_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--coverage", "with_coverage", is_flag=True, help="Also report paragraphs no node quotes (as warnings).")
@json_option
@reports_errors
def validate(paths: tuple[str, ...], claims: Path | None, strict: bool, with_coverage: bool, as_json: bool) -> None:
    """Check maps and the claim registry; report every problem as file:line:col.

    MAPs are map ids, files, folders, or - for a map on standard input (default:
    ./maps, else the bundled maps).  Exit status: 0 valid, 1 on any error (or
    warning, with --strict).
    """
    corpus, diags, _ = check_refs(paths, claims)
    if with_coverage and corpus is not None:
        from argmap.queries.coverage import coverage_warnings  # its report models cost start-up time: only with --coverage

        diags += [d for gm in corpus.maps.values() for d in coverage_warnings(gm)]
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
def coverage(paths: tuple[str, ...], claims: Path | None, show_all: bool, as_json: bool) -> None:
    """List the paragraphs of each essay that no node quotes (its sentences, for an essay of under five paragraphs)."""
    from argmap.queries.coverage import coverage_line, map_coverage
    from argmap.text.safe import visible

    opened = open_refs(paths, claims)
    reports = [map_coverage(opened.corpus.get(i)) for i in opened.ids]
    if as_json:
        emit_json(reports)
        return
    for r in reports:
        click.echo(coverage_line(r))
        for p in r.paragraphs if show_all else r.uncovered:
            nodes = f" [{', '.join(p.nodes)}]" if p.nodes else ""
            click.echo(visible(f"  {p.status:9} {r.mark}{p.number} line {p.line}{nodes}: {p.text[:90]}"))


@click.command()
@click.option("--registry", is_flag=True, help="The claim registry's schema instead of the map's.")
@click.option("--json", "as_json", is_flag=True, help="Accepted like every command's --json: the output is JSON already.")
def schema(registry: bool, as_json: bool) -> None:
    """Print the JSON Schema of the map (or registry) format (JSON, with or without --json)."""
    from argmap.format.schema import schema_text

    click.echo(schema_text(registry), nl=False)


@click.command()
@click.argument("map_ref", metavar="MAP")
@claims_option
@json_option
@reports_errors
def show(map_ref: str, claims: Path | None, as_json: bool) -> None:
    """Show a map as an indented outline ('+' supports, '-' attacks)."""
    from argmap.exporters.outline import outline, outline_text

    opened = open_refs([map_ref], claims)
    gm = opened.corpus.get(opened.exactly(1, "show")[0])
    items = outline(gm.model)
    if as_json:
        emit_json({"map": gm.id, "title": gm.model.title, "outline": items})
        return
    from argmap.text.safe import visible

    click.echo(visible(f"{gm.model.title}  [{gm.id}]"))  # a title or text never rings, moves or reorders
    click.echo(visible(outline_text(items)))


@click.command()
@click.argument("maps", nargs=-1, metavar="[MAP]...")
@click.option("--premises-only", is_flag=True, help="Only claims two or more maps use as a premise or as evidence.")
@claims_option
@json_option
@reports_errors
def shared(maps: tuple[str, ...], premises_only: bool, claims: Path | None, as_json: bool) -> None:
    """List the claims that two or more maps share, with each map's quote; the theses' claims first.

    Every kind of node counts (thesis, premise, objection, ...); --premises-only
    keeps the claims used as a premise or as evidence (GET /shared-premises).
    """
    from argmap.exporters.report import shared_markdown
    from argmap.queries.comparison import shared_claims, shared_premises

    opened = open_refs(maps, claims)
    result = (shared_premises if premises_only else shared_claims)(opened.corpus, opened.ids)
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
    from argmap.exporters.report import compare_markdown
    from argmap.queries.comparison import compare as run_compare

    opened = open_refs([left, right], claims)
    corpus, ids = opened.corpus, opened.exactly(2, "compare")
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
