"""Text stays text: the one rule for characters that would act instead of being shown, in every output.

A map's texts and quotes may hold characters that do something when printed:
control characters (a terminal rings on BEL, moves back on BS, obeys escape
sequences), the bidirectional overrides and isolates U+202A–U+202E and
U+2066–U+2069 (which reorder what follows, so a quote can read backwards or an
id can look like another), and characters XML forbids.  :func:`visible`
replaces each with U+FFFD, the replacement character, so it shows as ``�``
where it stood; tab, line feed and carriage return are kept.  HTML, SVG (DOT
labels), Markdown and the terminal all pass text through it.

:func:`markdown_text` also backslash-escapes what CommonMark would read as
markup, so a title such as ``<img src=x onerror=alert(1)>`` is shown as typed.

>>> visible("bell\\x07 back\\x08 \\u202egnp.exe")
'bell\\ufffd back\\ufffd \\ufffdgnp.exe'
>>> markdown_text("**bold** <img src=x onerror=alert(1)> [a](b) & #1")
'\\\\*\\\\*bold\\\\*\\\\* \\\\<img src=x onerror=alert(1)\\\\> \\\\[a\\\\](b) \\\\& \\\\#1'
"""

from __future__ import annotations

import re

__all__ = ["markdown_text", "visible"]

# C0 controls but tab/LF/CR, DEL, C1 controls, bidi embeddings/overrides/isolates, surrogates, U+FFFE/U+FFFF.
_ACTIVE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# What CommonMark (and the GFM table and strikethrough extensions) can read as markup inside a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>&#!~])")


def visible(text: str) -> str:
    """``text`` with every character that would act rather than show replaced by U+FFFD (see the module doc).

    >>> visible("a\\tb\\nc\\x1b[2Jd")
    'a\\tb\\nc\\ufffd[2Jd'
    """
    return _ACTIVE.sub("\ufffd", text)


def markdown_text(text: object) -> str:
    """``text`` for a line of Markdown (or a table cell): :func:`visible`, markup escaped, on one line.

    >>> markdown_text("a*b* | c\\nd")
    'a\\\\*b\\\\* \\\\| c d'
    """
    return _MD_SPECIAL.sub(r"\\\1", visible(str(text))).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
