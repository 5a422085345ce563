"""Editing a map file as text: add a node, a relation or an undercut, bind a node to a shared claim.

Each edit is a pure function from the map's YAML text to the new text.  The file is
read with ruamel.yaml, which says where each node and relation is; the edit then
inserts or changes only the lines it concerns, in the file's own indentation, so
every comment, blank line, key order and quoting stays as the curator wrote it.  A
list written in flow style (``[a, b]``) is edited through ruamel.yaml's round trip.  A new
node gets a fresh id (a letter for its kind and the next free number: ``P4``, ``O2``;
``T`` for the thesis) and the exact passage as its quote, so it is grounded by
construction.  The preview page (:mod:`argmap.previewedit`) calls these functions.

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

import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import ArgmapError

__all__ = [
    "EDGE_KINDS",
    "NODE_KINDS",
    "MapEditError",
    "MapOutline",
    "OutlineNode",
    "OutlineRelation",
    "add_node",
    "add_relation",
    "bind_claim",
    "outline",
]

NODE_KINDS = ("thesis", "premise", "conclusion", "evidence", "objection")
"""The kinds a passage can become (an assumption has no quote, so it is never made from a selection)."""
EDGE_KINDS = {"supports": "->", "attacks": "-|", "example": "..>"}
_PREFIX = {"premise": "P", "conclusion": "C", "evidence": "E", "objection": "O"}
_MAX_QUOTE = 2000


class MapEditError(ArgmapError):
    """An edit that cannot be made: the file is not readable YAML, an id is unknown, a kind is wrong."""

    status = 422


_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*:\s*(#.*)?$")
_ITEM = re.compile(r"^( *)-( +)\S")
_KEY = re.compile(r"^( +)[A-Za-z_][\w-]*:")


def _guess_indent(text: str) -> tuple[int, int, int]:
    """The file's own indentation: (mapping, sequence, offset) as ruamel.yaml's ``indent`` takes them.

    >>> _guess_indent("source:\\n  path: e\\nnodes:\\n  - id: T\\n")
    (2, 4, 2)
    >>> _guess_indent("source:\\n    path: e\\nnodes:\\n- id: T\\n")
    (4, 2, 0)
    """
    mapping, sequence, offset = 0, 0, -1
    after_top = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if after_top:
            item, key = _ITEM.match(line), _KEY.match(line)
            if item and offset < 0:
                offset, sequence = len(item.group(1)), len(item.group(1)) + 1 + len(item.group(2))
            elif key and not item and not mapping:
                mapping = len(key.group(1))
        after_top = bool(_TOP_KEY.match(line))
        if mapping and offset >= 0:
            break
    return mapping or 2, sequence or 4, offset if offset >= 0 else 2


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 1 << 16  # never fold a long line
    mapping, sequence, offset = _guess_indent(text)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    y.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def _load(text: str) -> tuple[Any, Any]:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.error import YAMLError as RuamelError

    y = _yaml(text)
    try:
        data = y.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise MapEditError(f"the map file is not valid YAML{where}; fix it in the editor first "
                           "(argmap validate says how)") from None
    except RuamelError as exc:
        raise MapEditError(f"the map file is not valid YAML ({exc}); fix it in the editor first") from None
    if not isinstance(data, dict):
        raise MapEditError("the map file is not a mapping of id, title, source, nodes and relations")
    return y, data


def _dump(y: Any, data: Any) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def _items(data: Any, key: str) -> Any:
    """The list under ``key`` (None when the key is missing or null)."""
    value = data.get(key)
    if value is not None and not isinstance(value, list):
        raise MapEditError(f"'{key}' in the map file is not a list; make it one first")
    return value


def _flow(value: Any) -> bool:
    return value is not None and len(value) > 0 and bool(getattr(getattr(value, "fa", None), "flow_style", lambda: False)())


def _block_end(lines: list[str], key_line: int) -> int:
    """The index after the last line with content of the top-level block that starts at ``key_line``."""
    end = key_line + 1
    i = key_line + 1
    while i < len(lines):
        line = lines[i]
        if line.strip() and not line.startswith((" ", "\t", "#", "-")):
            break  # the next top-level key
        if line.strip():
            end = i + 1
        i += 1
    return end


def _key_line(data: Any, lines: list[str], key: str) -> int:
    """The line of the top-level ``key`` (appended, as ``key:``, when the file has none)."""
    if key in data:
        line: int = data.lc.key(key)[0]
        return line
    while lines and not lines[-1].strip():
        lines.pop()
    lines.append(f"{key}:")
    return len(lines) - 1


def _append_item(text: str, data: Any, key: str, item_lines: list[str]) -> str:
    """``text`` with ``item_lines`` (one list item, unindented, the first starting with ``- ``) at the end of the
    block list under ``key``, indented as the file's items are."""
    lines = text.split("\n")
    value = _items(data, key)
    _, content, dash = _guess_indent(text)  # the columns of an item's content and of its dash
    if value:
        content = value.lc.item(0)[1]
        dash = max(content - 2, 0)
    at = _key_line(data, lines, key)
    head = lines[at]
    if "[]" in head.split("#", 1)[0] or head.split("#", 1)[0].rstrip().endswith((": null", ": ~")):
        lines[at] = re.sub(r":\s*(\[\]|null|~)", ":", head, count=1)
    end = _block_end(lines, at)
    first = " " * dash + "-" + " " * max(content - dash - 1, 1) + item_lines[0].removeprefix("- ")
    block = [first] + [" " * content + x for x in item_lines[1:]]
    return "\n".join(lines[:end] + block + lines[end:])


def _scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _relation_ids(relations: list[Any]) -> list[str | None]:
    from argmap.model import Relation

    ids: list[str | None] = []
    for item in relations:
        try:
            ids.append(Relation.model_validate(_plain(item)).id)
        except ValueError:
            ids.append(None)
    return ids


def _plain(item: Any) -> Any:
    if isinstance(item, dict):
        return {str(k): _plain(v) for k, v in item.items()}
    if isinstance(item, list):
        return [_plain(v) for v in item]
    return str(item) if isinstance(item, str) else item


def _used_ids(data: Any) -> set[str]:
    nodes = data.get("nodes") or []
    used = {str(n.get("id")) for n in nodes if isinstance(n, dict) and n.get("id") is not None}
    relations = data.get("relations") or []
    return used | {r for r in _relation_ids(list(relations)) if r}


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
    argmap.mapedit.MapEditError: a passage can become a thesis, premise, conclusion, evidence or objection, not 'assumption'
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
    y, data = _load(text)
    nodes = _items(data, "nodes") or []
    used = _used_ids(data)
    if kind == "thesis":
        theses = [n.get("id") for n in nodes if isinstance(n, dict) and n.get("kind") == "thesis"]
        if theses:
            raise MapEditError(f"the map has a thesis already ('{theses[0]}'); make this passage a premise or conclusion")
        node_id = "T" if "T" not in used else _fresh(used, "T")
    else:
        node_id = _fresh(used, _PREFIX[kind])
    fields = [("id", node_id), ("kind", kind), ("text", paraphrase), ("quote", quote)]
    if _flow(data.get("nodes")):
        from ruamel.yaml.comments import CommentedMap
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        data["nodes"].append(CommentedMap([(k, DoubleQuotedScalarString(v) if k in ("text", "quote") else v)
                                           for k, v in fields]))
        return _dump(y, data), node_id
    item = [f"- id: {node_id}", f"kind: {kind}", f"text: {_scalar(paraphrase)}", f"quote: {_scalar(quote)}"]
    return _append_item(text, data, "nodes", item), node_id


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
    argmap.mapedit.MapEditError: a relation supports, attacks or is an example, not 'rebuts'
    """
    if kind not in EDGE_KINDS:
        raise MapEditError(f"a relation supports, attacks or is an example, not '{kind}'")
    y, data = _load(text)
    nodes = _node_ids(data)
    relations = _items(data, "relations") or []
    rel_ids = _relation_ids(list(relations))
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
            y, data = _load(text)
    elif target not in nodes:
        raise MapEditError(f"no node '{target}' in the map (nodes: {', '.join(nodes)})")
    if source == target:
        raise MapEditError(f"'{source}' cannot {'support' if kind != 'attacks' else 'attack'} itself")
    line = f"{source} {EDGE_KINDS[kind]} {target}"
    if _flow(data.get("relations")):
        data["relations"].append(line)
        return _dump(y, data), line
    return _append_item(text, data, "relations", [f"- {line}"]), line


def _name_relation(text: str, data: Any, index: int, rel_id: str) -> str:
    """``text`` with relation ``index`` (a one-line string) given the id ``rel_id``: ``- P1 -> T`` → ``- r1: P1 -> T``."""
    relations = data["relations"]
    if _flow(relations):
        from ruamel.yaml.comments import CommentedMap

        y, data = _load(text)
        data["relations"][index] = CommentedMap([(rel_id, str(relations[index]))])
        return _dump(y, data)
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
    if claim is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", claim):
        raise MapEditError(f"'{claim}' is not a claim id")
    y, data = _load(text)
    nodes: list[Any] = [n for n in (data.get("nodes") or []) if isinstance(n, dict)]
    node: Any = next((n for n in nodes if str(n.get("id")) == node_id), None)
    if node is None:
        raise MapEditError(f"no node '{node_id}' in the map")
    if _flow(node) or _flow(data.get("nodes")):
        if claim is None:
            node.pop("claim", None)
            node.pop("stance", None)
        else:
            node["claim"] = claim
        return _dump(y, data)
    lines = text.split("\n")
    if "claim" in node:
        at = node.lc.key("claim")[0]
        if claim is None:
            del lines[at]
        else:
            lines[at] = re.sub(r"(claim:\s*)[^#]*?(\s*(#.*)?)$", lambda m: f"{m.group(1)}{claim}{m.group(2)}", lines[at])
        return "\n".join(lines)
    if claim is None:
        return text
    keys = list(node)
    last_line = max(node.lc.key(k)[0] for k in keys)
    last_line = _value_end(lines, last_line, node.lc.key(keys[0])[1])
    pad = " " * node.lc.key(keys[-1])[1]
    lines.insert(last_line + 1, f"{pad}claim: {claim}")
    return "\n".join(lines)


def _value_end(lines: list[str], line: int, col: int) -> int:
    """The last line of the value that starts on ``line``: more-indented lines that follow belong to it."""
    end = line
    for i in range(line + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[i]) - len(lines[i].lstrip(" ")) > col:
            end = i
        else:
            break
    return end


@dataclass(frozen=True)
class OutlineNode:
    id: str
    kind: str
    text: str
    claim: str | None = None


@dataclass(frozen=True)
class OutlineRelation:
    index: int
    id: str | None
    label: str


@dataclass(frozen=True)
class MapOutline:
    """What the page lists of a map, read leniently (a map that does not validate still has an outline)."""

    source: str | None = None
    nodes: list[OutlineNode] = field(default_factory=list)
    relations: list[OutlineRelation] = field(default_factory=list)


def outline(text: str) -> MapOutline:
    """The essay path, nodes and relations of a map's text, as far as they can be read.

    >>> o = outline("source: {path: e.txt}\\nnodes:\\n  - {id: T, kind: thesis, text: t}\\nrelations: ['r1: T -> T']\\n")
    >>> o.source, [n.id for n in o.nodes], [(r.id, r.label) for r in o.relations]
    ('e.txt', ['T'], [('r1', 'T -> T')])
    """
    from argmap.model import Relation

    try:
        _, data = _load(text)
    except MapEditError:
        return MapOutline()
    source = data.get("source")
    path = source.get("path") if isinstance(source, dict) else None
    nodes = [OutlineNode(str(n.get("id")), str(n.get("kind")), str(n.get("text") or ""),
                         str(n["claim"]) if n.get("claim") else None)
             for n in (data.get("nodes") or []) if isinstance(n, dict) and n.get("id") is not None]
    relations = []
    for i, item in enumerate(data.get("relations") or []):
        try:
            r = Relation.model_validate(_plain(item))
        except ValueError:
            continue
        arrow = EDGE_KINDS["example" if r.type == "example" else r.type]
        relations.append(OutlineRelation(i, r.id, f"{' + '.join(r.sources)} {arrow} {r.target}"))
    return MapOutline(str(path) if isinstance(path, str) else None, nodes, relations)
