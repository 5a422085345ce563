"""No regular expression argmap applies to text backtracks super-linearly.

Every pattern is compiled at module level (checked here: no literal pattern is used inline), so
``bench/bench_regex.py`` finds them all; it runs each on adversarial strings and exits 1 naming the first pattern
that takes longer than its bound.  Here the strings are 100,000 characters and the bound 5 s: a linear pattern
takes well under a tenth of a second on them (the bench prints the figures for 1 MB strings), while a quadratic
one, such as the ``<[^>]*>`` that AIF's tag stripping used, takes minutes.  The bound can only be reached by a
pattern that is not linear, however loaded the machine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# re.<function>( with a string literal as the pattern, in code (not in a docstring example).
FUNCTIONS = r"\bre\.(sub|subn|search|match|fullmatch|findall|finditer|split)\("
INLINE = re.compile(r"""^(?!\s*(>>>|\.\.\.|["'`])).*""" + FUNCTIONS + r"""\s*r?b?r?["']""")
# Patterns built at run time, each from escaped words of a fixed vocabulary or an id (at most 64 characters).
DYNAMIC = {
    "argmap/errors.py": "an id's leading letters, escaped, then a digit",
    "argmap/checks/drift/check.py": "one word of the drift vocabulary, escaped, between word boundaries",
    "argmap/checks/drift/names.py": "one of the fixed country phrases",
    "argmap/checks/integrity.py": "one id of a relation (at most 64 characters), escaped, between id boundaries",
}


def test_no_literal_pattern_is_used_inline() -> None:
    found = []
    for folder in ("argmap", "api"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if INLINE.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "compile these at module level, so the adversarial sweep runs them:\n" + "\n".join(found)


def test_dynamic_patterns_are_the_known_ones() -> None:
    uses = set()
    for folder in ("argmap", "api"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if re.search(r"^(?!\s*(>>>|\.\.\.)).*\bre\.(sub|search|match|fullmatch|findall|finditer|split)\(\s*(?!r?b?r?[\"'])",
                         text, re.M):
                uses.add(path.relative_to(ROOT).as_posix())
    assert uses <= set(DYNAMIC), sorted(uses - set(DYNAMIC))


def test_every_pattern_is_linear_on_adversarial_strings() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "api"), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_regex.py"), "--size", "100000", "--bound", "5"],
                         capture_output=True, text=True, env=env, timeout=1800)
    slow = [line for line in run.stdout.splitlines() if line.startswith("slow:")]
    assert run.returncode == 0 and not slow, (slow, run.stderr[-2000:])
    count = int(run.stdout.split(" patterns", 1)[0])
    assert count >= 30  # the sweep found the patterns (an import failure would leave it with few)
