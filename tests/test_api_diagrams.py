"""The HTTP API's diagrams and its HTTP caching (ETags, 304, gzip), through FastAPI's TestClient on the mini pair."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from fastapi.testclient import TestClient
from helpers import MINI, assert_problem


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        yield c


# -- diagrams --------------------------------------------------------------------------------------------------------

def test_map_diagram_is_svg_with_etag_and_304(client: TestClient) -> None:
    r = client.get("/maps/alpha/diagram.svg")
    assert r.status_code == 200 and r.headers["content-type"] == "image/svg+xml"
    assert r.content.lstrip().startswith(b"<?xml") and b'id="P1"' in r.content
    etag = r.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = client.get("/maps/alpha/diagram.svg")
    assert again.content == r.content and again.headers["etag"] == etag
    for header in (etag, f'W/{etag}', f'"other", {etag}', "*"):
        cached = client.get("/maps/alpha/diagram.svg", headers={"If-None-Match": header})
        assert cached.status_code == 304 and cached.content == b"" and cached.headers["etag"] == etag
    assert client.get("/maps/alpha/diagram.svg", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_focused_diagram_is_smaller_and_tagged_apart(client: TestClient) -> None:
    whole = client.get("/maps/alpha/diagram.svg")
    part = client.get("/maps/alpha/diagram.svg?focus=O1&depth=1")
    assert part.status_code == 200 and part.headers["etag"] != whole.headers["etag"]
    assert b'id="O1"' in part.content and b'id="E1"' not in part.content


def test_diagram_errors(client: TestClient) -> None:
    assert_problem(client.get("/maps/alpha/diagram.svg?focus=Q7"), 404, "'Q7'")
    assert_problem(client.get("/maps/omega/diagram.svg"), 404, "unknown map 'omega'")
    assert_problem(client.get("/maps/alpha/diagram.svg?depth=2"), 422, "focus")
    body = assert_problem(client.get("/maps/alpha/diagram.svg?focus=T&depth=-1"), 422, "depth")
    assert body["errors"][0]["loc"] == ["query", "depth"]  # type: ignore[index]
    assert_problem(client.get("/maps/alpha/diagram.svg?depth=two&focus=T"), 422, "depth")


def test_compare_diagram(client: TestClient) -> None:
    r = client.get("/compare/diagram.svg?left=alpha&right=beta")
    assert r.status_code == 200 and r.headers["content-type"] == "image/svg+xml"
    assert b'id="claim--china-spoke"' in r.content and b'id="alpha--T"' in r.content
    assert client.get("/compare/diagram.svg?left=alpha&right=beta",
                      headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    assert_problem(client.get("/compare/diagram.svg?left=alpha&right=alpha"), 422, "two different maps")
    assert_problem(client.get("/compare/diagram.svg?left=alpha&right=x"), 404, "unknown map 'x'")


def test_missing_graphviz_is_503(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` on it
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        assert_problem(c.get("/maps/beta/diagram.svg"), 503, "Graphviz")
        assert c.get("/maps/beta").status_code == 200  # the rest of the service works


def test_render_timeout_is_504_and_is_remembered_for_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.render
    from argmap.errors import RenderTimeout

    calls: list[str] = []

    def slow(dot: str, fmt: str, *, timeout: float = 30.0) -> bytes:
        calls.append(dot)
        raise RenderTimeout(f"Graphviz's `dot` took more than {timeout:g} s and was stopped")

    monkeypatch.setattr(argmap.render, "render_bytes", slow)
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0, render_timeout=0.05))) as c:
        assert_problem(c.get("/maps/beta/diagram.svg"), 504, "took more than")
        assert_problem(c.get("/maps/beta/diagram.svg"), 504, "took more than")  # failures are not kept by URL
    assert len(calls) == 1  # the second request got the remembered failure, without running dot again


# -- HTTP caching ----------------------------------------------------------------------------------------------------

def test_answers_carry_the_sha256_of_their_body_as_etag(client: TestClient) -> None:
    import hashlib

    for path in ("/maps", "/maps/alpha", "/maps/alpha/nodes/T", "/claims/silent", "/shared-premises",
                 "/compare?left=alpha&right=beta", "/maps/alpha/diagram.svg"):
        r = client.get(path, headers={"Accept-Encoding": "identity"})
        assert r.status_code == 200 and "content-encoding" not in r.headers, path
        assert r.headers["etag"] == f'"{hashlib.sha256(r.content).hexdigest()}"', path
        assert r.headers["cache-control"] == "no-cache"
        again = client.get(path, headers={"If-None-Match": r.headers["etag"]})
        assert again.status_code == 304 and again.content == b"", path
    assert "etag" not in client.get("/healthz").headers  # not a pure function of the maps: never cached


def test_large_answers_are_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    import gzip

    raw = client.get("/maps/alpha/diagram.svg", headers={"Accept-Encoding": "identity"})
    with client.stream("GET", "/maps/alpha/diagram.svg", headers={"Accept-Encoding": "gzip"}) as r:
        packed = b"".join(r.iter_raw())
        assert r.headers["content-encoding"] == "gzip" and r.headers["vary"] == "Accept-Encoding"
        assert r.headers["etag"] == raw.headers["etag"][:-1] + '-gzip"'
    assert gzip.decompress(packed) == raw.content and len(packed) < len(raw.content)
    # Either tag means "I have this diagram".
    assert client.get("/maps/alpha/diagram.svg", headers={"If-None-Match": raw.headers["etag"],
                                                          "Accept-Encoding": "gzip"}).status_code == 304


def test_the_first_answer_for_a_url_honours_if_none_match() -> None:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as a:
        etag = a.get("/maps/beta").headers["etag"]
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as b:  # a fresh, empty cache
        assert b.get("/maps/beta", headers={"If-None-Match": etag}).status_code == 304
