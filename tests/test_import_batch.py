"""``argmap import`` on a batch: every file that converts is written, every one that fails is located and counted.

A folder is read recursively, and only files whose name and contents a format recognises are opened as inputs:
a Markdown note that quotes ``<arggraph`` is not XML.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from argmap.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MICRO = FIXTURES / "microtexts"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _batch(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for stem in ("micro_b001", "micro_b003"):
        for ext in (".xml", ".txt"):
            shutil.copy(MICRO / f"{stem}{ext}", src / f"{stem}{ext}")
    (src / "micro_bad.xml").write_text('<arggraph id="micro_bad">\n  <edu id="e1">\n</arggraph>\n')
    shutil.copy(MICRO / "micro_b001.txt", src / "micro_bad.txt")
    return src


def test_a_batch_with_one_broken_file_writes_the_others_and_exits_non_zero_with_the_count(tmp_path: Path) -> None:
    src = _batch(tmp_path)
    result = run("import", str(src), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{src / 'micro_bad.xml'}:3:3: error: malformed XML: mismatched tag" in result.output
    assert result.output.rstrip().endswith("imported 2 map(s) into 2 folder(s) under "
                                           f"{tmp_path / 'out'}: 6 file(s) written, 0 unchanged; "
                                           "1 input(s) failed (see above)")
    assert (tmp_path / "out" / "waste_separation" / "micro_b001.yaml").is_file()
    assert (tmp_path / "out" / "seeds" / "micro_b003.txt").is_file()
    assert not list((tmp_path / "out").rglob("micro_bad*"))


def test_the_json_summary_names_the_failed_inputs_beside_the_maps_written(tmp_path: Path) -> None:
    src = _batch(tmp_path)
    result = run("import", str(src), "--out", str(tmp_path / "out"), "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert sorted(m["id"] for m in data["maps"]) == ["micro_b001", "micro_b003"]
    assert data["failed"] == [str(src / "micro_bad.xml")]
    assert data["diagnostics"][0]["line"] == 3


def test_when_every_input_fails_nothing_is_written_and_each_failure_is_named(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.json").write_text('{"nodeID": ')
    result = run("import", str(src / "a.json"), str(src / "b.xml"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{src / 'a.json'}:1:12: error: not valid JSON" in result.output
    assert f"{src / 'b.xml'}:1:1: error: cannot read" in result.output
    assert "argmap: nothing imported: 2 input(s) failed" in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_is_read_recursively_and_a_markdown_or_text_file_is_never_parsed_as_xml(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "deeper" / "still").mkdir(parents=True)
    for ext in (".xml", ".txt"):
        shutil.copy(MICRO / f"micro_b001{ext}", src / "deeper" / "still" / f"micro_b001{ext}")
    shutil.copy(FIXTURES / "aif" / "aifdb-6064.json", src / "deeper" / "aifdb-6064.json")
    (src / "notes.md").write_text('Our corpus uses <arggraph id="x"> roots, e.g.\n\n    <arggraph id="y">\n')
    (src / "outline.txt").write_text('<arggraph id="z">\n')
    result = run("import", str(src), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "malformed XML" not in result.output
    assert (tmp_path / "out" / "waste_separation" / "micro_b001.yaml").is_file()
    assert (tmp_path / "out" / "maps" / "aifdb-6064.yaml").is_file()


def test_a_markdown_file_named_on_the_command_line_is_not_read_as_xml(tmp_path: Path) -> None:
    note = tmp_path / "notes.md"
    note.write_text('<arggraph id="x">\n')
    result = run("import", str(note), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{note}:1:1: error: not a format argmap imports (formats: microtexts (.xml), aif (.json, .aif))" \
        in result.output


def test_an_empty_aif_file_imports_as_nothing_with_a_note_and_does_not_fail_the_batch(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text('{"nodes": [], "edges": [], "locutions": [], "participants": []}\n')
    result = run("import", str(empty), str(MICRO / "micro_b001.xml"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"{empty}:1:1: warning: an AIF graph with no statement (I-node): nothing to import" in result.output
    assert result.output.rstrip().endswith("0 unchanged; 1 note(s)")
    assert [p.name for p in (tmp_path / "out" / "waste_separation").iterdir()] != []


def test_a_file_in_a_folder_that_cannot_be_read_is_a_located_failure_not_a_hang(tmp_path: Path) -> None:
    import os

    src = _batch(tmp_path)
    (src / "micro_bad.xml").unlink()
    os.mkfifo(src / "micro_fifo.xml")  # nothing writes to it: a blocking read would hang
    result = run("import", str(src), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{src / 'micro_fifo.xml'}:1:1: error: cannot read: not a regular file" in result.output
    assert (tmp_path / "out" / "waste_separation" / "micro_b001.yaml").is_file()


def test_an_imports_folder_validates_whole_and_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("import", str(MICRO / "micro_b001.xml"), str(MICRO / "micro_b003.xml"), "--out", str(out)).exit_code == 0
    # one folder per topic, each with its registry: every map, each against its folder's registry
    built = run("build", str(out), "--out", str(tmp_path / "built"))
    assert built.exit_code == 0 and "ok: 2 map(s)" in built.output, built.output
    aif = run("import", str(FIXTURES / "aif" / "aifdb-6064.json"), "--out", str(out))
    assert aif.exit_code == 0, aif.output
    checked = run("validate", str(out))  # and maps/, for the AIF map that has no topic
    assert checked.exit_code == 0 and "3 maps valid" in checked.output, checked.output
    checked = run("validate", str(out / "maps"))
    assert checked.exit_code == 0 and "1 map valid" in checked.output, checked.output
    (tmp_path / "empty").mkdir()
    empty = run("validate", str(tmp_path / "empty"))
    assert empty.exit_code == 1 and "empty:1:1: error: no map here (a map is a .yaml file)" in empty.output
