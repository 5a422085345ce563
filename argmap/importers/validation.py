"""Whether a converted map is one ``argmap validate`` accepts, told about the file it was converted from.

An import checks each map it converts with the checks ``argmap validate`` runs (:func:`~argmap.checks.validate.
check_map`, on the YAML text about to be written, within the same size limits, against the claims stub written
beside it), so it never writes a map that fails them.  What the checks find is said of the input file, since
nothing is written for a map that fails: an error names the statement at fault (its id, which is the source's own
id of it) and what is wrong with it.  A map's warnings do not stop it: one warning per input counts them and says
where to read them.

>>> from argmap.importers.base import ImportedMap
>>> essay = b"It rained."
>>> yaml = '''id: m
... title: t
... source: {path: ../seeds/m.txt, sha256: "%s"}
... nodes:
...   - {id: T, kind: thesis, text: "It rained.", quote: "It rained."}
...   - {id: P, kind: premise, text: "%s", quote: "It rained."}
... relations: ["P -> T"]
... ''' % (__import__("hashlib").sha256(essay).hexdigest(), "x" * 4001)
>>> m = ImportedMap("m", yaml, "m.txt", essay)
>>> for d in imported_map_diagnostics(m, "in/m.json", "claims: []\\n"): print(d)  # doctest: +NORMALIZE_WHITESPACE
in/m.json:1:1: error: its map (maps/m.yaml) would not validate: statement 'P': nodes[1].text: too long (4,001 characters;
string should have at most 4000 characters) (nothing is written for this file: correct it and import it again)
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from argmap.errors import Diagnostic
from argmap.importers.base import ImportedMap
from argmap.yaml.reader import Limits, YamlDocument, YamlError, parse_yaml, parse_yaml_bytes

if TYPE_CHECKING:
    from argmap.checks.validate import ReadFn

__all__ = ["imported_map_diagnostics"]

_NOTHING_WRITTEN = "nothing is written for this file: correct it and import it again"


def _statement(doc: YamlDocument, d: Diagnostic) -> str:
    """``"statement 'P': "`` when ``d`` is within a node of ``doc`` (found by its line), else ``""``."""
    nodes = doc.data.get("nodes") if isinstance(doc.data, dict) else None
    if not isinstance(nodes, list):
        return ""
    found = ""
    for i, node in enumerate(nodes):
        if doc.where(("nodes", i))[0] > d.line:
            break
        found = f"statement '{node['id']}': " if isinstance(node, dict) and "id" in node else ""
    relations = doc.data.get("relations")
    if found and isinstance(relations, list) and relations and doc.where(("relations", 0))[0] <= d.line:
        return ""  # past the nodes: a relation, whose message names its ids
    return found


def _essay_reader(m: ImportedMap) -> ReadFn:
    """The essay the map names, as ``argmap validate`` would read it from the file the import writes."""
    from argmap.files.confine import DEFAULT_MAX_ESSAY_BYTES

    def read(rel: str) -> bytes:
        if rel != f"../seeds/{m.essay_name}":
            raise FileNotFoundError(errno.ENOENT, "not the essay the import writes")
        if len(m.essay_bytes) > DEFAULT_MAX_ESSAY_BYTES:  # the limit argmap validate reads essays within
            raise OSError(errno.EFBIG, f"the essay is {len(m.essay_bytes):,} bytes, over the limit of "
                              f"{DEFAULT_MAX_ESSAY_BYTES:,}")
        return m.essay_bytes

    return read


def imported_map_diagnostics(m: ImportedMap, source: str, claims_yaml: str) -> list[Diagnostic]:
    """What ``argmap validate`` would say of ``m`` written with ``claims_yaml`` as its registry, said of the input
    file ``source`` (line 1, column 1): each error, and at most one warning counting the warnings."""
    from argmap.checks.validate import check_map, check_registry

    shown = f"{m.group or 'maps'}/{m.map_id}.yaml"
    try:
        doc = parse_yaml_bytes(m.map_yaml.encode("utf-8"), shown, Limits())  # the limits of a map file
        registry, found = check_registry(parse_yaml(claims_yaml, f"{m.group or 'maps'}/claims.yaml"))
    except YamlError as exc:
        doc, registry, found = None, None, [exc.diagnostic]
    if doc is not None and registry is not None:
        found += check_map(doc, registry, _essay_reader(m))[1]
    errors = [d for d in found if d.severity == "error"]
    if errors:
        return [Diagnostic(source, 1, 1, f"its map ({shown}) would not validate: "
                                         f"{_statement(doc, d) if doc is not None else ''}{d.message}",
                           hint=f"{d.hint}; {_NOTHING_WRITTEN}" if d.hint else _NOTHING_WRITTEN) for d in errors]
    if not found:
        return []
    first = found[0].message + (f", and {len(found) - 1} more" if len(found) > 1 else "")
    return [Diagnostic(source, 1, 1, f"its map ({shown}) has {len(found)} warning(s): {first}", "warning",
                       hint=f"argmap validate of {shown} under --out lists each where it is; warnings do not "
                            "stop the import")]
