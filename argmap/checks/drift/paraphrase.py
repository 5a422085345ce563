"""Paraphrase drift: where a node's ``text`` says more, less or other than its ``quote``.

A paraphrase may reword freely, but four kinds of change alter what the essay
claims, and each is reported as a warning (fatal with ``--strict``):

- ``hedge``: a hedge or modal of the quote is lost, or one is added
  (*likely*, *may*, *on paper*, *symbolic*, *if*, *would* ...);
- ``modality``: ability turned into will or the reverse (*can't* → *will not*),
  or an ability modal lost or added;
- ``negation``: the quote negates and the paraphrase does not, or the reverse;
- ``specifics``: a number, a date or a proper name that only one of the two has.

Words of one family stand in for each other (*may*/*might*/*could*, and a modal
inside an if-clause for *would*: *if ... you could take it* / *it would be nice to
take it*), "almost none" in any of its words (*hardly anyone*/*almost nobody*), a
word in *-able* or *allows* for *can*, *not as ... as* for *less*, a number word for
its digits, a name for its demonym (*Russia*/*Russian*) and a capital for its
country (*Moscow*/*Russia*); names, numbers and dates are found by
:mod:`argmap.checks.drift.names`.  How well this works on hand-judged pairs:
``bench/bench_drift.py``.

>>> for d in find_drift("Israeli planners judged the calculus favourable.",
...                     "Israeli planners likely judged the calculus favorable."):
...     print(d.kind, d.change, d.words)
hedge drops ('likely',)
>>> [d.kind for d in find_drift("If Russia will not stand up for Iran", "If Russia can't stand up for Iran")]
['modality']
>>> find_drift("China stayed on the sidelines.", "China stayed on the sidelines.")
[]
>>> find_drift("Almost nobody wants a uniform.", "Hardly anyone wishes to wear a uniform.")
[]
>>> [(d.kind, d.change, d.words) for d in find_drift("Nobody wants a uniform.", "Hardly anyone wishes to wear a uniform.")]
[('hedge', 'drops', ('hardly anyone',)), ('negation', 'adds', ('nobody',))]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from argmap.checks.drift.names import Lexicon, candidates_in, context_names, straighten, unmatched_names
from argmap.checks.drift.words import ABILITY, ABILITY_LIKE, HEDGES, LESSER, NEAR_NONE_LEAD, NEGATION, WILL
from argmap.format.model import DriftKind

__all__ = ["DRIFT_KINDS", "Drift", "DriftKind", "find_drift"]

DRIFT_KINDS: tuple[str, ...] = get_args(DriftKind)


# A word ends in a letter and a number in a digit, comma or per cent sign: no token ends in a full stop.
_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*[A-Za-z]|[A-Za-z]|\d(?:[\d.,%]*[\d,%])?")


@dataclass(frozen=True)
class Drift:
    """One difference between a paraphrase and its quote.

    ``change`` is ``drops`` (the quote has ``words``, the paraphrase lacks them),
    ``adds`` (the reverse) or ``turns`` (``words`` is (quote's, paraphrase's)).
    """

    kind: DriftKind
    change: Literal["drops", "adds", "turns"]
    words: tuple[str, ...]


def _tokens(text: str) -> list[str]:
    """Lower-case words with contractions opened: ``can't`` → ``can``, ``n't``."""
    text = straighten(text)
    # Lower-casing ASCII text first finds the same words, lower-cased, in one call; other text is lower-cased
    # word by word, since lower-casing it whole can make ASCII letters (the Kelvin sign becomes 'k').
    words = _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]
    if "-" not in text and "cannot" not in words and ("'" not in text or "n't" not in " ".join(words)):
        return _units(words)  # no contraction, hyphen or 'cannot' to open
    out: list[str] = []
    for w in words:
        if w.endswith("n't") and w != "n't":  # a lone "n't" (a transcript's "do n't") is the negation alone
            out += [_CONTRACTED.get(w, w[:-3]), "n't"]
        elif w == "cannot":
            out += ["can", "not"]
        elif "-" in w:
            out += [part for part in w.split("-") if part]  # "x--y": no empty word between the hyphens
            out.append(w)
        else:
            out.append(w)
    return _units(out)


_LEADS = frozenset(NEAR_NONE_LEAD)


def _units(words: list[str]) -> list[str]:
    """Two words that say one thing joined into one token: ``hardly anyone`` → ``hardly_anyone``, ``even if``
    → ``even_if`` (see :data:`argmap.checks.drift.words.NEAR_NONE_LEAD`)."""
    if _LEADS.isdisjoint(words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _LEADS and i + 1 < len(words) and words[i + 1] in NEAR_NONE_LEAD[w]:
            out.append(f"{w}_{words[i + 1]}")
            i += 2
        else:
            out.append(w)
            i += 1
    return out


def _shown(words: list[str]) -> tuple[str, ...]:
    return tuple(w.replace("_", " ") for w in words)


_CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall"}


class _Words:
    """A word list of :mod:`argmap.checks.drift.words`, with the first word of each of its words and phrases as a set."""

    __slots__ = ("firsts", "words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        # A phrase occurs in the joined tokens only where its first word is a token: one set test rules out both.
        self.firsts = frozenset(w.split(" ")[0] for w in words)

    def found(self, present: set[str], joined: str) -> list[str]:
        """The words (or phrases) of the list that occur in a text, given its token set and joined tokens."""
        if present.isdisjoint(self.firsts):
            return []  # the usual case, decided in C
        return [w for w in self.words if (f" {w} " in joined if " " in w else w in present)]


_HEDGES = tuple(_Words(family) for family in HEDGES.values())
_ANY_HEDGE = _Words(tuple(w for family in HEDGES.values() for w in family))  # most texts have none: one test
_ABILITY, _WILL, _NEGATION = _Words(ABILITY), _Words(WILL), _Words(NEGATION)
_ABILITY_LIKE, _LESSER = _Words(ABILITY_LIKE), _Words(LESSER)


def _joined(tokens: list[str]) -> str:
    return " " + " ".join(tokens) + " "


_NO_LEXICON = Lexicon()


def find_drift(text: str, quote: str, context: str | None = None,
               lexicon: Lexicon | Callable[[], Lexicon] = _NO_LEXICON) -> list[Drift]:
    """Every drift of the paraphrase ``text`` from ``quote``, in the order hedge, modality, negation, specifics.

    ``context`` (the essay's paragraph around the quote) may name what the quote
    leaves to a pronoun: a name the paraphrase takes from it is not drift.
    ``lexicon`` (from :func:`essay_lexicon`) tells names from sentence-initial capitals; given as a function,
    it is called only when the names of the two differ in a way that only the lexicon can settle.
    """
    if text == quote:
        return []  # nothing can drift: every test below compares the two
    tq, tt = _tokens(quote), _tokens(text)
    jq, jt = _joined(tq), _joined(tt)
    sq, st = set(tq), set(tt)
    negq, negt = _negations(jq, sq), _negations(jt, st)
    out: list[Drift] = []
    dropped: list[str] = []
    added: list[str] = []
    for family in _HEDGES if _ANY_HEDGE.found(sq, jq) or _ANY_HEDGE.found(st, jt) else ():
        inq, intext = family.found(sq, jq), family.found(st, jt)
        if inq and not intext:
            dropped += inq
        elif intext and not inq:
            added += intext
    out += [Drift("hedge", "drops", _shown(dropped))] if dropped else []
    out += [Drift("hedge", "adds", _shown(added))] if added else []
    out += _modality(tq, tt, sq, st, jq, jt)
    if negq and not negt and _comparative(jq) and _LESSER.found(st, jt):
        negq = [w for w in negq if w not in ("not", "n't")]  # "not as strong as" says "less strong"
    if negt and not negq and _comparative(jt) and _LESSER.found(sq, jq):
        negt = [w for w in negt if w not in ("not", "n't")]
    if negq and not negt:
        out.append(Drift("negation", "drops", tuple(negq)))
    elif negt and not negq:
        out.append(Drift("negation", "adds", tuple(negt)))
    cq, ct = candidates_in(quote), candidates_in(text)
    if cq.kept_by(ct, st) and ct.kept_by(cq, sq):
        return out  # whatever the essay's lexicon says, neither loses a name of the other: the usual case
    lexicon = lexicon() if callable(lexicon) else lexicon
    nq, nt = cq.names(lexicon), ct.names(lexicon)
    # A name the paraphrase keeps as a common word (Bankruptcy -> bankrupt) is not lost.
    # And a name the quote has only at the start of a sentence (where a capital says nothing) is not added.
    lost, extra = unmatched_names(nq, nt | st), unmatched_names(nt, nq | sq)
    if extra:  # nor is an abbreviation of the quote's words (general practitioners: GPs)
        initials = "".join(w[0] for w in tq)
        extra = tuple(x for x in extra if not (len(x.rstrip("s")) >= 2 and x.rstrip("s") in initials))
    if extra and context:
        extra = unmatched_names(set(extra), context_names(context, lexicon))
    out += [Drift("specifics", "drops", lost)] if lost else []
    out += [Drift("specifics", "adds", extra)] if extra else []
    return out


def _comparative(joined: str) -> bool:
    return " not as " in joined or " n't as " in joined


_ADDITIVES = (" not only ", " not just ", " not merely ", " n't only ", " n't just ", " n't merely ", " no less ")


def _negations(joined: str, present: set[str]) -> list[str]:
    """Negations (in the joined tokens of a text, and their set), leaving out the additive *not only*, *not just*,
    *not merely*."""
    without = joined
    if " not " in joined or " n't " in joined or " no less " in joined:
        for additive in _ADDITIVES:
            if additive in without:  # at the very end, "is not just" negates the adjective ("not fair")
                end = without.endswith(additive)
                without = (without[: -len(additive)] if end else without).replace(additive, " ") + (additive if end else "")
    # With no additive taken out, the words left are the tokens themselves: their set is already there.
    return _NEGATION.found(present if without == joined else set(without.split()), without)


def _ability_like(present: set[str], joined: str) -> bool:
    """Whether a text says what can be without an ability modal (*achievable*, *allows*, *in a position to*)."""
    return bool(_ABILITY_LIKE.found(present, joined)) or any(
        len(w) > 6 and w.endswith(("able", "ible")) for w in present)


def _modality(tq: list[str], tt: list[str], sq: set[str], st: set[str], jq: str, jt: str) -> list[Drift]:
    """Ability against will: *can't* → *won't* is a change of claim, not of wording (``sq``, ``st``: token sets;
    ``jq``, ``jt``: joined tokens)."""
    if _ABILITY.firsts.isdisjoint(sq) and _ABILITY.firsts.isdisjoint(st):
        return []  # every drift of modality needs an ability modal on one side
    ability_q, ability_t = _ABILITY.found(sq, ""), _ABILITY.found(st, "")
    will_q, will_t = _WILL.found(sq, ""), _WILL.found(st, "")
    if ability_q and not ability_t and not will_t and _ability_like(st, jt):
        return []  # "can be achieved" / "is achievable"
    if ability_t and not ability_q and not will_q and _ability_like(sq, jq):
        return []
    if ability_q and not ability_t:
        if will_t and not will_q:
            return [Drift("modality", "turns", (_show(ability_q[0], tq), _show(will_t[0], tt)))]
        return [Drift("modality", "drops", tuple(ability_q))]
    if will_q and not will_t and ability_t and not ability_q:
        return [Drift("modality", "turns", (_show(will_q[0], tq), _show(ability_t[0], tt)))]
    if ability_t and not ability_q:
        return [Drift("modality", "adds", tuple(ability_t))]
    return []


def _show(word: str, tokens: list[str]) -> str:
    """``can`` followed by ``n't``/``not`` shows as ``can't``/``will not``."""
    i = tokens.index(word)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if nxt == "n't":
        return {"will": "won't", "can": "can't"}.get(word, word + "n't")
    return f"{word} not" if nxt == "not" else word
