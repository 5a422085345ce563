"""Validation of one map: its schema, then integrity (:mod:`argmap.checks.integrity`), grounding
(:mod:`argmap.checks.quotes`) and, on a map otherwise sound, paraphrase drift (:mod:`argmap.checks.drift.check`).

``check_map`` takes a parsed YAML document and returns the grounded map (or
None) with every diagnostic found, never stopping at the first problem: a map
that fails its schema is salvaged (:mod:`argmap.checks.salvage`) and checked as far as
it can be.  The checks are documented in the README's format reference.

>>> from argmap.yaml.reader import parse_yaml
>>> from argmap.format.registry import ClaimRegistry
>>> doc = parse_yaml('''
... id: m
... title: t
... source: {path: essay.txt, sha256: "%s"}
... nodes:
...   - {id: T, kind: thesis, text: t, quote: "It rained."}
...   - {id: P, kind: premise, text: p, quote: "It snowed."}
... relations: ["P -> T", "Q -> T"]
... ''' % ("0" * 64), "m.yaml")
>>> essays = {"essay.txt": b"It rained. Then it stopped."}
>>> grounded, diags = check_map(doc, ClaimRegistry(), read=essays.__getitem__)
>>> for d in diags: print(d)  # doctest: +ELLIPSIS
m.yaml:4:35: error: source.sha256 is not the essay's: ...; recheck the quotes of: P (not found) (then paste sha256: "...")
m.yaml:7:44: error: nodes[1].quote: not found in essay.txt (closest passage: "It rained.")
m.yaml:8:24: error: relations[1]: unknown node 'Q'
"""

from __future__ import annotations

from argmap.checks.grounded import GroundedMap
from argmap.checks.integrity import integrity_diagnostics
from argmap.checks.quotes import ReadFn, grounding_diagnostics
from argmap.checks.salvage import salvage
from argmap.errors import Diagnostic
from argmap.format.hints import authoring_hints
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.format.schema_errors import validate_model
from argmap.yaml.reader import YamlDocument

__all__ = ["ReadFn", "check_map", "check_registry", "verdict"]


def check_registry(doc: YamlDocument) -> tuple[ClaimRegistry | None, list[Diagnostic]]:
    """Schema plus unique claim ids.

    >>> from argmap.yaml.reader import parse_yaml
    >>> registry, diags = check_registry(parse_yaml('''
    ... claims:
    ...   - {id: russia-silent, wording: Russia said nothing.}
    ...   - {id: russia-silent, wording: Moscow kept quiet.}
    ... ''', "claims.yaml"))
    >>> registry, [str(d) for d in diags]
    (None, ["claims.yaml:4:10: error: duplicate claim id 'russia-silent' (first defined as claims[0])"])
    """
    registry, diags = validate_model(ClaimRegistry, doc)
    if registry is None:
        return None, diags
    seen: dict[str, int] = {}
    for i, claim in enumerate(registry.claims):
        if claim.id in seen:
            line, col = doc.where(("claims", i, "id"))
            diags.append(Diagnostic(doc.path, line, col, f"duplicate claim id '{claim.id}'",
                                    hint=f"first defined as claims[{seen[claim.id]}]"))
        else:
            seen[claim.id] = i
    return (None if diags else registry), diags


def check_map(
    doc: YamlDocument, registry: ClaimRegistry | None, read: ReadFn,
) -> tuple[GroundedMap | None, list[Diagnostic]]:
    """Schema, integrity and grounding of one map.

    ``registry`` None means the registry itself is broken (and reported): claim
    keys are then not checked, rather than every one reported as unknown.

    ``read`` returns the bytes of the essay named by ``source.path`` (relative
    to the map file), raising OSError when it cannot.
    """
    model, diags = validate_model(ArgumentMap, doc)
    diags = authoring_hints(doc, diags, read)
    if model is None:
        # Report every problem in one run: check what does validate, item by item.
        salvaged = salvage(doc)
        if salvaged is None:
            return None, diags
        partial, dropped = salvaged
        diags.extend(integrity_diagnostics(doc, partial, registry, dropped))
        diags.extend(grounding_diagnostics(doc, partial, read)[1])
        return None, sorted(set(diags))
    diags.extend(integrity_diagnostics(doc, model, registry))
    grounded, more = grounding_diagnostics(doc, model, read)
    diags.extend(more)
    if grounded is not None and not any(d.severity == "error" for d in diags):
        # Drift is judged on maps that are otherwise sound: errors first.
        from argmap.checks.drift.check import drift_diagnostics

        diags.extend(drift_diagnostics(doc, grounded))
    if any(d.severity == "error" for d in diags):
        return None, sorted(diags)
    return grounded, sorted(diags)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def verdict(maps: int, errors: int, warnings: int, *, strict: bool = False) -> tuple[bool, str]:
    """Whether a validation passes, and its one-line summary; ``strict`` fails on warnings too, and says so.

    >>> verdict(1, 0, 2)
    (True, 'ok: 1 map valid, 0 errors, 2 warnings')
    >>> verdict(1, 0, 2, strict=True)
    (False, 'FAILED: 1 map valid, 0 errors, 2 warnings (failing because of --strict)')
    >>> verdict(0, 1, 0, strict=True)
    (False, 'FAILED: 0 maps valid, 1 error, 0 warnings')
    """
    ok = errors == 0 and not (strict and warnings)
    line = (f"{'ok' if ok else 'FAILED'}: {_count(maps, 'map')} valid, {_count(errors, 'error')}, "
            f"{_count(warnings, 'warning')}")
    if not ok and not errors:
        line += " (failing because of --strict)"
    return ok, line
