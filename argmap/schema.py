"""JSON Schemas of the map and registry files, for editors and other tools.

The models describe a relation in its long form; the schema also admits the
short string form (``"P1 -> T"``), which the models parse before validating.

>>> s = map_schema()
>>> s["properties"]["relations"]["items"]["anyOf"][0]["type"]
'string'
>>> sorted(registry_schema()["properties"])
['claims']
"""

from __future__ import annotations

import json
from typing import Any

from .model import ArgumentMap, ClaimRegistry

__all__ = ["SHORT_RELATION_PATTERN", "map_schema", "registry_schema", "schema_text"]

_ID = r"[A-Za-z][A-Za-z0-9_.-]*"
SHORT_RELATION_PATTERN = rf"^\s*({_ID}\s*:\s+)?{_ID}(\s*\+\s*{_ID})*\s+(->|-\||\.\.>)\s+{_ID}\s*$"


def map_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one argument-map file."""
    schema = ArgumentMap.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    short = {"type": "string", "pattern": SHORT_RELATION_PATTERN,
             "description": ("'A -> B' supports, 'A ..> B' example (support by example), 'A -| B' attacks, "
                            "'A + B -> C' linked, 'r1: A -> B' named")}
    rel_ref = schema["properties"]["relations"]["items"]
    schema["properties"]["relations"]["items"] = {"anyOf": [short, rel_ref]}
    rel = schema["$defs"]["Relation"]
    many = rel["properties"]["from"]
    rel["properties"]["from"] = {"anyOf": [many["items"], many], "title": "From",
                                 "description": many.get("description", "")}
    node = schema["$defs"]["Node"]
    node["properties"].pop("implicit", None)  # computed, never written by hand
    cite = node["properties"]["citation"]
    cite["anyOf"].insert(0, {"type": "string", "minLength": 1})
    return schema


def registry_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the shared-claim registry file."""
    schema = ClaimRegistry.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text(registry: bool = False) -> str:
    """The schema as stable, indented JSON text (what ``argmap schema`` prints)."""
    data = registry_schema() if registry else map_schema()
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
