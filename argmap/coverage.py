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

from .grounded import GroundedMap

__all__ = ["MIN_WORDS", "CoverageReport", "ParagraphCoverage", "map_coverage"]

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
