"""``argmap import`` on the arg-microtexts corpus: gold structure kept, strict validity, determinism, safe writes.

The gold structure is read here independently of the importer, with ``xml.etree`` (the corpus is trusted input in a
test), and compared with the maps as argmap loads them.  The bundled fixtures (nine texts, tests/fixtures/microtexts)
always run; the whole corpus (112 texts) runs when ``../shared/corpora`` is present beside the repository.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli
from argmap.corpus.load import load_corpus

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "microtexts"
# ARGMAP_SHARED_CORPORA names the corpora folder when it is not ../shared/corpora beside the repository.
CORPUS = Path(os.environ.get("ARGMAP_SHARED_CORPORA", REPO.parent / "shared" / "corpora")) / "arg-microtexts" / "en"
TYPES = {"sup": "supports", "exa": "example", "reb": "attacks", "und": "attacks"}
KINDS = {"pro": "premise", "opp": "objection"}

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the arg-microtexts corpus is not at {CORPUS} (put ../shared beside the repository, "
                                 "or set ARGMAP_SHARED_CORPORA)")
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def gold(xml: Path) -> tuple[str, dict[str, tuple[str, str]], set[tuple[str, str, frozenset[str], str]]]:
    """(topic, unit id -> (kind, quote), relations as (edge id, type, sources, target)) from the XML alone."""
    root = ET.parse(xml).getroot()
    edus = {e.get("id"): e.text or "" for e in root.iter("edu")}
    edges = [(e.get("id"), e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")]
    leaving = {s for _, s, _, t in edges if t != "seg"}
    units = {}
    for adu in root.iter("adu"):
        segs = [s for _, s, t, ty in edges if ty == "seg" and t == adu.get("id")]
        kind = "thesis" if adu.get("id") not in leaving else KINDS[adu.get("type") or ""]
        units[str(adu.get("id"))] = (kind, " ".join(edus[s] for s in segs))
    added: dict[str, set[str]] = {}
    for _, s, t, ty in edges:
        if ty == "add":
            added.setdefault(str(t), set()).add(str(s))
    relations = {(str(i), TYPES[ty], frozenset({str(s), *added.get(str(i), set())}), str(t))
                 for i, s, t, ty in edges if ty in TYPES}
    return root.get("topic_id") or "maps", units, relations


def import_and_check(source: Path, out: Path) -> int:
    """Import every text of ``source``, then check each map against its gold structure; the number checked."""
    result = run("import", str(source), "--out", str(out))
    assert result.exit_code == 0, result.output
    texts = sorted(source.glob("micro_*.xml"))
    topics = sorted({gold(x)[0] for x in texts})
    assert sorted(p.name for p in out.iterdir()) == sorted([*topics, "seeds"])
    for topic in topics:
        check = run("validate", "--strict", str(out / topic))
        assert check.exit_code == 0, check.output
    for xml in texts:
        topic, units, relations = gold(xml)
        corpus = load_corpus([out / topic], strict=True)
        m = corpus.get(xml.stem).model
        assert {n.id: (n.kind, n.quote) for n in m.nodes} == units, xml.name
        assert {(r.id, r.type, frozenset(r.sources), r.target) for r in m.relations} == relations, xml.name
        essay = out / "seeds" / xml.with_suffix(".txt").name
        assert essay.read_bytes() == xml.with_suffix(".txt").read_bytes()
        assert m.source.path == f"../seeds/{essay.name}"
        assert m.source.sha256 == hashlib.sha256(essay.read_bytes()).hexdigest()
    return len(texts)


def test_the_bundled_texts_import_with_their_gold_structure_and_validate_strictly(tmp_path: Path) -> None:
    assert import_and_check(FIXTURES, tmp_path / "out") == 9


@needs_corpus
def test_every_text_of_the_corpus_imports_with_its_gold_structure_and_validates_strictly(tmp_path: Path) -> None:
    assert import_and_check(CORPUS, tmp_path / "out") == 112


def test_a_topic_gets_a_registry_with_the_topic_claim_its_theses_take_sides_on(tmp_path: Path) -> None:
    assert run("import", str(FIXTURES), "--out", str(tmp_path)).exit_code == 0
    corpus = load_corpus([tmp_path / "over_the_counter_morning_after_pill"], strict=True)
    assert [c.id for c in corpus.registry.claims] == ["over_the_counter_morning_after_pill"]
    assert {g.model.thesis.effective_stance for g in corpus.maps.values()} == {"denies"}   # both texts say no
    assert (tmp_path / "maps" / "claims.yaml").read_text().rstrip().endswith("claims: []")  # d02 takes no side


def test_import_is_deterministic_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    assert run("import", str(FIXTURES), "--out", str(tmp_path / "a")).exit_code == 0
    assert run("import", *sorted(str(p) for p in FIXTURES.glob("*.xml")), "--out", str(tmp_path / "b")).exit_code == 0
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    again = run("import", str(FIXTURES), "--out", str(tmp_path / "a"))
    assert again.exit_code == 0 and again.output.endswith(f"0 file(s) written, {len(files)} unchanged\n")


def test_import_refuses_to_replace_a_different_file_without_force_and_writes_nothing(tmp_path: Path) -> None:
    assert run("import", str(FIXTURES), "--out", str(tmp_path)).exit_code == 0
    edited = tmp_path / "waste_separation" / "micro_b001.yaml"
    edited.write_text(edited.read_text() + "# my note\n")
    (tmp_path / "seeds" / "micro_b003.txt").unlink()
    refused = run("import", str(FIXTURES), "--out", str(tmp_path))
    assert refused.exit_code == 1
    assert f"{edited}:1:1: error: exists with different content (--force replaces it" in refused.output
    assert edited.read_text().endswith("# my note\n") and not (tmp_path / "seeds" / "micro_b003.txt").exists()
    forced = run("import", str(FIXTURES), "--out", str(tmp_path), "--force")
    assert forced.exit_code == 0 and not edited.read_text().endswith("# my note\n")
    assert (tmp_path / "seeds" / "micro_b003.txt").exists()
    assert not [p for p in tmp_path.rglob("*.tmp")]


def _copy(tmp_path: Path, name: str, xml: bytes) -> Path:
    (tmp_path / f"{name}.txt").write_bytes((FIXTURES / "micro_b001.txt").read_bytes())
    path = tmp_path / f"{name}.xml"
    path.write_bytes(xml)
    return path


def test_an_external_dtd_is_allowed_but_never_read_and_an_entity_is_refused(tmp_path: Path) -> None:
    xml = (FIXTURES / "micro_b001.xml").read_bytes()
    head, body = xml.split(b"\n", 1)
    with_dtd = _copy(tmp_path, "micro_b001", head + b'\n<!DOCTYPE arggraph SYSTEM "/nonexistent/arggraph.dtd">\n' + body)
    assert run("import", str(with_dtd), "--out", str(tmp_path / "out")).exit_code == 0
    bomb = head + b'\n<!DOCTYPE arggraph [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n' + body
    refused = run("import", str(_copy(tmp_path, "micro_bomb", bomb)), "--out", str(tmp_path / "out2"))
    assert refused.exit_code == 1
    assert "micro_bomb.xml:2:20: error: malformed XML: a DTD inside the document is refused" in refused.output
    assert not (tmp_path / "out2").exists()


def test_a_file_of_no_known_format_gets_a_located_error(tmp_path: Path) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("hello")
    result = run("import", str(odd), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"{odd}:1:1: error: not a format argmap imports (formats: microtexts" in result.output


@needs_dot
def test_an_imported_topic_builds_and_renders(tmp_path: Path) -> None:
    assert run("import", str(FIXTURES), "--out", str(tmp_path / "in")).exit_code == 0
    topic = tmp_path / "in" / "make_video_games_olympic"
    built = run("build", str(topic), "--out", str(tmp_path / "site"), "-j", "1")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "site" / "compare" / "micro_b020--micro_b036.svg").exists()
    svg = tmp_path / "b001.svg"
    drawn = run("render", str(tmp_path / "in" / "waste_separation" / "micro_b001.yaml"), "--out", str(svg))
    assert drawn.exit_code == 0, drawn.output
    assert b'id="a5"' in svg.read_bytes()


def test_import_dispatches_to_any_registered_format_in_formats_order(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import sys
    import types

    from argmap.importers import FORMATS, ImportedMap

    valid = (f"id: fake1\ntitle: t\nsource: {{path: ../seeds/fake1.txt, sha256: {hashlib.sha256(b'text').hexdigest()}}}\n"
             "nodes:\n  - {id: T, kind: thesis, text: text, quote: text}\n")  # a map must validate to be written
    fake = types.ModuleType("fake_format")
    fake.SUFFIXES = (".fake",)  # type: ignore[attr-defined]
    fake.sniff = lambda data: data.startswith(b"FAKE")  # type: ignore[attr-defined]
    fake.convert = lambda path: [ImportedMap(  # type: ignore[attr-defined]
        map_id="fake1", map_yaml=valid, essay_name="fake1.txt", essay_bytes=b"text", group="g")]
    monkeypatch.setitem(sys.modules, "fake_format", fake)
    monkeypatch.setitem(FORMATS, "fake", "fake_format")
    src = tmp_path / "in.fake"
    src.write_bytes(b"FAKE data")
    result = run("import", str(src), str(FIXTURES / "micro_b001.xml"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "g" / "fake1.yaml").read_text() == valid
    assert (tmp_path / "out" / "seeds" / "fake1.txt").read_bytes() == b"text"
    assert (tmp_path / "out" / "g" / "claims.yaml").exists()
    assert (tmp_path / "out" / "waste_separation" / "micro_b001.yaml").exists()
