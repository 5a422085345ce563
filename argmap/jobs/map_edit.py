"""Editing a map file as text: add a node, a relation or an undercut, bind a node to a shared claim.

Each edit is a pure function from the map's YAML text to the new text.  The file is
read with ruamel.yaml, which says where each node and relation is; the edit then
inserts or changes only the lines it concerns, in the file's own indentation, so
every comment, blank line, key order and quoting stays as the curator wrote it.  A
list written in flow style (``[a, b]``) is edited through ruamel.yaml's round trip.  A new
node gets a fresh id (a letter for its kind and the next free number: ``P4``, ``O2``;
``T`` for the thesis) and the exact passage as its quote, so it is grounded by
construction.  The preview page (:mod:`argmap.jobs.preview_edit`) calls these functions.

>>> text = '''id: m  # the map
... nodes:
...   - id: T
...     kind: thesis
...     text: Deposits should rise.
...     quote: "Deposits on bottles should be raised."
... relations: []
... '''
>>> text, node = add_node(text, kind="premise", quote="Most bottles are thrown away.",
...                       paraphrase="Most bottles end up as litter.")
>>> node
'P1'
>>> text, rel = add_relation(text, "P1", "T", "supports")
>>> print(text)
id: m  # the map
nodes:
  - id: T
    kind: thesis
    text: Deposits should rise.
    quote: "Deposits on bottles should be raised."
  - id: P1
    kind: premise
    text: "Most bottles end up as litter."
    quote: "Most bottles are thrown away."
relations:
  - P1 -> T
<BLANKLINE>
"""

from __future__ import annotations

import re
from typing import Any

from argmap.errors import MapEditError
from argmap.yaml.edit import append_item, block_list, dump, is_flow, load, plain, quoted, value_end

_CLAIM_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_CLAIM_LINE = re.compile(r"(claim:\s*)[^#]*?(\s*(#.*)?)$")

__all__ = [
    "EDGE_KINDS",
    "NODE_KINDS",
    "MapEditError",
    "add_node",
    "add_relation",
    "bind_claim",
    "relation_ids",
]

NODE_KINDS = ("thesis", "premise", "conclusion", "evidence", "objection")
"""The kinds a passage can become (an assumption has no quote, so it is never made from a selection)."""
EDGE_KINDS = {"supports": "->", "attacks": "-|", "example": "..>"}
_PREFIX = {"premise": "P", "conclusion": "C", "evidence": "E", "objection": "O"}
_MAX_QUOTE = 2000


def relation_ids(relations: list[Any]) -> list[str | None]:
    from argmap.format.model import Relation

    ids: list[str | None] = []
    for item in relations:
        try:
            ids.append(Relation.model_validate(plain(item)).id)
        except ValueError:
            ids.append(None)
    return ids


def _used_ids(data: Any) -> set[str]:
    nodes = data.get("nodes") or []
    used = {str(n.get("id")) for n in nodes if isinstance(n, dict) and n.get("id") is not None}
    relations = data.get("relations") or []
    return used | {r for r in relation_ids(list(relations)) if r}


def _fresh(used: set[str], prefix: str) -> str:
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def _node_ids(data: Any) -> list[str]:
    return [str(n.get("id")) for n in (data.get("nodes") or []) if isinstance(n, dict) and n.get("id") is not None]


def add_node(text: str, *, kind: str, quote: str, paraphrase: str) -> tuple[str, str]:
    """``text`` with a new node at the end of ``nodes``, and the node's fresh id.

    ``quote`` is taken as it is (the page sends the exact passage); ``paraphrase`` is the node's ``text``.

    >>> add_node("nodes: []\\n", kind="thesis", quote="It rained.", paraphrase="Rain fell.")[1]
    'T'
    >>> add_node("nodes: []\\n", kind="assumption", quote="x", paraphrase="y")
    Traceback (most recent call last):
    ...
    argmap.errors.MapEditError: a passage can become a thesis, premise, conclusion, evidence or objection, not 'assumption'
    """
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if kind not in NODE_KINDS:
        raise MapEditError(f"a passage can become a {', '.join(NODE_KINDS[:-1])} or {NODE_KINDS[-1]}, not '{kind}'")
    quote, paraphrase = quote.strip(), " ".join(paraphrase.split())
    if not quote:
        raise MapEditError("select a passage of the essay first: the node's quote is empty")
    if len(quote) > _MAX_QUOTE:
        raise MapEditError(f"the passage is {len(quote):,} characters; a quote is at most {_MAX_QUOTE:,} (select less)")
    if not paraphrase:
        raise MapEditError("say in your own words what the passage claims: the node's text is empty")
    y, data = load(text)
    nodes = block_list(data, "nodes") or []
    used = _used_ids(data)
    if kind == "thesis":
        theses = [n.get("id") for n in nodes if isinstance(n, dict) and n.get("kind") == "thesis"]
        if theses:
            raise MapEditError(f"the map has a thesis already ('{theses[0]}'); make this passage a premise or conclusion")
        node_id = "T" if "T" not in used else _fresh(used, "T")
    else:
        node_id = _fresh(used, _PREFIX[kind])
    fields = [("id", node_id), ("kind", kind), ("text", paraphrase), ("quote", quote)]
    if is_flow(data.get("nodes")):
        from ruamel.yaml.comments import CommentedMap
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        data["nodes"].append(CommentedMap([(k, DoubleQuotedScalarString(v) if k in ("text", "quote") else v)
                                           for k, v in fields]))
        return dump(y, data), node_id
    item = [f"- id: {node_id}", f"kind: {kind}", f"text: {quoted(paraphrase)}", f"quote: {quoted(quote)}"]
    return append_item(text, data, "nodes", item), node_id


def add_relation(text: str, source: str, target: str, kind: str) -> tuple[str, str]:
    """``text`` with the relation ``source -> target`` (``-|`` attacks, ``..>`` example) added, and how it reads.

    ``target`` may be a relation (its id, or ``#N`` for the N-th relation, 0-based): the relation is then an
    undercut, which attacks; a relation without an id gets a fresh one (``r1``), written in the file.

    >>> text = "nodes:\\n  - {id: T, kind: thesis}\\n  - {id: P1, kind: premise}\\n  - {id: O1, kind: objection}\\n"
    >>> text, _ = add_relation(text + "relations:\\n  - P1 -> T\\n", "O1", "#0", "attacks")
    >>> print(text.split("relations:")[1])
    <BLANKLINE>
      - r1: P1 -> T
      - O1 -| r1
    <BLANKLINE>
    >>> add_relation(text, "P1", "T", "rebuts")
    Traceback (most recent call last):
    ...
    argmap.errors.MapEditError: a relation supports, attacks or is an example, not 'rebuts'
    """
    if kind not in EDGE_KINDS:
        raise MapEditError(f"a relation supports, attacks or is an example, not '{kind}'")
    y, data = load(text)
    nodes = _node_ids(data)
    relations = block_list(data, "relations") or []
    rel_ids = relation_ids(list(relations))
    if source not in nodes:
        raise MapEditError(f"no node '{source}' in the map (nodes: {', '.join(nodes) or 'none yet'})")
    undercut = target.startswith("#") or (target in rel_ids and target not in nodes)
    if undercut:
        if kind != "attacks":
            raise MapEditError("a relation can only be attacked (an undercut); pick 'attacks'")
        index = int(target[1:]) if target.startswith("#") and target[1:].isdigit() else (
            rel_ids.index(target) if target in rel_ids else -1)
        if not 0 <= index < len(relations):
            raise MapEditError(f"no relation {target} in the map")
        target = rel_ids[index] or _fresh(_used_ids(data), "r")
        if rel_ids[index] is None:
            if not isinstance(relations[index], str):
                raise MapEditError(f"relation {index + 1} is written in the long form; give it an 'id' in the editor")
            text = _name_relation(text, data, index, target)
            y, data = load(text)
    elif target not in nodes:
        raise MapEditError(f"no node '{target}' in the map (nodes: {', '.join(nodes)})")
    if source == target:
        raise MapEditError(f"'{source}' cannot {'support' if kind != 'attacks' else 'attack'} itself")
    line = f"{source} {EDGE_KINDS[kind]} {target}"
    if is_flow(data.get("relations")):
        data["relations"].append(line)
        return dump(y, data), line
    return append_item(text, data, "relations", [f"- {line}"]), line


def _name_relation(text: str, data: Any, index: int, rel_id: str) -> str:
    """``text`` with relation ``index`` (a one-line string) given the id ``rel_id``: ``- P1 -> T`` → ``- r1: P1 -> T``."""
    relations = data["relations"]
    if is_flow(relations):
        from ruamel.yaml.comments import CommentedMap

        y, data = load(text)
        data["relations"][index] = CommentedMap([(rel_id, str(relations[index]))])
        return dump(y, data)
    line, col = relations.lc.item(index)
    lines = text.split("\n")
    lines[line] = lines[line][:col] + f"{rel_id}: " + lines[line][col:]
    return "\n".join(lines)


def bind_claim(text: str, node_id: str, claim: str | None) -> str:
    """``text`` with node ``node_id`` bound to the shared claim ``claim`` (``claim:`` set; None removes it).

    >>> print(bind_claim("nodes:\\n  - id: T\\n    kind: thesis  # main\\n", "T", "deposits-work"))
    nodes:
      - id: T
        kind: thesis  # main
        claim: deposits-work
    <BLANKLINE>
    """
    if claim is not None and not _CLAIM_ID.fullmatch(claim):
        raise MapEditError(f"'{claim}' is not a claim id")
    y, data = load(text)
    nodes: list[Any] = [n for n in (data.get("nodes") or []) if isinstance(n, dict)]
    node: Any = next((n for n in nodes if str(n.get("id")) == node_id), None)
    if node is None:
        raise MapEditError(f"no node '{node_id}' in the map")
    if is_flow(node) or is_flow(data.get("nodes")):
        if claim is None:
            node.pop("claim", None)
            node.pop("stance", None)
        else:
            node["claim"] = claim
        return dump(y, data)
    lines = text.split("\n")
    if "claim" in node:
        at = node.lc.key("claim")[0]
        if claim is None:
            del lines[at]
        else:
            lines[at] = _CLAIM_LINE.sub(lambda m: f"{m.group(1)}{claim}{m.group(2)}", lines[at])
        return "\n".join(lines)
    if claim is None:
        return text
    keys = list(node)
    last_line = max(node.lc.key(k)[0] for k in keys)
    last_line = value_end(lines, last_line, node.lc.key(keys[0])[1])
    pad = " " * node.lc.key(keys[-1])[1]
    lines.insert(last_line + 1, f"{pad}claim: {claim}")
    return "\n".join(lines)
