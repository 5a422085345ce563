"""argmap import reads only regular files within its limits: a FIFO or a device is refused at once, never read."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import cli


def test_a_fifo_given_to_import_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "micro_b001.xml"
    os.mkfifo(fifo)  # nothing ever writes to it: a blocking read would hang the test
    result = CliRunner().invoke(cli, ["import", str(fifo), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{fifo}:1:1: error: cannot read: not a regular file" in result.output
    assert not (tmp_path / "out").exists()


def test_a_device_given_to_import_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", "/dev/zero", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "/dev/zero:1:1: error: cannot read: not a regular file" in result.output
