"""The authoring loop: `argmap new` writes a starting map, helpful sha256 messages, the preview follows saves."""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from argmap.cli.preview_server import PreviewServer

ROOT = Path(__file__).resolve().parent.parent
ESSAY = ROOT / "tests" / "fixtures" / "trio" / "seeds" / "a.txt"
THESIS = """  - id: T
    kind: thesis
    text: The deposit should go up.
    quote: "Deposits on bottles should be raised."
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new user's folder: the essay in seeds/, no maps yet."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(ESSAY, tmp_path / "seeds" / "deposit.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _uncomment_thesis(text: str, node: str = "P1") -> str:
    """The skeleton of ``node`` uncommented and marked as the thesis, its placeholder text left as it is."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  # - id: {node}\n"))
    for i in range(start, start + 4):
        lines[i] = lines[i].replace("  #   ", "    ", 1).replace("  # ", "  ", 1)
    lines[start + 1] = lines[start + 1].replace("kind: premise", "kind: thesis")
    return "".join(lines)


def test_new_writes_a_map_that_validates_once_a_thesis_is_written(case: Path) -> None:
    code, out, err = run("new", "seeds/deposit.txt", "--out", "maps/deposit.yaml")
    assert code == 0, err
    assert "warning" not in err
    text = (case / "maps" / "deposit.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    assert "id: deposit\n" in text and "author: null\n" in text and "  path: ../seeds/deposit.txt\n" in text
    assert text.count("#   kind: premise") == 5  # one skeleton per sentence of the one-paragraph essay
    assert "#   kind: thesis" not in text  # the curator says which statement is the thesis
    code, _, _ = run("validate", "maps/deposit.yaml")
    assert code == 1  # no thesis yet
    (case / "maps" / "deposit.yaml").write_text(text.replace("nodes:\n", "nodes:\n" + THESIS, 1))
    code, out, err = run("validate", "maps/deposit.yaml")
    assert code == 0, out + err


def test_an_uncommented_skeleton_validates_but_its_placeholder_fails_strict(case: Path) -> None:
    run("new", "seeds/deposit.txt", "--out", "maps/deposit.yaml")
    path = case / "maps" / "deposit.yaml"
    path.write_text(_uncomment_thesis(path.read_text()))
    code, out, err = run("validate", "maps/deposit.yaml")
    assert code == 0, out + err
    warnings = [
        "maps/deposit.yaml:17:5: warning: the map has only its thesis 'P1' so far "
        "(add the statements that support it, then relations such as 'ID -> P1')",
        # the placeholder is named as such, not judged as a paraphrase that drifts
        "maps/deposit.yaml:19:11: warning: nodes[0].text: node 'P1' still has placeholder text "
        "('TODO say it in one sentence of your own') (say in one sentence of your own what P1 claims)"]
    assert out.splitlines() == [*warnings, "ok: 1 map valid, 0 errors, 2 warnings"]
    code, out, err = run("validate", "--strict", "maps/deposit.yaml")
    assert code == 1
    assert out.splitlines() == warnings
    assert err.splitlines() == ["FAILED: 0 maps valid, 0 errors, 2 warnings (failing because of --strict)"]


def test_new_refuses_to_overwrite_without_force(case: Path) -> None:
    run("new", "seeds/deposit.txt", "--out", "maps/deposit.yaml")
    (case / "maps" / "deposit.yaml").write_text("mine\n")
    code, _, err = run("new", "seeds/deposit.txt", "--out", "maps/deposit.yaml")
    assert code == 1 and "maps/deposit.yaml exists already; --force overwrites it" in err
    assert (case / "maps" / "deposit.yaml").read_text() == "mine\n"
    code, _, _ = run("new", "seeds/deposit.txt", "--out", "maps/deposit.yaml", "--force")
    assert code == 0 and (case / "maps" / "deposit.yaml").read_text() != "mine\n"


@pytest.mark.parametrize(("content", "located"), [
    (b"", "in/essay.txt:1:1: error: the essay is empty (put the essay's text in the file"),
    (b" \n\n\t\n", "in/essay.txt:1:1: error: the essay is empty (put the essay's text in the file"),
    ("Ça va.\nCafé culture.\n".encode("latin-1"),
     "in/essay.txt:1:1: error: the essay is not UTF-8 text (byte 0xc7) (save the file as UTF-8)"),
    ("Title\nÇa caf".encode() + b"\xe9",  # the column counts characters: Ç is two bytes
     "in/essay.txt:2:7: error: the essay is not UTF-8 text (byte 0xe9) (save the file as UTF-8)"),
])
def test_new_refuses_an_essay_that_is_empty_or_not_utf8_where_the_user_named_it(case: Path, content: bytes,
                                                                                  located: str) -> None:
    (case / "in").mkdir()
    (case / "in" / "essay.txt").write_bytes(content)
    code, _, err = run("new", "in/essay.txt")
    assert code == 1 and err.startswith(located), err
    assert "argmap: nothing written" in err
    assert not (case / "maps").exists() and sorted(p.name for p in (case / "seeds").iterdir()) == ["deposit.txt"]


def _preview_state(map_file: str) -> dict[str, object]:
    """What `argmap preview MAP` (the command itself, in a process of its own) serves as its first state."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "api")])}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "preview", map_file, "--port", "0", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        announced = ""
        while not announced.endswith("}\n"):
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else ""
            announced += line
        url = json.loads(announced)["url"]
        state: dict[str, object] = json.loads(urllib.request.urlopen(url + "state.json", timeout=20).read())
        return state
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("where", ["here", "seeds", "elsewhere"])
def test_new_then_the_command_it_suggests_works_wherever_the_essay_is(case: Path, tmp_path_factory: pytest.TempPathFactory,
                                                                       where: str) -> None:
    if where == "here":
        essay = case / "mine.txt"
    elif where == "seeds":
        essay = case / "seeds" / "mine.txt"
    else:
        essay = tmp_path_factory.mktemp("downloads") / "mine.txt"
    shutil.copy(ESSAY, essay)
    code, out, err = run("new", str(essay))
    assert code == 0, err
    assert "warning" not in err
    suggested = out.split("next: `", 1)[1].split("`", 1)[0]
    assert suggested == "argmap preview maps/mine.yaml"
    text = (case / "maps" / "mine.yaml").read_text()
    assert "  path: ../seeds/mine.txt\n" in text
    assert (case / "seeds" / "mine.txt").read_bytes() == ESSAY.read_bytes()
    assert ("copied" in out) is (where != "seeds")
    state = _preview_state(suggested.split()[-1])
    assert state["errors"] and all("essay" not in str(e) for e in state["errors"]), state["errors"]
    (case / "maps" / "mine.yaml").write_text(_uncomment_thesis(text))
    code, out, err = run("validate", "maps/mine.yaml")
    assert code == 0, out + err


def test_new_titles_the_map_with_the_essays_heading_and_points_at_the_published_schema(case: Path) -> None:
    (case / "essay.md").write_text("# Deposits, again\n\n" + ESSAY.read_text())
    run("new", "essay.md")
    text = (case / "maps" / "essay.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=https://argmap.invalid/schema/map.schema.json\n")
    assert 'title: "Deposits, again"\n' in text
    run("new", "seeds/deposit.txt")
    assert 'title: "deposit"\n' in (case / "maps" / "deposit.yaml").read_text()  # a first line that is a sentence
    (case / "schema").mkdir()
    (case / "schema" / "map.schema.json").write_text("{}")
    run("new", "seeds/deposit.txt", "--force")
    assert (case / "maps" / "deposit.yaml").read_text().startswith("# yaml-language-server: $schema=../schema/map.schema.json\n")


@pytest.mark.parametrize("title", ["Enough: why the city should close streets to cars",
                                   "Ça suffit : pourquoi la ville doit fermer les rues aux voitures",
                                   "Zoos Are Not Prisons"])
def test_new_takes_a_short_first_line_as_the_title_and_offers_it_as_no_statement(case: Path, title: str) -> None:
    body = "Streets without cars are safer. Shops sell more. Children breathe cleaner air.\n"
    (case / "essay.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    code, _, err = run("new", "essay.txt")
    assert code == 0, err
    text = (case / "maps" / "essay.yaml").read_text(encoding="utf-8")
    assert f'title: "{title}"\n' in text
    quotes = [line.split("quote: ", 1)[1] for line in text.splitlines() if "#   quote: " in line]
    assert quotes == ['"Streets without cars are safer."', '"Shops sell more."', '"Children breathe cleaner air."']
    assert f"  # line 1 is the title: {title}\n" in text


def test_new_refuses_to_replace_a_different_essay_in_seeds(case: Path) -> None:
    (case / "deposit.txt").write_text("Another essay of the same name.\n")
    code, _, err = run("new", "deposit.txt")
    assert code == 1 and "seeds/deposit.txt exists and differs from deposit.txt; --force overwrites it" in err
    assert (case / "seeds" / "deposit.txt").read_bytes() == ESSAY.read_bytes()


def _other_essay_of_the_same_name(case: Path) -> None:
    """maps/deposit.yaml reads seeds/deposit.txt; d2/deposit.txt is another essay of the same file name."""
    assert run("new", "seeds/deposit.txt")[0] == 0
    (case / "d2").mkdir()
    (case / "d2" / "deposit.txt").write_text("Deposits on cans should go. Nobody returns them.\n")


def test_new_with_an_id_copies_an_essay_whose_name_is_taken_under_that_id(case: Path) -> None:
    _other_essay_of_the_same_name(case)
    code, out, _ = run("new", "d2/deposit.txt", "--id", "cans")
    assert code == 0 and "copied d2/deposit.txt to seeds/cans.txt" in out
    assert (case / "seeds" / "deposit.txt").read_bytes() == ESSAY.read_bytes()
    assert (case / "seeds" / "cans.txt").read_bytes() == (case / "d2" / "deposit.txt").read_bytes()
    assert "  path: ../seeds/cans.txt\n" in (case / "maps" / "cans.yaml").read_text(encoding="utf-8")
    assert run("validate", "maps/deposit.yaml")[0] == 1  # no nodes yet, as written by new; but its essay is intact
    assert "sha256" not in run("validate", "maps/deposit.yaml")[1]


def test_new_never_replaces_an_essay_another_map_reads_and_suggests_an_id_that_breaks_nothing(case: Path) -> None:
    _other_essay_of_the_same_name(case)
    (case / "seeds" / "cans.txt").write_text("A third essay.\n")
    (case / "maps" / "cans-2.yaml").write_text("id: cans-2\n")
    for force in ((), ("--force",)):
        code, _, err = run("new", "d2/deposit.txt", "--id", "cans", *force)
        assert code == 1 and "seeds/deposit.txt exists and differs from d2/deposit.txt, and maps/deposit.yaml reads " \
            "it: replacing it would break that map; --id cans-3 copies it to seeds/cans-3.txt" in err
        assert (case / "seeds" / "deposit.txt").read_bytes() == ESSAY.read_bytes()
        assert (case / "seeds" / "cans.txt").read_text() == "A third essay.\n"
    assert run("new", "d2/deposit.txt", "--id", "cans-3")[0] == 0
    assert (case / "seeds" / "cans-3.txt").read_bytes() == (case / "d2" / "deposit.txt").read_bytes()


def _map_with_sha(case: Path, sha: str) -> None:
    (case / "maps").mkdir(exist_ok=True)
    (case / "maps" / "m.yaml").write_text(
        f"id: m\ntitle: t\nsource:\n  path: ../seeds/deposit.txt\n  sha256: {sha}\nnodes:\n{THESIS}")


def test_a_todo_sha256_gets_the_right_value(case: Path) -> None:
    import hashlib

    _map_with_sha(case, "TODO")
    code, out, _ = run("validate", "maps/m.yaml")
    right = hashlib.sha256(ESSAY.read_bytes()).hexdigest()
    assert code == 1
    assert f"maps/m.yaml:5:11: error: source.sha256: 'TODO' is not a sha256 (64 lowercase hex digits) " \
           f"(set it to \"{right}\", the sha256 of the essay)" in out


def test_an_unquoted_all_digit_sha256_says_quote_it(case: Path) -> None:
    _map_with_sha(case, "0" * 64)
    code, out, _ = run("validate", "maps/m.yaml")
    assert code == 1
    assert "maps/m.yaml:5:11: error: source.sha256: YAML reads this unquoted value as a number; quote it" in out
    assert "got a number" not in out


def test_a_sha256_without_a_readable_essay_says_how_to_get_one(case: Path) -> None:
    _map_with_sha(case, "TODO")
    (case / "seeds" / "deposit.txt").unlink()
    _, out, _ = run("validate", "maps/m.yaml")
    assert "`argmap new ESSAY --out MAP.yaml` writes a map with the right value" in out


def test_the_preview_follows_each_save(case: Path) -> None:
    run("new", "seeds/deposit.txt", "--out", "maps/deposit.yaml")
    path = case / "maps" / "deposit.yaml"
    server = PreviewServer(path, port=0)
    server.start()
    try:
        first = json.loads(urllib.request.urlopen(server.url + "state.json", timeout=10).read())
        assert first["ok"] is False and first["svg"] is None
        assert any("nodes: expected a list" in e for e in first["errors"])
        path.write_text(_uncomment_thesis(path.read_text()))
        good = server.wait_for(first["version"], timeout=10)
        assert good.ok and good.svg is not None and 'id="P1"' in good.svg
        assert good.coverage[0].startswith("deposit (../seeds/deposit.txt): 5 sentences: 1 covered")
        path.write_text(path.read_text().replace("kind: thesis", "kind: thesys"))
        broken = server.wait_for(good.version, timeout=10)
        assert not broken.ok and "nodes[0].kind: 'thesys' is not one of" in broken.errors[0]
        assert broken.svg == good.svg  # the last good diagram stays on the page
        page = urllib.request.urlopen(server.url, timeout=10).read().decode()
        assert "new EventSource('/events')" in page
    finally:
        server.stop()


def test_force_never_replaces_an_essay_a_map_of_a_neighbouring_topic_folder_reads(case: Path) -> None:
    _other_essay_of_the_same_name(case)
    (case / "maps" / "deposit.yaml").rename(case / "topic.yaml")  # an import's layout: a folder per topic
    (case / "topic").mkdir()
    (case / "topic.yaml").rename(case / "topic" / "deposit.yaml")
    code, _, err = run("new", "d2/deposit.txt", "--force")
    assert code == 1 and "topic/deposit.yaml reads it" in err
    assert (case / "seeds" / "deposit.txt").read_bytes() == ESSAY.read_bytes()
