"""The claim registries a corpus is checked against: each folder of maps may have its own ``claims.yaml``, and a
corpus read from several folders (an import's topics, two projects) is checked against all of them, as one.

A claim that two registries define must be defined alike (the same wording, relation and ``how``); a second,
different definition is an error located in its registry, and the maps are then checked as with a broken registry.

>>> from argmap.yaml.reader import parse_yaml
>>> a = read_registry_doc(parse_yaml("claims: [{id: c, wording: It rained.}]", "a/claims.yaml"))
>>> b = read_registry_doc(parse_yaml("claims: [{id: c, wording: It poured.}, {id: d, wording: D.}]", "b/claims.yaml"))
>>> registry, diagnostics = merged_registry([a, b])
>>> registry, [(d.path, d.line, d.message) for d in diagnostics]
(None, [('b/claims.yaml', 1, "claim 'c' is defined differently in a/claims.yaml")])
>>> registry, _ = merged_registry([a, read_registry_doc(parse_yaml("claims: [{id: d, wording: D.}]", "b/claims.yaml"))])
>>> [c.id for c in registry.claims]
['c', 'd']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.grounded import GroundedMap
from argmap.checks.validate import check_registry
from argmap.corpus.registry_checks import registry_diagnostics
from argmap.errors import Diagnostic
from argmap.format.registry import Claim, ClaimRegistry
from argmap.yaml.reader import Limits, YamlDocument, YamlError, read_yaml_file

__all__ = ["RegistryFile", "corpus_registry_diagnostics", "merged_registry", "read_registry_doc", "read_registry_file"]


@dataclass(frozen=True)
class RegistryFile:
    """One registry file as read: its name in diagnostics, its document (None when it could not be parsed), its
    registry (None when invalid), and its own diagnostics."""

    shown: str
    doc: YamlDocument | None
    registry: ClaimRegistry | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_registry_doc(doc: YamlDocument) -> RegistryFile:
    """A parsed registry, checked on its own (schema, unique ids)."""
    registry, diagnostics = check_registry(doc)
    return RegistryFile(doc.path, doc, registry, diagnostics)


def read_registry_file(path: Path, shown: str, limits: Limits, folder: Path | None = None) -> RegistryFile:
    """A registry file read and checked on its own (``folder``: the folder it was found in, read confined to it)."""
    try:
        return read_registry_doc(read_yaml_file(str(path), shown, limits, folder))
    except YamlError as exc:
        return RegistryFile(shown, None, None, [exc.diagnostic])


def merged_registry(files: Sequence[RegistryFile]) -> tuple[ClaimRegistry | None, list[Diagnostic]]:
    """One registry of every claim of ``files`` (in their order; a claim defined alike twice, once), and the errors
    of claims defined differently; None when any file is broken or two disagree."""
    broken = any(f.registry is None for f in files)
    claims: dict[str, tuple[Claim, str]] = {}
    diagnostics: list[Diagnostic] = []
    for f in files:
        for i, claim in enumerate(f.registry.claims if f.registry else []):
            first = claims.setdefault(claim.id, (claim, f.shown))
            if _definition(first[0]) != _definition(claim):
                line, col = f.doc.where(("claims", i, "id")) if f.doc else (1, 1)
                diagnostics.append(Diagnostic(
                    f.shown, line, col, f"claim '{claim.id}' is defined differently in {first[1]}",
                    hint="define it alike in both registries, or give one of them another id"))
    if broken or diagnostics:
        return None, diagnostics
    return ClaimRegistry(claims=[c for c, _ in claims.values()]), diagnostics


def _definition(claim: Claim) -> tuple[str, str | None, str | None]:
    """What two registries must agree on (the curator's ``description`` may differ)."""
    return claim.wording, claim.relation, claim.how


def corpus_registry_diagnostics(files: Sequence[RegistryFile], grounded: Mapping[str, GroundedMap], named: set[str],
                                *, several_files: bool) -> list[Diagnostic]:
    """:func:`~argmap.corpus.registry_checks.registry_diagnostics` of each valid registry file, located in it."""
    return [d for f in files if f.registry is not None
            for d in registry_diagnostics(f.registry, f.shown, f.doc, grounded, named, several_files=several_files)]
