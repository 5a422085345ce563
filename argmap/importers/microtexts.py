"""The arg-microtexts corpus format (Peldszus & Stede 2015): one ``micro_*.xml`` gold structure beside its ``.txt``.

Every construct of the format's DTD (``arggraph.dtd``) is read.  How a text becomes a map:

* every ADU (argumentative unit) is a node with the ADU's id; its quote is the text of its EDU segments, taken
  verbatim from the ``.txt``.  Segments that follow each other (directly, or joined by a ``<joint>``) are one
  passage, from the first to the last.  An ADU grounded in segments apart from each other (the DTD: "the same
  claim might be stated multiple times") keeps its first passage as its ``quote`` and the others as
  ``more_quotes``.  The text is also the node's paraphrase, since the corpus gives none;
* an EDU marked ``implicit="true"`` is a reconstruction the author never wrote: it is not looked for in the text,
  and an ADU grounded only in such EDUs is an ``implicit`` node, its text the reconstruction, with no quote (part 2
  of the corpus also writes it into the text in capitals: that passage is a ``skip``, the annotators' words);
* kinds from the roles: the central claim (the ADU no argumentative edge leaves) is the ``thesis``, another
  proponent ADU a ``premise``, an opponent ADU an ``objection`` (the corpus does not mark evidence, so none is
  invented).  A central claim in the opponent's voice is the objection the text argues against: the thesis is
  then its rejection, an implicit node ``T`` ("Not so: …") that the central claim attacks, so the text's
  rebuttals of it defend the thesis;
* relations keep the edge ids: ``sup`` → supports (``->``), ``exa`` → example (``..>``), ``reb`` →
  an attack on a unit, ``und`` → an attack on the edge (an undercut, ``-|`` to the edge's id), and
  ``add`` adds its source as a linked premise to the relation it points at (``a2 + a3 -> a1``);
* the root's ``topic_id`` is the map's group; with a ``stance`` of ``pro`` or ``con`` (the author's position on
  the topic) the thesis is bound to a claim named after the topic, which it affirms or denies, so texts on one
  topic meet on it; ``stance="unclear"`` binds nothing and says so in the thesis's note.

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
from pathlib import Path

from argmap.importers.arggraph import ARROW, ID, KIND, STANCE, Graph, Unit, central_claim, check_edges, read_graph, read_units
from argmap.importers.base import ImportedMap
from argmap.importers.xmlsafe import parse_flat_xml, xml_error
from argmap.text.essayindex import sha256_text

_ROOT = re.compile(rb"<arggraph[\s>/]")

__all__ = ["SUFFIXES", "convert", "sniff"]

SUFFIXES = (".xml",)
"""The file name ending of an arg-microtexts file; a ``.md`` or ``.txt`` is never read as one."""

MAX_BYTES = 4 * 1024 * 1024
"""The largest XML file (or text) read; a microtext is a few kilobytes."""



def sniff(data: bytes) -> bool:
    """True for an arg-microtexts XML file (its root element is ``<arggraph>``).

    >>> sniff(b"<?xml version='1.0'?>\\n<arggraph id='micro_b001'>"), sniff(b'{"nodes": []}')
    (True, False)
    """
    return _ROOT.search(data[:4096]) is not None


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _claim(g: Graph) -> tuple[str, str, str] | None:
    """(claim id, wording, the author's stance) for the topic, when the text takes a side on it."""
    topic, stance = g.root.attrs.get("topic_id", ""), g.root.attrs.get("stance", "")
    if not ID.match(topic) or stance not in STANCE:
        return None
    return topic, f"Yes to the topic question: {topic.replace('_', ' ')}.", STANCE[stance]


def _free_id(g: Graph, wanted: str) -> str:
    taken = {*g.edus, *g.joints, *g.adus, *g.edges}
    ident, n = wanted, 2
    while ident in taken:
        ident, n = f"{wanted}{n}", n + 1
    return ident


def _node_lines(ident: str, kind: str, unit: Unit, claim: str | None = None, stance: str | None = None,
                note: str | None = None) -> list[str]:
    lines = [f"  - id: {ident}", f"    kind: {kind}", f"    text: {_q(unit.text)}"]
    if unit.quote is None:
        lines.append("    implicit: true")
    else:
        lines.append(f"    quote: {_q(unit.quote)}")
    if unit.more:
        lines += ["    more_quotes:", *(f"      - {_q(more)}" for more in unit.more)]
    if claim is not None:
        lines += [f"    claim: {claim}", f"    stance: {stance}"]
    if note is not None:
        lines.append(f"    note: {_q(note)}")
    return lines


def _marks(g: Graph, text: str) -> list[str]:
    """The passages of the text that only mark an implicit unit: arg-microtexts part 2 writes each implicit claim
    into the text in capitals ("HUNTING IS GOOD FOR THE ENVIRONMENT."), words the author never wrote.

    >>> from argmap.importers.xmlsafe import parse_flat_xml
    >>> from argmap.importers.arggraph import read_graph
    >>> g = read_graph(parse_flat_xml(b'<arggraph id="x"><edu id="e1" implicit="true">Do it.</edu></arggraph>',
    ...                               "x.xml"), "x.xml")
    >>> _marks(g, "It helps. DO IT.")
    ['DO IT.']
    """
    found = []
    for ident, el in g.edus.items():
        capitals = " ".join(el.text.split()).upper()
        if g.implicit(ident) and capitals != " ".join(el.text.split()) and capitals in text:
            found.append(capitals)
    return list(dict.fromkeys(found))


def _map_yaml(g: Graph, units: dict[str, Unit], central: str, essay: str, sha: str, source_name: str,
              marks: list[str]) -> str:
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
    unclear = (f"the corpus marks the author's stance on the topic ({topic.replace('_', ' ')}) as unclear"
               if g.root.attrs.get("stance") == "unclear" else None)
    opposed = g.adus[central].attrs["type"] == "opp"
    extra: list[str] = []
    if opposed:  # the central claim is the opponent's: the author's thesis is its rejection, reconstructed
        thesis = _free_id(g, "T")
        lines += _node_lines(thesis, "thesis", Unit(f"Not so: {units[central].text}", None),
                             claim[0] if claim else None, claim[2] if claim else None,
                             unclear or f"reconstructed: the central claim {central} is the opponent's, which "
                             "the text argues against")
        extra.append(f"  - {_q(f'{central} -| {thesis}')}")
    for ident, el in g.adus.items():
        if ident == central and not opposed:
            lines += _node_lines(ident, "thesis", units[ident], claim[0] if claim else None,
                                 claim[2] if claim else None, unclear)
        elif ident == central:  # not bound to the topic too: one map's nodes on one claim are one statement
            lines += _node_lines(ident, "objection", units[ident])
        else:
            lines += _node_lines(ident, KIND[el.attrs["type"]], units[ident])
    added: dict[str, list[str]] = {}
    for el in g.edges.values():
        if el.attrs["type"] == "add":
            added.setdefault(el.attrs["trg"], []).append(el.attrs["src"])
    relations = [f"  - {_q(f'{i}: ' + ' + '.join([el.attrs['src'], *added.get(i, [])]) + f' {ARROW[t]} ' + el.attrs['trg'])}"
                 for i, el in g.edges.items() if (t := el.attrs["type"]) in ARROW]
    skip = [line for mark in marks for line in (
        f"  - quote: {_q(mark)}",
        "    reason: " + _q("the corpus's mark of an implicit unit, in capitals: the annotators' words, not the author's"))]
    return "\n".join([*lines, "relations:", *relations, *extra, *(["skip:", *skip] if skip else [])]) + "\n"


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
    g = read_graph(parse_flat_xml(_read(path, "file", report), report), report)
    check_edges(g, report)
    central = central_claim(g, report)
    text_path = path.with_suffix(".txt")
    raw = _read(text_path, "text", report, folder=path.parent)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise xml_error(report, 1, 1, f"text {text_path.name} is not UTF-8") from None
    units = read_units(g, text, report, text_path.name)
    yaml_text = _map_yaml(g, units, central, text_path.name, sha256_text(raw), path.name, _marks(g, text))
    claim = _claim(g)
    return [ImportedMap(map_id=g.root.attrs["id"], map_yaml=yaml_text, essay_name=text_path.name, essay_bytes=raw,
                        group=g.root.attrs.get("topic_id", ""), claims=((claim[0], claim[1]),) if claim else ())]
