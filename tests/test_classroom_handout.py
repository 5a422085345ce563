"""The discussion handout (argmap.classroom.handout) and the `argmap handout` command."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import build_corpus, node

from argmap.classroom.handout import Handout, handout_data
from argmap.classroom.handout_writer import build_handout, format_for_path, handout_html, handout_markdown
from argmap.classroom.wording import smart_quotes
from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.errors import ArgmapError, RenderError
from argmap.queries.comparison import shared_premises

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data(bundled: Corpus) -> Handout:
    return handout_data(bundled, "bankruptcy", "enforcer")


def test_the_handout_gathers_the_comparison(bundled: Corpus, data: Handout) -> None:
    assert (data.left.thesis.node, data.right.thesis.node) == ("T", "T")
    premises = [c.claim for c in shared_premises(bundled, ["bankruptcy", "enforcer"]).claims if c.relation == "agree"]
    assert [r.claim for r in data.shared if r.claim in premises] == premises
    theses = {bundled.get(m).model.thesis.claim for m in ("bankruptcy", "enforcer")}
    extra = [r for r in data.shared if r.claim not in premises]
    assert all(r.theses and r.claim in theses for r in extra)  # a claim a thesis is bound to, made by both essays
    assert [r.theses for r in data.shared] == sorted((r.theses for r in data.shared), reverse=True)
    for row in data.shared:
        assert row.left and row.right
        for m in row.left + row.right:
            assert m.quote == bundled.get(m.map).model.node(m.node).quote  # type: ignore[union-attr]
    for side, items in data.alone.items():
        assert items and {r.kind for r in items} <= {"premise", "evidence", "conclusion"}, side
    blanks = {(b.map, b.hidden.node): q.id for q in data.questions for b in q.blanks}
    for side, items in data.assumptions.items():
        assert [a.node.node for a in items] == [n.id for n in bundled.get(side).model.nodes if n.kind == "assumption"]
        assert all(a.question == blanks.get((side, a.node.node)) for a in items)


def test_student_edition_leaves_hidden_premises_blank_and_the_teacher_edition_fills_them(data: Handout) -> None:
    hidden = [b.hidden.text for q in data.questions for b in q.blanks]
    assert hidden
    student, teacher = handout_html(data), handout_html(data, teacher=True)
    md_student, md_teacher = handout_markdown(data), handout_markdown(data, teacher=True)
    for text in hidden:
        escaped = smart_quotes(text)
        assert escaped not in student and escaped not in md_student
        assert escaped in teacher and escaped in md_teacher
    assert 'class="write"' in student and 'class="write"' not in teacher
    assert "Model answer" in teacher and "Model answer" not in student
    assert "Lesson plan (45 minutes)" in teacher and "Lesson plan" not in student
    for q in data.questions:
        assert f'id="{q.id}"' in student


def test_every_section_is_there(data: Handout) -> None:
    svg = b'<?xml version="1.0"?>\n<svg viewBox="0 0 10 10"><g id="claim--x"/></svg>\n'
    page = handout_html(data, diagram=[svg, svg.replace(b"claim--x", b"claim--y")])
    for heading in ("The two theses", "The two arguments side by side", "Common ground: what both essays claim",
                    "What each essay claims alone", "The evidence each essay cites", "Discussion questions"):
        assert heading in page
    # A section of the relations between the essays is there exactly when the comparison has such claims.
    assert ("Where the essays contradict each other" in page) == bool(data.disagreements)
    assert ("Where the essays differ without contradicting each other" in page) == bool(data.differences)
    assert data.differences  # the bundled pair differs on will or means, battlefield or prestige, and more
    assert '<g id="claim--x"/></svg>' in page and '<g id="claim--y"/></svg>' in page and "<?xml" not in page
    assert "(page 2 of 2)" in page


def test_only_the_teacher_gets_the_assumptions_no_question_asks(data: Handout) -> None:
    unasked = [a for side in data.assumptions.values() for a in side if a.question is None]
    asked = [a for side in data.assumptions.values() for a in side if a.question is not None]
    assert unasked and asked
    student, teacher = handout_html(data), handout_html(data, teacher=True)
    assert "Unstated assumptions to debate" in teacher and "Unstated assumptions to debate" not in student
    section = teacher.split("Unstated assumptions to debate")[1].split("</section>")[0]
    assert all(smart_quotes(a.node.text.rstrip(".")) in section for a in unasked)


def test_print_css_is_for_a4(data: Handout) -> None:
    page = handout_html(data)
    assert re.search(r"@page\s*{\s*size:\s*A4;", page)
    assert "break-inside: avoid" in page and "display: table-header-group" in page


def test_text_from_the_maps_is_escaped(tmp_path: Path) -> None:
    evil = "<script>alert('x')</script> & <b>"
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), {**node("a", "P"), "text": evil, "note": evil},
               node("a", "A", "assumption")], ["r1: P + A -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P")], ["P -> T"]),
    }, {})
    h = handout_data(corpus, "a", "b")
    for page in (handout_html(h), handout_html(h, teacher=True)):
        assert "<script>" not in page
        assert "&lt;script&gt;alert(‘x’)&lt;/script&gt; &amp; &lt;b&gt;" in page
    assert "<script>" not in handout_markdown(h, teacher=True)


def test_markdown_is_byte_identical_for_identical_input(bundled: Corpus) -> None:
    one = build_handout(bundled, "bankruptcy", "enforcer", fmt="md", teacher=True)
    two = build_handout(bundled, "bankruptcy", "enforcer", fmt="md", teacher=True)
    assert one == two and isinstance(one, str)
    assert one.startswith("# Discussion handout: bankruptcy and enforcer")


def test_the_format_comes_from_the_option_or_the_extension() -> None:
    assert [format_for_path(p) for p in ("a.html", "b.HTM", "c.md", "d.pdf")] == ["html", "html", "md", "pdf"]
    assert format_for_path("a.html", "pdf") == "pdf"
    with pytest.raises(ArgmapError, match="cannot tell the handout format"):
        format_for_path("handout.txt")
    with pytest.raises(ArgmapError, match="unknown handout format"):
        format_for_path("a.html", "docx")


def test_a_missing_chromium_is_a_clear_error(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.classroom import browser

    monkeypatch.setattr(browser, "_NAMES", ("argmap-no-such-browser",))
    monkeypatch.delenv("ARGMAP_CHROMIUM", raising=False)
    with pytest.raises(RenderError, match="apt-get install chromium"):
        browser.html_to_pdf("<p>x</p>")


# --- the command ------------------------------------------------------------------------------------


def test_cli_writes_the_html_handout_with_the_diagram(tmp_path: Path) -> None:
    out = tmp_path / "h" / "handout.html"
    res = CliRunner().invoke(cli, ["handout", "bankruptcy", "enforcer", "--out", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and 'id="claim--russia-silent"' in page
    assert "Student edition" in page and "wrote" in res.output
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_cli_markdown_by_extension_and_json_summary(tmp_path: Path) -> None:
    out = tmp_path / "handout.md"
    res = CliRunner().invoke(cli, ["handout", "bankruptcy", "enforcer", "--teacher", "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["format"] == "md" and summary["teacher"] is True and summary["bytes"] == len(out.read_bytes())
    assert "**Model answer.**" in out.read_text(encoding="utf-8")


def test_cli_json_without_out_prints_the_questions() -> None:
    res = CliRunner().invoke(cli, ["handout", str(ROOT / "tests/fixtures/mini/alpha.yaml"),
                                   str(ROOT / "tests/fixtures/mini/beta.yaml"), "--json"])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload["left"]["id"] == "alpha" and payload["questions"][0]["id"] == "Q1"
    assert all(q["about"] for q in payload["questions"])


@pytest.mark.parametrize(("args", "message"), [
    (["bankruptcy", "bankruptcy"], "two different maps"),
    (["bankruptcy", "nosuch"], "unknown map 'nosuch'"),
    (["bankruptcy", "enforcer", "--out", "handout.txt"], "cannot tell the handout format"),
    (["bankruptcy", "enforcer", "--format", "pdf"], "needs --out"),
])
def test_cli_errors_exit_1_with_a_message(args: list[str], message: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["handout", *args])
    assert res.exit_code == 1
    assert message in res.output
    assert "Traceback" not in res.output


def test_a_curators_note_is_printed_once_for_the_teacher_and_never_in_an_answer(data: Handout) -> None:
    noted = {(r.map, r.node): r.note for q in data.questions for r in q.notes}
    assert noted
    teacher, student = handout_html(data, teacher=True), handout_html(data)
    answers = " ".join(p for q in data.questions for p in q.answer)
    for (map_id, node_id), note in noted.items():
        assert note is not None and teacher.count(smart_quotes(note)) == 1, (map_id, node_id)
        assert smart_quotes(note) not in student and note not in answers
    assert "Teacher’s notes" in teacher and "Teacher’s notes" not in student
    assert "see the note above" not in teacher
    model = re.findall(r'<div class="model">.*?</div>', teacher, flags=re.S)
    assert model and not any('class="note"' in block for block in model)


def test_the_handout_and_the_deck_compute_the_comparison_once(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison, the central claims and each map's structure are computed once and passed on to every part
    (sections, questions, claim slides), never again by a part that needs them."""
    import argmap.classroom.questions.context as context
    import argmap.queries.comparison as comparison
    from argmap.classroom.decks import comparison_deck

    calls: dict[str, int] = {}

    def counted(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] = calls.get(name, 0) + 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(comparison, "compare", counted("compare", comparison.compare))
    monkeypatch.setattr(context, "shared_centrality", counted("centrality", context.shared_centrality))
    monkeypatch.setattr(context, "map_structure", counted("structure", context.map_structure))
    handout_data(bundled, "bankruptcy", "enforcer")
    assert calls == {"compare": 1, "centrality": 1, "structure": 2}
    calls.clear()
    comparison_deck(bundled, "bankruptcy", "enforcer")
    assert calls == {"compare": 1, "centrality": 1, "structure": 2}


def test_the_label_legend_is_true_of_both_maps_ids(tmp_path: Path, data: Handout) -> None:
    """Ids that do not start with their kind's letter (an imported map's a1, a2...) are listed kind by kind, in
    both editions; the T/P/E letters are explained only when every id of both maps follows them."""
    corpus = build_corpus(tmp_path, {
        "imp": ([node("imp", "a1", "premise"), node("imp", "a2", "thesis"), node("imp", "a3", "premise"),
                 node("imp", "a4", "objection")], ["a1 + a3 -> a2", "a4 -| a2"]),
        "hand": ([node("hand", "T", "thesis"), node("hand", "P1")], ["P1 -> T"]),
    }, {})
    h = handout_data(corpus, "imp", "hand")
    md = next(line for line in handout_markdown(h).splitlines() if line.startswith("Labels"))
    html = re.sub(r"\s+", " ", handout_html(h).split("How to read the labels.</b>", 1)[1].split("</p>", 1)[0])
    for legend, tick in ((md, "`"), (html, "")):
        assert "P premise" not in legend and "E evidence" not in legend, legend
        a1, a2, a3, a4, t, p1 = (f"{tick}{i}{tick}" for i in ("a1", "a2", "a3", "a4", "T", "P1"))
        assert f"In imp: {a2} thesis · {a1}, {a3} premises · {a4} objection the essay raises." in legend, legend
        assert f"In hand: {t} thesis · {p1} premise." in legend, legend
        assert f"a label such as {a2} is verbatim" in legend, legend
    bundled_md = handout_markdown(data)
    assert "Labels: T thesis · P premise · E evidence" in bundled_md
    assert "How to read the labels.</b> T thesis · P premise" in handout_html(data)
