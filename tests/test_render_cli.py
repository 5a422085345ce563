"""The diagram commands: render, build, compare --out (files written, JSON, errors without tracebacks)."""

from __future__ import annotations

import hashlib
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@needs_dot
@pytest.mark.parametrize(("ext", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF"),
                                            ("dot", b'digraph "alpha"')])
def test_render_writes_the_format_of_the_extension(tmp_path: Path, ext: str, magic: bytes) -> None:
    out = tmp_path / "sub" / f"alpha.{ext}"
    code, stdout, err = run("render", str(MINI / "alpha.yaml"), "--out", str(out), "--json")
    assert code == 0, err
    assert out.read_bytes().startswith(magic)
    assert json.loads(stdout) == {"map": "alpha", "path": str(out), "format": ext, "bytes": out.stat().st_size}
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left behind


@needs_dot
def test_render_focus(tmp_path: Path) -> None:
    out = tmp_path / "t.dot"
    code, _, err = run("render", str(MINI / "alpha.yaml"), "--out", str(out), "--focus", "T", "--depth", "0")
    assert code == 0, err
    assert 'id="P1"' not in out.read_text() and 'id="T"' in out.read_text()


@pytest.mark.parametrize(("args", "message"), [
    (["--out", "x.gif"], "end the file name in .svg, .png, .pdf or .dot"),
    (["--out", "x.svg", "--focus", "Q9"], "unknown node or claim 'Q9'"),
    (["--out", "x.svg", "--focus", "T", "--depth", "-2"], "depth must be 0 or more"),
])
def test_render_errors_exit_1_with_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    args = [a if a != "x.svg" and a != "x.gif" else str(tmp_path / a) for a in args]
    code, _, err = run("render", str(MINI / "alpha.yaml"), *args)
    assert code == 1 and message in err
    assert not list(tmp_path.iterdir())


def test_missing_dot_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = run("render", str(MINI / "alpha.yaml"), "--out", str(tmp_path / "a.svg"))
    assert code == 1
    assert "Graphviz's `dot` program was not found; install Graphviz with `apt-get install graphviz`" in err
    code, out, _ = run("build", str(MINI), "--out", str(tmp_path / "out"), "--json")
    assert code == 1 and "apt-get install graphviz" in json.loads(out)["error"]


@needs_dot
def test_compare_out_writes_the_diagram_and_prints_the_report(tmp_path: Path) -> None:
    out = tmp_path / "cmp.svg"
    code, stdout, err = run("compare", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"), "--out", str(out))
    assert code == 0, err
    assert stdout.startswith("# alpha vs beta")
    ids = {g.get("id") for g in ET.fromstring(out.read_bytes()).iter("{http://www.w3.org/2000/svg}g")}
    assert {"claim--china-spoke", "alpha--T", "beta--T"} <= ids
    code, stdout, _ = run("compare", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml"), "--out", str(out),
                          "--shared-only", "--json")
    assert code == 0 and json.loads(stdout)["left"]["id"] == "alpha"


@needs_dot
def test_build_writes_every_diagram_and_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = run("build", str(MINI), "--out", str(out), "--json")
    assert code == 0, err
    manifest = json.loads(stdout)
    assert manifest["maps"] == ["alpha", "beta"]
    paths = [f["path"] for f in manifest["files"]]
    assert paths == ["maps/alpha.svg", "maps/beta.svg", "compare/alpha--beta.svg", "compare/alpha--beta.md",
                     "compare/alpha--beta.json", "shared.md", "shared.json"]
    for f in manifest["files"]:
        data = (out / f["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["bytes"]
    ids = {g.get("id") for g in ET.fromstring((out / "maps/alpha.svg").read_bytes()).iter(
        "{http://www.w3.org/2000/svg}g")}
    assert {"T", "P1", "P2", "E1", "A1", "O1", "P3"} <= ids
    assert json.loads((out / "compare/alpha--beta.json").read_text())["disagreements"][0]["claim"] == "china-spoke"
    assert (out / "shared.md").read_text().startswith("# Shared premises: alpha, beta")
    code, again, _ = run("build", str(MINI), "--out", str(out), "--json")
    assert json.loads(again) == manifest  # byte-identical on a second run


@needs_dot
def test_build_of_three_maps_adds_pairs_and_an_all_diagram(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    shutil.copytree(MINI, maps)
    gamma = (maps / "beta.yaml").read_text().replace("id: beta", "id: gamma")
    (maps / "gamma.yaml").write_text(gamma)
    code, stdout, err = run("build", str(maps), "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    paths = {f["path"] for f in json.loads(stdout)["files"]}
    assert {"compare/alpha--beta.svg", "compare/alpha--gamma.svg", "compare/beta--gamma.svg",
            "compare/all.svg"} <= paths


def test_build_fails_on_warnings_and_errors(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    shutil.copytree(MINI, maps)
    (maps / "alpha.yaml").write_text((maps / "alpha.yaml").read_text().replace("kind: premise", "kind: premis", 1))
    code, _, err = run("build", str(maps), "--out", str(tmp_path / "out"))
    assert code == 1 and "did you mean 'premise'?" in err
    assert not (tmp_path / "out").exists()
