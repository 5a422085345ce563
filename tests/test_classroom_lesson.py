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


TOPIC = Path(__file__).resolve().parent / "fixtures" / "topic"
TOPIC_MAPS = TOPIC / "higher_dog_poo_fines"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_topic_lesson_writes_the_overview_and_the_chosen_pairs_byte_identically(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    chromium_or_skip()
    out = tmp_path / "lesson"
    args = ["lesson", str(TOPIC_MAPS), "--out", str(out), "--pair", "micro_k008", "micro_b002", "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["maps"]) == 9
    pair = "pairs/micro_b002--micro_k008/"
    assert [Path(f["path"]).relative_to(out).as_posix() for f in report["files"]] == [
        "topic.md", "topic.json", "topic.svg", *(pair + name for name in (
            "handout-student.html", "handout-student.pdf", "handout-teacher.html", "handout-teacher.pdf",
            "slides.html", "slides.pdf"))]
    written = _files(out)
    for f in report["files"]:
        assert len(written[Path(f["path"]).relative_to(out).as_posix()]) == f["bytes"] > 0
    # The topic report is the one `argmap compare` prints; the pair's handout the one `argmap handout` writes.
    compared = CliRunner().invoke(cli, ["compare", str(TOPIC_MAPS), "--json"])
    assert written["topic.json"] == compared.stdout.encode("utf-8")
    assert written["topic.svg"].lstrip().startswith(b"<?xml") and b"</svg>" in written["topic.svg"]
    handout = CliRunner().invoke(cli, ["handout", str(TOPIC_MAPS / "micro_b002.yaml"),
                                       str(TOPIC_MAPS / "micro_k008.yaml")])
    assert written[pair + "handout-student.html"] == handout.stdout.encode("utf-8")
    # The class overview names every essay and its stance on the question, as the corpus's gold stance has it.
    gold = {f.stem: {"pro": "affirms", "con": "denies"}[ET.parse(f).getroot().attrib["stance"]]
            for f in sorted((TOPIC / "xml").glob("micro_*.xml"))}
    overview = written["site/topic.html"].decode("utf-8")
    assert Path(report["site"]["overview"]) == out / "site" / "topic.html"
    for essay, stance in gold.items():
        assert f'href="maps/{essay}.html">{essay}</a>\n      <p class="meta">{stance}</p>' in overview
    # The site is the one `argmap site` writes for the topic, its overview drawing the same diagram.
    site = tmp_path / "site"
    assert CliRunner().invoke(cli, ["site", str(TOPIC_MAPS), "--out", str(site)]).exit_code == 0
    assert {f"site/{name}": body for name, body in _files(site).items()} == {
        name: body for name, body in written.items() if name.startswith("site/")}
    again = tmp_path / "again"
    assert CliRunner().invoke(cli, [*args[:3], str(again), *args[4:]]).exit_code == 0
    second = _files(again)
    assert set(second) == set(written)
    # Every file but the PDFs byte for byte: printing the same page to the same bytes is Chromium's part, tested
    # once in tests/test_site_browser.py rather than again for every PDF here.
    assert {k: v for k, v in second.items() if not k.endswith(".pdf")} == {
        k: v for k, v in written.items() if not k.endswith(".pdf")}


@pytest.mark.parametrize(("pair", "message"), [
    (["micro_b002", "enforcer"], "'enforcer' is not one of its maps"),
    (["micro_b002", "micro_b002"], "two different maps"),
])
def test_a_pair_outside_the_topic_is_refused_and_nothing_is_written(pair: list[str], message: str,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "lesson"
    result = CliRunner().invoke(cli, ["lesson", str(TOPIC_MAPS), "--out", str(out), "--pair", *pair])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_two_maps_take_no_pair(tmp_path: Path) -> None:
    out = tmp_path / "lesson"
    result = CliRunner().invoke(cli, ["lesson", *MAPS, "--out", str(out), "--pair", "alpha", "beta"])
    assert result.exit_code == 1 and "three or more maps" in result.output and not out.exists()


def test_a_lesson_analyses_its_pair_once(mini: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """The handouts, the slides and the site's pages on the pair share one analysis (printing is left out)."""
    from argmap.classroom import lesson
    from argmap.classroom.questions import context

    calls: list[tuple[str, str]] = []
    real = context.analyse_pair

    def counted(corpus: Corpus, left: str, right: str) -> context.PairAnalysis:
        calls.append((left, right))
        return real(corpus, left, right)

    for module in ("argmap.classroom.questions", "argmap.classroom.questions.context", "argmap.classroom.handout"):
        monkeypatch.setattr(f"{module}.analyse_pair", counted)
    monkeypatch.setattr("argmap.classroom.browser.html_to_pdf", lambda html, timeout=60.0: b"%PDF")
    a, b = sorted(mini.maps)[:2]
    files = lesson.lesson_files(mini, a, b)
    assert "site/index.html" in files and files["slides.pdf"] == b"%PDF"
    assert calls == [(a, b)]
