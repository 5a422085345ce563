"""The handout written out: its lesson plan, HTML for A4 printing, Markdown, and PDF printed by headless Chromium,
from the content :func:`argmap.classroom.handout.handout_data` gathers.  :func:`build_handout` adds the comparative
diagram and, for PDF, prints the HTML with headless Chromium.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> h = handout_data(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer")
>>> md = handout_markdown(h)
>>> md.startswith("# Discussion handout") and "Discussion questions" in md
True
>>> handout_markdown(h) == md  # byte-identical for identical input
True
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.classroom.handout import Handout, HandoutFormat, handout_data
from argmap.classroom.questions.context import join_and
from argmap.classroom.templating import asset, inline_svg, render
from argmap.classroom.tiles import diagram_tiles, print_diagram
from argmap.corpus.load import Corpus
from argmap.files.formats import format_for_name

__all__ = ["build_handout", "format_for_path", "handout_html", "handout_markdown", "lesson_plan"]


LESSON_MINUTES = 45


def lesson_plan(h: Handout) -> list[tuple[str, str, list[str]]]:
    """A 45-minute plan: (minutes, activity, question ids); the core is both sides of every contradiction and
    the first question of each other kind, the rest is extra.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> plan = lesson_plan(handout_data(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer"))
    >>> [row[0] for row in plan]
    ['0–5', '5–12', '12–22', '22–32', '32–40', '40–45', 'extra']
    """
    first: dict[str, str] = {}
    for q in h.questions:
        first.setdefault(q.kind, q.id)
    def pick(*kinds: str) -> list[str]:
        return [first[k] for k in kinds if k in first]

    contradictions = [q.id for q in h.questions if q.kind in ("contradiction", "difference")]
    ways = {"contradict each other": any(q.kind == "contradiction" for q in h.questions),
            "answer one question differently": any(q.kind == "difference" and q.template != "tension"
                                                   for q in h.questions),
            "sit uneasily with each other": any(q.template == "tension" for q in h.questions)}
    where = join_and([w for w, found in ways.items() if found], "or") if any(ways.values()) else ""
    core = set(pick("shared-premise", "central-claim", "load-bearing", "unstated-assumption", "evidence"))
    core |= set(contradictions)
    stress = ("Stress-test the arguments: does any single statement carry a thesis? Then a hidden premise (pairs "
              "reconstruct it, then compare)." if "unstated-assumption" in first else
              "Stress-test the arguments: does any single statement carry a thesis?")
    # (minutes, activity, questions); a step with no question to ask is left out and its minutes go to the others
    steps: list[tuple[int, str, list[str]]] = [
        (5, "Read the two theses aloud; students answer the warm-up under them.", []),
        (7, "Walk through the diagram and the shared premises: what both essays accept.",
         pick("shared-premise", "central-claim")),
        (10, f"Where the essays {where}: take each side's reasons and evidence in turn.", contradictions),
        (10, stress, pick("load-bearing", "unstated-assumption")),
        (8, "Evidence: which claims rest on a cited source, which on the author's word?", pick("evidence")),
        (5, "Verdict: which essay argues its thesis better, and what would change your mind?", []),
    ]
    kept = [steps[0], *(x for x in steps[1:-1] if x[2]), steps[-1]]
    middle = kept[1:-1]
    spare = LESSON_MINUTES - sum(m for m, _, _ in kept)
    share = sum(m for m, _, _ in middle)
    widened = [(m + (spare * m // share if share else 0), a, q) for m, a, q in middle]
    if widened:  # what rounding leaves goes to the first discussion
        widened[0] = (widened[0][0] + LESSON_MINUTES - sum(m for m, _, _ in [kept[0], *widened, kept[-1]]),
                      *widened[0][1:])
    rows, start = [], 0
    for minutes, activity, qs in [kept[0], *widened, kept[-1]]:
        rows.append((f"{start}–{start + minutes}", activity, qs))
        start += minutes
    extra = [q.id for q in h.questions if q.id not in core]
    return rows + ([("extra", "If time allows, or as homework.", extra)] if extra else [])


def handout_html(h: Handout, *, teacher: bool = False, diagram: Sequence[bytes] = (),
                 back: str | None = None) -> str:
    """The handout as one self-contained HTML page (inline CSS and SVG; nothing loaded from elsewhere).

    ``diagram`` holds the SVG pages of the comparison (:func:`print_diagram`), each printed on an A4 landscape
    page, across several if its text would otherwise print under 8 pt
    (:func:`~argmap.classroom.tiles.diagram_tiles`); ``back`` is a link to the site the handout belongs to.
    """
    tiles = [t for svg in diagram for t in diagram_tiles(inline_svg(svg).encode("utf-8"))]
    return render("handout.html", h=h, teacher=teacher, css=asset("handout.css").decode("utf-8"),
                  tiles=tiles, plan=lesson_plan(h), back=back, hidden=_hidden(h))


def handout_markdown(h: Handout, *, teacher: bool = False) -> str:
    """The handout as Markdown (without the diagram, which needs the HTML or PDF version)."""
    return render("handout.md", h=h, teacher=teacher, plan=lesson_plan(h), hidden=_hidden(h))


def _hidden(h: Handout) -> set[str]:
    """``map/node`` of every premise students reconstruct: its text is never printed in their edition."""
    return {f"{b.map}/{b.hidden.node}" for q in h.questions for b in q.blanks}


def format_for_path(path: str, given: str | None = None) -> HandoutFormat:
    """The format named by ``given``, else by the file's extension (``.htm``/``.html``, ``.md``, ``.pdf``).

    >>> format_for_path("out/handout.pdf"), format_for_path("h.markdown"), format_for_path("x", "md")
    ('pdf', 'md', 'md')
    """
    endings = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}
    return format_for_name(path, endings, given=given, what="handout")  # type: ignore[return-value]


def build_handout(corpus: Corpus, left: str, right: str, *, fmt: HandoutFormat = "html",
                  teacher: bool = False, timeout: float = 60.0) -> str | bytes:
    """The finished handout: HTML or Markdown text, or PDF bytes (printed by headless Chromium).

    HTML and PDF include the comparative diagram, rendered by Graphviz; a missing
    ``dot`` or ``chromium`` raises :class:`~argmap.errors.RenderError` naming the install step.
    """
    h = handout_data(corpus, left, right)
    if fmt == "md":
        return handout_markdown(h, teacher=teacher)
    page = handout_html(h, teacher=teacher, diagram=print_diagram(corpus, left, right))
    if fmt == "html":
        return page
    from argmap.classroom.browser import html_to_pdf

    return html_to_pdf(page, timeout=timeout)
