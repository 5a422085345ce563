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
from argmap.errors import ArgmapError

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
    from argmap.checks.validate import verdict
    from argmap.corpus.inputs import valid_maps

    corpus, diags, _ = check_refs(paths, claims)
    if with_coverage and corpus is not None:
        from argmap.queries.coverage import coverage_warnings  # its report models cost start-up time: only with --coverage

        diags += [d for gm in corpus.maps.values() for d in coverage_warnings(gm)]
    errors = sum(d.severity == "error" for d in diags)
    warnings = len(diags) - errors
    valid = valid_maps(corpus, diags, strict)
    ok, summary = verdict(len(valid), errors, warnings, strict=strict)
    if as_json:
        emit_json({"valid": ok, "errors": errors, "warnings": warnings, "maps": valid,
                   "diagnostics": [d.to_dict() for d in diags]})
    else:
        for d in diags:
            click.echo(str(d))
        click.echo(summary, err=not ok)
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
@click.argument("maps", nargs=-1, metavar="A B [C]...")
@claims_option
@click.option("--topic", "as_topic", is_flag=True,
              help="The topic report (a grid of claims by essay) even for two maps.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "text"]), default="markdown", show_default=True,
              help="The topic report as Markdown or as plain text.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the comparative diagram to FILE (.svg, .png, .pdf or .dot).")
@click.option("--focus", default=None, metavar="NODE_OR_CLAIM", help="Diagram: only this neighbourhood.")
@click.option("--depth", type=int, default=None, help="Diagram, with --focus: steps around it (default 1).")
@click.option("--shared-only", is_flag=True, help="Diagram: only the shared claims and each thesis.")
@click.option("--full", is_flag=True, help="Diagram: every statement of both maps.")
@json_option
@reports_errors
def compare(maps: tuple[str, ...], claims: Path | None, as_topic: bool, fmt: str, out: Path | None,
            focus: str | None, depth: int | None, shared_only: bool, full: bool, as_json: bool) -> None:
    """Compare two maps (agreements, contradictions, differences, unique claims, paths), or a whole topic.

    For three or more maps (or with --topic): each essay's stance on the topic
    question, a grid of the claims two or more essays make with each essay's
    relation to each (+ affirms, - denies, ~ differs, . absent), the objections
    each essay leaves unanswered, and the claims only one essay makes.

    With --out, also write the comparative diagram (by default the shared
    claims, each thesis and what links them; see --full, --shared-only, --focus);
    for three or more maps, the topic diagram.
    """
    opened = open_refs(maps, claims)
    corpus, ids = opened.corpus, opened.ids
    if len(ids) < 3 and not as_topic:
        if fmt != "markdown":
            raise ArgmapError("--format text is for the topic report (three or more maps, or --topic)")
        ids = opened.exactly(2, "compare")
    if out is not None:
        from argmap.cli.render import write_diagram
        from argmap.render import View, compare_dot, format_for_path

        format_for_path(out)
        view = View(focus, depth, shared_only, full)
        if len(ids) < 3:
            dot = compare_dot(corpus, ids, view)
        else:
            from argmap.render.topic.diagram import topic_dot

            dot = topic_dot(corpus, ids, view)
        write_diagram(out, dot)
        if not as_json:
            click.echo(f"wrote {out}", err=True)
    if len(ids) < 3 and not as_topic:
        from argmap.exporters.report import compare_markdown
        from argmap.queries.comparison import compare as run_compare

        result = run_compare(corpus, ids[0], ids[1])
        if as_json:
            emit_json(result)
        else:
            click.echo(compare_markdown(result), nl=False)
        return
    from argmap.exporters.topic import topic_markdown, topic_text
    from argmap.queries.topic import compare_topic

    topic = compare_topic(corpus, ids)
    if as_json:
        emit_json(topic)
    else:
        click.echo((topic_text if fmt == "text" else topic_markdown)(topic), nl=False)
