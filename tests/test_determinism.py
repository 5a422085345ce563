"""The same input gives byte-identical output in a fresh process under any hash seed: diagrams (their DOT: Graphviz
is deterministic on it), reports, exports, handouts, slides and suggestions (set and dict order must never leak into
what argmap writes).  The site and the build are byte-identical within a process (tests/test_classroom_site.py,
tests/test_render_cli.py) and are made of these."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# One process per hash seed computes every output of the bundled pair and prints the sha256 of each.
SCRIPT = r"""
import hashlib, json
from argmap.corpus.load import bundled_maps_dir, load_corpus
from argmap.classroom.handout_writer import build_handout
from argmap.classroom.decks import build_slides
from argmap.exporters import export_text
from argmap.exporters.outline import outline, outline_text
from argmap.exporters.report import compare_markdown, shared_markdown
from argmap.queries.comparison import compare, shared_premises
from argmap.render import compare_dot, map_dot
from argmap.suggest.align import suggest

corpus = load_corpus([bundled_maps_dir()])
pair = ["bankruptcy", "enforcer"]
out = {}
def put(name, data):
    out[name] = hashlib.sha256(data if isinstance(data, bytes) else data.encode("utf-8")).hexdigest()
for i, gm in sorted(corpus.maps.items()):
    put(f"map {i}.dot", map_dot(gm))
put("compare.dot", compare_dot(corpus, pair))
put("compare.md", compare_markdown(compare(corpus, *pair)))
put("compare.json", compare(corpus, *pair).model_dump_json())
put("shared.md", shared_markdown(shared_premises(corpus)))
for fmt in ("aif", "argdown", "graphml", "json"):
    put(f"export.{fmt}", export_text(corpus, pair, fmt))
for teacher in (False, True):
    put(f"handout teacher={teacher}.md", build_handout(corpus, *pair, fmt="md", teacher=teacher))
put("slides.html", build_slides(corpus, pair, fmt="html"))
put("suggest", json.dumps([s.model_dump(mode="json") for s in suggest(corpus, *pair)]))
for gm in corpus.maps.values():
    put(f"outline {gm.id}", outline_text(outline(gm.model)))
print(json.dumps(out, sort_keys=True))
"""


def outputs_under(seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr
    return dict(json.loads(run.stdout.strip().splitlines()[-1]))


def test_every_output_is_byte_identical_across_processes_and_hash_seeds() -> None:
    first, second = outputs_under("1"), outputs_under("4242")
    assert len(first) >= 16
    assert [name for name in first if first[name] != second.get(name)] == []
