"""POST /validate: a map posted to the API is checked as `argmap validate` checks it, against the loaded registry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argmap_api import Settings, create_app
from fastapi.testclient import TestClient
from helpers import MINI, assert_problem


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0))) as c:
        yield c


# -- validate --------------------------------------------------------------------------------------------------------

def test_validate_accepts_a_valid_map(client: TestClient) -> None:
    r = client.post("/validate", content=(MINI / "alpha.yaml").read_bytes(), headers={"Content-Type": "application/yaml"})
    assert r.status_code == 200
    assert r.json() == {"valid": True, "map": "alpha", "errors": [], "warnings": [], "omitted": 0}


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


def test_validate_names_a_folder_given_as_the_essay(client: TestClient) -> None:
    text = (MINI / "alpha.yaml").read_text().replace("path: alpha.txt", "path: .")
    (err,) = client.post("/validate", content=text).json()["errors"]
    assert err["message"] == "source.path: cannot read essay '.': not a regular file (a folder, device, FIFO or socket)"


def test_validate_without_a_body_is_422(client: TestClient) -> None:
    assert_problem(client.post("/validate"), 422, "no body")


def test_validate_body_over_the_limit_is_413() -> None:
    with TestClient(create_app(Settings(maps_dir=MINI, reload_interval=0, max_body_bytes=1000))) as c:
        assert c.post("/validate", content=b"id: x\n" * 100).status_code == 200  # 600 bytes: read
        assert_problem(c.post("/validate", content=b"#" * 1001), 413, "1,001 bytes", "1,000")

        def chunks() -> Iterator[bytes]:  # no Content-Length: refused while streaming
            yield from (b"# padding\n" * 50 for _ in range(10))

        assert_problem(c.post("/validate", content=chunks()), 413, "over the limit")
