"""Paraphrase drift: where a node's ``text`` says more, less or other than its ``quote``.

A paraphrase may reword freely, but four kinds of change alter what the essay
claims, and each is reported as a warning (fatal with ``--strict``):

- ``hedge``: a hedge or modal of the quote is lost, or one is added
  (*likely*, *may*, *on paper*, *symbolic*, *if*, *would* ...);
- ``modality``: ability turned into will or the reverse (*can't* → *will not*),
  or an ability modal lost or added;
- ``negation``: the quote negates and the paraphrase does not, or the reverse;
- ``specifics``: a number, a date or a proper name that only one of the two has.

Words of one family stand in for each other (*may*/*might*/*could*), a name for
its demonym (*Russia*/*Russian*) and a capital for its country (*Moscow*/*Russia*).

>>> for d in find_drift("Israeli planners judged the calculus favourable.",
...                     "Israeli planners likely judged the calculus favorable."):
...     print(d.kind, d.change, d.words)
hedge drops ('likely',)
>>> [d.kind for d in find_drift("If Russia will not stand up for Iran", "If Russia can't stand up for Iran")]
['modality']
>>> find_drift("China stayed on the sidelines.", "China stayed on the sidelines.")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

from .driftwords import ABILITY, ALIASES, HEDGES, MONTHS, NEGATION, NUMBER_WORDS, PHRASE_NAMES, SMALL, WILL
from .model import DriftKind

__all__ = ["DRIFT_KINDS", "Drift", "DriftKind", "Lexicon", "canonical_name", "essay_lexicon", "find_drift", "names_in"]

DRIFT_KINDS: tuple[str, ...] = get_args(DriftKind)


_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*[A-Za-z]|[A-Za-z]|\d[\d.,%]*")


def _straight(text: str) -> str:
    """Typographic apostrophes and hyphens as ASCII ones (four ``replace`` calls are far faster than ``translate``)."""
    return text.replace("\u2018", "'").replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")


def _strip_possessive(tok: str) -> str:
    """``tok`` without a final ``'s`` or ``'`` (what ``re.sub(r"'s?$", "", tok)`` does to a one-line token)."""
    if tok.endswith("'s"):
        return tok[:-2]
    return tok[:-1] if tok.endswith("'") else tok


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
    text = _straight(text)
    if text.isascii():  # lower-casing ASCII text first finds the same words, lower-cased, in one call
        words = [w.rstrip(".") for w in _WORD.findall(text.lower())]
    else:
        words = [w.lower().rstrip(".") for w in _WORD.findall(text)]
    if "'" not in text and "-" not in text and "cannot" not in words:
        return words  # no contraction, hyphen or 'cannot' to open
    out: list[str] = []
    for w in words:
        if w.endswith("n't"):
            out += [_CONTRACTED.get(w, w[:-3]), "n't"]
        elif w == "cannot":
            out += ["can", "not"]
        elif "-" in w:
            out += w.split("-")
            out.append(w)
        else:
            out.append(w)
    return out


_CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall"}


class _Words:
    """A word list of :mod:`argmap.driftwords`, with its single words as a set and its phrases padded with spaces."""

    __slots__ = ("phrases", "singles", "words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.singles = frozenset(w for w in words if " " not in w)
        self.phrases = tuple(f" {w} " for w in words if " " in w)

    def found(self, present: set[str], joined: str) -> list[str]:
        """The words (or phrases) of the list that occur in a text, given its token set and joined tokens."""
        if present.isdisjoint(self.singles) and not (self.phrases and any(p in joined for p in self.phrases)):
            return []  # the usual case, decided in C
        return [w for w in self.words if (f" {w} " in joined if " " in w else w in present)]


_HEDGES = tuple(_Words(family) for family in HEDGES.values())
_ABILITY, _WILL, _NEGATION = _Words(ABILITY), _Words(WILL), _Words(NEGATION)


def _joined(tokens: list[str]) -> str:
    return " " + " ".join(tokens) + " "




@dataclass(frozen=True)
class Lexicon:
    """What an essay's capitals say: words it capitalises inside sentences (names) and words it mostly writes
    in lower case (common words, even when a title capitalises them)."""

    names: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()


_TOKEN = re.compile(r"[A-Za-z][A-Za-z.']*|\d[\d,]*(?:\.\d+)?%?|[.!?:;\n\"“]")
_NUMBER_WORDS = frozenset(NUMBER_WORDS)
_MONTHS = frozenset(MONTHS)


_CANDIDATE = re.compile(r"[A-Z][A-Za-z.']*|\d[\d,]*(?:\.\d+)?%?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b")


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` is the first of its text, sentence, line or quotation."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in '.!?\n"“'


_STOPS = frozenset('.!?\n"“')
"""Tokens after which a word starts a sentence (``:`` and ``;`` do not, and do not end one either)."""
_MARKS = frozenset('.!?:;\n"“')


def _inner_words(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text`` that begin in lower case, and the capitalised ones that do not start a sentence
    (or a line), each without a final full stop; numbers are neither."""
    lowers: list[str] = []
    uppers: list[str] = []
    start = True
    for tok in _TOKEN.findall(text):
        if tok in _MARKS:
            start = start or tok in _STOPS
            continue
        starts = start
        if tok[-1] == "." and len(tok) > 2 and "." not in tok[:-1]:
            tok = tok[:-1]
            start = True
        else:
            start = False
        first = tok[0]
        if first.islower():
            lowers.append(tok)
        elif first.isupper() and not starts:
            uppers.append(tok)
    return lowers, uppers


def _counted(words: list[str]) -> Counter[str]:
    """How often each word occurs, lower-cased and without a possessive ``'s``."""
    return Counter([(_strip_possessive(w) if "'" in w else w).lower() for w in words])


@lru_cache(maxsize=64)
def essay_lexicon(text: str) -> Lexicon:
    """The essay's names and common words, judged by how it writes each word inside sentences.

    >>> lex = essay_lexicon("Yet Iran waited. Moscow and Iran spoke. Yet it rained; yet more.")
    >>> sorted(lex.names), sorted(lex.common)
    (['iran'], ['and', 'it', 'more', 'rained', 'spoke', 'waited', 'yet'])
    """
    lowers, uppers = _inner_words(_straight(text))
    upper, lower = _counted(uppers), _counted(lowers)
    names = frozenset(w for w, n in upper.items() if n > lower.get(w, 0))
    return Lexicon(names, frozenset(w for w, n in lower.items() if n >= upper.get(w, 0)))


def names_in(text: str, lexicon: Lexicon = Lexicon()) -> frozenset[str]:
    """Canonical proper names, numbers and dates in ``text``.

    A capitalised word counts when it is not the first of a sentence (and the
    essay does not mostly write it in lower case), or when the essay uses it as
    a name.  A capital stands for its country and a demonym for its name.

    >>> sorted(names_in("Yet when Iran was struck in April 2024, Moscow said nothing."))
    ['2024', 'april', 'iran', 'russia']
    >>> sorted(names_in("Russian jets flew over the Kremlin's US-backed rivals."))
    ['russia', 'united states']
    """
    out: set[str] = set()
    text = _straight(text).replace("-", " ")
    lowered = text.lower()
    for long, short in PHRASE_NAMES:
        if long in lowered:
            out.add(short)
            text = re.sub(long, " ", text, flags=re.IGNORECASE)
    names, common = lexicon.names, lexicon.common
    for m in _CANDIDATE.finditer(text):
        tok = m.group()
        if tok.count(".") == 1:
            tok = tok.rstrip(".")
        first = tok[0]
        if first.isdigit():
            out.add(tok.rstrip("%").replace(",", ""))
            continue
        word = _strip_possessive(tok).replace(".", "").replace("'", "")
        low = word.lower()
        if low in _NUMBER_WORDS or (low in _MONTHS and low != "may" and first.isupper()):
            out.add(low)
        elif first.isupper() and low not in SMALL and word != "I" and (
                low in names or not (_starts_sentence(text, m.start()) or low in common)):
            out.add(ALIASES.get(low, low))
    return frozenset(out)


@lru_cache(maxsize=256)
def _context_names(paragraph: str, lexicon: Lexicon) -> frozenset[str]:
    """:func:`names_in` of a paragraph, which the quotes of many nodes share."""
    return names_in(paragraph, lexicon)


def canonical_name(word: str) -> str:
    """A lower-case capital, seat of government or short form as its country; other words unchanged.

    >>> canonical_name("kremlin"), canonical_name("tehran"), canonical_name("silence")
    ('russia', 'iran', 'silence')
    """
    return ALIASES.get(word, word)


def _same_name(a: str, b: str) -> bool:
    """Russia ~ Russian, Israel ~ Israeli, China ~ Chinese: a shared stem of at least four letters."""
    if a == b:
        return True
    if a[:4] != b[:4]:  # no stem of four letters in common: the usual case, decided without a loop
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 1 and not a.isdigit()


def _unmatched(mine: Iterable[str], theirs: set[str] | frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(x for x in mine if x not in theirs and not any(_same_name(x, y) for y in theirs)))


def find_drift(text: str, quote: str, context: str | None = None, lexicon: Lexicon = Lexicon()) -> list[Drift]:
    """Every drift of the paraphrase ``text`` from ``quote``, in the order hedge, modality, negation, specifics.

    ``context`` (the essay's paragraph around the quote) may name what the quote
    leaves to a pronoun: a name the paraphrase takes from it is not drift.
    ``lexicon`` (from :func:`essay_lexicon`) tells names from sentence-initial capitals.
    """
    tq, tt = _tokens(quote), _tokens(text)
    jq, jt = _joined(tq), _joined(tt)
    sq, st = set(tq), set(tt)
    negq, negt = _negations(jq, sq), _negations(jt, st)
    out: list[Drift] = []
    dropped: list[str] = []
    added: list[str] = []
    for family in _HEDGES:
        inq, intext = family.found(sq, jq), family.found(st, jt)
        if inq and not intext:
            dropped += inq
        elif intext and not inq:
            added += intext
    out += [Drift("hedge", "drops", tuple(dropped))] if dropped else []
    out += [Drift("hedge", "adds", tuple(added))] if added else []
    out += _modality(tq, tt, sq, st)
    if negq and not negt:
        out.append(Drift("negation", "drops", tuple(negq)))
    elif negt and not negq:
        out.append(Drift("negation", "adds", tuple(negt)))
    nq, nt = names_in(quote, lexicon), names_in(text, lexicon)
    # A name the paraphrase keeps as a common word (Bankruptcy -> bankrupt) is not lost.
    lost, extra = _unmatched(nq, nt | st), _unmatched(nt, nq)
    if extra and context:
        extra = _unmatched(set(extra), _context_names(context, lexicon))
    out += [Drift("specifics", "drops", lost)] if lost else []
    out += [Drift("specifics", "adds", extra)] if extra else []
    return out


def _negations(joined: str, present: set[str]) -> list[str]:
    """Negations (in the joined tokens of a text, and their set), leaving out the additive *not only*, *not just*,
    *not merely*."""
    without = joined
    for additive in (" not only ", " not just ", " not merely ", " n't only ", " n't just ", " n't merely ", " no less "):
        without = without.replace(additive, " ")
    # With no additive taken out, the words left are the tokens themselves: their set is already there.
    return _NEGATION.found(present if without == joined else set(without.split()), without)


def _modality(tq: list[str], tt: list[str], sq: set[str], st: set[str]) -> list[Drift]:
    """Ability against will: *can't* → *won't* is a change of claim, not of wording (``sq``, ``st``: token sets)."""
    ability_q, ability_t = _ABILITY.found(sq, ""), _ABILITY.found(st, "")
    will_q, will_t = _WILL.found(sq, ""), _WILL.found(st, "")
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
