"""Many diagrams through a few long-lived ``dot -Tsvg`` processes: the same SVG as one ``dot`` per diagram, faster.

Starting ``dot`` costs about 27 ms of CPU, more than drawing a 40-node map.  ``dot`` reads graph after graph
from its standard input and writes each one's SVG as soon as it is drawn, so a :class:`DotPool` keeps up to
``size`` of them running and hands each diagram to an idle one.  The SVG is the same bytes as
:func:`~argmap.render.images.render_bytes` gives: ``dot`` names the top group of every graph after its first
``page0,1_<id>``, and the pool takes that prefix off again.

Each diagram has its own time limit: a ``dot`` that runs over is killed (only that one; the next diagram starts
a fresh process) and :class:`~argmap.errors.RenderTimeout` raised, as with one ``dot`` per diagram.  When
``dot`` reports an error or dies, the pool ends that process and renders the diagram again with
:func:`~argmap.render.images.render_bytes`, so a failure raises the very error it raises (with line numbers
counted in that one diagram).  Without ``select`` on pipes (not POSIX), every diagram is rendered that way.

>>> with DotPool(2) as pool:
...     first = pool.render_svg('digraph "a" { x -> y }')
...     second = pool.render_svg('digraph "a" { x -> y }')
>>> first == second == render_bytes('digraph "a" { x -> y }', "svg")
True
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import threading
import time
from types import TracebackType

from argmap.errors import RenderError, RenderTimeout
from argmap.render.images import _LOCK, _RUNNING, dot_command, plain_ids, render_bytes, tooltips_as_titles

__all__ = ["DotPool"]

_END = b"</svg>\n"
# dot names the top group of each graph after the first it draws "page0,1_<id>"; alone it writes "<id>".
_PAGE_PREFIX = re.compile(rb'<g id="page0,1_([^"]*)" class="graph"')
_CHUNK = 1 << 16


class _Dot:
    """One running ``dot -Tsvg`` and how many graphs it has drawn."""

    def __init__(self) -> None:
        try:
            self.proc = subprocess.Popen(dot_command("svg"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, bufsize=0)
        except FileNotFoundError:
            from argmap.render.images import INSTALL_HINT

            raise RenderError(f"Graphviz's `dot` program was not found; {INSTALL_HINT}") from None
        with _LOCK:
            _RUNNING.add(self.proc)  # so that stop_renders() kills it on a signal
        self.drawn = 0
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            assert pipe is not None
            os.set_blocking(pipe.fileno(), False)

    def draw(self, dot: bytes, deadline: float) -> bytes | None:
        """The SVG of ``dot``; None when ``dot`` reports an error or exits; raises TimeoutError past ``deadline``."""
        import selectors

        proc = self.proc
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        todo = memoryview(dot + b"\n")
        out = bytearray()
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            sel.register(proc.stderr, selectors.EVENT_READ)
            sel.register(proc.stdin, selectors.EVENT_WRITE)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                for key, _ in sel.select(left):
                    if key.fileobj is proc.stdin:
                        try:
                            todo = todo[os.write(proc.stdin.fileno(), todo):]
                        except BrokenPipeError:
                            return None
                        if not todo:
                            sel.unregister(proc.stdin)
                        continue
                    chunk = os.read(key.fd, _CHUNK)
                    if not chunk:  # dot exited
                        return None
                    if key.fileobj is proc.stderr:
                        if b"Error" in chunk or b"error" in chunk:
                            return None  # warnings alone leave the drawing as it is
                        continue
                    out += chunk
                    if out.endswith(_END) and not todo:
                        self.drawn += 1
                        return bytes(out)

    def end(self) -> None:
        """Stop the process: at once when it is in the middle of a graph, else by closing its input."""
        proc = self.proc
        with contextlib.suppress(OSError):
            if proc.stdin is not None:
                proc.stdin.close()
        try:
            proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
        with _LOCK:
            _RUNNING.discard(proc)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        self.end()


class DotPool:
    """Up to ``size`` long-lived ``dot -Tsvg`` processes, shared by the threads that call :meth:`render_svg`.

    Use it as a context manager (or call :meth:`close`): leaving it ends every process.  A process is started
    when a thread finds none idle, so ``size`` threads rendering at once use ``size`` processes.
    """

    def __init__(self, size: int, *, timeout: float = 30.0) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one process")
        self.size = size
        self.timeout = timeout
        self._idle: list[_Dot] = []
        self._lock = threading.Lock()
        self._closed = False
        self._batched = hasattr(os, "set_blocking") and os.name == "posix"

    def render_svg(self, dot: str, *, timeout: float | None = None) -> bytes:
        """The SVG of ``dot``, byte-identical to ``render_bytes(dot, "svg")``, with the same errors.

        >>> with DotPool(1) as pool:
        ...     pool.render_svg("digraph { a -> }")
        Traceback (most recent call last):
        argmap.errors.RenderError: Graphviz's `dot` failed (exit status 1): Error: <stdin>: syntax error in line 1 near '}'
        """
        limit = self.timeout if timeout is None else timeout
        if not self._batched or self._closed:
            return render_bytes(dot, "svg", timeout=limit)
        start = time.monotonic()
        worker = self._take()
        try:
            svg = worker.draw(dot.encode("utf-8"), start + limit)
        except TimeoutError:
            worker.kill()
            raise RenderTimeout(f"Graphviz's `dot` took more than {limit:g} s and was stopped") from None
        except BaseException:  # a signal, or a thread stopped mid-graph: the process is in an unknown state
            worker.kill()
            raise
        if svg is None:  # an error: render it alone, which raises what one dot per diagram raises
            worker.kill()
            return render_bytes(dot, "svg", timeout=max(0.0, start + limit - time.monotonic()))
        self._give_back(worker)
        if worker.drawn > 1:
            svg = _PAGE_PREFIX.sub(rb'<g id="\1" class="graph"', svg, count=1)
        return tooltips_as_titles(plain_ids(svg))

    def _take(self) -> _Dot:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.proc.poll() is None:
                    return worker
                worker.end()
        return _Dot()

    def _give_back(self, worker: _Dot) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.size:
                self._idle.append(worker)
                return
        worker.end()

    def close(self) -> None:
        """End every idle process (a process still drawing ends when its graph is done)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.end()

    def __enter__(self) -> DotPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
