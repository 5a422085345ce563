"""Turning DOT into SVG, PNG or PDF with Graphviz's ``dot``.

``dot`` runs as a subprocess with a timeout.  When it is missing, the error
says how to install it.  SVG gets one finishing touch: a node's ``<title>``
(the tooltip browsers show) becomes its ``tooltip`` attribute, our verbatim
quote, since Graphviz itself writes the node's name there.

>>> svg = render_bytes('digraph { a [id="A", tooltip="a <quote>"] }', "svg")
>>> svg.startswith(b"<?xml") and b'id="A"' in svg
True
>>> svg.count(b"<title>a &lt;quote&gt;</title>")
1
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import threading
from pathlib import Path
from typing import Literal

from argmap.errors import ArgmapError, RenderError, RenderTimeout
from argmap.files.formats import format_for_name

__all__ = [
    "FORMATS",
    "INSTALL_HINT",
    "Format",
    "dot_command",
    "format_for_path",
    "plain_ids",
    "render_bytes",
    "stop_renders",
    "tooltips_as_titles",
]

Format = Literal["svg", "png", "pdf"]
FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")
"""Output formats by file extension; ``dot`` is the DOT source itself."""
INSTALL_HINT = "install Graphviz with `apt-get install graphviz` (or run `make setup`)"
_RUNNING: set[subprocess.Popen[bytes]] = set()
_LOCK = threading.Lock()

# Graphviz writes a node with a tooltip as <g id=… class="node"><title>NAME</title>\n<g id="a_…"><a xlink:title="TIP">
_ID = re.compile(rb' id="[^"]*"')
_NODE_TITLE = re.compile(rb'(<g id="[^"]*" class="node">\s*<title>)[^<]*(</title>\s*<g id="[^"]*"><a xlink:title="'
                         rb'([^"]*)")')


def render_bytes(dot: str, fmt: Format, *, timeout: float = 30.0) -> bytes:
    """Run ``dot -T<fmt>`` on ``dot`` and return its output (SVG: see :func:`tooltips_as_titles`).

    Raises :class:`~argmap.errors.RenderError` when ``dot`` is not installed
    (naming the install step) or fails, and :class:`~argmap.errors.RenderTimeout`
    when it runs longer than ``timeout`` seconds (it is then killed).  Each running
    ``dot`` is known to :func:`stop_renders`, which a front end calls on a signal.
    """
    if fmt not in ("svg", "png", "pdf"):
        raise ArgmapError(f"unknown image format '{fmt}'; use svg, png or pdf")
    cmd = dot_command(fmt)
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise RenderError(f"Graphviz's `dot` program was not found; {INSTALL_HINT}") from None
    with _LOCK:
        _RUNNING.add(proc)
    try:
        out, err = proc.communicate(dot.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise RenderTimeout(f"Graphviz's `dot` took more than {timeout:g} s and was stopped") from None
    finally:
        if proc.poll() is None:  # an exception (a signal) while dot ran: it must not outlive us
            proc.kill()
            proc.wait()
        with _LOCK:
            _RUNNING.discard(proc)
    if proc.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz's `dot` failed (exit status {proc.returncode})"
                          + (f": {lines[0]}" if lines else ""))
    return tooltips_as_titles(plain_ids(out)) if fmt == "svg" else out


def dot_command(fmt: Format) -> list[str]:
    """The command that turns DOT on standard input into ``fmt`` on standard output.

    No ``-K``: a graph may choose its own layout engine (the topic diagram pins its nodes with ``layout=neato``);
    every other graph is laid out by ``dot``, Graphviz's default for this command.

    >>> dot_command("svg")
    ['dot', '-Tsvg']
    """
    return ["dot", f"-T{fmt}"]


def stop_renders() -> int:
    """Kill every ``dot`` that :func:`render_bytes` or a :class:`~argmap.render.dotpool.DotPool` runs; how many there were.

    >>> stop_renders()
    0
    """
    with _LOCK:
        running = list(_RUNNING)
    for proc in running:
        with contextlib.suppress(OSError):
            proc.kill()
    return len(running)


def plain_ids(svg: bytes) -> bytes:
    """``svg`` with the ``&#45;`` Graphviz writes for "-" inside ``id`` attributes turned back into "-".

    So a page can find ``id="claim--russia-silent"`` as written (comments keep theirs: "--" is not allowed there).

    >>> plain_ids(b'<g id="claim&#45;&#45;x"><!-- a&#45;&#45;b -->')
    b'<g id="claim--x"><!-- a&#45;&#45;b -->'
    """
    return _ID.sub(lambda m: m.group(0).replace(b"&#45;", b"-"), svg)


def tooltips_as_titles(svg: bytes) -> bytes:
    """``svg`` with each node's ``<title>`` replaced by its tooltip (already XML-escaped by Graphviz).

    >>> tooltips_as_titles(b'<g id="P" class="node">\\n<title>P</title>\\n<g id="a_P"><a xlink:title="q &amp; a">')
    b'<g id="P" class="node">\\n<title>q &amp; a</title>\\n<g id="a_P"><a xlink:title="q &amp; a">'
    """
    return _NODE_TITLE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), svg)


def format_for_path(path: str | Path) -> str:
    """The output format a file name asks for, by its extension.

    >>> format_for_path("out/map.SVG"), format_for_path("m.dot")
    ('svg', 'dot')
    """
    return format_for_name(path, {f".{f}": f for f in FORMATS}, what="diagram", option=None)
