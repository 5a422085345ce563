"""Claim-alignment suggestions: statements of two maps that may state the same proposition.

A statement is a node's paraphrase and quote, lower-cased, stemmed (Snowball's
English stemmer) and with a capital read as its country (*Moscow* as *Russia*).
Two TF-IDF models are fitted on the statements and the registry's claims, one on
words and word pairs, one on character n-grams within words; the similarity of
two texts is the mean of the two cosines.  A pair's score is the mean of

- *wording*: the similarity of the two statements, and
- *claim*: how near both come to one registry claim (its wording and description),
  the weaker of the two similarities, for the claim where that is highest,

plus 0.1 when both are theses.  Pairs already bound to a common claim are left
out unless asked.  Nothing is downloaded; the models are fitted on the maps.

>>> from argmap.corpus import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> best = suggest(corpus, "bankruptcy", "enforcer", include_bound=True)[0]
>>> (best.left.map, best.right.map), 0 < best.score <= 1.1
(('bankruptcy', 'enforcer'), True)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from .driftnames import canonical_name
from .pairs import require_pair

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Claim, Node

__all__ = ["Binding", "BindingCheck", "NodeRef", "Suggestion", "Suggestions", "check_bindings", "suggest"]

_FROZEN = ConfigDict(frozen=True)


class NodeRef(BaseModel):
    """One node of one map."""

    model_config = _FROZEN
    map: str
    node: str


class Suggestion(BaseModel):
    """Two statements, one per map, that may state one proposition; ``why`` names what they share."""

    model_config = _FROZEN
    left: NodeRef
    right: NodeRef
    score: float
    why: str


class Suggestions(BaseModel):
    """The JSON of ``argmap suggest --json`` and ``GET /suggest``: best first."""

    model_config = _FROZEN
    suggestions: list[Suggestion]


class Binding(BaseModel):
    """Two mentions of one claim, in different maps, whose wordings look unrelated: perhaps a forced merge."""

    model_config = _FROZEN
    claim: str
    left: NodeRef
    right: NodeRef
    score: float
    why: str


class BindingCheck(BaseModel):
    """The JSON of ``argmap suggest --check-registry --json``: the weakest binding first."""

    model_config = _FROZEN
    bindings: list[Binding]


_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|\d+")
_POSSESSIVE = re.compile(r"'s?$")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: the Snowball stemmers, compiled

    return Stemmer.Stemmer("english")


def _analyse(text: str) -> list[tuple[str, str]]:
    """(stem, word) for each content word: stop words out, capitals read as their country."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = [canonical_name(_POSSESSIVE.sub("", w)) for w in _WORD.findall(text.replace("\u2019", "'").lower())]
    words = [w for w in words if w not in ENGLISH_STOP_WORDS]
    return list(zip(_stemmer().stemWords(words), words, strict=True))


def _statement(node: Node) -> str:
    return node.text if node.quote is None else f"{node.text} {node.quote}"


def _claim_text(claim: Claim) -> str:
    return f"{claim.wording} {claim.description or ''}"


class _Model:
    """Word and character TF-IDF vectors of some texts (fitted on them), and their cosine similarities."""

    def __init__(self, texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.analysed = [_analyse(t) for t in texts]
        docs = [" ".join(stem for stem, _ in a) for a in self.analysed]
        self.words = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2),
                                     sublinear_tf=True).fit_transform(docs)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(docs)

    def similarity(self, a: slice, b: slice) -> Any:
        """Texts ``a`` against texts ``b``: an array of cosines, the mean of the two models'."""
        w = (self.words[a] @ self.words[b].T).toarray()
        c = (self.chars[a] @ self.chars[b].T).toarray()
        return 0.5 * w + 0.5 * c

    def shared_words(self, i: int, j: int) -> list[str]:
        """The content words texts ``i`` and ``j`` share, in the order of ``i``."""
        theirs = {stem for stem, _ in self.analysed[j]}
        seen: dict[str, str] = {}
        for stem, word in self.analysed[i]:
            if stem in theirs and stem not in seen:
                seen[stem] = word
        return list(seen.values())


def suggest(corpus: Corpus, left: str, right: str, include_bound: bool = False,
            top: int | None = 3, min_score: float = 0.1) -> list[Suggestion]:
    """Pairs of statements (one in each map) that may state one proposition, best first.

    For each statement of ``left``, the ``top`` best of ``right`` (every one
    with ``top=None``) that score at least ``min_score``.  Pairs bound to a
    common claim are left out unless ``include_bound``.  Ties are broken by the
    nodes' order in their files, so the result is the same on every run.
    """
    import numpy as np

    a, b = corpus.get(left), corpus.get(right)
    require_pair(a.id, b.id)
    ln, rn = list(a.model.nodes), list(b.model.nodes)
    claims = list(corpus.registry.claims)
    nl, nr = len(ln), len(rn)
    model = _Model([*map(_statement, ln), *map(_statement, rn), *map(_claim_text, claims)])
    left_rows, right_rows, claim_rows = slice(0, nl), slice(nl, nl + nr), slice(nl + nr, None)
    wording = model.similarity(left_rows, right_rows)
    if claims:
        near = np.minimum(model.similarity(left_rows, claim_rows)[:, None, :],
                          model.similarity(right_rows, claim_rows)[None, :, :])  # left x right x claim
        anchor, which = near.max(axis=2), near.argmax(axis=2)
    else:
        anchor, which = np.zeros_like(wording), np.zeros(wording.shape, dtype=int)
    theses = np.array([[0.1 if x.kind == y.kind == "thesis" else 0.0 for y in rn] for x in ln])
    score = np.round((wording + anchor) / 2 + theses, 4)
    rows: list[tuple[float, int, int]] = []
    for i, node in enumerate(ln):
        ranked = sorted(range(nr), key=lambda j: (-score[i][j], j))
        kept = [j for j in ranked if include_bound or node.claim is None or node.claim != rn[j].claim]
        rows += [(float(score[i][j]), i, j) for j in kept[:top] if score[i][j] >= min_score]
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    out = []
    for s, i, j in rows:
        why = _why(model.shared_words(i, nl + j),
                   claims[which[i][j]].id if claims and anchor[i][j] > wording[i][j] else None)
        out.append(Suggestion(left=NodeRef(map=a.id, node=ln[i].id), right=NodeRef(map=b.id, node=rn[j].id),
                              score=s, why=why))
    return out


def _why(shared: list[str], claim: str | None) -> str:
    parts = [f"shared words: {', '.join(shared[:6])}" if shared else "no content word in common"]
    if claim is not None:
        parts.append(f"both near claim '{claim}'")
    return "; ".join(parts)


def check_bindings(corpus: Corpus, below: float = 0.05, claim_below: float = 0.25) -> list[Binding]:
    """Bindings whose mentions look unrelated: two nodes of different maps bound to one claim whose
    statements score under ``below`` with each other while one of them scores under ``claim_below``
    with the claim's wording.  Weakest first.
    """
    mentions = [(g.id, n) for g in corpus.maps.values() for n in g.model.nodes if n.claim]
    claims = list(corpus.registry.claims)
    m = len(mentions)
    model = _Model([*(_statement(n) for _, n in mentions), *(c.wording for c in claims)])
    column = {c.id: k for k, c in enumerate(claims)}
    pair = model.similarity(slice(0, m), slice(0, m))
    to_claim = model.similarity(slice(0, m), slice(m, None))
    out: list[Binding] = []
    for i, j in itertools.combinations(range(m), 2):
        (ma, a), (mb, b) = mentions[i], mentions[j]
        if ma == mb or a.claim != b.claim or a.claim not in column:
            continue
        k = column[a.claim]
        together, weaker = float(pair[i, j]), float(min(to_claim[i, k], to_claim[j, k]))
        if together < below and weaker < claim_below:
            why = (f"the two statements score {together:.2f} with each other and the weaker scores {weaker:.2f} "
                   f"with the claim's wording; {_why(model.shared_words(i, j), None)}")
            out.append(Binding(claim=a.claim, left=NodeRef(map=ma, node=a.id), right=NodeRef(map=mb, node=b.id),
                               score=round(together, 4), why=why))
    return sorted(out, key=lambda x: (x.score, x.claim, x.left.map, x.left.node, x.right.map, x.right.node))
