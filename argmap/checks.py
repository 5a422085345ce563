"""Validation of one map beyond its schema: integrity and grounding.

``check_map`` takes a parsed YAML document and returns the grounded map (or
None) with every diagnostic found, never stopping at the first problem.  The
checks are documented in the README's format reference.

>>> from argmap.yamlsafe import parse_yaml
>>> from argmap.model import ClaimRegistry
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
m.yaml:4:35: error: essay text has changed since the map was made (...); recheck the quotes of: P (not found)
m.yaml:7:44: error: nodes[1].quote: not found in essay.txt (closest passage: "It rained.")
m.yaml:8:23: error: relations[1]: unknown node 'Q'
"""

from __future__ import annotations

import functools
import graphlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import PurePosixPath
from typing import TypeVar

from .confine import EssayRefused
from .defence import attacks_on, stands
from .errors import Diagnostic, did_you_mean, id_hint
from .grounded import GroundedMap, Span
from .grounding import Essay, sha256_text
from .model import ArgumentMap, ClaimRegistry, Node, Relation, Skip
from .schemaerrors import validate_model
from .schemahints import authoring_hints
from .yamlsafe import YamlDocument

__all__ = ["ReadFn", "check_map", "check_registry"]

ReadFn = Callable[[str], bytes]
HINT_BUDGET = 200_000_000
"""Work (in :meth:`~argmap.grounding.Essay.hint_cost` units, about 0.5 s) that one map's closest-passage hints
may take; past it the remaining hints say they were cut short."""


def check_registry(doc: YamlDocument) -> tuple[ClaimRegistry | None, list[Diagnostic]]:
    """Schema plus unique claim ids."""
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
        salvaged = _salvage(doc)
        if salvaged is None:
            return None, diags
        partial, dropped = salvaged
        diags.extend(_integrity(doc, partial, registry, dropped))
        diags.extend(_grounding(doc, partial, read)[1])
        return None, sorted(set(diags))
    diags.extend(_integrity(doc, model, registry))
    grounded, more = _grounding(doc, model, read)
    diags.extend(more)
    if grounded is not None and not any(d.severity == "error" for d in diags):
        # Drift is judged on maps that are otherwise sound: errors first.
        from .driftcheck import drift_diagnostics

        diags.extend(drift_diagnostics(doc, grounded))
    if any(d.severity == "error" for d in diags):
        return None, sorted(diags)
    return grounded, sorted(diags)


T = TypeVar("T")


def _indexed(items: Sequence[T | None]) -> Iterator[tuple[int, T]]:
    """(index, item) for the items present; a salvaged map holds None where an item failed its schema."""
    return ((i, x) for i, x in enumerate(items) if x is not None)


def _salvage(doc: YamlDocument) -> tuple[ArgumentMap, set[str]] | None:
    """The map without the nodes, relations and skips that fail their schema, and the dropped node ids.

    None when the rest of the map (id, title, source, ...) fails too.  Positions stay
    right because only the checks run on this copy; diagnostics use the original indices.
    """
    from pydantic import ValidationError

    data = doc.data
    if not isinstance(data, dict):
        return None
    dropped: set[str] = set()
    cleaned = dict(data)
    for key, item_model in (("nodes", Node), ("relations", Relation), ("skip", Skip)):
        items = data.get(key)
        if not isinstance(items, list):
            continue
        kept = []
        for item in items:
            try:
                item_model.model_validate(item)
                kept.append(item)
            except ValidationError:
                kept.append(None)
                if key == "nodes" and isinstance(item, dict) and isinstance(item.get("id"), str):
                    dropped.add(item["id"])
        cleaned[key] = kept
    try:
        # Validate the rest of the map without the dropped items (the None placeholders come back below).
        present = {k: [x for x in v if x is not None] for k, v in cleaned.items()
                   if k in ("nodes", "relations", "skip") and isinstance(v, list)}
        base = ArgumentMap.model_validate({**cleaned, **present})
    except ValidationError:
        return None
    nodes = [Node.model_validate(x) if x is not None else None for x in cleaned.get("nodes", [])]
    relations = [Relation.model_validate(x) if x is not None else None for x in cleaned.get("relations", [])]
    skips = [Skip.model_validate(x) if x is not None else None for x in cleaned.get("skip", [])]
    # model_copy(update=...) does not validate, so the None placeholders stay and list indices match the file.
    partial = base.model_copy(update={"nodes": nodes, "relations": relations, "skip": skips})
    return partial, dropped


def _integrity(
    doc: YamlDocument, m: ArgumentMap, registry: ClaimRegistry | None, dropped: set[str] | None = None,
) -> list[Diagnostic]:
    """Ids, endpoints, claims, the thesis, cycles.  ``dropped``: ids of nodes that failed their schema."""
    out: list[Diagnostic] = []
    partial = dropped is not None
    known_bad = dropped or set()

    def at(loc: tuple[str | int, ...], msg: str, hint: str | None = None, severity: str = "error") -> None:
        line, col = doc.where(loc)
        out.append(Diagnostic(doc.path, line, col, msg, severity, hint))  # type: ignore[arg-type]

    node_ids: dict[str, int] = {}
    for i, n in _indexed(m.nodes):
        if n.id in node_ids:
            at(("nodes", i, "id"), f"duplicate node id '{n.id}'", f"first used by nodes[{node_ids[n.id]}]")
        else:
            node_ids[n.id] = i
    rel_ids: dict[str, int] = {}
    for j, r in _indexed(m.relations):
        if r.id is None:
            continue
        if r.id in node_ids or r.id in rel_ids:
            at(("relations", j), f"relation id '{r.id}' is already used", "node and relation ids share one namespace")
        else:
            rel_ids[r.id] = j

    touched: set[str] = set()
    supports: dict[str, list[str]] = {}  # target -> sources, in document order (deterministic cycles)
    for j, r in _indexed(m.relations):
        for s in r.sources:
            if s not in node_ids and s not in known_bad:
                at(("relations", j), f"relations[{j}]: unknown node '{s}'", id_hint(s, node_ids))
            touched.add(s)
        if r.target in node_ids or r.target in known_bad:
            touched.add(r.target)
        elif r.target in rel_ids:
            if r.type != "attacks":
                at(("relations", j), f"relations[{j}]: only an attack can target a relation ('{r.target}')",
                   "use '-|' for an undercut")
        else:
            at(("relations", j), f"relations[{j}]: unknown node '{r.target}'",
               id_hint(r.target, [*node_ids, *rel_ids]))
        if r.target in r.sources:
            at(("relations", j), f"relations[{j}]: '{r.target}' cannot {_VERB[r.type]} itself")
        if r.id is not None and r.target == r.id:
            at(("relations", j), f"relations[{j}]: relation '{r.id}' targets itself",
               "an undercut attacks another relation: name that relation's id after the arrow")
        if r.is_support and r.target in node_ids:
            for s in r.sources:
                if s not in supports.setdefault(r.target, []):
                    supports[r.target].append(s)

    claims = {c.id for c in registry.claims} if registry is not None else set()
    for i, n in _indexed(m.nodes):
        if registry is not None and n.claim is not None and n.claim not in claims:
            at(("nodes", i, "claim"), f"nodes[{i}].claim: unknown shared claim '{n.claim}'",
               did_you_mean(n.claim, claims) or "add it to the registry, claims.yaml")

    if partial and (known_bad or any(r is None for r in m.relations)):
        return out  # whole-map checks (thesis, cycles, loose ends) wait until every node and relation is readable
    theses = [i for i, n in _indexed(m.nodes) if n.kind == "thesis"]
    if not theses:
        at(("nodes",), "the map has no thesis", "mark the essay's main claim with 'kind: thesis'")
    for i in theses[1:]:
        at(("nodes", i, "kind"), f"a second thesis ('{m.nodes[i].id}'); a map has exactly one",
           f"'{m.nodes[theses[0]].id}' is the thesis; make this one a conclusion or premise")
    if len(theses) == 1:
        tid = m.nodes[theses[0]].id
        if not stands(m, tid) and len(m.nodes) == 1 and not m.relations:
            at(("nodes", theses[0]), f"the map has only its thesis '{tid}' so far",
               f"add the statements that support it, then relations such as 'ID -> {tid}'", severity="warning")
        elif not stands(m, tid):
            at(("nodes", theses[0]), f"the thesis '{tid}' is neither supported nor defended",
               _thesis_hint(m, tid))
    out.extend(_two_stances(doc, m))

    try:
        graphlib.TopologicalSorter(supports).prepare()
    except graphlib.CycleError as exc:
        # graphlib lists the cycle in the direction of support (each node supports the next),
        # closing on its first node; start it at the node that comes first in the file.
        ring = list(exc.args[1])[:-1]
        start = ring.index(min(ring, key=lambda nid: node_ids.get(nid, 0)))
        cycle = ring[start:] + ring[:start]
        # Point at the relation that closes the cycle (last node back to the first).
        where = next((j for j, r in _indexed(m.relations) if r.is_support and r.target == cycle[0]
                      and cycle[-1] in r.sources), 0)
        at(("relations", where), "support runs in a cycle: " + " -> ".join([*cycle, cycle[0]]),
           "a claim cannot support itself, even indirectly")

    for i, n in _indexed(m.nodes):
        if n.id not in touched and len(m.nodes) > 1:  # a map of one node has had its warning above
            target = m.nodes[theses[0]].id if theses else None
            at(("nodes", i, "id"), f"node '{n.id}' is not connected to the argument", severity="warning",
               hint=(f"add a relation such as '{n.id} -> {target}'" if target not in (None, n.id)
                     else "relate it to the other nodes with '->' (supports) or '-|' (attacks)"))
    return out


_VERB = {"supports": "support", "example": "be an example for", "attacks": "attack"}


def _thesis_hint(m: ArgumentMap, tid: str) -> str:
    """How to make the thesis stand, naming only nodes the map has."""
    others = [n for _, n in _indexed(m.nodes) if n.id != tid]
    backer = next((n for n in others if n.kind != "objection"), None)
    attacks = attacks_on(m, tid)
    if attacks and backer is not None:
        return (f"support it (e.g. '{backer.id} -> {tid}'), or defend it by answering an attack on it "
                f"(e.g. '{backer.id} -| {attacks[0].sources[0]}')")
    if backer is not None:
        return f"add a relation such as '{backer.id} -> {tid}'"
    return f"add a premise that supports it: a node, then a relation 'ID -> {tid}'"


def _two_stances(doc: YamlDocument, m: ArgumentMap) -> list[Diagnostic]:
    """A warning where the essay's own voice both affirms and denies one shared claim.

    An objection's stance is that of the voice it speaks in, so an objection denying what the
    essay affirms is no contradiction and is not reported.
    """
    out: list[Diagnostic] = []
    first: dict[tuple[str, str], str] = {}
    for i, n in _indexed(m.nodes):
        if n.claim is None or n.kind == "objection":
            continue
        stance = n.effective_stance or "affirms"
        other = "denies" if stance == "affirms" else "affirms"
        first.setdefault((n.claim, stance), n.id)
        if (n.claim, other) in first:
            line, col = doc.where(("nodes", i, "stance") if n.stance else ("nodes", i, "claim"))
            out.append(Diagnostic(
                doc.path, line, col,
                f"nodes[{i}]: the map both affirms and denies '{n.claim}' ('{n.id}' {stance}, "
                f"'{first[(n.claim, other)]}' {other})", "warning",
                "bind one of them to another claim, or make the one the essay rejects an objection"))
    return out


@functools.lru_cache(maxsize=64)
def _essay(raw: bytes) -> Essay:
    """One indexed Essay per distinct text: several maps of one essay share it."""
    from .confine import decode_essay

    return Essay(decode_essay(raw))


def _grounding(doc: YamlDocument, m: ArgumentMap, read: ReadFn) -> tuple[GroundedMap | None, list[Diagnostic]]:
    out: list[Diagnostic] = []
    src = m.source.path
    try:
        raw = read(src)
    except (OSError, KeyError) as exc:
        line, col = doc.where(("source", "path"))
        reason = getattr(exc, "strerror", None) or "not found"
        if isinstance(exc, EssayRefused):
            hint = ("an essay is a plain text file in the map's folder or the seeds/ folder beside it; "
                    "argmap --essays DIR allows another folder")
        else:
            base = "the current folder for a map on standard input" if doc.path == "<stdin>" else "the map file"
            hint = f"the path is relative to {base}, e.g. ../seeds/essay.txt"
        return None, [Diagnostic(doc.path, line, col, f"source.path: cannot read essay '{src}': {reason}", hint=hint)]
    try:
        essay = _essay(raw)
    except UnicodeDecodeError:
        line, col = doc.where(("source", "path"))
        return None, [Diagnostic(doc.path, line, col, f"source.path: essay '{src}' is not UTF-8 text")]
    name = PurePosixPath(src).name
    budget = [HINT_BUDGET]

    def closest(quote: str) -> str:
        """The closest-passage hint, or a note that this map's budget for them is spent (deterministic)."""
        cost = essay.hint_cost(quote)
        if cost > budget[0]:
            budget[0] = 0
            return "hints cut short: no closest passage searched, this map's budget for them is spent"
        budget[0] -= cost
        return f'closest passage: "{essay.closest(quote)}"'

    spans: dict[str, Span] = {}
    cites: dict[str, list[Span]] = {}
    missing: list[str] = []
    for i, n in _indexed(m.nodes):
        if n.quote is not None:
            span = essay.find(n.quote)
            if span is None:
                missing.append(n.id)
                line, col = doc.where(("nodes", i, "quote"))
                out.append(Diagnostic(doc.path, line, col, f"nodes[{i}].quote: not found in {name}",
                                      hint=closest(n.quote)))
            else:
                spans[n.id] = span
        for k, cite in enumerate(n.citation or []):
            cspan = essay.find(cite)
            if cspan is None:
                missing.append(f"{n.id} (citation)")
                line, col = doc.where(("nodes", i, "citation", k))
                out.append(Diagnostic(doc.path, line, col, f"nodes[{i}].citation: not found in {name}",
                                      hint=closest(cite)))
            else:
                cites.setdefault(n.id, []).append(cspan)
    for s, skip in _indexed(m.skip):
        if essay.find(skip.quote) is None:
            line, col = doc.where(("skip", s, "quote"))
            out.append(Diagnostic(doc.path, line, col, f"skip[{s}].quote: not found in {name}",
                                  hint=closest(skip.quote)))
    actual = sha256_text(raw)
    if actual != m.source.sha256:
        line, col = doc.where(("source", "sha256"))
        quoted = [n.id for _, n in _indexed(m.nodes) if n.quote is not None]
        change = (f"essay text has changed since the map was made (sha256 is {actual[:4]}…, "
                  f"the map says {m.source.sha256[:4]}…); ")
        if missing:
            change += "recheck the quotes of: " + ", ".join(f"{x} (not found)" for x in missing)
        else:
            change += (f"all {len(quoted)} quotes are still found, but reread them in context: "
                       f"{', '.join(quoted)} (then set sha256 to {actual})")
        out.append(Diagnostic(doc.path, line, col, change))
    grounded = GroundedMap(m, doc.path, essay, spans, cites, doc.where(("source", "path"))) if not out else None
    return grounded, out

