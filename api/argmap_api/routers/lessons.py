"""The lesson material over HTTP: a pair's handouts (HTML, PDF, JSON) and slides (HTML, PDF), a topic's overview.

The routes are the CLI's ``handout``, ``slides`` and ``lesson`` for the loaded maps, through the same library
functions.  Each answer is computed once per snapshot at the heavy-work gate (under the render time limit) and
carries a strong ``ETag``.  The teacher's edition, and the handout's JSON (which holds the model answers and the
hidden assumptions), are served only with ``ARGMAP_TEACHER_PAGES``; otherwise they are 404, as the site's teacher
pages are.  PDFs are printed by headless Chromium: without it they are 503; diagrams need Graphviz, likewise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from argmap.classroom.handout import Handout
from argmap.errors import ArgmapError

from ..cache import cacheable
from ..deps import ChosenDep, PairDep, SettingsDep, SnapshotDep
from ..problems import problems
from ..settings import Settings
from ..snapshot import Snapshot
from .common import CACHED, IF_NONE_MATCH, JSON

__all__ = ["TeacherPagesOff", "router"]

router = APIRouter(prefix="/lesson", tags=["lessons"])

HTML = "text/html; charset=utf-8"
PDF = "application/pdf"
Edition = Annotated[Literal["student", "teacher"], Query(
    description="the student's edition (blanks to fill in) or the teacher's (model answers); the teacher's is "
                "served only when the teacher pages are enabled (ARGMAP_TEACHER_PAGES), else 404")]


def _responses(media: str, what: str, *statuses: int) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": what, "content": {media.split(";")[0]: {"schema": {"type": "string"}}}},
            **CACHED, **problems(*statuses)}


class TeacherPagesOff(ArgmapError):
    """Teacher's material was asked for and the teacher pages are not enabled: 404, as the site's teacher pages."""

    status = 404


def _teacher_only(settings: Settings, what: str) -> None:
    if not settings.teacher_pages:
        raise TeacherPagesOff(f"{what} holds the model answers: it is served only when the teacher pages are "
                              "enabled (ARGMAP_TEACHER_PAGES=yes)")


async def _answer(snapshot: Snapshot, key: tuple[Any, ...], compute: Callable[[], str | bytes],
                  media: str) -> Response:
    def as_bytes() -> bytes:
        body = compute()
        return body.encode("utf-8") if isinstance(body, str) else body

    return cacheable(await snapshot.results.get(("lesson", *key), as_bytes), media)


async def _handout(snapshot: Snapshot, settings: Settings, pair: PairDep, edition: str, fmt: Literal["html", "pdf"],
                   media: str) -> Response:
    teacher = edition == "teacher"
    if teacher:
        _teacher_only(settings, f"the teacher's edition of handout.{fmt}")
    corpus = snapshot.corpus

    def compute() -> str | bytes:
        from argmap.classroom.handout_writer import build_handout

        return build_handout(corpus, pair.left, pair.right, fmt=fmt, teacher=teacher, timeout=settings.render_timeout)

    return await _answer(snapshot, ("handout", fmt, pair.left, pair.right, teacher), compute, media)


@router.get("/handout.html", response_class=Response, responses=_responses(HTML, "The handout.", 404, 422, 503, 504),
            openapi_extra=IF_NONE_MATCH, summary="A pair's discussion handout (HTML)")
async def handout_html(snapshot: SnapshotDep, settings: SettingsDep, pair: PairDep,
                       edition: Edition = "student") -> Response:
    """The handout comparing ``left`` and ``right`` as one self-contained HTML page for A4 printing, as
    ``argmap handout A B`` (``--teacher`` for ``edition=teacher``) writes it."""
    return await _handout(snapshot, settings, pair, edition, "html", HTML)


@router.get("/handout.pdf", response_class=Response, responses=_responses(PDF, "The handout.", 404, 422, 503, 504),
            openapi_extra=IF_NONE_MATCH, summary="A pair's discussion handout (PDF)")
async def handout_pdf(snapshot: SnapshotDep, settings: SettingsDep, pair: PairDep,
                      edition: Edition = "student") -> Response:
    """The handout comparing ``left`` and ``right`` as an A4 PDF, as ``argmap handout A B --out h.pdf`` writes it.

    The PDF is printed by headless Chromium: 503 when Chromium (or Graphviz) is not installed."""
    return await _handout(snapshot, settings, pair, edition, "pdf", PDF)


@router.get("/handout.json", response_model=Handout,
            responses={200: {"description": "The handout's content."}, **CACHED, **problems(404, 422, 504)},
            openapi_extra=IF_NONE_MATCH, summary="A pair's handout content, with its model answers (JSON)")
async def handout_json(snapshot: SnapshotDep, settings: SettingsDep, pair: PairDep) -> Response:
    """What the handout says, before layout: its sections, questions, model answers and the checked facts behind
    each sentence, as ``argmap handout A B --json`` prints it.  It holds the model answers, so it is served only
    when the teacher pages are enabled (``ARGMAP_TEACHER_PAGES``); otherwise 404."""
    _teacher_only(settings, "handout.json")
    corpus = snapshot.corpus

    def compute() -> bytes:
        from argmap.classroom.handout import handout_data

        return handout_data(corpus, pair.left, pair.right).model_dump_json().encode()

    return await _answer(snapshot, ("handout", "json", pair.left, pair.right), compute, JSON)


async def _slides(snapshot: Snapshot, settings: Settings, pair: PairDep, fmt: Literal["html", "pdf"],
                  media: str) -> Response:
    corpus = snapshot.corpus

    def compute() -> str | bytes:
        from argmap.classroom.decks import build_slides

        ids = [pair.left, pair.right]
        return build_slides(corpus.subset(ids), ids, fmt=fmt, timeout=settings.render_timeout)

    return await _answer(snapshot, ("slides", fmt, pair.left, pair.right), compute, media)


@router.get("/slides.html", response_class=Response, responses=_responses(HTML, "The deck.", 404, 422, 503, 504),
            openapi_extra=IF_NONE_MATCH, summary="A pair's slide deck (HTML)")
async def slides_html(snapshot: SnapshotDep, settings: SettingsDep, pair: PairDep) -> Response:
    """The 16:9 deck comparing ``left`` and ``right``, one self-contained HTML page, as
    ``argmap slides A B --out deck.html`` writes it."""
    return await _slides(snapshot, settings, pair, "html", HTML)


@router.get("/slides.pdf", response_class=Response, responses=_responses(PDF, "The deck.", 404, 422, 503, 504),
            openapi_extra=IF_NONE_MATCH, summary="A pair's slide deck (PDF)")
async def slides_pdf(snapshot: SnapshotDep, settings: SettingsDep, pair: PairDep) -> Response:
    """The deck comparing ``left`` and ``right`` as a PDF, one 1920 x 1080 page per slide, as
    ``argmap slides A B --out deck.pdf`` writes it.

    The PDF is printed by headless Chromium: 503 when Chromium (or Graphviz) is not installed."""
    return await _slides(snapshot, settings, pair, "pdf", PDF)


@router.get("/topic.html", response_class=Response,
            responses=_responses(HTML, "The class overview.", 404, 422, 503, 504),
            openapi_extra=IF_NONE_MATCH, summary="A topic's class overview (HTML)")
async def topic_html(snapshot: SnapshotDep, ids: ChosenDep) -> Response:
    """The class overview of the maps ``maps`` (two or more; ``left`` and ``right`` for two): each essay's answer
    to the topic question, the topic diagram, the claims most worth discussing with their questions, and the grid,
    as ``argmap lesson A B C … --out DIR`` writes it to ``site/topic.html``.  Its links lead to the site's pages
    under ``/site/``."""
    corpus = snapshot.corpus

    def compute() -> str:
        from argmap.classroom.site import topic_page

        return topic_page(corpus, ids, root="../site/")

    return await _answer(snapshot, ("topic", *ids), compute, HTML)
