"""``argmap suggest``: statements of two maps that may state one proposition; bindings that look forced."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.common import claims_option, emit_json, json_option, open_refs, reports_errors
from argmap.errors import ArgmapError
from argmap.text.safe import visible

__all__ = ["suggest"]


@click.command()
@click.argument("maps", nargs=-1, metavar="[A B]")
@claims_option
@click.option("--all", "include_bound", is_flag=True, help="Also list pairs already bound to a common claim.")
@click.option("--check-registry", is_flag=True,
              help="Instead, list bindings whose mentions look unrelated (a possible forced merge).")
@json_option
@reports_errors
def suggest(maps: tuple[str, ...], claims: Path | None, include_bound: bool, check_registry: bool,
            as_json: bool) -> None:
    """Propose pairs of statements, one from each of maps A and B, that may state one proposition.

    Best first, each with a score and why (the content words they share, the
    registry claim both come near).  Pairs already bound to a common claim are
    left out unless --all.  With --check-registry, list instead the bindings
    whose mentions look unrelated, in the maps given (ids, files or folders;
    default: all).
    """
    from argmap.suggest.align import BindingCheck, Suggestions, check_bindings
    from argmap.suggest.align import suggest as run

    if check_registry:
        opened = open_refs(maps, claims)
        corpus = opened.corpus.subset(opened.ids)
        check = BindingCheck(bindings=check_bindings(corpus))
        if as_json:
            emit_json(check)
            return
        for bad in check.bindings:
            click.echo(visible(f"{bad.claim}: {bad.left.map}:{bad.left.node} ~ {bad.right.map}:{bad.right.node}  "
                               f"{bad.score:.3f}  {bad.why}"))
        click.echo(f"{len(check.bindings)} binding(s) look unrelated", err=True)
        return
    if len(maps) != 2:
        raise ArgmapError(f"suggest needs two maps, A and B (got {len(maps)}); or use --check-registry")
    opened = open_refs(maps, claims)
    corpus, ids = opened.corpus, opened.exactly(2, "suggest")
    result = Suggestions(suggestions=run(corpus, ids[0], ids[1], include_bound=include_bound))
    if as_json:
        emit_json(result)
        return
    left, right = corpus.get(ids[0]).model, corpus.get(ids[1]).model
    for s in result.suggestions:
        a, b = left.node(s.left.node), right.node(s.right.node)
        # Map text never rings, moves or reorders the terminal (argmap.text.safe).
        click.echo(visible(f"{s.score:.3f}  {s.left.map}:{s.left.node} ~ {s.right.map}:{s.right.node}  ({s.why})"))
        click.echo(visible(f"       {s.left.node}: {a.text if a else ''}"))
        click.echo(visible(f"       {s.right.node}: {b.text if b else ''}"))
