"""Differential run of the paraphrase-drift check: two versions of argmap must find the same drift on every pair.

``dump`` writes, for every quote/paraphrase pair of the maps in the given folders (each folder loaded as a
corpus, maps that fail kept out), what :func:`~argmap.checks.drift.paraphrase.find_drift` finds with the
essay's lexicon and the quote's paragraph as :mod:`argmap.checks.drift.check` passes them, and the same for
mutations of each pair (hedges, modals, negations, names, numbers and contractions put in, the pair
swapped); the kinds :func:`~argmap.checks.drift.check.drift_kinds` gives the mutated pairs; and every
diagnostic of each corpus (the drift warnings as users read them).  ``compare`` runs ``dump`` under two
source trees (``PYTHONPATH``) and prints how many pairs were compared and how many differ.

    .venv/bin/python bench/drift_differential.py compare --before /old/checkout maps tests/fixtures/mini ...
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["main"]

# Put in front of, inside or at the end of a paraphrase: each makes (or unmakes) one kind of drift.
_INSERTS = ("likely", "may", "not", "can", "will", "cannot", "won't", "can't", "never", "Moscow", "Russian", "2024",
            "two", "12.5%", "April", "hardly anyone", "not only", "not as strong as", "less", "so-called", "in theory",
            "U.S.", "Iran's", "even if", "achievable", "allows", "\u2019s", "non\u2011state", "Kremlin-backed",
            "I", "TV", "\"Quoted\"", ". Then", "; Yet")


def _mutations(text: str, quote: str) -> list[tuple[str, str]]:
    words = text.split(" ")
    middle = len(words) // 2
    out = [(quote, text), (quote, quote), (text.lower(), quote), (text, quote.upper())]
    for w in _INSERTS:
        out.append((f"{w} {text}", quote))
        out.append((" ".join([*words[:middle], w, *words[middle:]]), quote))
        out.append((text, f"{quote} {w}"))
    return out


def _paragraph(essay_text: str, span: tuple[int, int]) -> str:
    start = essay_text.rfind("\n", 0, span[0]) + 1
    end = essay_text.find("\n", span[1])
    return essay_text[start: end if end >= 0 else len(essay_text)]


def dump(folders: list[str], mutate_first: int, out: Path) -> None:
    """Write one JSON line per compared pair, then one per diagnostic, for the maps of ``folders``."""
    from argmap.checks.drift.check import drift_kinds
    from argmap.checks.drift.names import essay_lexicon
    from argmap.checks.drift.paraphrase import find_drift
    from argmap.corpus.load import check_corpus

    with out.open("w", encoding="utf-8") as f:
        for folder in folders:
            corpus, diags = check_corpus([Path(folder)], partial=True)
            maps = list(corpus.maps.values()) if corpus else []
            for k, gm in enumerate(maps):
                lexicon = essay_lexicon(gm.essay.text)
                for n in gm.model.nodes:
                    if n.quote is None:
                        continue
                    span = gm.spans.get(n.id)
                    context = _paragraph(gm.essay.text, span) if span else None
                    pairs = [(n.text, n.quote)] + (_mutations(n.text, n.quote) if k < mutate_first else [])
                    for text, quote in pairs:
                        found = [[d.kind, d.change, list(d.words)] for d in find_drift(text, quote, context, lexicon)]
                        f.write(json.dumps(["pair", gm.id, n.id, text, quote, found], ensure_ascii=False) + "\n")
                    if k < mutate_first:  # the same pairs as drift_kinds takes them: the lexicon read when needed
                        kinds = drift_kinds(pairs, gm.essay.text)
                        f.write(json.dumps(["kinds", gm.id, n.id, kinds], ensure_ascii=False) + "\n")
            for d in diags:
                f.write(json.dumps(["diagnostic", str(d)], ensure_ascii=False) + "\n")


def compare(before: str, folders: list[str], mutate_first: int) -> int:
    """Run :func:`dump` under ``before`` and under this tree; print the counts; 1 if anything differs."""
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="argmap-drift-diff-") as tmp:
        runs = {}
        for name, tree in (("before", Path(before).resolve()), ("after", here)):
            target = Path(tmp) / f"{name}.jsonl"
            env = {**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{tree / 'api'}"}
            subprocess.run([sys.executable, __file__, "dump", "--mutate-first", str(mutate_first), "--out", str(target),
                            *folders], check=True, env=env)
            runs[name] = target.read_text(encoding="utf-8").splitlines()
    old, new = runs["before"], runs["after"]
    pairs = sum(1 for line in old if line.startswith('["pair"'))
    findings = sum(len(json.loads(line)[-1]) for line in old if line.startswith('["pair"'))
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b] + [("", x) for x in new[len(old):]] \
        + [(x, "") for x in old[len(new):]]
    kinds = sum(len(json.loads(line)[-1]) for line in old if line.startswith('["kinds"'))
    diagnostics = sum(1 for line in old if line.startswith('["diagnostic"'))
    print(f"{pairs} pairs compared ({findings} drifts found before), {kinds} pairs through drift_kinds, "
          f"{diagnostics} diagnostics; {len(differ)} lines differ")
    for a, b in differ[:10]:
        print(f"- {a}\n+ {b}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["dump", "compare"])
    ap.add_argument("folders", nargs="+", help="folders of maps, each loaded as one corpus")
    ap.add_argument("--before", help="compare: the source tree of the other version")
    ap.add_argument("--out", type=Path, help="dump: the file to write")
    ap.add_argument("--mutate-first", type=int, default=50, help="mutate the pairs of the first N maps of each folder")
    args = ap.parse_args(argv)
    if args.mode == "dump":
        dump(args.folders, args.mutate_first, args.out)
        return 0
    return compare(args.before, args.folders, args.mutate_first)


if __name__ == "__main__":
    sys.exit(main())
