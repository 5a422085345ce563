"""Reliability probes on files: nothing outside the essays folders is read or shown; files that are not files never
block; a symlinked map cannot reach outside its folder.  Each probe runs on the CLI, POST /validate and the
service's loaded maps where it applies."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from click.testing import CliRunner
from fastapi.testclient import TestClient

from argmap.cli import cli
from argmap.corpus.load import check_corpus
from argmap.files.confine import DEFAULT_MAX_ESSAY_BYTES, EssayPolicy, EssayReader, EssayRefused
from argmap.text.essayindex import sha256_text

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
SECRET = "s3cr3t-token-that-must-never-be-shown"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A deployment: ``maps/`` (a copy of the mini pair) and a secret file beside it, in ``secret/``."""
    shutil.copytree(MINI, tmp_path / "maps")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "creds.txt").write_text(f"user=admin\npassword={SECRET}\n", encoding="utf-8")
    (tmp_path / "maps" / ".env").write_text(f"API_KEY={SECRET}\n", encoding="utf-8")
    return tmp_path


def _point_alpha_at(maps: Path, rel: str, data: bytes | None = None) -> None:
    """Make alpha.yaml's source.path ``rel`` (with the sha256 of ``data`` when given, so only the quotes differ)."""
    text = (maps / "alpha.yaml").read_text(encoding="utf-8")
    text = text.replace("path: alpha.txt", f"path: {rel}")
    if data is not None:
        text = text.replace("76b51c1b53b63c56adcdb945a8431a33708684432dcf5034c8843ec8cb42fdc5", sha256_text(data))
    (maps / "alpha.yaml").write_text(text, encoding="utf-8")


TARGETS = ["../secret/creds.txt", ".env", "/proc/self/environ"]


@pytest.mark.parametrize("rel", TARGETS)
def test_the_cli_never_reads_a_file_outside_the_essays(site: Path, rel: str) -> None:
    data = (site / "secret" / "creds.txt").read_bytes() if rel.startswith("..") else None
    _point_alpha_at(site / "maps", rel, data)
    result = CliRunner().invoke(cli, ["validate", str(site / "maps")])
    assert result.exit_code == 1
    assert f"cannot read essay '{rel}'" in result.stdout
    assert SECRET not in result.output and "password" not in result.output and "closest passage" not in result.output
    if data is not None:
        assert sha256_text(data) not in result.output.replace("sha256 is", "")


@pytest.mark.parametrize("rel", TARGETS)
def test_loaded_maps_never_publish_a_file_outside_the_essays(site: Path, rel: str) -> None:
    data = (site / "secret" / "creds.txt").read_bytes() if rel.startswith("..") else None
    _point_alpha_at(site / "maps", rel, data)
    with TestClient(create_app(Settings(maps_dir=site / "maps", reload_interval=0))) as c:
        health = c.get("/healthz").text
        assert "cannot read essay" in health
        assert SECRET not in health and "closest passage" not in health
        for path in ("/maps", "/site/index.html", "/site/maps/alpha.html"):
            assert SECRET not in c.get(path).text


@pytest.mark.parametrize("rel", [".env", ".git/config", "../secret/creds.txt", "/proc/self/environ"])
def test_post_validate_never_echoes_a_file_outside_the_essays(site: Path, rel: str) -> None:
    (site / "maps" / ".git").mkdir()
    (site / "maps" / ".git" / "config").write_text(f"[remote]\nurl = https://{SECRET}@example.invalid\n")
    body = (site / "maps" / "alpha.yaml").read_text(encoding="utf-8").replace("path: alpha.txt", f"path: {rel}")
    with TestClient(create_app(Settings(maps_dir=site / "maps", reload_interval=0))) as c:
        r = c.post("/validate", content=body, headers={"Content-Type": "application/yaml"})
    assert r.status_code == 200
    assert "cannot read essay" in r.text and SECRET not in r.text and "closest passage" not in r.text


def test_a_symlinked_map_leading_outside_the_folder_is_skipped_with_a_warning(site: Path) -> None:
    outside = site / "elsewhere"
    outside.mkdir()
    shutil.copy(MINI / "beta.yaml", outside / "gamma.yaml")
    (outside / "gamma.yaml").write_text((MINI / "beta.yaml").read_text().replace("id: beta", "id: gamma"))
    os.symlink(outside / "gamma.yaml", site / "maps" / "gamma.yaml")
    corpus, diags = check_corpus([site / "maps"])
    assert corpus is not None and sorted(corpus.maps) == ["alpha", "beta"]
    assert any("symlink that leads outside the maps folder" in d.message and d.severity == "warning" for d in diags)


def _in_thread(fn: object, timeout: float = 20) -> object:
    """Run ``fn()`` in a thread; fail (instead of hanging the suite) if it has not returned in ``timeout`` s."""
    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(fn()), daemon=True)  # type: ignore[operator]
    t.start()
    t.join(timeout)
    assert not t.is_alive(), "blocked"
    return out[0] if out else None


def test_a_fifo_essay_is_refused_without_blocking(site: Path) -> None:
    os.mkfifo(site / "maps" / "pipe.txt")
    _point_alpha_at(site / "maps", "pipe.txt")
    result = _in_thread(lambda: CliRunner().invoke(cli, ["validate", str(site / "maps")]))
    assert "cannot read essay 'pipe.txt': not a regular file" in result.stdout  # type: ignore[attr-defined]


def test_a_fifo_among_the_maps_neither_blocks_the_load_nor_the_reload(site: Path) -> None:
    os.mkfifo(site / "maps" / "pipe.yaml")
    app = create_app(Settings(maps_dir=site / "maps", reload_interval=0, reload_settle=0))

    def serve() -> tuple[dict[str, object], object]:
        with TestClient(app) as c:
            health = c.get("/healthz").json()
            return health, app.state.store.check()

    health, _ = _in_thread(serve)  # type: ignore[misc]
    assert health["ok"] is True and health["maps"] == 2
    assert any("pipe.yaml" in w["path"] and "not a regular file" in w["message"] for w in health["warnings"])


def test_an_essay_over_the_size_limit_is_refused_after_reading_at_most_the_limit(site: Path) -> None:
    big = site / "maps" / "big.txt"
    big.write_bytes(b"word " * (DEFAULT_MAX_ESSAY_BYTES // 5 + 1))
    with pytest.raises(EssayRefused, match="over the limit of 2,097,152"):
        EssayReader().read(site / "maps", "big.txt")
    small = EssayPolicy(max_bytes=10)
    (site / "maps" / "ten.txt").write_bytes(b"0123456789")
    assert EssayReader(small).read(site / "maps", "ten.txt") == b"0123456789"  # the bound itself is allowed


def test_the_essays_option_allows_one_more_folder(site: Path) -> None:
    shutil.move(site / "maps" / "alpha.txt", site / "secret" / "alpha.txt")
    _point_alpha_at(site / "maps", "../secret/alpha.txt")
    assert CliRunner().invoke(cli, ["validate", str(site / "maps")]).exit_code == 1
    result = CliRunner().invoke(cli, ["--essays", str(site / "secret"), "validate", str(site / "maps")])
    assert result.exit_code == 0, result.output


def test_closest_passage_hints_stop_at_the_budget_and_say_so(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.checks.quotes

    text = (site / "maps" / "alpha.yaml").read_text(encoding="utf-8")
    quotes = [line for line in text.splitlines() if line.strip().startswith("quote:")]
    assert len(quotes) >= 3
    for line in quotes:
        text = text.replace(line, line.rstrip().rstrip('"') + ' zebra"' if line.rstrip().endswith('"')
                            else line + " zebra", 1)
    (site / "maps" / "alpha.yaml").write_text(text, encoding="utf-8")
    from argmap.text.essayindex import Essay

    one = Essay((site / "maps" / "alpha.txt").read_text(encoding="utf-8")).hint_cost("a b c d e f zebra")
    monkeypatch.setattr(argmap.checks.quotes, "HINT_BUDGET", one * 2)
    result = CliRunner().invoke(cli, ["validate", str(site / "maps" / "alpha.yaml")])
    lines = [x for x in result.stdout.splitlines() if "not found in" in x]
    assert len(lines) >= 3
    assert "closest passage:" in lines[0]
    assert "hints cut short" in lines[-1] and "closest passage:" not in lines[-1]
