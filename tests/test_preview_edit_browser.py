"""Mapping a new essay in the preview page, in real headless Chromium: passages selected into nodes, relations,
a claim, undo; the file stays valid with its comments, and a request without the page's token is refused."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import chromium_or_skip

from argmap.classroom.browser import Browser, Page
from argmap.cli import cli
from argmap.cli.preview_server import PreviewServer
from argmap.jobs.new_map import plan_new_map

TRIO = Path(__file__).resolve().parent / "fixtures" / "trio"


@pytest.fixture(scope="module")
def chromium() -> str:
    return chromium_or_skip()


def _until(page: Page, expression: str, tries: int = 150) -> object:
    import time

    for _ in range(tries):
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never true: {expression}")


def _select(page: Page, passage: str) -> None:
    """Select ``passage`` in the essay pane as a mouse would (a DOM selection, then the mouse button released)."""
    page.evaluate(f"""(() => {{
      const want = {json.dumps(passage)};
      const walk = document.createTreeWalker(document.getElementById('essay'), NodeFilter.SHOW_TEXT);
      let node = walk.nextNode();
      while (!node.textContent.includes(want)) node = walk.nextNode();
      const at = node.textContent.indexOf(want);
      const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + want.length);
      const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', {{bubbles: true}}));
    }})()""")


def _choose(page: Page, select: str, value: str) -> None:
    page.evaluate(f"document.getElementById({json.dumps(select)}).value = {json.dumps(value)};"
                  f"document.getElementById({json.dumps(select)}).dispatchEvent(new Event('change'))")


def _click(page: Page, button: str) -> None:
    """A real click in the middle of ``button``."""
    box = page.evaluate(f"(() => {{ const r = document.getElementById({json.dumps(button)}).getBoundingClientRect();"
                        " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    page.click(*box)


def _click_node(page: Page, node: str) -> None:
    """A real click on a node of the diagram."""
    page.evaluate(f"document.querySelector('#diagram svg g#{node}').scrollIntoView()")
    box = page.evaluate(f"(() => {{ const r = document.querySelector('#diagram svg g#{node}').getBoundingClientRect();"
                        " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    page.click(*box)


def _message(page: Page, needle: str) -> None:
    _until(page, f"document.getElementById('message').textContent.includes({json.dumps(needle)})")


def _make_node(page: Page, passage: str, kind: str, paraphrase: str, ident: str) -> None:
    _select(page, passage)
    _until(page, "!document.getElementById('make').hidden")
    _choose(page, "kind", kind)
    page.evaluate(f"document.getElementById('paraphrase').value = {json.dumps(paraphrase)}")
    _click(page, "make-node")
    _message(page, f"made node {ident}")
    _until(page, f"[...document.getElementById('source').options].some(o => o.value === {json.dumps(ident)})")


def _relate(page: Page, source: str, kind: str, target: str, done: str) -> None:
    _choose(page, "source", source)
    _choose(page, "relation-kind", kind)
    _choose(page, "target", target)
    _click(page, "add-relation")
    _message(page, done)


def _post(url: str, body: dict[str, object], headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _assert_mapped(path: Path, good: str, comments: list[str]) -> None:
    """The file is as it was before the undone slip: exact quotes, the relations and the claim, the hand edit and
    every comment kept, and it validates."""
    text = path.read_text()
    assert text == good
    for passage in ("Deposits on bottles should be raised.", "Higher deposits make people return more bottles.",
                    "Some say the deposit is already high enough."):
        assert f'    quote: "{passage}"\n' in text  # the exact passage selected, grounded
    assert "    claim: deposit-up\n" in text and "  - P1 -> T\n" in text and "  - O1 -| T\n" in text
    assert "# edited by hand" in text
    kept = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
    assert kept == comments
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def _only_the_page_may_write(server: PreviewServer, path: Path) -> None:
    """Requests without the page's token, or for another host or origin, are refused and change nothing."""
    text = path.read_text()
    edit = server.url + "edit"
    action = {"op": "claim", "node": "T", "claim": None}
    host = {"Host": f"127.0.0.1:{server.url.rsplit(':', 1)[1].rstrip('/')}"}
    assert _post(edit, action, {})[0] == 403
    assert _post(edit, action, {"X-Argmap-Token": "guessed"})[0] == 403
    assert _post(edit, action, {"X-Argmap-Token": server.token, "Host": "attacker.example"})[0] == 403
    assert _post(edit, action, {"X-Argmap-Token": server.token, "Origin": "http://attacker.example", **host})[0] == 403
    assert path.read_text() == text
    assert _post(edit, action, {"X-Argmap-Token": server.token})[0] == 200  # the same request, with the token
    assert "claim: deposit-up" not in path.read_text()


def test_a_new_essay_is_mapped_in_the_page(chromium: str, tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    shutil.copy(TRIO / "seeds" / "a.txt", tmp_path / "seeds" / "deposit.txt")
    shutil.copy(TRIO / "maps" / "claims.yaml", tmp_path / "maps" / "claims.yaml")
    path = tmp_path / "maps" / "deposit.yaml"
    path.write_text(plan_new_map(tmp_path / "seeds" / "deposit.txt", path).text, encoding="utf-8")
    comments = [line.strip() for line in path.read_text().splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 20  # the starting map's guidance and skeletons
    server = PreviewServer(path, port=0)
    server.start()
    try:
        with Browser(chromium) as browser:
            page = browser.open(server.url)
            _until(page, "document.querySelector('#essay p')?.textContent.startsWith('Deposits on bottles') === true")
            _make_node(page, "Deposits on bottles should be raised.", "thesis", "Bottle deposits should be raised.", "T")
            # the passage is marked in the essay as quoted by T
            _until(page, "document.querySelector('#essay mark[data-node=T]')?.textContent === "
                         "'Deposits on bottles should be raised.'")
            _make_node(page, "Higher deposits make people return more bottles.", "premise",
                       "People bring more bottles back when deposits are higher.", "P1")
            # the file is edited by hand while the page is open: the page's next edit keeps it
            path.write_text(path.read_text().replace("relations: []", "relations: []  # edited by hand"))
            _make_node(page, "Some say the deposit is already high enough.", "objection",
                       "Some say the deposit is high enough already.", "O1")
            _relate(page, "P1", "supports", "T", "added P1 -> T")
            # the map is valid now, so the diagram shows every node: a relation is picked there, source then target
            _until(page, "document.querySelector('#diagram svg g#O1') !== null")
            _click_node(page, "O1")
            _message(page, "from O1: now click the node it supports or attacks")
            _click_node(page, "T")
            _message(page, "to T: pick the kind of relation")
            _choose(page, "relation-kind", "attacks")
            _click(page, "add-relation")
            _message(page, "added O1 -| T")
            _choose(page, "claim-node", "T")
            # the registry's claims are offered best first for the chosen node
            assert page.evaluate("document.getElementById('claim').options[0].value") == "deposit-up"
            _click(page, "bind-claim")
            _message(page, "bound T to deposit-up")
            good = path.read_text()
            _relate(page, "O1", "supports", "P1", "added O1 -> P1")  # a slip
            assert "O1 -> P1" in path.read_text()
            _click(page, "undo")
            _message(page, "undid: added O1 -> P1")
            _until(page, "document.getElementById('status').textContent.startsWith('valid')")
            assert page.evaluate("document.querySelector('#diagram svg g#O1') !== null") is True

        _assert_mapped(path, good, comments)
        _only_the_page_may_write(server, path)
    finally:
        server.stop()
