"""``argmap import`` writes only maps that ``argmap validate`` accepts, and names the damaged files it skips.

A converted map that breaks a rule of the map format fails its input, located at that file, and nothing is
written for it; the rest of the batch goes on.  In a folder, a file with a format's name ending that is empty or
not UTF-8 text is skipped with a warning; other files (a ``package.json``) are passed over without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from argmap.cli import cli


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _aif(premise: str) -> str:
    """An AIF graph of two statements, the premise supporting the claim."""
    nodes = [{"nodeID": "1", "type": "I", "text": "Cats make good pets."},
             {"nodeID": "2", "type": "I", "text": premise},
             {"nodeID": "3", "type": "RA", "text": "Default Inference"}]
    edges = [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}]
    return json.dumps({"nodes": nodes, "edges": edges})


def _batch(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.json").write_text(_aif("They keep mice away."))
    (src / "long.json").write_text(_aif(" ".join(["They purr."] * 400)))  # 4,399 characters: over 4,000
    return src


def test_a_statement_too_long_for_a_map_fails_its_input_and_the_rest_of_the_batch_is_written(tmp_path: Path) -> None:
    src, out = _batch(tmp_path), tmp_path / "out"
    result = run("import", str(src), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert (f"{src / 'long.json'}:1:1: error: its map (maps/long.yaml) would not validate: statement 'I2': "
            "nodes[1].text: too long (4,399 characters; ") in result.output
    assert "nothing is written for this file" in result.output
    assert not (out / "maps" / "long.yaml").exists() and not (out / "seeds" / "long.txt").exists()
    assert (out / "maps" / "good.yaml").exists() and (out / "seeds" / "good.txt").exists()
    assert "imported 1 map(s)" in result.output and "1 input(s) failed" in result.output
    assert run("validate", str(out / "maps")).exit_code == 0


def test_the_json_summary_counts_a_map_that_would_not_validate_as_failed(tmp_path: Path) -> None:
    src = _batch(tmp_path)
    result = run("import", str(src), "--out", str(tmp_path / "out"), "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["failed"] == [str(src / "long.json")]
    assert [m["id"] for m in report["maps"]] == ["good"]
    assert {d["message"].split(":")[0] for d in report["diagnostics"]} == {"its map (maps/long.yaml) would not validate"}


def test_a_map_that_validates_with_warnings_is_written_and_its_warnings_are_counted(tmp_path: Path) -> None:
    aif = json.loads(_aif("They keep mice away."))
    aif["nodes"].append({"nodeID": "9", "type": "I", "text": "Dogs bark."})  # related to nothing
    (tmp_path / "loose.json").write_text(json.dumps(aif))
    result = run("import", str(tmp_path / "loose.json"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (f"{tmp_path / 'loose.json'}:1:1: warning: its map (maps/loose.yaml) has 1 warning(s): "
            "node 'I9' is not connected to the argument") in result.output
    assert (tmp_path / "out" / "maps" / "loose.yaml").exists() and "1 note(s)" in result.output


def test_an_empty_or_utf16_input_in_a_folder_is_skipped_with_a_warning_and_other_files_are_not(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.json").write_text(_aif("They keep mice away."))
    (src / "micro_b005.xml").write_bytes(b"")
    (src / "micro_b005.txt").write_text("Cats make good pets.")
    (src / "utf16.json").write_bytes(_aif("They keep mice away.").encode("utf-16"))
    (src / "package.json").write_text('{"name": "corpus"}')
    result = run("import", str(src), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output  # a warning does not fail the import
    assert f"{src / 'micro_b005.xml'}:1:1: warning: skipped: the file is empty (restore it" in result.output
    assert f"{src / 'utf16.json'}:1:1: warning: skipped: UTF-16 text, not UTF-8 (save it as UTF-8" in result.output
    assert "package.json" not in result.output and "micro_b005.txt" not in result.output
    assert "imported 1 map(s)" in result.output and "2 note(s)" in result.output


def test_an_empty_input_named_alone_is_an_error_that_says_it_is_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_bytes(b"")
    result = run("import", str(tmp_path / "empty.json"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'empty.json'}:1:1: error: cannot import it: the file is empty" in result.output
    assert not (tmp_path / "out").exists()
