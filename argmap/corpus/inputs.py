"""One way to name the maps a command reads: ids, files, folders, and ``-`` for standard input.

Every command resolves its arguments here, so they all take the same things and
fail the same way:

* no argument: every map of ``./maps``, or of the bundled maps when there is no
  ``./maps`` (and a note says so);
* ``-``: one map read from standard input; its ``source.path`` is relative to the
  current folder, and diagnostics name it ``<stdin>``;
* a folder: every map in it (with the ``claims.yaml`` beside them);
* a file: that map;
* anything else is a map id, looked up in the default folder (``./maps``, else the
  bundled maps).  An unknown id names the folder it looked in and suggests the
  closest id there; a name that looks like a path (``/`` in it, or a ``.yaml``
  ending) and does not exist is "no such file or folder".

>>> from argmap.corpus.load import bundled_maps_dir
>>> opened = open_inputs(["enforcer"], base=bundled_maps_dir())
>>> opened.ids
['enforcer']
>>> open_inputs(["enforcr"], base=bundled_maps_dir())  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.corpus.inputs.UnknownMap: unknown map 'enforcr' (did you mean 'enforcer'?); looked in ...maps/
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.grounded import GroundedMap
from argmap.corpus.load import (
    MAP_SUFFIXES,
    REGISTRY_NAME,
    STDIN,
    Corpus,
    bundled_maps_dir,
    check_corpus,
    display_path,
    map_files,
)
from argmap.errors import ArgmapError, Diagnostic, InvalidInput, NotFound, id_hint, shortened

__all__ = ["Opened", "Resolved", "UnknownMap", "check_inputs", "open_inputs", "resolve_inputs", "valid_maps"]

_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([A-Za-z][\w.-]*)", re.MULTILINE)


class UnknownMap(NotFound):
    """A map id that is in none of the maps of the folder looked in."""

    def __init__(self, ident: str, folder: str, known: Sequence[str]) -> None:
        super().__init__("map", ident, known)
        hint = id_hint(ident, known)
        listed = "" if hint or not known else f" (it holds {', '.join(sorted(known)[:8])})"
        self.message = f"unknown map '{shortened(ident)}'" + (f" ({hint})" if hint else listed) + f"; looked in {folder}"
        self.args = (self.message,)
        self.folder = folder


@dataclass(frozen=True)
class Resolved:
    """What the arguments name: files and folders to load, in order, and notes for the user."""

    sources: list[Path]
    notes: list[str] = field(default_factory=list)
    base: Path | None = None


def _default_folder(cwd: Path) -> tuple[Path, list[str]]:
    local = cwd / "maps"
    if local.is_dir():
        return local, []
    bundled = bundled_maps_dir()
    return bundled, [f"no ./maps here; using the bundled maps ({bundled})"]


def _ids_in(folder: Path) -> dict[str, Path]:
    """Map id -> file, for the maps of ``folder``: the top-level ``id:`` line, else the file name."""
    out: dict[str, Path] = {}
    for f in sorted(folder.iterdir()) if folder.is_dir() else []:
        if f.suffix not in MAP_SUFFIXES or f.name == REGISTRY_NAME or not f.is_file():
            continue
        try:
            head = f.read_text("utf-8", errors="replace")[:65536]
        except OSError:
            continue
        found = _ID_LINE.search(head)
        out.setdefault(found.group(1) if found else f.stem, f)
    return out


def _looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith(MAP_SUFFIXES) or ref in (".", "..")


def _quiet(note: str) -> None:
    """The default ``notify``: notes are dropped."""


def resolve_inputs(
    refs: Sequence[str], *, cwd: Path | None = None, base: Path | None = None, notify: Callable[[str], None] = _quiet,
) -> Resolved:
    """The files and folders ``refs`` name (see the module docstring); ids become their files.

    ``base`` is the folder ids are looked up in (default: ``./maps``, else the bundled maps).
    ``notify`` receives each note (such as the fall-back to the bundled maps) as soon as it is made.
    """
    here = cwd or Path.cwd()
    notes: list[str] = []
    if base is None and (not refs or any(not _is_source(r, here) for r in refs)):
        base, notes = _default_folder(here)
        for note in notes:
            notify(note)
    if not refs:
        assert base is not None
        return Resolved([base], notes, base)
    index: dict[str, Path] | None = None
    sources: list[Path] = []
    for ref in refs:
        if ref == "-":
            sources.append(STDIN)
        elif _is_source(ref, here) or _looks_like_path(ref):
            sources.append(Path(ref))  # a missing path is reported, located, when the maps are checked
        else:
            assert base is not None
            index = _ids_in(base) if index is None else index
            if ref not in index:
                raise UnknownMap(ref, display_path(base).rstrip("/") + "/", list(index))
            sources.append(index[ref])
    return Resolved(sources, notes, base)


def _is_source(ref: str, cwd: Path) -> bool:
    if ref == "-":
        return True
    p = Path(ref)
    try:
        return (p if p.is_absolute() else cwd / p).exists()
    except OSError:  # a name too long for a file is no file: it is looked up as an id
        return False


@dataclass(frozen=True)
class Opened:
    """The loaded maps, the ids the arguments named (in their order), and notes for the user."""

    corpus: Corpus
    ids: list[str]
    notes: list[str]
    failed: list[Diagnostic] = field(default_factory=list)
    """With ``keep_going``: the problems of the maps left out, which the others went on without."""

    @property
    def failed_paths(self) -> list[str]:
        """The map files left out, once each, in order (a warning about the registry names no map)."""
        return sorted({d.path for d in self.failed if d.path not in self.corpus.registry_paths})

    def exactly(self, n: int, what: str) -> list[str]:
        """The ids when there are ``n`` of them; otherwise an error saying what ``what`` takes."""
        if n == 2 and len(self.ids) == 1:  # one map named twice: the library's pair rule says so
            from argmap.corpus.pairs import require_pair

            require_pair(self.ids[0], self.ids[0])
        if len(self.ids) != n:
            got = ", ".join(self.ids) or "none"
            count = {1: "one map", 2: "two different maps"}.get(n, f"{n} different maps")
            raise ArgmapError(f"{what} takes {count}; the arguments name {len(self.ids)}: {got}")
        return self.ids


def check_inputs(
    refs: Sequence[str], claims: Path | None = None, *, stdin: bytes | None = None, base: Path | None = None,
    notify: Callable[[str], None] = _quiet, on_map: Callable[[GroundedMap], None] | None = None,
    partial: bool = False,
) -> tuple[Corpus | None, list[Diagnostic], Resolved]:
    """Resolve ``refs`` and check every map they name (``check_corpus``); never raises for bad maps.

    ``notify`` receives each note (such as the fall-back to the bundled maps) before the maps are read;
    ``on_map`` each map that passes its own checks, as :func:`~argmap.corpus.load.check_corpus` gives it.
    With ``partial``, the corpus holds the maps that pass even when others fail.
    """
    resolved = resolve_inputs(refs, base=base, notify=notify)
    if STDIN in resolved.sources and stdin is None:
        raise ArgmapError("'-' reads a map from standard input, but none was given")
    corpus, diags = check_corpus(resolved.sources, claims, stdin=stdin, on_map=on_map, partial=partial)
    return corpus, diags, resolved


def valid_maps(corpus: Corpus | None, diags: Sequence[Diagnostic], strict: bool = False) -> list[str]:
    """The ids of the maps that pass: in the corpus, and no error (nor, if ``strict``, warning) in their file.

    >>> from argmap.corpus.load import check_corpus
    >>> corpus, diags = check_corpus([bundled_maps_dir()], partial=True)
    >>> valid_maps(corpus, diags), valid_maps(corpus, [Diagnostic(corpus.get("enforcer").path, 1, 1, "x")])
    (['bankruptcy', 'enforcer'], ['bankruptcy'])
    """
    if corpus is None:
        return []
    failing = {d.path for d in diags if d.severity == "error" or strict}
    return [i for i, g in corpus.maps.items() if g.path not in failing]


def open_inputs(
    refs: Sequence[str], claims: Path | None = None, *, strict: bool = False, stdin: bytes | None = None,
    base: Path | None = None, notify: Callable[[str], None] = _quiet,
    on_map: Callable[[GroundedMap], None] | None = None, keep_going: bool = False,
) -> Opened:
    """Resolve and load ``refs``; raise :class:`InvalidInput` on errors (or warnings, if ``strict``).

    With ``keep_going``, the maps that fail are left out (their problems in :attr:`Opened.failed`) and the others
    are loaded; it still raises when no map passes or when what fails is not a map (the claim registry).
    """
    corpus, diags, resolved = check_inputs(refs, claims, stdin=stdin, base=base, notify=notify, on_map=on_map,
                                           partial=keep_going)
    bad = [d for d in diags if d.severity == "error" or strict]
    failed: list[Diagnostic] = []
    if keep_going and corpus is not None and bad:
        keep = valid_maps(corpus, diags, strict)
        if keep:  # (the registry's own errors leave no corpus at all)
            corpus, failed, bad = corpus.subset(keep), bad, []
    if corpus is None or bad:
        raise InvalidInput(f"{len(bad)} problem(s) in the maps", bad)
    by_path = {g.path: g.id for g in corpus.maps.values()}
    ids: list[str] = []
    for src in resolved.sources:
        if src == STDIN or not src.is_dir():
            found = by_path.get(display_path(src))
            ids += [found] if found else []
        else:
            inside = {display_path(f) for f in map_files(src)}
            ids += sorted(i for p, i in by_path.items() if p in inside)
    return Opened(corpus, list(dict.fromkeys(ids)), resolved.notes, failed)
