"""Which format an output file asks for: the one rule behind every ``--out`` and ``--format`` of argmap.

The format named by ``--format`` wins; otherwise the longest ending of the file name that names a format (so
``map.aif.json`` is AIF, ``map.json`` node-link JSON).  When neither says, the error names every ending that would.

>>> SLIDES = {".html": "html", ".htm": "html", ".pdf": "pdf"}
>>> format_for_name("out/Deck.PDF", SLIDES, what="slide"), format_for_name("x", SLIDES, given="html", what="slide")
('pdf', 'html')
>>> format_for_name("deck.txt", SLIDES, what="slide")
Traceback (most recent call last):
argmap.errors.ArgmapError: cannot tell the slide format from 'deck.txt'; end it in .html, .htm or .pdf, or pass --format
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from argmap.errors import ArgmapError

__all__ = ["format_for_name"]


def format_for_name(path: str | PurePath, endings: Mapping[str, str], *, given: str | None = None, what: str,
                    option: str | None = "--format") -> str:
    """The format ``given`` names, else the one the longest matching ending of ``path``'s name asks for.

    ``endings`` maps a lower-case ending (with its dot) to a format; ``what`` names the output in the error;
    ``option`` is the command's option that names a format outright (None where there is none).
    """
    choices = sorted(set(endings.values()))
    if given is not None:
        if given not in choices:
            raise ArgmapError(f"unknown {what} format '{given}'; use {_either(choices)}")
        return given
    name = PurePath(path).name.lower()
    hits = [(len(end), fmt) for end, fmt in endings.items() if name.endswith(end)]
    if hits:
        return max(hits)[1]
    also = f", or pass {option}" if option else ""
    raise ArgmapError(f"cannot tell the {what} format from '{PurePath(path).name}'; end it in {_either(list(endings))}{also}")


def _either(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
