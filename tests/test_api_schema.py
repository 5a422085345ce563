"""schemathesis over the app's own OpenAPI schema: no 5xx, and every response matches the schema.

Served: the bundled maps, so the schema's examples (``bankruptcy``, ``T``, ...)
reach real data.  The schema is loaded when this module is imported
(schemathesis's lazy ``from_fixture`` loader does not work with pytest 9).

Two rules join parameters, which OpenAPI cannot state: a ``depth`` needs a
``focus``, and a comparison needs two different maps.  A request that breaks
one is schema-valid but answered 422; for exactly those answers the
"schema-valid request accepted" check is left out, and every other check runs (all of schemathesis's
registered checks, as ``--checks all``).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from argmap_api import Settings, create_app
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
