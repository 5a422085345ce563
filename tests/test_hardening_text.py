"""Hostile text stays text in every output: Markdown reports (rendered with markdown-it-py, a CommonMark renderer),
the handout's HTML and Markdown, and the terminal.  (DOT and SVG: tests/test_render_escaping.py.)"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from helpers import chromium_or_skip
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pydantic import ValidationError

from argmap.checks.grounded import GroundedMap
from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.exporters.report import compare_markdown, shared_markdown
from argmap.format.model import ArgumentMap
from argmap.format.registry import ClaimRegistry
from argmap.queries.comparison import compare, shared_premises
from argmap.text.essayindex import Essay
from argmap.text.safe import visible

ACTIVE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "**b**", "_i_", "`c`", "[a](javascript:x)",
           "![i](x)", "# h", "| t |", "&lt;b&gt;", "&amp;", "~~s~~", "<http://x.example>", "\\*", "\x07", "\x08",
           "\x1b[2J", "\u202e", "\u2066", "\u2069", "\u202a", "\x85", "\x7f", "\n", "\t", "-", "1.", ">"]
text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=12)), min_size=1, max_size=5).map(
    "".join)
PROPS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MD = MarkdownIt("commonmark").enable("table")
REPORT_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "strong", "code"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


def _squash(s: str) -> str:
    return " ".join(s.split())


def _pair(title: str, thesis: str, quote: str, premise: str, wording: str) -> Corpus:
    registry = ClaimRegistry.model_validate({"claims": [{"id": "shared", "wording": wording}]})
    maps = {}
    for mid in ("left", "right"):
        try:
            m = ArgumentMap.model_validate({
                "id": mid, "title": title, "source": {"path": "e.txt", "sha256": "0" * 64},
                "nodes": [{"id": "T", "kind": "thesis", "text": thesis, "quote": quote},
                          {"id": "P", "kind": "premise", "text": premise, "quote": quote, "claim": "shared"},
                          {"id": "Q", "kind": "premise", "text": premise, "quote": quote}],
                "relations": ["P -> T", "Q -> T"]})
        except ValidationError:
            assume(False)
            raise
        maps[mid] = GroundedMap(m, f"{mid}.yaml", Essay(quote))
    return Corpus(registry, maps)


@PROPS
@given(title=text, thesis=text, quote=text, premise=text, wording=text)
def test_markdown_reports_render_as_text(title: str, thesis: str, quote: str, premise: str, wording: str) -> None:
    corpus = _pair(title, thesis, quote, premise, wording)
    for report in (compare_markdown(compare(corpus, "left", "right")), shared_markdown(shared_premises(corpus))):
        assert not ACTIVE.search(report)
        rendered = MD.render(report)
        parsed = _parse(rendered)
        assert parsed.tags <= REPORT_TAGS, parsed.tags  # the report's own structure, nothing from the maps
        shown = _squash("".join(parsed.text))
        for value in (wording, quote):
            assert _squash(visible(value)) in shown  # shown as typed (controls as U+FFFD)


@PROPS
@given(title=text, thesis=text, quote=text, premise=text, wording=text)
def test_the_handout_shows_hostile_text_as_text(title: str, thesis: str, quote: str, premise: str,
                                                wording: str) -> None:
    from argmap.classroom.handout import handout_data
    from argmap.classroom.handout_writer import handout_html, handout_markdown

    h = handout_data(_pair(title, thesis, quote, premise, wording), "left", "right")
    page = handout_html(h, teacher=True)
    assert not ACTIVE.search(page)
    assert "<img" not in page and "<script>alert" not in page
    markdown = handout_markdown(h, teacher=True)
    assert not ACTIVE.search(markdown)
    parsed = _parse(MD.render(markdown))
    assert not parsed.tags & {"img", "script", "a"}, parsed.tags


def test_a_title_with_markup_is_shown_as_typed_in_a_compare_report() -> None:
    corpus = _pair("<img src=x onerror=alert(1)>", "t", "It rained.", "p", "**w**")
    rendered = MD.render(compare_markdown(compare(corpus, "left", "right")))
    assert "<img" not in rendered and "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert "**w**" in html.unescape(rendered)


def test_show_prints_no_bell_or_backspace(tmp_path: Path) -> None:
    from argmap.text.essayindex import sha256_text

    quote = "It rained all day."
    (tmp_path / "e.txt").write_text(quote, encoding="utf-8")
    doc = {"id": "m", "title": "ring\x07back\x08\u202eevil", "source": {"path": "e.txt",
                                                                      "sha256": sha256_text(quote.encode())},
           "nodes": [{"id": "T", "kind": "thesis", "text": "t\x07", "quote": quote}, {"id": "P", "kind": "premise",
                                                                                     "text": "p", "quote": quote}],
           "relations": ["P -> T"]}
    (tmp_path / "m.yaml").write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0, result.output
    assert "\x07" not in result.output and "\x08" not in result.output and "\u202e" not in result.output
    assert "ring\ufffdback\ufffd\ufffdevil" in result.output


def test_hostile_text_stays_text_in_the_site_in_a_real_browser(tmp_path: Path) -> None:
    """Chromium loads a map page whose texts try to run script, then a node is clicked (the panel is filled in)."""
    from argmap.classroom.browser import Browser
    from argmap.classroom.site import site_files

    chromium = chromium_or_skip()
    pwn = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>"
    corpus = _pair(f"T {pwn}", f"thesis {pwn}\u202e", "It rained \u202eall\u202c day.", f"premise {pwn}\x07",
                   f"wording {pwn}")
    for name, body in site_files(corpus).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(body)
    with Browser(chromium, timeout=60, window=(1200, 800)) as browser:
        page = browser.open((tmp_path / "maps" / "left.html").as_uri())
        box = page.evaluate("""(() => {
            const el = document.getElementById('P');
            el.scrollIntoView({block: 'center', inline: 'center'});
            const r = el.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2];
        })()""")
        page.click(float(box[0]), float(box[1]))
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        panel = page.evaluate("document.getElementById('panel').innerText")
        assert "premise <img" in panel  # shown as typed
        body = page.evaluate("document.body.innerText")
        assert not ACTIVE.search(body)
        assert browser.events("Runtime.exceptionThrown", page.session) == []
