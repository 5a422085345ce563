"""What the handout says follows what the maps show: a tie is said as a tie, theses that deny a claim argue against
it, two theses with one position are not asked how they differ, the lesson's minutes add up, and no two questions
share a title."""

from __future__ import annotations

import itertools
from pathlib import Path

from helpers import build_corpus, node

from argmap.classroom.handout import handout_data
from argmap.classroom.handout_writer import handout_markdown, lesson_plan
from argmap.classroom.questions import discussion_questions
from argmap.corpus.load import Corpus, load_corpus

CURATED = Path(__file__).resolve().parent / "fixtures" / "microtexts" / "curated" / "maps"


def test_a_tie_between_premises_is_said_as_a_tie_not_as_the_most_harm(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P"), node("a", "Q")], ["P -> T", "Q -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P"), node("b", "Q"), node("b", "E", "evidence")],
              ["P -> T", "Q -> T", "E -> P"]),
    }, {})
    q = next(q for q in discussion_questions(corpus, "a", "b") if q.template == "both-theses")
    said = {line.split()[1] if line.startswith("In ") else line.split()[0]: line for line in q.answer[:2]}
    assert "no single statement stands out: rejecting P or Q does the same harm" in said["a"]
    assert "does the most harm" in said["b"]  # E breaks P's line and cuts P off: more than Q does


def test_theses_that_deny_a_claim_are_said_to_argue_against_it(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        m: ([node(m, "T", "thesis", claim="death", stance="denies"), node(m, "P", claim="life"), node(m, "Q")],
            ["P -> T", "Q -> T"]) for m in ("a", "b")
    }, {"death": "Germany should introduce capital punishment.", "life": "No one may decide over a life."})
    prompts = [q.prompt for q in discussion_questions(corpus, "a", "b") if q.template == "same-thesis"]
    assert prompts and all("to the same thesis, that it is not so that “Germany should introduce" in p
                           for p in prompts)
    assert not any("to the same thesis, “Germany should introduce" in p for p in prompts)


def test_the_warm_up_asks_how_theses_differ_only_when_they_take_different_positions(bundled: Corpus) -> None:
    same = handout_markdown(handout_data(load_corpus([CURATED]), "b023", "b031"))
    assert "Both theses take the same position" in same and "how do the two theses differ" not in same
    different = handout_markdown(handout_data(bundled, "bankruptcy", "enforcer"))
    assert "how do the two theses differ" in different and "take the same position" not in different


def test_the_lesson_plan_runs_from_0_to_45_minutes_without_a_gap(bundled: Corpus, tmp_path: Path) -> None:
    thin = build_corpus(tmp_path, {  # no shared claim, no evidence: several steps have nothing to ask
        "a": ([node("a", "T", "thesis"), node("a", "P")], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P")], ["P -> T"]),
    }, {})
    for h in (handout_data(bundled, "bankruptcy", "enforcer"), handout_data(load_corpus([CURATED]), "b023", "b031"),
              handout_data(thin, "a", "b")):
        spans = [tuple(int(x) for x in minutes.split("–")) for minutes, _, _ in lesson_plan(h) if minutes != "extra"]
        assert spans[0][0] == 0 and spans[-1][1] == 45
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans)), spans


def test_no_two_questions_share_a_title(bundled: Corpus) -> None:
    for corpus, pair in ((bundled, ("bankruptcy", "enforcer")), (load_corpus([CURATED]), ("b023", "b031"))):
        titles = [q.title for q in discussion_questions(corpus, *pair)]
        assert len(titles) == len(set(titles)), titles


def test_common_ground_names_every_claim_the_essays_agree_on(bundled: Corpus) -> None:
    from argmap.queries.comparison import compare

    h = handout_data(bundled, "bankruptcy", "enforcer")
    agreed = {a.claim for a in compare(bundled, "bankruptcy", "enforcer").agreements}
    assert {r.claim for r in h.shared} | {r.claim for r in h.also_shared} == agreed
    assert h.also_shared  # conclusions and answered objections both essays share are listed too
    text = handout_markdown(h)
    assert all(r.wording.replace("'", "’") in text for r in h.also_shared)


def test_evidence_in_tension_is_not_said_to_deny_and_a_different_answer_answers(bundled: Corpus) -> None:
    from argmap.classroom.decks import comparison_deck

    text = handout_markdown(handout_data(bundled, "bankruptcy", "enforcer"))
    differences = text.split("differ without contradicting each other")[1].split("\n## ")[0]
    assert "*(in tension with it)*" in differences and "*(denies)*" not in differences
    labels = {s.kicker: [i.label for c in s.columns for i in c.items if i.tone in ("affirms", "denies")]
              for s in comparison_deck(bundled, "bankruptcy", "enforcer") if s.columns}
    assert all(x.endswith(" answers") for x in labels["Same question, different answers"])
    assert any(x.endswith(" in tension") for x in labels["A tension between them"])


def test_the_other_author_is_said_to_take_a_parallel_step_only_where_its_map_does(tmp_path: Path) -> None:
    def pair(b_relations: list[str]) -> Corpus:
        return build_corpus(tmp_path / str(len(b_relations)), {
            "a": ([node("a", "T", "thesis"), node("a", "G", claim="g"), node("a", "A", "assumption")],
                  ["r1: G + A -> T"]),
            "b": ([node("b", "T", "thesis"), node("b", "G", claim="g"), node("b", "B", "assumption"),
                   node("b", "Q")], b_relations),
        }, {"g": "Russia said nothing."})

    said = [x for q in discussion_questions(pair(["r1: G + B -> T"]), "a", "b") for x in q.answer]
    assert any("b itself argues from the same claim (its G) to its T, by a step that rests on a premise it leaves"
               " unstated too (its B:" in x for x in said), said
    apart = [x for q in discussion_questions(pair(["Q -> T", "B -> Q"]), "a", "b") for x in q.answer]
    assert not any("argues from the same claim" in x for x in apart)  # b's G leads nowhere: no parallel step


def test_answers_answer_the_question_asked(bundled: Corpus) -> None:
    """A difference is said not to exclude the other answer; a tension, what would settle it; a conclusion on one
    argument, what the essay would need; a source question, where to look."""
    answers = {q.template or q.kind: " ".join(q.answer) for q in discussion_questions(bundled, "bankruptcy", "enforcer")}
    assert "the answers do not exclude each other" in answers["difference"]
    assert "would settle it" in answers["tension"]
    assert "a second, independent reason for" in answers["one-leg"]
    assert "Where to look:" in answers["evidence"]


def test_a_column_that_ran_out_says_so_on_the_slides_that_continue() -> None:
    from argmap.classroom.slides import Column, Item, paginate

    long = tuple(Item(label=f"P{i}", text="A premise of some length, worth a line or two on a slide.") for i in range(30))
    pages = paginate("Kicker", "A title", [Column(heading="a", items=long), Column(heading="b", items=long[:1])])
    assert len(pages) > 1
    assert [i.text for i in pages[1].columns[1].items] == ["(nothing more: see the slide before)"]
    assert pages[0].columns[1].items == long[:1]


def test_a_claim_the_thesis_itself_states_is_not_said_to_lead_to_it() -> None:
    from argmap.classroom.decks import comparison_deck

    deck = comparison_deck(load_corpus([CURATED]), "b023", "b031")
    theses = next(s for s in deck if s.title == "“Germany should not (re-)introduce capital punishment”")
    assert [c.heading for c in theses.columns] == ["b023: its thesis says it", "b031: its thesis says it"]
    others = [c.heading for s in deck if s.kicker == "Common ground" and s is not theses for c in s.columns]
    assert others and all(h.endswith(": from it to the thesis") for h in others)


def test_an_essay_whose_main_lines_are_all_shared_is_not_said_to_share_every_claim(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), node("a", "P", claim="c"), node("a", "Q")], ["P -> T", "Q -> P"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="c"), node("b", "R")], ["P -> T", "R -> T"]),
    }, {"c": "It rained."})
    text = handout_markdown(handout_data(corpus, "a", "b"))
    alone = text[text.index("What each essay claims alone"):]
    assert "The premises each thesis rests on directly" in alone  # what the lists hold: Q is a's alone, not listed
    assert "every claim is shared" not in text
    assert "- Nothing: the other essay makes each of these too." in alone[: alone.index("### Only in b")]


def test_the_legend_does_not_say_an_unanswered_objection_is_answered(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {
        m: ([node(m, "T", "thesis"), node(m, "P"), node(m, "O1", "objection")], ["P -> T", "O1 -| T"])
        for m in ("a", "b")
    }, {})
    text = handout_markdown(handout_data(corpus, "a", "b"))
    assert "O objection the essay raises" in text and "answers" not in text.split("## 1.")[0]


def test_the_diagram_is_promised_only_where_the_html_edition_prints_one(tmp_path: Path, bundled: Corpus) -> None:
    corpus = build_corpus(tmp_path, {  # the theses contradict each other, and nothing else is shared: no diagram
        "a": ([node("a", "T", "thesis", claim="fines"), node("a", "P")], ["P -> T"]),
        "b": ([node("b", "T", "thesis", claim="fines", stance="denies"), node("b", "P")], ["P -> T"]),
    }, {"fines": "Higher fines are the right means."})
    h = handout_data(corpus, "a", "b")
    assert h.disagreements and not h.diagram
    assert "comparative diagram" not in handout_markdown(h)
    assert "The comparative diagram is in the HTML and PDF editions." in handout_markdown(
        handout_data(bundled, "bankruptcy", "enforcer"))


def test_a_source_the_map_does_not_record_is_said_of_the_map_not_of_the_essay(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, {  # the essay may name a source the curator left out of `citation`
        m: ([node(m, "T", "thesis"), node(m, "P"), node(m, "E", "evidence")], ["P -> T", "E -> P"]) for m in "ab"
    }, {})
    text = handout_markdown(handout_data(corpus, "a", "b"), teacher=True)
    assert "the map of a records no source for any of its evidence" in text
    assert "Neither map records a source for any evidence" in text
    assert "names no source" not in text and "cites a source" not in text
