"""Checks of the claim registry against the maps that bind it: claims no map uses, and relations a claim declares
that the maps' stances contradict.  Each is located at the claim's line in the registry.

>>> claims_named({"nodes": [{"id": "P", "claim": "c"}, {"id": "Q"}]})
{'c'}
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.checks.grounded import GroundedMap
from argmap.errors import Diagnostic
from argmap.format.registry import ClaimRegistry
from argmap.yaml.reader import YamlDocument

__all__ = ["claims_named", "registry_diagnostics"]


def claims_named(data: object) -> set[str]:
    """The claim ids a map's nodes name, read from its YAML data whether or not the map is valid."""
    nodes = data.get("nodes") if isinstance(data, dict) else None
    return {n["claim"] for n in nodes or [] if isinstance(n, dict) and isinstance(n.get("claim"), str)} \
        if isinstance(nodes, list) else set()


def registry_diagnostics(registry: ClaimRegistry, shown: str, registry_doc: YamlDocument | None,
                         grounded: Mapping[str, GroundedMap], named: set[str], *, several_files: bool) -> list[Diagnostic]:
    """With two or more maps: a warning for each claim no map names (a broken map's bindings count too, so a claim
    is not called unused because of another error), and a located error for each declared relation that the maps'
    bindings contradict."""
    from argmap.format.relations import relation_problems

    out: list[Diagnostic] = []
    if grounded and several_files:
        out += [Diagnostic(shown, *_position(registry_doc, i), f"claim '{c.id}' is used by no map", "warning",
                           "bind a node to it with 'claim:', or remove it")
                for i, c in enumerate(registry.claims) if c.id not in named]
    if len(grounded) > 1:
        out += [Diagnostic(shown, *_position(registry_doc, i, "relation"), message, hint=hint)
                for i, message, hint in relation_problems(registry, (g.model for g in grounded.values()))]
    return out


def _position(registry_doc: YamlDocument | None, index: int, key: str = "id") -> tuple[int, int]:
    if registry_doc is None:  # pragma: no cover - guarded by caller
        return 1, 1
    return registry_doc.where(("claims", index, key))
