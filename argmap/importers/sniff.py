"""Recognising a file of another argument format where a map was expected, to say so in one line.

>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "x.json"
>>> _ = f.write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "t"}], "edges": []}')
>>> foreign_format_diagnostic(f.read_bytes(), "x.json").message
'this is an AIF JSON file, not an argmap map'
"""

from __future__ import annotations

import importlib

from argmap.errors import Diagnostic
from argmap.importers import FORMATS

__all__ = ["damage", "detect_format", "foreign_format", "foreign_format_diagnostic"]

_MAX_SNIFF = 64 * 1024 * 1024


def detect_format(data: bytes, name: str | None = None) -> str | None:
    """The first format in FORMATS whose ``sniff`` accepts ``data`` (and, given a file ``name``, whose file name
    endings it has), or None.  So a ``.md`` or ``.txt`` file is never read as XML, whatever it contains.

    >>> detect_format(b"<arggraph id='micro_b001'>"), detect_format(b"hello")
    ('microtexts', None)
    >>> detect_format(b"<arggraph id='micro_b001'>", "micro_b001.xml"), detect_format(b"<arggraph>", "notes.md")
    ('microtexts', None)
    """
    for fmt, module_path in FORMATS.items():
        module = importlib.import_module(module_path)
        if name is not None and not name.lower().endswith(tuple(module.SUFFIXES)):
            continue
        if module.sniff(data):
            return fmt
    return None


def damage(data: bytes) -> tuple[str, str] | None:
    """(what is wrong, what to do) when ``data``, the first bytes of a file whose name ends as a format's files
    do, cannot be that format whatever it says: it is empty, or it is not UTF-8 text.  None otherwise: the file is
    text, and merely not the format (a ``package.json``).

    >>> damage(b""), damage(b"\\xff\\xfe{\\x00")[0], damage(b'{"name": "x"}')
    (('the file is empty', 'restore it from its source, or remove it'), 'UTF-16 text, not UTF-8', None)
    """
    import codecs

    if not data.strip():
        return ("the file is empty" if not data else "the file holds only blank space",
                "restore it from its source, or remove it")
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            return f"{name} text, not UTF-8", f"save it as UTF-8, e.g. with iconv -f {name} -t UTF-8, and import it again"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data)  # not final: a character cut at the end is no fault
    except UnicodeDecodeError as exc:
        return (f"not UTF-8 text (byte 0x{data[exc.start]:02x}, {exc.start:,} bytes in)",
                "save it as UTF-8 and import it again")
    return None


def foreign_format(data: bytes) -> tuple[str, str] | None:
    """(format name, its title) of the format :func:`detect_format` finds in ``data``, or None.

    >>> foreign_format(b'{"nodes": [{"nodeID": "1", "type": "I", "text": "t"}], "edges": []}'), foreign_format(b"id: m\\n")
    (('aif', 'AIF JSON'), None)
    """
    fmt = detect_format(data)
    if fmt is None:
        return None
    return fmt, str(getattr(importlib.import_module(FORMATS[fmt]), "TITLE", fmt))


def foreign_format_diagnostic(data: bytes, shown: str) -> Diagnostic | None:
    """One error for a file of another format (None when it is not one), naming the command that converts it.

    ``data`` is the file's bytes as already read: the file is never opened again by its name (it may have been
    swapped for a FIFO or a link since).
    """
    if len(data) > _MAX_SNIFF:
        return None
    found = foreign_format(data)
    if found is None:
        return None
    title = found[1]
    article = "an" if title[:1] in "AEIOU" else "a"
    return Diagnostic(shown, 1, 1, f"this is {article} {title} file, not an argmap map",
                      hint=f"convert it with: argmap import {shown} --out DIR")
