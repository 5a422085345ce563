"""The smaller findings of the second attack round: ids that would clash in file names, control characters in
the exports and on the terminal, and malformed imports that must be located errors, never internal ones."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_pair

from argmap.cli import cli
from argmap.errors import InvalidInput

ACTIVE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "ring\x07 clear\x1b[2J \u202eevil"


def _hostile_pair(folder: Path) -> Path:
    write_pair(folder, {
        "left": {"title": f"Left {HOSTILE}", "nodes": [
            {"id": "T", "kind": "thesis", "text": f"Taxes fund schools {HOSTILE}", "quote": "Taxes fund schools."},
            {"id": "P", "kind": "premise", "text": f"Schools need money {HOSTILE}", "quote": "Schools need money."}],
            "relations": ["P -> T"]},
        "right": {"title": "Right", "nodes": [
            {"id": "T", "kind": "thesis", "text": f"Schools need more money {HOSTILE}", "quote": "More money."},
            {"id": "P", "kind": "premise", "text": f"Taxes fund the schools {HOSTILE}", "quote": "Taxes fund."}],
            "relations": ["P -> T"]}}, {})
    return folder


def test_a_map_id_with_the_pair_separator_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        write_pair(tmp_path, {"a--b": {"title": "t", "relations": [],
                                       "nodes": [{"id": "T", "kind": "thesis", "text": "t", "quote": "q."}]}}, {})
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "a--b.yaml")])
    assert result.exit_code == 1
    assert re.search(r"a--b\.yaml:\d+:\d+: error: .*may not contain '--'", result.output), result.output


@pytest.mark.parametrize("fmt", ["argdown", "graphml", "aif", "json"])
def test_exports_with_control_characters_print_no_active_character(tmp_path: Path, fmt: str) -> None:
    maps = _hostile_pair(tmp_path / "maps")
    result = CliRunner().invoke(cli, ["export", str(maps / "left.yaml"), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
    assert not ACTIVE.search(result.output)


def test_graphml_of_text_with_control_characters_is_written_and_parses(tmp_path: Path) -> None:
    maps = _hostile_pair(tmp_path / "maps")
    out = tmp_path / "left.graphml"
    result = CliRunner().invoke(cli, ["export", str(maps / "left.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output  # before: internal error: ValueError (lxml)
    texts = [el.text or "" for el in ET.parse(out).getroot().iter()]
    assert any("ring\ufffd" in t for t in texts)


def test_suggest_prints_no_active_character(tmp_path: Path) -> None:
    maps = _hostile_pair(tmp_path / "maps")
    result = CliRunner().invoke(cli, ["suggest", str(maps / "left.yaml"), str(maps / "right.yaml")])
    assert result.exit_code == 0, result.output
    assert "\ufffd" in result.output and not ACTIVE.search(result.output)


def _aif(extra: str) -> str:
    return '{"nodes": [{"nodeID": "1", "type": "I", "text": "It rained."' + extra + '}], "edges": []}'


MALFORMED = {
    "utf7.xml": ('<?xml version="1.0" encoding="UTF-7"?>\n<arggraph id="micro_x"><edu id="e1">+AGE-</edu>'
                 "</arggraph>\n"),
    "surrogate.json": _aif(', "argmap": {"kind": "thesis"}').replace("It rained.", "\\ud800"),
    "nested.json": '{"nodeID": 1, "nodes": ' + "[" * 200_000 + "]" * 200_000 + ', "edges": []}',
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_import_is_a_located_error(tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    src.write_text(MALFORMED[name], encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert re.search(rf"{re.escape(str(src))}:\d+:\d+: error: ", result.output), result.output


@pytest.mark.parametrize("extra", [', "argmap": {"claim": {"a": 1}, "kind": "thesis"}',
                                   ', "argmap": {"claim": "c", "kind": ["thesis"], "mentions": {"x": 1}}'])
def test_odd_argmap_fields_in_aif_are_left_out(tmp_path: Path, extra: str) -> None:
    src = tmp_path / "odd.json"
    src.write_text(json.dumps(json.loads(_aif(extra))), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(src), "--out", str(tmp_path / "out")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "internal error" not in result.output


def test_a_node_id_of_five_thousand_digits_is_no_internal_error(tmp_path: Path) -> None:
    src = tmp_path / "big.json"
    src.write_text('{"nodes": [{"nodeID": ' + "9" * 5000 + ', "type": "I", "text": "It rained."}], "edges": []}')
    result = CliRunner().invoke(cli, ["import", str(src), "--out", str(tmp_path / "out")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "internal error" not in result.output
