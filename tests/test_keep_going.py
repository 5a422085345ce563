"""Validation that helps on a folder: the summary counts the valid maps, ``build`` and ``export`` go on past a
failed map with ``--keep-going`` (writing the others' outputs and naming it), and a hint never proposes a fix
that is itself an error."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli

ARGGRAPH = Path(__file__).resolve().parent / "fixtures" / "arggraph"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Two imported texts in one folder of maps; ``broken`` loses the support of its thesis and the rebuttal that
    answers its objection."""
    out = tmp_path / "imported"
    assert run("import", str(ARGGRAPH / "arggraph_restated.xml"), str(ARGGRAPH / "arggraph_joint.xml"),
               "--out", str(out)).exit_code == 0
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.move(out / "seeds", tmp_path / "seeds")
    good = (out / "compulsory_school_uniforms" / "arggraph_joint.yaml").read_text()
    (maps / "good.yaml").write_text(good.replace("id: arggraph_joint", "id: good"))
    broken = (out / "more_bike_lanes" / "arggraph_restated.yaml").read_text()
    broken = broken.replace("id: arggraph_restated", "id: broken").replace('  - "c3: a4 -| a3"\n', "")
    broken = broken.replace('  - "c1: a2 -> a1"\n', "")
    (maps / "broken.yaml").write_text(broken)
    (maps / "claims.yaml").write_text("claims:\n  - {id: compulsory_school_uniforms, wording: Uniforms.}\n"
                                      "  - {id: more_bike_lanes, wording: Bike lanes.}\n")
    return maps


def test_the_folder_summary_counts_the_maps_that_are_valid(folder: Path) -> None:
    result = run("validate", str(folder))
    assert result.exit_code == 1
    assert result.output.rstrip().endswith("FAILED: 1 map valid, 1 error, 2 warnings")
    data = json.loads(run("validate", str(folder), "--json").output)
    assert data["maps"] == ["good"] and data["valid"] is False


def test_strict_counts_a_map_with_warnings_as_not_valid(folder: Path) -> None:
    (folder / "broken.yaml").unlink()
    (folder / "claims.yaml").write_text("claims:\n  - {id: compulsory_school_uniforms, wording: Uniforms.}\n")
    assert run("validate", "--strict", str(folder)).output.rstrip().endswith("ok: 1 map valid, 0 errors, "
                                                                              "0 warnings")
    shutil.copy(folder / "good.yaml", folder / "other.yaml")
    text = (folder / "other.yaml").read_text().replace("id: good", "id: other").replace('  - "c2: a3 ..> a2"\n', "")
    (folder / "other.yaml").write_text(text)
    assert "FAILED: 1 map valid, 0 errors, 1 warning" in run("validate", "--strict", str(folder)).output


@needs_dot
def test_build_writes_the_valid_maps_with_keep_going_and_names_the_failed_one(folder: Path, tmp_path: Path) -> None:
    refused = run("build", str(folder), "--out", str(tmp_path / "out1"))
    assert refused.exit_code == 1 and not (tmp_path / "out1").exists()
    result = run("build", str(folder), "--out", str(tmp_path / "out2"), "--keep-going")
    assert result.exit_code == 1
    assert (tmp_path / "out2" / "maps" / "good.svg").is_file()
    assert not (tmp_path / "out2" / "maps" / "broken.svg").exists()
    assert "broken.yaml:10:5: error: the thesis 'a1' is neither supported nor defended" in result.output
    assert "argmap: 1 map failed and was left out: " in result.output
    assert result.output.rstrip().endswith(str(folder / "broken.yaml"))


def test_export_writes_the_valid_maps_with_keep_going_and_names_the_failed_one(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.argdown"
    assert run("export", str(folder), "--out", str(out)).exit_code == 1 and not out.exists()
    result = run("export", str(folder), "--out", str(out), "--keep-going")
    assert result.exit_code == 1
    text = out.read_text()
    assert 'map: "good"' in text and 'map: "broken"' not in text
    assert result.output.rstrip().endswith(f"1 map failed and was left out: {folder / 'broken.yaml'}")


MAP = """id: m
title: t
source: {{path: e.txt, sha256: {sha}}}
nodes:
  - {{id: T, kind: thesis, text: A., quote: A.}}
  - {{id: a2, kind: premise, text: B., quote: B.}}
  - {{id: a3, kind: objection, text: C., quote: C.}}
relations:
{relations}
"""
CASES = {
    "the only premise attacks the thesis": ["a2 -| T", "a3 -> a2"],
    "the thesis supports the only premise": ["T -> a2", "a3 -| T"],
    "the premise attacks the thesis, which supports it": ["a2 -| T", "T -> a2", "a3 -> a2"],
}


@pytest.mark.parametrize("relations", CASES.values(), ids=list(CASES))
def test_every_relation_a_thesis_hint_suggests_is_valid_and_makes_the_thesis_stand(tmp_path: Path,
                                                                                   relations: list[str]) -> None:
    import hashlib

    (tmp_path / "e.txt").write_text("A. B. C.\n")
    sha = hashlib.sha256(b"A. B. C.\n").hexdigest()

    def check(rels: list[str]) -> str:
        (tmp_path / "m.yaml").write_text(MAP.format(sha=sha, relations="\n".join(f'  - "{r}"' for r in rels)))
        return run("validate", str(tmp_path / "m.yaml")).output

    output = check(relations)
    (line,) = [x for x in output.splitlines() if "neither supported nor defended" in x]
    suggested = [s for s in re.findall(r"'([^']+ (?:->|-\|) [^']+)'", line) if "ID" not in s]
    for fix in suggested:
        fixed = check([*relations, fix])
        assert " error: " not in fixed, (line, fix, fixed)
