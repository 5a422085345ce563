"""The CLI's core commands: exit codes, JSON on every command, errors without tracebacks, docs in sync."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.format.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_validate_bundled_is_clean() -> None:
    code, out, err = run("validate", "--strict", str(ROOT / "maps"))
    assert code == 0, out + err
    assert "ok: 2 maps valid, 0 errors, 0 warnings" in out


@pytest.mark.parametrize("args", [
    ["validate", str(MINI)],
    ["coverage", str(MINI)],
    ["show", str(MINI / "alpha.yaml")],
    ["shared", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml")],
    ["compare", str(MINI / "alpha.yaml"), str(MINI / "beta.yaml")],
])
def test_every_core_command_speaks_json(args: list[str]) -> None:
    code, out, _ = run(*args, "--json")
    assert code == 0
    json.loads(out)


def test_schema_command_prints_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["title"] == "argmap argument map"
    code, same, _ = run("schema", "--json")
    assert code == 0 and same == out


def test_every_command_takes_json() -> None:
    """The README promises --json everywhere; a new command without it fails here."""
    import click

    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert len(names) >= 12
    for name in names:
        command = cli.get_command(ctx, name)
        assert command is not None
        assert any("--json" in p.opts for p in command.params), f"argmap {name} has no --json"


def test_committed_schemas_are_up_to_date() -> None:
    assert (ROOT / "schema" / "map.schema.json").read_text() == schema_text(), "run `make schema`"
    assert (ROOT / "schema" / "claims.schema.json").read_text() == schema_text(registry=True), "run `make schema`"


def test_maps_by_id_or_path_give_the_same_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _, by_id, _ = run("compare", "bankruptcy", "enforcer", "--json")
    _, by_path, _ = run("compare", "maps/bankruptcy.yaml", "enforcer", "--json")
    assert json.loads(by_id) == json.loads(by_path)
    assert json.loads(by_id)["left"]["id"] == "bankruptcy"


def test_unknown_map_id_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, _, err = run("show", "bankrupcy")
    assert code == 1
    assert "argmap: unknown map 'bankrupcy' (did you mean 'bankruptcy'?)" in err


def test_invalid_map_exits_1_with_located_errors_in_json(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "m")
    bad = tmp_path / "m" / "beta.yaml"
    bad.write_text(bad.read_text().replace("kind: premise", "kind: premis", 1))
    code, out, _ = run("validate", str(tmp_path / "m"), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["valid"] is False
    d = report["diagnostics"][0]
    assert (d["line"], d["column"], d["hint"]) == (13, 11, "did you mean 'premise'?")


def test_warning_fails_only_with_strict(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "m")
    alpha = tmp_path / "m" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - P3 -| O1\n", ""))
    assert run("validate", str(tmp_path / "m"))[0] == 0
    code, out, _ = run("validate", "--strict", str(tmp_path / "m"))
    assert code == 1
    assert "warning: node 'P3' is not connected to the argument" in out


def test_with_no_paths_commands_use_bundled_maps_from_any_folder(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": ""}
    proc = subprocess.run([sys.executable, "-m", "argmap", "validate", "--strict"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "2 maps valid" in proc.stdout


def test_importing_argmap_and_its_short_names_list_imports_nothing_heavy() -> None:
    code = ("import sys, argmap; names = dir(argmap)\n"
            "heavy = [m for m in ('networkx', 'fastapi', 'graphviz', 'pydantic', 'yaml') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY="
    import argmap

    assert all(getattr(argmap, name) is not None for name in argmap.__all__)


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from argmap.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('networkx', 'fastapi', 'graphviz', 'pydantic', 'yaml') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY="


@pytest.mark.parametrize(("args", "unneeded"), [
    (["validate", "MAP"], ("networkx", "graphviz", "argmap.queries.coverage", "argmap.render", "rich", "fastapi")),
    (["render", "MAP", "--out", "OUT"], ("networkx", "graphviz", "argmap.queries.coverage", "rich", "fastapi")),
])
def test_validate_and_render_import_only_what_they_need(tmp_path: Path, args: list[str], unneeded: tuple[str, ...]) -> None:
    """The quick start: the edit-save-check loop does not pay for the merge, the coverage report or the service."""
    argv = [str(ROOT / "maps" / "enforcer.yaml") if a == "MAP" else str(tmp_path / "x.svg") if a == "OUT" else a
            for a in args]
    code = ("import sys; from argmap.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
            f"print('LOADED=' + ','.join(m for m in {unneeded!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "LOADED=", proc.stderr


def test_validate_coverage_warns_at_the_maps_source_path_naming_the_paragraph(tmp_path: Path) -> None:
    import hashlib

    from helpers import build_corpus, node

    build_corpus(tmp_path, {"a": ([node("a", "T", "thesis"), node("a", "P")], ["P -> T"])}, {})
    essay = tmp_path / "a.txt"
    text = essay.read_text(encoding="utf-8") + "\nA whole paragraph of argument that no node of the map quotes.\n"
    essay.write_text(text, encoding="utf-8")
    doc = json.loads((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    doc["source"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    (tmp_path / "a.yaml").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    code, out, _ = run("validate", "--coverage", "--json", str(tmp_path))
    (d,) = json.loads(out)["diagnostics"]
    where = next(i for i, line in enumerate((tmp_path / "a.yaml").read_text().splitlines(), 1) if '"a.txt"' in line)
    assert (code, d["severity"], d["line"]) == (0, "warning", where)
    assert d["message"].startswith("sentence 3 of a.txt (line 5) is quoted by no node: A whole paragraph")
