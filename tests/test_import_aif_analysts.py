"""AIF as analysts write it: speakers' prefixes off the quotes in every form OVA and AIFdb use, MA (rephrase) nodes
not read as support, only the speakers who speak as authors, the proposition/locution difference not reported as
drift, and real public AIF files (tests/fixtures/aif, see NOTICE.md) imported into maps that validate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli
from argmap.corpus.load import load_corpus

AIF = Path(__file__).resolve().parent / "fixtures" / "aif"
REAL = sorted(AIF.glob("*.json"))
PREFIX = re.compile(r"^[#@]?\w[\w.]*(?: \w+)? ?: ")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_a_real_aif_file_imports_into_a_map_that_validates_with_no_speaker_in_its_quotes(path: Path,
                                                                                         tmp_path: Path) -> None:
    assert run("import", str(path), "--out", str(tmp_path)).exit_code == 0
    check = run("validate", str(tmp_path / "maps"))
    assert check.exit_code == 0, check.output
    m = load_corpus([tmp_path / "maps"]).get(path.stem).model
    assert m.nodes and not [n.quote for n in m.nodes if n.quote and PREFIX.match(n.quote)]
    # --strict fails on these two only for statements the analysis relates to nothing (no drift warnings)
    strict = run("validate", "--strict", str(tmp_path / "maps")).output
    warnings = [line for line in strict.splitlines() if ": warning: " in line]
    assert warnings and all("is not connected to the argument" in w for w in warnings), warnings


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
