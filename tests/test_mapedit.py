"""Editing a map file from the preview page: only the lines an edit concerns change, mistakes get clear refusals,
and undo never loses a change made by hand."""

from __future__ import annotations

import difflib
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from argmap.cli.preview_server import PreviewServer
from argmap.corpus.load import bundled_maps_dir
from argmap.errors import MapEditError
from argmap.jobs.map_edit import add_node, add_relation, bind_claim
from argmap.jobs.map_outline import outline
from argmap.jobs.preview_edit import MapEditor

ENFORCER = bundled_maps_dir() / "enforcer.yaml"


def _changed(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [d[1:] for d in diff if d.startswith("-") and not d.startswith("---")]
    added = [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]
    return removed, added


def test_edits_of_a_curated_map_change_only_their_own_lines() -> None:
    before = ENFORCER.read_text(encoding="utf-8")
    quote = "Russia’s muted reaction"
    text, node = add_node(before, kind="premise", quote=quote, paraphrase='Russia said little, "if anything".')
    text, line = add_relation(text, node, "T", "supports")
    text = bind_claim(text, node, "russia-silent")
    removed, added = _changed(before, text)
    assert removed == []
    assert added == [f"  - id: {node}", "    kind: premise", '    text: "Russia said little, \\"if anything\\"."',
                     f'    quote: "{quote}"', "    claim: russia-silent", f"  - {line}"]
    assert node not in {n.id for n in outline(before).nodes}


def test_an_undercut_names_the_relation_it_attacks() -> None:
    text = "nodes:\n  - {id: T, kind: thesis}\n  - {id: P1, kind: premise}\n  - {id: O1, kind: objection}\n" \
           "relations:\n  - P1 -> T   # the main support\n"
    text, line = add_relation(text, "O1", "#0", "attacks")
    assert line == "O1 -| r1"
    assert text.endswith("relations:\n  - r1: P1 -> T   # the main support\n  - O1 -| r1\n")
    with pytest.raises(MapEditError, match="a relation can only be attacked"):
        add_relation(text, "P1", "r1", "supports")


def test_a_flow_style_list_is_edited_through_the_round_trip() -> None:
    text = 'id: m\nnodes: [{id: T, kind: thesis, text: t, quote: "It rained."}]  # one line\nrelations: ["T -> T"]\n'
    text, node = add_node(text, kind="premise", quote="It poured.", paraphrase="It poured.")
    assert node == "P1"
    assert text.startswith("id: m\nnodes: [{id: T, kind: thesis, text: t, quote: \"It rained.\"}, {id: P1,")
    assert "# one line" in text


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: add_node(t, kind="thesis", quote="x", paraphrase="y"), "the map has a thesis already ('T')"),
    (lambda t: add_node(t, kind="premise", quote="  ", paraphrase="y"), "select a passage of the essay first"),
    (lambda t: add_node(t, kind="premise", quote="x", paraphrase=" "), "say in your own words"),
    (lambda t: add_relation(t, "P9", "T", "supports"), "no node 'P9' in the map (nodes: T)"),
    (lambda t: add_relation(t, "T", "T", "supports"), "'T' cannot support itself"),
    (lambda t: bind_claim(t, "T", "not a claim"), "'not a claim' is not a claim id"),
    (lambda t: add_node(t + "title: a: b\n", kind="premise", quote="x", paraphrase="y"),
     "the map file is not valid YAML at line 3"),
])
def test_an_edit_that_cannot_be_made_says_why(edit: object, message: str) -> None:
    with pytest.raises(MapEditError) as info:
        edit("nodes:\n  - {id: T, kind: thesis}\n")  # type: ignore[operator]
    assert message in info.value.message


def _case(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds" / "e.txt").write_text("It rained. So the streets are wet.\n")
    path = tmp_path / "maps" / "e.yaml"
    path.write_text("id: e\nsource: {path: ../seeds/e.txt}\nnodes:\n")
    return path


def test_undo_refuses_to_lose_a_change_made_by_hand(tmp_path: Path) -> None:
    path = _case(tmp_path)
    editor = MapEditor(path)
    editor.apply({"op": "node", "kind": "thesis", "start": 0, "end": 10, "selected": "It rained.", "text": "Rain."})
    path.write_text(path.read_text() + "# a note of mine\n")
    with pytest.raises(MapEditError, match="changed since the last change made here"):
        editor.apply({"op": "undo"})
    assert path.read_text().endswith("# a note of mine\n")
    with pytest.raises(MapEditError, match="nothing to undo"):
        editor.apply({"op": "undo"})


def test_a_passage_must_be_the_essays_own_text(tmp_path: Path) -> None:
    path = _case(tmp_path)
    editor = MapEditor(path)
    with pytest.raises(MapEditError, match="the essay has changed since the page showed it"):
        editor.apply({"op": "node", "kind": "thesis", "start": 0, "end": 10, "selected": "It snowed.", "text": "x"})
    with pytest.raises(MapEditError, match="select a passage of the essay first"):
        editor.apply({"op": "node", "kind": "thesis", "start": 5, "end": 500, "selected": "x", "text": "x"})
    assert path.read_text() == "id: e\nsource: {path: ../seeds/e.txt}\nnodes:\n"


def test_the_edit_endpoint_answers_json_with_a_4xx_for_a_bad_request(tmp_path: Path) -> None:
    path = _case(tmp_path)
    server = PreviewServer(path, port=0, render=False)
    server.start()
    try:
        def post(body: bytes, ctype: str = "application/json") -> tuple[int, dict[str, str]]:
            request = urllib.request.Request(server.url + "edit", body, {"Content-Type": ctype,
                                                                          "X-Argmap-Token": server.token})
            try:
                with urllib.request.urlopen(request, timeout=10) as r:
                    return r.status, json.loads(r.read())
            except urllib.error.HTTPError as exc:
                return exc.code, json.loads(exc.read())

        assert post(b"[1, 2]") == (400, {"error": "an edit is a JSON object"})
        assert post(b"{}", "text/plain")[0] == 400
        assert post(json.dumps({"op": "relation", "source": "T", "target": "T", "kind": "supports"}).encode()) == (
            422, {"error": "no node 'T' in the map (nodes: none yet)"})
        status, body = post(json.dumps({"op": "node", "kind": "thesis", "start": 11, "end": 34,
                                        "selected": "So the streets are wet.", "text": "The streets are wet."}).encode())
        assert (status, body) == (200, {"done": "made node T", "id": "T"})
        assert path.read_text().endswith('nodes:\n  - id: T\n    kind: thesis\n    text: "The streets are wet."\n'
                                         '    quote: "So the streets are wet."\n')
    finally:
        server.stop()


def test_a_claim_goes_after_a_value_that_runs_over_several_lines() -> None:
    from argmap.yaml.reader import parse_yaml

    text = "nodes:\n  - id: T\n    kind: thesis\n    text: >\n      Deposits should\n      rise.\n  - id: P1\n    kind: premise\n"
    doc = parse_yaml(bind_claim(text, "T", "deposit-up"), "m.yaml")
    assert doc.data["nodes"][0] == {"id": "T", "kind": "thesis", "text": "Deposits should rise.\n", "claim": "deposit-up"}
    assert doc.data["nodes"][1] == {"id": "P1", "kind": "premise"}
