"""AIF export: every statement an I-node, every relation an RA/CA node, linked premises and undercuts kept."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus import Corpus
from argmap.export import to_aif

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def test_aif_nodes_mirror_the_map(mini: Corpus) -> None:
    gm = mini.get("alpha")
    aif = to_aif(gm)
    types = [n["type"] for n in aif["nodes"]]
    assert types.count("I") == len(gm.model.nodes)
    assert types.count("RA") == sum(r.type == "supports" for r in gm.model.relations)
    assert types.count("CA") == sum(r.type == "attacks" for r in gm.model.relations)


def test_linked_premises_share_one_inference_node(mini: Corpus) -> None:
    aif = to_aif(mini.get("alpha"))
    into_r1 = sorted(e["fromID"] for e in aif["edges"] if e["toID"] == "rel:r1")
    assert into_r1 == ["A1", "P1"]
    assert [e["toID"] for e in aif["edges"] if e["fromID"] == "rel:r1"] == ["T"]


def test_cli_export_writes_the_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "alpha.aif.json"
    result = CliRunner().invoke(cli, ["export", str(MINI / "alpha.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["argmap"]["map"] == "alpha"
    assert [p.name for p in tmp_path.iterdir()] == ["alpha.aif.json"]
