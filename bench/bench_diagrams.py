"""Benchmark: how readable the diagrams are, measured from the SVG Graphviz draws.

For the bundled pair it prints

* the edge crossings of the comparative diagram (pairs of edges that cross away from both edges' ends,
  :func:`argmap.render.crossings.crossings`) in the default view, ``--shared-only`` and ``--full``,
  against the targets 25, 15 and 150, and
* for each single-map diagram, its size and aspect, and the size its body text prints at when the whole
  diagram is fitted to an A4 landscape page with 1 cm margins (277 × 190 mm) and to a 1920 × 1080 slide
  (as px, and as pt on a 13.33 × 7.5 in slide), against the target 7 pt on A4, and
* for each map's paged diagram (``argmap render MAP --out x.pdf --pages``), its pages and the body size
  of the page that prints smallest on A4 landscape.

    .venv/bin/python bench/bench_diagrams.py [--maps DIR] [--left ID --right ID]
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from argmap.corpus.load import bundled_maps_dir, load_corpus
from argmap.render import View, compare_dot, map_dot, render_bytes
from argmap.render.crossings import body_font_size, crossings, page_size
from argmap.render.map.pages import map_pages
from argmap.render.paging import print_scale

MM = 72 / 25.4
A4_BODY = ((297 - 20) * MM, (210 - 20) * MM)
"""A4 landscape inside 1 cm margins, in points."""
SLIDE_PX = (1920.0, 1080.0)
SLIDE_PT = (960.0, 540.0)
"""A 16:9 slide of 13.33 × 7.5 inches, in points."""
TARGETS = {"default": 25, "shared-only": 15, "full": 150}
VIEWS = {"default": {}, "shared-only": {"shared_only": True}, "full": {"full": True}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--maps", type=Path, default=bundled_maps_dir())
    ap.add_argument("--left", default="bankruptcy")
    ap.add_argument("--right", default="enforcer")
    args = ap.parse_args()
    corpus = load_corpus([args.maps])
    print(f"comparative diagram, {args.left} vs {args.right}: edge crossings (target)")
    for name, kw in VIEWS.items():
        svg = render_bytes(compare_dot(corpus, [args.left, args.right], View(**kw)), "svg")
        n = crossings(svg)
        ok = "ok" if n <= TARGETS[name] else "OVER"
        print(f"  {name:<12} {n:>5}  (<= {TARGETS[name]}, {ok})")
    print("single-map diagrams: size, body text printed on A4 landscape (target >= 7 pt) and on a 16:9 slide")
    for map_id in (args.left, args.right):
        svg = render_bytes(map_dot(corpus.get(map_id)), "svg")
        w, h = page_size(svg)
        body = body_font_size(svg)
        a4 = body * print_scale((w, h), A4_BODY, most=math.inf)
        px = body * print_scale((w, h), SLIDE_PX, most=math.inf)
        pt = body * print_scale((w, h), SLIDE_PT, most=math.inf)
        ok = "ok" if a4 >= 7 else "UNDER"
        print(f"  {map_id:<12} {w:.0f} x {h:.0f} pt (aspect {w / h:.2f}), body {body:.1f} pt as drawn: "
              f"A4 {a4:.1f} pt ({ok}); slide {px:.1f} px of 1080 = {pt:.1f} pt")
    print("paged single-map diagrams (--pages): body text of the smallest page on A4 landscape (target >= 7 pt)")
    for map_id in (args.left, args.right):
        sizes = []
        for dot in map_pages(corpus.get(map_id)):
            svg = render_bytes(dot, "svg")
            sizes.append(body_font_size(svg) * print_scale(page_size(svg), A4_BODY, most=math.inf))
        ok = "ok" if min(sizes) >= 7 else "UNDER"
        print(f"  {map_id:<12} {len(sizes)} pages, smallest body on A4 {min(sizes):.1f} pt ({ok})")


if __name__ == "__main__":
    main()
