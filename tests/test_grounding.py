"""Quotes are found after normalising whitespace, quotes, dashes and ellipses, and nothing else."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.text.essayindex import Essay, normalise

ESSAY = Essay("Israel’s strikes—deep inside Iran—met “silence”…\n\nRussia  said\nnothing.\n")


def test_typographic_variants_match_and_spans_are_in_original_characters() -> None:
    span = ESSAY.find("Israel's strikes - deep inside Iran - met \"silence\"...")
    assert span is not None
    assert ESSAY.text[span[0]:span[1]] == "Israel’s strikes—deep inside Iran—met “silence”…"


def test_whitespace_runs_and_line_breaks_match_a_space() -> None:
    span = ESSAY.find("Russia said nothing.")
    assert span is not None and ESSAY.text[span[0]:span[1]] == "Russia  said\nnothing."


def test_case_and_words_must_match() -> None:
    assert ESSAY.find("russia said nothing.") is None
    assert ESSAY.find("Russia said little.") is None


def test_closest_passage_points_at_the_likely_source() -> None:
    assert ESSAY.closest("Russia sayed nothing") in {"Russia said nothing.", "Russia said nothing"}


def test_paragraphs_are_non_blank_lines() -> None:
    assert [(p.number, p.line) for p in ESSAY.paragraphs] == [(1, 1), (2, 3), (3, 4)]


def test_find_all_returns_every_occurrence() -> None:
    essay = Essay("We stand. They fall. We stand.")
    assert essay.find_all("We stand.") == [(0, 9), (21, 30)]


ALPHABET = st.sampled_from([*list("ab .\n\t-—–…’“”'\""), "\xa0", "x"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_essay_index_agrees_with_normalise(text: str) -> None:
    assert Essay(text).norm == normalise(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60) | st.text(min_size=1, max_size=200), st.data())
def test_spans_cover_exactly_the_quoted_text(text: str, data: st.DataObject) -> None:
    essay = Essay(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if not normalise(quote):
        return
    span = essay.find(quote)
    assert span is not None
    assert normalise(text[span[0]:span[1]]) == normalise(quote)


HOMEWORK = ("Homework Should Be Abolished in Primary School\n\n"
            "Young children learn best through play, not worksheets. So homework should be abolished in primary school.\n\n"
            "But self-discipline can be learned in clubs and sports, which children enjoy.\n")


def test_closest_passage_stays_within_one_paragraph() -> None:
    essay = Essay(HOMEWORK)
    assert essay.closest("Young children learn best by play, not worksheets.") == (
        "Young children learn best through play, not worksheets.")
    paragraphs = [normalise(p) for p in HOMEWORK.split("\n\n")]
    for straddling in ("School Young children learn", "in primary school. But self-discipline can"):
        assert any(essay.closest(straddling) in p for p in paragraphs)


def test_closest_passage_joins_the_lines_of_a_hard_wrapped_paragraph() -> None:
    essay = Essay("Title line\n\nDogs drool a lot on\nevery rug we own.\n")
    assert essay.closest("Dogs drool a lot on each rug we own.") == "Dogs drool a lot on every rug we own."


WORDS = st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6), WORDS | st.lists(WORDS, min_size=2, max_size=3).map(" ".join))
def test_every_closest_passage_lies_within_one_paragraph(paragraphs: list[str], quote: str) -> None:
    hint = Essay("\n\n".join(paragraphs)).closest(quote)
    assert any(hint in p for p in paragraphs)
