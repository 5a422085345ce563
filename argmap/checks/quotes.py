"""The grounding of one map in its essay: the essay can be read, every quote, citation and skipped passage is
in it, and its sha256 is the one the map records.

:func:`grounding_diagnostics` returns the :class:`~argmap.checks.grounded.GroundedMap` when
everything grounds, and a located diagnostic for each problem, with the closest
passage as the hint for a quote that is not found (within :data:`HINT_BUDGET`).

>>> from argmap.yaml.reader import parse_yaml
>>> from argmap.format.model import ArgumentMap
>>> doc = parse_yaml('''
... id: m
... title: t
... source: {path: essay.txt, sha256: "%s"}
... nodes: [{id: T, kind: thesis, text: t, quote: "It snowed."}]
... ''' % sha256_text(b"It rained."), "m.yaml")
>>> grounded, diags = grounding_diagnostics(doc, ArgumentMap.model_validate(doc.data), {"essay.txt": b"It rained."}.__getitem__)
>>> grounded, [str(d) for d in diags]
(None, ['m.yaml:5:47: error: nodes[0].quote: not found in essay.txt (closest passage: "It rained.")'])
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import PurePosixPath

from argmap.checks.grounded import GroundedMap, Span
from argmap.checks.salvage import indexed
from argmap.errors import Diagnostic
from argmap.files.confine import EssayRefused
from argmap.format.model import ArgumentMap
from argmap.text.essayindex import Essay, sha256_text
from argmap.yaml.reader import YamlDocument

_TYPO_DIGITS = 3
"""A stored sha256 this close to the essay's is a mistyped value rather than a changed essay."""

__all__ = ["HINT_BUDGET", "ReadFn", "grounding_diagnostics"]

ReadFn = Callable[[str], bytes]
HINT_BUDGET = 200_000_000
"""Work (in :meth:`~argmap.text.essayindex.Essay.hint_cost` units, about 0.5 s) that one map's closest-passage hints
may take; past it the remaining hints say they were cut short."""


@functools.lru_cache(maxsize=64)
def _essay(raw: bytes) -> Essay:
    """One indexed Essay per distinct text: several maps of one essay share it."""
    from argmap.files.confine import decode_essay

    return Essay(decode_essay(raw))


class _Hints:
    """Closest-passage hints for one map, until its budget is spent (deterministic: the same hints every run)."""

    def __init__(self, essay: Essay) -> None:
        self.essay = essay
        self.budget = HINT_BUDGET

    def closest(self, quote: str) -> str:
        """The closest-passage hint, or a note that this map's budget for them is spent."""
        cost = self.essay.hint_cost(quote)
        if cost > self.budget:
            self.budget = 0
            return "hints cut short: no closest passage searched, this map's budget for them is spent"
        self.budget -= cost
        return f'closest passage: "{self.essay.closest(quote)}"'


def grounding_diagnostics(doc: YamlDocument, m: ArgumentMap,
                          read: ReadFn) -> tuple[GroundedMap | None, list[Diagnostic]]:
    """The grounded map (None on any problem) and a diagnostic for each problem with the essay or a quote."""
    essay_or_problem = _read_essay(doc, m, read)
    if isinstance(essay_or_problem, Diagnostic):
        return None, [essay_or_problem]
    essay, raw = essay_or_problem
    out: list[Diagnostic] = []
    hints = _Hints(essay)
    more: dict[str, list[Span]] = {}
    spans, cites, missing = _quotes(doc, m, essay, hints, out, more)
    _skips(doc, m, essay, hints, out)
    changed = _changed_essay(doc, m, raw, missing)
    if changed is not None:
        out.append(changed)
    grounded = (GroundedMap(m, doc.path, essay, spans, cites, doc.where(("source", "path")), more)
                if not out else None)
    return grounded, out


def _read_essay(doc: YamlDocument, m: ArgumentMap, read: ReadFn) -> tuple[Essay, bytes] | Diagnostic:
    """The essay ``source.path`` names, indexed, and its bytes; or why it cannot be read."""
    src = m.source.path
    try:
        raw = read(src)
    except (OSError, KeyError) as exc:
        line, col = doc.where(("source", "path"))
        reason = getattr(exc, "strerror", None) or "not found"
        if isinstance(exc, EssayRefused):
            hint = ("an essay is a plain text file in the map's folder or the seeds/ folder beside it; "
                    "argmap --essays DIR allows another folder")
        else:
            base = "the current folder for a map on standard input" if doc.path == "<stdin>" else "the map file"
            hint = f"the path is relative to {base}, e.g. ../seeds/essay.txt"
        return Diagnostic(doc.path, line, col, f"source.path: cannot read essay '{src}': {reason}", hint=hint)
    try:
        return _essay(raw), raw
    except UnicodeDecodeError:
        line, col = doc.where(("source", "path"))
        return Diagnostic(doc.path, line, col, f"source.path: essay '{src}' is not UTF-8 text")


def _quotes(doc: YamlDocument, m: ArgumentMap, essay: Essay, hints: _Hints,
            out: list[Diagnostic], more_spans: dict[str, list[Span]]
            ) -> tuple[dict[str, Span], dict[str, list[Span]], list[str]]:
    """Where each node's quote and citations are in the essay (its more_quotes in ``more_spans``), and what is
    missing (reported in ``out``)."""
    name = PurePosixPath(m.source.path).name
    spans: dict[str, Span] = {}
    cites: dict[str, list[Span]] = {}
    missing: list[str] = []
    for i, n in indexed(m.nodes):
        if n.quote is not None:
            span = essay.find(n.quote)
            if span is None:
                missing.append(n.id)
                line, col = doc.where(("nodes", i, "quote"))
                out.append(Diagnostic(doc.path, line, col, f"nodes[{i}].quote: not found in {name}",
                                      hint=hints.closest(n.quote)))
            else:
                spans[n.id] = span
        # A restated quote and a citation are found the same way; each lists the spans it found under the node.
        for field, passages, found in (("more_quotes", n.more_quotes or [], more_spans),
                                       ("citation", n.citation or [], cites)):
            for k, passage in enumerate(passages):
                span = essay.find(passage)
                if span is None:
                    missing.append(f"{n.id} ({field})")
                    line, col = doc.where(("nodes", i, field, k))
                    at = f"nodes[{i}].{field}[{k}]" if field == "more_quotes" else f"nodes[{i}].{field}"
                    out.append(Diagnostic(doc.path, line, col, f"{at}: not found in {name}",
                                          hint=hints.closest(passage)))
                else:
                    found.setdefault(n.id, []).append(span)
    return spans, cites, missing


def _skips(doc: YamlDocument, m: ArgumentMap, essay: Essay, hints: _Hints, out: list[Diagnostic]) -> None:
    """Every passage the map skips on purpose is in the essay."""
    name = PurePosixPath(m.source.path).name
    for s, skip in indexed(m.skip):
        if essay.find(skip.quote) is None:
            line, col = doc.where(("skip", s, "quote"))
            out.append(Diagnostic(doc.path, line, col, f"skip[{s}].quote: not found in {name}",
                                  hint=hints.closest(skip.quote)))


def _changed_essay(doc: YamlDocument, m: ArgumentMap, raw: bytes, missing: list[str]) -> Diagnostic | None:
    """An error when the essay's sha256 is not the map's: the value to paste in full, and which quotes to recheck
    (those no longer found; when all are found, how many there are).

    >>> from argmap.format.model import Source
    >>> from argmap.yaml.reader import parse_yaml
    >>> right = sha256_text(b"It rained.")
    >>> wrong = right[:-1] + ("0" if right[-1] != "0" else "1")
    >>> doc = parse_yaml(f'source: {{path: e.txt, sha256: "{wrong}"}}', "m.yaml")
    >>> m = ArgumentMap.model_construct(source=Source(path="e.txt", sha256=wrong), nodes=[])
    >>> d = _changed_essay(doc, m, b"It rained.", [])
    >>> d.message, d.hint == f'paste sha256: "{right}"'
    ("source.sha256 is not the essay's: it differs from the essay's in 1 hex digit of 64 (a typo?)", True)
    """
    actual = sha256_text(raw)
    if actual == m.source.sha256:
        return None
    line, col = doc.where(("source", "sha256"))
    paste = f'sha256: "{actual}"'
    differ = sum(a != b for a, b in zip(actual, m.source.sha256, strict=False)) + abs(len(actual) - len(m.source.sha256))
    if differ <= _TYPO_DIGITS:
        digits = f"{differ} hex digit{'s' if differ > 1 else ''}"
        return Diagnostic(doc.path, line, col, f"source.sha256 is not the essay's: it differs from the essay's in "
                          f"{digits} of 64 (a typo?)", hint=f"paste {paste}")
    message = "source.sha256 is not the essay's: the essay has changed since the map was made, or the value is wrong"
    if missing:
        message += "; recheck the quotes of: " + ", ".join(f"{x} (not found)" for x in missing)
        return Diagnostic(doc.path, line, col, message, hint=f"then paste {paste}")
    quoted = sum(1 for _, n in indexed(m.nodes) if n.quote is not None)
    return Diagnostic(doc.path, line, col, message,
                      hint=f"all {quoted} quotes are still found; reread them in context, then paste {paste}")
