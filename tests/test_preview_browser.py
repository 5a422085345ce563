"""The preview page in real headless Chromium: the diagram appears, and a save redraws it without a reload."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import chromium_or_skip

from argmap.classroom.browser import Browser
from argmap.cli.preview_server import PreviewServer

TRIO = Path(__file__).resolve().parent / "fixtures" / "trio"


@pytest.fixture(scope="module")
def chromium() -> str:
    return chromium_or_skip()


def _until(page: object, expression: str, tries: int = 100) -> object:
    import time

    for _ in range(tries):
        value = page.evaluate(expression)  # type: ignore[attr-defined]
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never true: {expression}")


def test_the_page_redraws_on_save_and_shows_errors(chromium: str, tmp_path: Path) -> None:
    shutil.copytree(TRIO, tmp_path / "case")
    path = tmp_path / "case" / "maps" / "b.yaml"
    server = PreviewServer(path, port=0)
    server.start()
    try:
        with Browser(chromium) as browser:
            page = browser.open(server.url)
            _until(page, "document.querySelector('#diagram svg g#T') !== null")
            assert page.evaluate("document.getElementById('status').textContent") == "valid · save 1"
            path.write_text(path.read_text().replace("text: Shops can cope.", "text: Shops cope well."))
            _until(page, "document.getElementById('diagram').textContent.includes('Shops cope well.')")
            path.write_text(path.read_text().replace("kind: premise", "kind: premis", 1))
            _until(page, "document.getElementById('errors').textContent.includes(\"did you mean 'premise'?\")")
            assert page.evaluate("document.getElementById('diagram').classList.contains('stale')") is True
    finally:
        server.stop()
