"""Open once, check the open file: a thread swaps links, FIFOs and files under argmap's feet for a bounded number of
rounds, and no round ever reads a file outside the allowed folders, blocks on a FIFO, or ends in an internal error.
Also: an allowed folder that is a link to ``/`` is refused, the imported texts are confined to their folder, and
outputs never land among the inputs."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import check_corpus
from argmap.errors import ArgmapError
from argmap.files.confine import EssayPolicy, EssayReader, EssayRefused

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
MICRO = Path(__file__).resolve().parent / "fixtures" / "microtexts"
SECRET = b"s3cr3t-token-that-must-never-be-read\n"
ROUNDS = 400
BOUND = 60.0  # seconds: far above any real run; what blocks for ever fails here


@contextmanager
def swapping(path: Path, *versions: Callable[[Path], None]) -> Iterator[None]:
    """A thread that keeps replacing ``path`` by each of ``versions`` in turn (each makes its file at a temporary
    name, which is then renamed over ``path``), until the block ends."""
    stop = threading.Event()
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: the swaps land between any two steps

    def run() -> None:
        i = 0
        while not stop.is_set():
            tmp = path.with_name(f"swap-{i % len(versions)}.tmp")
            if tmp.exists() or tmp.is_symlink():
                tmp.unlink()
            versions[i % len(versions)](tmp)
            os.replace(tmp, path)
            i += 1

    t = threading.Thread(target=run, daemon=True)
    t.start()
    try:
        yield
    finally:
        stop.set()
        t.join(BOUND)
        sys.setswitchinterval(old)


def _finishes(call: Callable[[], Any], bound: float = BOUND) -> Any:
    out: list[Any] = []
    t = threading.Thread(target=lambda: out.append(call()), daemon=True)
    t.start()
    t.join(bound)
    assert not t.is_alive(), f"blocked for {bound:g} s"
    return out[0]


def _unblock(fifos: Iterable[Path]) -> None:
    """Open each FIFO for writing and close it: a reader blocked on it (the bug under test) reads an empty file
    and returns, so a failing test leaves no thread hanging behind it."""
    for fifo in fifos:
        with contextlib.suppress(OSError):  # ENXIO: nobody is reading it
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "maps")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "creds.txt").write_bytes(SECRET)
    return tmp_path


def test_an_essay_swapped_for_a_link_outside_is_never_read(site: Path) -> None:
    essay = site / "maps" / "alpha.txt"
    good = essay.read_bytes()
    secret = site / "secret" / "creds.txt"
    read: list[bytes] = []
    refused = 0
    with swapping(essay, lambda p: p.write_bytes(good), lambda p: p.symlink_to(secret)):
        for _ in range(ROUNDS):
            try:
                read.append(EssayReader(EssayPolicy()).read(site / "maps", "alpha.txt"))
            except (EssayRefused, FileNotFoundError):
                refused += 1
    assert SECRET not in read  # before: the name was resolved, checked, then opened again, following the new link
    assert read and refused  # both versions were met


def test_a_map_swapped_for_a_link_outside_is_never_loaded(site: Path) -> None:
    outside = site / "secret" / "alpha.yaml"
    shutil.copy(site / "maps" / "alpha.yaml", outside)
    outside.write_text(outside.read_text().replace("id: alpha", "id: leaked"))
    target = site / "maps" / "alpha.yaml"
    good = target.read_bytes()
    ids: set[str] = set()
    with swapping(target, lambda p: p.write_bytes(good), lambda p: p.symlink_to(outside)):
        for _ in range(ROUNDS // 4):
            corpus, diags = check_corpus([site / "maps"])  # no internal error: an OSError would escape here
            ids |= set(corpus.maps) if corpus else set()
            assert all(d.severity in ("error", "warning") for d in diags)
    assert "leaked" not in ids


AIF = '{"nodes": [{"nodeID": "1", "type": "I", "text": "t"}], "edges": []}'
NOT_YAML = AIF[:-1]  # unclosed: a YAML error, after which the bytes are sniffed for another format


def test_a_fifo_swapped_in_after_a_yaml_error_never_blocks(tmp_path: Path) -> None:
    site = tmp_path
    (site / "maps").mkdir()  # the swapped file alone: each round is short, so the rounds meet the swaps often
    target = site / "maps" / "alpha.yaml"
    target.write_text(NOT_YAML)
    made = itertools.count()

    def bad(p: Path) -> None:
        p.write_text(NOT_YAML)

    def fifo(p: Path) -> None:
        os.mkfifo(p)
        os.link(p, site / f"fifo-{next(made)}")  # kept by a second name, to unblock a reader of it afterwards

    def rounds() -> int:
        for _ in range(ROUNDS * 5):
            check_corpus([site / "maps"])
        return ROUNDS * 5

    try:
        with swapping(target, bad, fifo):
            assert _finishes(rounds, bound=20.0) == ROUNDS * 5  # before: the file was read again by name to sniff its format
    finally:
        _unblock(site.glob("fifo-*"))


@pytest.mark.parametrize("text", [NOT_YAML, AIF])
def test_a_map_swapped_for_a_fifo_just_after_it_was_read_is_sniffed_from_the_bytes_read(
        site: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race above made certain: the FIFO replaces the map at the moment its bytes have been read."""
    import argmap.corpus.load

    target = site / "maps" / "alpha.yaml"
    target.write_text(text)
    from argmap.yaml.reader import read_yaml_bytes as read_once

    def read_then_swap(file: str, *args: Any) -> bytes:
        data = read_once(file, *args)
        if Path(file).name == target.name:
            os.mkfifo(site / "fifo.tmp")
            os.replace(site / "fifo.tmp", target)
        return data

    monkeypatch.setattr(argmap.corpus.load, "read_yaml_bytes", read_then_swap)
    try:
        _, diags = _finishes(lambda: check_corpus([site / "maps"]), bound=10.0)
    finally:
        _unblock([target])
    assert [d.message for d in diags if d.path.endswith("alpha.yaml")] == [
        "this is an AIF JSON file, not an argmap map"]  # found in the bytes read, not in the FIFO now there


@pytest.mark.parametrize("text", [NOT_YAML, AIF])
def test_a_map_that_is_not_a_map_is_opened_once(site: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened once and sniffed from the bytes read, whatever fails: a second open by name is the race above."""
    import builtins
    import io

    target = site / "maps" / "alpha.yaml"
    target.write_text(text)
    opened: list[str] = []

    def counting(real: Callable[..., Any]) -> Callable[..., Any]:
        def open_(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, (str, bytes, os.PathLike)) and os.fsdecode(file).endswith("alpha.yaml"):
                opened.append(os.fsdecode(file))
            return real(file, *args, **kwargs)
        return open_

    monkeypatch.setattr(os, "open", counting(os.open))
    monkeypatch.setattr(io, "open", counting(io.open))
    monkeypatch.setattr(builtins, "open", counting(builtins.open))
    _, diags = check_corpus([site / "maps"])
    assert any(d.path.endswith("alpha.yaml") for d in diags)
    assert len(opened) == 1, opened


def test_validate_of_a_folder_whose_files_are_swapped_is_never_an_internal_error(site: Path) -> None:
    target = site / "maps" / "alpha.yaml"
    good = target.read_bytes()
    loop = site / "maps" / "loop.yaml"
    loop.symlink_to(loop)
    with swapping(target, lambda p: p.write_bytes(good), lambda p: p.symlink_to(p.name)):
        for _ in range(ROUNDS // 8):
            result = CliRunner().invoke(cli, ["validate", str(site / "maps")])
            assert "internal error" not in result.output, result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.mark.parametrize("system", ["/", "/etc"])
def test_a_sibling_seeds_that_links_to_a_system_folder_makes_no_file_an_essay(site: Path, system: str) -> None:
    (site / "seeds").symlink_to(system)
    reader = EssayReader(EssayPolicy())
    with pytest.raises(EssayRefused, match="outside the essays folders"):
        reader.read(site / "maps", "../seeds/etc/hostname" if system == "/" else "../seeds/hostname")


@pytest.mark.parametrize("folder", ["/", "/etc", "link-to-root"])
def test_an_essays_folder_that_is_a_system_folder_is_refused(site: Path, folder: str) -> None:
    if folder == "link-to-root":
        (site / folder).symlink_to("/")
        folder = str(site / folder)
    with pytest.raises(ArgmapError, match="may not be an essays folder"):
        EssayPolicy(extra=(Path(folder),))
    result = CliRunner().invoke(cli, ["--essays", folder, "validate", str(site / "maps")])
    assert result.exit_code == 1 and "may not be an essays folder" in result.stderr
    assert "Traceback" not in result.output


def test_import_never_copies_a_text_that_links_outside_its_folder(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(MICRO, src)
    xml = sorted(src.glob("*.xml"))[0]
    text = xml.with_suffix(".txt")
    (tmp_path / "secret.txt").write_bytes(text.read_bytes())  # the same words: the quotes would match
    text.unlink()
    text.symlink_to(tmp_path / "secret.txt")
    result = CliRunner().invoke(cli, ["import", str(xml), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "outside the folder of the XML file" in result.output
    assert not (tmp_path / "out").exists()


def test_an_import_that_fails_mid_way_leaves_no_partial_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.files.atomic

    real = argmap.files.atomic.os.fsync
    calls = {"n": 0}

    def full_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real(fd)

    monkeypatch.setattr(argmap.files.atomic.os, "fsync", full_disk)
    result = CliRunner().invoke(cli, ["import", str(MICRO), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()  # before: the files written before the failure stayed


@pytest.fixture
def no_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any file argmap would write fails the test instead (so a broken check cannot litter / or /etc)."""
    import argmap.files.atomic
    import argmap.importers.run

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"argmap tried to write: {args[0]!r}")

    monkeypatch.setattr(argmap.files.atomic, "write_atomic", refuse)
    monkeypatch.setattr(argmap.importers.run, "write_tree", refuse)


@pytest.mark.parametrize("out", [".", "..", "maps/..", "/", "/etc", "/tmp", "root-link"])
def test_build_never_writes_into_or_over_its_inputs_or_the_system(site: Path, out: str, no_writes: None,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if out == "root-link":
        (site / out).symlink_to("/")
    monkeypatch.chdir(site / "maps" if out == ".." else site)
    before = sorted(p.name for p in (site / "maps").iterdir())
    result = CliRunner().invoke(cli, ["build", str(site / "maps"), "--out", out])
    assert result.exit_code == 1 and "may not be" in result.output, result.output
    assert sorted(p.name for p in (site / "maps").iterdir()) == before


def test_site_never_writes_over_its_inputs(site: Path, no_writes: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    result = CliRunner().invoke(cli, ["site", "maps", "--out", "."])
    assert result.exit_code == 1 and "holds the folder" in result.output


@pytest.mark.parametrize("out", ["/", "/etc"])
def test_import_refuses_a_system_folder(tmp_path: Path, out: str, no_writes: None) -> None:
    result = CliRunner().invoke(cli, ["import", str(MICRO), "--out", out])
    assert result.exit_code == 1 and "system folder" in result.output
