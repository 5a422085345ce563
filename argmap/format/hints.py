"""Hints for the mistakes of a map being started: a placeholder or unquoted sha256, no nodes yet.

Schema errors say what is wrong; these add what to write instead, where argmap
can know it (the essay's sha256, when the essay can be read).

>>> from argmap.yaml.reader import parse_yaml
>>> doc = parse_yaml("source: {path: e.txt, sha256: 0}", "m.yaml")
>>> d = Diagnostic("m.yaml", 1, 31, "source.sha256: expected a string, got a number (0)")
>>> print(authoring_hints(doc, [d], {"e.txt": b""}.__getitem__)[0])  # doctest: +ELLIPSIS
m.yaml:1:31: error: source.sha256: YAML reads this unquoted value as a number; quote it (set it to "e3b0...", ...)
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.errors import Diagnostic
from argmap.text.essayindex import sha256_text
from argmap.yaml.reader import YamlDocument

__all__ = ["authoring_hints"]


def authoring_hints(doc: YamlDocument, diags: list[Diagnostic], read: Callable[[str], bytes]) -> list[Diagnostic]:
    """``diags`` with hints for a started map; ``read`` reads the essay as :func:`argmap.checks.validate.check_map` does."""
    return _starting_help(_sha256_help(doc, diags, read))


def _starting_help(diags: list[Diagnostic]) -> list[Diagnostic]:
    """A hint for the map that has no nodes yet (as ``argmap new`` writes it)."""
    empty = "nodes: expected a list, got null"
    hint = ("no nodes yet: start with the thesis (select its passage in `argmap preview`, or uncomment a skeleton "
            "under 'nodes:' and set 'kind: thesis')")
    return [Diagnostic(d.path, d.line, d.column, d.message, d.severity, hint) if d.message == empty else d
            for d in diags]


def _sha256_help(doc: YamlDocument, diags: list[Diagnostic], read: Callable[[str], bytes]) -> list[Diagnostic]:
    """Schema errors of ``source.sha256`` with the right value (or how to get it), and "quote it" for a number."""
    source = doc.data.get("source") if isinstance(doc.data, dict) else None
    if not isinstance(source, dict) or not any(d.message.startswith("source.sha256:") for d in diags):
        return diags
    actual = None
    if isinstance(source.get("path"), str):
        try:
            actual = sha256_text(read(source["path"]))
        except (OSError, KeyError, ValueError):
            actual = None
    fix = (f'set it to "{actual}", the sha256 of the essay' if actual else
           "`argmap new ESSAY --out MAP.yaml` writes a map with the right value; `sha256sum ESSAY` prints it")
    value = source.get("sha256")
    out = []
    for d in diags:
        if d.message.startswith("source.sha256:"):
            msg = d.message
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                msg = "source.sha256: YAML reads this unquoted value as a number; quote it"
            d = Diagnostic(d.path, d.line, d.column, msg, d.severity, fix)
        out.append(d)
    return out
