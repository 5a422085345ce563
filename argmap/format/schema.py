"""JSON Schemas of the map and registry files, for editors and other tools.

The models describe a relation in its long form; the schema also admits the
two short forms that the models parse before validating: the string
``"P1 -> T"`` and the named form ``- r1: P1 -> T``, which YAML reads as the
one-key mapping ``{r1: "P1 -> T"}``.  Beyond the models' field types, the
schema states the rules between fields that a schema can express (a quote on
every node but an assumption, a citation only on evidence, a stance only with
a claim, exactly one thesis), so that an editor flags them as you type.  What
it cannot express (unique ids, references between nodes, quotes found in the
essay) only ``argmap validate`` checks.

>>> s = map_schema()
>>> s["properties"]["relations"]["items"]["anyOf"][0]["type"]
'string'
>>> sorted(registry_schema()["properties"])
['claims']
"""

from __future__ import annotations

import json
from typing import Any

from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry

__all__ = ["SHORT_RELATION_PATTERN", "map_schema", "registry_schema", "schema_text"]

_ID = r"[A-Za-z][A-Za-z0-9_.-]{0,63}"
_BODY = rf"{_ID}(\s*\+\s*{_ID})*\s+(->|-\||\.\.>)\s+{_ID}\s*"
SHORT_RELATION_PATTERN = rf"^\s*({_ID}\s*:\s+)?{_BODY}$"
_LONG_KEYS = ["from", "id", "note", "to", "type"]


def _short_relation() -> dict[str, Any]:
    return {"type": "string", "pattern": SHORT_RELATION_PATTERN,
            "description": ("'A -> B' supports, 'A ..> B' example (support by example), 'A -| B' attacks, "
                            "'A + B -> C' linked, 'r1: A -> B' named")}


def _named_short_relation() -> dict[str, Any]:
    """``- r1: A -> B`` as YAML reads it: one key (the relation's id) whose value is the short form."""
    return {"type": "object", "minProperties": 1, "maxProperties": 1,
            "propertyNames": {"pattern": f"^{_ID}$", "not": {"enum": _LONG_KEYS}},
            "additionalProperties": {"type": "string", "pattern": rf"^\s*{_BODY}$"},
            "description": "a named relation: 'r1: A + B -> C' (the id, then the short form)"}


def _absent(key: str) -> dict[str, Any]:
    """``key`` is missing or null (the models treat both as absent)."""
    return {"anyOf": [{"not": {"required": [key]}}, {"properties": {key: {"type": "null"}}}]}


def _present(key: str) -> dict[str, Any]:
    return {"required": [key], "properties": {key: {"not": {"type": "null"}}}}


def _is_true(key: str) -> dict[str, Any]:
    return {"required": [key], "properties": {key: {"const": True}}}


def _is_false(key: str) -> dict[str, Any]:
    return {"required": [key], "properties": {key: {"const": False}}}


def _kind_is(*kinds: str) -> dict[str, Any]:
    return {"required": ["kind"], "properties": {"kind": {"enum": list(kinds)}}}


def _node_rules() -> list[dict[str, Any]]:
    """The rules of ``Node._kind_rules`` in JSON Schema terms."""
    others = ["thesis", "premise", "conclusion", "evidence", "objection"]
    return [
        {"if": _kind_is("assumption"), "then": {"allOf": [_absent("quote"), {"not": _is_false("implicit")}]},
         "description": "an assumption is implicit and has no quote"},
        {"if": {"allOf": [_kind_is(*others), {"not": _is_true("implicit")}]}, "then": _present("quote"),
         "description": "every node but an assumption or an implicit node needs a quote"},
        {"if": _is_true("implicit"), "then": _absent("quote"), "description": "an implicit node has no quote"},
        {"if": _present("more_quotes"), "then": _present("quote"), "description": "more_quotes needs a first quote"},
        {"if": _present("citation"), "then": _kind_is("evidence"), "description": "only evidence nodes carry a citation"},
        {"if": _present("stance"), "then": _present("claim"), "description": "a stance needs a claim to take it toward"},
    ]


def map_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one argument-map file."""
    schema = ArgumentMap.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    rel_ref = schema["properties"]["relations"]["items"]
    schema["properties"]["relations"]["items"] = {"anyOf": [_short_relation(), _named_short_relation(), rel_ref]}
    nodes = schema["properties"]["nodes"]
    nodes.update(contains={"properties": {"kind": {"const": "thesis"}}, "required": ["kind"]},
                 minContains=1, maxContains=1)
    nodes["description"] = "the statements; exactly one is the thesis"
    rel = schema["$defs"]["Relation"]
    many = rel["properties"]["from"]
    rel["properties"]["from"] = {"anyOf": [many["items"], many], "title": "From",
                                 "description": many.get("description", "")}
    node = schema["$defs"]["Node"]
    node["allOf"] = _node_rules()
    cite = node["properties"]["citation"]
    cite["anyOf"].insert(0, {"type": "string", "minLength": 1, "maxLength": 4000})
    return schema


def registry_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the shared-claim registry file."""
    schema = ClaimRegistry.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text(registry: bool = False) -> str:
    """The schema as stable, indented JSON text (what ``argmap schema`` prints).

    >>> import json
    >>> data = json.loads(schema_text())
    >>> data["title"], data["required"], json.loads(schema_text(registry=True))["$schema"]
    ('argmap argument map', ['id', 'title', 'source', 'nodes'], 'https://json-schema.org/draft/2020-12/schema')
    """
    data = registry_schema() if registry else map_schema()
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
