"""Figures for the classroom material of a pair of maps: handout pages, printed diagram size, slide and site text.

    .venv/bin/python bench/bench_material.py                       # the bundled pair
    .venv/bin/python bench/bench_material.py --maps tests/fixtures/mini

Prints, for the first two maps of the folder (ids sorted):

* the pages of the student and teacher handout PDFs (targets: at most 12 and 13 for the bundled pair);
* the screen diagram's size and the tiles it would need; the printed diagram's pages (the shared claims and the
  theses, packed onto pages) and its smallest printed text in points (target >= 8);
* the smallest computed text size of the slide decks in CSS px on 1920 x 1080 (target >= 32, i.e. 24 pt), the
  number of elements whose content overflows their box (target 0), and the smallest text of the slides' diagrams
  as drawn (target >= 24 pt);
* the smallest diagram text on the site's map and comparison pages at the default zoom, in a 1400 x 1000 window
  (target >= 11 px), and whether the comparison opens with both theses whole in view at 1400 x 900 (target 2 of 2).

Needs Graphviz and Chromium, as `make test` installs them.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.classroom.browser import Browser, find_chromium  # noqa: E402
from argmap.classroom.decks import build_slides  # noqa: E402
from argmap.classroom.handout import print_diagram  # noqa: E402
from argmap.classroom.handout_writer import build_handout  # noqa: E402
from argmap.classroom.site import site_files  # noqa: E402
from argmap.classroom.tiles import diagram_tiles, min_font_size, svg_box  # noqa: E402
from argmap.corpus.load import bundled_maps_dir, load_corpus  # noqa: E402
from argmap.render import compare_svg  # noqa: E402

SLIDES = """(() => { let min = 1e9, over = 0, drawn = 1e9, diagrams = 0;
  for (const svg of document.querySelectorAll('.slide svg')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    diagrams += 1;
    for (const t of svg.querySelectorAll('text'))
      drawn = Math.min(drawn, parseFloat(t.getAttribute('font-size')) * scale); }
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) { if (w.currentNode.textContent.trim() && !w.currentNode.parentElement.closest('svg'))
    min = Math.min(min, parseFloat(getComputedStyle(w.currentNode.parentElement).fontSize)); }
  for (const el of document.querySelectorAll('.slide, .slide *')) {
    if (getComputedStyle(el).display === 'inline' || el.parentElement.closest('svg')) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) over += 1; }
  return [min, over, document.querySelectorAll('.slide').length, diagrams, drawn]; })()"""
FITTED = """(() => { const pane = document.getElementById('diagram').getBoundingClientRect();
  const ids = (document.body.dataset.fitted || '').split(' ').filter(Boolean);
  return ids.map(id => { const r = document.getElementById(id).getBoundingClientRect();
    return r.left >= pane.left - 1 && r.right <= pane.right + 1 && r.top >= pane.top - 1
      && r.bottom <= pane.bottom + 1; }).filter(Boolean).length; })()"""
SITE = """(() => { const svg = document.querySelector('#diagram svg');
  const sizes = Array.from(svg.querySelectorAll('text[font-size]'), t => parseFloat(t.getAttribute('font-size')));
  return Math.min(...sizes) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; })()"""


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--maps", type=Path, default=bundled_maps_dir())
    args = ap.parse_args()
    corpus = load_corpus([args.maps])
    a, b = sorted(corpus.maps)[:2]
    print(f"pair: {a} {b}")
    for teacher in (False, True):
        pdf = build_handout(corpus, a, b, fmt="pdf", teacher=teacher)
        assert isinstance(pdf, bytes)
        print(f"handout {'teacher' if teacher else 'student'}: {pages(pdf)} pages")
    svg = compare_svg(corpus, [a, b])
    w, h = svg_box(svg)
    whole = diagram_tiles(svg)
    print(f"screen diagram: {w:.0f} x {h:.0f} pt, smallest text {min_font_size(svg):g} pt; cut into tiles it would "
          f"print on {len(whole)} landscape page(s) at {min(t.text_pt for t in whole):.2f} pt")
    printed = print_diagram(corpus, a, b)
    tiles = [t for page in printed for t in diagram_tiles(page)]
    sizes = ", ".join(f"{svg_box(page)[0]:.0f} x {svg_box(page)[1]:.0f}" for page in printed)
    print(f"printed diagram: {len(printed)} page(s) ({sizes} pt), on {len(tiles)} landscape sheet(s); "
          f"smallest printed text {min(t.text_pt for t in tiles):.2f} pt")
    with tempfile.TemporaryDirectory() as tmp, Browser(find_chromium(), timeout=120, window=(1920, 1080)) as br:
        for ids in ([a, b], [a], [b]):
            f = Path(tmp) / f"{'-'.join(ids)}.html"
            f.write_text(str(build_slides(corpus, ids)), encoding="utf-8")
            low, over, n, diagrams, drawn = br.open(f.as_uri()).evaluate(SLIDES)
            shown = f", {diagrams} diagrams, smallest diagram text {drawn * 0.75:.1f} pt" if diagrams else ""
            print(f"slides {' '.join(ids)}: {n} slides, smallest text {low:g} px ({low * 0.75:g} pt), "
                  f"{over} overflowing{shown}")
    with tempfile.TemporaryDirectory() as tmp, Browser(find_chromium(), timeout=120, window=(1400, 1000)) as br:
        for name, body in site_files(corpus).items():
            (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / name).write_bytes(body)
        for name in (f"maps/{a}.html", f"maps/{b}.html", f"compare/{a}--{b}.html"):
            px = br.open((Path(tmp) / name).as_uri()).evaluate(SITE)
            print(f"site {name}: smallest diagram text {px:.2f} px at the default zoom")
    with tempfile.TemporaryDirectory() as tmp, Browser(find_chromium(), timeout=120, window=(1400, 900)) as br:
        for name, body in site_files(corpus).items():
            (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / name).write_bytes(body)
        page = br.open((Path(tmp) / f"compare/{a}--{b}.html").as_uri())
        print(f"site compare/{a}--{b}.html at 1400 x 900: {page.evaluate(FITTED)} of 2 theses whole in view, "
              f"smallest diagram text {page.evaluate(SITE):.2f} px")


if __name__ == "__main__":
    main()
