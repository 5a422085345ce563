"""Every construct of the arg-microtexts (arggraph) format imports with its structure.

The expected structure is read from each fixture's XML here, with ``xml.etree`` (not the importer's code): units
and their passages, typed relations, the central claim as thesis, and the stance on the topic.  The maps must then
validate strictly, and treat a proposition stated in several places and a reconstructed unit as such when they are
checked, covered, drawn and exported.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli
from argmap.corpus.load import load_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "arggraph"
PART2 = Path(__file__).resolve().parent / "fixtures" / "microtexts-part2"   # real texts of the corpus's part 2
TEXTS = sorted(FIXTURES.glob("*.xml")) + sorted(PART2.glob("*.xml"))
TYPES = {"sup": "supports", "exa": "example", "reb": "attacks", "und": "attacks"}
STANCES = {"pro": "affirms", "con": "denies"}


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def expected(xml: Path) -> dict[str, object]:
    """What the XML says, read independently: units (kind, quote, more quotes, implicit text), relations, stance."""
    root = ET.parse(xml).getroot()
    text = xml.with_suffix(".txt").read_text()
    edus = [(e.get("id"), e.text or "", e.get("implicit") == "true") for e in root.iter("edu")]
    index = {ident: i for i, (ident, _, _) in enumerate(edus)}
    edges = [(e.get("id"), e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")]
    seg_into: dict[str, list[str]] = {}
    for _, s, t, ty in edges:
        if ty == "seg":
            seg_into.setdefault(str(t), []).append(str(s))
    joints = {j.get("id") for j in root.iter("joint")}
    leaving = {s for _, s, _, ty in edges if ty != "seg"}
    adus = {str(a.get("id")): a.get("type") for a in root.iter("adu")}
    (central,) = [a for a in adus if a not in leaving]
    units: dict[str, tuple[str, str | None, tuple[str, ...], str]] = {}
    for adu, voice in adus.items():
        segs = sorted({e for s in seg_into[adu] for e in (seg_into[s] if s in joints else [s])}, key=index.get)
        written = [s for s in segs if not edus[index[s]][2]]
        runs: list[list[str]] = []
        for s in written:
            if runs and index[s] == index[runs[-1][-1]] + 1:
                runs[-1].append(s)
            else:
                runs.append([s])
        passages = [" ".join(edus[index[s]][1] for s in run) for run in runs]
        assert all(p in text for p in passages), xml.name  # the fixture's own consistency
        kind = "thesis" if adu == central and voice == "pro" else "premise" if voice == "pro" else "objection"
        reconstruction = " ".join(edus[index[s]][1] for s in segs)
        units[adu] = (kind, passages[0] if passages else None, tuple(passages[1:]), passages[0] if passages
                      else reconstruction)
    added: dict[str, set[str]] = {}
    for _, s, t, ty in edges:
        if ty == "add":
            added.setdefault(str(t), set()).add(str(s))
    relations = {(i, TYPES[ty], frozenset({s, *added.get(str(i), set())}), t) for i, s, t, ty in edges if ty in TYPES}
    return {"topic": root.get("topic_id"), "stance": root.get("stance"), "central": central,
            "voice": adus[central], "units": units, "relations": relations}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("arggraph")
    result = run("import", str(FIXTURES), str(PART2), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("xml", TEXTS, ids=[x.stem for x in TEXTS])
def test_each_construct_imports_with_its_units_relations_thesis_and_stance(imported: Path, xml: Path) -> None:
    gold = expected(xml)
    corpus = load_corpus([imported / str(gold["topic"])], strict=True)
    m = corpus.get(xml.stem).model
    units = gold["units"]
    assert isinstance(units, dict)
    got = {n.id: (n.kind, n.quote, tuple(n.more_quotes or ()), n.text) for n in m.nodes}
    relations = {(r.id, r.type, frozenset(r.sources), r.target) for r in m.relations}
    if gold["voice"] == "pro":
        assert got == units
        assert relations == gold["relations"]
        thesis = m.require_node(str(gold["central"]))
    else:  # the opponent's central claim: the text argues against it, and its rejection is the (implicit) thesis
        thesis = m.thesis
        assert {k: v for k, v in got.items() if k != thesis.id} == units
        assert relations == {*gold["relations"], (None, "attacks", frozenset({gold["central"]}), thesis.id)}
        assert thesis.implicit and str(units[gold["central"]][1]) in thesis.text
    assert m.thesis is thesis
    for n in m.nodes:
        assert n.implicit == (n.quote is None)
    text = xml.with_suffix(".txt").read_text()
    marks = {" ".join(e.text.split()).upper() for e in ET.parse(xml).getroot().iter("edu")
             if e.get("implicit") == "true" and e.text and " ".join(e.text.split()).upper() in text}
    assert {k.quote for k in m.skip} == marks   # part 2 writes an implicit claim into the text in capitals
    if gold["stance"] in STANCES:
        assert (thesis.claim, thesis.effective_stance) == (gold["topic"], STANCES[str(gold["stance"])])
    else:
        assert thesis.claim is None and thesis.note and "unclear" in thesis.note


def test_every_imported_construct_validates_strictly(imported: Path) -> None:
    for folder in sorted(p for p in imported.iterdir() if p.name != "seeds"):
        result = run("validate", "--strict", str(folder))
        assert result.exit_code == 0 and "0 warnings" in result.output, (folder, result.output)


def test_a_restated_claim_is_grounded_covered_drawn_and_exported_in_each_place(imported: Path) -> None:
    from argmap.exporters import export_text
    from argmap.queries.coverage import map_coverage
    from argmap.render.map.diagram import map_dot

    corpus = load_corpus([imported / "more_bike_lanes"], strict=True)
    gm = corpus.get("arggraph_restated")
    (span,) = gm.more_spans["a1"]
    assert gm.essay.text[slice(*span)] == "the city should build more bike lanes, and soon."
    last = map_coverage(gm).paragraphs[-1]
    assert (last.status, last.nodes) == ("covered", ["a1"])
    assert "stated 2×" in map_dot(gm)
    aif = json.loads(export_text(corpus, ["arggraph_restated"], "aif"))
    said = [e["fromID"] for e in aif["edges"] if e["toID"].startswith("YA:a1")]
    assert said == ["L:a1", "L:a1#2"]
    argdown = export_text(corpus, ["arggraph_restated"], "argdown")
    assert '"more_quotes": ["the city should build more bike lanes, and soon."]' in argdown.replace("more_quotes:",
                                                                                                   '"more_quotes":')


def test_a_moved_restatement_is_a_located_error(imported: Path, tmp_path: Path) -> None:
    import shutil

    copy = shutil.copytree(imported, tmp_path / "copy")
    edited = copy / "more_bike_lanes" / "arggraph_restated.yaml"
    edited.write_text(edited.read_text().replace(", and soon.", ", and today."))
    result = run("validate", str(edited))
    assert result.exit_code == 1
    assert "nodes[0].more_quotes[0]: not found in arggraph_restated.txt" in result.output


def test_a_reconstructed_thesis_is_shown_and_exported_as_a_reconstruction(imported: Path) -> None:
    from argmap.exporters import export_text
    from argmap.render.map.diagram import map_dot

    corpus = load_corpus([imported / "four_day_week"], strict=True)
    dot = map_dot(corpus.get("arggraph_implicit_central"))
    assert "thesis · implicit" in dot
    assert 'implicit thesis, reconstructed (no quote in the essay): The four-day week deserves a trial.' in dot
    aif = json.loads(export_text(corpus, ["arggraph_implicit_central"], "aif"))
    assert not [e for e in aif["edges"] if e["toID"] == "a1" and e["fromID"].startswith("YA:")]
    (a1,) = [n for n in aif["nodes"] if n["nodeID"] == "a1"]
    assert a1["argmap"]["mentions"][0]["implicit"] is True
    argdown = export_text(corpus, ["arggraph_implicit_central"], "argdown")
    line = next(x for x in argdown.splitlines() if x.startswith("[a1]:"))
    assert "#implicit" in line and 'implicit: true' in line and "quote" not in line
    from argmap.exporters.graph import view_graph
    from argmap.exporters.view import export_view

    g = view_graph(export_view(corpus, ["arggraph_implicit_central"]))
    assert g.nodes["a1"]["implicit"] is True and g.nodes["a1"]["quote"] == ""
    assert g.nodes["a2"]["implicit"] is False


def test_a_reconstructed_segment_not_marked_implicit_gets_an_error_naming_both_causes(tmp_path: Path) -> None:
    xml = (FIXTURES / "arggraph_implicit_premise.xml").read_text().replace(' implicit="true"', "")
    (tmp_path / "micro_x.xml").write_text(xml)
    (tmp_path / "micro_x.txt").write_bytes((FIXTURES / "arggraph_implicit_premise.txt").read_bytes())
    result = run("import", str(tmp_path / "micro_x.xml"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert (f"{tmp_path / 'micro_x.xml'}:5:3: error: segment 'e3' is not in micro_x.txt after segment 'e2' (nor "
            "anywhere else in it) (the written segments are found in the order the file lists them; a unit the "
            'author never wrote (a reconstruction) is an <edu implicit="true">)') in result.output
