"""AIF JSON, as AIFdb and OVA write it, into an argmap map and its essay.

What is read: ``nodes`` (types I, L, RA, CA, MA, YA, TA, PA), ``edges`` and ``locutions``, at the top level
(AIFdb, argmap's own export) or inside OVA3's wrapper ``{"AIF": {...}, "text": "..."}``.

* An I-node is a statement; its text is the paraphrase.  Its quote is the text of the L-node (locution) that
  asserts it (L → YA → I), without the speaker's ``Name : `` prefix; an I-node that no locution asserts is quoted
  by its own text.
* An RA-node is a ``supports`` relation (an ``example`` when its scheme is "Argument From Example", as argmap's
  export writes it), a CA-node an ``attacks`` relation (an undercut when its target is an RA- or CA-node), an
  MA-node (rephrase) a ``supports`` relation noted as a rephrase.  Linked premises are the several I-nodes that
  point at one RA-node.
* The essay is what the quotes are checked against: OVA3's ``text`` (with its markup removed), or else every
  locution in order, one paragraph each, as ``Speaker : words``; any quote still missing is added as a paragraph.
* Dialogue structure (TA and YA nodes, who speaks when), preference (PA) nodes and timestamps have no place in an
  argmap map and are dropped.  The thesis is the root of the argument: among the statements that argue for or
  against nothing, the one the most others argue about, directly or not.  What argues against it is an objection
  and what argues for it a premise, going out from it: a support's sources take its target's side, an attack's and
  an undercut's the other side, so an answer to an objection is a premise.  Of the statements not reached so, those
  that support nothing are conclusions, the sources of attacks objections, the rest premises.  argmap's own export
  carries kinds, claims, stances, citations and notes under ``argmap`` keys; they are read back, so a map
  round-trips.

>>> sniff(b'{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": []}')
True
>>> sniff(b"id: m\\nnodes: []\\n")
False
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from argmap.errors import Diagnostic, InvalidInput
from argmap.importers.aif_map import AifGraph, build_map
from argmap.importers.base import ImportedMap, NothingToImport

__all__ = ["SUFFIXES", "TITLE", "convert", "read_aif", "sniff"]

TITLE = "AIF JSON"
SUFFIXES = (".json", ".aif")
"""File name endings of AIF JSON (AIFdb and OVA write ``.json``; ``argmap export`` writes ``.aif.json``)."""
_MAX_BYTES = 64 * 1024 * 1024
_BREAK = re.compile(r"(?i)<br\s*/?>|</p>|</div>")
_TAG = re.compile(r"<[^<>]*>")  # no "<" inside: each "<" is scanned past once (linear on "<<<<…")


def _unwrap(data: Any) -> tuple[dict[str, Any] | None, str | None]:
    """The AIF graph inside ``data`` (top level, or OVA3's ``AIF``), and OVA3's ``text``."""
    if not isinstance(data, dict):
        return None, None
    text = data.get("text") if isinstance(data.get("text"), str) else None
    graph = data["AIF"] if isinstance(data.get("AIF"), dict) else data
    nodes = graph.get("nodes")
    if not isinstance(nodes, list) or not isinstance(graph.get("edges"), list):
        return None, None
    if nodes and not all(isinstance(n, dict) and "nodeID" in n and "type" in n for n in nodes):
        return None, None
    return graph, text


def sniff(data: bytes) -> bool:
    """Does ``data`` (a whole file, or its first bytes) look like AIF JSON (nodes with ``nodeID`` and ``type``)?

    What does not parse (the first bytes of a larger file, or broken JSON) looks like AIF when it opens an
    object that names a ``nodeID``; :func:`convert` then reports where a broken file breaks.  An AIF graph with
    no nodes (``{"nodes": [], "edges": []}``) is AIF too: it imports as nothing, with a note.

    >>> sniff(b'{"nodes": [], "edges": [], "locutions": []}'), sniff(b'{"nodes": []}')
    (True, False)
    """
    head = data.lstrip()[:1]
    if head != b"{" or len(data) > _MAX_BYTES:
        return False
    named = b'"nodeID"' in data[:1_000_000]
    try:
        return _unwrap(load_json(data))[0] is not None
    except (ValueError, UnicodeDecodeError):
        return named


def load_json(data: bytes) -> Any:
    """``json.loads`` with bounds: a number of more than 18 digits stays text (an id, never converted at a cost),
    and nesting deeper than Python's stack is a :class:`ValueError`, not a crash.

    >>> load_json(b'{"nodeID": 12, "big": ' + b"9" * 5000 + b"}")["nodeID"], len(load_json(b"[" + b"9" * 5000 + b"]")[0])
    (12, 5000)
    >>> load_json(b"[" * 200_000)
    Traceback (most recent call last):
    ValueError: nesting too deep (arrays or objects inside one another thousands of times)
    """
    try:
        return json.loads(data, parse_int=lambda digits: int(digits) if len(digits) <= 18 else digits)
    except RecursionError:
        raise ValueError("nesting too deep (arrays or objects inside one another thousands of times)") from None


def _plain(text: str) -> str:
    """OVA3's analysed text: markup removed, entities decoded, paragraphs kept."""
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text))


def read_aif(path: Path) -> AifGraph:
    """The AIF graph of ``path``, or :class:`InvalidInput` with a located diagnostic."""
    from argmap.files.confine import read_regular

    def bad(message: str, line: int = 1, column: int = 1, hint: str | None = None) -> InvalidInput:
        return InvalidInput(f"{path} is not AIF JSON", [Diagnostic(str(path), line, column, message, hint=hint)])

    try:
        data = read_regular(path, _MAX_BYTES)  # a regular file only: a FIFO or device is refused, never read
    except OSError as exc:
        raise bad(f"cannot read it: {exc.strerror or exc}") from None
    try:
        loaded = load_json(data)
        json.dumps(loaded, ensure_ascii=False).encode("utf-8")  # a lone surrogate (\ud800) is not text
        graph, text = _unwrap(loaded)
    except json.JSONDecodeError as exc:
        raise bad(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except UnicodeError:
        raise bad("not UTF-8 text (or a \\u escape of a lone surrogate, which is no character)") from None
    except ValueError as exc:
        raise bad(f"not usable JSON: {exc}") from None
    if graph is None:
        raise bad("not AIF JSON: it needs 'nodes' (each with 'nodeID' and 'type') and 'edges'",
                  hint="AIFdb and OVA export this layout; OVA3 wraps it as {\"AIF\": {...}, \"text\": ...}")
    return AifGraph.from_json(graph, _plain(text) if text else None)


def convert(path: Path) -> list[ImportedMap]:
    """One map (with its essay) from an AIF JSON file; an AIF file with no statement gives none, and a note.

    >>> import tempfile, pathlib
    >>> empty = pathlib.Path(tempfile.mkdtemp()) / "empty.json"
    >>> _ = empty.write_text('{"nodes": [], "edges": [], "locutions": []}')
    >>> try:
    ...     convert(empty)
    ... except NothingToImport as exc:
    ...     print(exc.diagnostics[0].severity, exc.diagnostics[0].message)
    warning an AIF graph with no statement (I-node): nothing to import
    """
    graph = read_aif(path)
    if not any(graph.type(k) == "I" and graph.text_of(k) for k in graph.nodes):
        raise NothingToImport(f"nothing to import from {path}", [Diagnostic(
            str(path), 1, 1, "an AIF graph with no statement (I-node): nothing to import", "warning",
            hint=f"it has {len(graph.nodes)} node(s) and no I-node with text")])
    return [build_map(graph, path.stem)]
