"""Which paragraphs (or sentences) of an essay its map quotes, and which it leaves out.

The unit is the paragraph (a non-blank line); an essay of fewer than
``MIN_PARAGRAPHS`` paragraphs is counted by sentence instead, so that a short
text written as one paragraph still shows what is left out.  The report says
which unit it counts (``unit``).

A unit is *covered* when a quote or citation of some node falls in it,
*skipped* when the map's ``skip`` list names a passage in it, and a *heading*
when it is a whole paragraph of fewer than ``MIN_WORDS`` words (titles,
datelines, section heads).  Everything else is *uncovered*: argumentative text
that no node quotes.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> report = map_coverage(load_corpus([bundled_maps_dir()]).get("bankruptcy"))
>>> report.uncovered
[]
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.checks.grounded import GroundedMap
from argmap.errors import Diagnostic
from argmap.text.essayindex import Paragraph

__all__ = ["MIN_PARAGRAPHS", "MIN_WORDS", "CoverageReport", "ParagraphCoverage", "coverage_line", "coverage_warnings",
           "map_coverage", "sentences"]

MIN_WORDS = 8
MIN_PARAGRAPHS = 5
Status = Literal["covered", "skipped", "heading", "uncovered"]
Unit = Literal["paragraph", "sentence"]
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


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
    unit: Unit = Field(default="paragraph", description="what each entry of 'paragraphs' is")
    paragraphs: list[ParagraphCoverage] = Field(description="the essay's units (paragraphs or sentences), in order")

    @property
    def mark(self) -> str:
        """What prefixes a unit's number in text: ``¶`` for a paragraph, ``sentence `` for a sentence."""
        return "¶" if self.unit == "paragraph" else "sentence "

    @property
    def uncovered(self) -> list[ParagraphCoverage]:
        return [p for p in self.paragraphs if p.status == "uncovered"]


def sentences(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The sentences of ``paragraphs``, numbered from 1, each with its paragraph's line.

    >>> from argmap.text.essayindex import Essay
    >>> [s.text for s in sentences(Essay("It rained. Then it stopped! Did it?").paragraphs)]
    ['It rained.', 'Then it stopped!', 'Did it?']
    """
    out: list[Paragraph] = []
    for p in paragraphs:
        start = 0
        for m in [*_SENTENCE_END.finditer(p.text), None]:
            end = m.start() + len(m.group().rstrip()) if m else len(p.text)
            text = p.text[start:end].strip()
            if text:
                lead = start + len(p.text[start:end]) - len(p.text[start:end].lstrip())
                out.append(Paragraph(len(out) + 1, p.line, p.start + lead, p.start + lead + len(text), text))
            start = m.end() if m else len(p.text)
    return out


def map_coverage(gm: GroundedMap) -> CoverageReport:
    """Coverage of ``gm``'s essay by its quotes, citations and skips (by sentence for a short essay).

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> report = map_coverage(load_corpus([bundled_maps_dir()]).get("bankruptcy"))
    >>> report.unit, [(p.number, p.status, p.nodes) for p in report.paragraphs[:3]]
    ('paragraph', [(1, 'skipped', []), (2, 'heading', []), (3, 'covered', ['C6'])])
    """
    essay = gm.essay
    hits: list[tuple[int, int, str]] = []
    for n in gm.model.nodes:
        for text in n.quotes + list(n.citation or []):
            hits.extend((s, e, n.id) for s, e in essay.find_all(text))
    skips = [span for s in gm.model.skip for span in essay.find_all(s.quote)]
    unit: Unit = "sentence" if len(essay.paragraphs) < MIN_PARAGRAPHS else "paragraph"
    whole = {(p.start, p.end) for p in essay.paragraphs}
    units = sentences(essay.paragraphs) if unit == "sentence" else essay.paragraphs
    out = []
    for p in units:
        nodes = sorted({nid for s, e, nid in hits if s < p.end and e > p.start})
        if nodes:
            status: Status = "covered"
        elif any(s < p.end and e > p.start for s, e in skips):
            status = "skipped"
        elif p.words < MIN_WORDS and (p.start, p.end) in whole:
            status = "heading"
        else:
            status = "uncovered"
        out.append(ParagraphCoverage(number=p.number, line=p.line, status=status, nodes=nodes, text=p.text))
    return CoverageReport(map=gm.id, source=gm.model.source.path, unit=unit, paragraphs=out)


def coverage_warnings(gm: GroundedMap, report: CoverageReport | None = None) -> list[Diagnostic]:
    """A warning for each uncovered paragraph (or sentence) of ``gm``'s essay (``report``: its coverage, if computed).

    A warning is located in the map file, at the value of ``source.path`` (what to fix is the map:
    map the paragraph, or skip it), and names the paragraph's number and line in the essay.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.text.essayindex import Essay
    >>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
    >>> coverage_warnings(gm)
    []
    >>> essay = Essay("A paragraph that nobody quotes, long enough to be an argument.\\n")
    >>> d = coverage_warnings(GroundedMap(gm.model, gm.path, essay, source_at=gm.source_at))[0]
    >>> d.severity, (d.line, d.column) == gm.source_at, gm.source_at != (1, 1)
    ('warning', True, True)
    >>> d.message  # doctest: +ELLIPSIS
    'sentence 1 of ../seeds/... (line 1) is quoted by no node: A paragraph that nobody quotes, long enough to be an argumen…'
    """
    line, column = gm.source_at
    src = gm.model.source.path
    report = report or map_coverage(gm)
    return [Diagnostic(gm.path, line, column,
                       f"{report.unit} {p.number} of {src} (line {p.line}) is quoted by no node: {p.text[:60]}…",
                       "warning", "map it, or list it under 'skip:' with a reason")
            for p in report.uncovered]


def coverage_line(r: CoverageReport) -> str:
    """One line of counts, naming the unit: ``m (e.txt): 3 sentences covered, 0 skipped, 0 heading, 2 uncovered``.

    >>> coverage_line(CoverageReport(map="m", source="e.txt", unit="sentence", paragraphs=[]))
    'm (e.txt): 0 sentences: 0 covered, 0 skipped, 0 heading, 0 uncovered'
    """
    counts = {s: sum(p.status == s for p in r.paragraphs) for s in ("covered", "skipped", "heading", "uncovered")}
    total = f"{len(r.paragraphs)} {r.unit}{'' if len(r.paragraphs) == 1 else 's'}"
    return f"{r.map} ({r.source}): {total}: " + ", ".join(f"{v} {k}" for k, v in counts.items())
