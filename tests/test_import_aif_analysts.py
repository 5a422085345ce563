"""AIF as analysts write it: speakers' prefixes off the quotes in every form OVA and AIFdb use, MA (rephrase) nodes
not read as support, only the speakers who speak as authors, the proposition/locution difference not reported as
drift, and real public AIF files (tests/fixtures/aif, see NOTICE.md) imported into maps that validate."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from argmap.cli import cli
from argmap.corpus.load import load_corpus
from argmap.importers.run import convert_files, plan_files, write_plan

AIF = Path(__file__).resolve().parent / "fixtures" / "aif"
EMPTY = AIF / "ova3-empty.json"
REAL = sorted(p for p in AIF.glob("*.json") if p != EMPTY)
PREFIX = re.compile(r"^[#@]?\w[\w.]*(?: \w+)? ?: ")
# What `validate --strict` warns of in each public file's map, and why: the AIFdb map and arguebuf's dump of it each
# have two propositions that nothing supports, attacks or is inferred from (tied only to the dialogue, or only by
# rephrases); every other public file's map passes --strict.
NOT_CONNECTED = {"aifdb-6064": ["I29045", "I111829"], "arguebuf-6064-reconstructed": ["I29045", "I111829"]}


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _as_stated(path: Path) -> tuple[int, Counter[str]]:
    """How many statements and relations of each type the AIF file states, read without the importer: an I-node
    with text is a statement, an RA-node a support (by example when AIFdb names its scheme "Example"), a CA-node an
    attack; MA-nodes (rephrase) and the dialogue's nodes are none."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    nodes = data.get("AIF", data)["nodes"]
    statements = sum(n["type"] == "I" and bool(str(n["text"]).strip()) for n in nodes)
    relations = Counter("attacks" if n["type"] == "CA" else "example" if n["text"] == "Example" else "supports"
                        for n in nodes if n["type"] in ("RA", "CA"))
    return statements, relations


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_a_public_aif_file_imports_into_a_valid_map_with_the_statements_and_relations_it_states(path: Path,
                                                                                               tmp_path: Path) -> None:
    done = convert_files([path])
    assert not done.failed and len(done.maps) == 1
    assert [d.severity for d in done.problems] == (["warning"] if path.stem in NOT_CONNECTED else [])  # said at import
    write_plan(tmp_path, plan_files(done.maps))
    check = run("validate", str(tmp_path / "maps"))
    assert check.exit_code == 0, check.output
    m = load_corpus([tmp_path / "maps"]).get(path.stem).model
    quotes = [q for n in m.nodes for q in [n.quote, *(n.more_quotes or [])] if q]
    assert quotes and not [q for q in quotes if PREFIX.match(q)]
    statements, relations = _as_stated(path)
    assert len(m.nodes) == statements
    assert Counter(r.type for r in m.relations) == relations
    strict = run("validate", "--strict", str(tmp_path / "maps")).output
    warnings = [line for line in strict.splitlines() if ": warning: " in line]
    assert [re.sub(r".*node '(\w+)' is not connected to the argument.*", r"\1", w) for w in warnings] == \
        NOT_CONNECTED.get(path.stem, []), warnings


def test_five_of_the_seven_public_aif_maps_pass_strict_and_the_empty_export_is_a_note(tmp_path: Path) -> None:
    result = run("import", str(AIF), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "imported 7 map(s)" in result.output and "3 note(s)" in result.output  # the empty one, and two maps' warnings
    assert "ova3-empty.json:1:1: warning: an AIF graph with no statement (I-node): nothing to import" in result.output
    strict = run("validate", "--strict", str(tmp_path / "maps"))
    assert strict.exit_code == 1
    assert "5 maps valid, 0 errors, 4 warnings" in strict.output, strict.output


@pytest.mark.parametrize(("nodeset", "text"), [("6361", "micro_b001"), ("6363", "micro_b003"), ("6396", "micro_b036")])
def test_the_thesis_and_each_voice_are_those_the_corpus_marks(nodeset: str, text: str) -> None:
    # The same microtext as AIFdb exports it (no voices) and in the corpus's own XML, read here: each ADU is pro or
    # opp, and the central claim is the ADU no sup, exa, reb, und or add edge leaves
    root = ET.parse(AIF.parent / "microtexts" / f"{text}.xml").getroot()
    edu = {e.get("id"): (e.text or "").strip() for e in root.iter("edu")}
    voice = {a.get("id"): a.get("type") for a in root.iter("adu")}
    unit_of = {edu[e.get("src")]: e.get("trg") for e in root.iter("edge") if e.get("type") == "seg"}
    argues = {e.get("src") for e in root.iter("edge") if e.get("type") in ("sup", "exa", "reb", "und", "add")}
    doc = yaml.safe_load(convert_files([AIF / f"microtexts-nodeset{nodeset}.json"]).maps[0].map_yaml)
    kinds = {n["text"]: n["kind"] for n in doc["nodes"]}
    assert kinds.keys() == unit_of.keys()
    assert [t for t, k in kinds.items() if k == "thesis"] == [t for t, a in unit_of.items() if a not in argues]
    assert {t: k == "objection" for t, k in kinds.items()} == {t: voice[a] == "opp" for t, a in unit_of.items()}


def test_the_analyst_who_reports_an_ova_dialogue_is_not_one_of_its_authors() -> None:
    doc = yaml.safe_load(convert_files([AIF / "ova3-xaif.json"]).maps[0].map_yaml)
    assert doc["author"] == "Participant Rachel"   # not OVA's analyst "Anon", whose locutions report Rachel's
    assert [n["quote"] for n in doc["nodes"]] == ["A", "B"]   # said as "Participant Rachel: A", "… B"
    assert doc["relations"] == ["I15_164926162804546033 -> I2_164926129380455983"]   # "A because B"


def test_rephrase_nodes_are_not_support(tmp_path: Path) -> None:
    path = AIF / "arguebuf-6064-reconstructed.json"
    aif = json.loads(path.read_text())
    assert run("import", str(path), "--out", str(tmp_path)).exit_code == 0
    m = load_corpus([tmp_path / "maps"]).get(path.stem).model
    assert len(m.relations) == sum(n["type"] in ("RA", "CA") for n in aif["nodes"])
    rephrased = {e["fromID"] for e in aif["edges"] for n in aif["nodes"] if n["nodeID"] == e["toID"] and n["type"] == "MA"}
    noted = {n.id.removeprefix("I") for n in m.nodes if n.note and n.note.startswith("rephrases ")}
    assert noted == rephrased and len(noted) == 3
    assert m.thesis.id == "I29054"   # the conclusion of an inference, not what a rephrase points at


def _dialogue(tmp_path: Path, locutions: list[str], text: str | None = None,
              participants: list[dict[str, str]] | None = None) -> Path:
    nodes: list[dict[str, str]] = []
    edges: list[tuple[str, str]] = []
    for i, said in enumerate(locutions):
        words = re.sub(r"^.*?: ", "", said)
        nodes += [{"nodeID": f"L{i}", "type": "L", "text": said}, {"nodeID": f"Y{i}", "type": "YA", "text": "Asserting"},
                  {"nodeID": f"I{i}", "type": "I", "text": words}]
        edges += [(f"L{i}", f"Y{i}"), (f"Y{i}", f"I{i}")]
        if i:
            nodes.append({"nodeID": f"R{i}", "type": "RA", "text": "Default Inference"})
            edges += [(f"I{i}", f"R{i}"), (f"R{i}", "I0")]
    graph = {"nodes": nodes, "edges": [{"edgeID": str(k), "fromID": u, "toID": v} for k, (u, v) in enumerate(edges)],
             "locutions": [{"nodeID": "L0", "personID": "1"}], "participants": participants or []}
    path = tmp_path / "dialogue.json"
    path.write_text(json.dumps({"AIF": graph, "text": text} if text is not None else graph))
    return path


def test_speaker_prefixes_come_off_in_every_form_and_the_quotes_are_found_in_the_text(tmp_path: Path) -> None:
    said = ["Participant Rachel: Buses should be free", "Participant Rachel : Fares keep people off buses",
            "#Mo: Cities pay for roads already", "Bob (0.91) : Free buses cut traffic", "Bob None: Drivers switch"]
    text = ("<p>Participant Rachel: Buses should be free. Fares keep people off buses.</p><p>Mo: Cities pay for "
            "roads already.</p><p>Bob: Free buses cut traffic. Drivers switch.</p>")
    path = _dialogue(tmp_path, said, text, [{"participantID": "1", "firstname": "Participant", "surname": "Rachel"},
                                            {"participantID": "2", "firstname": "Bob", "surname": "None"},
                                            {"participantID": "3", "firstname": "Eve", "surname": "Silent"}])
    result = run("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    m = load_corpus([tmp_path / "out" / "maps"]).get("dialogue").model
    assert [n.quote for n in m.nodes] == ["Buses should be free", "Fares keep people off buses",
                                          "Cities pay for roads already", "Free buses cut traffic", "Drivers switch"]
    essay = (tmp_path / "out" / "seeds" / "dialogue.txt").read_text()
    assert essay.splitlines() == ["Participant Rachel: Buses should be free. Fares keep people off buses.",
                                  "Mo: Cities pay for roads already.", "Bob: Free buses cut traffic. Drivers switch."]
    # OVA's three paragraphs, and nothing appended: every quote is found in them
    assert m.author == "Participant Rachel, Mo, Bob"   # who speaks: not Eve, and no "None"


def test_a_colon_in_what_was_said_stays_when_the_proposition_has_it_too(tmp_path: Path) -> None:
    path = _dialogue(tmp_path, ["Rule: no dogs on the bus", "Ann : dogs bite"])   # L0 has a speaker on record
    graph = json.loads(path.read_text())
    graph["nodes"][2]["text"] = "Rule: no dogs on the bus"
    path.write_text(json.dumps(graph))
    assert run("import", str(path), "--out", str(tmp_path / "out")).exit_code == 0
    m = load_corpus([tmp_path / "out" / "maps"]).get("dialogue").model
    assert [n.quote for n in m.nodes] == ["Rule: no dogs on the bus", "dogs bite"]


def test_a_reconstructed_proposition_is_not_reported_as_drift_but_an_edit_of_it_is(tmp_path: Path) -> None:
    path = AIF / "aifdb-6064.json"
    assert run("import", str(path), "--out", str(tmp_path)).exit_code == 0
    yaml_path = tmp_path / "maps" / "aifdb-6064.yaml"
    text = yaml_path.read_text()
    assert "accept_drift:" in text and "reconstruction of what was said" in text   # "Was he wrong" / "was not wrong"
    assert "paraphrase" not in run("validate", str(yaml_path)).output
    edited = text.replace("text: and therefore the only way forward was for Britain to withdraw",
                          "text: and therefore the only way forward was perhaps for Britain to withdraw")
    assert edited != text
    yaml_path.write_text(edited)
    assert "paraphrase adds the hedge 'perhaps'" in run("validate", str(yaml_path)).output
