"""Turning an AIF graph into an argmap map (see :mod:`argmap.importers.aif` for the rules)."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from argmap.format.model import ID_PATTERN
from argmap.importers.aif_graph import AifGraph
from argmap.importers.base import ImportedMap
from argmap.text.essayindex import Essay, sha256_text

__all__ = ["AifGraph", "build_map"]

_IDENT = re.compile(ID_PATTERN)
_ARROWS = {"supports": "->", "example": "..>", "attacks": "-|"}
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_EXAMPLE_WORD = re.compile(r"\bexample\b")
_RELATION_TYPES = {"RA": "supports", "CA": "attacks"}
Rel = tuple[str, str, list[str], str]
"""A relation node as read: its AIF id, its type, its sources (I-nodes) and its target (an I-node, or a relation)."""


def _ident(raw: str, prefix: str, taken: set[str]) -> str:
    cand = raw if _IDENT.match(raw) else _UNSAFE.sub("-", raw).strip("-")
    if not cand[:1].isalpha():
        cand = prefix + cand
    cand = cand[:64]
    base, n = cand[:58], 2
    while cand in taken:
        cand, n = f"{base}-{n}", n + 1
    taken.add(cand)
    return cand


def _extra(g: AifGraph, key: str) -> dict[str, Any]:
    """argmap's own fields on an I-node (its first mention), empty for other AIF."""
    extra = g.nodes[key].get("argmap")
    if not isinstance(extra, dict):
        return {}
    mentions = extra.get("mentions") or [{}]
    first = mentions[0] if isinstance(mentions, list) and mentions and isinstance(mentions[0], dict) else {}
    out = {**first, "claim": extra.get("claim"), "text_kind": extra.get("kind")}
    # Only values of the types argmap writes are taken; anything else (a dict as a claim) is left out.
    for k in ("claim", "kind", "stance", "note", "text_kind"):
        if not isinstance(out.get(k), str):
            out.pop(k, None)
    for k in ("tags", "citation"):
        value = out.get(k)
        if isinstance(value, str):
            out[k] = [value]
        elif not (isinstance(value, list) and all(isinstance(x, str) for x in value)):
            out.pop(k, None)
    return out


def _relation_type(g: AifGraph, key: str) -> str | None:
    """supports, example or attacks for an RA- or CA-node (the example scheme by its name), None otherwise."""
    rtype = _RELATION_TYPES.get(g.type(key))
    node = g.nodes[key]
    extra = node.get("argmap")
    if rtype == "supports":
        told = extra.get("relation") if isinstance(extra, dict) else None
        scheme = f"{node.get('scheme') or ''} {node.get('text') or ''}".lower()
        if told == "example" or (told is None and _EXAMPLE_WORD.search(scheme)):
            return "example"
    return rtype


def _relations(g: AifGraph, keep: set[str]) -> list[Rel]:
    """(AIF id, type, AIF sources, AIF target) of each relation node with I-node sources and one target."""
    out = []
    for key in g.nodes:
        rtype = _relation_type(g, key)
        if rtype is None:
            continue
        sources = [u for u in g.preds.get(key, []) if u in keep]
        targets = [v for v in g.succs.get(key, []) if v in keep or g.type(v) in _RELATION_TYPES]
        if sources and len(targets) == 1 and not (rtype != "attacks" and targets[0] not in keep):
            out.append((key, rtype, sources, targets[0]))
    return out


def _kinds(keys: list[str], rels: list[Rel]) -> dict[str, str]:
    """Each statement's kind.  The thesis is the root of the argument: among the statements that argue for or
    against nothing, the one the most others argue about, directly or not (supports, attacks and undercuts; the
    first in the file on a tie), so a claim defended only by answering its objections is found too.  The rest take
    their side from it (:func:`_sides`); a statement not connected to it is a conclusion when it supports nothing
    (and is supported), an objection when it attacks, a premise otherwise."""
    supported = {target for _, rtype, _, target in rels if rtype != "attacks"}
    sources_of: dict[str, set[str]] = {}
    for _, rtype, sources, _ in rels:
        for source in sources:
            sources_of.setdefault(source, set()).add(rtype)
    if not keys:
        return {}
    index = _index(rels)
    sinks = [k for k in keys if k not in sources_of] or keys
    sides = max((_sides(k, index) for k in sinks), key=len)  # max keeps the first of equals
    thesis = next(iter(sides))
    kinds = {k: ("premise" if sides[k] else "objection") if k in sides else "objection"
             if "attacks" in sources_of.get(k, ()) else "conclusion" if k in supported and k not in sources_of
             else "premise" for k in keys}
    kinds[thesis] = "thesis"
    return kinds


def _index(rels: list[Rel]) -> tuple[dict[str, list[Rel]], dict[str, list[Rel]]]:
    """The relations into each statement, and the undercuts of the attacks each statement makes."""
    into: dict[str, list[Rel]] = {}
    for rel in rels:
        into.setdefault(rel[3], []).append(rel)
    undercuts: dict[str, list[Rel]] = {}
    for key, _, sources, _ in rels:
        for source in sources if key in into else ():
            undercuts.setdefault(source, []).extend(into[key])
    return into, undercuts


def _sides(thesis: str, index: tuple[dict[str, list[Rel]], dict[str, list[Rel]]]) -> dict[str, bool]:
    """Which statements argue for ``thesis`` (True) and which against it, going out from it: a support's sources
    are on its target's side, an attack's on the other side, and an undercut's on the side other than that of the
    attack it undercuts.  So an answer to an objection is a premise, as in the corpora that mark each voice.

    >>> rels = [("r1", "attacks", ["O"], "T"), ("r2", "attacks", ["P"], "r1"), ("r3", "supports", ["Q"], "O")]
    >>> _sides("T", _index(rels))
    {'T': True, 'O': False, 'Q': False, 'P': True}
    """
    into, undercuts = index
    side, todo = {thesis: True}, deque([thesis])
    while todo:
        x = todo.popleft()
        steps = [(sources, side[x] != (rtype == "attacks")) for _, rtype, sources, _ in into.get(x, [])]
        steps += [(sources, not side[x]) for _, _, sources, _ in undercuts.get(x, [])]
        for sources, pro in steps:
            for y in sources:
                if y not in side:
                    side[y] = pro
                    todo.append(y)
    return side


def _essay(g: AifGraph, quotes: dict[str, str | None], extra_texts: list[str]) -> str:
    if g.text is not None:
        paragraphs = [g.text.strip()]
    else:
        ls = [k for k in g.locution_order if k in g.nodes] + [k for k in g.nodes if g.type(k) == "L"]
        used = {loc for k in quotes for loc in g.locutions_of(k)}
        paragraphs = [g.text_of(k) for k in dict.fromkeys(ls) if k in used]
    text = "\n\n".join(p for p in paragraphs if p)
    essay = Essay(text)
    missing = [q for q in [*quotes.values(), *extra_texts] if q and essay.find(q) is None]
    text = "\n\n".join([text, *dict.fromkeys(missing)] if text else list(dict.fromkeys(missing)))
    return text + "\n"


@dataclass
class _Nodes:
    """The statements read so far, and what the essay must hold for their quotes and citations to be found."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    quotes: dict[str, str | None] = field(default_factory=dict)
    claims: dict[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # further quotes and citations


def _statement(g: AifGraph, k: str, ident: str, kind: str, ex: dict[str, Any], out: _Nodes) -> None:
    """One I-node as a node: its text the proposition, its quote what was said (L-node, without the speaker)."""
    own = bool(g.extras)
    locs = g.locutions_of(k)
    if own and locs:  # argmap's export: this mention's L-node and its restatements (``L:<id>#2``), no other map's
        locs = [loc for loc in locs if loc == locs[0] or loc.startswith(locs[0] + "#")]
    said = [g.text_of(loc) if own else g.said(loc, k) for loc in locs]
    said = list(dict.fromkeys(q for q in said if q)) or [g.text_of(k)]
    implicit = kind == "assumption" or bool(ex.get("implicit"))
    out.quotes[k] = None if implicit else said[0]
    node: dict[str, Any] = {"id": ident, "kind": kind, "text": g.text_of(k)}
    if implicit and kind != "assumption":
        node["implicit"] = True
    if out.quotes[k]:
        node["quote"] = out.quotes[k]
        if len(said) > 1:  # one proposition asserted by several locutions: said in several places
            node["more_quotes"] = said[1:]
            out.texts += said[1:]
    if ex.get("claim"):
        node["claim"] = ex["claim"]
        out.claims[ex["claim"]] = g.text_of(k)
        if ex.get("stance") in ("affirms", "denies"):
            node["stance"] = ex["stance"]
    for key in ("tags", "citation", "note", "accept_drift"):
        if ex.get(key):
            node[key] = ex[key]
    out.texts += list(ex.get("citation") or [])
    out.nodes.append(node)


def build_map(g: AifGraph, stem: str) -> ImportedMap:
    """The map of one AIF graph, and its essay (see :mod:`argmap.importers.aif` for the rules)."""
    taken: set[str] = set()
    i_keys = [k for k in g.nodes if g.type(k) == "I" and g.text_of(k)]
    ids = {k: _ident(k, "I", taken) for k in i_keys}
    rels = _relations(g, set(i_keys))
    guessed = _kinds(i_keys, rels)
    read = _Nodes()
    for k in i_keys:
        ex = _extra(g, k)
        _statement(g, k, ids[k], ex.get("kind") or guessed[k], ex, read)
    nodes = read.nodes
    if sum(n["kind"] == "thesis" for n in nodes) > 1:  # the theses of an exported comparison: keep the first
        for n in [n for n in nodes if n["kind"] == "thesis"][1:]:
            n["kind"] = "conclusion"
    _rephrases(g, ids, nodes)
    relations = _relation_forms(g, rels, ids, taken)
    maps: list[Any] = g.extras["maps"] if isinstance(g.extras.get("maps"), list) else []
    info = maps[0] if len(maps) == 1 and isinstance(maps[0], dict) else {}
    essay = info["essay"] if isinstance(info.get("essay"), str) else _essay(g, read.quotes, read.texts)
    if not g.extras:
        _accept_reconstruction(nodes, essay)
    map_id = _ident(str(info.get("id") or stem), "aif-", set())
    essay_name = PurePosixPath(str(info.get("source") or "")).name
    essay_name = essay_name if _FILE_NAME.match(essay_name) else f"{map_id}.txt"
    doc: dict[str, Any] = {"id": map_id, "title": info.get("title") or f"{stem} (imported from AIF)",
                           "author": info.get("author") if info else _author(g)}
    doc.update({k: info[k] for k in ("publication", "date") if isinstance(info.get(k), str)})
    if info.get("title_supplied") is True:
        doc["title_supplied"] = True
    doc.update(source={"path": f"../seeds/{essay_name}", "sha256": sha256_text(essay.encode("utf-8"))},
               nodes=nodes, relations=relations)
    if isinstance(info.get("skip"), list) and info["skip"]:
        doc["skip"] = info["skip"]
    import yaml

    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=10**6, default_flow_style=False)
    return ImportedMap(map_id, text, essay_name, essay.encode("utf-8"), "maps", tuple(sorted(read.claims.items())))


RECONSTRUCTED = ("AIF: the proposition (I-node) is the analyst's reconstruction of what was said (L-node), "
                 "which it may word otherwise by design")


def _accept_reconstruction(nodes: list[dict[str, Any]], essay: str) -> None:
    """In AIF the proposition and its locution differ by design (a question asked, a pronoun resolved): the drift
    check would compare the wrong pair, so each drift found between them is accepted, with the reason; where the
    two agree, nothing is accepted and the check still watches any later edit of the paraphrase."""
    from argmap.checks.drift.check import drift_kinds

    differ = [n for n in nodes if n.get("quote") and n["quote"] != n["text"]]
    for node, kinds in zip(differ, drift_kinds([(n["text"], n["quote"]) for n in differ], essay), strict=True):
        if kinds:
            node["accept_drift"] = dict.fromkeys(kinds, RECONSTRUCTED)


def _author(g: AifGraph) -> str | None:
    """The speakers who say something in the argument (not every participant listed), in order."""
    return ", ".join(g.speakers()) or None


def _rephrases(g: AifGraph, ids: dict[str, str], nodes: list[dict[str, Any]]) -> None:
    """An MA-node (rephrase, restatement) is not support: argmap has no such relation, so the rephrasing statement
    keeps it as a note ("rephrases I12"), and nothing is argued from it."""
    by_id = {n["id"]: n for n in nodes}
    for key in g.nodes:
        if g.type(key) != "MA":
            continue
        sources = [ids[u] for u in g.preds.get(key, []) if u in ids]
        targets = [ids[v] for v in g.succs.get(key, []) if v in ids]
        for src in sources:
            said = f"rephrases {', '.join(targets)} (AIF {str(g.nodes[key].get('text') or 'MA').strip()})"
            node = by_id[src]
            node["note"] = f"{node['note']}; {said}" if node.get("note") else said


def _relation_forms(g: AifGraph, rels: list[Rel], ids: dict[str, str],
                    taken: set[str]) -> list[str]:
    """Short forms; a relation keeps an id when an undercut needs it or it had one of its own."""
    undercut = {target for _, _, _, target in rels if target not in ids}
    rel_ids: dict[str, str] = {}
    for key, rtype, sources, target in rels:
        extra = g.nodes[key].get("argmap")
        own = extra.get("id") if isinstance(extra, dict) else None
        generated = f"{'+'.join(sources)}-{rtype}-{target}"
        if isinstance(own, str) and _IDENT.match(own):
            rel_ids[key] = _ident(own, "r", taken)
        elif key in undercut or (_IDENT.match(key) and key != generated and bool(g.extras) and not isinstance(extra, dict)):
            rel_ids[key] = _ident(key, "r", taken)
    out = []
    for key, rtype, sources, target in rels:
        if target not in ids and target not in rel_ids:
            continue  # an attack on a relation that was not kept
        arrow = _ARROWS[rtype]
        body = f"{' + '.join(ids[s] for s in sources)} {arrow} {ids.get(target) or rel_ids[target]}"
        out.append(f"{rel_ids[key]}: {body}" if key in rel_ids else body)
    return out
