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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap.errors import Diagnostic
from argmap.yaml.hints import joined_list_item, plain_syntax_error
from argmap.yaml.values import Path_, ValueBuilder, ValueRefused

__all__ = ["Limits", "YamlDocument", "YamlError", "byte_position", "parse_yaml", "parse_yaml_bytes", "read_yaml_bytes",
           "read_yaml_file"]

# PyYAML built against libyaml parses in C; the pure-Python loader is the fallback.
# Only the loader's event interface is used, never its constructor.
_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    text_columns: dict[Path_, int] = field(default_factory=dict)

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

    def where_within(self, loc: Path_, offset: int) -> tuple[int, int]:
        """Position of character ``offset`` of the text at ``loc`` when that text is written on one line as it
        reads (plain, or quoted without escapes); else :meth:`where` of ``loc``.

        >>> doc = parse_yaml('a: x -> y\\nb: "x -> y"\\nc: "x\\\\ty"\\n', "m.yaml")
        >>> doc.where_within(("a",), 5), doc.where_within(("b",), 5), doc.where_within(("c",), 2)
        ((1, 9), (2, 10), (3, 4))
        """
        if loc in self.text_columns:
            return self.where(loc)[0], self.text_columns[loc] + offset
        return self.where(loc)


def _err(path: str, mark: Any, message: str, hint: str | None = None) -> YamlError:
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlError(Diagnostic(path, line, col, message, hint=hint))


def parse_yaml(text: str, path: str = "<string>", limits: Limits = Limits()) -> YamlDocument:
    """Parse one YAML document of plain data, within ``limits``.

    Raises :class:`YamlError` with a located diagnostic on any problem.

    >>> parse_yaml("a: [1, 2", "bad.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.yaml.reader.YamlError: bad.yaml:2:1: error: not valid YAML: did not find expected ',' or ']' (while parsing a flow ...)
    """
    values = ValueBuilder()
    parser = None
    joined: list[tuple[int, int]] = []
    try:
        parser = _Parser(text)
        _walk(parser, values, limits, joined)
    except ValueRefused as exc:  # a value or a bound refused
        raise _err(path, exc.mark, exc.message, exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(path, text, exc) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked libyaml errors
        raise YamlError(Diagnostic(path, 1, 1, f"not valid YAML: {str(exc).splitlines()[0]}")) from None
    finally:
        if parser is not None:
            parser.dispose()
    if not values.have_root or values.data is None:
        raise YamlError(Diagnostic(path, 1, 1, "the file is empty", hint="a map needs at least id, title, source and nodes"))
    joined_item = joined_list_item(path, text, joined)
    if joined_item is not None:
        raise YamlError(joined_item)
    return YamlDocument(path, values.data, values.positions, values.key_positions, values.text_columns)


def _walk(parser: Any, values: ValueBuilder, limits: Limits, joined: list[tuple[int, int]]) -> None:
    """Feed the parser's events to ``values``, stopping as soon as a bound is crossed.

    ``joined`` receives the first and last line (0-based) of each unquoted value that spans several lines.
    """
    total = 0  # values so far, aliases expanded
    documents = 0
    for event in iter(parser.get_event, None):  # None after the stream's end
        kind = type(event)
        if kind is yaml.ScalarEvent:
            total += 1
            values.scalar(event)
            if not event.style and event.end_mark.line > event.start_mark.line:
                joined.append((event.start_mark.line, event.end_mark.line))
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            total += 1
            values.open(event)
            if values.depth > limits.max_depth:
                raise ValueRefused(event.start_mark, f"nesting deeper than {limits.max_depth} levels",
                                   "an argument map needs only a few levels")
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            values.close()
        elif kind is yaml.AliasEvent:
            value, size = values.anchored(event)
            total += size
            if total > limits.max_nodes:
                raise ValueRefused(event.start_mark, f"aliases expand to more than {limits.max_nodes:,} values",
                                   "this looks like a 'billion laughs' YAML bomb; write the data out plainly")
            values.add(value, event.start_mark, size)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise ValueRefused(event.start_mark, "more than one YAML document in the file",
                                   "keep one map per file, without a second '---'")
        if total > limits.max_nodes:
            raise ValueRefused(getattr(event, "start_mark", None), f"more than {limits.max_nodes:,} values in one file")


def _reader_error(path: str, text: str, exc: yaml.reader.ReaderError) -> YamlError:
    """A character YAML forbids, located by its offset."""
    line = text.count("\n", 0, exc.position) + 1
    col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    what = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
    return YamlError(Diagnostic(path, line, col, f"not valid YAML: unacceptable character {what}: {exc.reason}"))


def _syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> YamlError:
    """libyaml's problem, located, with its context ("while scanning ... that starts at ...") as the hint."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "syntax error"
    plain = plain_syntax_error(path, text, exc)
    if plain is not None:
        return YamlError(plain)
    hint = None
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None \
            and (exc.context_mark.line, exc.context_mark.column) != (exc.problem_mark.line, exc.problem_mark.column):
        hint = f"{exc.context} that starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
    return _err(path, mark, f"not valid YAML: {problem}", hint)


def read_yaml_file(file: str, display: str | None = None, limits: Limits = Limits(),
                   folder: Path | None = None) -> YamlDocument:
    """Read and parse ``file`` with the size and encoding checks first (see :func:`read_yaml_bytes`).

    >>> from argmap.corpus.load import bundled_maps_dir
    >>> path = str(bundled_maps_dir() / "enforcer.yaml")
    >>> doc = read_yaml_file(path, "enforcer.yaml")
    >>> doc.data["id"], doc.where(("nodes", 0, "id"))
    ('enforcer', (11, 9))
    >>> read_yaml_file(path, "enforcer.yaml", Limits(max_bytes=1000))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.yaml.reader.YamlError: enforcer.yaml:1:1: error: file is ... bytes, over the limit of 1,000 (split it, ...)
    """
    shown = display or file
    return parse_yaml_bytes(read_yaml_bytes(file, shown, limits, folder), shown, limits)


def read_yaml_bytes(file: str, shown: str, limits: Limits = Limits(), folder: Path | None = None) -> bytes:
    """The bytes of ``file``, opened once and checked on the open file (:func:`argmap.files.confine.read_map_file`):
    a regular file within the size limit, and inside ``folder`` when it was found there.  Problems are a
    located :class:`YamlError`.

    >>> read_yaml_bytes("/dev/null", "null.yaml")
    Traceback (most recent call last):
    argmap.yaml.reader.YamlError: null.yaml:1:1: error: cannot read file: not a regular file (a folder, device, FIFO or socket)
    """
    import errno

    from argmap.files.confine import read_map_file

    try:
        return read_map_file(Path(file), folder, limits.max_bytes)
    except OSError as exc:
        if exc.errno == errno.EFBIG and exc.strerror and exc.strerror.startswith("the file is "):
            raise YamlError(Diagnostic(shown, 1, 1, exc.strerror.removeprefix("the "),
                                       hint="split it, or check that this is really an argument map")) from None
        raise YamlError(Diagnostic(shown, 1, 1, f"cannot read file: {exc.strerror or exc}")) from None


def parse_yaml_bytes(raw: bytes, shown: str, limits: Limits = Limits()) -> YamlDocument:
    """Parse the bytes of a YAML file: at most ``limits.max_bytes``, UTF-8, then :func:`parse_yaml`.

    >>> parse_yaml_bytes(b"id: m\\n", "m.yaml").data
    {'id': 'm'}
    """
    if len(raw) > limits.max_bytes:
        raise YamlError(Diagnostic(shown, 1, 1, f"file is over the limit of {limits.max_bytes:,} bytes"))
    return parse_yaml(decode_utf8(raw, shown), shown, limits)


def decode_utf8(raw: bytes, shown: str) -> str:
    """Decode UTF-8 (a BOM is allowed), locating the first bad byte.

    >>> decode_utf8(b"\\xef\\xbb\\xbfid: m\\n", "m.yaml")
    'id: m\\n'
    >>> decode_utf8(b"id: m\\ntitle: caf\\xe9\\n", "m.yaml")
    Traceback (most recent call last):
    argmap.yaml.reader.YamlError: m.yaml:2:11: error: not UTF-8 text (byte 0xe9) (save the file as UTF-8)
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = byte_position(raw, exc.start)
        raise YamlError(Diagnostic(shown, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                                   hint="save the file as UTF-8")) from None


def byte_position(raw: bytes, at: int) -> tuple[int, int]:
    """The line and column (1-based, the column in characters) of byte ``at`` of ``raw``, whose bytes before it
    are UTF-8.

    >>> byte_position("né\\ncafé!".encode(), 9)  # the "!" after "café": column 5, though byte 6 of its line
    (2, 5)
    """
    before = raw[:at]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", errors="replace")) + 1
