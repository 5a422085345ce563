"""Making any text safe for DOT, Graphviz's HTML-like labels and SVG.

All text from a map (ids aside, which the format restricts) reaches Graphviz
only through :func:`html_text` inside an HTML-like label, or through
:func:`dot_string` for attribute values.  Characters that XML 1.0 forbids
(control characters, lone surrogates, U+FFFE/U+FFFF) and the bidirectional
overrides become U+FFFD (:func:`argmap.text.safe.visible`), so the SVG that
Graphviz writes is always well-formed and reads in the order it was written.

>>> html_text('<script>alert("x") & {braces} \\\\')
'&lt;script&gt;alert(&quot;x&quot;) &amp; {braces} \\\\'
>>> wrap("a " * 3 + "supercalifragilisticexpialidocious", 12)
['a a a', 'supercalifra', 'gilisticexpi', 'alidocious']
>>> dot_string('say "hi" \\\\ bye')
'"say \\\\"hi\\\\" \\\\\\\\ bye"'
"""

from __future__ import annotations

import re
import textwrap

from argmap.text.safe import visible

__all__ = ["clean", "dot_string", "html_text", "tooltip_string", "wrap", "xml_text"]

_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """``text`` with characters XML forbids replaced by U+FFFD and whitespace runs collapsed.

    >>> clean("a\\x00b\\n\\t c")
    'a\\ufffdb c'
    """
    return _SPACE.sub(" ", visible(text)).strip()


def html_text(text: str) -> str:
    """``text`` as character data of an HTML-like label (after :func:`clean`); never empty.

    Graphviz rejects an empty ``<FONT>``, so blank text becomes a no-break space.

    >>> html_text(" \\t ")
    '&#160;'
    """
    return (clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;")) or "&#160;"


def xml_text(text: str) -> str:
    """``text`` as XML character data, keeping line breaks (for SVG ``<title>``).

    >>> xml_text("a < b\\n& c")
    'a &lt; b\\n&amp; c'
    """
    lines = [clean(line) for line in visible(text).splitlines()]
    joined = "\n".join(line for line in lines if line)
    return joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dot_string(value: str) -> str:
    """A double-quoted DOT string holding ``value`` literally (for ids and plain attributes).

    >>> print(dot_string('P1: "a"\\n b'))
    "P1: \\"a\\" b"
    """
    return '"' + clean(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def tooltip_string(text: str) -> str:
    """A DOT string for an escString attribute (``tooltip``) that Graphviz shows as ``text`` itself.

    Graphviz reads backslashes (a backslash and N is the node's name) and XML entities in
    these attributes, so both are escaped; line breaks are kept, written as the entity ``&#10;`` (Graphviz
    drops a raw line break that follows an escaped quote).

    >>> print(tooltip_string('a & "b"'))
    "a &amp; \\"b\\""
    >>> print(tooltip_string('"\\nb"'))
    "\\"&#10;b\\""
    """
    lines = [clean(line) for line in text.splitlines()]
    escaped = (line.replace("\\", "\\\\\\\\").replace('"', '\\"').replace("&", "&amp;") for line in lines if line)
    return '"' + "&#10;".join(escaped) + '"'


def wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """``text`` wrapped to ``width`` characters; words longer than that are split; at most ``max_lines`` (then "…").

    >>> wrap("one two three four", 8, max_lines=1)
    ['one …']
    """
    words = []
    for word in clean(text).split(" "):
        words += [word[i:i + width] for i in range(0, len(word), width)] or [word]
    lines = _fill(words, width)
    if max_lines is None or len(lines) <= max_lines:
        return lines or [""]  # what textwrap gives when nothing is cut: it is only needed to cut with "…"
    return textwrap.wrap(" ".join(words), width, break_long_words=True, break_on_hyphens=False,
                         max_lines=max_lines, placeholder=" …") or [""]


def _fill(words: list[str], width: int) -> list[str]:
    """Words of at most ``width`` characters filled greedily into lines of at most ``width``."""
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines
