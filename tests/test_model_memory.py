"""Nodes and relations with the same set fields share one set of their names (a quarter of what a node costs in a
large corpus), and nothing a reader of the models sees changes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from argmap.format.model import Node, Relation

FOUR = {"id", "kind", "text", "quote"}


def _premise(i: int, **more: object) -> Node:
    return Node.model_validate({"id": f"P{i}", "kind": "premise", "text": f"Text {i}.", "quote": f"Quote {i}.", **more})


def test_models_with_the_same_fields_share_one_set() -> None:
    a, b = _premise(1), _premise(2)
    assert a.model_fields_set == FOUR
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    r1, r2 = Relation.model_validate("P1 -> T"), Relation.model_validate("r9: P2 -> T")
    assert r1.__pydantic_fields_set__ is Relation.model_validate("P3 -> C").__pydantic_fields_set__
    assert r1.model_fields_set == {"type", "sources", "target"}
    assert r2.model_fields_set == {"id", "type", "sources", "target"}


def test_other_fields_have_a_set_of_their_own() -> None:
    tagged = _premise(1, tags=["x"])
    assert tagged.model_fields_set == FOUR | {"tags"}
    assert _premise(2).model_fields_set == FOUR
    assert tagged.model_dump(exclude_unset=True) == {"id": "P1", "kind": "premise", "text": "Text 1.",
                                                     "quote": "Quote 1.", "tags": ["x"]}


def test_copies_and_assignments_leave_the_shared_set_alone() -> None:
    a, b = _premise(1), _premise(2)
    copy = a.model_copy(update={"note": "a note"})
    assert copy.model_fields_set == FOUR | {"note"}
    with pytest.raises(ValidationError):
        a.note = "x"  # type: ignore[misc]  # frozen: pydantic refuses before it would add to the set
    assert a.model_fields_set == b.model_fields_set == FOUR
    assert b.model_dump(exclude_unset=True) == {"id": "P2", "kind": "premise", "text": "Text 2.", "quote": "Quote 2."}
