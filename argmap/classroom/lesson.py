"""Everything a lesson on two essays needs, as a mapping of relative paths to bytes: handouts, slides, site.

:func:`lesson_files` computes the handout's content and its printed diagram once and lays them out four ways
(the student's and the teacher's handout, each as HTML and as PDF), adds the slide deck (HTML and PDF) and the
classroom site of the two maps under ``site/``.  Writing the files is the front end's job
(``argmap lesson A B --out DIR`` writes each atomically).  PDFs are printed by headless Chromium and diagrams
drawn by Graphviz; a missing one raises :class:`~argmap.errors.RenderError` naming the install step.

>>> LESSON_FILES[:2]
('handout-student.html', 'handout-student.pdf')
"""

from __future__ import annotations

from argmap.corpus.load import Corpus
from argmap.corpus.pairs import require_pair

__all__ = ["LESSON_FILES", "lesson_files"]

LESSON_FILES: tuple[str, ...] = (
    "handout-student.html", "handout-student.pdf", "handout-teacher.html", "handout-teacher.pdf",
    "slides.html", "slides.pdf",
)
"""The lesson's own files, in the order they are listed; the site's pages follow under ``site/``."""


def lesson_files(corpus: Corpus, left: str, right: str, *, timeout: float = 60.0) -> dict[str, bytes]:
    """The lesson on ``left`` and ``right``: :data:`LESSON_FILES`, then ``site/…`` (sorted), each as bytes.

    The same maps give the same bytes (PDFs carry a fixed date unless ``SOURCE_DATE_EPOCH`` sets one).  Two
    names for one map raise :class:`~argmap.errors.ArgmapError`, an unknown one
    :class:`~argmap.errors.NotFound`.
    """
    from argmap.classroom.browser import html_to_pdf
    from argmap.classroom.decks import build_slides
    from argmap.classroom.handout import handout_data
    from argmap.classroom.handout_writer import handout_html
    from argmap.classroom.site import site_files
    from argmap.classroom.tiles import print_diagram

    require_pair(left, right)
    h = handout_data(corpus, left, right)
    diagram = print_diagram(corpus, left, right)
    pages: dict[str, str] = {
        "handout-student.html": handout_html(h, diagram=diagram),
        "handout-teacher.html": handout_html(h, teacher=True, diagram=diagram),
        "slides.html": str(build_slides(corpus, [left, right], fmt="html")),
    }
    out: dict[str, bytes] = {}
    for name in LESSON_FILES:
        source = pages.get(name.replace(".pdf", ".html"))
        assert source is not None
        out[name] = source.encode("utf-8") if name.endswith(".html") else html_to_pdf(source, timeout=timeout)
    site = site_files(corpus.subset([left, right]))
    out.update({f"site/{name}": body for name, body in site.items()})
    return out
