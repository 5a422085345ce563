"""The format page's examples are real: the example map and registry validate --strict against an essay."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import cli

FORMAT_PAGE = Path(__file__).resolve().parent.parent / "docs" / "format.md"


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", FORMAT_PAGE.read_text(encoding="utf-8"), flags=re.S)


def test_the_format_pages_example_map_and_registry_validate(tmp_path: Path) -> None:
    map_text = next(b for b in yaml_blocks() if "$schema=../schema/map.schema.json" in b and "\nnodes:" in b)
    registry = next(b for b in yaml_blocks() if "$schema=../schema/claims.schema.json" in b)
    quotes = re.findall(r'^\s+(?:quote|citation|- quote): "(.*?)"', map_text, flags=re.M)
    assert len(quotes) == 6  # T, E1 (quote and citation), O1, P3, and the skipped passage
    essay = "".join(f"Paragraph {n}: {q}.\n\n" for n, q in enumerate(quotes)).encode("utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "essay.txt").write_bytes(essay)
    maps = tmp_path / "maps"
    maps.mkdir()
    sha = hashlib.sha256(essay).hexdigest()
    (maps / "silence.yaml").write_text(re.sub(r"sha256: \S+", f"sha256: {sha}", map_text), encoding="utf-8")
    (maps / "claims.yaml").write_text(registry, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(maps), "--strict", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["valid"] is True and report["maps"] == ["silence"] and not report["diagnostics"], report
