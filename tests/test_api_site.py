"""The classroom site served under /site/ from memory, never over the API routes; and `argmap serve --get`."""

from __future__ import annotations

import json
from pathlib import Path

import argmap_api.site
import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient

from argmap.cli import cli
from argmap.corpus.load import Corpus

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def fake_site(corpus: Corpus) -> dict[str, bytes]:
    pages = {f"maps/{i}.html": f"<h1>{i}</h1>".encode() for i in corpus.maps}
    return {"index.html": b"<!doctype html><title>argmap</title>", "assets/site.css": b"body{}",
            "maps/index.html": b"maps", "openapi.json": b"shadow!", **pages}


def test_site_is_served_at_the_root_with_content_types(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(corpus: Corpus) -> dict[str, bytes]:
        calls.append(1)
        return fake_site(corpus)

    monkeypatch.setattr(argmap_api.site, "load_site_builder", lambda: counting)
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == "/site/"
        r = c.get("/")
        assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
        assert r.content.startswith(b"<!doctype html>") and str(r.url).endswith("/site/")
        assert c.get("/site/assets/site.css").headers["content-type"] == "text/css; charset=utf-8"
        assert c.get("/site/maps/alpha.html").text == "<h1>alpha</h1>"
        assert c.get("/site/maps/").text == "maps"  # a folder serves its index.html
        assert calls == [1]  # built once per snapshot
        assert c.get("/site/openapi.json").text == "shadow!"
        # The site never shadows the API.
        assert c.get("/maps").headers["content-type"] == "application/json"
        assert c.get("/openapi.json").json()["openapi"].startswith("3.")
        r = c.get("/site/maps/gamma.html")
        assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
        assert "gamma.html" in r.json()["detail"]
        assert c.get("/no/such/page").status_code == 404 and calls == [1]
        assert all(not p.startswith("/site") and p != "/" for p in c.get("/openapi.json").json()["paths"])


def test_without_the_classroom_module_the_root_points_at_the_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(argmap_api.site, "load_site_builder", lambda: None)
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == "/docs"
        assert c.get("/maps/alpha").status_code == 200
        assert c.get("/no/such/page").status_code == 404


def test_serve_get_answers_one_request_without_a_server() -> None:
    r = CliRunner().invoke(cli, ["serve", "--maps", str(MINI), "--get", "/maps/beta/nodes/P3"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["node"]["stance"] == "denies"
    r = CliRunner().invoke(cli, ["serve", "--maps", str(MINI), "--get", "/claims/nope"])
    assert r.exit_code == 1 and json.loads(r.output)["status"] == 404
    r = CliRunner().invoke(cli, ["serve", "--maps", str(MINI), "--get", "/compare?left=alpha&right=beta"])
    assert r.exit_code == 0 and json.loads(r.output)["left"]["id"] == "alpha"
    r = CliRunner().invoke(cli, ["serve", "--maps", str(MINI), "--get", "/"])  # a redirect has no body: said where
    assert r.exit_code == 0 and "argmap: / answers 307: it is at /site/" in r.output


def test_serve_reads_the_environment_and_refuses_a_missing_folder(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", "--get", "/healthz"], env={"ARGMAP_MAPS_DIR": str(MINI)})
    assert r.exit_code == 0 and json.loads(r.output)["map_ids"] == ["alpha", "beta"]
    r = CliRunner().invoke(cli, ["serve", "--maps", str(tmp_path / "none"), "--get", "/healthz"])
    assert r.exit_code == 1 and "no such folder" in r.output
    r = CliRunner().invoke(cli, ["serve", "--get", "/healthz"], env={"ARGMAP_MAX_BODY_BYTES": "big"})
    assert r.exit_code == 1 and "ARGMAP_MAX_BODY_BYTES" in r.output


def test_the_real_classroom_site_when_it_can_be_built() -> None:
    import shutil

    assert argmap_api.site.load_site_builder() is not None
    assert shutil.which("dot") is not None, "Graphviz's dot is needed (make setup installs it)"
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        index = c.get("/")
        assert index.status_code == 200 and index.headers["content-type"] == "text/html; charset=utf-8"
        assert c.get("/site/maps/alpha.html").status_code == 200
        assert c.get("/maps/alpha").headers["content-type"] == "application/json"
