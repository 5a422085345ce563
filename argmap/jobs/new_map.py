"""Starting a map of an essay: ``argmap new`` writes the metadata and one commented skeleton per unit.

The starting map has the right ``source.path`` (relative to the map file) and
``source.sha256``, the editor modeline that points at the JSON Schema, and, for
each paragraph of the essay (each sentence, when it has fewer than
:data:`argmap.queries.coverage.MIN_PARAGRAPHS` paragraphs, as coverage counts), a
commented node whose quote is that unit's opening words.  No unit is marked as
the thesis: the curator says which one it is (often not the first paragraph).

Where the essay lives: beside the maps folder, in ``seeds/`` (``maps/x.yaml``
reads ``../seeds/x.txt``), the layout the bundled maps, the importers and the
service expect.  An essay anywhere else is copied there, so that ``validate``,
``preview`` and the service can read it, under a name that replaces no text
another map reads (:mod:`argmap.jobs.essay_copy`).

The title is the essay's first line when that line is a heading (under
:data:`TITLE_WORDS` words, no closing full stop, more text after it; or a Markdown
``#`` heading, its ``#`` dropped), else the file's name; the title line gets no skeleton.

>>> text = starter_map(b"# Cats rule\\n\\nDogs drool, and that is that.\\n", "../seeds/cats.txt", map_id="cats")
>>> print(text.split("nodes:")[0])  # doctest: +ELLIPSIS
id: cats
title: "Cats rule"
author: null
source:
  path: ../seeds/cats.txt
  sha256: "4818ac4b..."
<BLANKLINE>
<BLANKLINE>
>>> text.count("#   kind: premise")  # one skeleton per sentence (under five paragraphs), none for the title
1
>>> "#   kind: thesis" in text
False
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.checks.integrity import PLACEHOLDER
from argmap.errors import ArgmapError, Diagnostic, InvalidInput
from argmap.format.model import ID_PATTERN
from argmap.jobs.essay_copy import essay_copy, essay_home
from argmap.queries.coverage import MIN_PARAGRAPHS, MIN_WORDS, sentences
from argmap.text.essayindex import Essay, sha256_text

__all__ = ["TITLE_WORDS", "NewMap", "essay_home", "essay_text", "heading_title", "map_id_for", "plan_new_map", "published_schema",
           "starter_map"]

_HINT_WORDS = 8
_PLAIN = re.compile(r"[\w./-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_ID = re.compile(ID_PATTERN)
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
TITLE_WORDS = 20
"""A first line of fewer words, without a closing full stop, is a title: a headline with its subtitle (*Russia's
Strategic Bankruptcy: How Israel's Strike on Iran Exposed the Illusion of Moscow's Alliances*, 14 words) stays
under it, and a paragraph that only lacks its full stop seldom does."""


def map_id_for(name: str) -> str:
    """A map id from a file name: ``001_Essay one.txt`` -> ``map-001_essay-one``.

    >>> map_id_for("micro_b001.txt"), map_id_for("001 x.txt")
    ('micro_b001', 'map-001-x')
    """
    stem = _UNSAFE.sub("-", Path(name).stem.lower()).strip("-.") or "map"
    return stem if _ID.fullmatch(stem) else f"map-{stem}"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:_HINT_WORDS])


def heading_title(text: str) -> str | None:
    """The essay's first line when it reads as a title: a Markdown heading, or a short line (under
    :data:`TITLE_WORDS` words) without a closing full stop, on its own before a blank line and more text (a line
    that the next runs on from is the first line of a paragraph wrapped by hand).

    A Markdown heading's ``#`` marks are dropped.

    >>> heading_title("# The case for deposits\\n\\nDeposits work.")
    'The case for deposits'
    >>> heading_title("Enough: why the city should close streets to cars\\n\\nStreets without cars are safer.")
    'Enough: why the city should close streets to cars'
    >>> heading_title("Deposits work. They cut litter by half, and they pay for themselves.\\n") is None
    True
    >>> heading_title("Deposits work\\n") is None  # nothing follows: the line is the essay, not its title
    True
    >>> heading_title("Deposits on bottles work because they pay people\\nto bring them back.\\n") is None  # wrapped
    True
    """
    first, _, rest = text.lstrip("\ufeff").lstrip("\n").partition("\n")
    first = first.strip()
    marked = _HEADING_MARK.match(first) is not None
    first = _HEADING_MARK.sub("", first).strip()
    if not first or first.endswith((".", ",", ";", ":")) or len(first.split()) >= TITLE_WORDS:
        return None
    alone = rest.split("\n", 1)[0].strip() == ""  # a blank line after it: a paragraph of its own
    return first if marked or (alone and rest.strip()) else None


def essay_text(raw: bytes, shown: str) -> str:
    """The text of an essay to start a map of: UTF-8 (as ``validate`` reads it) and not empty.

    ``shown`` names the file in the error, which locates the first bad byte by line and column (in characters).

    >>> essay_text(b"Cats rule.\\n", "cats.txt")
    'Cats rule.\\n'
    >>> essay_text(b"Cats\\ncaf\\xe9 culture.\\n", "cats.txt")
    Traceback (most recent call last):
    argmap.errors.InvalidInput: cats.txt:2:4: error: the essay is not UTF-8 text (byte 0xe9) (save the file as UTF-8)
    >>> essay_text(b"Cats\\x00 rule.\\n", "cats.txt")
    Traceback (most recent call last):
    argmap.errors.InvalidInput: cats.txt:1:5: error: the essay holds a NUL byte, which is not text (save the file as UTF-8)
    >>> essay_text(b" \\n\\n", "cats.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.InvalidInput: cats.txt:1:1: error: the essay is empty (put the essay's text in the file, or ...)
    """
    from argmap.files.confine import decode_essay
    from argmap.yaml.reader import byte_position

    try:
        text = decode_essay(raw)
    except UnicodeDecodeError as exc:
        at = exc.start  # a NUL byte, or the first byte that is not UTF-8, whichever comes first
        try:
            raw[:at].decode("utf-8")
        except UnicodeDecodeError as earlier:
            at = earlier.start
        line, col = byte_position(raw, at)
        what = "holds a NUL byte, which is not text" if raw[at] == 0 else f"is not UTF-8 text (byte 0x{raw[at]:02x})"
        raise InvalidInput("nothing written", [Diagnostic(
            shown, line, col, f"the essay {what}", hint="save the file as UTF-8")]) from None
    if not text.lstrip("\ufeff").strip():
        raise InvalidInput("nothing written", [Diagnostic(shown, 1, 1, "the essay is empty",
                                                          hint="put the essay's text in the file, or name the file "
                                                               "that holds it")])
    return text


def starter_map(essay: bytes, source_path: str, *, map_id: str, title: str | None = None,
                schema: str | None = None, shown: str | None = None) -> str:
    """The YAML text of a starting map of ``essay`` (see the module docstring); a pure function.

    ``source_path`` is the essay's path relative to the map file; ``shown`` names the essay in errors (the path the
    user gave; ``source_path`` if None).  ``schema`` is the modeline's schema reference (none if None).
    """
    if not _ID.fullmatch(map_id):
        raise ArgmapError(f"'{map_id}' is not a valid map id (letters, digits, '_', '.', '-'; starting with a letter)")
    doc = Essay(essay_text(essay, shown or source_path))
    paragraphs = doc.paragraphs
    heading = heading_title(doc.text)
    title = title if title is not None else heading or Path(source_path).stem
    units = sentences(paragraphs) if len(paragraphs) < MIN_PARAGRAPHS else paragraphs
    unit = "sentence" if len(paragraphs) < MIN_PARAGRAPHS else "paragraph"
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += [f"id: {map_id}", f"title: {_yaml_string(title)}", "author: null", "source:",
              f"  path: {source_path if _PLAIN.fullmatch(source_path) else _yaml_string(source_path)}",
              f'  sha256: "{sha256_text(essay)}"', "",
              "nodes:",
              f"  # One skeleton per {unit} of the essay.  Find the thesis (the essay's main claim, often not",
              "  # the first paragraph): uncomment its skeleton and set 'kind: thesis'.  Then uncomment the",
              "  # statements that argue for or against it; set each kind (premise, conclusion, evidence,",
              "  # objection, assumption), paraphrase it in 'text', and trim 'quote' to the exact words",
              "  # (verbatim: argmap validate checks every quote against the essay).",
              ]
    if heading is not None:  # the title is no statement of the argument: it gets no skeleton
        lines += ["", f"  # line {paragraphs[0].line} is the title: {heading}"]
    for u in units:
        if heading is not None and u.line == paragraphs[0].line:
            continue
        if u.words < MIN_WORDS and len(units) > 1 and unit == "paragraph":
            lines += ["", f"  # ¶{u.number} (line {u.line}) looks like a heading: {u.text[:60]}"]
            continue
        mark = f"¶{u.number}" if unit == "paragraph" else f"sentence {u.number}"
        lines += ["", f"  # {mark} (line {u.line}): {_opening(u.text)}…",
                  f"  # - id: P{u.number}", "  #   kind: premise",
                  f"  #   text: {PLACEHOLDER} say it in one sentence of your own",
                  f"  #   quote: {_yaml_string(_opening(u.text))}"]
    lines += ["", "relations: []",
              "  # Replace [] with a list, one relation a line:",
              "  # - P2 -> P3         # P2 supports P3",
              "  # - P3 + P4 -> P1    # P3 and P4 jointly support P1",
              "  # - P5 -| P1         # P5 attacks P1", ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class NewMap:
    """What ``argmap new`` writes: the map's text, and the essay's copy when it is to be copied."""

    text: str
    essay_copy: Path | None = None
    notes: list[str] = field(default_factory=list)


def published_schema() -> str:
    """The address the map schema is published at (its ``$id``).

    >>> published_schema()
    'https://argmap.invalid/schema/map.schema.json'
    """
    from argmap.format.model import ArgumentMap

    extra = ArgumentMap.model_config.get("json_schema_extra")
    assert isinstance(extra, dict)
    return str(extra["$id"])


def _schema_ref(out: Path) -> str:
    """The modeline's schema: a ``schema/map.schema.json`` in the map's folder or the one above it (a relative
    path), else the published schema's address."""
    folder = out.resolve().parent
    for up in (folder, folder.parent):
        candidate = up / "schema" / "map.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return published_schema()


def plan_new_map(essay: Path, out: Path, *, map_id: str | None = None, title: str | None = None,
                 force: bool = False) -> NewMap:
    """The starting map for ``essay``, to be written to ``out``; the essay's copy when it must be copied.

    An essay the map could not read where it is (see :func:`essay_home`) is to be copied into the ``seeds/``
    folder beside the map's folder (``essay_copy``), under a name that replaces no other text a map reads
    (see :func:`argmap.jobs.essay_copy.essay_copy`; ``force`` lets it replace a text no map reads).
    """
    try:
        raw = essay.read_bytes()
    except OSError as exc:
        raise ArgmapError(f"cannot read the essay '{essay}': {exc.strerror}") from None
    map_id = map_id or map_id_for(essay.name)
    copy = essay_copy(essay, raw, out, map_id, force=force)
    target = copy or essay.resolve()
    rel = Path(os.path.relpath(target, out.resolve().parent)).as_posix()
    text = starter_map(raw, rel, map_id=map_id, title=title, schema=_schema_ref(out), shown=str(essay))
    notes = [f"copied the essay to {copy}: a map reads its essay from the seeds/ folder beside its own"] if copy else []
    if copy is not None and copy.name != essay.name:
        notes.append(f"named the copy after the map's id: seeds/{essay.name} holds a different text")
    return NewMap(text, copy, notes)
