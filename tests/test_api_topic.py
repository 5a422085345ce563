"""The service on a whole topic: ``/compare`` and ``/suggest`` for N maps, the diagram options as query parameters,
and a 422 for any query parameter a route does not take."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient
from helpers import MINI, ROOT, assert_problem

from argmap.cli import cli

TOPIC = ROOT / "tests" / "fixtures" / "topic" / "higher_dog_poo_fines"
THREE = ["micro_b002", "micro_b061", "micro_k024"]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=TOPIC, reload_interval=0))) as c:
        yield c


def cli_json(*args: str) -> object:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _paths(ids: list[str]) -> list[str]:
    return [str(TOPIC / f"{i}.yaml") for i in ids]


def test_compare_of_three_maps_is_the_clis_topic_report(client: TestClient) -> None:
    body = client.get("/compare", params={"maps": THREE}).json()
    assert body == cli_json("compare", *_paths(THREE))
    assert [s["stance"] for s in body["stances"]] == ["affirms", "denies", "affirms"]


def test_compare_of_two_maps_by_either_form_is_the_pair_report(client: TestClient) -> None:
    by_maps = client.get("/compare", params={"maps": THREE[:2]}).json()
    by_pair = client.get("/compare", params={"left": THREE[0], "right": THREE[1]}).json()
    assert by_maps == by_pair == cli_json("compare", *_paths(THREE[:2]))
    topic = client.get("/compare", params={"maps": THREE[:2], "topic": "true"}).json()
    assert topic == cli_json("compare", *_paths(THREE[:2]), "--topic")


def test_compare_errors(client: TestClient) -> None:
    assert_problem(client.get("/compare", params={"maps": ["micro_b002"]}), 422, "two different maps")
    assert_problem(client.get("/compare", params={"maps": ["micro_b002", "micro_b002"]}), 422, "two different maps")
    assert_problem(client.get("/compare", params={"maps": THREE, "left": "micro_b002"}), 422, "not both")
    assert_problem(client.get("/compare"), 422, "left and right missing")
    assert_problem(client.get("/compare", params={"maps": [*THREE, "micro_zzz"]}), 404, "unknown map 'micro_zzz'")


def test_suggest_for_three_maps_gives_groups_as_the_cli_does(client: TestClient) -> None:
    body = client.get("/suggest", params={"maps": THREE, "all": "true"}).json()
    assert body == cli_json("suggest", *_paths(THREE), "--all")
    assert body["maps"] == THREE
    for g in body["groups"]:
        assert len({m["map"] for m in g["members"]}) == len(g["members"]) >= 2


@pytest.mark.parametrize("url", [
    "/compare?maps=micro_b002&maps=micro_k024&colour=red",
    "/compare?left=micro_b002&right=micro_k024&shared-only=true",
    "/suggest?maps=micro_b002&maps=micro_k024&al=true",
    "/maps?limit=3",
    "/maps/micro_b002/diagram.svg?focus=a3&dept=2",
    "/compare/diagram.svg?maps=micro_b002&maps=micro_k024&fulll=true",
    "/shared-claims?map=micro_b002",
])
def test_an_unknown_query_parameter_is_a_422_naming_it(client: TestClient, url: str) -> None:
    body = assert_problem(client.get(url), 422, "unknown query parameter")
    wrong = url.rsplit("&", 1)[-1].split("?")[-1].split("=")[0]
    errors = body["errors"]
    assert isinstance(errors, list) and [e["loc"] for e in errors] == [["query", wrong]]


def test_a_focus_on_a_node_id_several_maps_use_is_a_bad_parameter(client: TestClient) -> None:
    url = "/compare/diagram.svg"
    body = assert_problem(client.get(url, params={"maps": THREE, "focus": "a1", "depth": 1}), 422, "in several maps",
                          "'micro_b061--a1'")
    assert body["type"] == "urn:argmap:problem:invalid-parameters"
    named = client.get(url, params={"maps": THREE, "focus": "micro_b061--a1", "depth": 1})
    assert named.status_code in (200, 503)  # 503: Graphviz's dot is not installed


def test_compare_diagram_takes_the_clis_options() -> None:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        full = c.get("/compare/diagram.svg", params={"maps": ["alpha", "beta"], "full": "true"})
        spine = c.get("/compare/diagram.svg", params={"left": "alpha", "right": "beta"})
        if full.status_code == 503:
            pytest.skip("Graphviz's dot is not installed")
        assert full.status_code == spine.status_code == 200
        assert full.text.count('class="node"') > spine.text.count('class="node"')
        only = c.get("/compare/diagram.svg", params={"maps": ["alpha", "beta"], "shared_only": "true"})
        assert only.status_code == 200 and only.text.count('class="node"') <= spine.text.count('class="node"')
        assert_problem(c.get("/compare/diagram.svg", params={"left": "alpha", "right": "beta", "depth": 2}), 422,
                       "focus")


def test_the_openapi_lists_maps_on_compare_and_suggest(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/compare", "/suggest", "/compare/diagram.svg"):
        names = {p["name"] for p in paths[route]["get"]["parameters"]}
        assert {"maps", "left", "right"} <= names, route
    assert {"full", "shared_only", "focus", "depth"} <= {p["name"] for p in paths["/compare/diagram.svg"]["get"]["parameters"]}


def test_cli_suggest_writes_a_draft_registry_and_never_over_a_file(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    args = ["suggest", str(TOPIC), "--write-registry", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    from argmap.corpus.load import load_corpus

    text = out.read_text(encoding="utf-8")
    assert "# bind (" in text
    registry_dir = tmp_path / "check"
    registry_dir.mkdir()
    (registry_dir / "claims.yaml").write_text(text, encoding="utf-8")
    corpus = load_corpus([TOPIC], claims=registry_dir / "claims.yaml")  # the draft is a valid registry
    assert {c.id for c in load_corpus([TOPIC]).registry.claims} <= {c.id for c in corpus.registry.claims}
    out.write_text("keep me", encoding="utf-8")
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 1 and "exists already" in again.stderr and out.read_text() == "keep me"
    forced = CliRunner().invoke(cli, [*args, "--force"])
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8") == text


def test_the_topic_diagram_over_http_is_the_clis(client: TestClient, tmp_path: Path) -> None:
    r = client.get("/compare/diagram.svg", params={"maps": THREE})
    if r.status_code == 503:
        pytest.skip("Graphviz's dot is not installed")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert 'id="claim--higher_dog_poo_fines"' in r.text and 'id="micro_b061--a1"' in r.text
    out = tmp_path / "topic.svg"
    result = CliRunner().invoke(cli, ["compare", *_paths(THREE), "--out", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == r.text
