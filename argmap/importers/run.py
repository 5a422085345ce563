"""Importing files: detect each file's format, convert it, and plan the files to write.

The steps are pure except for reading the inputs and, last, writing the plan:

1. :func:`convert_files` reads each file (a folder stands for the files under it, subfolders included,
   whose format is recognised: a file name ending the format has, and contents its ``sniff`` accepts),
   picks the first format in :data:`~argmap.importers.FORMATS` that accepts it, converts it, and checks each
   map as ``argmap validate`` would (:mod:`argmap.importers.validation`).  A file that fails, or whose map
   would not validate, does not stop the others: its located diagnostics are collected beside the maps
   converted.  In a folder, a file with a format's name ending that is empty or not UTF-8 text gets a warning.
2. :func:`plan_files` lays the maps out: ``<group>/<map id>.yaml``, the essays in ``seeds/``, and a
   ``claims.yaml`` registry stub per group (the claims its maps bind, or an empty list).
3. :func:`write_plan` refuses, before writing anything, to replace a file whose content differs
   (unless ``force``), then writes every file atomically.  A file that already has the same bytes
   is left alone, so importing twice is harmless.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from argmap.errors import ArgmapError, Diagnostic, InvalidInput
from argmap.files.atomic import write_tree
from argmap.importers import FORMATS
from argmap.importers.base import ImportedMap
from argmap.importers.sniff import damage, detect_format

__all__ = ["PlannedFile", "convert_files", "plan_files", "write_plan"]

SNIFF_BYTES = 65536
DEFAULT_GROUP = "maps"
MAX_INPUT_BYTES = 64 * 2**20
"""The largest file ``argmap import`` reads (each format's converter has its own, smaller limit)."""
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


def _suffixes() -> str:
    """The formats and their file name endings, for a hint: ``microtexts (.xml), aif (.json, .aif)``."""
    return ", ".join(f"{fmt} ({', '.join(importlib.import_module(mod).SUFFIXES)})" for fmt, mod in FORMATS.items())


def _may_be_input(name: str) -> bool:
    """Does ``name`` end as a file of some format does?"""
    return any(name.lower().endswith(tuple(importlib.import_module(mod).SUFFIXES)) for mod in FORMATS.values())


def _head(path: Path) -> bytes:
    """The first bytes of ``path``, read only if it is a regular file within the size limit (never a FIFO)."""
    from argmap.files.confine import read_regular

    return read_regular(path, MAX_INPUT_BYTES)[:SNIFF_BYTES]


def _folder_files(folder: Path) -> list[Path]:
    """What is under ``folder`` and its subfolders but folders (hidden ones left out), in a stable order."""
    found = []
    for f in sorted(folder.rglob("*")):
        parts = f.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or f.is_dir():
            continue
        found.append(f)
    return found


def _inputs(paths: Sequence[Path]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """(file, format) for every input; a folder gives the files under it whose format is recognised."""
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    for p in paths:
        try:
            if p.is_dir():
                chosen = []
                for f in _folder_files(p):
                    if not _may_be_input(f.name):
                        continue  # not even opened: an essay, a README, an image
                    try:
                        head = _head(f)
                    except OSError as exc:  # named as an input (its name), but it cannot be read: a failure
                        problems.append(Diagnostic(str(f), 1, 1, f"cannot read: {exc.strerror or exc}"))
                        continue
                    fmt = detect_format(head, f.name)
                    if fmt:
                        chosen.append((f, fmt))
                    elif wrong := damage(head):  # named as an input, and damaged: said, never passed over silently
                        problems.append(Diagnostic(str(f), 1, 1, f"skipped: {wrong[0]}", "warning", hint=wrong[1]))
                if not chosen:
                    problems.append(Diagnostic(str(p), 1, 1, "no file in this folder (or its subfolders) is in a "
                                               "format argmap imports", hint=f"formats: {_suffixes()}"))
                found.extend(chosen)
                continue
            head = _head(p)
        except OSError as exc:
            problems.append(Diagnostic(str(p), 1, 1, f"cannot read: {exc.strerror or exc}"))
            continue
        fmt = detect_format(head, p.name)
        wrong = damage(head) if fmt is None and _may_be_input(p.name) else None
        if wrong:
            problems.append(Diagnostic(str(p), 1, 1, f"cannot import it: {wrong[0]}", hint=wrong[1]))
        elif fmt is None:
            problems.append(Diagnostic(str(p), 1, 1, "not a format argmap imports", hint=f"formats: {_suffixes()}"))
        else:
            found.append((p, fmt))
    return found, problems


@dataclass(frozen=True)
class Converted:
    """What an import converted: the maps of every file that converts, sorted by (group, map id), and a located
    diagnostic for every input that does not (``failed`` names those inputs, once each)."""

    maps: list[ImportedMap]
    problems: list[Diagnostic]
    files: int

    @property
    def failed(self) -> list[str]:
        return list(dict.fromkeys(d.path for d in self.problems if d.severity == "error"))


def convert_files(paths: Sequence[Path]) -> Converted:
    """Every input converted that converts; a file that fails is reported and the others go on.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "broken.json").write_text('{"nodeID": ')
    >>> _ = (d / "empty.json").write_text('{"nodes": [], "edges": []}')
    >>> done = convert_files([d])
    >>> len(done.maps), done.files, done.failed == [str(d / "broken.json")]
    (0, 2, True)
    """
    from argmap.importers.validation import imported_map_diagnostics

    inputs, problems = _inputs(paths)
    maps: list[ImportedMap] = []
    for path, fmt in inputs:
        try:
            converted = importlib.import_module(FORMATS[fmt]).convert(path)
        except InvalidInput as exc:
            problems.extend(exc.diagnostics)
            continue
        found = [d for m in converted for d in imported_map_diagnostics(
            m, str(path), _claims_stub(m.group or DEFAULT_GROUP, dict(m.claims)))]
        problems.extend(found)
        if not any(d.severity == "error" for d in found):  # a map that would not validate fails its input
            maps.extend(converted)
    ordered = sorted(maps, key=lambda m: (m.group or DEFAULT_GROUP, m.map_id))
    return Converted(ordered, problems, len(inputs))


def _claims_stub(group: str, claims: dict[str, str]) -> str:
    lines = [f"# Shared-claim registry for the maps in {group}/, started by argmap import.",
             "# Add the propositions several texts make, and bind nodes to them with 'claim:'."]
    if not claims:
        return "\n".join([*lines, "claims: []"]) + "\n"
    lines.append("claims:")
    for ident in sorted(claims):
        lines += [f"  - id: {ident}", f"    wording: {json.dumps(claims[ident], ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def plan_files(maps: Sequence[ImportedMap]) -> dict[str, bytes]:
    """Relative path (``/``-separated) -> bytes, in sorted order; InvalidInput on names that clash or are unsafe."""
    plan: dict[str, bytes] = {}
    claims: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for m in maps:
        group = m.group or DEFAULT_GROUP
        for name in (group, m.map_id, m.essay_name):
            if not _NAME.match(name):
                problems.append(f"'{name}' cannot name a file or folder (letters, digits, '_', '.', '-')")
        if group == "seeds":
            problems.append("a group cannot be called 'seeds': that folder holds the essays")
        for rel, data in ((f"{group}/{m.map_id}.yaml", m.map_yaml.encode("utf-8")),
                          (f"seeds/{m.essay_name}", m.essay_bytes)):
            if rel in plan and plan[rel] != data:
                problems.append(f"two inputs give different contents for {rel}")
            plan[rel] = data
        group_claims = claims.setdefault(group, {})
        for ident, wording in m.claims:
            group_claims.setdefault(ident, wording)
    for group, found in claims.items():
        plan[f"{group}/claims.yaml"] = _claims_stub(group, found).encode("utf-8")
    if problems:
        raise ArgmapError("nothing imported: " + "; ".join(dict.fromkeys(problems)))
    return dict(sorted(plan.items()))


@dataclass(frozen=True)
class PlannedFile:
    """One file of an import and what happened to it."""

    path: str
    status: Literal["written", "unchanged"]
    bytes: int
    sha256: str


def write_plan(out: Path, plan: dict[str, bytes], force: bool = False) -> list[PlannedFile]:
    """Write ``plan`` under ``out`` atomically; nothing is written if a differing file is in the way (without force)."""
    clashes: list[Diagnostic] = []
    status: dict[str, Literal["written", "unchanged"]] = {}
    for rel, data in plan.items():
        target = out / rel
        if target.is_dir():
            clashes.append(Diagnostic(str(target), 1, 1, "a folder is in the way of a file the import writes"))
            continue
        try:
            old = target.read_bytes() if target.exists() else None
        except OSError as exc:
            clashes.append(Diagnostic(str(target), 1, 1, f"cannot read the existing file: {exc.strerror or exc}"))
            continue
        status[rel] = "unchanged" if old == data else "written"
        if old is not None and old != data and not force:
            clashes.append(Diagnostic(str(target), 1, 1, "exists with different content",
                                      hint="--force replaces it; or import into another folder"))
    if clashes:
        raise InvalidInput(f"nothing written: {len(clashes)} file(s) in the way", clashes)
    write_tree({out / rel: data for rel, data in plan.items() if status[rel] == "written"})  # all or nothing
    return [PlannedFile(str(out / rel), status[rel], len(data), hashlib.sha256(data).hexdigest())
            for rel, data in plan.items()]
