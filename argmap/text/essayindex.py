"""Grounding quotes in their essay.

Quotes are compared after a light normalisation that forgives what a curator's
keyboard changes and nothing else: runs of whitespace, typographic quotes,
dashes (with the spaces around them) and the ellipsis character.  Spans are
reported in characters of the *original* text.

>>> essay = Essay("It was—as ever—“silent”…\\n\\nNext paragraph here.")
>>> essay.find("was - as ever - \\"silent\\"...")
(3, 24)
>>> essay.text[3:24]
'was—as ever—“silent”…'
>>> essay.find("not there") is None
True
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

from argmap.files.limits import take_turn

__all__ = ["Essay", "Paragraph", "normalise", "sha256_text"]

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
}
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
# First a 1:1 translation: typographic quotes to ASCII, every dash to "-", every whitespace character to " ".
_ONE_TO_ONE = {**_CHAR_MAP, **dict.fromkeys(_SPACES, " ")}
_ASCII_ONE_TO_ONE = {k: v for k, v in _ONE_TO_ONE.items() if k.isascii()}  # all an ASCII text can hold
# Then the only changes of length: a dash run with the spaces around it (-> "-"), a run of two or more
# spaces (-> " "), spaces at either end (-> ""), and the ellipsis (-> "...").  A lone dash or space is 1:1.
# The lookaheads let the regex engine pass over the other characters at once: twice as fast on an essay.
_DASH_RUN = re.compile(r"(?<! )(?=[ -]) *-(?: *-)* *")  # starts only where a space run starts: linear
_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[^\S\r\n]*(?:\r\n?|\n)")  # two line breaks with nothing but spaces between
_SHIFT = re.compile(r"(?=[ \-\u2026])(?: *-(?: *-)* *| {2,}|^ +| +\Z|\u2026)")


def sha256_text(data: bytes) -> str:
    """Lowercase hex sha256, as stored in a map's ``source.sha256``.

    >>> sha256_text(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def _one_to_one(text: str) -> str:
    """The 1:1 translation: ``str.replace`` for each character present (far faster than ``str.translate``
    with a table, which looks up every character of a non-ASCII text one by one)."""
    for char, ascii_char in (_ASCII_ONE_TO_ONE if text.isascii() else _ONE_TO_ONE).items():
        if char in text:
            text = text.replace(char, ascii_char)
    return text


def normalise(text: str) -> str:
    """The form in which quotes are compared (C-level string operations only).

    >>> print(normalise("  Russia’s  silence — “deafening”… "))
    Russia's silence-"deafening"...
    """
    t = _DASH_RUN.sub("-", _one_to_one(text)).replace("\u2026", "...")
    return " ".join(t.split())


class _Segments:
    """Normalised text plus a sparse map back to the original: one entry per run that changed length."""

    __slots__ = ("norm", "nstart", "oend", "ostart", "replaced")

    def __init__(self, text: str) -> None:
        t = _one_to_one(text)
        pieces: list[str] = []
        nstart: list[int] = []
        ostart: list[int] = []
        oend: list[int] = []
        replaced: list[bool] = []
        pos = npos = 0

        def add(piece: str, o0: int, o1: int, rep: bool) -> None:
            nonlocal npos
            pieces.append(piece)
            nstart.append(npos)
            ostart.append(o0)
            oend.append(o1)
            replaced.append(rep)
            npos += len(piece)

        for m in _SHIFT.finditer(t):
            s, e = m.span()
            g = m.group()
            if g == "-":
                continue  # a lone dash is 1:1: it stays inside the plain run
            if s > pos:
                add(t[pos:s], pos, s, False)
            rep = "..." if g == "\u2026" else ("-" if "-" in g else " ")
            if rep == " " and (s == 0 or e == len(t)):
                pos = e  # leading and trailing whitespace vanish
                continue
            add(rep, s, e, True)
            pos = e
        if pos < len(t):
            add(t[pos:], pos, len(t), False)
        self.norm = "".join(pieces)
        self.nstart, self.ostart, self.oend, self.replaced = nstart, ostart, oend, replaced

    def _end(self, k: int) -> int:
        """End, in the normalised text, of segment ``k``."""
        return self.nstart[k + 1] if k + 1 < len(self.nstart) else len(self.norm)

    def aligned(self, at: int, length: int) -> bool:
        """False when ``norm[at:at + length]`` starts or ends inside an ellipsis's three dots."""
        k = bisect.bisect_right(self.nstart, at) - 1
        if self.replaced[k] and at != self.nstart[k]:
            return False
        last = at + length - 1
        k = bisect.bisect_right(self.nstart, last) - 1
        return not (self.replaced[k] and last != self._end(k) - 1)

    def span(self, at: int, length: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised ``norm[at:at + length]``."""
        k = bisect.bisect_right(self.nstart, at) - 1
        start = self.ostart[k] if self.replaced[k] else self.ostart[k] + (at - self.nstart[k])
        last = at + length - 1
        k = bisect.bisect_right(self.nstart, last) - 1
        end = self.oend[k] if self.replaced[k] else self.ostart[k] + (last - self.nstart[k]) + 1
        return start, end


@dataclass(frozen=True)
class Paragraph:
    """A non-blank line of the essay: 1-based line number and character span."""

    number: int
    line: int
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


class Essay:
    """An essay's text with a normalised index for finding quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._segments = _Segments(text)
        self.norm = self._segments.norm

    def find(self, quote: str) -> tuple[int, int] | None:
        """Character span ``[start, end)`` of the first occurrence, or None."""
        spans = self._occurrences(normalise(quote), first_only=True)
        return spans[0] if spans else None

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Every occurrence's span (an essay may repeat a passage)."""
        return self._occurrences(normalise(quote), first_only=False)

    def _occurrences(self, q: str, first_only: bool) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if not q:
            return spans
        at = self.norm.find(q)
        while at >= 0:
            if self._segments.aligned(at, len(q)):  # skip a match that cuts an ellipsis in two
                spans.append(self._segments.span(at, len(q)))
                if first_only:
                    break
            at = self.norm.find(q, at + 1)
        return spans

    def closest(self, quote: str) -> str:
        """The passage of the essay most like ``quote``, for a 'not found' hint.

        Candidates are runs of whole words about as long as the quote (one word shorter or
        longer), starting every quarter of its length and at each paragraph's first word, and
        cut at the paragraph's end; rapidfuzz's Indel ratio picks the best, the first in the
        essay on a tie.  :meth:`hint_cost` bounds the work.

        >>> Essay("The Kremlin stayed silent. China spoke.").closest("The Kremlin was silent")
        'The Kremlin stayed silent.'
        >>> Essay("Pets\\n\\nDogs drool a lot on every rug we own.").closest("Dogs drool a lot on each rug we own.")
        'Dogs drool a lot on every rug we own.'
        """
        from rapidfuzz import fuzz, process

        q = normalise(quote)
        starts, ends = self._words
        openings, closings = self._paragraph_words
        n = len(starts)
        width = max(1, len(q.split(" ")))
        step = max(1, width // 4)
        first = range(0, max(1, n - width + 1), step)
        heads = starts[::step][:len(first)]
        opening_heads = list(map(starts.__getitem__, openings))
        best: tuple[float, int, int, str] | None = None  # (-score, start, width, passage): the least wins
        for w in (width - 1, width, width + 1):
            if w < 1:
                continue
            take_turn()  # each extractOne holds the interpreter for up to a few ms: a flooding client yields here
            tails = (ends + [ends[-1]] * w)[w - 1::step][:len(first)]  # a window past the end stops there
            # A window across a paragraph's end stops there; the last end first, so that the first end wins.
            for last in reversed(closings[:-1]):
                for k in range(max(0, (last - w + 1) // step + 1), min(len(first), last // step + 1)):
                    tails[k] = ends[last]
            opening_tails = [ends[min(o + w - 1, last)] for o, last in zip(openings, closings, strict=True)]
            for starts_at, passages in ((first, list(map(self.norm.__getitem__, map(slice, heads, tails)))),
                                        (openings, list(map(self.norm.__getitem__, map(slice, opening_heads,
                                                                                         opening_tails))))):
                found = process.extractOne(q, passages, scorer=fuzz.ratio,
                                           score_cutoff=None if best is None else -best[0])
                if found is not None:
                    choice = (-found[1], starts_at[found[2]], w, found[0])
                    best = choice if best is None or choice < best else best
        return best[3] if best else ""

    @cached_property
    def _words(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of the normalised text's words (split on single spaces)."""
        starts, ends, pos = [], [], 0
        for word in self.norm.split(" "):
            starts.append(pos)
            ends.append(pos + len(word))
            pos += len(word) + 1
        return starts, ends

    @cached_property
    def _paragraph_words(self) -> tuple[list[int], list[int]]:
        """The index (in :attr:`_words`) of each paragraph's first word, and of its last word.

        A paragraph ends at a blank line, not at a single line break: a hard-wrapped paragraph stays one.
        """
        seg = self._segments
        breaks = [n for n, o0, o1, rep in zip(seg.nstart, seg.ostart, seg.oend, seg.replaced, strict=True)
                  if rep and self.norm[n] == " " and _BLANK_LINE.search(self.text, o0, o1)]
        starts, _ = self._words
        openings = [0] + [bisect.bisect_right(starts, at) for at in breaks]  # the word after each break's space
        return openings, [o - 1 for o in openings[1:]] + [len(starts) - 1]

    def hint_cost(self, quote: str) -> int:
        """A deterministic measure of the work :meth:`closest` does for ``quote`` (for a budget of hints).

        About (number of candidate passages, one more for each paragraph's opening) x (quote length) x
        (quote length / 64).

        >>> e = Essay("one two three four five six seven eight")
        >>> e.hint_cost("two three") < e.hint_cost("two three four five six seven")
        True
        """
        q = normalise(quote)
        width = max(1, q.count(" ") + 1)
        candidates = 3 * (self.norm.count(" ") // max(1, width // 4) + 1 + len(self._paragraph_words[0]))
        return candidates * max(1, len(q)) * (len(q) // 64 + 1)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Non-blank lines, numbered from 1 (the essays put one paragraph per line)."""
        out: list[Paragraph] = []
        pos = 0
        for lineno, line in enumerate(self.text.splitlines(keepends=True), start=1):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                out.append(Paragraph(len(out) + 1, lineno, pos + lead, pos + lead + len(stripped), stripped))
            pos += len(line)
        return out
