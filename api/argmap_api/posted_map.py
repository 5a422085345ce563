"""``POST /validate``: check one map sent as YAML against the loaded registry, without touching the corpus.

The map's ``source.path`` is resolved relative to the maps folder and read under
the same confinement rule as the loaded maps (:mod:`argmap.files.confine`): an essay a
loaded map already uses is taken from memory; any other is read from disk only
if the rule allows it (an allowed essays folder, no hidden file, a regular file
within the size limit), and otherwise reported as a located error without
being read, so nothing of it can appear in a hint.

>>> from pathlib import Path
>>> from argmap.format.registry import ClaimRegistry
>>> report = validate_yaml(b"id: x\\ntitle: t\\nsource: {path: /etc/passwd, sha256: '%s'}\\n"
...                        b"nodes: [{id: T, kind: thesis, text: t, quote: q}]\\n" % (b"0" * 64),
...                        ClaimRegistry(), Path("/nonexistent"), {})
>>> report.valid, report.errors[0].line, report.errors[0].message.split(":")[0]
(False, 3, 'source.path')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from argmap.checks.validate import ReadFn, check_map
from argmap.files.confine import EssayPolicy, EssayReader
from argmap.format.registry import ClaimRegistry
from argmap.yaml.reader import Limits, YamlError, decode_utf8, parse_yaml

from .models import DiagnosticOut, ValidationReport

__all__ = ["BODY_NAME", "confined_reader", "validate_yaml"]

BODY_NAME = "request.yaml"
"""The file name diagnostics give the request body."""

_MAX_BYTES = Limits().max_bytes


def confined_reader(maps_dir: Path, known: Mapping[Path, bytes], policy: EssayPolicy | None = None) -> ReadFn:
    """A ``read`` for :func:`argmap.checks.validate.check_map` under the confinement rule (see module doc)."""
    reader = EssayReader(policy or EssayPolicy())

    def read(rel: str) -> bytes:
        target = reader.locate(maps_dir, rel)
        return known[target] if target in known else reader.read(maps_dir, rel)

    return read


def validate_yaml(raw: bytes, registry: ClaimRegistry, maps_dir: Path, known_essays: Mapping[Path, bytes],
                  max_bytes: int = _MAX_BYTES, policy: EssayPolicy | None = None,
                  max_diagnostics: int = 200) -> ValidationReport:
    """Check ``raw`` as one map: YAML, schema, integrity and grounding; every problem located in ``request.yaml``.

    At most ``max_diagnostics`` are listed, errors first; ``omitted`` counts the rest.
    """
    map_id: str | None = None
    try:
        doc = parse_yaml(decode_utf8(raw, BODY_NAME), BODY_NAME, Limits(max_bytes=max(max_bytes, 1)))
    except YamlError as exc:
        diags = [exc.diagnostic]
    else:
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            map_id = doc.data["id"]
        _, diags = check_map(doc, registry, confined_reader(maps_dir, known_essays, policy))
    errors = [d for d in diags if d.severity == "error"]
    warnings = [d for d in diags if d.severity == "warning"]
    shown_errors = errors[:max_diagnostics]
    shown_warnings = warnings[:max_diagnostics - len(shown_errors)]
    return ValidationReport(valid=not errors, map=map_id, errors=[DiagnosticOut.of(d) for d in shown_errors],
                            warnings=[DiagnosticOut.of(d) for d in shown_warnings],
                            omitted=len(errors) + len(warnings) - len(shown_errors) - len(shown_warnings))
