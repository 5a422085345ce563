"""Phrasing shared by the questions, the handout, the slides and the site: counts, sentences, quotation marks.

Every text that reaches a reader comes from the maps, so these helpers make it read well whatever the
maps say: a count agrees with its noun, a sentence ends with one full stop, a quotation inside a
sentence loses its own final stop, and straight quotation marks become curly ones.

>>> count(1, "line"), count(3, "line of support", "lines of support"), number_word(2)
('1 line', '3 lines of support', 'two')
>>> end("It holds."), end("Does it?"), end("It holds")
('It holds.', 'Does it?', 'It holds.')
>>> inside("Russia made no response."), inside("Is it over?")
('Russia made no response', 'Is it over?')
>>> smart_quotes('Israel\\'s "bold" move, \\'they said\\'')
'Israel’s “bold” move, ‘they said’'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.checks.grounded import GroundedMap

__all__ = ["count", "end", "essay_title", "inside", "number_word", "smart_quotes", "untitled"]

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_OPENS_AFTER = re.compile(r"(^|[\s(\[{“‘—–-])$")
_FINAL_STOP = re.compile(r"[.;,:]+$")


def count(n: int, one: str, many: str | None = None) -> str:
    """``1 line``, ``2 lines``: the number and the noun in agreement (``many`` for irregular plurals).

    >>> count(0, "claim"), count(2, "analysis", "analyses")
    ('0 claims', '2 analyses')
    """
    return f"{n} {one if n == 1 else (many or one + 's')}"


def number_word(n: int) -> str:
    """``two`` for 2, in words up to ten, digits beyond.

    >>> number_word(0), number_word(10), number_word(11)
    ('no', 'ten', '11')
    """
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def end(text: str) -> str:
    """``text`` as a sentence: trimmed, ending in exactly one full stop (or its own ``?``/``!``/``…``).

    >>> end("  It holds;  "), end("He said “no.”"), end("Wait…")
    ('It holds.', 'He said “no.”', 'Wait…')
    """
    text = text.strip()
    if text.endswith(("?", "!", "…", ".”", "?”", "!”")):
        return text
    return _FINAL_STOP.sub("", text) + "."


def inside(text: str) -> str:
    """``text`` ready to quote in the middle of a sentence: without its final full stop, comma or colon.

    >>> inside("Moscow stayed silent:"), inside("  Yes. ")
    ('Moscow stayed silent', 'Yes')
    """
    return _FINAL_STOP.sub("", text.strip())


def untitled(map_id: str) -> str:
    """How material for students names an essay whose text carries no title (the map's title is the curator's).

    >>> untitled("enforcer")
    'The enforcer essay (no title in its text)'
    """
    return f"The {map_id} essay (no title in its text)"


def essay_title(gm: GroundedMap) -> str:
    """The map's title when the essay's text carries it, else :func:`untitled`: never the curator's title as the
    essay's own.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> corpus = load_corpus([bundled_maps_dir()])
    >>> essay_title(corpus.get("enforcer")), essay_title(corpus.get("bankruptcy")).startswith("Russia’s Strategic")
    ('The enforcer essay (no title in its text)', True)
    """
    return gm.shown_title


def smart_quotes(text: str) -> str:
    """Straight quotation marks and apostrophes made curly, so that a page never mixes the two.

    A mark opens after a space, a bracket or a dash (or at the start), and closes or is an
    apostrophe everywhere else.

    >>> print(smart_quotes('("Partners") — \\'clients\\', the essay\\'s word'))
    (“Partners”) — ‘clients’, the essay’s word
    """
    if "'" not in text and '"' not in text:
        return text
    out: list[str] = []
    for ch in text:
        if ch in "'\"":
            opens = bool(_OPENS_AFTER.search(out[-1] if out else ""))
            ch = ("‘" if opens else "’") if ch == "'" else ("“" if opens else "”")
        out.append(ch)
    return "".join(out)
