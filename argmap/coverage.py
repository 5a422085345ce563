"""Which paragraphs of an essay its map quotes, and which it leaves out.

A paragraph (a non-blank line) is *covered* when a quote or citation of some
node falls in it, *skipped* when the map's ``skip`` list names a passage in it,
and a *heading* when it has fewer than ``MIN_WORDS`` words (titles, datelines,
section heads).  Everything else is *uncovered*: argumentative text that no node
quotes.

>>> from argmap.corpus import bundled_maps_dir, load_corpus
>>> report = map_coverage(load_corpus([bundled_maps_dir()]).get("bankruptcy"))
>>> report.uncovered
[]
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .errors import Diagnostic
from .grounded import GroundedMap

__all__ = ["MIN_WORDS", "CoverageReport", "ParagraphCoverage", "coverage_warnings", "map_coverage"]

MIN_WORDS = 8
Status = Literal["covered", "skipped", "heading", "uncovered"]


class ParagraphCoverage(BaseModel):
    model_config = ConfigDict(frozen=True)
    number: int
    line: int
    status: Status
    nodes: list[str]
    text: str


class CoverageReport(BaseModel):
    model_config = ConfigDict(frozen=True)
    map: str
    source: str
    paragraphs: list[ParagraphCoverage]

    @property
    def uncovered(self) -> list[ParagraphCoverage]:
        return [p for p in self.paragraphs if p.status == "uncovered"]


def map_coverage(gm: GroundedMap) -> CoverageReport:
    """Coverage of ``gm``'s essay by its quotes, citations and skips."""
    essay = gm.essay
    hits: list[tuple[int, int, str]] = []
    for n in gm.model.nodes:
        for text in ([n.quote] if n.quote else []) + list(n.citation or []):
            hits.extend((s, e, n.id) for s, e in essay.find_all(text))
    skips = [span for s in gm.model.skip for span in essay.find_all(s.quote)]
    out = []
    for p in essay.paragraphs:
        nodes = sorted({nid for s, e, nid in hits if s < p.end and e > p.start})
        if nodes:
            status: Status = "covered"
        elif any(s < p.end and e > p.start for s, e in skips):
            status = "skipped"
        elif p.words < MIN_WORDS:
            status = "heading"
        else:
            status = "uncovered"
        out.append(ParagraphCoverage(number=p.number, line=p.line, status=status, nodes=nodes, text=p.text))
    return CoverageReport(map=gm.id, source=gm.model.source.path, paragraphs=out)


def coverage_warnings(gm: GroundedMap, report: CoverageReport | None = None) -> list[Diagnostic]:
    """A warning for each uncovered paragraph of ``gm``'s essay (``report``: its coverage, if already computed).

    A warning is located in the map file, at the value of ``source.path`` (what to fix is the map:
    map the paragraph, or skip it), and names the paragraph's number and line in the essay.

    >>> from argmap.corpus import bundled_maps_dir, load_corpus
    >>> from argmap.grounding import Essay
    >>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
    >>> coverage_warnings(gm)
    []
    >>> essay = Essay("A paragraph that nobody quotes, long enough to be an argument.\\n")
    >>> d = coverage_warnings(GroundedMap(gm.model, gm.path, essay, source_at=gm.source_at))[0]
    >>> d.severity, (d.line, d.column) == gm.source_at, gm.source_at != (1, 1)
    ('warning', True, True)
    >>> d.message  # doctest: +ELLIPSIS
    'paragraph 1 of ../seeds/... (line 1) is quoted by no node: A paragraph that nobody quotes, long enough to be an argumen…'
    """
    line, column = gm.source_at
    src = gm.model.source.path
    return [Diagnostic(gm.path, line, column,
                       f"paragraph {p.number} of {src} (line {p.line}) is quoted by no node: {p.text[:60]}…",
                       "warning", "map it, or list it under 'skip:' with a reason")
            for p in (report or map_coverage(gm)).uncovered]
