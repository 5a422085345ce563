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
    (["--out", "x.gif"], "cannot tell the diagram format from 'x.gif'; end it in .svg, .png, .pdf or .dot"),
    (["--out", "x.svg", "--focus", "Q9"], "unknown node, relation or claim 'Q9'"),
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


def three_maps(tmp_path: Path) -> Path:
    maps = tmp_path / "maps"
    shutil.copytree(MINI, maps)
    (maps / "gamma.yaml").write_text((maps / "beta.yaml").read_text().replace("id: beta", "id: gamma"))
    return maps


@needs_dot
def test_build_gives_the_same_files_in_the_same_order_whatever_the_jobs(tmp_path: Path) -> None:
    maps = three_maps(tmp_path)
    manifests = []
    for jobs in ("1", "2", "5"):
        code, stdout, err = run("build", str(maps), "--out", str(tmp_path / f"out{jobs}"), "--jobs", jobs, "--json")
        assert code == 0, err
        manifests.append([(f["path"], f["sha256"]) for f in json.loads(stdout)["files"]])
    assert manifests[0] == manifests[1] == manifests[2]
    assert len(manifests[0]) == 15  # 3 maps, 3 pairs x 3 files, all.svg, shared.md and .json


def test_build_jobs_must_be_positive(tmp_path: Path) -> None:
    code, _, err = run("build", str(MINI), "--out", str(tmp_path / "out"), "-j", "0")
    assert code == 2 and "0 is not in the range x>=1" in err
    assert not (tmp_path / "out").exists()


def test_a_failing_diagram_stops_the_build_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.errors import RenderError
    from argmap.render.dotpool import DotPool

    rendered: list[str] = []

    def fake_render(dot: str, fmt: str, *, timeout: float = 30.0) -> bytes:
        if dot.startswith('digraph "gamma"'):
            raise RenderError("Graphviz's `dot` failed (exit status 1): syntax error in line 1")
        rendered.append(dot.split("\n", 1)[0])
        return b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'

    monkeypatch.setattr(DotPool, "render_svg", lambda self, dot, *, timeout=None: fake_render(dot, "svg"))
    out = tmp_path / "out"
    code, _, err = run("build", str(three_maps(tmp_path)), "--out", str(out), "--jobs", "2")
    assert code == 1
    assert "Graphviz's `dot` failed (exit status 1): syntax error in line 1" in err
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["maps/alpha.svg", "maps/beta.svg"]  # whole files before the failure, no temporary ones


def test_beyond_six_maps_build_draws_no_comparison(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seven columns no longer read as one diagram, and 21 pairs are too many to print: only the shared report."""
    from argmap.render.dotpool import DotPool

    monkeypatch.setattr(DotPool, "render_svg", lambda self, dot, *, timeout=None: b"<svg/>")
    maps = tmp_path / "maps"
    shutil.copytree(MINI, maps)
    beta = (maps / "beta.yaml").read_text()
    for n in range(5):
        (maps / f"m{n}.yaml").write_text(beta.replace("id: beta", f"id: m{n}"))
    code, stdout, err = run("build", str(maps), "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    paths = [f["path"] for f in json.loads(stdout)["files"]]
    assert paths == [*(f"maps/{i}.svg" for i in ["alpha", "beta", "m0", "m1", "m2", "m3", "m4"]),
                     "shared.md", "shared.json"]


def test_build_help_names_the_limit_build_applies() -> None:
    """The help says which corpora get a compare/ folder, from the limit the build uses (the test above: seven maps
    get none)."""
    import argmap.corpus.pairs

    code, out, _ = run("build", "--help")
    text = " ".join(out.split())
    assert code == 0
    assert (f"with up to {argmap.corpus.pairs.PAIR_LIMIT} maps, also compare/<a>--<b>.svg|.md|.json for each pair "
            "and, with three or more, compare/all.svg (a larger corpus gets no compare/ folder") in text, text


def test_build_renders_each_diagram_once_some_while_the_maps_are_still_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.corpus.load import check_corpus, load_corpus
    from argmap.jobs.build import EarlyDiagrams, build_outputs
    from argmap.render.dotpool import DotPool

    rendered: list[str] = []

    def fake_render(dot: str, fmt: str, *, timeout: float = 30.0) -> bytes:
        rendered.append(dot.split("\n", 1)[0])
        return hashlib.sha256(dot.encode()).hexdigest().encode()

    monkeypatch.setattr(DotPool, "render_svg", lambda self, dot, *, timeout=None: fake_render(dot, "svg"))
    maps = three_maps(tmp_path)
    plain = list(build_outputs(load_corpus([maps]), jobs=2))
    rendered.clear()
    with EarlyDiagrams(2) as early:
        corpus, _ = check_corpus([maps], on_map=early.offer)
        assert corpus is not None and early.started == 3  # each started as soon as its map was checked
        assert list(build_outputs(corpus, early=early)) == plain
    assert sorted(rendered) == sorted(set(rendered)) and len(rendered) == sum(p.endswith(".svg") for p, _ in plain)
