"""AIF import: argmap's own AIF export comes back as the same map; a real AIFdb dialogue becomes a valid map;
an AIF file given where a map is expected gets one error that names the format and `argmap import`."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import cli
from argmap.corpus.load import Corpus, check_corpus, load_corpus
from argmap.exporters import export_text
from argmap.format.model import ArgumentMap
from argmap.importers import FORMATS, ImportedMap
from argmap.importers.aif import convert, sniff

ROOT = Path(__file__).resolve().parent.parent
AIFDB = ROOT / "tests" / "fixtures" / "aif" / "aifdb-6064.json"
MICROTEXT = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
                  if (p / "corpora").is_dir()), ROOT.parent / "shared") / "corpora/arg-microtexts/en/micro_b001.xml"


def write(imported: ImportedMap, out: Path) -> Path:
    """The layout `argmap import` writes: OUT/<group>/<id>.yaml, OUT/seeds/<essay>, a claims.yaml stub."""
    folder = out / imported.group
    folder.mkdir(parents=True, exist_ok=True)
    (out / "seeds").mkdir(exist_ok=True)
    (folder / f"{imported.map_id}.yaml").write_text(imported.map_yaml, encoding="utf-8")
    (out / "seeds" / imported.essay_name).write_bytes(imported.essay_bytes)
    claims = [{"id": c, "wording": w} for c, w in imported.claims]
    (folder / "claims.yaml").write_text(yaml.safe_dump({"claims": claims}, allow_unicode=True), encoding="utf-8")
    return folder


def relations(m: ArgumentMap) -> set[tuple[str | None, str, tuple[str, ...], str]]:
    return {(r.id, r.type, tuple(r.sources), r.target) for r in m.relations}


def statements(m: ArgumentMap) -> list[tuple[object, ...]]:
    return [(n.id, n.kind, n.text, n.quote, n.claim, n.effective_stance, n.citation, n.note, tuple(n.tags))
            for n in m.nodes]


def round_trip(corpus: Corpus, map_id: str, tmp_path: Path) -> ArgumentMap:
    aif = tmp_path / f"{map_id}.json"
    aif.write_text(export_text(corpus, [map_id], "aif"), encoding="utf-8")
    (imported,) = convert(aif)
    # No errors; warnings may come: the essay an AIF file gives is its locutions alone, so the drift check loses
    # the paragraphs around each quote that a paraphrase may take its names from.
    back = load_corpus([write(imported, tmp_path / "out")])
    return back.get(map_id).model


@pytest.mark.parametrize("map_id", ["bankruptcy", "enforcer"])
def test_a_bundled_map_round_trips_through_aif(bundled: Corpus, map_id: str, tmp_path: Path) -> None:
    original = bundled.get(map_id).model
    back = round_trip(bundled, map_id, tmp_path)
    assert statements(back) == statements(original)
    assert relations(back) == relations(original)
    assert (back.id, back.title, back.author) == (original.id, original.title, original.author)


def test_undercuts_and_linked_premises_round_trip(tmp_path: Path) -> None:
    corpus = load_corpus([ROOT / "tests" / "fixtures" / "interop"])
    back = round_trip(corpus, "vacancy", tmp_path)
    original = corpus.get("vacancy").model
    assert relations(back) == relations(original)
    assert statements(back) == statements(original)


def test_an_aifdb_dialogue_becomes_a_valid_map(tmp_path: Path) -> None:
    (imported,) = convert(AIFDB)
    corpus, diags = check_corpus([write(imported, tmp_path)])
    assert corpus is not None, [str(d) for d in diags]
    m = corpus.get("aifdb-6064").model
    aif = json.loads(AIFDB.read_text(encoding="utf-8"))
    i_nodes = {n["nodeID"]: n["text"] for n in aif["nodes"] if n["type"] == "I"}
    assert {n.text for n in m.nodes} == set(i_nodes.values())
    assert len(m.relations) == sum(n["type"] == "RA" for n in aif["nodes"])
    assert all(r.type == "supports" for r in m.relations)
    by_id = {n.id: n for n in m.nodes}
    # the quote is the locution without its speaker: "CL : and therefore the only way forward…"
    assert by_id["I29054"].quote == "and therefore the only way forward was for Britain to withdraw"
    assert by_id["I29054"].kind == "thesis"  # supported, directly or not, by the most statements
    assert "CL : and therefore the only way forward was for Britain to withdraw" in imported.essay_bytes.decode()
    print(f"aifdb-6064: {len(m.nodes)} statements, {len(m.relations)} relations, "
          f"{sum(d.severity == 'warning' for d in diags)} warning(s)")


def test_ova3_wrapper_and_its_text(tmp_path: Path) -> None:
    ova = {"AIF": {"nodes": [
        {"nodeID": "1", "text": "Taxes should rise", "type": "I"},
        {"nodeID": "2", "text": "Schools need money", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        {"nodeID": "4", "text": "Ann : schools need money", "type": "L"},
        {"nodeID": "5", "text": "Asserting", "type": "YA"},
        {"nodeID": "6", "text": "Ann : Taxes should rise", "type": "L"},
        {"nodeID": "7", "text": "Asserting", "type": "YA"},
        {"nodeID": "8", "text": "Money is wasted", "type": "I"},
        {"nodeID": "9", "text": "Default Conflict", "type": "CA"}],
        "edges": [{"edgeID": str(i), "fromID": u, "toID": v} for i, (u, v) in enumerate(
            [("2", "3"), ("3", "1"), ("4", "5"), ("5", "2"), ("6", "7"), ("7", "1"), ("8", "9"), ("9", "3")])],
        "locutions": [{"nodeID": "6", "personID": "1"}, {"nodeID": "4", "personID": "1"}],
        "participants": [{"participantID": "1", "firstname": "Ann", "surname": "Smith"}]},
        "text": "<p>Taxes should rise, because <span>schools need money</span>.</p>"}
    path = tmp_path / "debate.json"
    path.write_text(json.dumps(ova), encoding="utf-8")
    assert sniff(path.read_bytes())
    (imported,) = convert(path)
    corpus = load_corpus([write(imported, tmp_path / "out")])
    m = corpus.get("debate").model
    assert imported.essay_bytes.decode().startswith("Taxes should rise, because schools need money.")
    assert [(n.id, n.kind, n.quote) for n in m.nodes] == [
        ("I1", "thesis", "Taxes should rise"), ("I2", "premise", "schools need money"),
        ("I8", "objection", "Money is wasted")]
    assert relations(m) == {("r3", "supports", ("I2",), "I1"), (None, "attacks", ("I8",), "r3")}
    assert m.author == "Ann Smith"


@pytest.mark.parametrize("command", ["validate", "show"])
def test_an_aif_file_given_as_a_map_gets_one_clear_error(command: str) -> None:
    result = CliRunner().invoke(cli, [command, str(AIFDB)])
    assert result.exit_code == 1
    lines = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line]
    assert len(lines) == 1, result.output
    assert "this is an AIF JSON file, not an argmap map" in lines[0]
    assert f"argmap import {AIFDB}" in lines[0] or "argmap import" in lines[0]


def test_an_arg_microtexts_file_given_as_a_map_names_its_format() -> None:
    if not MICROTEXT.exists():
        pytest.skip("the arg-microtexts corpus is not beside the repository (../shared/corpora)")
    assert any(importlib.import_module(m).sniff(MICROTEXT.read_bytes()) for m in FORMATS.values())
    result = CliRunner().invoke(cli, ["validate", str(MICROTEXT)])
    lines = [line for line in result.output.splitlines() if ": error: " in line]
    assert result.exit_code == 1 and len(lines) == 1 and "argmap import" in lines[0], result.output


def test_sniff_tells_aif_from_maps_and_other_json() -> None:
    assert sniff(AIFDB.read_bytes())
    assert not sniff((ROOT / "maps" / "enforcer.yaml").read_bytes())
    assert not sniff(b'{"nodes": "x", "edges": []}') and not sniff(b"{not json")
    assert FORMATS["aif"] == "argmap.importers.aif"


def test_cli_import_round_trips_an_aif_export(bundled: Corpus, tmp_path: Path) -> None:
    aif = tmp_path / "enforcer.aif.json"
    aif.write_text(export_text(bundled, ["enforcer"], "aif"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(aif), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    found = sorted((tmp_path / "out").rglob("enforcer.yaml"))
    assert found, list((tmp_path / "out").rglob("*"))
    back = load_corpus([found[0].parent]).get("enforcer").model
    assert relations(back) == relations(bundled.get("enforcer").model)


@pytest.mark.parametrize(("content", "where", "message"), [
    (b'{"nodes": [1, 2,]}', "1:17", "not valid JSON"),
    (b'{"nodes": "x", "edges": []}', "1:1", "it needs 'nodes'"),
    (b"\xff\xfe{", "1:1", "not UTF-8"),
])
def test_a_broken_aif_file_gets_a_located_error(tmp_path: Path, content: bytes, where: str, message: str) -> None:
    from argmap.errors import InvalidInput

    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        convert(path)
    (diag,) = info.value.diagnostics
    assert str(diag).startswith(f"{path}:{where}: error: ") and message in diag.message, str(diag)
