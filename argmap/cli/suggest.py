"""``argmap suggest``: statements of two maps, or groups across N maps, that may state one proposition; bindings that
look forced; a draft registry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.common import claims_option, emit_json, json_option, open_refs, reports_errors
from argmap.errors import ArgmapError
from argmap.text.safe import visible

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["suggest"]


@click.command()
@click.argument("maps", nargs=-1, metavar="[A B [C]...]")
@claims_option
@click.option("--all", "include_bound", is_flag=True, help="Also list pairs (groups) already bound to a common claim.")
@click.option("--groups", "as_groups", is_flag=True, help="Groups of statements even for two maps.")
@click.option("--write-registry", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="Write the groups as a draft registry to FILE for the curator to edit (never over a file, "
                   "unless --force).")
@click.option("--force", is_flag=True, help="With --write-registry: replace FILE if it exists.")
@click.option("--check-registry", is_flag=True,
              help="Instead, list bindings whose mentions look unrelated (a possible forced merge).")
@json_option
@reports_errors
def suggest(maps: tuple[str, ...], claims: Path | None, include_bound: bool, as_groups: bool,
            write_registry: Path | None, force: bool, check_registry: bool, as_json: bool) -> None:
    """Propose pairs of statements, one from each of maps A and B, that may state one proposition;
    for three or more maps (or with --groups), groups of statements, at most one per map.

    Best first, each with a score and why (the content words they share, the
    registry claim both come near).  Pairs already bound to a common claim are
    left out unless --all.  With --check-registry, list instead the bindings
    whose mentions look unrelated, in the maps given (ids, files or folders;
    default: all).  --write-registry FILE writes the groups as a draft
    registry: the registry's claims, then a claim per new group, each with the
    statements to bind in a comment.
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
    if len(maps) < 2 and not (maps and Path(maps[0]).is_dir()):
        raise ArgmapError(f"suggest needs two maps or more (got {len(maps)}); or use --check-registry")
    opened = open_refs(maps, claims)
    if len(opened.ids) > 2 or as_groups or write_registry is not None:
        _groups(opened.corpus, opened.ids, include_bound, write_registry, force, as_json)
        return
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


def _groups(corpus: Corpus, ids: list[str], include_bound: bool, out: Path | None, force: bool,
            as_json: bool) -> None:
    from argmap.suggest.groups import draft_registry, suggest_groups
    from argmap.suggest.results import SuggestedGroups

    if out is not None and out.exists() and not force:
        raise ArgmapError(f"{out} exists already; --force replaces it")
    groups = suggest_groups(corpus, ids, include_bound=include_bound)
    if out is not None:
        from argmap.files.atomic import write_atomic

        write_atomic(out, draft_registry(corpus, groups))
        if not as_json:
            click.echo(f"wrote {out}: a draft registry with {len(groups)} suggested group(s)", err=True)
    if as_json:
        emit_json(SuggestedGroups(maps=list(ids), groups=groups))
        return
    from argmap.text.safe import visible

    for g in groups:
        bound = f"  [bound: {g.claim}]" if g.claim else ""
        click.echo(visible(f"{g.score:.3f}  {len(g.members)} maps  ({g.why}){bound}"))
        for m in g.members:
            click.echo(visible(f"       {m.map}:{m.node} ({m.kind}): {m.text}"))
