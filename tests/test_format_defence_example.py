"""The format for real argumentation: a thesis that stands by defence, support by example, stances on objections."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.checks.defence import defended, stands
from argmap.checks.grounded import GroundedMap
from argmap.checks.validate import check_map
from argmap.corpus.load import Corpus
from argmap.exporters.aif import to_aif
from argmap.exporters.outline import outline, outline_text
from argmap.exporters.view import export_view
from argmap.format.model import ArgumentMap, Relation
from argmap.format.registry import ClaimRegistry
from argmap.graph.map_graph import map_graph, support_path
from argmap.queries.analysis import load_bearing, map_structure, thesis_lines
from argmap.render import map_dot
from argmap.text.essayindex import sha256_text
from argmap.yaml.reader import parse_yaml

ESSAY = b"Dogs are loyal. Some say dogs are lazy. That is false. Rex saved a child. Cats exist."
QUOTES = {"T": "Dogs are loyal.", "O": "Some say dogs are lazy.", "P": "That is false.",
          "E": "Rex saved a child.", "Q": "Cats exist."}
KINDS = {"T": "thesis", "O": "objection", "P": "premise", "E": "premise", "Q": "premise"}


def check(relations: list[Any], nodes: tuple[str, ...] = ("T", "O", "P", "E", "Q"),
          extra: dict[str, dict[str, Any]] | None = None) -> tuple[GroundedMap | None, list[str]]:
    doc = {"id": "m", "title": "t", "source": {"path": "e.txt", "sha256": sha256_text(ESSAY)},
           "nodes": [{"id": i, "kind": KINDS[i], "text": QUOTES[i], "quote": QUOTES[i], **(extra or {}).get(i, {})}
                     for i in nodes],
           "relations": relations}
    registry = ClaimRegistry.model_validate({"claims": [{"id": "loyal", "wording": "Dogs are loyal."}]})
    grounded, diags = check_map(parse_yaml(json.dumps(doc), "m.yaml"), registry, read={"e.txt": ESSAY}.__getitem__)
    return grounded, [f"{d.severity}: {d.message}" for d in diags]


def model(relations: list[Any], nodes: tuple[str, ...] = ("T", "O", "P", "E", "Q")) -> ArgumentMap:
    grounded, diags = check(relations, nodes)
    assert grounded is not None, diags
    return grounded.model


@pytest.mark.parametrize("answer", ["P -| O", "P -| c1"], ids=["rebutted", "undercut"])
def test_a_thesis_defended_only_by_answering_its_objection_is_valid(answer: str) -> None:
    grounded, diags = check(["c1: O -| T", answer], ("T", "O", "P"))
    assert grounded is not None and diags == []
    assert stands(grounded.model, "T") and defended(grounded.model, "T")


def test_a_thesis_whose_attack_nobody_answers_is_neither_supported_nor_defended() -> None:
    grounded, diags = check(["c1: O -| T", "P -> O"], ("T", "O", "P"))
    assert grounded is None
    assert diags == ["error: the thesis 'T' is neither supported nor defended"]


def test_an_unanswered_attack_beside_an_answered_one_does_not_undo_the_defence() -> None:
    grounded, diags = check(["c1: O -| T", "P -| O", "Q -| T"], ("T", "O", "P", "Q"))
    assert grounded is not None and diags == []
    assert load_bearing(grounded.model) == ["P"]


def test_the_load_of_a_defended_thesis_rests_on_its_defence() -> None:
    m = model(["c1: O -| T", "c2: P -| c1", "E -> P"], ("T", "O", "P", "E"))
    assert load_bearing(m) == ["P", "E"]   # without P (or what supports it) the objection stands unanswered
    impacts = {i.node: i.cuts for i in map_structure(m).impacts}
    assert impacts["P"] == ["T"] and "O" not in impacts
    linked = model(["c1: O -| T", "P + E -| O"], ("T", "O", "P", "E"))
    assert load_bearing(linked) == ["P", "E"]


def test_example_short_and_long_forms_mean_the_same_relation() -> None:
    short = Relation.model_validate("r1: E ..> T")
    long = Relation.model_validate({"id": "r1", "type": "example", "from": "E", "to": "T"})
    assert short == long and short.is_support and short.key == "r1"
    assert Relation.model_validate("E ..> T").key == "E..>T"
    assert Relation.model_validate("A + B ..> T").sources == ["A", "B"]


def test_an_example_counts_as_support_everywhere_support_counts() -> None:
    m = model(["E ..> T", "c1: O -| T", "P -| O", "Q -> E"])   # T's only support is an example
    assert support_path(map_graph(m), "Q", "T") == ["Q", "E", "T"]
    # For load-bearing analysis an example is backing, not a line: the thesis rests on its defence (P).
    assert thesis_lines(m) == []
    assert load_bearing(m) == ["P"]
    assert "+ [premise] E: Rex saved a child.  (example)" in outline_text(outline(m))


def test_an_example_is_drawn_dotted_with_e_g_and_exported_as_the_aif_example_scheme() -> None:
    grounded, diags = check(["E ..> T", "Q -> T", "c1: O -| T", "P -| O"])
    assert grounded is not None, diags
    dot = map_dot(grounded)
    example_edges = [line for line in dot.splitlines() if '"E" -> "T"' in line]
    assert len(example_edges) == 1 and 'style="dotted"' in example_edges[0] and 'label="e.g."' in example_edges[0]
    assert 'label="e.g."' not in next(line for line in dot.splitlines() if '"Q" -> "T"' in line)
    assert "support by example" in dot   # the legend explains the dotted arrow...
    plain, _ = check(["Q -> T", "c1: O -| T", "P -| O"], ("T", "O", "P", "Q"))
    assert plain is not None and "support by example" not in map_dot(plain)   # ...only where there is one
    view = export_view(Corpus(ClaimRegistry(), {grounded.id: grounded}), [grounded.id])
    schemes = sorted(n["text"] for n in to_aif(view)["nodes"] if n["type"] == "RA")
    assert schemes == ["Default Inference", "Example"]   # "Example": the name arguebuf and the AIF scheme set use


def test_an_objection_speaks_in_its_own_voice_so_denying_the_thesis_claim_is_no_contradiction() -> None:
    bound = {"T": {"claim": "loyal"}, "O": {"claim": "loyal", "stance": "denies"}}
    grounded, diags = check(["O -| T", "P -| O", "E -> T"], ("T", "O", "P", "E"), bound)
    assert grounded is not None and diags == []
    two = {"T": {"claim": "loyal"}, "E": {"claim": "loyal", "stance": "denies"}}
    _, diags = check(["O -| T", "P -| O", "E -> T"], ("T", "O", "P", "E"), two)
    assert diags == ["warning: nodes[3]: the map both affirms and denies 'loyal' ('E' denies, 'T' affirms)"]


def test_a_relation_that_targets_itself_is_an_error() -> None:
    _, diags = check(["E -> T", "c9: P -| c9", "O -| T", "P -| O"], ("T", "O", "P", "E"))
    assert diags == ["error: relations[1]: relation 'c9' targets itself"]
