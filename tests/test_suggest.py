"""Claim-alignment suggestions: the library, ``argmap suggest`` and ``GET /suggest``."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from argmap_api import create_app
from argmap_api.settings import Settings
from click.testing import CliRunner
from fastapi.testclient import TestClient

from argmap.cli import cli
from argmap.corpus.load import Corpus, load_corpus
from argmap.errors import ArgmapError
from argmap.suggest.align import check_bindings, suggest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1 = FIXTURES / "maps-v1" / "maps"
MICRO = FIXTURES / "microtexts" / "maps"


@pytest.fixture(scope="module")
def v1() -> Corpus:
    return load_corpus([V1])


def _bound_pairs(corpus: Corpus, left: str, right: str) -> set[tuple[str, str]]:
    return {(a.id, b.id) for a in corpus.get(left).model.nodes for b in corpus.get(right).model.nodes
            if a.claim and a.claim == b.claim}


def test_suggestions_are_sorted_best_first_and_deterministic(v1: Corpus) -> None:
    found = suggest(v1, "bankruptcy", "enforcer")
    assert found, "the two maps share vocabulary: something must be suggested"
    keys = [(-s.score, s.left.node, s.right.node) for s in found]
    scores = [s.score for s in found]
    assert scores == sorted(scores, reverse=True)
    assert len(set(keys)) == len(keys)
    assert suggest(v1, "bankruptcy", "enforcer") == found
    assert all(s.left.map == "bankruptcy" and s.right.map == "enforcer" and s.why for s in found)


def test_ties_are_broken_by_the_nodes_order_in_their_files(v1: Corpus) -> None:
    order = {n.id: i for i, n in enumerate(v1.get("bankruptcy").model.nodes)}
    found = suggest(v1, "bankruptcy", "enforcer", top=None, min_score=float("-inf"))
    for a, b in itertools.pairwise(found):
        if a.score == b.score:
            assert order[a.left.node] <= order[b.left.node]


def test_pairs_bound_to_a_common_claim_are_left_out_unless_asked(v1: Corpus) -> None:
    bound = _bound_pairs(v1, "bankruptcy", "enforcer")
    default = {(s.left.node, s.right.node) for s in suggest(v1, "bankruptcy", "enforcer", top=None)}
    everything = {(s.left.node, s.right.node) for s in suggest(v1, "bankruptcy", "enforcer", include_bound=True,
                                                               top=None)}
    assert not default & bound
    assert everything & bound
    assert default <= everything


def test_a_pair_that_states_one_proposition_ranks_first(v1: Corpus) -> None:
    best = {}
    for s in suggest(v1, "bankruptcy", "enforcer", include_bound=True):
        best.setdefault(s.left.node, s.right.node)
    assert best["P1"] == "P1"  # "deafening silence" ~ "an almost complete silence from Russia"
    assert best["P7d"] == "P7"  # reliance on Iranian drones, in both words


def test_suggestions_on_another_pair_of_texts_without_a_registry() -> None:
    corpus = load_corpus([MICRO])
    best = {}
    for s in suggest(corpus, "b023", "b031"):
        best.setdefault(s.left.node, s.right.node)
    assert best["T"] == "T" and best["P1"] == "P1" and best["P4"] == "P3"
    assert "P2" not in best  # "courts make errors" has no counterpart in b031


def test_one_map_twice_is_an_error(v1: Corpus) -> None:
    with pytest.raises(ArgmapError, match="two different maps"):
        suggest(v1, "enforcer", "enforcer")


def test_check_bindings_flags_mentions_that_share_no_wording(v1: Corpus) -> None:
    flagged = {(b.claim, b.left.node, b.right.node) for b in check_bindings(v1)}
    # forced merges found by reading the essays: a different proposition bound to one claim
    assert ("partnership-asymmetric", "P3a", "P7a") in flagged
    assert ("russia-not-protector", "P2", "T") in flagged
    # a binding whose two statements say the same thing is not flagged
    assert not any(claim in ("russia-silent", "iran-isolated", "russia-depends-on-iranian-arms")
                   for claim, _, _ in flagged)


# --- the CLI --------------------------------------------------------------------------------------------------------

def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_json_has_exactly_the_documented_shape() -> None:
    code, out, _ = run("suggest", str(V1 / "bankruptcy.yaml"), str(V1 / "enforcer.yaml"), "--json")
    assert code == 0
    body = json.loads(out)
    assert list(body) == ["suggestions"] and body["suggestions"]
    for s in body["suggestions"]:
        assert list(s) == ["left", "right", "score", "why"]
        assert list(s["left"]) == ["map", "node"] and list(s["right"]) == ["map", "node"]
        assert isinstance(s["score"], float) and isinstance(s["why"], str)
    scores = [s["score"] for s in body["suggestions"]]
    assert scores == sorted(scores, reverse=True)


def test_cli_all_adds_the_bound_pairs(v1: Corpus) -> None:
    args = ("suggest", str(V1 / "bankruptcy.yaml"), str(V1 / "enforcer.yaml"), "--json")
    pairs = [{(s["left"]["node"], s["right"]["node"]) for s in json.loads(run(*a)[1])["suggestions"]}
             for a in (args, (*args, "--all"))]
    bound = _bound_pairs(v1, "bankruptcy", "enforcer")
    assert not pairs[0] & bound and pairs[1] & bound


def test_cli_text_names_both_statements() -> None:
    code, out, _ = run("suggest", str(MICRO / "b023.yaml"), str(MICRO / "b031.yaml"))
    assert code == 0
    first = out.splitlines()[:3]
    assert first[0].startswith("0.") and "b023:T ~ b031:T" in first[0] and "shared words: germany" in first[0]
    assert first[1].strip() == "T: Germany should not introduce capital punishment."


def test_cli_check_registry() -> None:
    code, out, err = run("suggest", "--check-registry", str(V1), "--json")
    assert code == 0
    body = json.loads(out)
    assert list(body) == ["bindings"]
    assert {"claim": "partnership-asymmetric", "left": {"map": "bankruptcy", "node": "P3a"},
            "right": {"map": "enforcer", "node": "P7a"}} .items() <= next(
        b for b in body["bindings"] if b["claim"] == "partnership-asymmetric").items()
    code, out, err = run("suggest", "--check-registry", str(V1))
    assert code == 0 and "partnership-asymmetric: bankruptcy:P3a ~ enforcer:P7a" in out
    assert "binding(s) look unrelated" in err


def test_cli_unknown_map_gets_a_did_you_mean_and_exit_1() -> None:
    code, _, err = run("suggest", "bankruptcy", "enforcr")
    assert code == 1 and "unknown map 'enforcr' (did you mean 'enforcer'?)" in err
    code, out, _ = run("suggest", "bankruptcy", "enforcr", "--json")
    assert code == 1 and json.loads(out)["status"] == 404


def test_cli_needs_two_different_maps() -> None:
    code, _, err = run("suggest", "bankruptcy")
    assert code == 1 and "suggest needs two maps" in err
    code, _, err = run("suggest", "enforcer", "enforcer")
    assert code == 1 and "two different maps" in err


# --- the API --------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client() -> TestClient:
    with TestClient(create_app(Settings(maps_dir=V1, reload_interval=0))) as c:
        yield c  # type: ignore[misc]


def test_api_suggest_matches_the_cli(client: TestClient) -> None:
    r = client.get("/suggest", params={"left": "bankruptcy", "right": "enforcer"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    _code, out, _ = run("suggest", str(V1 / "bankruptcy.yaml"), str(V1 / "enforcer.yaml"), "--json")
    assert r.json() == json.loads(out)
    r_all = client.get("/suggest", params={"left": "bankruptcy", "right": "enforcer", "all": "true"})
    assert len(r_all.json()["suggestions"]) > len(r.json()["suggestions"])


def test_api_suggest_errors(client: TestClient) -> None:
    r = client.get("/suggest", params={"left": "bankruptcy", "right": "enforcr"})
    assert r.status_code == 404 and "did you mean 'enforcer'" in r.json()["detail"]
    assert r.headers["content-type"].startswith("application/problem+json")
    r = client.get("/suggest", params={"left": "enforcer", "right": "enforcer"})
    assert r.status_code == 422 and "two different maps" in r.json()["detail"]
    assert client.get("/suggest", params={"left": "enforcer"}).status_code == 422


def test_api_suggest_is_documented_with_its_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/suggest"]["get"]
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    refs = sorted(s["$ref"].rsplit("/", 1)[-1] for s in schema["anyOf"])  # pairs for two maps, groups for more
    assert refs == ["SuggestedGroups", "Suggestions"]
    assert set(spec["components"]["schemas"]["Suggestion"]["properties"]) == {"left", "right", "score", "why"}
    assert {"404", "422"} <= set(op["responses"])
