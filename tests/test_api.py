"""The HTTP API's routes and errors, through FastAPI's TestClient on the mini fixture pair: maps, claims, queries,
health, CORS and OpenAPI (diagrams and HTTP caching: test_api_diagrams.py; POST /validate: test_api_validate.py)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient
from helpers import MINI, PROBLEM, assert_problem

from argmap.cli import cli
from argmap.corpus.load import Corpus, load_corpus


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus([MINI])


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        yield c


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


def test_a_very_long_unknown_id_is_echoed_shortened(client: TestClient) -> None:
    from argmap_api.client import asgi_get  # a 100,000-character URL is over the test client's limit

    long_id = "x" * 100_000
    for path in (f"/maps/{long_id}", f"/maps/alpha/nodes/{long_id}", f"/claims/{long_id}"):
        status, _, raw = asgi_get(client.app, path)
        body = json.loads(raw)
        assert status == 404 and len(raw) < 1000, (path, len(raw))
        assert f"'{'x' * 80}…'" in body["detail"] and body["instance"].endswith("x…")
    result = CliRunner().invoke(cli, ["show", "y" * 5000])  # a name too long for a file is an id too
    assert result.exit_code == 1 and f"'{'y' * 80}…'" in result.stderr and len(result.stderr) < 1000


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
    assert_problem(client.get("/compare?left=alpha"), 422, "two different maps", "right missing")
    assert_problem(client.get("/compare?left=alpha&right=alpha"), 422, "two different maps")
    assert_problem(client.get("/compare?left=alpha&right=zeta"), 404, "unknown map 'zeta'")


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
    assert r.headers["allow"] == "GET, HEAD" and client.head("/maps/alpha").status_code == 200
    assert client.delete("/validate").headers["allow"] == "POST"


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
                          "/compare/diagram.svg", "/lesson/handout.html", "/lesson/handout.pdf",
                          "/lesson/handout.json", "/lesson/slides.html", "/lesson/slides.pdf", "/lesson/topic.html",
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
