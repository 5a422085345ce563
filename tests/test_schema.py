"""The committed JSON Schemas agree with the validator: a real JSON Schema validator (jsonschema) accepts every
valid map and registry (bundled, fixtures, the format page's example) and rejects the malformed inputs a schema can catch."""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from argmap.format.model import Relation

ROOT = Path(__file__).resolve().parent.parent
MALFORMED = ROOT / "tests" / "malformed"

# Malformed maps whose defect lies in the file itself (keys, types, values, rules between fields), not in what it
# refers to (the essay, the registry, other nodes): the schema rejects each of them as argmap validate does.
SCHEMA_CATCHES_MAPS = [
    "bad-node-id", "bad-stance", "citation-on-premise", "empty-nodes", "missing-required-keys", "no-thesis",
    "premise-without-quote", "quote-on-assumption", "relation-no-spaces", "stance-without-claim", "top-level-list",
    "top-level-scalar", "two-theses", "type-citation-number", "type-id-number", "type-nodes-mapping",
    "type-quote-list", "type-relations-string", "type-sha256-not-hex", "type-tags-string", "type-title-null",
    "typo-kind", "typo-node-key", "typo-relation-key", "typo-source-key", "typo-top-level-key",
]
SCHEMA_CATCHES_REGISTRIES = ["registry-missing-wording", "registry-not-a-list", "registry-unknown-key"]


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def errors(data: Any, name: str = "map") -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]


def valid_files() -> list[Path]:
    files = sorted((ROOT / "maps").glob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    return [*files, MALFORMED / "baseline.yaml", MALFORMED / "claims.yaml"]


@pytest.mark.parametrize("path", valid_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_valid_map_and_registry_passes_the_committed_schema(path: Path) -> None:
    assert errors(load(path), "claims" if path.name == "claims.yaml" else "map") == []


def test_the_format_pages_example_map_passes_the_schema() -> None:
    readme = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if "\nnodes:" in b)
    data = yaml.safe_load(re.sub(r"sha256: \S+", f"sha256: {hashlib.sha256(b'').hexdigest()}", block))
    assert any(isinstance(r, dict) and len(r) == 1 for r in data["relations"])  # the named short form is there
    assert errors(data) == []


@pytest.mark.parametrize("name", SCHEMA_CATCHES_MAPS)
def test_the_schema_rejects_malformed_maps(name: str) -> None:
    assert errors(load(MALFORMED / f"{name}.yaml")), f"{name}.yaml passes the schema"


@pytest.mark.parametrize("name", SCHEMA_CATCHES_REGISTRIES)
def test_the_schema_rejects_malformed_registries(name: str) -> None:
    assert errors(load(MALFORMED / name / "claims.yaml"), "claims"), f"{name}/claims.yaml passes the schema"


RELATION_FORMS = [
    "P1 -> T", "P1 -| T", "P1 + P2 -> T", "r1: P1 + P2 -> T", "O1 -| r1", {"r1": "P1 + P2 -> T"}, {"r2": "O -| r1"},
    {"from": "P1", "to": "T", "type": "supports"}, {"from": ["P1", "P2"], "to": "T", "type": "attacks", "id": "r3"},
    "P1->T", "P1 => T", "P1 ->", "-> T", "1P -> T", {"r1": "P1->T"}, {"to": "P1 -> T"}, {"r1": ["P1 -> T"]},
    {"r1": "P1 -> T", "r2": "P2 -> T"}, {"from": "P1", "to": "T"}, {"from": [], "to": "T", "type": "supports"},
    {"from": "P1", "to": "T", "type": "backs"}, {"from": "P1", "to": "T", "type": "supports", "weight": 1},
    {"r1": "s1: P1 -> T"},
]


@pytest.mark.parametrize("form", RELATION_FORMS, ids=repr)
def test_schema_and_model_agree_on_each_relation_form(form: Any) -> None:
    try:
        Relation.model_validate(form)
        model_ok = True
    except ValidationError:
        model_ok = False
    data = {"id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
            "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"}], "relations": [form]}
    assert (errors(data) == []) == model_ok, (form, model_ok, errors(data))
