"""Proper names, numbers and dates in a text, for the drift check (:mod:`argmap.checks.drift.paraphrase`).

A capitalised word is a name unless it merely starts a sentence; an essay's :func:`essay_lexicon` tells the
two apart by how the essay writes each word inside its sentences.  A capital stands for its country
(:func:`names_in`), and :func:`unmatched_names` takes a demonym for its name (*Russian* for *Russia*).

>>> sorted(names_in("In April 2024 Moscow said nothing, and neither did Russian diplomats."))
['2024', 'april', 'russia', 'russian']
>>> unmatched_names({"russia", "iran"}, {"russian"})
('iran',)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from argmap.checks.drift.words import ALIASES, COMMON_CAPS, MONTHS, NUMBER_VALUES, NUMBER_WORDS, PHRASE_NAMES, SMALL

__all__ = ["Candidates", "Lexicon", "candidates_in", "canonical_name", "context_names", "essay_lexicon", "names_in",
           "straighten", "unmatched_names"]


def straighten(text: str) -> str:
    """Typographic apostrophes and hyphens as ASCII ones (four ``replace`` calls are far faster than ``translate``).

    >>> straighten("Russia’s ‘ally’, a non‑state — not a dash")
    "Russia's 'ally', a non-state — not a dash"
    """
    return text.replace("\u2018", "'").replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")


def _strip_possessive(tok: str) -> str:
    """``tok`` without a final ``'s`` or ``'`` (what ``re.sub(r"'s?$", "", tok)`` does to a one-line token)."""
    if tok.endswith("'s"):
        return tok[:-2]
    return tok[:-1] if tok.endswith("'") else tok


@dataclass(frozen=True)
class Lexicon:
    """What an essay's capitals say: words it capitalises inside sentences (names) and words it mostly writes
    in lower case (common words, even when a title capitalises them)."""

    names: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()


_TOKEN = re.compile(r"[A-Za-z][A-Za-z.']*|\d[\d,]*(?:\.\d+)?%?|[.!?:;\n\"“]")
_NUMBER_WORDS = frozenset(NUMBER_WORDS)
_MONTHS = frozenset(MONTHS)
_COMMON_CAPS = frozenset(COMMON_CAPS)


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
    lowers, uppers = _inner_words(straighten(text))
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
    return candidates_in(text).names(lexicon)


class Candidates(NamedTuple):
    """The names a text may have before its essay's :class:`Lexicon` is known: ``sure``, whatever the essay says
    (numbers, number words, months, two-word names), and ``maybe``, each capitalised word's lower-case form
    with the name it stands for and whether it ever stands inside a sentence."""

    sure: set[str]
    maybe: dict[str, tuple[str, bool]]

    def names(self, lexicon: Lexicon) -> frozenset[str]:
        """The names, as :func:`names_in` finds them with ``lexicon``."""
        names, common = lexicon.names, lexicon.common
        return frozenset(self.sure).union(value for low, (value, inside) in self.maybe.items()
                                          if low in names or (inside and low not in common))

    def kept_by(self, other: Candidates, words: set[str]) -> bool:
        """Whether every name these candidates have with any lexicon is a word of ``words`` or a name that
        ``other`` has with the same lexicon; ``False`` when only the lexicon can tell.

        >>> a, b = candidates_in("Iran waited."), candidates_in("Then Iran waited.")
        >>> a.kept_by(b, set()), b.kept_by(a, set()), b.kept_by(a, {"then", "iran"})
        (True, False, True)
        """
        for name in self.sure:
            if name not in words and name not in other.sure:
                return False
        for low, (value, inside) in self.maybe.items():
            if value in words or value in other.sure:
                continue
            theirs = other.maybe.get(low)  # the same word is a name of both, or of neither; inside a sentence, more so
            if theirs is None or (inside and not theirs[1]):
                return False
        return True


_AT_START = ("", False)


def candidates_in(text: str) -> Candidates:
    """The :class:`Candidates` of ``text``: what :func:`names_in` finds in it, before the essay is consulted.

    >>> c = candidates_in("Yet Moscow, in April 2024, said nothing; the United States neither.")
    >>> sorted(c.sure), c.maybe
    (['2024', 'april', 'united states'], {'yet': ('yet', False), 'moscow': ('russia', True)})
    """
    sure: set[str] = set()
    maybe: dict[str, tuple[str, bool]] = {}
    text = straighten(text).replace("-", " ")
    lowered = text.lower()
    for long, short in PHRASE_NAMES:
        if long in lowered:
            sure.add(short)
            text = re.sub(long, " ", text, flags=re.IGNORECASE)
    for m in _CANDIDATE.finditer(text):
        kind, low, value = _classify(m.group())
        if kind == _ALWAYS:
            sure.add(value)
        elif kind == _IF_NAME and not maybe.get(low, _AT_START)[1]:
            maybe[low] = (value, not _starts_sentence(text, m.start()))
    return Candidates(sure, maybe)


_NEVER, _ALWAYS, _IF_NAME = 0, 1, 2


@lru_cache(maxsize=1 << 14)
def _classify(tok: str) -> tuple[int, str, str]:
    """What a candidate token of :func:`names_in` is, whatever its essay: never a name, always one (a number,
    a number word, a month), or one if the essay and its place in the sentence say so; with its lower-case
    form and the name it stands for.  Cached: the same words recur in every map of an essay.

    >>> _classify("2,024."), _classify("Moscow's"), _classify("I")
    ((1, '2024', '2024'), (2, 'moscow', 'russia'), (0, 'i', 'i'))
    """
    if tok.count(".") == 1:
        tok = tok.rstrip(".")
    first = tok[0]
    if first.isdigit():
        number = tok.rstrip("%").replace(",", "")
        return _ALWAYS, number, number
    word = _strip_possessive(tok).replace(".", "").replace("'", "")
    low = word.lower()
    if low in _NUMBER_WORDS or (low in _MONTHS and low != "may" and first.isupper()):
        return _ALWAYS, low, NUMBER_VALUES.get(low, low)
    if first.isupper() and low not in SMALL and word != "I" and not tok.startswith("I'") and low not in _COMMON_CAPS:
        return _IF_NAME, low, ALIASES.get(low, low)
    return _NEVER, low, low


@lru_cache(maxsize=256)
def context_names(paragraph: str, lexicon: Lexicon) -> frozenset[str]:
    """:func:`names_in` of a paragraph, which the quotes of many nodes share.

    >>> lex = essay_lexicon("Yet Iran waited. Moscow and Iran spoke.")  # this essay writes Iran as a name
    >>> sorted(context_names("Iran waited. Nobody came.", lex)), sorted(context_names("Iran waited. Nobody came.", Lexicon()))
    (['iran'], [])
    """
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


def unmatched_names(mine: Iterable[str], theirs: set[str] | frozenset[str]) -> tuple[str, ...]:
    """The names of ``mine`` (sorted) that are not in ``theirs``, not even as a demonym or other form.

    >>> unmatched_names(["israel", "china", "2024"], {"chinese", "israeli", "2025"})
    ('2024',)
    """
    return tuple(sorted(x for x in mine if x not in theirs and not any(_same_name(x, y) for y in theirs)))
