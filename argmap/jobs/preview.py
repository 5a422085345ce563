"""The preview's state: what the page of ``argmap preview`` shows of a map, kept current as its file is saved.

A :class:`PreviewSession` watches the map file, its essay and its claim registry
(:mod:`argmap.files.watch`: modification time and size, every :data:`POLL_SECONDS`).  On a change it checks the map and
builds a :class:`PreviewState`: the diagram (SVG) when the map is valid, the
located errors and warnings, and the coverage of the essay.  The page and its
HTTP server are a front end (:mod:`argmap.cli.preview_server`), which listens for
new states here.

The page shows the essay beside the diagram: selecting a passage makes a node, and
relations, undercuts, claims and undo are a click away.  Those edits are posted to
``/edit`` and carried out by :mod:`argmap.jobs.preview_edit` (only from the page served,
with its per-session token, over loopback, and only to this one map file).

>>> from argmap.corpus.load import bundled_maps_dir
>>> state = preview_state(bundled_maps_dir() / "enforcer.yaml", version=1, render=False)
>>> state.ok, state.map, state.errors
(True, 'enforcer', [])
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.files.watch import Poller, fingerprint

__all__ = ["POLL_SECONDS", "PreviewSession", "PreviewState", "preview_state", "watched_files"]

POLL_SECONDS = 0.2
_SOURCE_PATH = re.compile(r"^[ \t]+path:[ \t]*['\"]?([^'\"\n#]+)", re.M)  # no \s: a line at a time


@dataclass(frozen=True)
class PreviewState:
    """What the page shows after one save."""

    version: int
    ok: bool
    map: str | None = None
    title: str | None = None
    svg: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)
    essay: str | None = None
    """The essay's text, for selecting passages (None when the map names none or it cannot be read)."""
    quoted: list[tuple[int, int, str]] = field(default_factory=list)
    """The passages the nodes quote: (start, end, node id) in the essay's text."""
    nodes: list[dict[str, Any]] = field(default_factory=list)
    """Each node's id, kind, text, claim and suggested claims, read leniently from the file."""
    relations: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, str]] = field(default_factory=list)
    """The registry's claims (id, wording), to bind nodes to."""


def preview_state(map_file: Path, *, version: int, claims: Path | None = None, render: bool = True) -> PreviewState:
    """Check ``map_file`` and describe it for the page (``render=False`` skips the diagram)."""
    from argmap.corpus.load import check_corpus
    from argmap.queries.coverage import coverage_line, map_coverage

    corpus, diags = check_corpus([map_file], claims)
    errors = [str(d) for d in diags if d.severity == "error"]
    warnings = [str(d) for d in diags if d.severity == "warning"]
    from argmap.jobs.preview_edit import editing_state

    editing = editing_state(map_file, claims)
    if corpus is None or not corpus.maps:
        return PreviewState(version, False, errors=errors or [f"{map_file}: no map"], warnings=warnings, **editing)
    gm = next(iter(corpus.maps.values()))
    report = map_coverage(gm)
    cover = [coverage_line(report)] + [f"uncovered {report.mark}{p.number} (line {p.line}): {p.text[:90]}"
                                        for p in report.uncovered]
    svg = None
    if render:
        from argmap.render import map_svg

        try:
            svg = map_svg(gm).decode("utf-8")
        except ArgmapError as exc:
            errors.append(f"diagram: {exc.message}")
    return PreviewState(version, not errors, gm.id, gm.model.title, svg, errors, warnings, cover, **editing)


def watched_files(map_file: Path, claims: Path | None) -> list[Path]:
    """The map, its essay (when the map names one) and its registry."""
    from argmap.files.confine import read_regular
    from argmap.yaml.reader import Limits

    paths = [map_file, claims or map_file.parent / "claims.yaml"]
    try:  # a regular file only, within the map size limit: a FIFO swapped in never blocks the watcher
        raw = read_regular(map_file, Limits().max_bytes)
        found = _SOURCE_PATH.search(raw.decode("utf-8", errors="replace"))
    except OSError:
        found = None
    if found:
        paths.append(map_file.parent / found.group(1).strip())
    return paths


class PreviewSession:
    """One map file's :class:`PreviewState`, made anew on every save: ``start()`` watches, ``stop()`` ends it.

    The edit token and the editor live here too, so that whatever serves the page hands out the one token its
    edits must carry (:mod:`argmap.jobs.preview_edit`).
    """

    def __init__(self, map_file: Path, *, claims: Path | None = None, render: bool = True) -> None:
        from argmap.jobs.preview_edit import MapEditor, new_token

        self.map_file, self.claims, self.render = map_file, claims, render
        self.token = new_token()
        self.editor = MapEditor(map_file)
        self._cond = threading.Condition()
        self._stamp = fingerprint(watched_files(map_file, claims))  # before reading: a save during the first check is seen
        self.state = preview_state(map_file, version=1, claims=claims, render=render)
        self._poller = Poller(self._check, lambda: POLL_SECONDS, name="argmap-preview")

    def start(self) -> None:
        self._poller.start()

    def stop(self) -> None:
        self._poller.stop()
        with self._cond:
            self._cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._poller.stopped

    def wait_for(self, version: int, timeout: float) -> PreviewState:
        """The first state newer than ``version`` (or the current one after ``timeout`` seconds, or on stop)."""
        with self._cond:
            self._cond.wait_for(lambda: self.state.version > version or self.stopped, timeout)
            return self.state

    def _check(self) -> None:
        now = fingerprint(watched_files(self.map_file, self.claims))
        if now == self._stamp:
            return
        self._stamp = now
        state = preview_state(self.map_file, version=self.state.version + 1, claims=self.claims, render=self.render)
        if state.svg is None and self.state.svg is not None:  # keep the last good diagram on screen
            state = PreviewState(**{**asdict(state), "svg": self.state.svg})
        with self._cond:
            self.state = state
            self._cond.notify_all()
