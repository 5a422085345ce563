"""Safe, bounded YAML reading that remembers where every value came from.

We drive libyaml's event parser (PyYAML's C ``CParser``) and build plain Python
values ourselves with an explicit stack, instead of calling ``yaml.load`` or the
C composer.  Three reasons, in order:

* no object construction at all: only the core scalar types, mappings and lists;
* bounds are checked *while streaming*: the C composer recurses and segfaults on
  a 100,000-deep ``[[[[``, and libyaml is quadratic on such input, so depth,
  alias expansion and document size must stop the parse early;
* every value's and key's position is recorded in the same pass, so schema
  errors can be reported as ``file:line:column``.

>>> doc = parse_yaml("id: demo\\nnodes:\\n  - id: T\\n    kind: thesis\\n", "x.yaml")
>>> doc.data
{'id': 'demo', 'nodes': [{'id': 'T', 'kind': 'thesis'}]}
>>> doc.where(("nodes", 0, "kind"))
(4, 11)
>>> doc.where(("nodes", 0, "kind"), key=True)
(4, 5)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostic

__all__ = ["Limits", "YamlDocument", "YamlError", "parse_yaml", "read_yaml_file"]

Path_ = tuple[str | int, ...]

# PyYAML built against libyaml parses in C; the pure-Python loader is the fallback.
# Only the loader's event interface is used, never its constructor.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    _STR,
    # Timestamps stay strings: a map's date is text, and datetime objects would
    # not survive the round trip to JSON unchanged.
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Limits:
    """Bounds on one YAML file.  The defaults leave room for maps 100x ours."""

    max_bytes: int = 1_048_576
    max_depth: int = 64
    max_nodes: int = 200_000  # values after alias expansion


class YamlError(Exception):
    """The file is not acceptable YAML; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


@dataclass
class YamlDocument:
    """Plain data plus the 1-based (line, column) of each value and key."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


def _err(path: str, mark: Any, message: str, hint: str | None = None) -> YamlError:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlError(Diagnostic(path, line, col, message, hint=hint))


@functools.lru_cache(maxsize=4096)
def _implicit_tag(value: str) -> str:
    """The tag YAML gives a plain scalar (a map repeats its keys and many values, so this is cached)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _scalar(path: str, event: Any) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = _implicit_tag(event.value) if event.implicit[0] else _STR
    if tag == "tag:yaml.org,2002:merge":
        raise _err(path, event.start_mark, "YAML merge keys (<<) are not supported", "write the keys out in full")
    if tag not in _SCALAR_TAGS:
        raise _err(path, event.start_mark, f"unsupported YAML tag '{tag}'",
                   "argmap reads plain YAML only; remove the tag")
    if tag in (_STR, "tag:yaml.org,2002:timestamp"):
        return event.value
    node = yaml.ScalarNode(tag, event.value)
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, yaml.YAMLError) as exc:
        raise _err(path, event.start_mark, f"bad {tag.rsplit(':', 1)[-1]} value {event.value!r}") from exc


class _Frame:
    __slots__ = ("anchor", "container", "loc", "pending_key", "size", "start")

    def __init__(self, container: Any, loc: Path_, anchor: str | None, start: Any) -> None:
        self.container = container
        self.loc = loc
        self.pending_key: Any = _NOKEY
        self.anchor = anchor
        self.size = 1
        self.start = start


_NOKEY = object()


_TEXT_TAGS = frozenset({_STR, "tag:yaml.org,2002:timestamp"})
"""Tags whose scalars stay the text as written (see :data:`_SCALAR_TAGS`)."""


def parse_yaml(text: str, path: str = "<string>", limits: Limits = Limits()) -> YamlDocument:
    """Parse one YAML document of plain data, within ``limits``.

    Raises :class:`YamlError` with a located diagnostic on any problem.

    >>> parse_yaml("a: [1, 2", "bad.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.yamlsafe.YamlError: bad.yaml:2:1: error: not valid YAML: did not find expected ',' or ']' (while parsing a flow ...)
    """
    doc = YamlDocument(path, None)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    total = 0
    documents = 0
    have_root = False

    def attach(value: Any, mark: Any, size: int) -> Path_ | None:
        """Put a finished value into its parent; return the value's path."""
        nonlocal have_root
        if not stack:
            doc.data = value
            have_root = True
            doc.positions[()] = (mark.line + 1, mark.column + 1)
            return ()
        top = stack[-1]
        top.size += size
        if isinstance(top.container, list):
            loc = (*top.loc, len(top.container))
            top.container.append(value)
            return loc
        if top.pending_key is _NOKEY:  # this value is a key
            if isinstance(value, (dict, list)):
                raise _err(path, mark, "a mapping key must be a plain scalar")
            if value in top.container:
                raise _err(path, mark, f"duplicate key '{value}'", "each key may appear once in a mapping")
            top.pending_key = value
            doc.key_positions[(*top.loc, value)] = (mark.line + 1, mark.column + 1)
            return None
        key = top.pending_key
        top.pending_key = _NOKEY
        top.container[key] = value
        return (*top.loc, key)

    def child_loc() -> Path_:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.loc, len(top.container))
        if top.pending_key is _NOKEY:
            return (*top.loc, "<key>")
        return (*top.loc, top.pending_key)

    positions = doc.positions
    parser = None
    try:
        parser = _Parser(text)
        for event in iter(parser.get_event, None):  # None after the stream's end
            kind = type(event)
            if kind is yaml.ScalarEvent:
                total += 1
                # Text (quoted, or plain and resolving to a string) is the common case: taken as is.
                if event.tag is None and (not event.implicit[0] or _implicit_tag(event.value) in _TEXT_TAGS):
                    value = event.value
                else:
                    value = _scalar(path, event)
                mark = event.start_mark
                loc = attach(value, mark, 1)
                if loc is not None:
                    positions[loc] = (mark.line + 1, mark.column + 1)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                total += 1
                if event.tag not in (None, "!", _MAP_TAG, _SEQ_TAG):
                    raise _err(path, event.start_mark, f"unsupported YAML tag '{event.tag}'",
                               "argmap reads plain YAML only; remove the tag")
                if len(stack) >= limits.max_depth:
                    raise _err(path, event.start_mark,
                               f"nesting deeper than {limits.max_depth} levels",
                               "an argument map needs only a few levels")
                opened: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(opened, child_loc(), event.anchor, event.start_mark))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                loc = attach(frame.container, frame.start, frame.size)
                if loc is not None:
                    doc.positions[loc] = (frame.start.line + 1, frame.start.column + 1)
                if frame.anchor:
                    anchors[frame.anchor] = (frame.container, frame.size)
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise _err(path, event.start_mark, f"unknown or recursive alias '*{event.anchor}'")
                value, size = anchors[event.anchor]
                total += size
                if total > limits.max_nodes:
                    raise _err(path, event.start_mark,
                               f"aliases expand to more than {limits.max_nodes:,} values",
                               "this looks like a 'billion laughs' YAML bomb; write the data out plainly")
                loc = attach(value, event.start_mark, size)
                if loc is not None:
                    doc.positions[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _err(path, event.start_mark, "more than one YAML document in the file",
                               "keep one map per file, without a second '---'")
            if total > limits.max_nodes:
                raise _err(path, getattr(event, "start_mark", None),
                           f"more than {limits.max_nodes:,} values in one file")
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, located by its offset
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        what = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlError(Diagnostic(path, line, col, f"not valid YAML: unacceptable character {what}: {exc.reason}")) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked libyaml errors
        raise YamlError(Diagnostic(path, 1, 1, f"not valid YAML: {str(exc).splitlines()[0]}")) from None
    finally:
        if parser is not None:
            parser.dispose()
    if not have_root or doc.data is None:
        raise YamlError(Diagnostic(path, 1, 1, "the file is empty", hint="a map needs at least id, title, source and nodes"))
    return doc


def _syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> YamlError:
    """libyaml's problem, located, with its context ("while scanning ... that starts at ...") as the hint."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "syntax error"
    hint = None
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None \
            and (exc.context_mark.line, exc.context_mark.column) != (exc.problem_mark.line, exc.problem_mark.column):
        hint = f"{exc.context} that starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
    if mark is not None and "cannot start any token" in problem:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            hint = "YAML does not allow tabs for indentation; use spaces"
    return _err(path, mark, f"not valid YAML: {problem}", hint)


def read_yaml_file(file: str, display: str | None = None, limits: Limits = Limits()) -> YamlDocument:
    """Read and parse ``file`` with the size and encoding checks first."""
    import os

    from .confine import read_regular

    shown = display or file
    try:
        size = os.path.getsize(file)
        if size > limits.max_bytes:
            raise YamlError(Diagnostic(shown, 1, 1, f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}",
                                       hint="split it, or check that this is really an argument map"))
        raw = read_regular(Path(file), limits.max_bytes + 1)  # never blocks on a FIFO or reads a device
    except OSError as exc:
        raise YamlError(Diagnostic(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")) from None
    if len(raw) > limits.max_bytes:  # grew while we looked
        raise YamlError(Diagnostic(shown, 1, 1, f"file is over the limit of {limits.max_bytes:,} bytes"))
    return parse_yaml(decode_utf8(raw, shown), shown, limits)


def decode_utf8(raw: bytes, shown: str) -> str:
    """Decode UTF-8 (a BOM is allowed), locating the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlError(Diagnostic(shown, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                                   hint="save the file as UTF-8")) from None
