"""Everything a lesson needs, as a mapping of relative paths to bytes: handouts, slides, site, topic overview.

:func:`lesson_files` computes the handout's content and its printed diagram once and lays them out four ways
(the student's and the teacher's handout, each as HTML and as PDF), adds the slide deck (HTML and PDF) and the
classroom site of the two maps under ``site/``.  Writing the files is the front end's job
(``argmap lesson A B --out DIR`` writes each atomically).  PDFs are printed by headless Chromium and diagrams
drawn by Graphviz; a missing one raises :class:`~argmap.errors.RenderError` naming the install step.

A lesson on three or more essays (:func:`topic_lesson_files`) holds the class overview: the topic report
(``topic.md`` and ``topic.json``, as ``argmap compare A B C …`` prints them), the topic diagram (``topic.svg``), the
classroom site of all the maps with its class overview page (``site/topic.html``), and for each pair the teacher
picks, that pair's handouts and slides under ``pairs/A--B/``, the same files a lesson on the two writes.

>>> LESSON_FILES[:2]
('handout-student.html', 'handout-student.pdf')
>>> TOPIC_FILES
('topic.md', 'topic.json', 'topic.svg')
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.corpus.load import Corpus
from argmap.corpus.pairs import require_pair
from argmap.errors import InvalidRequest

if TYPE_CHECKING:
    from argmap.classroom.handout import Handout

__all__ = ["LESSON_FILES", "TOPIC_FILES", "lesson_files", "pair_folder", "topic_lesson_files", "topic_pairs"]

LESSON_FILES: tuple[str, ...] = (
    "handout-student.html", "handout-student.pdf", "handout-teacher.html", "handout-teacher.pdf",
    "slides.html", "slides.pdf",
)
"""The lesson's own files, in the order they are listed; the site's pages follow under ``site/``."""

TOPIC_FILES: tuple[str, ...] = ("topic.md", "topic.json", "topic.svg")
"""A topic lesson's own files, in the order they are listed; the pairs' follow, then the site's."""


def lesson_files(corpus: Corpus, left: str, right: str, *, timeout: float = 60.0) -> dict[str, bytes]:
    """The lesson on ``left`` and ``right``: :data:`LESSON_FILES`, then ``site/…`` (sorted), each as bytes.

    The same maps give the same bytes (PDFs carry a fixed date unless ``SOURCE_DATE_EPOCH`` sets one).  Two
    names for one map raise :class:`~argmap.errors.ArgmapError`, an unknown one
    :class:`~argmap.errors.NotFound`.
    """
    from argmap.classroom.site import site_files

    require_pair(left, right)
    out, h = _pair_files(corpus, left, right, timeout)
    site = site_files(corpus.subset([left, right]), handouts={(left, right): h})
    out.update({f"site/{name}": body for name, body in site.items()})
    return out


def _pair_files(corpus: Corpus, left: str, right: str, timeout: float) -> tuple[dict[str, bytes], Handout]:
    """The handouts and slides on ``left`` and ``right`` (:data:`LESSON_FILES`), the analysis computed once, and
    the handout's content (for the site's pages on the pair)."""
    from argmap.classroom.browser import html_to_pdf
    from argmap.classroom.decks import build_slides
    from argmap.classroom.handout import handout_data
    from argmap.classroom.handout_writer import handout_html
    from argmap.classroom.questions import analyse_pair
    from argmap.classroom.tiles import print_diagram

    analysis = analyse_pair(corpus, left, right)
    h = handout_data(corpus, left, right, analysis)
    diagram = print_diagram(corpus, left, right)
    pages: dict[str, str] = {
        "handout-student.html": handout_html(h, diagram=diagram),
        "handout-teacher.html": handout_html(h, teacher=True, diagram=diagram),
        "slides.html": str(build_slides(corpus, [left, right], fmt="html", analysis=analysis, handout=h)),
    }
    out: dict[str, bytes] = {}
    for name in LESSON_FILES:
        source = pages.get(name.replace(".pdf", ".html"))
        assert source is not None
        out[name] = source.encode("utf-8") if name.endswith(".html") else html_to_pdf(source, timeout=timeout)
    return out, h


def pair_folder(left: str, right: str) -> str:
    """The folder of a pair's files in a topic lesson: the two ids in sorted order.

    >>> pair_folder("micro_k008", "micro_b002")
    'pairs/micro_b002--micro_k008'
    """
    a, b = sorted((left, right))
    return f"pairs/{a}--{b}"


def topic_pairs(map_ids: Sequence[str], chosen: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs a topic lesson writes, each sorted, in order, once; InvalidRequest for a pair outside the topic.

    >>> topic_pairs(["a", "b", "c"], [("c", "a"), ("a", "c"), ("a", "b")])
    [('a', 'c'), ('a', 'b')]
    >>> topic_pairs(["a", "b", "c"], [("a", "z")])
    Traceback (most recent call last):
    argmap.errors.InvalidRequest: the pair a, z is not in the topic: 'z' is not one of its maps (a, b, c)
    """
    out: list[tuple[str, str]] = []
    for left, right in chosen:
        require_pair(left, right)
        missing = [i for i in (left, right) if i not in map_ids]
        if missing:
            raise InvalidRequest(f"the pair {left}, {right} is not in the topic: "
                                 + ", ".join(f"'{i}'" for i in missing)
                                 + f" {'is not one of its maps' if len(missing) == 1 else 'are not among its maps'}"
                                 + f" ({', '.join(map_ids)})")
        pair = (min(left, right), max(left, right))
        if pair not in out:
            out.append(pair)
    return out


def topic_lesson_files(corpus: Corpus, map_ids: Sequence[str], chosen: Sequence[tuple[str, str]] = (), *,
                       timeout: float = 60.0) -> dict[str, bytes]:
    """The lesson on a topic of three or more maps: :data:`TOPIC_FILES`, each chosen pair's :data:`LESSON_FILES`
    under :func:`pair_folder`, then ``site/…`` (sorted), each as bytes; the same maps give the same bytes.

    Every pair is checked (:func:`topic_pairs`) before anything is built; fewer than three maps raise
    :class:`~argmap.errors.InvalidRequest` (a lesson on two is :func:`lesson_files`).
    """
    from argmap.classroom.site import site_files, topic_svg
    from argmap.exporters.topic import topic_markdown
    from argmap.queries.topic import compare_topic

    ids = list(dict.fromkeys(map_ids))
    if len(ids) < 3:
        raise InvalidRequest(f"a topic lesson needs three or more different maps, got {len(ids)}")
    pairs = topic_pairs(ids, chosen)
    topic = compare_topic(corpus, ids)
    svg = topic_svg(corpus, topic)
    report = json.dumps(topic.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n"
    out: dict[str, bytes] = {
        "topic.md": topic_markdown(topic).encode("utf-8"),
        "topic.json": report.encode("utf-8"),
        "topic.svg": svg,
    }
    handouts = {}
    for left, right in pairs:
        folder = pair_folder(left, right)
        files, handouts[(left, right)] = _pair_files(corpus, left, right, timeout)
        out.update({f"{folder}/{name}": body for name, body in files.items()})
    # the site sorts its maps; the pairs' handouts are reused where the site draws the same pair
    site = site_files(corpus.subset(ids), (topic, svg) if ids == sorted(ids) else None, handouts)
    out.update({f"site/{name}": body for name, body in site.items()})
    return out
