"""End to end in real headless Chromium (Debian's `chromium`): click a node, see its quote highlighted.

Chromium is driven over the DevTools protocol through a pipe (argmap.classroom.browser), so clicks are real
mouse events at the node's position on screen, hit-tested by the browser.  Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import chromium_or_skip

from argmap.classroom.browser import Browser, Page
from argmap.classroom.handout_writer import build_handout
from argmap.classroom.site import site_files
from argmap.classroom.wording import smart_quotes
from argmap.corpus.load import Corpus

# Screenshots and the printed handout go where ARGMAP_TEST_ARTIFACTS names, to be looked at; never into the source tree.
ARTIFACTS = Path(os.environ["ARGMAP_TEST_ARTIFACTS"]) if os.environ.get("ARGMAP_TEST_ARTIFACTS") else None


@pytest.fixture(scope="module")
def chromium() -> str:
    return chromium_or_skip()


@pytest.fixture(scope="module")
def site_dir(bundled: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("www") / "site"
    for name, body in site_files(bundled).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(body)
    return root


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    with Browser(chromium, timeout=60, window=(1400, 1000)) as b:
        yield b


def save(page: Page, name: str) -> None:
    if ARTIFACTS is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / name).write_bytes(page.screenshot())


def centre_of(page: Page, element_id: str) -> tuple[float, float]:
    """Scroll the element into view and return the centre of its box, in viewport pixels."""
    box = page.evaluate(f"""(() => {{
        const el = document.getElementById({json.dumps(element_id)});
        el.scrollIntoView({{block: "center", inline: "center"}});
        const r = el.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
    }})()""")
    return float(box[0]), float(box[1])


def no_page_errors(browser: Browser, page: Page) -> None:
    assert browser.events("Runtime.exceptionThrown", page.session) == []


def test_clicking_a_node_highlights_its_quote_in_the_essay(bundled: Corpus, browser: Browser,
                                                           site_dir: Path) -> None:
    gm = bundled.get("bankruptcy")
    page = browser.open((site_dir / "maps" / "bankruptcy.html").as_uri())
    assert page.evaluate("document.body.dataset.ready") == "1"
    assert page.evaluate("document.querySelectorAll('mark.hl').length") == 0
    x, y = centre_of(page, "P1")
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('g.node').id") == "P1"
    outline = "getComputedStyle(document.querySelector('#P1 path, #P1 polygon')).stroke"
    before = page.evaluate(outline)
    page.click(x, y)
    assert page.evaluate(outline) != before  # the box is outlined in the diagram too
    start, end = gm.spans["P1"]
    highlighted = page.evaluate("Array.from(document.querySelectorAll('mark.hl'), m => m.textContent).join('')")
    assert highlighted == gm.essay.text[start:end]
    assert page.evaluate("document.getElementById('P1').classList.contains('sel')") is True
    # The quote was scrolled into the essay's view, and the panel says what the node is.
    in_view = page.evaluate("""(() => {
        const m = document.querySelector('mark.hl').getBoundingClientRect();
        const e = document.getElementById('essay').getBoundingClientRect();
        return m.top >= e.top && m.bottom <= e.bottom;
    })()""")
    assert in_view is True
    assert smart_quotes(gm.model.node("P1").text) in page.evaluate("document.getElementById('panel').innerText")  # type: ignore[union-attr]
    save(page, "map-click-node.png")
    no_page_errors(browser, page)


def test_clicking_a_passage_shows_its_nodes(bundled: Corpus, browser: Browser, site_dir: Path) -> None:
    page = browser.open((site_dir / "maps" / "enforcer.html").as_uri())
    box = page.evaluate("""(() => {
        const m = Array.from(document.querySelectorAll('mark[data-nodes]')).find(m => m.dataset.nodes === 'P8');
        m.scrollIntoView({block: 'center'});
        const r = m.getClientRects()[0];
        return [r.x + Math.min(r.width / 2, 20), r.y + r.height / 2];
    })()""")
    page.click(box[0], box[1])
    assert page.evaluate("document.body.dataset.passage") == "P8"
    assert page.evaluate("Array.from(document.querySelectorAll('#diagram g.node.sel'), g => g.id)") == ["P8"]
    assert "P8" in page.evaluate("document.getElementById('panel').innerText")
    save(page, "map-click-passage.png")
    no_page_errors(browser, page)


def test_a_link_to_a_node_selects_it_on_arrival(bundled: Corpus, browser: Browser, site_dir: Path) -> None:
    gm = bundled.get("enforcer")
    page = browser.open((site_dir / "maps" / "enforcer.html").as_uri() + "#node=T")
    start, end = gm.spans["T"]
    assert page.evaluate("Array.from(document.querySelectorAll('mark.hl'), m => m.textContent).join('')") \
        == gm.essay.text[start:end]


def test_the_comparison_page_shows_both_essays_words_for_a_shared_claim(bundled: Corpus, browser: Browser,
                                                                        site_dir: Path) -> None:
    page = browser.open((site_dir / "compare" / "bankruptcy--enforcer.html").as_uri())
    x, y = centre_of(page, "claim--russia-silent")
    page.click(x, y)
    panel = page.evaluate("document.getElementById('panel').innerText")
    for map_id in ("bankruptcy", "enforcer"):
        quote = bundled.get(map_id).model.node("P1").quote  # type: ignore[union-attr]
        assert quote in panel
    save(page, "compare-click-claim.png")
    no_page_errors(browser, page)


TEXT_PX = """(() => {
    const svg = document.querySelector('#diagram svg');
    const sizes = Array.from(svg.querySelectorAll('text[font-size]'), t => parseFloat(t.getAttribute('font-size')));
    return Math.min(...sizes) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
})()"""


def drag(page: Page, x: float, y: float, dx: float, dy: float) -> None:
    """Press the left button at (x, y), move by (dx, dy) in steps, release."""
    page.call("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "clickCount": 1})
    for k in range(1, 6):
        page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx * k / 5, "y": y + dy * k / 5,
                                               "button": "left", "buttons": 1})
    page.call("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x + dx, "y": y + dy, "button": "left",
                                           "clickCount": 1})


@pytest.mark.parametrize("name", ["maps/bankruptcy.html", "maps/enforcer.html", "compare/bankruptcy--enforcer.html"])
def test_diagrams_open_readable_and_zoom_and_pan(browser: Browser, site_dir: Path, name: str) -> None:
    page = browser.open((site_dir / name).as_uri())
    opened = page.evaluate(TEXT_PX)
    assert opened >= 11  # on a 1400 x 1000 window, before any zooming
    button = "document.querySelector('[data-zoom=\"{}\"]').click()"
    page.evaluate(button.format("in"))
    assert page.evaluate(TEXT_PX) == pytest.approx(opened * 1.25, rel=0.02)
    page.evaluate(button.format("out"))
    assert page.evaluate(TEXT_PX) == pytest.approx(opened, rel=0.02)
    box = page.evaluate("(() => { const r = document.getElementById('diagram').getBoundingClientRect();"
                        " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    before = page.evaluate("[document.getElementById('diagram').scrollLeft, document.getElementById('diagram').scrollTop]")
    drag(page, box[0], box[1], -150, -120)
    after = page.evaluate("[document.getElementById('diagram').scrollLeft, document.getElementById('diagram').scrollTop]")
    assert after != before  # dragging moves the diagram
    assert page.evaluate("document.body.dataset.selected") is None  # and is not a click on a node
    save(page, name.replace("/", "-").replace(".html", "-zoom.png"))
    no_page_errors(browser, page)


HIGHLIGHTED = ("Array.from(document.querySelectorAll('mark')).filter(m => "
               "getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').map(m => m.dataset.nodes)")


def test_only_the_selected_nodes_passages_are_highlighted(bundled: Corpus, browser: Browser, site_dir: Path) -> None:
    for map_id in sorted(bundled.maps):
        gm = bundled.get(map_id)
        page = browser.open((site_dir / "maps" / f"{map_id}.html").as_uri())
        page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
        assert page.evaluate(HIGHLIGHTED) == []  # nothing lit before a selection: every passage is faint
        node = next(n.id for n in gm.model.nodes if n.id in gm.spans)
        x, y = centre_of(page, node)
        page.click(x, y)
        lit = page.evaluate(HIGHLIGHTED)
        assert lit and all(node in ids.split() for ids in lit), (node, lit)
        marked = page.evaluate("document.querySelectorAll('mark').length")
        assert len(lit) < marked


@pytest.fixture(scope="module")
def served(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site_dir.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/site/"  # as `argmap serve` mounts it
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_served_over_http_the_site_navigates_with_relative_links_and_requests_nothing_else(
        browser: Browser, served: str) -> None:
    page = browser.open(served)
    assert page.evaluate("document.title").startswith("argmap")
    x, y = page.evaluate("""(() => {
        const a = document.querySelector('a[href="maps/bankruptcy.html"]');
        const r = a.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
    })()""")
    page.click(x, y)
    browser.wait_for("Page.loadEventFired", page.session)
    assert page.evaluate("location.pathname") == "/site/maps/bankruptcy.html"
    assert page.evaluate("document.body.dataset.ready") == "1"  # the script and the data loaded
    assert page.evaluate("getComputedStyle(document.querySelector('.bar')).display") == "flex"  # and the CSS
    urls = [e["request"]["url"] for e in browser.events("Network.requestWillBeSent", page.session)]
    assert urls and all(u.startswith(served) or u.startswith("file://") for u in urls), urls
    save(page, "served-map.png")


@pytest.fixture(scope="module")
def student_pdf(bundled: Corpus, chromium: str) -> bytes:
    """The student handout printed once for this module."""
    pdf = build_handout(bundled, "bankruptcy", "enforcer", fmt="pdf")
    assert isinstance(pdf, bytes)
    return pdf


def test_the_handout_prints_to_a4_pdf(bundled: Corpus, student_pdf: bytes) -> None:
    pdf = student_pdf
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    sizes = [(round(float(w)), round(float(h))) for w, h in boxes]
    assert (595, 842) in sizes  # A4 portrait, in points
    assert set(sizes) <= {(595, 842), (842, 595)}
    from argmap.classroom.handout import print_diagram
    from argmap.classroom.tiles import diagram_tiles

    tiles = [t for svg in print_diagram(bundled, "bankruptcy", "enforcer") for t in diagram_tiles(svg)]
    assert sizes.count((842, 595)) == len(tiles)  # one A4 landscape page per tile of the diagram, none spilling over
    assert all(t.columns == t.rows == 1 for t in tiles)  # each page of the diagram prints whole on one sheet
    assert min(t.text_pt for t in tiles) >= 8
    teacher = build_handout(bundled, "bankruptcy", "enforcer", fmt="pdf", teacher=True)
    assert isinstance(teacher, bytes)
    student_pages, teacher_pages = (len(re.findall(rb"/Type\s*/Page\b", p)) for p in (pdf, teacher))
    # The printed comparison with every statement whole, six lines to write under each question; the teacher's
    # edition adds the lesson plan, model answers (ties said in full) and the teacher's notes.
    assert student_pages <= 13 and teacher_pages <= 17, (student_pages, teacher_pages)
    if ARTIFACTS is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "handout-student.pdf").write_bytes(pdf)


def test_printing_the_same_handout_twice_gives_the_same_bytes(bundled: Corpus, student_pdf: bytes,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = student_pdf
    time.sleep(1.1)  # Chromium stamps the time to the second
    assert build_handout(bundled, "bankruptcy", "enforcer", fmt="pdf") == first
    assert b"/CreationDate (D:19800101000000" in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert b"/ModDate (D:20260101000000" in build_handout(bundled, "bankruptcy", "enforcer", fmt="pdf")


def test_the_comparison_opens_fitted_on_the_two_theses_at_1400_by_900(chromium: str, site_dir: Path) -> None:
    with Browser(chromium, timeout=60, window=(1400, 900)) as small:
        page = small.open((site_dir / "compare" / "bankruptcy--enforcer.html").as_uri())
        assert page.evaluate("document.body.dataset.ready") == "1"
        theses = page.evaluate("JSON.parse(document.getElementById('argmap-data').textContent).theses")
        assert len(theses) == 2
        seen = page.evaluate("""((ids) => {
            const pane = document.getElementById('diagram').getBoundingClientRect();
            return ids.map(id => {
                const r = document.getElementById(id).getBoundingClientRect();
                return [r.left >= pane.left - 1, r.right <= pane.right + 1, r.top >= pane.top - 1,
                        r.bottom <= pane.bottom + 1, r.width / pane.width];
            });
        })(""" + json.dumps(theses) + ")")
        for inside_left, inside_right, below_top, above_bottom, share in seen:
            assert inside_left and inside_right and below_top and above_bottom, seen  # each thesis whole in view
            assert share > 0.25, seen  # and large: the two fill the pane's width between them
        assert page.evaluate(TEXT_PX) >= 11
        save(page, "compare-opened-1400x900.png")
        no_page_errors(small, page)
