"""A whole topic compared (``argmap compare A B C ...``): the grid, the topic stances, unanswered objections, and the
front end's rules.  The topic is the nine arg-microtexts texts on higher dog poo fines (tests/fixtures/topic)."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import Corpus, load_corpus
from argmap.exporters.report import compare_markdown
from argmap.exporters.topic import topic_markdown, topic_text
from argmap.format.registry import Claim
from argmap.format.relations import claim_relation
from argmap.queries.comparison import compare
from argmap.queries.topic import compare_topic

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "tests" / "fixtures" / "topic"
MAPS = TOPIC / "higher_dog_poo_fines"


@pytest.fixture(scope="module")
def topic() -> Corpus:
    return load_corpus([MAPS])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_topic_stances_agree_with_the_corpus_gold_stance(topic: Corpus) -> None:
    gold = {f.stem: {"pro": "affirms", "con": "denies"}[ET.parse(f).getroot().attrib["stance"]]
            for f in sorted((TOPIC / "xml").glob("micro_*.xml"))}
    result = compare_topic(topic, sorted(topic.maps))
    assert result.topic == "higher_dog_poo_fines"
    assert {s.map: s.stance for s in result.stances} == gold
    assert len(gold) == 9 and sorted(gold.values()).count("denies") == 1


def test_grid_rows_by_how_many_essays_make_the_claim(topic: Corpus) -> None:
    ids = sorted(topic.maps)
    result = compare_topic(topic, ids)
    counts = [r.essays for r in result.rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 9
    for row in result.rows:
        assert [c.map for c in row.cells] == ids
        bound = {gm.id for gm in topic.maps.values() if any(n.claim == row.claim for n in gm.model.nodes)}
        assert {c.map for c in row.cells if c.relation != "absent"} == bound
        assert row.essays == len(bound)
    head = result.rows[0]
    assert head.relation == "contradict"  # eight texts affirm the topic claim, one denies it
    assert {c.map: c.relation for c in head.cells}["micro_b061"] == "denies"
    assert next(r for r in result.rows if r.claim == "fines-deter").relation == "agree"


def test_each_essay_lists_the_objections_it_leaves_unanswered(topic: Corpus) -> None:
    result = compare_topic(topic, sorted(topic.maps))
    against_b032 = {(u.by, u.node) for u in result.unanswered if u.map == "micro_b032"}
    # micro_k008 objects that higher fines hurt the poor; micro_b032 affirms the topic claim and never says so
    assert ("micro_k008", "a3") in against_b032
    assert not any(u.map == u.by for u in result.unanswered)
    # micro_b061 denies the topic claim: objections to affirming it are not raised against it
    assert not any(u.map == "micro_b061" and u.claim == "higher_dog_poo_fines" for u in result.unanswered)
    # the raising essay may answer its own objection: the report says "not taken up" by the others, not "unanswered"
    report = topic_markdown(result)
    assert "## Objections another essay raises, not taken up" in report and "unanswered" not in report.lower()


def test_an_essay_that_binds_the_objection_s_claim_answers_it(tmp_path: Path) -> None:
    shutil.copytree(TOPIC, tmp_path / "t")
    folder = tmp_path / "t" / "higher_dog_poo_fines"
    for name, node in (("micro_b002", "a4"), ("micro_k024", "a2")):  # both raise an objection about enforcement
        f = folder / f"{name}.yaml"
        text = f.read_text(encoding="utf-8")
        at = text.index(f"  - id: {node}\n")
        end = text.index("\n    quote:", at)
        end = text.index("\n", end + 1) + 1
        f.write_text(text[:end] + "    claim: enforcement-lacking\n" + text[end:], encoding="utf-8")
    registry = folder / "claims.yaml"
    registry.write_text(registry.read_text(encoding="utf-8")
                        + '  - id: enforcement-lacking\n    wording: "Fines need bins and officers first."\n',
                        encoding="utf-8")
    corpus = load_corpus([folder])
    result = compare_topic(corpus, sorted(corpus.maps))
    pairs = {(u.map, u.by, u.node) for u in result.unanswered}
    assert ("micro_k024", "micro_b002", "a4") not in pairs and ("micro_b002", "micro_k024", "a2") not in pairs
    assert ("micro_k031", "micro_b002", "a4") in pairs  # k031 does not take it up


def test_claims_only_one_essay_makes(topic: Corpus) -> None:
    result = compare_topic(topic, ["micro_b002", "micro_b007", "micro_k031"])
    only = {(u.map, u.claim) for u in result.unique_claims}
    assert ("micro_b002", "stepping-in-it-is-foul") in only and ("micro_k031", "a-clean-city") in only
    assert not any(u.claim == "scanning-the-ground" for u in result.unique_claims)  # b002 and b007 both make it
    assert all(n.map in {"micro_b002", "micro_b007", "micro_k031"} for n in result.unbound)


def test_a_declared_relation_wins_over_the_stances() -> None:
    """The topic grid reads each row's relation by the one rule of argmap.format.relations."""
    differ = Claim(id="c", wording="W", relation="differ", how="h")
    assert claim_relation(differ, {"a": {"affirms"}, "b": {"affirms"}}) == "differ"
    assert claim_relation(Claim(id="c", wording="W"), {"a": {"affirms"}, "b": {"denies"}}) == "contradict"
    assert claim_relation(None, {"a": {"denies"}, "b": {"denies"}}) == "agree"


def test_cli_topic_report_in_three_formats(topic: Corpus) -> None:
    ids = ["micro_b002", "micro_b061", "micro_k024"]
    paths = [str(MAPS / f"{i}.yaml") for i in ids]
    code, out, err = run("compare", *paths)
    assert code == 0, err
    assert out == topic_markdown(compare_topic(topic.subset(ids), ids))
    code, text, _ = run("compare", *paths, "--format", "text")
    assert code == 0 and text.startswith("topic of 3 essays: micro_b002, micro_b061, micro_k024")
    assert text == topic_text(compare_topic(topic.subset(ids), ids))
    code, js, _ = run("compare", *paths, "--json")
    data = json.loads(js)
    assert code == 0 and [s["stance"] for s in data["stances"]] == ["affirms", "denies", "affirms"]
    assert [c["map"] for c in data["rows"][0]["cells"]] == ids


def test_cli_two_maps_keep_the_pair_report(bundled: Corpus) -> None:
    code, out, _ = run("compare", "bankruptcy", "enforcer")
    assert code == 0 and out == compare_markdown(compare(bundled, "bankruptcy", "enforcer"))
    code, out, _ = run("compare", "bankruptcy", "enforcer", "--topic")
    assert code == 0 and out.startswith("# Topic: bankruptcy, enforcer")


@pytest.mark.parametrize(("args", "message"), [
    (["bankruptcy"], "a comparison needs two different maps"),
    (["bankruptcy", "bankruptcy", "bankruptcy"], "a comparison needs two different maps"),
    (["bankruptcy", "enforcer", "--format", "text"], "--format text is for the topic report"),
])
def test_cli_refuses_too_few_maps_with_a_message(args: list[str], message: str) -> None:
    code, _, err = run("compare", *args)
    assert code == 1 and message in err


def test_the_claims_most_worth_discussing_lead_with_the_contested_one(topic: Corpus) -> None:
    from argmap.classroom.topic import discussion_points

    points = discussion_points(compare_topic(topic, sorted(topic.maps)))
    first = points[0]
    assert first.claim == "higher_dog_poo_fines" and first.relation == "contradict"
    assert first.deny == ["micro_b061"] and len(first.affirm) == 8
    assert [m.stance for m in first.quotes] == ["affirms", "denies"]  # one quote from each side, from the maps
    assert "8 of the 9 essays affirm this and 1 denies it" in first.question
    assert all(p.relation == "agree" and "contested" not in p.question for p in points[1:])
    assert len(points) == 3


def test_the_site_of_a_topic_has_a_class_overview_linked_from_its_index(tmp_path: Path) -> None:
    import shutil as sh

    if sh.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    result = CliRunner().invoke(cli, ["site", str(MAPS), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "topic.html").read_text(encoding="utf-8")
    assert "9 essays on one question" in page and 'id="claim--higher_dog_poo_fines"' in page
    assert page.count("<tr") == 1 + len(compare_topic(load_corpus([MAPS]), sorted(load_corpus([MAPS]).maps)).rows)
    assert 'href="topic.html"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_contested_claim_is_discussed_before_one_more_essays_agree_on(topic: Corpus) -> None:
    from argmap.classroom.topic import discussion_points
    from argmap.queries.results import TopicCell, TopicRow

    base = compare_topic(topic, ["micro_b002", "micro_b061", "micro_k024"])
    ids = [m.id for m in base.maps]

    def row(claim: str, relation: str, cells: list[str]) -> TopicRow:
        return TopicRow(claim=claim, wording=claim, relation=relation, how=None,  # type: ignore[arg-type]
                        essays=sum(c != "absent" for c in cells), theses=[],
                        cells=[TopicCell(map=i, relation=c, mentions=[]) for i, c in zip(ids, cells, strict=True)])  # type: ignore[arg-type]

    from argmap.classroom.topic import _rank
    from argmap.queries.facts import UngroundedFact

    rows = [row("agreed", "agree", ["affirms"] * 3), row("disputed", "contradict", ["affirms", "denies", "absent"])]
    assert [r.claim for r in sorted(rows, key=_rank)] == ["disputed", "agreed"]
    with pytest.raises(UngroundedFact, match="claim 'disputed'"):  # rows no checked fact states are not worded
        discussion_points(base.model_copy(update={"rows": rows}))
    with pytest.raises(UngroundedFact, match="not checked"):
        discussion_points(base.model_copy(update={"facts": {}}))


def test_each_point_worth_discussing_carries_the_checked_facts_it_words(topic: Corpus) -> None:
    from argmap.classroom.topic import discussion_points

    for p in discussion_points(compare_topic(topic, sorted(topic.maps))):
        assert {f.fact for f in p.facts} >= {"made-by", "relation-among", "essay-on-claim"}
        assert all(f.check(topic) for f in p.facts)
        made = next(f for f in p.facts if f.fact == "made-by")
        assert sorted(made.by) == sorted(p.affirm + [m for m in p.deny if m not in p.affirm])


# ARGMAP_SHARED_CORPORA names the corpora folder when it is not ../shared/corpora beside the repository.
CORPUS = Path(os.environ.get("ARGMAP_SHARED_CORPORA", ROOT.parent / "shared" / "corpora")) / "arg-microtexts" / "en"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the arg-microtexts corpus is not at {CORPUS}")
def test_every_imported_topic_of_the_corpus_gets_the_gold_stance_of_every_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(CORPUS), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    gold = {}
    for f in sorted(CORPUS.glob("micro_*.xml")):
        root = ET.parse(f).getroot().attrib
        if root.get("topic_id") and root.get("stance") in ("pro", "con"):
            gold[f.stem] = (root["topic_id"], {"pro": "affirms", "con": "denies"}[root["stance"]])
    checked = 0
    for folder in sorted(p for p in (tmp_path / "out").iterdir() if p.is_dir() and p.name != "seeds"):
        corpus = load_corpus([folder])
        if len(corpus.maps) < 2:
            continue
        report = compare_topic(corpus, sorted(corpus.maps))
        for s in report.stances:
            if s.map in gold:
                assert (report.topic, s.stance) == gold[s.map], (folder.name, s.map)
                checked += 1
    assert checked >= 80  # most of the corpus's texts have a topic and a stance
