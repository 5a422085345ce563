"""The ``argmap`` command: a thin front end over the library.

Subcommands are imported only when invoked (``LazyGroup``), so ``argmap --help``
and ``argmap validate`` do not pay for networkx, Graphviz or FastAPI.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from argmap import __version__

__all__ = ["COMMANDS", "cli", "main"]

# name -> "module:function"; the order here is the order in --help.
COMMANDS: dict[str, str] = {
    "validate": "argmap.cli.core:validate",
    "coverage": "argmap.cli.core:coverage",
    "schema": "argmap.cli.core:schema",
    "show": "argmap.cli.core:show",
    "shared": "argmap.cli.core:shared",
    "compare": "argmap.cli.core:compare",
    "suggest": "argmap.cli.suggest:suggest",
    "export": "argmap.cli.interop:export",
    "import": "argmap.cli.imports:import_cmd",
    "render": "argmap.cli.render:render",
    "build": "argmap.cli.render:build",
    "serve": "argmap.cli.serve:serve",
    "handout": "argmap.cli.classroom:handout",
    "site": "argmap.cli.classroom:site",
    "new": "argmap.cli.authoring:new",
    "preview": "argmap.cli.authoring:preview",
    "slides": "argmap.cli.classroom:slides",
    "lesson": "argmap.cli.classroom:lesson",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        cmd: click.Command = getattr(importlib.import_module(module), attr)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the docstrings' first lines without importing every module.
        rows = [(name, _SHORT_HELP.get(name, "")) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


_SHORT_HELP = {
    "validate": "Check maps and the claim registry; report every problem as file:line:col.",
    "coverage": "List the paragraphs of each essay that no node quotes.",
    "schema": "Print the JSON Schema of the map (or registry) format.",
    "show": "Show a map as an indented outline.",
    "shared": "List the claims that two or more maps share, with each map's quote.",
    "compare": "Compare maps: two side by side (agreements, contradictions, differences, paths), or a topic of N.",
    "suggest": "Propose statements of two maps (groups across N) that may state one claim; a draft registry.",
    "export": "Export maps, or their comparison, for other tools: AIF, Argdown, GraphML, node-link JSON.",
    "import": "Convert files of other formats (arg-microtexts XML, AIF JSON) into maps, essays and registry stubs.",
    "render": "Draw one map's diagram to an SVG, PNG, PDF or DOT file.",
    "build": "The main job: validate, then write every diagram and report (into out/).",
    "serve": "Serve the maps as an HTTP API (or answer one request with --get).",
    "handout": "Write a discussion handout comparing two maps (HTML for A4, Markdown or PDF).",
    "site": "Write the static classroom site: maps beside their essays, comparisons, handouts.",
    "new": "Write a starting map of an essay: metadata, sha256, one commented skeleton per paragraph.",
    "preview": "Serve a page that redraws a map on every save: diagram, errors, coverage.",
    "slides": "Write a 16:9 slide deck for one map, or comparing two (HTML or PDF).",
    "lesson": "Write a lesson into one folder: on two maps, handouts, slides and site; on a topic, its class overview.",
}


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
@click.option("--essays", "essays", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Also read essays from this folder (repeatable); by default only the map's folder and the "
                   "seeds/ beside it.")
@click.pass_context
def cli(ctx: click.Context, essays: tuple[Path, ...]) -> None:
    """Map how essays argue, where they meet and where they part.

    With no paths, commands read ./maps if it exists, else the bundled maps.
    A map can be named by its id or by its file's path.
    """
    if essays:
        from argmap.errors import ArgmapError
        from argmap.files.confine import EssayPolicy, using_policy

        try:
            policy = EssayPolicy(extra=essays)
        except ArgmapError as exc:  # a system folder as --essays
            click.echo(f"argmap: {exc.message}", err=True)
            sys.exit(1)
        ctx.with_resource(using_policy(policy))


def _on_signal(signum: int, frame: Any) -> None:
    """SIGTERM or SIGINT: stop every running ``dot`` child, then exit 128 + the signal's number."""
    from argmap.render.images import stop_renders

    stop_renders()
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> Any:
    """Entry point: argmap's own errors exit 1 with a message; nothing ends in a traceback.

    On SIGTERM or SIGINT the ``dot`` processes it started are killed before it exits.
    """
    import signal

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _on_signal)
    try:
        return cli.main(args=argv, prog_name="argmap", standalone_mode=True)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(130)
    except Exception as exc:  # last line of defence: a bug, not bad input
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        click.echo(f"argmap: internal error: {type(exc).__name__}: {exc} (set ARGMAP_DEBUG=1 for details)",
                   err=True)
        sys.exit(70)
