"""Reading one arg-microtexts ``<arggraph>`` document: its elements, its edges, and what each unit says.

The format (``arggraph.dtd``, Peldszus & Stede): ``<edu>`` segments of the text (``implicit="true"`` when the
author never wrote it), ``<joint>`` nodes joining adjacent segments, ``<adu>`` units in the proponent's or the
opponent's voice (``pro``/``opp``), and ``<edge>`` elements: ``seg`` grounds a unit (or a joint) in a segment
(or a joint), ``sup``/``exa``/``reb`` join units, ``und`` and ``add`` point at an edge.  :mod:`.microtexts` turns
what is read here into a map.

>>> from argmap.importers.xmlsafe import parse_flat_xml
>>> g = read_graph(parse_flat_xml(b'''<arggraph id="x"><edu id="e1">Do it.</edu><edu id="e2">Now.</edu>
...   <edu id="e3">Really, do it.</edu><adu id="a1" type="pro"/><adu id="a2" type="pro"/>
...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e3" trg="a1" type="seg"/>
...   <edge id="c3" src="e2" trg="a2" type="seg"/><edge id="c4" src="a2" trg="a1" type="sup"/></arggraph>''',
...   "x.xml"), "x.xml")
>>> check_edges(g, "x.xml"); central_claim(g, "x.xml")
'a1'
>>> read_units(g, "Do it. Now. Really, do it.", "x.xml", "x.txt")["a1"]
Unit(text='Do it.', quote='Do it.', more=('Really, do it.',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.importers.xmlsafe import XmlElement, xml_error

__all__ = ["ARROW", "KIND", "STANCE", "Graph", "Unit", "central_claim", "check_edges", "read_graph", "read_units"]

ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
ARROW = {"sup": "->", "exa": "..>", "reb": "-|", "und": "-|"}
"""Edge type -> argmap's relation arrow."""
_EDGE_TYPES = {"seg", "add", *ARROW}
KIND = {"pro": "premise", "opp": "objection"}
"""A unit's voice -> its kind (the central claim aside)."""
STANCE = {"pro": "affirms", "con": "denies"}
"""The author's stance on the topic -> the thesis's stance toward the topic claim."""


@dataclass(frozen=True)
class Graph:
    """The parts of one ``<arggraph>``, in document order, with each element for locating errors."""

    root: XmlElement
    edus: dict[str, XmlElement]
    joints: dict[str, XmlElement]
    adus: dict[str, XmlElement]
    edges: dict[str, XmlElement]

    def implicit(self, edu: str) -> bool:
        """Is this EDU a reconstruction the author never wrote (``implicit="true"``)?"""
        return self.edus[edu].attrs.get("implicit") == "true"


def read_graph(root: XmlElement, path: str) -> Graph:
    if root.tag != "arggraph":
        raise xml_error(path, root.line, root.column, f"expected an <arggraph> root element, found <{root.tag}>")
    _need_id(root, path, "the root's id")
    topic = root.attrs.get("topic_id")
    if topic is not None and not ID.match(topic):
        raise xml_error(path, root.line, root.column, f"topic_id {topic!r} is not a valid id",
                        "letters, digits, '_', '.', '-', starting with a letter (it names a folder)")
    parts: dict[str, dict[str, XmlElement]] = {"edu": {}, "joint": {}, "adu": {}, "edge": {}}
    seen: dict[str, XmlElement] = {}
    for el in root.children:
        if el.tag not in parts:
            raise xml_error(path, el.line, el.column, f"unexpected element <{el.tag}>",
                            "expected <edu>, <joint>, <adu> or <edge>")
        ident = _need_id(el, path, f"<{el.tag}> id")
        if ident in seen:
            raise xml_error(path, el.line, el.column, f"duplicate id '{ident}'",
                            f"first used on line {seen[ident].line}")
        seen[ident] = el
        parts[el.tag][ident] = el
    for el in parts["adu"].values():
        if el.attrs.get("type") not in KIND:
            raise xml_error(path, el.line, el.column, f"<adu> type {el.attrs.get('type')!r} is not 'pro' or 'opp'")
    for el in parts["edu"].values():
        if el.attrs.get("implicit", "false") not in ("true", "false"):
            raise xml_error(path, el.line, el.column, f"<edu> implicit {el.attrs['implicit']!r} is not 'true' or 'false'")
    stance = root.attrs.get("stance")
    if stance is not None and stance not in (*STANCE, "unclear"):
        raise xml_error(path, root.line, root.column, f"stance {stance!r} is not 'pro', 'con' or 'unclear'")
    return Graph(root, parts["edu"], parts["joint"], parts["adu"], parts["edge"])


def _need_id(el: XmlElement, path: str, what: str) -> str:
    ident = el.attrs.get("id", "")
    if not ID.match(ident):
        raise xml_error(path, el.line, el.column, f"{what} {ident!r} is not a valid id",
                        "letters, digits, '_', '.', '-', starting with a letter")
    return ident


def check_edges(g: Graph, path: str) -> None:
    """Each edge joins what its type says it joins."""
    for ident, el in g.edges.items():
        kind, src, trg = el.attrs.get("type", ""), el.attrs.get("src", ""), el.attrs.get("trg", "")
        if kind not in _EDGE_TYPES:
            raise xml_error(path, el.line, el.column, f"edge '{ident}': unknown type {kind!r}",
                            "expected one of " + ", ".join(sorted(_EDGE_TYPES)))
        src_ok = (src in g.edus or src in g.joints) if kind == "seg" else src in g.adus
        if kind == "seg":
            trg_ok = trg in g.adus or (trg in g.joints and src in g.edus)
        elif kind in ("und", "add"):
            trg_ok = trg in g.edges and g.edges[trg].attrs.get("type") in ARROW
        else:
            trg_ok = trg in g.adus
        if not src_ok or not trg_ok:
            end = "source" if not src_ok else "target"
            raise xml_error(path, el.line, el.column, f"edge '{ident}' ({kind}): its {end} "
                            f"'{src if not src_ok else trg}' is not what a {kind} edge joins")


def central_claim(g: Graph, path: str) -> str:
    leaving = {el.attrs["src"] for el in g.edges.values() if el.attrs["type"] != "seg"}
    central = [a for a in g.adus if a not in leaving]
    if len(central) != 1:
        raise xml_error(path, g.root.line, g.root.column,
                        f"expected one central claim (an ADU no argumentative edge leaves), found {len(central)}"
                        + (f": {', '.join(central)}" if central else ""))
    return central[0]


@dataclass(frozen=True)
class Unit:
    """What one ADU says: its first passage in the text and any further ones, or, implicit, its reconstruction."""

    text: str
    quote: str | None
    more: tuple[str, ...] = ()


def _spans(g: Graph, text: str, path: str, essay: str) -> dict[str, tuple[int, int]]:
    """Where each written EDU is in the text: found in document order, each after the one before it."""
    spans: dict[str, tuple[int, int]] = {}
    cursor, before = 0, None
    for ident, el in g.edus.items():
        if not el.text.strip():
            raise xml_error(path, el.line, el.column, f"segment '{ident}' is empty")
        if g.implicit(ident):
            continue
        at = text.find(el.text, cursor)
        if at < 0:
            where = (f"it is there, but before the end of segment '{before}'" if before and el.text in text
                     else "nor anywhere else in it")
            after = f" after segment '{before}'" if before else ""
            raise xml_error(path, el.line, el.column, f"segment '{ident}' is not in {essay}{after} ({where})",
                            "the written segments are found in the order the file lists them; a unit the author "
                            'never wrote (a reconstruction) is an <edu implicit="true">')
        spans[ident] = (at, at + len(el.text))
        cursor, before = at + len(el.text), ident
    return spans


def _segments_of(g: Graph) -> dict[str, list[str]]:
    """Each ADU's EDUs, in document order; a joint stands for the EDUs it joins."""
    direct: dict[str, list[str]] = {}
    for el in g.edges.values():
        if el.attrs["type"] == "seg":
            direct.setdefault(el.attrs["trg"], []).append(el.attrs["src"])
    order = list(g.edus)
    return {adu: sorted({e for s in direct.get(adu, []) for e in (direct.get(s, []) if s in g.joints else [s])},
                        key=order.index) for adu in g.adus}


def read_units(g: Graph, text: str, path: str, essay: str) -> dict[str, Unit]:
    """Each ADU's quote: a run of adjacent segments is one passage, as it stands in the text; an ADU grounded in
    segments apart from each other (the same claim stated twice, or a claim another one interrupts) has its first
    passage as its quote and the others as more quotes; an ADU whose segments are all implicit is a reconstruction.
    """
    spans = _spans(g, text, path, essay)
    order = list(g.edus)
    out: dict[str, Unit] = {}
    for ident, segs in _segments_of(g).items():
        el = g.adus[ident]
        if not segs:
            raise xml_error(path, el.line, el.column, f"unit '{ident}' has no segment (no seg edge leads to it)")
        written = [s for s in segs if not g.implicit(s)]
        if not written:
            out[ident] = Unit(" ".join(" ".join(g.edus[s].text.split()) for s in segs), None)
            continue
        runs: list[list[str]] = []
        for s in written:
            if runs and order.index(s) == order.index(runs[-1][-1]) + 1:
                runs[-1].append(s)
            else:
                runs.append([s])
        passages = [text[spans[run[0]][0]:spans[run[-1]][1]] for run in runs]
        out[ident] = Unit(passages[0], passages[0], tuple(dict.fromkeys(passages[1:])))
    return out


