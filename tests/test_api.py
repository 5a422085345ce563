"""The HTTP API's routes and errors, through FastAPI's TestClient on the mini fixture pair."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient

from argmap.cli import cli
from argmap.corpus import Corpus, load_corpus

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus([MINI])


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        yield c


def assert_problem(r: object, status: int, *needles: str) -> dict[str, object]:
    """The response is problem+json with ``status`` and a detail naming each needle."""
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body: dict[str, object] = r.json()  # type: ignore[attr-defined]
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status
    assert str(body["type"]).startswith("urn:argmap:problem:")
    for needle in needles:
        assert needle in str(body["detail"])
    return body


def cli_json(*args: str) -> object:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -- maps ------------------------------------------------------------------------------------------------------------

def test_maps_lists_each_map_with_node_counts_by_kind(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/maps")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    items = r.json()
    assert [m["id"] for m in items] == sorted(corpus.maps)
    for item in items:
        gm = corpus.get(item["id"])
        counts = Counter(n.kind for n in gm.model.nodes)
        assert item["title"] == gm.model.title and item["author"] == gm.model.author
        assert item["nodes"]["total"] == len(gm.model.nodes)
        assert all(item["nodes"][k] == counts.get(k, 0) for k in ("thesis", "premise", "evidence", "assumption"))


def test_map_is_the_whole_map_in_its_file_form(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/maps/alpha")
    assert r.status_code == 200
    body = r.json()
    assert body == corpus.get("alpha").model.model_dump(mode="json", by_alias=True)
    assert {"type": "supports", "from": ["P1", "A1"], "to": "T"}.items() <= body["relations"][0].items()


def test_unknown_map_is_404_naming_it_with_a_suggestion(client: TestClient) -> None:
    body = assert_problem(client.get("/maps/alhpa"), 404, "unknown map 'alhpa'", "did you mean 'alpha'?")
    assert body["instance"] == "/maps/alhpa"


def test_node_has_its_quote_span_and_relations(client: TestClient, corpus: Corpus) -> None:
    gm = corpus.get("alpha")
    body = client.get("/maps/alpha/nodes/P1").json()
    start, end = body["span"]
    assert body["node"]["quote"] == "The Kremlin said nothing after the strikes."
    assert gm.essay.text[start:end] == body["node"]["quote"]
    assert body["incoming"] == []
    assert [(r["key"], r["from"], r["to"]) for r in body["outgoing"]] == [("r1", ["P1", "A1"], "T")]
    objection = client.get("/maps/alpha/nodes/O1").json()
    assert [r["key"] for r in objection["incoming"]] == ["P3-|O1"]
    assert [r["type"] for r in objection["outgoing"]] == ["attacks"]


def test_implicit_node_has_no_span(client: TestClient) -> None:
    body = client.get("/maps/alpha/nodes/A1").json()
    assert body["node"]["implicit"] is True and body["span"] is None and body["node"]["quote"] is None


def test_unknown_node_is_404_naming_node_and_map(client: TestClient) -> None:
    assert_problem(client.get("/maps/alpha/nodes/P9"), 404, "unknown node 'P9' in map 'alpha'")
    assert_problem(client.get("/maps/nope/nodes/P1"), 404, "unknown map 'nope'")


def test_ids_are_never_paths(client: TestClient) -> None:
    assert_problem(client.get("/maps/..%2Falpha"), 404)
    assert_problem(client.get("/maps/alpha.yaml"), 404, "unknown map 'alpha.yaml'")
    assert client.get("/maps/..%2F..%2Fpyproject.toml/nodes/T").status_code == 404


# -- claims ----------------------------------------------------------------------------------------------------------

def test_claims_list_the_registry_with_the_maps_using_each(client: TestClient, corpus: Corpus) -> None:
    items = client.get("/claims").json()
    assert [c["id"] for c in items] == [c.id for c in corpus.registry.claims]
    assert all(c["maps"] == ["alpha", "beta"] for c in items)


def test_claim_gives_each_maps_words_and_stance(client: TestClient) -> None:
    body = client.get("/claims/china-spoke").json()
    assert body["contested"] is True
    assert body["stances"] == {"alpha": ["affirms"], "beta": ["denies"]}
    assert [(m["map"], m["node"], m["kind"]) for m in body["mentions"]] == [("alpha", "E1", "evidence"),
                                                                           ("beta", "P3", "premise")]
    assert client.get("/claims/silent").json()["contested"] is False


def test_unknown_claim_is_404(client: TestClient) -> None:
    assert_problem(client.get("/claims/silnet"), 404, "unknown claim 'silnet'", "did you mean 'silent'?")


# -- queries ---------------------------------------------------------------------------------------------------------

def test_shared_premises_is_the_clis_result(client: TestClient) -> None:
    expected = cli_json("shared", "--premises-only", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"))
    assert client.get("/shared-premises").json() == expected
    assert client.get("/shared-premises?maps=beta&maps=alpha").json() == expected


def test_shared_claims_is_the_clis_result(client: TestClient) -> None:
    expected = cli_json("shared", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"))
    assert client.get("/shared-claims").json() == expected
    assert client.get("/shared-claims?maps=beta&maps=alpha").json() == expected


def test_shared_premises_of_one_map_is_empty(client: TestClient) -> None:
    assert client.get("/shared-premises?maps=alpha").json() == {"maps": ["alpha"], "claims": []}


def test_shared_premises_with_unknown_map_is_404(client: TestClient) -> None:
    assert_problem(client.get("/shared-premises?maps=alpha&maps=gamma"), 404, "unknown map 'gamma'")


def test_compare_is_the_clis_result(client: TestClient) -> None:
    expected = cli_json("compare", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"))
    body = client.get("/compare", params={"left": "alpha", "right": "beta"}).json()
    assert body == expected
    assert [d["claim"] for d in body["disagreements"] if d["reason"] == "opposite-stances"] == ["china-spoke"]


def test_compare_errors(client: TestClient) -> None:
    body = assert_problem(client.get("/compare?left=alpha"), 422, "right")
    assert body["errors"] == [{"message": "Field required", "loc": ["query", "right"], "type": "missing"}]
    assert_problem(client.get("/compare?left=alpha&right=alpha"), 422, "two different maps")
    assert_problem(client.get("/compare?left=alpha&right=zeta"), 404, "unknown map 'zeta'")


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
        assert_problem(c.get("/maps/beta/diagram.svg?junk=1"), 504, "took more than")
    assert len(calls) == 1  # the second request got the remembered failure, without running dot again


# -- validate --------------------------------------------------------------------------------------------------------

def test_validate_accepts_a_valid_map(client: TestClient) -> None:
    r = client.post("/validate", content=(MINI / "alpha.yaml").read_bytes(), headers={"Content-Type": "application/yaml"})
    assert r.status_code == 200
    assert r.json() == {"valid": True, "map": "alpha", "errors": [], "warnings": []}


def test_validate_reports_located_errors_with_200(client: TestClient) -> None:
    text = (MINI / "beta.yaml").read_text().replace("kind: premise", "kind: premis", 1)
    r = client.post("/validate", content=text, headers={"Content-Type": "text/plain"})
    assert r.status_code == 200
    body = r.json()
    assert body["valid"] is False and body["map"] == "beta"
    (err,) = body["errors"]
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "premis" in t and "premise" not in t)
    assert (err["path"], err["line"]) == ("request.yaml", line) and "premise" in (err["hint"] or err["message"])


def test_validate_checks_claims_against_the_loaded_registry(client: TestClient) -> None:
    text = (MINI / "beta.yaml").read_text().replace("claim: silent", "claim: silence")
    (err,) = client.post("/validate", content=text).json()["errors"]
    assert "unknown shared claim 'silence'" in err["message"] and "did you mean 'silent'" in err["hint"]


def test_validate_reports_yaml_and_encoding_errors(client: TestClient) -> None:
    for body in (b"id: [unclosed", b"id: caf\xe9", b"\n"):
        report = client.post("/validate", content=body).json()
        assert report["valid"] is False and report["errors"][0]["path"] == "request.yaml"


@pytest.mark.parametrize("source", ["../../../pyproject.toml", "/etc/hostname", "../test_api.py"])
def test_validate_never_reads_outside_the_maps_folder(client: TestClient, source: str) -> None:
    text = (MINI / "alpha.yaml").read_text().replace("path: alpha.txt", f"path: {source}")
    (err,) = client.post("/validate", content=text).json()["errors"]
    line = next(i for i, t in enumerate(text.splitlines(), 1) if source in t)
    assert err["line"] == line and "outside the essays folders" in err["message"]


def test_validate_without_a_body_is_422(client: TestClient) -> None:
    assert_problem(client.post("/validate"), 422, "no body")


def test_validate_body_over_the_limit_is_413() -> None:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0, max_body_bytes=1000))) as c:
        assert c.post("/validate", content=b"id: x\n" * 100).status_code == 200  # 600 bytes: read
        assert_problem(c.post("/validate", content=b"#" * 1001), 413, "1,001 bytes", "1,000")

        def chunks() -> Iterator[bytes]:  # no Content-Length: refused while streaming
            yield from (b"# padding\n" * 50 for _ in range(10))

        assert_problem(c.post("/validate", content=chunks()), 413, "over the limit")


# -- health, errors, CORS, OpenAPI -----------------------------------------------------------------------------------

def test_healthz_and_version(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["ok"] is True and body["maps"] == 2 and body["map_ids"] == ["alpha", "beta"]
    assert body["last_reload_error"] is None and len(body["snapshot"]) == 64
    from argmap import __version__

    assert client.get("/version").json() == {"name": "argmap", "version": __version__}


def test_unknown_route_and_wrong_method_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/no/such/route"), 404, "/no/such/route")
    r = client.delete("/maps/alpha")
    assert_problem(r, 405)
    assert r.headers["allow"] == "GET"


def test_cors_is_off_by_default_and_configurable(client: TestClient) -> None:
    origin = {"Origin": "https://class.example"}
    assert "access-control-allow-origin" not in client.get("/maps", headers=origin).headers
    app = create_app(Settings(maps_dir=MINI, reload_interval=0, cors_origins=("https://class.example",)))
    with TestClient(app) as c:
        r = c.get("/maps", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://class.example"
        assert "access-control-allow-origin" not in c.get("/maps", headers={"Origin": "https://x.example"}).headers


def test_openapi_documents_every_route_and_its_problems(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    assert set(paths) == {"/maps", "/maps/{map_id}", "/maps/{map_id}/nodes/{node_id}", "/claims", "/claims/{claim_id}",
                          "/shared-premises", "/shared-claims", "/compare", "/suggest", "/maps/{map_id}/diagram.svg",
                          "/compare/diagram.svg",
                          "/validate", "/healthz", "/version"}
    for path, item in paths.items():
        for op in item.values():
            ok = op["responses"]["200"]["content"]
            assert ok, path
            for status, resp in op["responses"].items():
                if status[0] in "45":
                    assert list(resp["content"]) == [PROBLEM], (path, status)
    assert "image/svg+xml" in paths["/maps/{map_id}/diagram.svg"]["get"]["responses"]["200"]["content"]
    assert "304" in paths["/compare/diagram.svg"]["get"]["responses"]
    assert "404" in paths["/maps/{map_id}/nodes/{node_id}"]["get"]["responses"]
    assert "413" in paths["/validate"]["post"]["responses"]
    assert "application/yaml" in paths["/validate"]["post"]["requestBody"]["content"]


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from argmap.errors import ArgmapError

    env = {"ARGMAP_MAPS_DIR": str(tmp_path), "ARGMAP_MAX_BODY_BYTES": "10", "ARGMAP_RELOAD_INTERVAL": "0",
           "ARGMAP_RENDER_TIMEOUT": "3.5", "ARGMAP_CORS_ORIGINS": ""}
    s = Settings.from_env(env)
    assert (s.maps_dir, s.max_body_bytes, s.reload_interval, s.render_timeout, s.cors_origins) == (
        tmp_path, 10, 0.0, 3.5, ())
    assert Settings.from_env(env, maps_dir=MINI).maps_dir == MINI
    with pytest.raises(ArgmapError, match="ARGMAP_RENDER_TIMEOUT"):
        Settings.from_env({"ARGMAP_RENDER_TIMEOUT": "soon"})
    with pytest.raises(ArgmapError, match="render_timeout"):
        Settings.from_env({"ARGMAP_RENDER_TIMEOUT": "-1"})


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
