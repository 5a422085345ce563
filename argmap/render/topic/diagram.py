"""The topic diagram: three to nine essays (or more) at once, laid out for a 16:9 slide, as DOT.

Built from :func:`argmap.queries.topic.compare_topic` (the grid), in three steps:

* **selection**: every claim two or more of the essays make, and the thesis of every essay that makes one (an
  essay that shares no claim is named under the title instead: no statement is drawn without a line);
* **layout** (:func:`topic_layout`): the theses on an ellipse of 16:9 proportions, starting at the top, in
  the order of the maps improved by swaps that make fewer lines cross; the claim the most essays make in the
  middle; the other shared claims on an inner ellipse, each at the mean direction of the essays that make it
  (so a claim sits near its essays and lines cross little), spread apart so that none overlap;
* **writing**: a shared claim's box and type grow with how many essays make it; each essay's thesis is drawn
  in its own colour, with a line in that colour to every shared claim the essay makes (solid: affirms; dashed,
  ending in a bar: denies; a diamond: the essays differ on it).  A contested claim (relation ``contradict``)
  has a thick red border and counts who affirms and who denies it; a claim the essays differ on, or hold in
  tension, says so.  Positions are pinned (Graphviz's ``neato`` with ``pos="x,y!"``), so the picture is the
  same on every run; lines are routed round the boxes they would otherwise pass under.

A focused view, or ``full``, is the comparative diagram of :func:`argmap.render.compare.diagram.compare_dot`
(the same options as for two essays); ``shared_only`` is this diagram.

SVG element ids: ``claim--<claim id>`` for a shared claim, ``<map id>--<node id>`` for a thesis.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> dot = topic_dot(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"])
>>> 'id="claim--inaction-by-choice"' in dot and 'id="bankruptcy--T"' in dot and 'layout="neato"' in dot
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.corpus.load import Corpus
from argmap.queries.results import TopicComparison, TopicRow
from argmap.queries.topic import compare_topic
from argmap.render.dot import DotWriter, Html, Tip
from argmap.render.subgraph import View
from argmap.render.text import html_text, wrap

__all__ = ["SLIDE", "TOPIC_COLOURS", "TopicLayout", "straight_crossings", "topic_dot", "topic_layout"]

SLIDE = (1600.0, 900.0)
"""The drawing's width and height in points before Graphviz adds the boxes: 16:9."""
TOPIC_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255", "#999933")
"""Nine colours for nine essays: Okabe–Ito's seven that read on white, then two of Tol's muted scheme."""
CONTESTED = "#c0392b"
_BOX = (110.0, 40.0)
"""Half the width and height, in points, of a typical shared claim's box (for the lines that pass through one)."""
_CLAIM_GAP = 250.0
"""Least distance, in points along the inner ellipse, between two shared claims' centres."""


@dataclass(frozen=True)
class TopicLayout:
    """Pinned positions (points, y up) of the theses (by map id) and of the shared claims (by claim id)."""

    theses: dict[str, tuple[float, float]]
    claims: dict[str, tuple[float, float]]
    left_out: list[str]


def _angle(k: int, n: int) -> float:
    return math.pi / 2 - 2 * math.pi * k / n  # the first at the top, then clockwise


def _place(rows: Sequence[TopicRow], drawn: list[str], makers: dict[str, list[str]]
           ) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    w, h = SLIDE
    n = max(len(drawn), 1)
    theses = {m: (0.42 * w * math.cos(_angle(k, n)), 0.40 * h * math.sin(_angle(k, n))) for k, m in enumerate(drawn)}
    claims: dict[str, tuple[float, float]] = {}
    if not rows:
        return theses, claims
    centre, rest = rows[0], list(rows[1:])
    claims[centre.claim] = (0.0, 0.0)
    rings = max(1, math.ceil(len(rest) / 10))
    for ring in range(rings):
        members = rest[ring::rings]
        rx, ry = (0.24 + 0.04 * ring) * w, (0.22 + 0.02 * ring) * h
        wanted = []
        for r in members:
            xs = sum(math.cos(_angle(drawn.index(m), n)) for m in makers[r.claim])
            ys = sum(math.sin(_angle(drawn.index(m), n)) for m in makers[r.claim])
            wanted.append((math.atan2(ys, xs) if (xs or ys) else 0.0, r.claim))
        wanted.sort()
        gap = min(_CLAIM_GAP / ((rx + ry) / 2), 2 * math.pi / max(len(wanted), 1))
        placed: list[float] = []
        for a, _ in wanted:  # keep the order round the ellipse, each at least ``gap`` after the one before
            placed.append(max(a, placed[-1] + gap) if placed else a)
        if len(placed) > 1 and placed[-1] - placed[0] > 2 * math.pi - gap:
            placed = [placed[0] + k * 2 * math.pi / len(placed) for k in range(len(placed))]
        for a, (_, claim) in zip(placed, wanted, strict=True):
            claims[claim] = (rx * math.cos(a), ry * math.sin(a))
    return theses, claims


def _cross(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float], s: tuple[float, float]) -> bool:
    """Whether segments pq and rs cross at a point inside both (sharing an end is not a crossing)."""
    if len({p, q, r, s}) < 4:
        return False

    def side(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0


def straight_crossings(lay: TopicLayout, makers: dict[str, list[str]]) -> int:
    """How many pairs of the diagram's lines (drawn straight, thesis to claim) cross, plus how many lines pass
    through a shared claim's box that is not their end (its box taken as ``_BOX`` around its centre)."""
    lines = [(lay.theses[m], lay.claims[c]) for c, who in makers.items() for m in who if m in lay.theses]
    count = sum(_cross(*a, *b) for k, a in enumerate(lines) for b in lines[k + 1:])
    bw, bh = _BOX
    for x, y in lay.claims.values():
        corners = [(x - bw, y - bh), (x + bw, y - bh), (x + bw, y + bh), (x - bw, y + bh)]
        sides = list(zip(corners, corners[1:] + corners[:1], strict=True))
        count += sum(1 for p, q in lines if q != (x, y) and any(_cross(p, q, a, b) for a, b in sides))
    return count


def topic_layout(topic: TopicComparison, rounds: int = 4) -> TopicLayout:
    """Where each thesis and shared claim goes (see the module doc); a pure function of the grid.

    The theses start in the order of the maps; then, for up to ``rounds`` passes, any swap of two theses that
    makes fewer lines cross is kept (the first such swap, in a fixed order), so the result is deterministic.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> lay = topic_layout(compare_topic(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"]))
    >>> sorted(lay.theses), lay.claims["russia-not-protector"]
    (['bankruptcy', 'enforcer'], (0.0, 0.0))
    """
    ids = [m.id for m in topic.maps]
    makers = {r.claim: [c.map for c in r.cells if c.relation != "absent"] for r in topic.rows}
    drawn = [i for i in ids if any(i in who for who in makers.values())]
    left_out = [i for i in ids if i not in drawn]

    def build(order: list[str]) -> TopicLayout:
        return TopicLayout(*_place(topic.rows, order, makers), left_out)

    best = build(drawn)
    score = straight_crossings(best, makers)
    for _ in range(rounds if len(drawn) <= 12 else 0):  # beyond twelve essays, the given order
        improved = False
        for i in range(len(drawn)):
            for j in range(i + 1, len(drawn)):
                order = list(drawn)
                order[i], order[j] = order[j], order[i]
                trial = build(order)
                crossing = straight_crossings(trial, makers)
                if crossing < score:
                    drawn, best, score, improved = order, trial, crossing, True
        if not improved:
            break
    return best


def _claim_label(row: TopicRow, n: int) -> tuple[Html, int, float]:
    size = min(12 + 2 * (row.essays - 2), 24)
    width = 26 + 2 * (row.essays - 2)
    counts = {s: sum(c.relation == s for c in row.cells) for s in ("affirms", "denies")}
    lines = [f'<FONT POINT-SIZE="{size}">{html_text(line)}</FONT>' for line in wrap(row.wording, width, 4)]
    note = f"{row.essays} of {n} essays"
    if row.relation == "contradict":
        note += f" · contested: {counts['affirms']} affirm, {counts['denies']} deny"
    elif row.relation in ("differ", "tension"):
        note += " · the essays differ on it" if row.relation == "differ" else " · held in tension"
    colour = CONTESTED if row.relation == "contradict" else "#555555"
    lines.append(f'<FONT POINT-SIZE="{max(size - 2, 11)}" COLOR="{colour}"><B>{html_text(note)}</B></FONT>')
    return Html("<" + "<BR/>".join(lines) + ">"), size, 1.0 + 0.4 * (row.essays - 2)


def topic_dot(corpus: Corpus, map_ids: Sequence[str], view: View | None = None,
              topic: TopicComparison | None = None) -> str:
    """The topic diagram of ``map_ids`` (two or more different maps, in order) as DOT; see the module doc.

    ``topic`` is the grid when the caller has computed it already (it must be of the same maps).
    """
    view = view or View()
    if view.focused or view.full:
        from argmap.render.compare.diagram import compare_dot

        return compare_dot(corpus, map_ids, view)
    topic = topic or compare_topic(corpus, map_ids)
    lay = topic_layout(topic)
    ids = [m.id for m in topic.maps]
    colour = {m: TOPIC_COLOURS[k % len(TOPIC_COLOURS)] for k, m in enumerate(ids)}
    title = f"{len(ids)} essays: the claims two or more of them make"
    if topic.topic and topic.topic_wording:
        title += f" · topic: {topic.topic_wording}"
    if lay.left_out:
        title += f" · not drawn (no claim shared): {', '.join(lay.left_out)}"
    w = DotWriter("topic", {"layout": "neato", "inputscale": 72, "notranslate": "true", "splines": "true",
                            "sep": "+1", "esep": "+0", "outputorder": "edgesfirst",
                            "label": Html("<" + html_text(title) + ">"), "labelloc": "t", "fontsize": 20,
                            "fontname": "Helvetica", "bgcolor": "white", "pad": 0.3},
                  node={"fontname": "Helvetica", "shape": "box", "style": "rounded,filled", "margin": "0.12,0.06"},
                  edge={"penwidth": 2.2, "arrowsize": 0.8})
    n = len(ids)
    for row in topic.rows:
        x, y = lay.claims[row.claim]
        label, _, pen = _claim_label(row, n)
        contested = row.relation == "contradict"
        w.node(f"claim:{row.claim}", id=f"claim--{row.claim}", label=label, pos=f"{x:.1f},{y:.1f}!",
               fillcolor="#f4f4f4", color=CONTESTED if contested else "#666666",
               penwidth=3.5 if contested else pen, tooltip=Tip(row.wording),
               style="rounded,filled,dashed" if row.relation in ("differ", "tension") else "rounded,filled")
    summaries = {m.id: m for m in topic.maps}
    stances = {s.map: s.stance for s in topic.stances}
    for map_id, (x, y) in lay.theses.items():
        m = summaries[map_id]
        gm = corpus.get(map_id)
        stance = stances.get(map_id, "none")
        head = f'<FONT POINT-SIZE="14" COLOR="{colour[map_id]}"><B>{html_text(map_id)}</B></FONT>'
        if stance != "none":
            head += f'<FONT POINT-SIZE="12" COLOR="{colour[map_id]}"> · {html_text(stance)} the topic</FONT>'
        body = "<BR/>".join(f'<FONT POINT-SIZE="12">{html_text(line)}</FONT>' for line in wrap(m.thesis, 30, 4))
        w.node(f"{map_id}:{gm.model.thesis.id}", id=f"{map_id}--{gm.model.thesis.id}",
               label=Html(f"<{head}<BR/>{body}>"), pos=f"{x:.1f},{y:.1f}!", fillcolor="white",
               color=colour[map_id], penwidth=3, tooltip=Tip(m.thesis_quote or m.thesis))
    for row in topic.rows:
        for cell in row.cells:
            if cell.relation == "absent" or cell.map not in lay.theses:
                continue
            style, head = {"affirms": ("solid", "normal"), "denies": ("dashed", "tee"),
                           "affirms-and-denies": ("dotted", "normal"), "differs": ("solid", "diamond")}[cell.relation]
            tail = f"{cell.map}:{corpus.get(cell.map).model.thesis.id}"
            w.edge(tail, f"claim:{row.claim}", color=colour[cell.map], style=style, arrowhead=head,
                   tooltip=Tip(f"{cell.map} {cell.relation}: {row.wording}"))
    return w.text()
