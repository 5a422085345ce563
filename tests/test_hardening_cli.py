"""Reliability probes on the CLI's outputs: a file that cannot be written is a one-line error naming it (exit 1),
a build never writes among the maps or their essays, and a signal ends the ``dot`` processes the CLI started."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "maps")
    return tmp_path / "maps"


def _argmap(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.mark.parametrize("where", ["a-file/sub", "/proc/argmap-out"])
def test_an_output_that_cannot_be_written_is_one_line_naming_the_path(maps: Path, where: str) -> None:
    (maps.parent / "a-file").write_text("not a folder")
    out = where if where.startswith("/") else str(maps.parent / where)
    proc = _argmap("render", str(maps / "alpha.yaml"), "--out", f"{out}/alpha.dot", cwd=maps.parent)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(f"argmap: cannot write {out}/alpha.dot: ")
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("out", ["maps", "maps/out", "."])
def test_build_refuses_to_write_among_the_maps_or_essays(maps: Path, out: str) -> None:
    target = maps.parent / out if out != "." else maps
    before = sorted(p.name for p in maps.iterdir())
    result = CliRunner().invoke(cli, ["build", str(maps), "--out", str(target)])
    assert result.exit_code == 1
    assert "may not be" in result.output and "choose another folder" in result.output
    assert sorted(p.name for p in maps.iterdir()) == before  # nothing written there


def test_sigterm_ends_the_dot_children(maps: Path, tmp_path: Path) -> None:
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    pid_file = tmp_path / "dot.pid"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}"}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(maps / "alpha.yaml"), "--out",
                             str(tmp_path / "a.svg")], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (pid_file.exists() and pid_file.read_text().strip()):
        assert time.monotonic() < deadline and proc.poll() is None, "dot never started"
        time.sleep(0.05)
    dot_pid = int(pid_file.read_text())
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    for _ in range(100):
        if not _alive(dot_pid):
            break
        time.sleep(0.05)
    assert not _alive(dot_pid), "dot outlived argmap"
    assert not (tmp_path / "a.svg").exists()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())
