"""Editing YAML text in place: only the lines an edit concerns change.

ruamel.yaml's round trip reads a file and says where each key and list item is
(line, column); these helpers then insert or change lines in the file's own
indentation, so comments, blank lines, key order and quoting stay as they were.  A
list written in flow style (``[a, b]``) is edited through the round trip instead.

>>> text = "a: 1  # one\\nitems: []  # none yet\\nb: 2\\n"
>>> y, data = load(text)
>>> print(append_item(text, data, "items", ["- first"]))
a: 1  # one
items:  # none yet
  - first
b: 2
<BLANKLINE>
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from argmap.errors import MapEditError

__all__ = ["append_item", "block_end", "block_list", "dump", "guess_indent", "is_flow", "load", "plain", "quoted",
           "round_trip", "value_end"]

_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*:\s*(#.*)?$")
_ITEM = re.compile(r"^( *)-( +)\S")
_KEY = re.compile(r"^( +)[A-Za-z_][\w-]*:")
_EMPTY_VALUE = re.compile(r":\s*(\[\]|null|~)")


def guess_indent(text: str) -> tuple[int, int, int]:
    """The file's own indentation: (mapping, sequence, offset) as ruamel.yaml's ``indent`` takes them.

    >>> guess_indent("source:\\n  path: e\\nnodes:\\n  - id: T\\n")
    (2, 4, 2)
    >>> guess_indent("source:\\n    path: e\\nnodes:\\n- id: T\\n")
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


def round_trip(text: str) -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 1 << 16  # never fold a long line
    mapping, sequence, offset = guess_indent(text)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    y.representer.add_representer(type(None), lambda r, _: r.representquoted("tag:yaml.org,2002:null", "null"))
    return y


def load(text: str) -> tuple[Any, Any]:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.error import YAMLError as RuamelError

    y = round_trip(text)
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


def dump(y: Any, data: Any) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def block_list(data: Any, key: str) -> Any:
    """The list under ``key`` (None when the key is missing or null)."""
    value = data.get(key)
    if value is not None and not isinstance(value, list):
        raise MapEditError(f"'{key}' in the map file is not a list; make it one first")
    return value


def is_flow(value: Any) -> bool:
    return value is not None and len(value) > 0 and bool(getattr(getattr(value, "fa", None), "flow_style", lambda: False)())


def block_end(lines: list[str], key_line: int) -> int:
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


def append_item(text: str, data: Any, key: str, item_lines: list[str]) -> str:
    """``text`` with ``item_lines`` (one list item, unindented, the first starting with ``- ``) at the end of the
    block list under ``key``, indented as the file's items are."""
    lines = text.split("\n")
    value = block_list(data, key)
    _, content, dash = guess_indent(text)  # the columns of an item's content and of its dash
    if value:
        content = value.lc.item(0)[1]
        dash = max(content - 2, 0)
    at = _key_line(data, lines, key)
    head = lines[at]
    if "[]" in head.split("#", 1)[0] or head.split("#", 1)[0].rstrip().endswith((": null", ": ~")):
        lines[at] = _EMPTY_VALUE.sub(":", head, count=1)
    end = block_end(lines, at)
    first = " " * dash + "-" + " " * max(content - dash - 1, 1) + item_lines[0].removeprefix("- ")
    block = [first] + [" " * content + x for x in item_lines[1:]]
    return "\n".join(lines[:end] + block + lines[end:])


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def value_end(lines: list[str], line: int, col: int) -> int:
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


def plain(item: Any) -> Any:
    if isinstance(item, dict):
        return {str(k): plain(v) for k, v in item.items()}
    if isinstance(item, list):
        return [plain(v) for v in item]
    return str(item) if isinstance(item, str) else item
