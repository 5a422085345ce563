"""The Argdown export parses with Argdown's own parser (@argdown/cli, installed by `make` from tools/argdown/) with
no error, and Argdown counts as many statements and relations as argmap: each map, and their comparison."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from argmap.corpus.load import Corpus, load_corpus
from argmap.exporters import export_text
from argmap.exporters.argdown import escape
from argmap.exporters.view import ExportView, export_view

ROOT = Path(__file__).resolve().parent.parent
UNDERCUT = ROOT / "tests" / "fixtures" / "interop"
ARGDOWN = ROOT / "tools" / "argdown" / "node_modules" / ".bin" / "argdown"


def argdown_json(text: str, tmp_path: Path) -> dict[str, object]:
    if not ARGDOWN.exists():
        if os.environ.get("CI"):
            pytest.fail("Argdown's parser is not installed: run make setup-test (npm ci --prefix tools/argdown)")
        pytest.skip("Argdown's parser is not installed: run make setup-test (npm ci --prefix tools/argdown)")
    src = tmp_path / "export.argdown"
    src.write_text(text, encoding="utf-8")
    run = subprocess.run([str(ARGDOWN), "json", str(src), str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    data: dict[str, object] = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    return data


def expected_relations(view: ExportView) -> int:
    """argmap's relations; an attack that several maps make between the same statements is one Argdown relation."""
    attacks = Counter((x.sources, x.target) for x in view.links if x.type == "attacks" and not x.undercut)
    return len(view.links) - sum(n - 1 for n in attacks.values())


@pytest.mark.parametrize("maps", [["bankruptcy"], ["enforcer"], ["bankruptcy", "enforcer"]], ids="+".join)
def test_argdown_parses_the_export_with_argmaps_counts(bundled: Corpus, maps: list[str], tmp_path: Path) -> None:
    view = export_view(bundled, maps)
    data = argdown_json(export_text(bundled, maps, "argdown"), tmp_path)
    statements, relations, arguments = data["statements"], data["relations"], data["arguments"]
    assert isinstance(statements, dict) and isinstance(relations, list) and isinstance(arguments, dict)
    inferences = [a for a in arguments.values() if a.get("pcs")]
    assert sorted(statements) == sorted(s.id for s in view.statements)
    assert len(relations) + len(inferences) == expected_relations(view)
    kinds = Counter(r["relationType"] for r in relations)
    assert kinds["undercut"] == sum(x.undercut for x in view.links)
    shared = [s for s in view.statements if len(s.maps) > 1]
    for s in shared:  # a shared claim is one equivalence class with a definition from each map
        defined = {m["data"]["map"] for m in statements[s.id]["members"] if m.get("data")}
        assert defined == set(s.maps), s.id
    if len(maps) > 1:
        assert shared
    thesis = [k for k, v in statements.items() if any("thesis" in m.get("tags", []) for m in v["members"])]
    assert len(thesis) == len(maps)
    print(f"argdown {'+'.join(maps)}: {len(statements)} statements, {len(relations)} relations {dict(kinds)}, "
          f"{len(inferences)} arguments with premise-conclusion structure; argmap: {len(view.statements)} "
          f"statements, {len(view.links)} relations")


def test_undercuts_attack_the_inference_of_an_argument(tmp_path: Path) -> None:
    corpus = load_corpus([UNDERCUT])
    data = argdown_json(export_text(corpus, ["vacancy"], "argdown"), tmp_path)
    relations, arguments = data["relations"], data["arguments"]
    assert isinstance(relations, list) and isinstance(arguments, dict)
    undercuts = sorted((r["from"], r["to"]) for r in relations if r["relationType"] == "undercut")
    assert undercuts == [("O1", "r1"), ("U1", "r2")]
    assert [s["title"] for s in arguments["r1"]["pcs"]] == ["P1", "P2", "A1", "T"]
    assert len(relations) + len(arguments) == len(export_view(corpus, ["vacancy"]).links)


def test_text_that_looks_like_argdown_stays_text(tmp_path: Path) -> None:
    nasty = "U.S. e.g. 3:4: [T] <A> {x: 1} #tag *b* _i_ @[T] // not a comment <!-- no --> +> -> _> \\ 50%"
    doc = f"[S]: {escape(nasty)} {{quote: {json.dumps('a} b {c', ensure_ascii=False).replace('}', chr(92) + 'u007d')}}}\n"
    data = argdown_json(doc, tmp_path)
    statements = data["statements"]
    assert isinstance(statements, dict) and list(statements) == ["S"]
    member = statements["S"]["members"][0]
    assert member["text"].strip() == nasty and member["data"] == {"quote": "a} b {c"}
    assert not member.get("tags") and not data["relations"]
