"""``POST /validate``: check one map sent as YAML against the loaded registry, without touching the corpus.

The map's ``source.path`` is resolved relative to the maps folder and confined
to it: an essay inside the folder is read from disk (within the size limit), an
essay a loaded map already uses is taken from memory, and any other path,
``../`` or absolute, is reported as a located error without being read.

>>> from pathlib import Path
>>> from argmap.model import ClaimRegistry
>>> report = validate_yaml(b"id: x\\ntitle: t\\nsource: {path: /etc/passwd, sha256: '%s'}\\n"
...                        b"nodes: [{id: T, kind: thesis, text: t, quote: q}]\\n" % (b"0" * 64),
...                        ClaimRegistry(), Path("/nonexistent"), {})
>>> report.valid, report.errors[0].line, report.errors[0].message.split(":")[0]
(False, 3, 'source.path')
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from pathlib import Path

from argmap.checks import ReadFn, check_map
from argmap.model import ClaimRegistry
from argmap.yamlsafe import Limits, YamlError, decode_utf8, parse_yaml

from .models import DiagnosticOut, ValidationReport

__all__ = ["BODY_NAME", "confined_reader", "validate_yaml"]

BODY_NAME = "request.yaml"
"""The file name diagnostics give the request body."""

_MAX_ESSAY_BYTES = Limits().max_bytes


def confined_reader(maps_dir: Path, known: Mapping[Path, bytes]) -> ReadFn:
    """A ``read`` for :func:`argmap.checks.check_map` that never leaves ``maps_dir`` (see module doc)."""
    root = maps_dir.resolve()

    def read(rel: str) -> bytes:
        try:
            target = (root / rel).resolve()
        except (OSError, ValueError, RuntimeError):
            raise OSError(errno.EINVAL, "not a usable path") from None
        if target in known:
            return known[target]
        if not target.is_relative_to(root):
            raise PermissionError(errno.EACCES, "outside the maps folder; the service reads only essays inside "
                                                "it, or those the loaded maps already use")
        if not target.is_file():
            raise FileNotFoundError(errno.ENOENT, "no such file in the maps folder")
        if target.stat().st_size > _MAX_ESSAY_BYTES:
            raise OSError(errno.EFBIG, f"the essay is over {_MAX_ESSAY_BYTES:,} bytes")
        return target.read_bytes()

    return read


def validate_yaml(raw: bytes, registry: ClaimRegistry, maps_dir: Path, known_essays: Mapping[Path, bytes],
                  max_bytes: int = _MAX_ESSAY_BYTES) -> ValidationReport:
    """Check ``raw`` as one map: YAML, schema, integrity and grounding; every problem located in ``request.yaml``."""
    map_id: str | None = None
    try:
        doc = parse_yaml(decode_utf8(raw, BODY_NAME), BODY_NAME, Limits(max_bytes=max(max_bytes, 1)))
    except YamlError as exc:
        diags = [exc.diagnostic]
    else:
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            map_id = doc.data["id"]
        _, diags = check_map(doc, registry, confined_reader(maps_dir, known_essays))
    errors = [DiagnosticOut.of(d) for d in diags if d.severity == "error"]
    warnings = [DiagnosticOut.of(d) for d in diags if d.severity == "warning"]
    return ValidationReport(valid=not errors, map=map_id, errors=errors, warnings=warnings)
