"""The preview page's edits: a passage selected into a node, relations, undercuts, claims, undo.

The page served by :mod:`argmap.jobs.preview` posts each change as a small JSON action to
``/edit``.  :class:`MapEditor` reads the map file, applies one pure function of
:mod:`argmap.jobs.map_edit`, and writes the result atomically; the file on disk stays the
source of truth, so a change made by hand in an editor between two edits is kept.

Only the page the server served may write, only to its one map file, only over
loopback: :func:`refusal` turns away a request from another address, for another
host name (a DNS-rebinding page), from another origin, or without the page's
per-session token (a random value written into the page, sent back in the
``X-Argmap-Token`` header).

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "seeds").mkdir(); (root / "maps").mkdir()
>>> _ = (root / "seeds" / "e.txt").write_text("It rained. So the streets are wet.")
>>> _ = (root / "maps" / "e.yaml").write_text("id: e\\nsource: {path: ../seeds/e.txt}\\nnodes:  # mine\\n")
>>> editor = MapEditor(root / "maps" / "e.yaml")
>>> editor.apply({"op": "node", "kind": "thesis", "start": 11, "end": 34, "selected": "So the streets are wet.",
...               "text": "The streets are wet."})
{'done': 'made node T', 'id': 'T'}
>>> print((root / "maps" / "e.yaml").read_text())
id: e
source: {path: ../seeds/e.txt}
nodes:  # mine
  - id: T
    kind: thesis
    text: "The streets are wet."
    quote: "So the streets are wet."
<BLANKLINE>
>>> editor.apply({"op": "undo"})["done"]
'undid: made node T'
>>> refusal({"Host": "evil.example:8765", "X-Argmap-Token": "t"}, "127.0.0.1", "t", 8765)
(403, "refused: the page's address is not 127.0.0.1:8765")
"""

from __future__ import annotations

import ipaddress
import json
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, MapEditError
from argmap.jobs.map_edit import add_node, add_relation, bind_claim
from argmap.jobs.map_outline import MapOutline, outline

__all__ = ["MAX_BODY", "TOKEN_HEADER", "MapEditor", "answer_edit", "claim_suggestions", "editing_state", "new_token",
           "refusal"]

TOKEN_HEADER = "X-Argmap-Token"
MAX_BODY = 64 * 1024
_UNDO_DEPTH = 100


def new_token() -> str:
    """A fresh per-session token (unguessable, URL- and HTML-safe)."""
    return secrets.token_urlsafe(24)


def refusal(headers: Mapping[str, str], client: str, token: str, port: int) -> tuple[int, str] | None:
    """Why an edit request may not be served, as (HTTP status, message), or None when it may.

    >>> ok = {"Host": "127.0.0.1:8765", "X-Argmap-Token": "s3cret"}
    >>> refusal(ok, "127.0.0.1", "s3cret", 8765) is None
    True
    >>> refusal({**ok, "X-Argmap-Token": "guess"}, "127.0.0.1", "s3cret", 8765)
    (403, "refused: this request does not carry the page's token (reload the page)")
    >>> refusal(ok, "192.168.1.9", "s3cret", 8765)
    (403, 'refused: edits come only from this computer (127.0.0.1)')
    """
    headers = {k.lower(): v for k, v in headers.items()}  # header names are case-insensitive
    try:
        loopback = ipaddress.ip_address(client.split("%", 1)[0]).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        return 403, "refused: edits come only from this computer (127.0.0.1)"
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    if headers.get("host", "") not in hosts:
        return 403, f"refused: the page's address is not 127.0.0.1:{port}"
    origin = headers.get("origin")
    if origin is not None and origin not in {f"http://{h}" for h in hosts}:
        return 403, "refused: the request comes from another site's page"
    if not secrets.compare_digest(headers.get(TOKEN_HEADER.lower(), "").encode(), token.encode()):
        return 403, "refused: this request does not carry the page's token (reload the page)"
    return None


def claim_suggestions(statement: str, claims: list[tuple[str, str]], limit: int = 5) -> list[str]:
    """The ids of the registry's claims (id, wording) most like ``statement``, best first.

    >>> claim_suggestions("Deposits should go up.", [("litter", "Litter is a problem."),
    ...                                                ("deposit-up", "Bottle deposits should be raised.")])
    ['deposit-up', 'litter']
    """
    from rapidfuzz import fuzz

    scored = sorted(((-fuzz.token_set_ratio(statement.lower(), f"{cid} {wording}".lower()), i, cid)
                     for i, (cid, wording) in enumerate(claims)))
    return [cid for _, _, cid in scored[:limit]]


def answer_edit(editor: MapEditor, token: str, port: int, headers: Mapping[str, str], client: str,
                read: Callable[[int], bytes]) -> tuple[int, dict[str, str]]:
    """The HTTP status and JSON answer to one ``POST /edit``: refused (:func:`refusal`), a bad body, or the edit done."""
    refused = refusal(headers, client, token, port)
    if refused is not None:
        return refused[0], {"error": refused[1]}
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        size = int(lowered.get("content-length") or 0)
    except ValueError:
        size = 0
    if not 0 < size <= MAX_BODY or lowered.get("content-type", "").split(";")[0] != "application/json":
        return 400, {"error": f"an edit is a JSON object of at most {MAX_BODY:,} bytes"}
    try:
        action = json.loads(read(size))
        if not isinstance(action, dict):
            raise ValueError
    except ValueError:
        return 400, {"error": "an edit is a JSON object"}
    try:
        return 200, editor.apply(action)
    except ArgmapError as exc:  # an edit that cannot be made, or a write that failed
        return exc.status, {"error": exc.message}


@dataclass(frozen=True)
class _Change:
    before: str
    after: str
    what: str


class MapEditor:
    """Edits of one map file, each read from disk, applied, and written atomically; the last ones can be undone.

    An undo puts back the text the file had before the last change made here, but only while the file is still
    as that change left it: after an edit by hand, undo refuses rather than lose it.
    """

    def __init__(self, map_file: Path) -> None:
        self.map_file = map_file
        self._lock = threading.Lock()
        self._done: list[_Change] = []

    def apply(self, action: Mapping[str, Any]) -> dict[str, str]:
        """Carry out one action of the page: ``node``, ``relation``, ``claim`` or ``undo`` (see :mod:`argmap.jobs.map_edit`)."""
        from argmap.files.atomic import write_atomic

        op = action.get("op")
        with self._lock:
            if op == "undo":
                return self._undo()
            before = self._read()
            if op == "node":
                quote = self._passage(before, action)
                after, ident = add_node(before, kind=_text(action, "kind"), quote=quote, paraphrase=_text(action, "text"))
                change, result = f"made node {ident}", {"id": ident}
            elif op == "relation":
                after, line = add_relation(before, _text(action, "source"), _text(action, "target"), _text(action, "kind"))
                change, result = f"added {line}", {"relation": line}
            elif op == "claim":
                claim = action.get("claim")
                after = bind_claim(before, _text(action, "node"), str(claim) if claim else None)
                change = f"bound {action.get('node')} to {claim}" if claim else f"unbound {action.get('node')}"
                result = {}
            else:
                raise MapEditError(f"unknown action {op!r}: node, relation, claim or undo")
            write_atomic(self.map_file, after)
            self._done = [*self._done, _Change(before, after, change)][-_UNDO_DEPTH:]
            return {"done": change, **result}

    def _undo(self) -> dict[str, str]:
        from argmap.files.atomic import write_atomic

        if not self._done:
            raise MapEditError("nothing to undo: no change has been made from this page since it was opened")
        last = self._done[-1]
        if self._read() != last.after:
            self._done = []
            raise MapEditError("the map file has changed since the last change made here (edited by hand?); "
                               "undo it in your editor, so that nothing is lost")
        write_atomic(self.map_file, last.before)
        self._done = self._done[:-1]
        return {"done": f"undid: {last.what}"}

    def _read(self) -> str:
        try:
            return self.map_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise MapEditError(f"cannot read {self.map_file}: {getattr(exc, 'strerror', None) or exc}") from None

    def _passage(self, map_text: str, action: Mapping[str, Any]) -> str:
        """The exact passage of the essay the page selected (``start``/``end`` offsets, checked against ``selected``)."""
        from argmap.files.confine import EssayReader, decode_essay

        source = outline(map_text).source
        if source is None:
            raise MapEditError("the map names no essay (source.path); add it before selecting passages")
        try:
            essay = decode_essay(EssayReader().read(self.map_file.parent, source))
        except (OSError, UnicodeDecodeError) as exc:
            raise MapEditError(f"cannot read the essay '{source}': {getattr(exc, 'strerror', None) or exc}") from None
        start, end = action.get("start"), action.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(essay)):
            raise MapEditError("select a passage of the essay first")
        passage = essay[start:end]
        if passage != action.get("selected"):
            raise MapEditError("the essay has changed since the page showed it; select the passage again")
        return passage.strip()


def _text(action: Mapping[str, Any], key: str) -> str:
    value = action.get(key)
    if not isinstance(value, str):
        raise MapEditError(f"the action has no '{key}'")
    return value


def editing_state(map_file: Path, claims: Path | None) -> dict[str, Any]:
    """What the page needs to edit the map: the essay, the nodes and relations, the registry's claims."""
    from argmap.files.confine import EssayReader, decode_essay

    try:
        text = map_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    shape = outline(text)
    essay = None
    if shape.source is not None:
        try:
            essay = decode_essay(EssayReader().read(map_file.parent, shape.source))
        except (OSError, UnicodeDecodeError):
            essay = None
    registry = _registry(claims or map_file.parent / "claims.yaml")
    return {"essay": essay, "quoted": _quoted(essay, shape) if essay is not None else [],
            "nodes": [{"id": n.id, "kind": n.kind, "text": n.text, "claim": n.claim,
                       "suggested": claim_suggestions(n.text, registry)} for n in shape.nodes],
            "relations": [{"index": r.index, "id": r.id, "label": r.label} for r in shape.relations],
            "claims": [{"id": c, "wording": w} for c, w in registry]}


def _quoted(essay: str, shape: MapOutline) -> list[tuple[int, int, str]]:
    """Where each node's quote is in the essay: (start, end, node id), in the essay's order, not overlapping."""
    from argmap.text.essayindex import Essay

    doc = Essay(essay)
    spans = sorted((span[0], span[1], n.id) for n in shape.nodes if n.quote and (span := doc.find(n.quote)) is not None)
    out: list[tuple[int, int, str]] = []
    for start, end, ident in spans:
        if not out or start >= out[-1][1]:
            out.append((start, end, ident))
    return out


def _registry(path: Path) -> list[tuple[str, str]]:
    """The registry's (id, wording) pairs, or none when it is missing or broken (validate reports that)."""
    from argmap.yaml.reader import YamlError, read_yaml_file

    if not path.is_file():
        return []
    try:
        data = read_yaml_file(str(path)).data
    except YamlError:
        return []
    items = data.get("claims") if isinstance(data, dict) else None
    return [(str(c["id"]), str(c.get("wording", ""))) for c in items or [] if isinstance(c, dict) and "id" in c]
