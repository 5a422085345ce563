"""One way to name inputs: every command takes map ids, files, folders and '-' alike, with the same errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import bundled_maps_dir

ROOT = Path(__file__).resolve().parent.parent
TRIO = ROOT / "tests" / "fixtures" / "trio"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def in_trio(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder is one with ./maps (the trio fixture) and ./seeds beside it."""
    monkeypatch.chdir(TRIO)
    return TRIO


@pytest.fixture()
def elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The current folder has no ./maps."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_shared_takes_a_folder() -> None:
    code, out, err = run("shared", str(TRIO / "maps"), "--json")
    assert code == 0, err
    assert json.loads(out)["maps"] == ["alpha", "beta", "gamma"]


def test_coverage_takes_a_map_id(in_trio: Path) -> None:
    code, out, err = run("coverage", "alpha", "--json")
    assert code == 0, err
    assert [r["map"] for r in json.loads(out)] == ["alpha"]


@pytest.mark.parametrize("command", [
    ["validate"], ["coverage"], ["show"], ["shared"], ["export"], ["render", "--out", "x.dot"], ["build", "--out", "o"],
    ["site", "--out", "o"],
])
def test_every_command_takes_an_id_a_file_and_a_folder_alike(in_trio: Path, tmp_path: Path, command: list[str]) -> None:
    name, *rest = command
    rest = [str(tmp_path / r) if r in ("x.dot", "o") else r for r in rest]
    for ref in ("beta", "maps/b.yaml", str(TRIO / "maps" / "b.yaml")):
        code, _, err = run(name, ref, *rest)
        assert code == 0, (ref, err)


@pytest.mark.parametrize("command", [["validate"], ["coverage"], ["show"], ["shared"], ["render", "--out", "x.svg"],
                                     ["compare", "alpha"], ["handout", "alpha"], ["export"], ["build"], ["site", "-o", "o"]])
def test_an_unknown_id_gets_the_same_error_in_every_command(in_trio: Path, command: list[str]) -> None:
    name, *rest = command
    code, _, err = run(name, *rest, "betta")
    assert code == 1
    assert "argmap: unknown map 'betta' (did you mean 'beta'?); looked in maps/" in err


def test_a_missing_path_is_no_such_file(in_trio: Path) -> None:
    code, _, err = run("show", "maps/nope.yaml")
    assert code == 1
    assert "maps/nope.yaml:1:1: error: no such file or folder" in err


def test_validate_reads_a_map_from_stdin(in_trio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TRIO / "maps")  # the essay path ../seeds/a.txt is relative to the current folder
    text = (TRIO / "maps" / "a.yaml").read_bytes()
    code, out, err = run("validate", "-", stdin=text)
    assert code == 0, out + err
    assert "ok: 1 map valid" in err + out
    broken = text.replace(b"quote: Higher deposits", b"quote: Highr deposits")
    code, out, _ = run("validate", "-", stdin=broken)
    assert code == 1
    assert out.startswith("<stdin>:17:12: error: nodes[1].quote: not found in a.txt")


def test_show_reads_a_map_from_stdin(in_trio: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TRIO / "maps")
    code, out, err = run("show", "-", stdin=(TRIO / "maps" / "c.yaml").read_bytes())
    assert code == 0, err
    assert out.startswith("Keep the deposit  [gamma]")


def test_validate_says_when_it_falls_back_to_the_bundled_maps(elsewhere: Path) -> None:
    code, _, err = run("validate")
    assert code == 0
    assert f"argmap: no ./maps here; using the bundled maps ({bundled_maps_dir()})" in err


def test_no_note_when_there_is_a_local_maps_folder(in_trio: Path) -> None:
    code, _, err = run("validate")
    assert code == 0
    assert "bundled" not in err


def test_show_from_another_folder_says_where_it_looked(elsewhere: Path) -> None:
    code, _, err = run("show", "alpha")
    assert code == 1
    assert "no ./maps here; using the bundled maps" in err
    assert "unknown map 'alpha'" in err and f"looked in {bundled_maps_dir()}/" in err


def test_show_of_a_folder_of_several_maps_says_it_takes_one(in_trio: Path) -> None:
    code, _, err = run("show", "maps")
    assert code == 1
    assert "show takes one map; the arguments name 3: alpha, beta, gamma" in err


def test_render_focus_takes_a_relation_id(in_trio: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.dot"
    code, _, err = run("render", "alpha", "--out", str(out), "--focus", "r1", "--json")
    assert code == 0, err
    dot = out.read_text()
    assert 'id="P1"' in dot and 'id="T"' in dot and 'id="O1"' not in dot


def test_compare_focus_takes_a_relation_id(in_trio: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.dot"
    code, _, err = run("compare", "alpha", "beta", "--out", str(out), "--focus", "alpha--r1")
    assert code == 0, err
    assert "neighbourhood of alpha--r1" in out.read_text()
    code, _, err = run("compare", "alpha", "beta", "--out", str(out), "--focus", "r1")  # unique among the maps
    assert code == 0, err


def test_a_copied_folder_is_read_like_maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(TRIO, tmp_path / "case")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("shared", "case/maps", "--premises-only", "--json")
    assert code == 0, err
    assert [c["claim"] for c in json.loads(out)["claims"]] == ["returns-rise"]


def test_serve_says_when_it_serves_the_bundled_maps(elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_MAPS_DIR", raising=False)
    code, out, err = run("serve", "--get", "/healthz")
    assert code == 0, err
    assert json.loads(out)["map_ids"] == ["bankruptcy", "enforcer"]
    assert f"argmap: no ./maps here; using the bundled maps ({bundled_maps_dir()})" in err


def test_a_map_on_stdin_reads_its_essay_from_the_current_folder(in_trio: Path) -> None:
    code, out, _ = run("validate", "-", stdin=(TRIO / "maps" / "a.yaml").read_bytes())  # from trio/, not trio/maps/
    assert code == 1
    assert ("<stdin>:6:9: error: source.path: cannot read essay '../seeds/a.txt': No such file or directory "
            "(the path is relative to the current folder for a map on standard input") in out


# Every command that reads maps, with what it needs besides them; {out} is a fresh path for its output.
READERS: dict[str, tuple[int, list[str]]] = {  # command: (how many maps it takes, 0 = any; other arguments)
    "validate": (0, []), "coverage": (0, []), "shared": (0, []), "show": (1, []), "render": (1, ["--out", "{out}.svg"]),
    "export": (0, ["--format", "argdown"]), "compare": (2, []), "suggest": (2, []), "handout": (2, ["--format", "md"]),
    "lesson": (2, ["--out", "{out}"]),
    "slides": (1, ["--out", "{out}.html"]), "site": (0, ["--out", "{out}"]), "build": (0, ["--out", "{out}"]),
}


def test_the_table_names_every_command_that_reads_maps() -> None:
    from argmap.cli import COMMANDS

    takes_no_maps = {"schema", "import", "serve", "new", "preview"}
    assert set(READERS) == set(COMMANDS) - takes_no_maps


@pytest.fixture(autouse=True)
def _no_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    """What these tests check is how commands read maps; printing PDFs is tested where it is the subject
    (test_site_browser, test_classroom_lesson), so here Chromium is not started."""
    monkeypatch.setattr("argmap.classroom.browser.html_to_pdf", lambda html, timeout=60.0: b"%PDF-1.7\n")


def _args(command: str, refs: list[str], out: Path) -> list[str]:
    return [command, *refs, *(r.format(out=out) for r in READERS[command][1])]


@pytest.mark.parametrize("command", sorted(READERS))
def test_every_command_reads_a_map_from_stdin(in_trio: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                command: str) -> None:
    monkeypatch.chdir(TRIO / "maps")  # the essay path ../seeds/a.txt is relative to the current folder
    count, _ = READERS[command]
    refs = ["-", "b.yaml"] if count == 2 else ["-"]
    code, out, err = run(*_args(command, refs, tmp_path / "out"), stdin=(TRIO / "maps" / "a.yaml").read_bytes())
    assert code == 0, out + err
    assert "none was given" not in err


@pytest.mark.parametrize("command", sorted(READERS))
def test_every_command_says_when_it_falls_back_to_the_bundled_maps(elsewhere: Path, command: str) -> None:
    count, _ = READERS[command]
    refs = {1: ["enforcer"], 2: ["bankruptcy", "enforcer"]}.get(count, [])
    code, out, err = run(*_args(command, refs, elsewhere / "out"))
    assert code == 0, out + err
    assert f"argmap: no ./maps here; using the bundled maps ({bundled_maps_dir()})" in err


@pytest.mark.parametrize("command", sorted(READERS))
def test_every_command_gives_an_unknown_id_the_same_error(in_trio: Path, tmp_path: Path, command: str) -> None:
    count, _ = READERS[command]
    refs = ["alpha", "betta"] if count == 2 else ["betta"]
    code, _, err = run(*_args(command, refs, tmp_path / "out"))
    assert code == 1
    assert "argmap: unknown map 'betta' (did you mean 'beta'?); looked in maps/" in err
