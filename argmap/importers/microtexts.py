"""The arg-microtexts corpus format (Peldszus & Stede 2015): one ``micro_*.xml`` gold structure beside its ``.txt``.

How a text becomes a map:

* every ADU (argumentative unit) is a node with the ADU's id; its quote is the text of its EDU
  segments, taken verbatim from the ``.txt`` (several segments: the passage from the first to the
  last, which must follow each other in the text); the text is also the node's paraphrase, since
  the corpus gives none;
* kinds from the roles: the central claim (the ADU no argumentative edge leaves) is the ``thesis``,
  another proponent ADU a ``premise``, an opponent ADU an ``objection`` (the corpus does not mark
  evidence, so none is invented);
* relations keep the edge ids: ``sup`` → supports (``->``), ``exa`` → example (``..>``), ``reb`` →
  an attack on a unit, ``und`` → an attack on the edge (an undercut, ``-|`` to the edge's id), and
  ``add`` adds its source as a linked premise to the relation it points at (``a2 + a3 -> a1``);
* the root's ``topic_id`` is the map's group; with a ``stance`` of ``pro`` or ``con`` the thesis is bound
  to a claim named after the topic, which it affirms or denies, so texts on one topic meet on it.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "micro_x.txt").write_bytes(b"Do it. It helps. Some say no.")
>>> _ = (d / "micro_x.xml").write_text('''<arggraph id="micro_x" topic_id="do_it" stance="pro">
...   <edu id="e1"><![CDATA[Do it.]]></edu><edu id="e2"><![CDATA[It helps.]]></edu>
...   <edu id="e3"><![CDATA[Some say no.]]></edu>
...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>
...   <edge id="c4" src="e1" trg="a1" type="seg"/><edge id="c5" src="e2" trg="a2" type="seg"/>
...   <edge id="c6" src="e3" trg="a3" type="seg"/>
...   <edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="reb"/>
...   <edge id="c3" src="a2" trg="c2" type="und"/></arggraph>''')
>>> [m] = convert(d / "micro_x.xml")
>>> m.group, m.essay_name, m.claims
('do_it', 'micro_x.txt', (('do_it', 'Yes to the topic question: do it.'),))
>>> print(m.map_yaml.split("relations:\\n")[1].rstrip())
  - "c1: a2 -> a1"
  - "c2: a3 -| a1"
  - "c3: a2 -| c2"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from argmap.importers.base import ImportedMap
from argmap.importers.xmlsafe import XmlElement, parse_flat_xml, xml_error
from argmap.text.essayindex import sha256_text

__all__ = ["convert", "sniff"]

MAX_BYTES = 4 * 1024 * 1024
"""The largest XML file (or text) read; a microtext is a few kilobytes."""

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
_ROOT = re.compile(rb"<arggraph[\s>/]")
_ARROW = {"sup": "->", "exa": "..>", "reb": "-|", "und": "-|"}
_EDGE_TYPES = {"seg", "add", *_ARROW}
_KIND = {"pro": "premise", "opp": "objection"}
_STANCE = {"pro": "affirms", "con": "denies"}


def sniff(data: bytes) -> bool:
    """True for an arg-microtexts XML file (its root element is ``<arggraph>``).

    >>> sniff(b"<?xml version='1.0'?>\\n<arggraph id='micro_b001'>"), sniff(b'{"nodes": []}')
    (True, False)
    """
    return _ROOT.search(data[:4096]) is not None


@dataclass(frozen=True)
class _Graph:
    """The parts of one ``<arggraph>``, in document order, with each element for locating errors."""

    root: XmlElement
    edus: dict[str, XmlElement]
    adus: dict[str, XmlElement]
    edges: dict[str, XmlElement]


def _read_graph(root: XmlElement, path: str) -> _Graph:
    if root.tag != "arggraph":
        raise xml_error(path, root.line, root.column, f"expected an <arggraph> root element, found <{root.tag}>")
    _need_id(root, path, "the root's id")
    topic = root.attrs.get("topic_id")
    if topic is not None and not _ID.match(topic):
        raise xml_error(path, root.line, root.column, f"topic_id {topic!r} is not a valid id",
                        "letters, digits, '_', '.', '-', starting with a letter (it names a folder)")
    parts: dict[str, dict[str, XmlElement]] = {"edu": {}, "adu": {}, "edge": {}}
    seen: dict[str, XmlElement] = {}
    for el in root.children:
        if el.tag not in parts:
            raise xml_error(path, el.line, el.column, f"unexpected element <{el.tag}>", "expected <edu>, <adu> or <edge>")
        ident = _need_id(el, path, f"<{el.tag}> id")
        if ident in seen:
            raise xml_error(path, el.line, el.column, f"duplicate id '{ident}'",
                            f"first used on line {seen[ident].line}")
        seen[ident] = el
        parts[el.tag][ident] = el
    for el in parts["adu"].values():
        if el.attrs.get("type") not in _KIND:
            raise xml_error(path, el.line, el.column, f"<adu> type {el.attrs.get('type')!r} is not 'pro' or 'opp'")
    return _Graph(root, parts["edu"], parts["adu"], parts["edge"])


def _need_id(el: XmlElement, path: str, what: str) -> str:
    ident = el.attrs.get("id", "")
    if not _ID.match(ident):
        raise xml_error(path, el.line, el.column, f"{what} {ident!r} is not a valid id",
                        "letters, digits, '_', '.', '-', starting with a letter")
    return ident


def _check_edges(g: _Graph, path: str) -> None:
    """Each edge joins what its type says it joins."""
    for ident, el in g.edges.items():
        kind, src, trg = el.attrs.get("type", ""), el.attrs.get("src", ""), el.attrs.get("trg", "")
        if kind not in _EDGE_TYPES:
            raise xml_error(path, el.line, el.column, f"edge '{ident}': unknown type {kind!r}",
                            "expected one of " + ", ".join(sorted(_EDGE_TYPES)))
        src_ok = src in g.edus if kind == "seg" else src in g.adus
        if kind == "seg":
            trg_ok = trg in g.adus
        elif kind in ("und", "add"):
            trg_ok = trg in g.edges and g.edges[trg].attrs.get("type") in _ARROW
        else:
            trg_ok = trg in g.adus
        if not src_ok or not trg_ok:
            end = "source" if not src_ok else "target"
            raise xml_error(path, el.line, el.column, f"edge '{ident}' ({kind}): its {end} "
                            f"'{src if not src_ok else trg}' is not what a {kind} edge joins")


def _central(g: _Graph, path: str) -> str:
    leaving = {el.attrs["src"] for el in g.edges.values() if el.attrs["type"] != "seg"}
    central = [a for a in g.adus if a not in leaving]
    if len(central) != 1:
        raise xml_error(path, g.root.line, g.root.column,
                        f"expected one central claim (an ADU no argumentative edge leaves), found {len(central)}"
                        + (f": {', '.join(central)}" if central else ""))
    return central[0]


def _quotes(g: _Graph, text: str, path: str, essay: str) -> dict[str, str]:
    """Each ADU's quote: its segments as they stand in the text (segments are found in document order)."""
    spans: dict[str, tuple[int, int]] = {}
    cursor = 0
    for ident, el in g.edus.items():
        if not el.text.strip():
            raise xml_error(path, el.line, el.column, f"segment '{ident}' is empty")
        at = text.find(el.text, cursor)
        if at < 0:
            raise xml_error(path, el.line, el.column, f"segment '{ident}' is not in {essay} (after the segment before it)")
        spans[ident] = (at, at + len(el.text))
        cursor = at + len(el.text)
    order = list(g.edus)
    segments: dict[str, list[str]] = {}
    for el in g.edges.values():
        if el.attrs["type"] == "seg":
            segments.setdefault(el.attrs["trg"], []).append(el.attrs["src"])
    out: dict[str, str] = {}
    for ident, el in g.adus.items():
        segs = sorted(segments.get(ident, []), key=order.index)
        if not segs:
            raise xml_error(path, el.line, el.column, f"unit '{ident}' has no segment (no seg edge leads to it)")
        if [order.index(s) for s in segs] != list(range(order.index(segs[0]), order.index(segs[-1]) + 1)):
            raise xml_error(path, el.line, el.column, f"unit '{ident}': its segments do not follow each other")
        out[ident] = text[spans[segs[0]][0]:spans[segs[-1]][1]]
    return out


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _claim(g: _Graph) -> tuple[str, str, str] | None:
    """(claim id, wording, the thesis's stance) for the topic, when the text takes a side on it."""
    topic, stance = g.root.attrs.get("topic_id", ""), g.root.attrs.get("stance", "")
    if not _ID.match(topic) or stance not in _STANCE:
        return None
    return topic, f"Yes to the topic question: {topic.replace('_', ' ')}.", _STANCE[stance]


def _map_yaml(g: _Graph, quotes: dict[str, str], central: str, essay: str, sha: str, source_name: str) -> str:
    root_id = g.root.attrs["id"]
    topic = g.root.attrs.get("topic_id", "")
    claim = _claim(g)
    lines = [f"# Imported by argmap from the arg-microtexts corpus (Peldszus & Stede 2015, CC BY-NC-SA 4.0): "
             f"{source_name}",
             f"id: {root_id}",
             f"title: {_q(root_id + (': ' + topic.replace('_', ' ') if topic else ''))}",
             "author: null",
             "publication: arg-microtexts corpus (Peldszus & Stede 2015)",
             "source:", f"  path: {_q('../seeds/' + essay)}", f"  sha256: {sha}", "nodes:"]
    for ident, el in g.adus.items():
        kind = "thesis" if ident == central else _KIND[el.attrs["type"]]
        lines += [f"  - id: {ident}", f"    kind: {kind}", f"    text: {_q(quotes[ident])}",
                  f"    quote: {_q(quotes[ident])}"]
        if ident == central and claim is not None:
            lines += [f"    claim: {claim[0]}", f"    stance: {claim[2]}"]
    added: dict[str, list[str]] = {}
    for el in g.edges.values():
        if el.attrs["type"] == "add":
            added.setdefault(el.attrs["trg"], []).append(el.attrs["src"])
    relations = [f"  - {_q(f'{i}: ' + ' + '.join([el.attrs['src'], *added.get(i, [])]) + f' {_ARROW[t]} ' + el.attrs['trg'])}"
                 for i, el in g.edges.items() if (t := el.attrs["type"]) in _ARROW]
    return "\n".join([*lines, "relations:", *relations]) + "\n"


def _read(path: Path, what: str, report: str, folder: Path | None = None) -> bytes:
    """The bytes of ``path``, a regular file (a FIFO or device is refused, never read); with ``folder``, the file
    opened must be inside it (a link to elsewhere is refused: the text is copied into the import's output)."""
    from argmap.files.confine import read_regular, read_within, resolved

    try:
        if folder is None:
            data = read_regular(path, MAX_BYTES)
        else:
            data = read_within(path, [resolved(folder)], MAX_BYTES, hidden_ok=True,
                               outside="a link that leads outside the folder of the XML file")[1]
    except OSError as exc:
        raise xml_error(report, 1, 1, f"cannot read {what} {path.name}: {exc.strerror or exc}",
                        "each micro_*.xml needs its micro_*.txt beside it") from None
    if len(data) > MAX_BYTES:
        raise xml_error(report, 1, 1, f"{what} {path.name} is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    return data


def convert(path: Path) -> list[ImportedMap]:
    """One arg-microtexts XML file (and the ``.txt`` beside it) as one map; see the module's rules."""
    report = str(path)
    g = _read_graph(parse_flat_xml(_read(path, "file", report), report), report)
    _check_edges(g, report)
    central = _central(g, report)
    text_path = path.with_suffix(".txt")
    raw = _read(text_path, "text", report, folder=path.parent)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise xml_error(report, 1, 1, f"text {text_path.name} is not UTF-8") from None
    quotes = _quotes(g, text, report, text_path.name)
    yaml_text = _map_yaml(g, quotes, central, text_path.name, sha256_text(raw), path.name)
    claim = _claim(g)
    return [ImportedMap(map_id=g.root.attrs["id"], map_yaml=yaml_text, essay_name=text_path.name, essay_bytes=raw,
                        group=g.root.attrs.get("topic_id", ""), claims=((claim[0], claim[1]),) if claim else ())]
