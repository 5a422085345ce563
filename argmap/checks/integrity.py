"""The integrity rules of one map, rule by rule: ids, relation endpoints, shared claims, placeholder text, the
thesis, cycles, loose ends, and a map that both affirms and denies one claim.

:func:`integrity_diagnostics` runs them all on a validated map, or on a salvaged one
(:mod:`argmap.checks.salvage`), in which case the whole-map rules wait until every node and
relation is readable.  Each rule appends located diagnostics to one :class:`_Report`.

>>> from argmap.yaml.reader import parse_yaml
>>> from argmap.format.model import ArgumentMap
>>> from argmap.format.registry import ClaimRegistry
>>> doc = parse_yaml('''
... id: m
... title: t
... source: {path: essay.txt, sha256: "%s"}
... nodes:
...   - {id: T, kind: thesis, text: t, quote: "It rained."}
...   - {id: T, kind: premise, text: p, quote: "It snowed."}
... relations: ["T -> T"]
... ''' % ("0" * 64), "m.yaml")
>>> for d in integrity_diagnostics(doc, ArgumentMap.model_validate(doc.data), ClaimRegistry()): print(d)
m.yaml:7:10: error: duplicate node id 'T' (first used by nodes[0])
m.yaml:8:13: error: relations[0]: 'T' cannot support itself
m.yaml:8:13: error: support runs in a cycle: T -> T (a claim cannot support itself, even indirectly)
"""

from __future__ import annotations

import graphlib
import re
from dataclasses import dataclass, field

from argmap.checks.defence import attacks_on, stands
from argmap.checks.salvage import indexed
from argmap.checks.undercuts import undercut_cycle
from argmap.errors import Diagnostic, did_you_mean, id_hint
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.yaml.reader import YamlDocument

__all__ = ["PLACEHOLDER", "has_placeholder", "integrity_diagnostics"]

PLACEHOLDER = "TODO"
"""The word that marks text not written yet (``argmap new``'s skeletons say ``text: TODO say it ...``)."""
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")

_VERB = {"supports": "support", "example": "be an example for", "attacks": "attack"}


@dataclass
class _Report:
    """The diagnostics found so far, each located by its path in the document."""

    doc: YamlDocument
    out: list[Diagnostic] = field(default_factory=list)

    def at(self, loc: tuple[str | int, ...], msg: str, hint: str | None = None, severity: str = "error") -> None:
        line, col = self.doc.where(loc)
        self.out.append(Diagnostic(self.doc.path, line, col, msg, severity, hint))  # type: ignore[arg-type]

    def at_id(self, j: int, ident: str, msg: str, hint: str | None, *, target: bool) -> None:
        """At ``ident`` inside relation ``j`` when it is a short form on one line (its target: the last occurrence),
        else at the relation."""
        loc: tuple[str | int, ...] = ("relations", j)
        text = self.doc.data["relations"][j]
        if isinstance(text, dict) and len(text) == 1:  # a named short form, {r1: "P1 -> T"}
            (key, text), = text.items()
            loc = (*loc, key)
        found = [m.start() for m in re.finditer(rf"(?<![\w.-]){re.escape(ident)}(?![\w.-])", text)] \
            if isinstance(text, str) else []
        line, col = self.doc.where_within(loc, found[-1 if target else 0]) if found else self.doc.where(loc)
        self.out.append(Diagnostic(self.doc.path, line, col, msg, "error", hint))


@dataclass
class _Links:
    """What the relations join: the node ids they touch, and each target's supporters in document order."""

    touched: set[str] = field(default_factory=set)
    supports: dict[str, list[str]] = field(default_factory=dict)  # target -> sources (deterministic cycles)


def integrity_diagnostics(
    doc: YamlDocument, m: ArgumentMap, registry: ClaimRegistry | None, dropped: set[str] | None = None,
) -> list[Diagnostic]:
    """Ids, endpoints, claims, the thesis, cycles.  ``dropped``: ids of nodes that failed their schema."""
    report = _Report(doc)
    known_bad = dropped or set()
    node_ids, rel_ids = _ids(report, m)
    links = _endpoints(report, m, node_ids, rel_ids, known_bad)
    _claims(report, m, registry)
    _placeholders(report, m)
    if dropped is not None and (known_bad or any(r is None for r in m.relations)):
        return report.out  # whole-map checks (thesis, cycles, loose ends) wait until every node and relation is readable
    theses = _thesis(report, m)
    report.out.extend(_two_stances(doc, m))
    _cycles(report, m, links, node_ids)
    _undercut_cycles(report, m)
    _loose_ends(report, m, links, theses)
    return report.out


def _ids(report: _Report, m: ArgumentMap) -> tuple[dict[str, int], dict[str, int]]:
    """Unique node ids, and relation ids that no node or other relation uses; each id to its index."""
    node_ids: dict[str, int] = {}
    for i, n in indexed(m.nodes):
        if n.id in node_ids:
            report.at(("nodes", i, "id"), f"duplicate node id '{n.id}'", f"first used by nodes[{node_ids[n.id]}]")
        else:
            node_ids[n.id] = i
    rel_ids: dict[str, int] = {}
    for j, r in indexed(m.relations):
        if r.id is None:
            continue
        if r.id in node_ids or r.id in rel_ids:
            report.at(("relations", j), f"relation id '{r.id}' is already used",
                      "node and relation ids share one namespace")
        else:
            rel_ids[r.id] = j
    return node_ids, rel_ids


def _endpoints(report: _Report, m: ArgumentMap, node_ids: dict[str, int], rel_ids: dict[str, int],
               known_bad: set[str]) -> _Links:
    """Every relation's sources and target exist, an undercut attacks, and nothing targets itself."""
    links = _Links()
    for j, r in indexed(m.relations):
        for s in r.sources:
            if s not in node_ids and s not in known_bad:
                report.at_id(j, s, f"relations[{j}]: unknown node '{s}'", id_hint(s, node_ids), target=False)
            links.touched.add(s)
        if r.target in node_ids or r.target in known_bad:
            links.touched.add(r.target)
        elif r.target in rel_ids:
            if r.type != "attacks":
                report.at(("relations", j), f"relations[{j}]: only an attack can target a relation ('{r.target}')",
                          "use '-|' for an undercut")
        else:
            report.at_id(j, r.target, f"relations[{j}]: unknown node '{r.target}'",
                         id_hint(r.target, [*node_ids, *rel_ids]), target=True)
        if r.target in r.sources:
            report.at(("relations", j), f"relations[{j}]: '{r.target}' cannot {_VERB[r.type]} itself")
        if r.id is not None and r.target == r.id:
            report.at(("relations", j), f"relations[{j}]: relation '{r.id}' targets itself",
                      "an undercut attacks another relation: name that relation's id after the arrow")
        if r.is_support and r.target in node_ids:
            for s in r.sources:
                if s not in links.supports.setdefault(r.target, []):
                    links.supports[r.target].append(s)
    return links


def _claims(report: _Report, m: ArgumentMap, registry: ClaimRegistry | None) -> None:
    """Every shared claim a node names is in the registry (unchecked when the registry itself is broken)."""
    claims = {c.id for c in registry.claims} if registry is not None else set()
    for i, n in indexed(m.nodes):
        if registry is not None and n.claim is not None and n.claim not in claims:
            report.at(("nodes", i, "claim"), f"nodes[{i}].claim: unknown shared claim '{n.claim}'",
                      did_you_mean(n.claim, claims) or "add it to the registry, claims.yaml")


def has_placeholder(text: str) -> bool:
    """Whether ``text`` still holds the placeholder word (as a word, in capitals).

    >>> has_placeholder("TODO say it in one sentence of your own"), has_placeholder("Todos los santos")
    (True, False)
    """
    return _PLACEHOLDER.search(text) is not None


def _placeholders(report: _Report, m: ArgumentMap) -> None:
    """A node whose text is still a placeholder: a warning naming it (so ``--strict`` fails)."""
    for i, n in indexed(m.nodes):
        if has_placeholder(n.text):
            report.at(("nodes", i, "text"), f"nodes[{i}].text: node '{n.id}' still has placeholder text ({n.text[:50]!r})",
                      f"say in one sentence of your own what {n.id} claims", severity="warning")


def _thesis(report: _Report, m: ArgumentMap) -> list[int]:
    """Exactly one thesis, and it stands; returns the indices of the theses."""
    theses = [i for i, n in indexed(m.nodes) if n.kind == "thesis"]
    if not theses:
        report.at(("nodes",), "the map has no thesis", "mark the essay's main claim with 'kind: thesis'")
    for i in theses[1:]:
        report.at(("nodes", i, "kind"), f"a second thesis ('{m.nodes[i].id}'); a map has exactly one",
                  f"'{m.nodes[theses[0]].id}' is the thesis; make this one a conclusion or premise")
    if len(theses) == 1:
        tid = m.nodes[theses[0]].id
        if not stands(m, tid) and len(m.nodes) == 1 and not m.relations:
            report.at(("nodes", theses[0]), f"the map has only its thesis '{tid}' so far",
                      f"add the statements that support it, then relations such as 'ID -> {tid}'",
                      severity="warning")
        elif not stands(m, tid):
            report.at(("nodes", theses[0]), f"the thesis '{tid}' is neither supported nor defended",
                      _thesis_hint(m, tid))
    return theses


def _supported_by(m: ArgumentMap, start: str) -> set[str]:
    """The nodes ``start`` supports, directly or through others (a support of ``start`` from one would be a cycle)."""
    seen: set[str] = set()
    pending = [start]
    while pending:
        at = pending.pop()
        for r in m.relations:
            if r is not None and r.is_support and at in r.sources and r.target not in seen:
                seen.add(r.target)
                pending.append(r.target)
    return seen


def _thesis_hint(m: ArgumentMap, tid: str) -> str:
    """How to make the thesis stand, naming only nodes the map has, and only relations that would be valid:
    no node supports or attacks itself and no support runs in a cycle.

    >>> m = ArgumentMap.model_validate({"id": "m", "title": "t", "source": {"path": "e", "sha256": "0" * 64},
    ...     "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
    ...               {"id": "a2", "kind": "premise", "text": "p", "quote": "q"}],
    ...     "relations": ["a2 -| T", "T -> a2"]})
    >>> _thesis_hint(m, "T")   # a2 supporting T would be a cycle, a2 attacking a2 is not allowed
    "add a node that supports it ('ID -> T'), or one that answers the attack of a2 ('ID -| a2')"
    """
    others = [n for _, n in indexed(m.nodes) if n.id != tid]
    downstream = _supported_by(m, tid)
    backer = next((n for n in others if n.kind != "objection" and n.id not in downstream), None)
    attacks = attacks_on(m, tid)
    if attacks:
        attacker = attacks[0].sources[0]
        answer = next((n for n in others if n.kind != "objection" and n.id not in attacks[0].sources), None)
        support = f"support it (e.g. '{backer.id} -> {tid}')" if backer else f"add a node that supports it ('ID -> {tid}')"
        defend = (f"defend it by answering an attack on it (e.g. '{answer.id} -| {attacker}')" if answer else
                  f"one that answers the attack of {attacker} ('ID -| {attacker}')" if not backer else
                  f"defend it by answering an attack on it with a new node ('ID -| {attacker}')")
        return f"{support}, or {defend}"
    if backer is not None:
        return f"add a relation such as '{backer.id} -> {tid}'"
    return f"add a premise that supports it: a node, then a relation 'ID -> {tid}'"


def _cycles(report: _Report, m: ArgumentMap, links: _Links, node_ids: dict[str, int]) -> None:
    """Support may not run in a cycle; the first cycle found is reported once."""
    try:
        graphlib.TopologicalSorter(links.supports).prepare()
    except graphlib.CycleError as exc:
        # graphlib lists the cycle in the direction of support (each node supports the next),
        # closing on its first node; start it at the node that comes first in the file.
        ring = list(exc.args[1])[:-1]
        start = ring.index(min(ring, key=lambda nid: node_ids.get(nid, 0)))
        cycle = ring[start:] + ring[:start]
        # Point at the relation that closes the cycle (last node back to the first).
        where = next((j for j, r in indexed(m.relations) if r.is_support and r.target == cycle[0]
                      and cycle[-1] in r.sources), 0)
        report.at(("relations", where), "support runs in a cycle: " + " -> ".join([*cycle, cycle[0]]),
                  "a claim cannot support itself, even indirectly")


def _undercut_cycles(report: _Report, m: ArgumentMap) -> None:
    """Relations may not target one another in a ring (``a: P -| b``, ``b: Q -| a``): an undercut must end on a
    statement.  The ring is reported once, at the relation of the ring that comes first in the file."""
    ring = undercut_cycle(m)
    if len(ring) > 1:  # a relation that targets itself has its own message
        where = next(j for j, r in indexed(m.relations) if r.id == ring[0])
        report.at(("relations", where), "undercuts run in a cycle: " + " -| ".join([*ring, ring[0]]),
                  "an undercut attacks a relation that ends on a statement; make one of them attack a statement")


def _loose_ends(report: _Report, m: ArgumentMap, links: _Links, theses: list[int]) -> None:
    """A warning for each node that no relation touches (a map of one node has had its warning)."""
    for i, n in indexed(m.nodes):
        if n.id not in links.touched and len(m.nodes) > 1:
            target = m.nodes[theses[0]].id if theses else None
            report.at(("nodes", i, "id"), f"node '{n.id}' is not connected to the argument", severity="warning",
                      hint=(f"add a relation such as '{n.id} -> {target}'" if target not in (None, n.id)
                            else "relate it to the other nodes with '->' (supports) or '-|' (attacks)"))


def _two_stances(doc: YamlDocument, m: ArgumentMap) -> list[Diagnostic]:
    """A warning where the essay's own voice both affirms and denies one shared claim.

    An objection's stance is that of the voice it speaks in, so an objection denying what the
    essay affirms is no contradiction and is not reported.
    """
    out: list[Diagnostic] = []
    first: dict[tuple[str, str], str] = {}
    for i, n in indexed(m.nodes):
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
