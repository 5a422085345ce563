"""`argmap lesson A B --out DIR`: both handouts, the slides and the site in one folder, listed as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import MINI, chromium_or_skip

from argmap.classroom.decks import build_slides
from argmap.classroom.handout_writer import build_handout
from argmap.cli import cli
from argmap.corpus.load import Corpus

MAPS = [str(MINI / "alpha.yaml"), str(MINI / "beta.yaml")]


def test_the_lesson_folder_holds_both_handouts_the_slides_and_the_site(mini: Corpus, tmp_path: Path) -> None:
    chromium_or_skip()
    out = tmp_path / "lesson"
    result = CliRunner().invoke(cli, ["lesson", *MAPS, "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["maps"] == ["alpha", "beta"]
    assert [Path(f["path"]).name for f in report["files"]] == [
        "handout-student.html", "handout-student.pdf", "handout-teacher.html", "handout-teacher.pdf",
        "slides.html", "slides.pdf"]
    for f in report["files"]:
        body = Path(f["path"]).read_bytes()
        assert len(body) == f["bytes"] > 0
        assert body.startswith(b"%PDF") if f["path"].endswith(".pdf") else body.startswith(b"<!DOCTYPE html>")
    # The same pages the single commands write: one library, laid out once.
    assert (out / "handout-student.html").read_text(encoding="utf-8") == build_handout(mini, "alpha", "beta")
    assert (out / "handout-teacher.html").read_text(encoding="utf-8") == build_handout(mini, "alpha", "beta",
                                                                                     teacher=True)
    assert (out / "slides.html").read_text(encoding="utf-8") == build_slides(mini, ["alpha", "beta"])
    assert Path(report["site"]["index"]) == out / "site" / "index.html"
    assert (out / "site" / "compare" / "alpha--beta.html").is_file()
    assert len([p for p in (out / "site").rglob("*") if p.is_file()]) == report["site"]["files"]
    again = CliRunner().invoke(cli, ["lesson", *MAPS, "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert f"wrote {out / 'handout-student.pdf'}" in again.output and "open " in again.output


@pytest.mark.parametrize(("args", "message"), [
    ([MAPS[0], MAPS[0]], "two different maps"),
    ([MAPS[0], "nowhere"], "nowhere"),
])
def test_a_lesson_on_bad_maps_says_why_and_writes_nothing(args: list[str], message: str, tmp_path: Path) -> None:
    out = tmp_path / "lesson"
    result = CliRunner().invoke(cli, ["lesson", *args, "--out", str(out)])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
    assert not out.exists()
