"""Argdown (argdown.org): statements with their metadata, relations, arguments for linked premises, undercuts.

* A statement is ``[id]: text #kind {kind: …, quote: …, citation: …, note: …, claim: …, stance: …}``, under
  a heading per map; an implicit node (a reconstruction) is tagged ``#implicit`` with ``implicit: true`` and no
  quote, and a proposition stated in several places lists the others under ``more_quotes``.  In a comparison,
  the nodes of several maps bound to one shared claim are written in each map's section with the same title,
  ``[claim:<id>]``, which Argdown reads as one equivalence class; where the maps answer it differently or hold it in
  tension, each map's answer is its own statement, ``[claim:<id>/<map>]``.
* A relation with one source is a statement relation (``[P2]`` then ``+> [T]`` or ``-> [T]``).  Linked premises,
  a relation that an undercut attacks, support by example and a support that two maps of a comparison both make
  become an argument with its premise–conclusion structure (``<r1>``, ``(1) [P1]``, ``(2) [A1]``, ``----``,
  ``(3) [T]``); an undercut is ``_> <r1>``, so the argument it undercuts always has its premises and conclusion.
  An attack written as an argument (linked, or undercut) concludes a statement ``[<id>-conclusion]`` ("Not so:
  …") that attacks the target (``-> [P8]``), or undercuts it when the target is a relation (``_> <c4>``).
  Support by example is marked ``#example`` on its argument.  An attack that two maps both make between the same
  statements is one Argdown relation (Argdown keeps one relation per pair of statements).
* Text is escaped so that nothing in it is read as Argdown syntax; metadata values are JSON strings, which
  Argdown's YAML reader accepts.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> text = argdown_text(export_view(load_corpus([bundled_maps_dir()]), ["enforcer"]))
>>> "\\n<r1>\\n" in text and "\\n----\\n" in text
True
>>> escape("U.S. policy: [sic] #1 <b>")
'U\\\\.S. policy: \\\\[sic\\\\] \\\\#1 \\\\<b\\\\>'
"""

from __future__ import annotations

import json
import re
from collections import Counter

from argmap.exporters.view import ExportView, Link, Mention, Statement, export_view
from argmap.text.safe import visible

__all__ = ["argdown_text", "escape", "export_view"]

_SPECIAL = re.compile(r"[\\\[\]<>{}#*_@/()=+|~`^]|[.:](?=\S)|-(?=[>-])")


def escape(text: str) -> str:
    """``text`` on one line, every character that Argdown could read as markup escaped with a backslash.

    >>> print(escape("Russia -> Iran:\\n  an ally?"))
    Russia \\-\\> Iran: an ally?
    """
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))


def _value(v: object) -> str:
    # JSON is YAML; braces are escaped so that the metadata block's end is never mistaken.
    return json.dumps(v, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")


def _data(fields: dict[str, object]) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in fields.items() if v not in (None, "", [], ())) + "}"


def _statement(s: Statement, m: Mention, comparison: bool) -> str:
    tags = " ".join(f"#{t}" for t in dict.fromkeys([m.kind, *(["implicit"] if m.implicit else []), *m.tags]))
    data = _data({"kind": m.kind, "implicit": m.implicit or None, "quote": m.quote,
                  "more_quotes": list(m.more_quotes), "citation": list(m.citation), "note": m.note,
                  "claim": s.claim, "stance": m.stance if s.claim else None, "map": m.map, "node": m.node,
                  "wording": s.text if comparison and s.claim else None})
    return f"[{s.id}]: {escape(m.text)} {tags} {data}"


CONCLUSION = "-conclusion"
"""The title of an attack's conclusion is the attack's id and this: ``[r5-conclusion]``."""
_DESCRIBE = {"example": "Support by example.", "attacks": "An attack."}


def _conclusion(link: Link, texts: dict[str, str]) -> list[str]:
    """An attack's conclusion: the statement that its target does not hold, which attacks it (or undercuts it)."""
    if link.undercut:
        return [f"[{link.id}{CONCLUSION}]: The inference of {escape(link.target)} does not hold here. "
                f"{_data({'relation': 'attacks', 'map': link.map})}", f"  _> <{link.target}>"]
    return [f"[{link.id}{CONCLUSION}]: Not so: {escape(texts[link.target])} "
            f"{_data({'relation': 'attacks', 'map': link.map})}", f"  -> [{link.target}]"]


def _pcs(link: Link, counter: int, texts: dict[str, str]) -> tuple[list[str], int]:
    """An argument with its premise-conclusion structure: the sources are its premises; a support's conclusion is
    its target, an attack's the statement that its target does not hold (which attacks or undercuts it)."""
    head = f"<{link.id}>"
    if link.type in _DESCRIBE:  # marked, so that a reader sees what kind of inference it is
        head += f": {_DESCRIBE[link.type]} #{link.type} {_data({'relation': link.type, 'map': link.map})}"
    lines = [head, ""]
    for src in link.sources:
        counter += 1
        lines.append(f"({counter}) [{src}]")
    counter += 1
    if link.type == "attacks":
        first, *rest = _conclusion(link, texts)
        lines += ["----", f"({counter}) {first}", *rest]
    else:
        lines += ["----", f"({counter}) [{link.target}]"]
    return lines, counter


def _as_argument(view: ExportView) -> set[str]:
    """Relations that need an argument: linked premises, the target of an undercut, support by example (marked
    ``#example``), or a support that another map makes between the same statements (Argdown keeps one relation per
    pair; each map's argument stays its own).  So the target of every undercut has premises and a conclusion."""
    undercut = {link.target for link in view.links if link.undercut}
    pairs = Counter((link.sources, link.target) for link in view.links if link.type != "attacks")
    return {link.id for link in view.links
            if len(link.sources) > 1 or link.id in undercut or link.type == "example"
            or (link.type != "attacks" and pairs[link.sources, link.target] > 1)}


def _relation_lines(link: Link) -> list[str]:
    """A relation of one source that needs no argument: a statement relation, or an undercut of an argument."""
    if link.undercut:
        arrow, target = "_>", f"<{link.target}>"
    else:
        arrow, target = ("->" if link.type == "attacks" else "+>"), f"[{link.target}]"
    return [f"[{link.sources[0]}]", f"  {arrow} {target}"]


def argdown_text(view: ExportView) -> str:
    """The view as an Argdown document (UTF-8 text).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> view = export_view(load_corpus([bundled_maps_dir()]), ["enforcer"])
    >>> lines = argdown_text(view).splitlines()
    >>> lines[lines.index("<r1>"):][:7]   # linked premises as an argument
    ['<r1>', '', '(1) [P1]', '(2) [P1a]', '(3) [A1]', '----', '(4) [T]']
    >>> lines[lines.index("  _> <r5>") - 1]   # the undercut of r5
    '[P8b]'
    >>> r5 = lines.index('<r5>: An attack. #attacks {relation: "attacks", map: "enforcer"}')
    >>> lines[r5 + 2:r5 + 4], lines[r5 + 4][:45], lines[r5 + 5]   # an undercut attack: premise, conclusion, target
    (['(14) [O4]', '----'], '(15) [r5-conclusion]: Not so: China, too, has', '  -> [P8]')
    """
    out = ["===", f"title: {_value(view.title)}", "===", ""]
    arguments = _as_argument(view)
    texts = {st.id: st.text for st in view.statements}
    for info in view.maps:
        out += [f"# {escape(info.title)} {_data({'map': info.id, 'author': info.author, 'essay': info.essay})}", ""]
        for s in view.statements:
            out += [_statement(s, m, view.comparison) + "\n" for m in s.mentions if m.map == info.id]
        counter = 0
        for link in view.links:
            if link.map != info.id:
                continue
            if link.id in arguments:
                lines, counter = _pcs(link, counter, texts)
            else:
                lines = _relation_lines(link)
            out += [*lines, ""]
    # Characters that would act rather than show (ESC, BEL, U+202E…) become U+FFFD, as in every output.
    return visible("\n".join(out).rstrip("\n") + "\n")
