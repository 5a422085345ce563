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

import difflib
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Essay", "Paragraph", "normalise", "sha256_text"]

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
}
_DASH_RUN = re.compile(r"-{2,}")


def sha256_text(data: bytes) -> str:
    """Lowercase hex sha256, as stored in a map's ``source.sha256``.

    >>> sha256_text(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalised text, and for each of its characters the index in ``text``."""
    out: list[str] = []
    offs: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            # Whitespace before a dash is dropped; after a dash it is dropped below.
            nxt = _CHAR_MAP.get(text[j], text[j]) if j < n else ""
            if out and out[-1] != "-" and nxt != "-":
                out.append(" ")
                offs.append(i)
            i = j
            continue
        if ch == "\u2026":
            out.extend("...")
            offs.extend((i, i, i))
        else:
            mapped = _CHAR_MAP.get(ch, ch)
            if mapped == "-" and out and out[-1] == "-":  # "--" and "—" read alike
                i += 1
                continue
            out.append(mapped)
            offs.append(i)
        i += 1
    if out and out[-1] == " ":
        out.pop()
        offs.pop()
    return "".join(out), offs


def normalise(text: str) -> str:
    """The form in which quotes are compared.

    >>> normalise("  Russia’s  silence — “deafening”… ")
    'Russia\\'s silence-"deafening"...'
    """
    return _normalise_with_offsets(text)[0]


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
        self.norm, self._offs = _normalise_with_offsets(text)

    def _span(self, at: int, length: int) -> tuple[int, int]:
        start = self._offs[at]
        last = self._offs[at + length - 1]
        end = last + 1
        # An ellipsis character maps to three normalised dots: include it whole.
        return start, end

    def find(self, quote: str) -> tuple[int, int] | None:
        """Character span ``[start, end)`` of the first occurrence, or None."""
        q = normalise(quote)
        if not q:
            return None
        at = self.norm.find(q)
        return None if at < 0 else self._span(at, len(q))

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Every occurrence's span (an essay may repeat a passage)."""
        q = normalise(quote)
        spans: list[tuple[int, int]] = []
        if not q:
            return spans
        at = self.norm.find(q)
        while at >= 0:
            spans.append(self._span(at, len(q)))
            at = self.norm.find(q, at + 1)
        return spans

    def closest(self, quote: str) -> str:
        """The passage of the essay most like ``quote``, for a 'not found' hint.

        >>> Essay("The Kremlin stayed silent. China spoke.").closest("The Kremlin was silent")
        'The Kremlin stayed silent.'
        """
        q = normalise(quote)
        words = self.norm.split(" ")
        width = max(1, len(q.split(" ")))
        best, best_score = "", -1.0
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(q)
        step = max(1, width // 4)
        for start in range(0, max(1, len(words) - width + 1), step):
            for w in {width - 1, width, width + 1}:
                if w < 1:
                    continue
                cand = " ".join(words[start:start + w])
                matcher.set_seq1(cand)
                if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                    continue
                score = matcher.ratio()
                if score > best_score:
                    best, best_score = cand, score
        return best

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
