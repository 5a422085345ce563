"""The lesson material over HTTP: a pair's handouts and slides, a topic's class overview, the teacher's edition
only when the teacher pages are enabled, and the errors of every pair route."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient
from helpers import MINI, ROOT, assert_problem, chromium_or_skip

from argmap.classroom.handout import Handout
from argmap.cli import cli

TOPIC = ROOT / "tests" / "fixtures" / "topic" / "higher_dog_poo_fines"
THREE = ["micro_b002", "micro_b061", "micro_k024"]
PAIR = {"left": "alpha", "right": "beta"}
HTML = "text/html; charset=utf-8"


def _client(maps_dir: Path, teacher_pages: bool) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=maps_dir, reload_interval=0, teacher_pages=teacher_pages))) as c:
        yield c


@pytest.fixture(scope="module")
def student() -> Iterator[TestClient]:
    yield from _client(MINI, teacher_pages=False)


@pytest.fixture(scope="module")
def teacher() -> Iterator[TestClient]:
    yield from _client(MINI, teacher_pages=True)


def cli_out(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _maps(*ids: str) -> list[str]:
    return [str(MINI / f"{i}.yaml") for i in ids]


def test_the_student_handout_is_the_clis(student: TestClient) -> None:
    r = student.get("/lesson/handout.html", params=PAIR)
    assert r.status_code == 200 and r.headers["content-type"] == HTML and r.headers["etag"]
    assert r.text == cli_out("handout", *_maps("alpha", "beta"))
    assert '<body class="student">' in r.text and "model answers" not in r.text
    assert student.get("/lesson/handout.html", params=PAIR, headers={"If-None-Match": r.headers["etag"]}
                       ).status_code == 304


def test_the_teachers_material_is_served_only_with_the_teacher_pages(student: TestClient,
                                                                    teacher: TestClient) -> None:
    asked = {**PAIR, "edition": "teacher"}
    assert_problem(student.get("/lesson/handout.html", params=asked), 404, "ARGMAP_TEACHER_PAGES")
    assert_problem(student.get("/lesson/handout.pdf", params=asked), 404, "ARGMAP_TEACHER_PAGES")
    assert_problem(student.get("/lesson/handout.json", params=PAIR), 404, "ARGMAP_TEACHER_PAGES")
    r = teacher.get("/lesson/handout.html", params=asked)
    assert r.status_code == 200 and '<body class="teacher">' in r.text
    assert r.text == cli_out("handout", *_maps("alpha", "beta"), "--teacher")
    body = teacher.get("/lesson/handout.json", params=PAIR)
    assert body.headers["content-type"] == "application/json"
    assert body.json() == json.loads(cli_out("handout", *_maps("alpha", "beta"), "--json"))
    assert body.json()["questions"] and all("answer" in q for q in body.json()["questions"])
    Handout.model_validate(body.json())  # what the schema documents


def test_the_slides_are_the_clis(student: TestClient, tmp_path: Path) -> None:
    r = student.get("/lesson/slides.html", params=PAIR)
    assert r.status_code == 200 and r.headers["content-type"] == HTML
    out = tmp_path / "deck.html"
    cli_out("slides", *_maps("alpha", "beta"), "--out", str(out))
    assert r.content == out.read_bytes()


def test_the_topic_overview_of_three_maps_links_to_the_site() -> None:
    for c in _client(TOPIC, teacher_pages=False):
        r = c.get("/lesson/topic.html", params={"maps": THREE})
        assert r.status_code == 200 and r.headers["content-type"] == HTML
        assert "3 essays on one question" in r.text and "<svg" in r.text
        assert 'href="../site/maps/micro_b061.html"' in r.text
        assert c.get("/site/maps/micro_b061.html").status_code == 200  # where the link leads
        assert_problem(c.get("/lesson/topic.html", params={"maps": [*THREE[:2], "micro_zzz"]}), 404, "micro_zzz")
        assert_problem(c.get("/lesson/topic.html", params={"maps": THREE[:1]}), 422, "two different maps")


@pytest.mark.parametrize("route", ["handout.html", "handout.pdf", "handout.json", "slides.html", "slides.pdf"])
def test_every_pair_route_refuses_what_the_other_pair_routes_refuse(teacher: TestClient, route: str) -> None:
    url = f"/lesson/{route}"
    assert_problem(teacher.get(url, params={"left": "alpha", "right": "alpha"}), 422, "two different maps")
    assert_problem(teacher.get(url, params={"left": "alpha", "right": "gamma"}), 404, "unknown map 'gamma'")
    assert_problem(teacher.get(url, params={"left": "alpha"}), 422)
    assert_problem(teacher.get(url, params={**PAIR, "teacher": "true"}), 422, "unknown query parameter")


def test_an_unknown_edition_is_a_422(teacher: TestClient) -> None:
    assert_problem(teacher.get("/lesson/handout.html", params={**PAIR, "edition": "answers"}), 422)


def test_a_pdf_without_chromium_is_a_503_naming_the_install_step(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.classroom import browser

    monkeypatch.setattr(browser, "_NAMES", ("argmap-no-such-browser",))
    monkeypatch.delenv("ARGMAP_CHROMIUM", raising=False)
    for c in _client(MINI, teacher_pages=False):
        for url in ("/lesson/handout.pdf", "/lesson/slides.pdf"):
            assert_problem(c.get(url, params=PAIR), 503, "Chromium", "apt-get install chromium")


def test_the_handout_pdf_is_printed(student: TestClient) -> None:
    chromium_or_skip()
    r = student.get("/lesson/handout.pdf", params=PAIR)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-") and r.content.count(b"/Type /Page\n") + r.content.count(b"/Type/Page") >= 1


def test_the_openapi_states_each_routes_media_type_and_problems(student: TestClient) -> None:
    paths = student.get("/openapi.json").json()["paths"]
    media = {"/lesson/handout.html": "text/html", "/lesson/handout.pdf": "application/pdf",
             "/lesson/handout.json": "application/json", "/lesson/slides.html": "text/html",
             "/lesson/slides.pdf": "application/pdf", "/lesson/topic.html": "text/html"}
    for path, kind in media.items():
        responses = paths[path]["get"]["responses"]
        assert list(responses["200"]["content"]) == [kind], path
        assert {"304", "404", "422"} <= set(responses), path
        assert all(list(responses[s]["content"]) == ["application/problem+json"] for s in responses if s[0] in "45")
    assert "503" in paths["/lesson/handout.pdf"]["get"]["responses"]
    params = {p["name"] for p in paths["/lesson/handout.html"]["get"]["parameters"] if p["in"] == "query"}
    assert params == {"left", "right", "edition"}
