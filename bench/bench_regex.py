"""Every regular expression argmap applies to text, timed on adversarial 1 MB strings.

The patterns are found, not listed: every compiled pattern held at module level by any module of ``argmap`` and
``argmap_api`` (``tests/test_regex_cost.py`` checks that no literal pattern is used inline, so none is missed).
Each pattern is run over its whole subject (``finditer``, as ``sub`` and ``findall`` do) on strings of 1 MB built
to make a backtracking engine work hard: one character repeated, for every character the pattern names and a
few generic ones, and pairs of them repeated.  A pattern with super-linear backtracking takes minutes or hours on
such a string; a linear one takes milliseconds.

Prints each pattern's slowest case (seconds, and the string that cost the most), slowest first.  With
``--bound S`` it exits 1 when any pattern takes longer than S seconds on one string (the test runs it so, with a
bound far above any linear pattern's time), naming it on a line ``slow: …`` as soon as it is found.

    .venv/bin/python bench/bench_regex.py
    .venv/bin/python bench/bench_regex.py --size 100000 --bound 10
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from typing import Any

__all__ = ["adversarial", "main", "patterns"]

GENERIC = [*"aA1-.<>'\":\n\t[(,_…", " "]


def patterns() -> dict[str, re.Pattern[Any]]:
    """``module.NAME`` -> pattern, for every compiled pattern at module level in argmap and argmap_api."""
    found: dict[str, re.Pattern[Any]] = {}
    for package in ("argmap", "argmap_api"):
        root = importlib.import_module(package)
        names = [package] + [m.name for m in pkgutil.walk_packages(root.__path__, package + ".")]
        for name in sorted(names):
            try:
                module = importlib.import_module(name)
            except ImportError:  # an optional extra that is not installed
                continue
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern) and not attr.startswith("__"):
                    found.setdefault(f"{name}.{attr}", value)
    return dict(sorted(found.items()))


def _pieces(p: re.Pattern[Any]) -> list[str]:
    source = p.pattern.decode("latin-1") if isinstance(p.pattern, bytes) else p.pattern
    named = sorted({c for c in source if not c.isalnum() or c in "aAzZ09"} - set("\\^$?*+{}|"))
    return sorted(set(named) | set(GENERIC))


def adversarial(p: re.Pattern[Any], size: int) -> Iterator[tuple[str, Any]]:
    """(description, subject) pairs of about ``size`` characters (bytes, for a bytes pattern)."""
    pieces = _pieces(p)
    units = [*pieces, *("".join(pair) for pair in itertools.permutations(
        [c for c in pieces if c in "<>-. :'\"\n[a1"], 2))]
    for unit in units:
        text = unit * (size // len(unit))
        if isinstance(p.pattern, bytes):
            yield repr(unit), text.encode("utf-8")
        else:
            yield repr(unit), text


def time_pattern(p: re.Pattern[Any], size: int, bound: float | None) -> tuple[float, str]:
    """The slowest (seconds, subject) over :func:`adversarial`; stops at the first over ``bound``."""
    worst = (0.0, "")
    for what, subject in adversarial(p, size):
        started = time.perf_counter()
        for _ in p.finditer(subject):
            pass
        spent = time.perf_counter() - started
        worst = max(worst, (spent, what))
        if bound is not None and spent > bound:
            break
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per subject (default 1 MB)")
    parser.add_argument("--bound", type=float, default=None, help="exit 1 when a pattern takes longer (seconds)")
    args = parser.parse_args(argv)
    found = patterns()
    print(f"{len(found)} patterns, subjects of {args.size:,} characters", flush=True)
    rows = []
    for name, p in found.items():
        print(f"start: {name}", flush=True)
        spent, what = time_pattern(p, args.size, args.bound)
        rows.append((spent, name, what))
        if args.bound is not None and spent > args.bound:
            print(f"slow: {name} took {spent:.2f} s on {what} repeated", flush=True)
            return 1
    print(f"{'seconds':>8}  pattern (slowest subject: the unit repeated)")
    for spent, name, what in sorted(rows, reverse=True):
        print(f"{spent:8.3f}  {name}  ({what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
