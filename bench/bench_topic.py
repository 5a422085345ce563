"""Benchmark: a whole topic compared — the grid and the topic diagram for nine maps, the grid for many.

1. The nine texts on higher dog poo fines (tests/fixtures/topic): the time of the grid (``compare_topic``) and of
   the topic diagram (DOT, then SVG through Graphviz), medians of ``--rounds`` after a first run; and the diagram's
   measures: edge crossings (``argmap/render/crossings.py``), the smallest text in it when the SVG is fitted to a
   1920×1080 slide (in pixels, 1 pt = 1 px before fitting), and how many statements it draws without a line.
   Target: grid and diagram together under 2 s.
2. Synthetic corpora (``bench/synth.py``, 40 nodes a map, 50 claims) of ``--sizes`` maps (default 250, 500, 1000):
   the time of the grid alone (``topic_grid``; the corpus loaded first, not timed) and the memory it allocates
   (tracemalloc peak), with the ratio of each to the smallest size's, so linear growth shows as ratios near the
   size ratios; then the time of the whole report once (its unanswered objections grow with the square).
   Target: 1,000 maps under 10 s.

    .venv/bin/python bench/bench_topic.py [--rounds 5] [--sizes 250 500 1000] [--png topic.png]
"""

from __future__ import annotations

import argparse
import gc
import math
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from argmap.corpus.load import load_corpus
from argmap.queries.topic import compare_topic, topic_grid
from argmap.render import render_bytes
from argmap.render.crossings import crossings, page_size
from argmap.render.paging import print_scale
from argmap.render.topic.diagram import topic_dot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate  # a sibling script, not a package

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "tests" / "fixtures" / "topic" / "higher_dog_poo_fines"
SLIDE_PX = (1920.0, 1080.0)
TARGET_NINE, TARGET_MANY = 2.0, 10.0
_FONT = re.compile(r'font-size="([\d.]+)"')
_NODE = re.compile(r'^\s*"([^"]+)" \[id=', re.M)
_EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)"', re.M)


def median_time(fn: object, rounds: int) -> float:
    fn()  # type: ignore[operator]  # the first run pays the imports
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def nine(rounds: int, png: Path | None) -> bool:
    corpus = load_corpus([TOPIC])
    ids = sorted(corpus.maps)
    grid = median_time(lambda: compare_topic(corpus, ids), rounds)
    diagram = median_time(lambda: render_bytes(topic_dot(corpus, ids), "svg"), rounds)
    dot = topic_dot(corpus, ids)
    svg = render_bytes(dot, "svg").decode("utf-8")
    size = page_size(svg)
    scale = print_scale(size, SLIDE_PX, most=math.inf)
    smallest = min(float(x) for x in _FONT.findall(svg)) * scale
    touched = {n for e in _EDGE.findall(dot) for n in e}
    edgeless = [n for n in _NODE.findall(dot) if n not in touched]
    print(f"nine maps ({TOPIC.name}): grid {grid * 1000:.1f} ms, topic diagram (DOT + SVG) {diagram * 1000:.1f} ms "
          f"(medians of {rounds}); together {grid + diagram:.3f} s")
    print(f"  diagram: {crossings(svg)} edge crossing(s); {size[0]:.0f}x{size[1]:.0f} pt, fitted to 1920x1080 at "
          f"{scale:.2f}: smallest text {smallest:.1f} px; {len(edgeless)} statement(s) without a line")
    if png is not None:
        png.write_bytes(render_bytes(dot, "png"))
        print(f"  wrote {png}")
    return grid + diagram < TARGET_NINE


def many(sizes: list[int], rounds: int) -> bool:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            info = generate(Path(tmp) / str(n), n)
            corpus = load_corpus([info.maps_dir])
            ids = sorted(corpus.maps)
            maps = [corpus.get(i) for i in ids]
            seconds = median_time(lambda c=corpus, m=maps: topic_grid(c, m), rounds)
            gc.collect()
            tracemalloc.start()
            grid = topic_grid(corpus, maps)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            start = time.perf_counter()
            report = compare_topic(corpus, ids)
            whole = time.perf_counter() - start
            rows.append((n, seconds, peak, len(grid), whole, len(report.unanswered)))
            del corpus, maps, grid, report
            gc.collect()
    n0, t0, m0 = rows[0][0], rows[0][1], rows[0][2]
    for n, seconds, peak, shared, whole, unanswered in rows:
        print(f"{n:5d} synthetic maps: grid {seconds:.3f} s ({seconds / t0:.2f}x for {n / n0:.1f}x maps), "
              f"peak memory {peak / 1e6:.1f} MB ({peak / m0:.2f}x); {shared} shared claims; the whole report "
              f"{whole:.2f} s ({unanswered} unanswered objections: one per objection and essay, so they grow "
              "with the square of the essays)")
    return rows[-1][0] < 1000 or rows[-1][1] < TARGET_MANY


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--sizes", type=int, nargs="*", default=[250, 500, 1000])
    ap.add_argument("--png", type=Path, default=None, help="also write the nine maps' topic diagram as PNG")
    args = ap.parse_args()
    ok_nine = nine(args.rounds, args.png)
    ok_many = many(sorted(args.sizes), args.rounds) if args.sizes else True
    print(f"targets (nine maps: grid and diagram under {TARGET_NINE:g} s; 1,000 maps: grid under {TARGET_MANY:g} s): "
          f"{'met' if ok_nine else 'not met'}; {'met' if ok_many else 'not met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
