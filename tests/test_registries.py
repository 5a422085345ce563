"""Maps read from several folders, each with its own ``claims.yaml``, are checked against all of those registries
as one; a claim two registries define differently is an error located in the second."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from helpers import build_corpus, node

from argmap.cli import cli
from argmap.corpus.load import check_corpus


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _folder(root: Path, name: str, claim: str, wording: str) -> Path:
    folder = root / name
    maps = {f"{name}-{i}": ([node(f"{name}-{i}", "T", "thesis", claim=claim), node(f"{name}-{i}", "P")], ["P -> T"])
            for i in (1, 2)}
    build_corpus(folder, maps, {claim: wording})
    return folder


def test_maps_of_two_folders_are_checked_against_both_registries(tmp_path: Path) -> None:
    a = _folder(tmp_path, "fines", "higher-fines", "Fines should be higher.")
    b = _folder(tmp_path, "waste", "separate-waste", "Waste should be separated.")
    corpus, diagnostics = check_corpus([a, b])
    assert [str(d) for d in diagnostics] == []
    assert corpus is not None and sorted(c.id for c in corpus.registry.claims) == ["higher-fines", "separate-waste"]
    assert len(corpus.registry_paths) == 2
    both = run("validate", str(a / "fines-1.yaml"), str(b / "waste-2.yaml"))  # the registry beside each map
    assert both.exit_code == 0 and "2 maps valid" in both.output, both.output
    whole = run("validate", str(tmp_path))  # a folder of such folders: all of them
    assert whole.exit_code == 0 and "4 maps valid" in whole.output, whole.output


def test_a_claim_two_registries_define_differently_is_located_in_the_second(tmp_path: Path) -> None:
    a = _folder(tmp_path, "one", "fines", "Fines should be higher.")
    b = _folder(tmp_path, "two", "fines", "Fines should be lower.")
    result = run("validate", str(a), str(b))
    assert result.exit_code == 1
    assert "two/claims.yaml:" in result.output
    assert "error: claim 'fines' is defined differently in" in result.output and "one/claims.yaml" in result.output
    same = _folder(tmp_path, "three", "fines", "Fines should be higher.")  # defined alike: one claim
    assert run("validate", str(a), str(same)).exit_code == 0
