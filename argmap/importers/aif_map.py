"""Turning an AIF graph into an argmap map (see :mod:`argmap.importers.aif` for the rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.format.model import ID_PATTERN
from argmap.importers.base import ImportedMap
from argmap.text.essayindex import Essay, sha256_text

__all__ = ["AifGraph", "build_map"]

_IDENT = re.compile(ID_PATTERN)
_SPEAKER = re.compile(r"^[^:\n]{1,40} : ")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_RELATION_TYPES = {"RA": "supports", "MA": "supports", "CA": "attacks"}


@dataclass
class AifGraph:
    nodes: dict[str, dict[str, Any]]
    edges: list[tuple[str, str]]
    locution_order: list[str]
    speakers: list[str]
    extras: dict[str, Any]
    text: str | None = None
    preds: dict[str, list[str]] = field(default_factory=dict)
    succs: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, graph: dict[str, Any], text: str | None) -> AifGraph:
        nodes = {str(n["nodeID"]): n for n in graph["nodes"] if isinstance(n, dict)}
        edges = [(str(e.get("fromID")), str(e.get("toID"))) for e in graph["edges"] if isinstance(e, dict)]
        edges = [(u, v) for u, v in edges if u in nodes and v in nodes]
        locutions = [str(x.get("nodeID")) for x in graph.get("locutions") or [] if isinstance(x, dict)]
        people = [" ".join(str(p.get(k) or "") for k in ("firstname", "surname")).strip()
                  for p in graph.get("participants") or [] if isinstance(p, dict)]
        extras: dict[str, Any] = graph["argmap"] if isinstance(graph.get("argmap"), dict) else {}
        g = cls(nodes, edges, locutions, [p for p in people if p], extras, text)
        for u, v in edges:
            g.succs.setdefault(u, []).append(v)
            g.preds.setdefault(v, []).append(u)
        return g

    def type(self, key: str) -> str:
        return str(self.nodes[key].get("type", ""))

    def text_of(self, key: str) -> str:
        return " ".join(str(self.nodes[key].get("text") or "").split())

    def locutions_of(self, i_node: str) -> list[str]:
        """L-nodes that assert ``i_node`` through a YA-node (L → YA → I)."""
        return [loc for ya in self.preds.get(i_node, []) if self.type(ya) == "YA"
                for loc in self.preds.get(ya, []) if self.type(loc) == "L"]


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


def _relations(g: AifGraph, keep: set[str]) -> list[tuple[str, str, list[str], str]]:
    """(AIF id, type, AIF sources, AIF target) of each relation node with I-node sources and one target."""
    out = []
    for key in g.nodes:
        rtype = _RELATION_TYPES.get(g.type(key))
        if rtype is None:
            continue
        sources = [u for u in g.preds.get(key, []) if u in keep]
        targets = [v for v in g.succs.get(key, []) if v in keep or g.type(v) in _RELATION_TYPES]
        if sources and len(targets) == 1 and not (rtype == "supports" and targets[0] not in keep):
            out.append((key, rtype, sources, targets[0]))
    return out


def _ancestors(start: str, supports: dict[str, list[str]]) -> int:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for s in supports.get(todo.pop(), []):
            if s not in seen:
                seen.add(s)
                todo.append(s)
    return len(seen)


def _kinds(keys: list[str], rels: list[tuple[str, str, list[str], str]]) -> dict[str, str]:
    supported: dict[str, list[str]] = {}
    sources_of: dict[str, set[str]] = {}
    for _, rtype, sources, target in rels:
        for s in sources:
            sources_of.setdefault(s, set()).add(rtype)
        if rtype == "supports":
            supported.setdefault(target, []).extend(sources)
    roots = [k for k in keys if k in supported and k not in sources_of]
    ranked = sorted(roots or [k for k in keys if k in supported] or keys[:1],
                    key=lambda k: (-_ancestors(k, supported), keys.index(k)))
    kinds = {k: "objection" if "attacks" in sources_of.get(k, ()) else "conclusion" if k in roots else "premise"
             for k in keys}
    if ranked:
        kinds[ranked[0]] = "thesis"
    return kinds


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


def build_map(g: AifGraph, stem: str) -> ImportedMap:
    own = bool(g.extras)  # argmap's own export: kinds, claims and the rest ride along under "argmap" keys
    taken: set[str] = set()
    i_keys = [k for k in g.nodes if g.type(k) == "I" and g.text_of(k)]
    ids = {k: _ident(k, "I", taken) for k in i_keys}
    rels = _relations(g, set(i_keys))
    guessed = _kinds(i_keys, rels)
    quotes: dict[str, str | None] = {}
    nodes: list[dict[str, Any]] = []
    claims: dict[str, str] = {}
    citations: list[str] = []
    for k in i_keys:
        ex = _extra(g, k)
        kind = ex.get("kind") or guessed[k]
        locs = g.locutions_of(k)
        quote = g.text_of(locs[0]) if locs else g.text_of(k)
        if locs and not own:
            quote = _SPEAKER.sub("", quote, count=1)
        quotes[k] = None if kind == "assumption" else quote
        node: dict[str, Any] = {"id": ids[k], "kind": kind, "text": g.text_of(k)}
        if quotes[k]:
            node["quote"] = quotes[k]
        if ex.get("claim"):
            node["claim"] = ex["claim"]
            claims[ex["claim"]] = g.text_of(k)
            if ex.get("stance") == "denies":
                node["stance"] = "denies"
        for key in ("tags", "citation", "note"):
            if ex.get(key):
                node[key] = ex[key]
        citations += list(ex.get("citation") or [])
        nodes.append(node)
    if sum(n["kind"] == "thesis" for n in nodes) > 1:  # the theses of an exported comparison: keep the first
        for n in [n for n in nodes if n["kind"] == "thesis"][1:]:
            n["kind"] = "conclusion"
    relations = _relation_forms(g, rels, ids, taken)
    essay = _essay(g, quotes, citations)
    maps: list[Any] = g.extras["maps"] if isinstance(g.extras.get("maps"), list) else []
    info = maps[0] if len(maps) == 1 and isinstance(maps[0], dict) else {}
    map_id = _ident(str(info.get("id") or stem), "aif-", set())
    doc = {"id": map_id, "title": info.get("title") or f"{stem} (imported from AIF)",
           "author": info.get("author") if info else (", ".join(g.speakers) or None),
           "source": {"path": f"../seeds/{map_id}.txt", "sha256": sha256_text(essay.encode("utf-8"))},
           "nodes": nodes, "relations": relations}
    import yaml

    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=10**6, default_flow_style=False)
    return ImportedMap(map_id, text, f"{map_id}.txt", essay.encode("utf-8"), "maps", tuple(sorted(claims.items())))


def _relation_forms(g: AifGraph, rels: list[tuple[str, str, list[str], str]], ids: dict[str, str],
                    taken: set[str]) -> list[str]:
    """Short forms; a relation keeps an id when an undercut needs it or it had one of its own."""
    undercut = {target for _, _, _, target in rels if target not in ids}
    rel_ids: dict[str, str] = {}
    for key, rtype, sources, target in rels:
        generated = f"{'+'.join(sources)}-{rtype}-{target}"
        if key in undercut or (_IDENT.match(key) and key != generated and bool(g.extras)):
            rel_ids[key] = _ident(key, "r", taken)
    out = []
    for key, rtype, sources, target in rels:
        if target not in ids and target not in rel_ids:
            continue  # an attack on a relation that was not kept
        arrow = "->" if rtype == "supports" else "-|"
        body = f"{' + '.join(ids[s] for s in sources)} {arrow} {ids.get(target) or rel_ids[target]}"
        out.append(f"{rel_ids[key]}: {body}" if key in rel_ids else body)
    return out
