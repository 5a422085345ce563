"""Plain Python values built from libyaml's events, with the line and column of every value and key.

:class:`ValueBuilder` takes the events of one document, in order, and builds the
core scalar types, dicts and lists with an explicit stack (never recursion, never
an object constructor), recording where each value and each key starts.  It knows
nothing of files or bounds: :func:`argmap.yaml.reader.parse_yaml` walks the events,
checks the bounds and turns a :class:`ValueRefused` into a located diagnostic.

>>> import yaml
>>> parser = yaml.CSafeLoader("a: [1, x]\\n")
>>> b = ValueBuilder()
>>> for event in iter(parser.get_event, None):
...     if isinstance(event, yaml.ScalarEvent): b.scalar(event)
...     elif isinstance(event, yaml.CollectionStartEvent): b.open(event)
...     elif isinstance(event, yaml.CollectionEndEvent): b.close()
>>> b.data, b.positions[("a", 1)], b.key_positions[("a",)], b.text_columns[("a", 1)]
({'a': [1, 'x']}, (1, 8), (1, 1), 8)
"""

from __future__ import annotations

import functools
from typing import Any

import yaml

__all__ = ["Path_", "ValueBuilder", "ValueRefused"]

Path_ = tuple[str | int, ...]

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
_TEXT_TAGS = frozenset({_STR, "tag:yaml.org,2002:timestamp"})
"""Tags whose scalars stay the text as written (see :data:`_SCALAR_TAGS`)."""
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_PLAIN_ONLY = "argmap reads plain YAML only; remove the tag"


class ValueRefused(Exception):
    """A value the builder refuses: where (libyaml's 0-based mark, or None), what, and how to fix it."""

    def __init__(self, mark: Any, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.hint = hint


@functools.lru_cache(maxsize=4096)
def _implicit_tag(value: str) -> str:
    """The tag YAML gives a plain scalar (a map repeats its keys and many values, so this is cached)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _scalar(event: Any) -> Any:
    """The value of a scalar that is not plain text: a null, bool, int or float, or a refusal."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = _implicit_tag(event.value) if event.implicit[0] else _STR
    if tag == "tag:yaml.org,2002:merge":
        raise ValueRefused(event.start_mark, "YAML merge keys (<<) are not supported", "write the keys out in full")
    if tag not in _SCALAR_TAGS:
        raise ValueRefused(event.start_mark, f"unsupported YAML tag '{tag}'", _PLAIN_ONLY)
    if tag in _TEXT_TAGS:
        return event.value
    node = yaml.ScalarNode(tag, event.value)
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, KeyError, IndexError, TypeError, yaml.YAMLError) as exc:  # PyYAML's constructors raise all four
        raise ValueRefused(event.start_mark, f"bad {tag.rsplit(':', 1)[-1]} value {event.value!r}") from exc


_NOKEY = object()


class _Frame:
    """A mapping or list being filled: where it is, its pending key, and its size (values, aliases expanded)."""

    __slots__ = ("anchor", "container", "loc", "pending_key", "size", "start")

    def __init__(self, container: Any, loc: Path_, anchor: str | None, start: Any) -> None:
        self.container = container
        self.loc = loc
        self.pending_key: Any = _NOKEY
        self.anchor = anchor
        self.size = 1
        self.start = start


class ValueBuilder:
    """The value of one YAML document, built event by event; ``data`` once the root is closed.

    ``positions`` and ``key_positions`` map a value's path (keys and list indices) to its
    1-based (line, column); ``text_columns`` maps the path of a scalar written on one line, plain
    or quoted without escapes, to the column of its first character (so that its n-th character
    is at that column + n); ``anchors`` holds each anchored value with its size, for aliases.
    """

    __slots__ = ("anchors", "data", "have_root", "key_positions", "positions", "stack", "text_columns")

    def __init__(self) -> None:
        self.data: Any = None
        self.have_root = False
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.text_columns: dict[Path_, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []

    @property
    def depth(self) -> int:
        """How many mappings and lists are open."""
        return len(self.stack)

    def scalar(self, event: Any) -> None:
        # Text (quoted, or plain and resolving to a string) is the common case: taken as is.
        if event.tag is None and (not event.implicit[0] or _implicit_tag(event.value) in _TEXT_TAGS):
            value = event.value
        else:
            value = _scalar(event)
        mark = event.start_mark
        quotes = 0 if not event.style else 2 if event.style in "'\"" else -1  # block scalars (| and >): never
        loc = self._child_loc()
        if quotes >= 0 and event.end_mark.line == mark.line and loc[-1:] != ("<key>",) \
                and event.end_mark.column - mark.column == len(event.value) + quotes:
            self.text_columns[loc] = mark.column + 1 + quotes // 2
        self.add(value, mark, 1)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)

    def open(self, event: Any) -> None:
        """Start the mapping or list of a ``MappingStartEvent`` or ``SequenceStartEvent``."""
        if event.tag not in (None, "!", _MAP_TAG, _SEQ_TAG):
            raise ValueRefused(event.start_mark, f"unsupported YAML tag '{event.tag}'", _PLAIN_ONLY)
        opened: Any = {} if type(event) is yaml.MappingStartEvent else []
        self.stack.append(_Frame(opened, self._child_loc(), event.anchor, event.start_mark))

    def close(self) -> None:
        """Finish the innermost mapping or list."""
        frame = self.stack.pop()
        self.add(frame.container, frame.start, frame.size)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.size)

    def anchored(self, event: Any) -> tuple[Any, int]:
        """The value an ``AliasEvent`` names and its size (values, aliases expanded)."""
        if event.anchor not in self.anchors:
            raise ValueRefused(event.start_mark, f"unknown or recursive alias '*{event.anchor}'")
        return self.anchors[event.anchor]

    def add(self, value: Any, mark: Any, size: int) -> None:
        """Put a finished value (of ``size`` values) into its parent, and record where it starts."""
        where = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.data = value
            self.have_root = True
            self.positions[()] = where
            return
        top = self.stack[-1]
        top.size += size
        container = top.container
        if isinstance(container, list):
            self.positions[(*top.loc, len(container))] = where
            container.append(value)
            return
        if top.pending_key is _NOKEY:  # this value is a key
            if isinstance(value, (dict, list)):
                raise ValueRefused(mark, "a mapping key must be a plain scalar")
            if value in container:
                raise ValueRefused(mark, f"duplicate key '{value}'", "each key may appear once in a mapping")
            top.pending_key = value
            self.key_positions[(*top.loc, value)] = where
            return
        key = top.pending_key
        top.pending_key = _NOKEY
        container[key] = value
        self.positions[(*top.loc, key)] = where

    def _child_loc(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.loc, len(top.container))
        if top.pending_key is _NOKEY:
            return (*top.loc, "<key>")
        return (*top.loc, top.pending_key)
