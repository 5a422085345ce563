"""schemathesis over the app's own OpenAPI schema: no 5xx, and every response matches the schema.

Served: the bundled maps, so the schema's examples (``bankruptcy``, ``T``, ...)
reach real data.  The schema is loaded when this module is imported
(schemathesis's lazy ``from_fixture`` loader does not work with pytest 9).

Two rules join parameters, which OpenAPI cannot state: a ``depth`` needs a
``focus``, and a comparison needs two different maps.  A request that breaks
one is schema-valid but answered 422; for exactly those answers the
"schema-valid request accepted" check is left out, and every other check runs (all of schemathesis's
registered checks, as ``--checks all``).  Every operation documents its 422 (an unknown query parameter) as
the ``Problem`` it really sends, never FastAPI's default ``HTTPValidationError``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import schemathesis
from argmap_api import Settings, create_app
from helpers import PROBLEM
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.checks import positive_data_acceptance

from argmap.corpus.load import bundled_maps_dir

app = create_app(Settings(maps_dir=bundled_maps_dir(), reload_interval=0, max_body_bytes=4096))
# The PDF routes print with Chromium, seconds per document: test_api_lessons prints one.
schema: BaseSchema = schemathesis.openapi.from_asgi("/openapi.json", app).exclude(path_regex=r"\.pdf$")

_JOINT_RULES = ("depth needs a focus", "two different maps")
load_all_checks()
EVERY_CHECK = CHECKS.get_all()  # as `schemathesis run --checks all`


def _breaks_a_joint_rule(response: Any) -> bool:
    if response.status_code != 422:
        return False
    body = response.json()
    return "errors" not in body and any(rule in body["detail"] for rule in _JOINT_RULES)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: Any) -> None:
    response = case.call()
    excluded = [positive_data_acceptance] if _breaks_a_joint_rule(response) else []
    case.validate_response(response, checks=EVERY_CHECK, excluded_checks=excluded)


def _problem_validator(doc: dict[str, Any], schema_node: dict[str, Any]) -> Any:
    """A validator for ``schema_node``, whose ``$ref``s point into the OpenAPI document ``doc``."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource("urn:openapi", Resource.from_contents(doc, default_specification=DRAFT202012))
    return Draft202012Validator({"$ref": "urn:openapi" + schema_node["$ref"]}, registry=registry)


def test_every_operation_documents_its_422_as_a_problem_and_a_real_one_matches() -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        doc = client.get("/openapi.json").json()
        assert "HTTPValidationError" not in json.dumps(doc)  # FastAPI's default 422 body, which is never sent
        for path, item in doc["paths"].items():
            for method, op in item.items():
                documented = op["responses"].get("422", {}).get("content", {})
                assert list(documented) == [PROBLEM], (method, path)  # every route refuses an unknown parameter
                schema_node = documented[PROBLEM]["schema"]
                assert schema_node == {"$ref": "#/components/schemas/Problem"}, (method, path)
                url = re.sub(r"\{[^}]+\}", "nowhere", path) + "?x=1"
                r = client.request(method.upper(), url)
                assert (r.status_code, r.headers["content-type"]) == (422, PROBLEM), (method, url, r.text)
                errors = [e.message for e in _problem_validator(doc, schema_node).iter_errors(r.json())]
                assert errors == [], (method, url)
