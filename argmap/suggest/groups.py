"""Suggestions for N maps: groups of statements, from different maps, that may state one proposition.

Every statement of every map is scored against every statement of every other
map as :mod:`argmap.suggest.align` scores two maps (wording and context,
nearness to one registry claim, the theses and same-kind priors, and the
one-to-one bonus within each pair of maps), with one TF-IDF model fitted on
all of them at once.  Groups are then grown by average linkage: starting from
single statements, the two groups whose statements score highest on average
are joined, as long as that average is at least ``threshold`` and the two
groups hold no statement of one map (a group has at most one statement per
map).  Each group of two or more is a suggestion, scored by that average, with
the content words most of its statements share and the registry claim they
come near.

Groups whose statements are all bound to one claim already, or bound to two
different claims, are left out unless ``include_bound``.  :func:`draft_registry` writes the groups as a registry for the
curator: a claim per group (the claim some of its statements are bound to, or a
new id from its shared words), its wording the most central statement's text,
and a comment naming the statements to bind.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> groups = suggest_groups(corpus, ["bankruptcy", "enforcer"], include_bound=True)
>>> all(len({m.map for m in g.members}) == len(g.members) >= 2 for g in groups)
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from argmap.corpus.pairs import comparison_ids
from argmap.suggest.align import CONTEXT, ONE_TO_ONE, SAME_KIND, THESES, _claim_text, _contexts, _Model, _statement
from argmap.suggest.results import GroupMember, SuggestedGroup

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that Unicode does not decompose into an ASCII letter and a mark, spelled as their languages spell them
# without the letter; NFKD then takes the marks off the rest (é -> e, ö -> o), and what is left that is not ASCII
# (a Greek or Cyrillic word) is dropped.
_SPELLED = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
                          "ı": "i"})

if TYPE_CHECKING:
    from argmap.checks.grounded import GroundedMap
    from argmap.corpus.load import Corpus

__all__ = ["THRESHOLD", "draft_registry", "suggest_groups"]

THRESHOLD = 0.15
"""The least average score at which two groups are joined; chosen on the curated topic (bench/bench_topic_suggest.py),
where it gives pairwise precision 0.90 at recall 0.71 from scratch."""


TOPIC_SHARE = 0.5
"""A word that more than this share of the essays use (with at least three essays) is the topic's, not a
proposition's: every statement about dog fines says *dog*, *dirt* and *fine*, so those words cannot tell which
statements state one proposition, and they are left out of the models."""


def _topic_words(maps: Sequence[GroundedMap]) -> set[str]:
    from argmap.suggest.align import _analyse

    if len(maps) < 3:
        return set()
    counts: Counter[str] = Counter()
    for gm in maps:
        counts.update({stem for stem, _ in _analyse(gm.essay.text)})
    return {w for w, c in counts.items() if c > TOPIC_SHARE * len(maps)}


class _TopicModel(_Model):
    """The suggester's models, without the topic's words."""

    def __init__(self, texts: Sequence[str], drop: set[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        from argmap.suggest.align import _analyse

        self.analysed = [[(s, w) for s, w in _analyse(t) if s not in drop] for t in texts]
        docs = [" ".join(stem for stem, _ in a) or "_" for a in self.analysed]
        self.words = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2),
                                     sublinear_tf=True).fit_transform(docs)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(docs)


def _score_matrix(corpus: Corpus, ids: Sequence[str]) -> tuple[Any, list[tuple[str, Any]], _Model, Any]:
    """The score of every pair of statements (all maps' statements, in map order), with what ``why`` needs."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    maps = [corpus.get(i) for i in ids]
    nodes = [(gm.id, n) for gm in maps for n in gm.model.nodes]
    claims = list(corpus.registry.claims)
    n, nc = len(nodes), len(claims)
    model = _TopicModel([*(_statement(x) for _, x in nodes), *(c for gm in maps for c in _contexts(gm)),
                         *map(_claim_text, claims)], _topic_words(maps))
    st, cx, ks = slice(0, n), slice(n, 2 * n), slice(2 * n, None)
    wording = (1 - CONTEXT) * model.similarity(st, st) + CONTEXT * model.similarity(cx, cx)
    if nc:
        to_claim = (1 - CONTEXT) * model.similarity(st, ks) + CONTEXT * model.similarity(cx, ks)  # n x claims
        near = np.minimum(to_claim[:, None, :], to_claim[None, :, :])
        anchor, which = near.max(axis=2), near.argmax(axis=2)
    else:
        anchor, which = np.zeros_like(wording), np.zeros(wording.shape, dtype=int)
    kinds = np.array([x.kind for _, x in nodes])
    same = kinds[:, None] == kinds[None, :]
    theses = same & (kinds[:, None] == "thesis")
    base = (wording + anchor) / 2 + THESES * theses + SAME_KIND * same
    owner = np.array([m for m, _ in nodes])
    starts = {m: int(np.argmax(owner == m)) for m in ids}
    sizes = {gm.id: len(gm.model.nodes) for gm in maps}
    for a in range(len(ids)):
        for b in range(a + 1, len(ids)):
            ra = slice(starts[ids[a]], starts[ids[a]] + sizes[ids[a]])
            rb = slice(starts[ids[b]], starts[ids[b]] + sizes[ids[b]])
            block = base[ra, rb]
            rows, cols = linear_sum_assignment(-np.round(block, 9))
            base[ra.start + rows, rb.start + cols] += ONE_TO_ONE
            base[rb.start + cols, ra.start + rows] += ONE_TO_ONE
    score = np.round(base, 4)
    score[owner[:, None] == owner[None, :]] = -np.inf  # never two statements of one map
    return score, nodes, model, which


def _average(score: Any, a: list[int], b: list[int]) -> float:
    return float(score[a][:, b].mean())


def _ascii(word: str) -> str:
    """The word in ASCII letters and digits, hyphens between.

    >>> _ascii("außerdem"), _ascii("élève"), _ascii("день")
    ('ausserdem', 'eleve', '')
    """
    plain = unicodedata.normalize("NFKD", word.lower().translate(_SPELLED)).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", plain).strip("-")


def _slug(words: list[str], taken: set[str]) -> str:
    """A new claim id from a group's shared words: ASCII, as an id must be, and starting with a letter.

    >>> _slug(["außerdem", "höher"], set()), _slug(["2019", "день"], set())
    ('ausserdem-hoher', 'claim-2019')
    """
    base = "-".join(a for a in (_ascii(w) for w in words[:4]) if a)
    base = base if base[:1].isalpha() else f"claim-{base}"
    base = base[:60].strip("-")
    out, k = base, 2
    while out in taken:
        out, k = f"{base}-{k}", k + 1
    taken.add(out)
    return out


def suggest_groups(corpus: Corpus, map_ids: Sequence[str], include_bound: bool = False,
                   threshold: float = THRESHOLD) -> list[SuggestedGroup]:
    """Groups of statements, at most one per map and from two or more maps, that may state one proposition;
    best first (by score, then by the first statement's map and node order).

    ``map_ids`` must name two or more different maps (:func:`argmap.corpus.pairs.comparison_ids`).
    """
    import numpy as np

    ids = comparison_ids(corpus, map_ids)
    score, nodes, model, which = _score_matrix(corpus, ids)
    claims = list(corpus.registry.claims)
    clusters: list[list[int]] = [[i] for i in range(len(nodes))]
    owners = [{nodes[i][0]} for i in range(len(nodes))]
    while True:
        best, pair = threshold, None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                if owners[x] & owners[y]:
                    continue
                s = _average(score, clusters[x], clusters[y])
                if s >= best and (pair is None or s > best):
                    best, pair = s, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = sorted(clusters[x] + clusters[y])
        owners[x] |= owners[y]
        del clusters[y], owners[y]
    out = []
    for members in clusters:
        if len(members) < 2:
            continue
        bound = {nodes[i][1].claim for i in members}
        existing = sorted(c for c in bound if c)
        if not include_bound and (len(existing) > 1 or bound == set(existing)):
            continue  # bound to one claim already, or its statements to different claims: the registry decided
        sub = score[np.ix_(members, members)]
        finite = np.where(np.isfinite(sub), sub, 0.0)
        central = members[int(np.argmax(finite.sum(axis=1)))]
        pairs = [(i, j) for k, i in enumerate(members) for j in members[k + 1:]]
        mean = round(float(np.mean([score[i, j] for i, j in pairs])), 4)
        words: Counter[str] = Counter()
        for i, j in pairs:
            words.update(set(model.shared_words(i, j)))
        common = [w for w, c in sorted(words.items(), key=lambda wc: (-wc[1], wc[0]))][:6]
        near = Counter(int(which[i, j]) for i, j in pairs).most_common(1)
        claim = claims[near[0][0]].id if claims and near else None
        why = (f"shared words: {', '.join(common)}" if common else "no content word in common") + \
            (f"; near claim '{claim}'" if claim else "")
        out.append(SuggestedGroup(
            score=mean, why=why, claim=existing[0] if len(existing) == 1 else None, wording=nodes[central][1].text,
            members=[GroupMember(map=nodes[i][0], node=nodes[i][1].id, kind=nodes[i][1].kind,
                                 text=nodes[i][1].text, claim=nodes[i][1].claim) for i in members],
            words=common))
    order = {m: k for k, m in enumerate(ids)}
    return sorted(out, key=lambda g: (-g.score, order[g.members[0].map], g.members[0].node))


def draft_registry(corpus: Corpus, groups: Sequence[SuggestedGroup]) -> str:
    """A registry (YAML) with the corpus's claims and one more claim per group not bound to one yet, each group's
    statements to bind in a comment above it; the curator accepts or edits it, then binds the statements.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.format.registry import ClaimRegistry
    >>> import yaml
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> text = draft_registry(corpus, suggest_groups(corpus, ["bankruptcy", "enforcer"]))
    >>> len(ClaimRegistry.model_validate(yaml.safe_load(text)).claims) >= len(corpus.registry.claims)
    True
    """
    import json

    taken = {c.id for c in corpus.registry.claims}
    lines = ["# Draft shared-claim registry written by argmap suggest: the registry's claims, then one claim per",
             "# suggested group.  Accept, reword or delete each; then bind the statements the comment names with",
             "# 'claim: <id>' in their maps.", "claims:"]

    def claim_lines(cid: str, wording: str, description: str | None) -> list[str]:
        out = [f"  - id: {cid}", f"    wording: {json.dumps(wording, ensure_ascii=False)}"]
        return out + ([f"    description: {json.dumps(description, ensure_ascii=False)}"] if description else [])

    proposed: dict[str, list[SuggestedGroup]] = {}
    fresh: list[tuple[str, SuggestedGroup]] = []
    for g in groups:
        if len({m.claim for m in g.members if m.claim}) > 1:
            continue  # its statements are bound to different claims: the registry has decided against it
        if g.claim is not None:
            proposed.setdefault(g.claim, []).append(g)
        else:
            fresh.append((_slug(g.words, taken), g))
    for c in corpus.registry.claims:
        for g in proposed.get(c.id, []):
            lines.append(f"  # bind ({g.score:.3f}; {g.why}): " + ", ".join(f"{m.map}:{m.node}" for m in g.members))
        lines += claim_lines(c.id, c.wording, c.description)
    for cid, g in fresh:
        lines.append(f"  # bind ({g.score:.3f}; {g.why}): " + ", ".join(f"{m.map}:{m.node}" for m in g.members))
        lines += claim_lines(cid, g.wording, "Proposed for " + ", ".join(f"{m.map}:{m.node}" for m in g.members)
                             + ".")
    return "\n".join(lines) + "\n"
