"""YAML syntax errors in plain words, at the line of the mistake, for :mod:`argmap.yaml.reader`.

libyaml names what its parser met (``mapping values are not allowed here``, ``did not find
expected key``) where it met it, often a line after the mistake.  These functions look at
the text around that place and say what to do instead; where they cannot tell, the caller
keeps libyaml's own message.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.errors import Diagnostic

__all__ = ["joined_list_item", "plain_syntax_error"]


def plain_syntax_error(path: str, text: str, exc: Any) -> Diagnostic | None:
    """libyaml's ``MarkedYAMLError`` in plain words, or None when there is nothing plainer to say.

    >>> from argmap.yaml.reader import parse_yaml
    >>> parse_yaml('id: m\\ntitle: "Russia\\'s silence\\nauthor: null\\n', "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: m.yaml:2:8: error: this quoted value is never closed \
(end it with " on the same line, or quote the whole value with ' and double any ' inside it)
    >>> parse_yaml("source:\\n    path: e.txt\\n  sha256: abc\\n", "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: m.yaml:3:3: error: 'sha256:' is indented less than 'path:' on line 2, so YAML \
cannot tell which mapping it belongs to (line it up with 'path:', at column 5)
    """
    problem = exc.problem or ""
    mark, context = exc.problem_mark, exc.context_mark
    tab = _tab_indent(path, text, mark or context)
    if tab is not None:  # whatever libyaml met there, the tab is the mistake to fix
        return tab
    if problem.startswith("mapping values are not allowed"):
        return _mapping_values(path, text, mark)
    if "while scanning a quoted scalar" in (exc.context or "") and context is not None:
        lines = text.splitlines()
        quote = lines[context.line][context.column] if context.line < len(lines) and context.column < len(
            lines[context.line]) else '"'
        other = "'" if quote == '"' else '"'
        return Diagnostic(path, context.line + 1, context.column + 1, "this quoted value is never closed",
                          hint=f"end it with {quote} on the same line, or quote the whole value with {other} and "
                          f"double any {other} inside it" if other == "'" else
                          f"end it with {quote} on the same line, and double any {quote} inside it")
    if problem == "did not find expected key" and mark is not None:
        return _uneven_keys(path, text, mark)
    return None


_INDENT = re.compile(r"[ \t]*+(?:-[ \t]++)*+")  # a line's indentation, with the '- ' of list items in it


def _tab_indent(path: str, text: str, mark: Any) -> Diagnostic | None:
    """A tab in the indentation of the line YAML stopped at, at the tab's column.

    >>> from argmap.yaml.reader import parse_yaml
    >>> parse_yaml("nodes:\\n  - id: P1\\n\\tkind: premise\\n", "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: m.yaml:3:1: error: a tab indents this line: YAML indents with spaces \
(replace the tab with spaces)
    """
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines):
        return None
    indent = _INDENT.match(lines[mark.line])
    column = indent.group().find("\t") if indent else -1
    if column < 0:
        return None
    return Diagnostic(path, mark.line + 1, column + 1, "a tab indents this line: YAML indents with spaces",
                      hint="replace the tab with spaces")


def _uneven_keys(path: str, text: str, mark: Any) -> Diagnostic | None:
    """A key indented less than the key above it, inside one mapping."""
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    above = next((n for n in range(mark.line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                 None)
    here, prev = _KEY.match(line), _KEY.match(lines[above]) if above is not None else None
    if above is None or here is None or prev is None or len(prev.group(1)) <= len(here.group(1)):
        return None
    return Diagnostic(path, mark.line + 1, mark.column + 1, f"'{here.group(2)}:' is indented less than '{prev.group(2)}:' "
                      f"on line {above + 1}, so YAML cannot tell which mapping it belongs to",
                      hint=f"line it up with '{prev.group(2)}:', at column {len(prev.group(1)) + 1}")


_KEY = re.compile(r"^(\s*+)([A-Za-z_][\w.-]*+):")  # anchored, possessive: one try per line


def joined_list_item(path: str, text: str, joined: list[tuple[int, int]]) -> Diagnostic | None:
    """A list item indented more than the one above it is read by YAML as the rest of that line's value
    (``- P2 -> T`` under ``- P1 -> T``): an error at the line of the mistake, not at the item it joined.
    ``joined``: the first and last line (0-based) of each unquoted value that spans several lines.

    >>> from argmap.yaml.reader import parse_yaml
    >>> parse_yaml("relations:\\n  - P1 -> T\\n    - P2 -> T\\n", "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: m.yaml:3:5: error: this item is indented more than the line above it, so YAML reads it \
as the end of line 2's value (move '- P2 -> T' left, to the column of line 2's '-')
    """
    lines = text.splitlines()
    for first, last in joined:
        for n in range(first + 1, min(last, len(lines) - 1) + 1):
            stripped = lines[n].lstrip(" ")
            if stripped.startswith("- ") or stripped == "-":
                col = len(lines[n]) - len(stripped) + 1
                return Diagnostic(
                    path, n + 1, col, f"this item is indented more than the line above it, so YAML reads it as the end "
                    f"of line {first + 1}'s value",
                    hint=f"move '{stripped.rstrip()[:40]}' left, to the column of line {first + 1}'s '-'")
    return None


_KEY_VALUE = re.compile(r"^(\s*+(?:-\s++)?)([^\s:#'\"][^:#]*?):\s++(.*\S)\s*$")  # anchored: one try per line
_KEY_START = re.compile(r"^(\s*+(?:-\s++)?)([^\s:#][^:#]*?):")


def _mapping_values(path: str, text: str, mark: Any) -> Diagnostic | None:
    """libyaml's 'mapping values are not allowed' in plain words, at the line of the mistake: an unquoted ': '
    inside a value (quote the value), or a key indented more than the line above (line it up).

    >>> from argmap.yaml.reader import parse_yaml
    >>> parse_yaml("id: m\\ntitle: Deposits: a case\\n", "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: m.yaml:2:16: error: a value that contains ': ' must be in quotes \
(write  title: "Deposits: a case")
    >>> parse_yaml("nodes:\\n  - id: T\\n    text: t\\n      quote: q\\n", "m.yaml")
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: m.yaml:4:7: error: 'quote:' is indented more than 'text:' on line 3, so YAML reads \
it as part of that value (move 'quote:' left, to the column of 'text:')
    """
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    found = _KEY_VALUE.match(line)
    if found and found.end(2) < mark.column:  # a key earlier on the line: the value holds a ': '
        value = found.group(3).replace("\\", "\\\\").replace('"', '\\"')
        return Diagnostic(path, mark.line + 1, mark.column + 1, "a value that contains ': ' must be in quotes",
                          hint=f'write  {found.group(1).lstrip()}{found.group(2)}: "{value}"')
    above = next((n for n in range(mark.line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                 None)
    key = line.strip().split(":", 1)[0]
    if above is None or not key:
        return None
    prev = _KEY_VALUE.match(lines[above]) or _KEY_START.match(lines[above])
    col = len(line) - len(line.lstrip()) + 1
    if prev is None:
        return Diagnostic(path, mark.line + 1, col, f"'{key}:' is indented more than line {above + 1}, so YAML "
                          "reads it as part of that line's value", hint="line it up with the keys around it")
    return Diagnostic(path, mark.line + 1, col, f"'{key}:' is indented more than '{prev.group(2)}:' on line "
                      f"{above + 1}, so YAML reads it as part of that value",
                      hint=f"move '{key}:' left, to the column of '{prev.group(2)}:'")
