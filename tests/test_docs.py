"""The documentation reads as written: every Markdown file parses with its fences closed and its relative links alive,
the README stays a short start, and the docs site builds strictly and opens offline in a browser."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from helpers import chromium_or_skip
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
README_MAX_LINES = 200


def markdown_files() -> list[Path]:
    """Every Markdown file git tracks, and the untracked ones it does not ignore (a new page is checked too)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return sorted(ROOT / name for name in listed if (ROOT / name).is_file())


def unclosed_fences(text: str) -> list[int]:
    """The 1-based lines of code fences that run to the end of the document unclosed."""
    lines = text.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    found = []
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "fence" and token.map is not None:
            start, end = token.map
            last = lines[end - 1].strip() if end - 1 < len(lines) else ""
            marker = token.markup
            if end >= len(lines) and not (end - 1 > start and last.startswith(marker) and set(last) <= set(marker[0])):
                found.append(start + 1)
    return found


def relative_links(text: str) -> Iterator[str]:
    """The targets of the document's links and images that point at files of this repository."""
    def walk(tokens: list) -> Iterator[str]:  # type: ignore[type-arg]
        for token in tokens:
            target = token.attrs.get("href") or token.attrs.get("src") if token.attrs else None
            if isinstance(target, str):
                yield target
            if token.children:
                yield from walk(token.children)
    for target in walk(MarkdownIt("commonmark").enable("table").parse(text)):
        parsed = urlparse(target)
        if not parsed.scheme and not target.startswith(("#", "/")) and parsed.path:
            yield unquote(parsed.path)


def dead_links(path: Path) -> list[str]:
    return [t for t in relative_links(path.read_text(encoding="utf-8")) if not (path.parent / t).exists()]


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_markdown_file_closes_its_fences_and_links_to_files_that_exist(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unclosed_fences(text) == [], f"{path.name}: a code fence opened at these lines is never closed"
    assert dead_links(path) == []


def test_the_checks_catch_an_unclosed_fence_and_a_dead_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\n```sh\nargmap validate\n```\n\nText [there](other.md) and ![img](img/a.svg).\n\n"
                    "```yaml\nid: x\n\n## Export\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("# Other\n", encoding="utf-8")
    assert unclosed_fences(page.read_text(encoding="utf-8")) == [9]
    assert dead_links(page) == ["img/a.svg"]
    assert unclosed_fences("```sh\nx\n```\n") == []


def test_the_readme_is_a_short_start_that_names_every_command() -> None:
    from argmap.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= README_MAX_LINES
    assert [name for name in COMMANDS if f"`argmap {name}`" not in readme] == []
    two_commands = readme.index("## Two commands")
    assert readme.index("make run") > two_commands and readme.index("make test") > two_commands


def test_every_docs_page_is_in_the_site_navigation() -> None:
    import yaml

    def pages(entries: list) -> set[str]:  # type: ignore[type-arg]
        found: set[str] = set()
        for entry in entries:
            for value in entry.values():
                found |= pages(value) if isinstance(value, list) else {value}
        return found

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    in_nav = pages(config["nav"])
    assert in_nav == {p.name for p in (ROOT / "docs").glob("*.md")}


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site, built strictly into a temporary folder (never into the source tree)."""
    site = tmp_path_factory.mktemp("docs-site")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return site


def test_the_cli_reference_is_generated_from_every_command(docs_site: Path) -> None:
    from argmap.cli import COMMANDS

    reference = (docs_site / "reference.html").read_text(encoding="utf-8")
    assert [name for name in COMMANDS if not re.search(rf"argmap {re.escape(name)}\b", reference)] == []


def test_the_docs_site_opens_offline_in_a_browser(docs_site: Path) -> None:
    from argmap.classroom.browser import Browser

    with Browser(chromium_or_skip(), timeout=60, window=(1400, 900)) as browser:
        page = browser.open((docs_site / "index.html").as_uri())
        title = page.evaluate("document.querySelector('h1').textContent")
        links = page.evaluate("Array.from(document.querySelectorAll('.navbar a')).length")
        page.evaluate("0")
        urls = [e["request"]["url"] for e in browser.events("Network.requestWillBeSent", page.session)]
    assert title.strip() == "argmap"
    assert links >= 10
    assert all(u.startswith(("file:", "data:", "blob:")) for u in urls), urls
