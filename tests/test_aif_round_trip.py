"""Every bundled and fixture map goes out to AIF and comes back through ``argmap import`` equal to itself: the
same fields (``source.path`` aside, which the import lays out as ``../seeds/<essay>``), the same essay, byte for
byte, and as valid as before (``--strict`` where the original passes it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli
from argmap.corpus.load import check_corpus, load_corpus
from argmap.exporters import export_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FOLDERS = [ROOT / "maps", FIXTURES / "interop", FIXTURES / "mini", FIXTURES / "trio" / "maps",
           FIXTURES / "microtexts" / "maps", FIXTURES / "paths", FIXTURES / "maps-v1" / "maps"]


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _cases() -> list[tuple[Path, str]]:
    return [(folder, map_id) for folder in FOLDERS for map_id in sorted(load_corpus([folder]).maps)]


def round_trip(folder: Path, map_id: str, tmp_path: Path) -> tuple[object, object, list[str]]:
    corpus = load_corpus([folder])
    aif = tmp_path / f"{map_id}.aif.json"
    aif.write_text(export_text(corpus, [map_id], "aif"), encoding="utf-8")
    result = run("import", str(aif), "--out", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    original = corpus.get(map_id)
    back_dir = tmp_path / "back" / "maps"
    registry = folder / "claims.yaml"
    back, diags = check_corpus([back_dir / f"{map_id}.yaml"], registry if registry.exists() else None)
    assert back is not None, [str(d) for d in diags]
    got = back.get(map_id)
    assert got.essay.text == original.essay.text
    return original.model, got.model, [str(d) for d in diags]


@pytest.mark.parametrize(("folder", "map_id"), _cases(), ids=[f"{f.name}/{m}" for f, m in _cases()])
def test_a_map_round_trips_through_aif_equal_to_itself(folder: Path, map_id: str, tmp_path: Path) -> None:
    original, back, warnings = round_trip(folder, map_id, tmp_path)
    assert isinstance(original, type(back))
    same_path = back.model_copy(update={"source": original.source})  # type: ignore[attr-defined]
    assert same_path == original
    corpus, before = check_corpus([folder])
    assert corpus is not None
    own = corpus.get(map_id).path
    # the same warnings as before, at the same places: none where the original passes --strict
    assert sorted(w.split(": ", 1)[1] for w in warnings) == sorted(str(d).split(": ", 1)[1] for d in before
                                                                     if d.path == own)


def _imported_fixtures(tmp_path: Path) -> list[Path]:
    """The arggraph and arg-microtexts (parts 1 and 2) fixtures, imported: one folder of maps per topic."""
    out = tmp_path / "imported"
    result = run("import", str(FIXTURES / "arggraph"), str(FIXTURES / "microtexts-part2"),
                 *map(str, sorted((FIXTURES / "microtexts").glob("*.xml"))), "--out", str(out))
    assert result.exit_code == 0, result.output
    return sorted(p for p in out.iterdir() if p.name != "seeds")


def test_every_imported_fixture_round_trips_through_aif_equal_to_itself(tmp_path: Path) -> None:
    done = 0
    for folder in _imported_fixtures(tmp_path):
        for map_id in sorted(load_corpus([folder], strict=True).maps):
            (tmp_path / map_id).mkdir()
            original, back, warnings = round_trip(folder, map_id, tmp_path / map_id)
            assert back.model_copy(update={"source": original.source}) == original, map_id  # type: ignore[attr-defined]
            assert warnings == [], (map_id, warnings)
            done += 1
    assert done == 17


def test_the_example_scheme_goes_out_under_the_name_the_aif_scheme_set_uses(tmp_path: Path) -> None:
    folder = next(p for p in _imported_fixtures(tmp_path) if p.name == "compulsory_school_uniforms")
    aif = json.loads(export_text(load_corpus([folder]), ["arggraph_joint"], "aif"))
    examples = [n for n in aif["nodes"] if n.get("argmap", {}).get("relation") == "example"]
    assert len(examples) == 1 and all(n["type"] == "RA" and n["scheme"] == n["text"] == "Example" for n in examples)


def test_an_aifdb_example_scheme_imports_as_example_without_argmaps_fields(tmp_path: Path) -> None:
    nodes = [{"nodeID": "1", "text": "Cities can ban cars", "type": "I"},
             {"nodeID": "2", "text": "Oslo banned cars from its centre", "type": "I"},
             {"nodeID": "3", "text": "Argument From Example", "type": "RA"},
             {"nodeID": "4", "text": "Some premise", "type": "I"},
             {"nodeID": "5", "text": "Default Inference", "type": "RA", "scheme": "Example"}]
    edges = [("2", "3"), ("3", "1"), ("4", "5"), ("5", "1")]
    path = tmp_path / "ex.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": [{"edgeID": str(i), "fromID": u, "toID": v}
                                                           for i, (u, v) in enumerate(edges)]}))
    assert run("import", str(path), "--out", str(tmp_path / "out")).exit_code == 0
    m = load_corpus([tmp_path / "out" / "maps"]).get("ex").model
    assert [r.type for r in m.relations] == ["example", "example"]
