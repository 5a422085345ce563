"""Claim-alignment suggestions: statements of two maps that may state the same proposition.

A statement is a node's paraphrase and quote, lower-cased, stemmed (Snowball's
English stemmer) and with a capital read as its country (*Moscow* as *Russia*);
its *context* is the essay's paragraph around the quote (in an essay of a few
paragraphs, its sentence; an assumption, which has no quote, is its own
context).  Two TF-IDF models are fitted on every text compared (the statements,
their contexts and the registry's claims), one on words and word pairs, one on
character n-grams within words; the similarity of two texts is the mean of the
two cosines.  A pair's score is the mean of

- *wording*: how similar the two statements are, blended with how similar their
  contexts are (weight ``CONTEXT``), and
- *claim*: how near both come to one registry claim (its wording and description),
  the weaker of the two similarities, blended in the same way, for the claim where
  that is highest,

plus three priors: ``THESES`` when both are theses, ``SAME_KIND`` when both are
of one kind, and ``ONE_TO_ONE`` when the one-to-one assignment of the two maps'
statements (the Hungarian method, on those scores) pairs them.  Pairs already
bound to a common claim are left out unless asked.  Nothing is downloaded; the
models are fitted on the maps and their essays at each run.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> corpus = load_corpus([bundled_maps_dir()])
>>> best = suggest(corpus, "bankruptcy", "enforcer", include_bound=True)[0]
>>> (best.left.map, best.right.map), 0 < best.score <= 1.2
(('bankruptcy', 'enforcer'), True)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from argmap.checks.drift.names import canonical_name
from argmap.corpus.pairs import require_pair
from argmap.queries.coverage import MIN_PARAGRAPHS, sentences
from argmap.suggest.results import Binding, BindingCheck, NodeRef, Suggestion, Suggestions

if TYPE_CHECKING:
    from argmap.checks.grounded import GroundedMap
    from argmap.corpus.load import Corpus
    from argmap.format.model import Node
    from argmap.format.registry import Claim

__all__ = ["CONTEXT", "ONE_TO_ONE", "SAME_KIND", "THESES", "Binding", "BindingCheck", "NodeRef", "Suggestion",
           "Suggestions", "check_bindings", "suggest"]

# The four constants of the score; each was chosen on the bundled maps and checked on the maps before their
# revision (tests/fixtures/maps-v1) and the small fixtures with a registry (bench/bench_suggest.py).
CONTEXT = 0.25
"""Weight of the context (the paragraph around a quote) against the statement: it says what the statement is about,
in the essay's words, but every statement quoted from it shares it, so a quarter keeps it a hint."""
THESES = 0.1
"""Added when both statements are their essays' theses: two essays on one question often answer it in their theses."""
SAME_KIND = 0.03
"""Added when both are of one kind (two premises, two pieces of evidence): two essays that state one proposition
tend to give it one role.  Small, so that it decides only between near ties."""
ONE_TO_ONE = 0.05
"""Added when the one-to-one assignment pairs the two: a statement usually has one counterpart, so a partner that
fits another statement better is the weaker candidate."""

# A word is letters of any script (``[^\W\d_]``), so *außerdem* and *café* stay whole.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*[^\W\d_]|\d+")
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


def _contexts(gm: GroundedMap) -> list[str]:
    """For each node, the essay's paragraph around its quote (the sentence, in a short essay, which ``argmap coverage``
    counts by sentence); for an assumption, which has no quote, its statement."""
    units = gm.essay.paragraphs
    units = sentences(units) if len(units) < MIN_PARAGRAPHS else units
    out = []
    for node in gm.model.nodes:
        span = gm.spans.get(node.id)
        around = [u.text for u in units if span and u.start < span[1] and u.end > span[0]]
        out.append(" ".join(around) if around else _statement(node))
    return out


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


@dataclass(frozen=True)
class _Scores:
    """The similarities of every pair (left x right) of two maps' statements, and the score built from them."""

    model: _Model
    statements: Any  # the two statements' similarity
    contexts: Any  # their contexts' similarity
    wording: Any  # the two, blended by CONTEXT
    anchor: Any  # how near both come to one claim, for the claim where that is highest: ``which``
    which: Any
    paired: Any  # True where the one-to-one assignment pairs the two
    score: Any

    def shared_words(self, i: int, j: int, contexts: bool = False) -> list[str]:
        nl, nr = self.statements.shape
        return self.model.shared_words(i + contexts * (nl + nr), j + nl + contexts * (nl + nr))


def _scores(a: GroundedMap, b: GroundedMap, claims: Sequence[Claim]) -> _Scores:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    ln, rn = list(a.model.nodes), list(b.model.nodes)
    nl, nr, nc = len(ln), len(rn), len(claims)
    model = _Model([*map(_statement, ln), *map(_statement, rn),
                    *_contexts(a), *_contexts(b), *map(_claim_text, claims)])
    ls, rs = slice(0, nl), slice(nl, nl + nr)  # the statements
    lc, rc = slice(nl + nr, 2 * nl + nr), slice(2 * nl + nr, 2 * (nl + nr))  # their contexts
    ks = slice(2 * (nl + nr), None)  # the claims
    statements, contexts = model.similarity(ls, rs), model.similarity(lc, rc)
    wording = (1 - CONTEXT) * statements + CONTEXT * contexts
    if nc:
        def weaker(left_rows: slice, right_rows: slice) -> Any:  # left x right x claim
            return np.minimum(model.similarity(left_rows, ks)[:, None, :], model.similarity(right_rows, ks)[None, :, :])

        near = (1 - CONTEXT) * weaker(ls, rs) + CONTEXT * weaker(lc, rc)
        anchor, which = near.max(axis=2), near.argmax(axis=2)
    else:
        anchor, which = np.zeros_like(wording), np.zeros(wording.shape, dtype=int)
    kinds = np.array([[x.kind == y.kind for y in rn] for x in ln])
    theses = np.array([[x.kind == y.kind == "thesis" for y in rn] for x in ln])
    base = (wording + anchor) / 2 + THESES * theses + SAME_KIND * kinds
    paired = np.zeros(base.shape, dtype=bool)
    paired[linear_sum_assignment(-np.round(base, 9))] = True
    score = np.round(base + ONE_TO_ONE * paired, 4)
    return _Scores(model, statements, contexts, wording, anchor, which, paired, score)


def suggest(corpus: Corpus, left: str, right: str, include_bound: bool = False,
            top: int | None = 3, min_score: float = 0.1) -> list[Suggestion]:
    """Pairs of statements (one in each map) that may state one proposition, best first.

    For each statement of ``left``, the ``top`` best of ``right`` (every one
    with ``top=None``) that score at least ``min_score``.  Pairs bound to a
    common claim are left out unless ``include_bound``.  Ties are broken by the
    nodes' order in their files, so the result is the same on every run.
    """
    a, b = corpus.get(left), corpus.get(right)
    require_pair(a.id, b.id)
    ln, rn = list(a.model.nodes), list(b.model.nodes)
    claims = list(corpus.registry.claims)
    sc = _scores(a, b, claims)
    score = sc.score  # left x right
    rows: list[tuple[float, int, int]] = []
    for i, node in enumerate(ln):
        ranked = sorted(range(len(rn)), key=lambda j: (-score[i][j], j))
        kept = [j for j in ranked if include_bound or node.claim is None or node.claim != rn[j].claim]
        rows += [(float(score[i][j]), i, j) for j in kept[:top] if score[i][j] >= min_score]
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    out = []
    for s, i, j in rows:
        shared = sc.shared_words(i, j)
        quoted = ln[i].quote is not None and rn[j].quote is not None
        around = ([w for w in sc.shared_words(i, j, contexts=True) if w not in shared]
                  if quoted and sc.contexts[i][j] > sc.statements[i][j] else [])
        why = _why(shared, claims[sc.which[i][j]].id if claims and sc.anchor[i][j] > sc.wording[i][j] else None,
                   around, bool(sc.paired[i][j]))
        out.append(Suggestion(left=NodeRef(map=a.id, node=ln[i].id), right=NodeRef(map=b.id, node=rn[j].id),
                              score=s, why=why))
    return out


def _why(shared: list[str], claim: str | None, around: Sequence[str] = (), paired: bool = False) -> str:
    parts = [f"shared words: {', '.join(shared[:6])}" if shared else "no content word in common",
             f"their passages share: {', '.join(around[:6])}" if around else "",
             f"both near claim '{claim}'" if claim is not None else "", "paired one-to-one" if paired else ""]
    return "; ".join(p for p in parts if p)


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
