"""The material reads well for any pair of maps: wording from the maps, counts in agreement, one kind of quote mark.

The maps here are built for the purpose: titles, quotes and apostrophes of every kind, a thesis not called T,
one line of support, no evidence, no assumption, theses bound to a claim they dispute.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from helpers import write_pair

from argmap.classroom.handout import Handout, handout_data
from argmap.classroom.handout_writer import handout_html, handout_markdown, lesson_plan
from argmap.classroom.questions import TEMPLATE_LIMIT
from argmap.corpus.load import Corpus


@pytest.fixture(scope="module")
def odd_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("odd")
    return write_pair(folder, {
        "quiet": {
            "title": "Isn't it \"odd\"? The 'quiet' side's view", "author": "Dana O'Brien",
            "nodes": [
                {"id": "TH", "kind": "thesis", "text": "Moscow's silence isn't weakness..", "claim": "core",
                 "quote": "Moscow's silence isn't \"weakness\"."},
                {"id": "P1", "kind": "premise", "text": "Russia said nothing about the 'pregnancies'.",
                 "quote": "it kept 'quiet' about the pregnancies.", "claim": "hush"},
                {"id": "P2", "kind": "premise", "text": "Strikes on Iran.", "quote": "the strikes on Iran.",
                 "claim": "strikes"},
            ],
            "relations": ["P1 + P2 -> TH"],
        },
        "loud": {
            "title": "A ‘loud’ reply — “no”", "author": None,
            "nodes": [
                {"id": "T", "kind": "thesis", "text": "Moscow's silence is weakness.", "claim": "core",
                 "stance": "denies", "quote": "Moscow’s silence is weakness, plain and simple."},
                {"id": "Q1", "kind": "premise", "text": "Russia kept quiet.", "quote": "Russia kept quiet again.",
                 "claim": "hush", "stance": "denies"},
                {"id": "Q2", "kind": "premise", "text": "The strikes hit Iran.", "quote": "The strikes hit Iran.",
                 "claim": "strikes"},
            ],
            "relations": ["Q1 -> T", "Q2 -> Q1"],
        },
    }, {"hush": "Russia stayed quiet about the 'pregnancies'.", "strikes": "Israel struck Iran.",
        "core": "Moscow's silence is not weakness."})


@pytest.fixture(scope="module")
def odd(odd_corpus: Corpus) -> Handout:
    return handout_data(odd_corpus, "quiet", "loud")


def visible(page: str) -> str:
    """The text a reader sees: without style, script and SVG, tags removed, entities decoded."""
    page = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def editions(h: Handout) -> dict[str, str]:
    return {"student html": visible(handout_html(h)), "teacher html": visible(handout_html(h, teacher=True)),
            "student md": handout_markdown(h), "teacher md": handout_markdown(h, teacher=True)}


def test_only_curly_quotes_and_no_doubled_or_glued_punctuation(odd: Handout) -> None:
    for name, text in editions(odd).items():
        prose = re.sub(r"`[^`]*`", "", text)  # Markdown code spans hold ids only
        assert "'" not in prose and '"' not in prose, name
        assert not re.search(r"[^.]\.\.(?!\.)", prose), (name, re.findall(r".{30}\.\..{10}", prose))
        assert not re.search(r"”[A-Za-z]", prose), (name, re.findall(r".{20}”[A-Za-z].{10}", prose))
        assert not re.search(r"\.[”’],", prose), name


def test_counts_agree_with_their_nouns(odd: Handout) -> None:
    for name, text in editions(odd).items():
        assert not re.search(r"\b1 (separate )?lines\b|\b1 statements\b", text), name
    assert "1 separate line of support" in editions(odd)["student html"]


def test_wording_comes_from_the_maps_not_from_any_one_case(odd: Handout) -> None:
    for name, text in editions(odd).items():
        assert "same events" not in text and "one event" not in text, name
        assert "O’Brien" in text, name
        # The fixture's titles are not in its essays: only the teacher sees them, marked as the map's own.
        assert ("isn’t it “odd”?" in text.lower()) == name.startswith("teacher"), name
        assert "records no source for any of its evidence" not in text, name  # neither map has evidence
        assert "betweenness" not in text.lower() or name.startswith("teacher"), name
    page = handout_html(odd)
    assert '<span class="ref">TH</span> <q>' in page  # the thesis keeps its own label


def test_empty_sections_are_left_out_and_numbered_in_order(odd: Handout) -> None:
    for name in ("student html", "student md"):
        text = editions(odd)[name]
        assert "Unstated assumptions to debate" not in text and "What each essay claims alone" not in text, name
        numbers = [int(x) for x in re.findall(r"(?m)^\s*(?:## )?(\d+)\. [A-Z]", text)]
        assert numbers == list(range(1, len(numbers) + 1)), (name, numbers)
    plan = " ".join(activity for _, activity, _ in lesson_plan(odd))
    assert "hidden one" not in plan  # no assumption is mapped


def test_the_claim_both_theses_dispute_comes_first(odd: Handout) -> None:
    assert "core" not in [r.claim for r in odd.shared]  # a contradiction is no common ground
    assert odd.disagreements[0].claim == "core"


def test_no_template_is_asked_more_than_twice(odd: Handout) -> None:
    forms = [q.template for q in odd.questions]
    assert all(forms.count(f) <= TEMPLATE_LIMIT for f in forms)



def test_the_comparison_report_leaves_out_empty_sections_and_puts_the_theses_claim_first(odd_corpus: Corpus) -> None:
    from argmap.exporters.report import compare_markdown
    from argmap.queries.comparison import compare

    text = compare_markdown(compare(odd_corpus, "quiet", "loud"))
    assert "(0)" not in text  # nothing is only in one essay: no empty "Only in …" section
    assert text.index("Moscow's silence is not weakness") < text.index("Russia stayed quiet")
    assert "Dana O'Brien" in text


def test_a_thesis_that_stands_by_defence_is_never_said_to_have_zero_lines(tmp_path: Path) -> None:
    from helpers import build_corpus, node

    from argmap.classroom.handout import handout_data

    maps = {m: ([node(m, "T", "thesis", claim="core"), node(m, "O", "objection"), node(m, "P"), node(m, "Q")],
                ["O -| T", "P -| O", "Q -> P"]) for m in ("a", "b")}
    corpus = build_corpus(tmp_path, maps, {"core": "The core claim both essays defend."})
    text = handout_data(corpus, "a", "b").model_dump_json()
    assert "0 line" not in text and "0 separate" not in text
