"""Generate a synthetic argmap corpus: N maps of 40 nodes, their essays, and a shared-claim registry.

Layout written under OUT::

    OUT/maps/claims.yaml          the registry: ``--claims`` claims (default 50)
    OUT/maps/m00000.yaml ...      one map per essay, 40 nodes each
    OUT/seeds/m00000.txt ...      one essay per map (default), or OUT/seeds/e000.txt ... with --shared-essays K

Each map has every node kind: a thesis, 2 conclusions, 20 premises (sub-premises and rebuttals), 8 evidence nodes
with citations, 4 objections and 5 assumptions; linked premises (``P1 + A1 -> C1``), an undercut (``O4 -| r1``),
attacks on objections, and ``--claims-per-map`` nodes (default 8) bound to registry claims, about one in four
denying.  The essays are written from the quotes, so every quote grounds; they use typographic apostrophes and
dashes while the maps quote with ASCII ones, which exercises argmap's normalisation.  Each paraphrase rewords its
quote's verbs and keeps its names, numbers and links, so the corpus passes ``argmap validate --strict``.  The output is a pure
function of the arguments (the same seed gives byte-identical files).

Use it from another benchmark::

    from synth import generate
    info = generate(Path("/tmp/corpus"), 1000)
    load_corpus([info.maps_dir])

or from the shell: ``python bench/synth.py /tmp/corpus --maps 1000 --check``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CorpusInfo", "generate", "main"]

NODES_PER_MAP = 40

# (id, kind): the same 40-node skeleton for every map; ids are what relations below name.
_SKELETON: list[tuple[str, str]] = (
    [("T", "thesis"), ("C1", "conclusion"), ("C2", "conclusion")]
    + [(f"P{i}", "premise") for i in range(1, 21)]
    + [(f"E{i}", "evidence") for i in range(1, 9)]
    + [(f"O{i}", "objection") for i in range(1, 5)]
    + [(f"A{i}", "assumption") for i in range(1, 6)]
)
assert len(_SKELETON) == NODES_PER_MAP

_RELATIONS: list[str] = [
    "r1: P1 + A1 -> C1",  # linked premises, named so that O4 can undercut it
    "P2 -> C1",
    "r2: P3 + P4 -> C2",
    "A4 -> C2",
    "C1 -> T",
    "C2 -> T",
    "P5 -> T",
    "r3: P6 + A5 -> T",
    *(f"P{7 + k} -> P{1 + k}" for k in range(6)),  # P7..P12 support P1..P6
    "P13 + A2 -> P1",
    "P14 -> P2",
    "P15 + A3 -> P3",
    "P16 -> P4",
    *(f"E{k} -> P{6 + k}" for k in range(1, 9)),  # evidence under P7..P14
    "O1 -| T",
    "O2 -| C1",
    "O3 -| P5",
    "O4 -| r1",  # the undercut
    *(f"P{16 + k} -| O{k}" for k in range(1, 5)),  # rebuttals
]

_BINDABLE = ["C1", "C2", *(f"P{i}" for i in range(1, 17)), *(f"E{i}" for i in range(1, 9))]

_ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "tr", "st", "pl", "gr", "br"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io"]
_CODAS = ["", "n", "r", "s", "l", "m", "nd", "st", "ct"]
_VERBS = ["shows", "weakens", "supports", "undermines", "reveals", "explains", "limits", "strengthens",
          "outlasts", "exposes", "shapes", "restrains", "funds", "protects", "abandons", "tests"]
# A paraphrase's verb for each of _VERBS: other words, the same claim (no hedge, negation or name).
_REWORDED = {"shows": "demonstrates", "weakens": "erodes", "supports": "backs", "undermines": "subverts",
             "reveals": "discloses", "explains": "accounts for", "limits": "constrains", "strengthens": "reinforces",
             "outlasts": "outlives", "exposes": "lays bare", "shapes": "moulds", "restrains": "curbs",
             "funds": "finances", "protects": "shields", "abandons": "deserts", "tests": "probes"}
_LINKS = ["because", "although", "while", "since", "even as", "just as", "so that", "whereas"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(p) for p in (_ONSETS, _VOWELS, _CODAS, _VOWELS, _CODAS))[:11]


class _Writer:
    """Sentences over a fixed synthetic vocabulary (one per generator seed)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nouns = sorted({_word(rng) for _ in range(400)})
        self.names = sorted({_word(rng).capitalize() for _ in range(120)})

    def phrase(self) -> str:
        r = self.rng
        return f"the {r.choice(self.nouns)} of {r.choice(self.names)}"

    def sentence(self, tag: int) -> tuple[str, str, str]:
        """(essay form, quoted form, paraphrase) of a fresh sentence; ``tag`` keeps sentences of one essay distinct.
        The paraphrase rewords the verbs and keeps the quote's names, numbers and links, so nothing drifts."""
        r = self.rng
        subject = r.choice(self.names)
        possessive = f"{subject}’s {r.choice(self.nouns)}"
        verb, link, phrases = r.choice(_VERBS), r.choice(_LINKS), (self.phrase(), self.phrase())
        noun, verb2, noun2 = r.choice(self.nouns), r.choice(_VERBS), r.choice(self.nouns)
        core = f"{possessive} {verb} {phrases[0]} {link} {phrases[1]}"
        extra = f"{noun} {verb2} {tag} {noun2}"
        if r.random() < 0.3:
            essay = f"{core}—{extra}."
            quote = f"{core} - {extra}."
        else:
            essay = f"{core}, and {extra}."
            quote = essay
        paraphrase = (f"{possessive} {_REWORDED[verb]} {phrases[0]} {link} {phrases[1]}; "
                      f"{noun} {_REWORDED[verb2]} {tag} {noun2}.").replace("’", "'")
        return essay[0].upper() + essay[1:], (quote[0].upper() + quote[1:]).replace("’", "'"), paraphrase

    def citation(self) -> str:
        r = self.rng
        org = " ".join(r.choice(self.names) for _ in range(2))
        title = " ".join(w.capitalize() for w in (r.choice(self.nouns) for _ in range(3)))
        return f"{org} Institute, {title}, {r.choice(_MONTHS)} {r.randint(2001, 2025)}"

    def filler(self) -> str:
        r = self.rng
        return f"{r.choice(self.names)} {r.choice(_VERBS)} {self.phrase()}."


@dataclass(frozen=True)
class CorpusInfo:
    """What :func:`generate` wrote."""

    root: Path
    maps_dir: Path
    n_maps: int
    n_essays: int
    n_claims: int
    yaml_bytes: int
    essay_bytes: int


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class _Passage:
    essay: str
    quote: str
    paraphrase: str


def _essay_passages(w: _Writer, count: int, cite_after: list[int]) -> tuple[list[_Passage], list[str], str]:
    """``count`` quotable sentences, a citation after each passage in ``cite_after``, set in paragraphs with
    filler; returns the passages, the citations and the essay text."""
    passages = [_Passage(*w.sentence(k)) for k in range(count)]
    cites = {at: w.citation() for at in cite_after}
    paragraphs: list[str] = []
    for start in range(0, count, 3):
        body = []
        for at in range(start, min(start + 3, count)):
            body.append(passages[at].essay)
            if at in cites:
                body.append(f"({cites[at]}).")
            body.append(w.filler())
        paragraphs.append(" ".join(body))
    return passages, list(cites.values()), "Title of a synthetic essay\n\n" + "\n\n".join(paragraphs) + "\n"


def _map_yaml(map_id: str, essay_rel: str, sha: str, rng: random.Random, w: _Writer,
              quotes: list[_Passage], cites: list[str], claims: list[str], claims_per_map: int) -> str:
    bound = dict(zip(rng.sample(_BINDABLE, claims_per_map), rng.sample(claims, claims_per_map), strict=True))
    out = [
        f"id: {map_id}",
        f"title: {_q('Synthetic essay ' + map_id)}",
        "author: null",
        f"date: \"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\"",
        "source:",
        f"  path: {essay_rel}",
        f"  sha256: {sha}",
        "nodes:",
    ]
    quote_iter = iter(quotes)
    cite_iter = iter(cites)
    for node_id, kind in _SKELETON:
        passage = next(quote_iter) if kind != "assumption" else None
        text = passage.paraphrase if passage is not None else w.filler()
        out += [f"  - id: {node_id}", f"    kind: {kind}", f"    text: {_q(text)}"]
        if passage is not None:
            out.append(f"    quote: {_q(passage.quote)}")
        if kind == "evidence":
            out.append(f"    citation: {_q(next(cite_iter))}")
        if node_id in bound:
            out.append(f"    claim: {bound[node_id]}")
            if rng.random() < 0.25:
                out.append("    stance: denies")
        if rng.random() < 0.3:
            out.append(f"    tags: [{rng.choice(w.nouns)}, {rng.choice(w.nouns)}]")
        if rng.random() < 0.1:
            out.append(f"    note: {_q('Curator note: ' + w.filler())}")
    out.append("relations:")
    out += [f"  - {r}" for r in _RELATIONS]
    return "\n".join(out) + "\n"


def generate(out: Path, n_maps: int, *, n_claims: int = 50, claims_per_map: int = 8,
             shared_essays: int | None = None, seed: int = 0) -> CorpusInfo:
    """Write a corpus of ``n_maps`` maps under ``out`` (replacing ``out/maps`` and ``out/seeds``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     info = generate(Path(d), 3, n_claims=10, claims_per_map=4)
    ...     sorted(p.name for p in info.maps_dir.iterdir())
    ['claims.yaml', 'm00000.yaml', 'm00001.yaml', 'm00002.yaml']
    """
    if claims_per_map > min(n_claims, len(_BINDABLE)):
        raise ValueError(f"claims_per_map must be at most {min(n_claims, len(_BINDABLE))}")
    maps_dir, seeds_dir = out / "maps", out / "seeds"
    for d in (maps_dir, seeds_dir):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    rng = random.Random(f"argmap-synth:{seed}")
    w = _Writer(rng)
    claim_ids = [f"c{k:03d}" for k in range(n_claims)]
    registry = ["# Synthetic shared-claim registry.", "claims:"]
    for cid in claim_ids:
        registry += [f"  - id: {cid}", f"    wording: {_q(w.filler())}"]
    (maps_dir / "claims.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")
    yaml_bytes = essay_bytes = 0
    quoted = [kind for _, kind in _SKELETON if kind != "assumption"]
    n_quotes = len(quoted)
    evidence_at = [k for k, kind in enumerate(quoted) if kind == "evidence"]  # cite right after evidence quotes
    n_cites = len(evidence_at)

    shared: list[tuple[str, str, list[_Passage], list[str]]] = []
    if shared_essays:
        pool = 6 * n_quotes  # each map quotes a sample of its essay's passages
        for e in range(shared_essays):
            passages, cites, text = _essay_passages(w, pool, list(range(0, pool, 6)))
            data = text.encode("utf-8")
            (seeds_dir / f"e{e:03d}.txt").write_bytes(data)
            essay_bytes += len(data)
            shared.append((f"../seeds/e{e:03d}.txt", hashlib.sha256(data).hexdigest(), passages, cites))

    for i in range(n_maps):
        map_id = f"m{i:05d}"
        mrng = random.Random(f"argmap-synth:{seed}:{map_id}")
        if shared:
            rel, sha, passages, cites = shared[i % len(shared)]
            quotes = mrng.sample(passages, n_quotes)
            chosen_cites = mrng.sample(cites, n_cites)
        else:
            passages, chosen_cites, text = _essay_passages(w, n_quotes, evidence_at)
            data = text.encode("utf-8")
            (seeds_dir / f"{map_id}.txt").write_bytes(data)
            essay_bytes += len(data)
            rel, sha = f"../seeds/{map_id}.txt", hashlib.sha256(data).hexdigest()
            quotes = passages
        body = _map_yaml(map_id, rel, sha, mrng, w, quotes, chosen_cites, claim_ids, claims_per_map)
        raw = body.encode("utf-8")
        (maps_dir / f"{map_id}.yaml").write_bytes(raw)
        yaml_bytes += len(raw)
    return CorpusInfo(out, maps_dir, n_maps, len(shared) or n_maps, n_claims, yaml_bytes, essay_bytes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write (its maps/ and seeds/ are replaced)")
    ap.add_argument("--maps", type=int, default=1000, help="number of maps (default 1000)")
    ap.add_argument("--claims", type=int, default=50, help="claims in the registry (default 50)")
    ap.add_argument("--claims-per-map", type=int, default=8, help="nodes bound to a claim in each map (default 8)")
    ap.add_argument("--shared-essays", type=int, default=None, metavar="K",
                    help="K essays shared by all maps (default: one essay per map)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--check", action="store_true", help="run 'argmap validate --strict' on the result")
    args = ap.parse_args(argv)
    info = generate(args.out, args.maps, n_claims=args.claims, claims_per_map=args.claims_per_map,
                    shared_essays=args.shared_essays, seed=args.seed)
    mb = f"{info.yaml_bytes / 1e6:.1f} MB of YAML), {info.n_essays} essays ({info.essay_bytes / 1e6:.1f} MB"
    print(f"{info.n_maps} maps ({mb}), {info.n_claims} claims in {info.maps_dir}")
    if args.check:
        return subprocess.run([sys.executable, "-m", "argmap", "validate", "--strict", str(info.maps_dir)]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
