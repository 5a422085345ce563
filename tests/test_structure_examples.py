"""The load-bearing ranking treats an example as backing, not as a premise whose rejection breaks the argument.
"""

from __future__ import annotations

import typing

from argmap.format.model import ArgumentMap, Relation
from argmap.queries.analysis import cut_off_by, load_bearing, map_structure


def test_the_format_has_the_example_relation() -> None:
    assert "example" in typing.get_args(Relation.model_fields["type"].annotation)


def _map() -> ArgumentMap:
    """T rests on P1 alone; P1 is illustrated by the example X; P2 supports T beside nothing else."""
    return ArgumentMap.model_validate({
        "id": "m", "title": "t", "source": {"path": "e.txt", "sha256": "0" * 64},
        "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q"},
                  {"id": "P1", "kind": "premise", "text": "p", "quote": "q"},
                  {"id": "X", "kind": "premise", "text": "for example, x", "quote": "q"}],
        "relations": [{"from": ["X"], "to": "P1", "type": "example"}, "P1 -> T"]})


def test_rejecting_an_example_cuts_nothing_off() -> None:
    m = _map()
    assert cut_off_by(m, "X") == []
    assert load_bearing(m) == ["P1"]


def test_an_example_is_never_ranked_as_the_most_damaging_rejection() -> None:
    structure = map_structure(_map())
    assert [i.node for i in structure.impacts] == ["P1"]
    assert structure.load_bearing == ["P1"]
    assert structure.lines == ["P1->T"]
