"""The bad-input suite: every way a hand-written map or registry can be wrong, with its exact diagnostics.

Layout of ``tests/malformed/``:

* A *case* is named by ``<name>.expected``.  Its input is ``<name>.yaml`` (one map), or the folder ``<name>/``
  (a registry and/or several maps), unless the first line of the ``.expected`` file is a command,
  ``$ argmap validate --strict tests/malformed/x.yaml``, which says exactly what to run.
* The other lines of ``<name>.expected`` are the exact diagnostic lines that ``argmap validate`` prints on stdout
  (``argmap import`` cases: on stderr, before its one-line summary)
  when run from the repository root (``path:line:column: severity: message (hint)``), in order.  The verdict line
  goes to stderr and is checked against the counts of those lines.
* Registry: single-file cases use ``tests/malformed/claims.yaml``, which argmap finds because it sits beside them
  under the name ``claims.yaml``; no ``--claims`` is needed.  Folder cases carry their own ``claims.yaml``.
* Essays live in ``tests/malformed/essays/``; every map records the correct sha256 of its essay except the
  changed-essay cases, which point at edited copies.  ``baseline.yaml`` is the valid map that each case departs
  from by one defect; the suite checks that it passes, so a case fails for its defect only.
* The oversized file is generated into ``tmp_path`` rather than committed.

Cases that show a bug in the library (a wrong location, a misleading message) are marked
``xfail(strict=True)`` with their intended output in the ``.expected`` file, listed in ``LIBRARY_BUGS`` below.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "malformed"
REL = "tests/malformed"
LINE = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>[1-9]\d*):(?P<column>[1-9]\d*): (?P<severity>error|warning): \S.*$")
VERDICT = re.compile(r"^(ok|FAILED): (\d+) maps? valid, (\d+) errors?, (\d+) warnings?( \(failing because of --strict\))?$")

# Cases whose output once depended on the string hash seed: run in fresh processes under several seeds.
HASH_SENSITIVE = {"cycle-of-two", "cycle-of-three"}
HASH_SEEDS = ("0", "1", "2", "3")

# Cases whose .expected file holds the output argmap should give but does not yet (a known library bug).
LIBRARY_BUGS: dict[str, str] = {}  # none open; add "case": "reason" to mark a known library bug as xfail


def _case_names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.expected"))


def _read_case(name: str) -> tuple[list[str], list[str]]:
    """The argv after 'argmap', and the expected diagnostic lines."""
    lines = (CASES / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("$ "):
        command = shlex.split(lines[0][2:])
        assert command[0] == "argmap", lines[0]
        return command[1:], lines[1:]
    target = f"{REL}/{name}" if (CASES / name).is_dir() else f"{REL}/{name}.yaml"
    return ["validate", target], lines


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so argmap prints paths as tests/malformed/..."""
    monkeypatch.chdir(REPO)
    return REPO


def run(args: list[str]) -> Result:
    # catch_exceptions=False: a bug surfaces as an exception here instead of a quiet exit code 1.
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def _check_verdict(result: Result, expected: list[str], ok: bool) -> None:
    verdict = result.stderr if not ok else result.stdout
    match = VERDICT.match(verdict.strip().splitlines()[-1])
    assert match, verdict
    errors = sum(": error: " in line for line in expected)
    assert (match.group(1), int(match.group(3)), int(match.group(4))) == (
        "ok" if ok else "FAILED", errors, len(expected) - errors)
    assert bool(match.group(5)) is (not ok and not errors)  # only a --strict failure says it is one


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=LIBRARY_BUGS[n])) if n in LIBRARY_BUGS else n
    for n in _case_names()
])
def test_case_gives_exact_diagnostics(name: str, at_repo: Path) -> None:
    args, expected = _read_case(name)
    if name in HASH_SENSITIVE:
        for seed in HASH_SEEDS:
            proc = _run_process(args, PYTHONHASHSEED=seed)
            assert (proc.returncode, proc.stdout.splitlines()) == (1, expected), f"PYTHONHASHSEED={seed}"
        return
    result = run(args)
    assert result.exit_code == 1
    if args[0] == "import":  # argmap import reports on stderr, then one summary line, and writes nothing
        assert result.stderr.splitlines()[:-1] == expected
        assert not Path(REPO, args[args.index("--out") + 1]).exists()
        return
    assert result.stdout.splitlines() == expected
    _check_verdict(result, expected, ok=False)


def test_there_are_enough_cases_and_each_has_its_expected_output() -> None:
    names = set(_case_names())
    assert len(names) >= 40
    inputs = {p.stem for p in CASES.glob("*.yaml")} | {p.name for p in CASES.iterdir() if p.is_dir()}
    orphans = inputs - names - {"baseline", "claims", "essays"}
    assert not orphans, f"inputs without a .expected file: {sorted(orphans)}"
    for name in names:
        args, expected = _read_case(name)
        assert expected, f"{name}.expected lists no diagnostic"
        for line in expected:
            assert LINE.match(line), f"{name}.expected: not a 'path:line:column: severity: message' line: {line}"
        if not (CASES / f"{name}.expected").read_text(encoding="utf-8").startswith("$ "):
            assert Path(REPO, args[-1]).exists(), f"{name}: no input {args[-1]}"


def test_baseline_is_valid_with_strict(at_repo: Path) -> None:
    result = run(["validate", "--strict", f"{REL}/baseline.yaml"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["ok: 1 map valid, 0 errors, 0 warnings"]


def test_a_warning_fails_only_with_strict(at_repo: Path) -> None:
    _, expected = _read_case("unconnected-node")
    result = run(["validate", f"{REL}/unconnected-node.yaml"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:-1] == expected
    _check_verdict(result, expected, ok=True)


def test_python_tag_is_never_constructed(at_repo: Path) -> None:
    result = run(["validate", f"{REL}/python-object-tag.yaml"])
    assert result.exit_code == 1
    assert "pwned" not in result.stdout + result.stderr


def _padded_baseline(folder: Path, size: int) -> Path:
    """baseline.yaml padded with comment lines to exactly ``size`` bytes, beside a copy of its essays."""
    shutil.copytree(CASES / "essays", folder / "essays")
    shutil.copy(CASES / "claims.yaml", folder / "claims.yaml")
    text = (CASES / "baseline.yaml").read_bytes()
    filler = b"# padding to grow the file past the size limit, to check that it is refused early\n"
    missing = size - len(text)
    body = text + filler * (missing // len(filler))
    body += b"#" * (size - len(body) - 1) + b"\n"
    assert len(body) == size
    target = folder / "big.yaml"
    target.write_bytes(body)
    return target


def test_oversized_file_is_refused(at_repo: Path, tmp_path: Path) -> None:
    limit = 1_048_576
    at_limit = _padded_baseline(tmp_path / "at", limit)
    assert run(["validate", str(at_limit)]).exit_code == 0  # the bound itself is allowed
    over = _padded_baseline(tmp_path / "over", limit + 1)
    result = run(["validate", str(over)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{over}:1:1: error: file is 1,048,577 bytes, over the limit of 1,048,576 "
        "(split it, or check that this is really an argument map)"]


def _line_of(d: dict[str, Any]) -> str:
    hint = f" ({d['hint']})" if d["hint"] else ""
    return f"{d['path']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}{hint}"


@pytest.mark.parametrize("name", ["typo-kind", "many-problems", "yaml-bomb", "duplicate-map-id", "dangling-target"])
def test_json_output_locates_every_problem(name: str, at_repo: Path) -> None:
    args, expected = _read_case(name)
    at = args.index("validate") + 1
    result = run([*args[:at], "--json", *args[at:]])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    # the maps that pass are listed: of two maps with one id, the first one read is valid, the second is not
    assert report["maps"] == (["silence"] if name == "duplicate-map-id" else [])
    assert report["errors"] == len(expected)
    assert all(isinstance(d["line"], int) and isinstance(d["column"], int) for d in report["diagnostics"])
    assert [_line_of(d) for d in report["diagnostics"]] == expected


def test_json_output_for_a_warning(at_repo: Path) -> None:
    result = run(["validate", "--json", f"{REL}/unconnected-node.yaml"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["valid"], report["errors"], report["warnings"], report["maps"]) == (True, 0, 1, ["silence"])
    strict = json.loads(run(["validate", "--json", "--strict", f"{REL}/unconnected-node.yaml"]).stdout)
    assert strict["valid"] is False


def _run_process(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m argmap ARGS`` from the repository root: argmap.cli.main, as the console script runs it."""
    environ = {k: v for k, v in os.environ.items() if k != "ARGMAP_DEBUG"} | env
    proc = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=60, env=environ)
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc


def test_output_does_not_depend_on_the_hash_seed() -> None:
    """Every single-file case at once, under two hash seeds: byte-identical diagnostics."""
    files = sorted(f"{REL}/{p.name}" for p in CASES.glob("*.yaml")
                   if p.stem not in HASH_SENSITIVE | {"claims", "baseline"})
    first, second = (_run_process(["validate", *files], PYTHONHASHSEED=seed) for seed in ("0", "2"))
    assert first.returncode == 1
    assert len(first.stdout.splitlines()) > 60
    assert first.stdout == second.stdout


@pytest.mark.parametrize("name", ["yaml-bomb", "deep-nesting", "binary", "python-object-tag", "empty"])
def test_real_process_exits_1_without_traceback(name: str) -> None:
    """Through the installed entry point's code path (argmap.cli.main), in a fresh interpreter."""
    args, expected = _read_case(name)
    proc = _run_process(args)  # asserts no traceback
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == expected
