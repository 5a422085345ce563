"""The drift check of a grounded map: located warnings, accepted drift, stale acceptances.

A node silences one kind of drift with ``accept_drift: {kind: reason}``; an
acceptance that silences nothing is itself reported, so that it cannot outlive
the wording it excused.

>>> from argmap.text.essayindex import Essay
>>> from argmap.format.model import ArgumentMap
>>> from argmap.checks.grounded import GroundedMap
>>> from argmap.yaml.reader import parse_yaml
>>> doc = parse_yaml('''
... id: m
... title: t
... source: {path: essay.txt, sha256: "%s"}
... nodes:
...   - {id: T, kind: thesis, text: "Iran gains leverage.", quote: "Iran may gain leverage."}
...   - id: P
...     kind: premise
...     text: "Russia is silent."
...     quote: "Russia is not loud."
...     accept_drift: {negation: "silence is the absence of noise", hedge: "no hedge here"}
... relations: ["P -> T"]
... ''' % ("0" * 64), "m.yaml")
>>> gm = GroundedMap(ArgumentMap.model_validate(doc.data), "m.yaml", Essay("Iran may gain leverage. Russia is not loud."))
>>> for d in drift_diagnostics(doc, gm): print(d)  # doctest: +NORMALIZE_WHITESPACE
m.yaml:6:33: warning: nodes[0].text: paraphrase drops the hedge 'may' (quote: "Iran may gain leverage.")
    (restore it ("Iran may gain leverage."), or accept it with accept_drift: {hedge: <reason>})
m.yaml:11:72: warning: nodes[1].accept_drift.hedge: accepts hedge drift, but the paraphrase has none
    (remove this entry)
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from argmap.checks.drift.names import Lexicon, essay_lexicon
from argmap.checks.drift.paraphrase import Drift, find_drift
from argmap.checks.integrity import has_placeholder
from argmap.errors import Diagnostic

if TYPE_CHECKING:
    from collections.abc import Callable

    from argmap.checks.grounded import GroundedMap
    from argmap.format.model import Node
    from argmap.yaml.reader import YamlDocument

__all__ = ["drift_diagnostics", "drift_message"]

_WHAT = {"hedge": "the hedge", "modality": "the modal", "negation": "the negation", "specifics": ""}

_WORDS = re.compile(r"\S+")


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _excerpt(quote: str, limit: int = 90) -> str:
    q = " ".join(quote.split())
    return q if len(q) <= limit else q[: limit - 1].rstrip() + "…"


def _around(text: str, word: str) -> str:
    """Two words before ``word`` in ``text`` and three after, quoted for a hint; '' when it is not there.

    >>> _around("Without it, Israeli planners likely judged the cost-benefit calculus", "likely")
    ' ("…Israeli planners likely judged the cost-benefit…")'
    """
    pattern = re.escape(word).replace("'", "['\u2019]")
    if word.startswith("n't"):
        pattern = r"\w*" + pattern
    flat = " ".join(text.split())
    m = re.search(rf"(?<!\w){pattern}(?!\w)", flat, flags=re.IGNORECASE)
    if m is None:
        return ""
    starts = [w.start() for w in _WORDS.finditer(flat[: m.start()])]
    ends = [m.end() + w.end() for w in _WORDS.finditer(flat[m.end():])]
    start = starts[-2] if len(starts) >= 2 else 0
    end = ends[2] if len(ends) > 3 else len(flat)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(flat) else ""
    return f' ("{head}{flat[start:end].strip()}{tail}")'


def drift_message(d: Drift, quote: str, text: str = "") -> tuple[str, str]:
    """The warning and its suggestion for one drift (``text``: the paraphrase, for the words around an addition).

    >>> from argmap.checks.drift.paraphrase import Drift
    >>> for line in drift_message(Drift("modality", "turns", ("can't", "will not")), "If Russia can't stand up"):
    ...     print(line)
    paraphrase turns 'can't' into 'will not' (quote: "If Russia can't stand up")
    say 'can't' as the quote does ("If Russia can't stand up"), or accept it with accept_drift: {modality: <reason>}
    """
    what = _WHAT[d.kind]
    q = f'(quote: "{_excerpt(quote)}")'
    it = "them" if len(d.words) > 1 and d.change != "turns" else "it"
    accept = f"accept {it} with accept_drift: {{{d.kind}: <reason>}}"
    where = _around(quote, d.words[0]) if d.change != "adds" else _around(text, d.words[0])
    if d.change == "turns":
        return (f"paraphrase turns '{d.words[0]}' into '{d.words[1]}' {q}",
                f"say '{d.words[0]}' as the quote does{where}, or {accept}")
    if d.kind == "specifics":
        noun = "names" if len(d.words) > 1 else "name"
        if d.change == "drops":
            return f"paraphrase loses the {noun} {_quoted(d.words)} {q}", f"name {it} as the quote does{where}, or {accept}"
        return (f"paraphrase adds the {noun} {_quoted(d.words)}, which the quote lacks {q}",
                f"keep to what the quote names, or {accept}")
    what += "s" if len(d.words) > 1 else ""
    if d.change == "drops":
        return f"paraphrase drops {what} {_quoted(d.words)} {q}", f"restore {it}{where}, or {accept}"
    return (f"paraphrase adds {what} {_quoted(d.words)}, which the quote lacks {q}",
            f"take {it} out{where}, or {accept}")


def _paragraph(essay_text: str, span: tuple[int, int]) -> str:
    """The essay's paragraph (one per line) around a quote's span."""
    start = essay_text.rfind("\n", 0, span[0]) + 1
    end = essay_text.find("\n", span[1])
    return essay_text[start: end if end >= 0 else len(essay_text)]


def _node_drift(n: Node, gm: GroundedMap, lexicon: Callable[[], Lexicon]) -> list[Drift]:
    assert n.quote is not None
    span = gm.spans.get(n.id)
    context = _paragraph(gm.essay.text, span) if span else None
    return find_drift(n.text, n.quote, context, lexicon)


def drift_kinds(pairs: list[tuple[str, str]], essay_text: str) -> list[list[str]]:
    """For each (paraphrase, quote), the kinds of drift :func:`drift_diagnostics` would report in an essay of
    ``essay_text`` (the quote's paragraph and the essay's names are its context), before any is accepted.

    >>> drift_kinds([("Iran gains leverage.", "Iran may gain leverage."), ("Rain.", "Rain.")],
    ...             "Iran may gain leverage. Rain.\\n")
    [['hedge'], []]
    """
    from argmap.text.essayindex import Essay

    essay, lexicon = Essay(essay_text), partial(essay_lexicon, essay_text)
    out: list[list[str]] = []
    for text, quote in pairs:
        span = essay.find(quote)
        context = _paragraph(essay_text, span) if span else None
        out.append(list(dict.fromkeys(d.kind for d in find_drift(text, quote, context, lexicon))))
    return out


def drift_diagnostics(doc: YamlDocument, gm: GroundedMap) -> list[Diagnostic]:
    """Warnings for each unaccepted drift, located at the node's ``text``, and for stale acceptances."""
    out: list[Diagnostic] = []
    lexicon = partial(essay_lexicon, gm.essay.text)  # read only for the pairs whose names it must settle
    for i, n in enumerate(gm.model.nodes):
        accepted = n.accept_drift or {}
        if n.quote is None and not accepted:
            continue
        found = _node_drift(n, gm, lexicon) if n.quote is not None else []
        if (not found and not accepted) or has_placeholder(n.text):
            continue  # nothing to say; a placeholder is reported as such (argmap.checks.integrity), not as drift
        for d in found:
            if d.kind in accepted:
                continue
            msg, hint = drift_message(d, n.quote or "", n.text)
            line, col = doc.where(("nodes", i, "text"))
            out.append(Diagnostic(doc.path, line, col, f"nodes[{i}].text: {msg}", "warning", hint))
        kinds = {d.kind for d in found}
        for kind in accepted:
            if kind not in kinds:
                line, col = doc.where(("nodes", i, "accept_drift", kind))
                out.append(Diagnostic(doc.path, line, col,
                                      f"nodes[{i}].accept_drift.{kind}: accepts {kind} drift, but the paraphrase has none",
                                      "warning", "remove this entry"))
    return out
