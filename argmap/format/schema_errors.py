"""Turn pydantic validation errors into located, readable diagnostics.

>>> from argmap.yaml.reader import parse_yaml
>>> from argmap.format.registry import ClaimRegistry
>>> doc = parse_yaml("claims:\\n  - id: a\\n    wordin: x\\n", "claims.yaml")
>>> for d in validate_model(ClaimRegistry, doc)[1]:
...     print(d)
claims.yaml:2:5: error: claims[0]: missing required key 'wording'
claims.yaml:3:5: error: claims[0]: unknown key 'wordin' (did you mean 'wording'?)
"""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from argmap.errors import Diagnostic, did_you_mean
from argmap.yaml.reader import YamlDocument

__all__ = ["dotted", "validate_model"]

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "a string", "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping",
    "model_attributes_type": "a mapping", "bool_type": "true or false", "int_type": "a whole number",
    "none_required": "null", "is_instance_of": "a mapping",
}


def dotted(loc: tuple[Any, ...]) -> str:
    """``('nodes', 3, 'kind')`` → ``'nodes[3].kind'``.

    >>> dotted(('nodes', 3, 'kind'))
    'nodes[3].kind'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) < 40 else "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _length(value: Any) -> str:
    """How long a value that is too long is, to lead its message: ``'5,012 characters; '``.

    >>> _length("x" * 5012), _length([1, 2]), _length(None)
    ('5,012 characters; ', '2 items; ', '')
    """
    if isinstance(value, str):
        return f"{len(value):,} characters; "
    if isinstance(value, (list, dict)):
        return f"{len(value):,} items; "
    return ""


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that the mapping at ``loc`` is validated against."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = _field_by_alias(current, part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_by_alias(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or n for n, f in model.model_fields.items()]


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    # pydantic adds tags such as 'function-before[...]' for validators; drop them.
    return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))


def _diagnostic(model: type[BaseModel], doc: YamlDocument, err: Any) -> Diagnostic:
    loc = _clean_loc(tuple(err["loc"]))
    kind = err["type"]
    value = err.get("input")
    where = dotted(loc)
    hint = None
    if kind == "missing":
        parent, key = loc[:-1], loc[-1]
        line, col = doc.where(parent)
        prefix = f"{dotted(parent)}: " if parent else ""
        return Diagnostic(doc.path, line, col, f"{prefix}missing required key '{key}'")
    if kind == "extra_forbidden":
        parent, key = loc[:-1], loc[-1]
        line, col = doc.where(loc, key=True)
        hint = did_you_mean(str(key), _keys(_model_at(model, parent)))
        prefix = f"{dotted(parent)}: " if parent else ""
        return Diagnostic(doc.path, line, col, f"{prefix}unknown key '{key}'", hint=hint)
    if loc and loc[-1] == "[key]":  # a mapping's key failed (e.g. accept_drift: {hedg: ...}): point at the key
        loc = loc[:-1]
        where = dotted(loc)
        line, col = doc.where(loc, key=True)
    else:
        line, col = doc.where(loc)
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
        hint = did_you_mean(str(value), options)
        msg = f"{where}: {value!r} is not one of {', '.join(options)}"
    elif kind in _TYPE_WORDS:
        msg = f"{where}: expected {_TYPE_WORDS[kind]}, got {_describe(value)}"
    elif kind == "string_pattern_mismatch":
        if str(loc[-1]) == "sha256":
            msg = f"{where}: {value!r} is not a sha256 (64 lowercase hex digits)"
        else:
            msg = f"{where}: {value!r} is not a valid id (letters, digits, '_', '.', '-'; starting with a letter)"
    elif kind in ("string_too_short", "too_short"):
        msg = f"{where}: must not be empty"
    elif kind in ("string_too_long", "too_long"):
        msg = f"{where}: too long ({_length(value)}{err['msg'].lower()})"
    elif kind == "value_error":
        msg = f"{where}: {str(err['msg']).removeprefix('Value error, ')}" if where else str(err["msg"])
    else:
        msg = f"{where}: {err['msg']}" if where else str(err["msg"])
    return Diagnostic(doc.path, line, col, msg, hint=hint)


def validate_model(model: type[M], doc: YamlDocument) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``doc.data`` against ``model``; every error located."""
    if not isinstance(doc.data, dict):
        line, col = doc.where(())
        return None, [Diagnostic(doc.path, line, col, f"expected a mapping at the top of the file, got {_describe(doc.data)}",
                                 hint="a map starts with keys such as 'id:' and 'title:'")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        diags = sorted({_diagnostic(model, doc, e) for e in exc.errors(include_url=False)})
        return None, diags
