"""Starting a map of an essay: ``argmap new`` writes the metadata and one commented skeleton per unit.

The starting map has the right ``source.path`` (relative to the map file) and
``source.sha256``, the editor modeline that points at the JSON Schema, and, for
each paragraph of the essay (each sentence, when it has fewer than
:data:`argmap.queries.coverage.MIN_PARAGRAPHS` paragraphs, as coverage counts), a
commented node whose quote is that unit's opening words.  It validates as soon
as the curator uncomments (or writes) a thesis.

Where the essay lives: beside the maps folder, in ``seeds/`` (``maps/x.yaml``
reads ``../seeds/x.txt``), the layout the bundled maps, the importers and the
service expect.

>>> text = starter_map(b"Cats rule.\\n\\nDogs drool, and that is that.\\n", "../seeds/cats.txt", map_id="cats")
>>> print(text.split("nodes:")[0])  # doctest: +ELLIPSIS
id: cats
title: "Cats rule."
author: null
source:
  path: ../seeds/cats.txt
  sha256: "e1e01908..."
<BLANKLINE>
<BLANKLINE>
>>> text.count("#   kind: ")  # one skeleton per unit: two sentences, the essay has under five paragraphs
2
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.corpus.load import bundled_maps_dir
from argmap.errors import ArgmapError
from argmap.format.model import ID_PATTERN
from argmap.queries.coverage import MIN_PARAGRAPHS, MIN_WORDS, sentences
from argmap.text.essayindex import Essay, sha256_text

__all__ = ["NewMap", "map_id_for", "plan_new_map", "starter_map"]

_HINT_WORDS = 8
_PLAIN = re.compile(r"[\w./-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_ID = re.compile(ID_PATTERN)
SEEDS = "seeds"


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


def starter_map(essay: bytes, source_path: str, *, map_id: str, title: str | None = None,
                schema: str | None = None) -> str:
    """The YAML text of a starting map of ``essay`` (see the module docstring); a pure function.

    ``source_path`` is the essay's path relative to the map file.  ``schema`` is the modeline's schema reference (none if None).
    """
    if not _ID.fullmatch(map_id):
        raise ArgmapError(f"'{map_id}' is not a valid map id (letters, digits, '_', '.', '-'; starting with a letter)")
    try:
        doc = Essay(essay.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ArgmapError(f"{source_path}: the essay is not UTF-8 text (byte {exc.start})") from None
    paragraphs = doc.paragraphs
    if title is None:
        first = paragraphs[0].text if paragraphs else ""
        title = first if first and len(first.split()) < MIN_WORDS else Path(source_path).stem
    units = sentences(paragraphs) if len(paragraphs) < MIN_PARAGRAPHS else paragraphs
    unit = "sentence" if len(paragraphs) < MIN_PARAGRAPHS else "paragraph"
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += [f"id: {map_id}", f"title: {_yaml_string(title)}", "author: null", "source:",
              f"  path: {source_path if _PLAIN.fullmatch(source_path) else _yaml_string(source_path)}",
              f'  sha256: "{sha256_text(essay)}"', "",
              "nodes:",
              f"  # One skeleton per {unit} of the essay.  Uncomment the thesis (the essay's main claim) and",
              "  # the statements that argue for or against it; set each kind (thesis, premise, conclusion,",
              "  # evidence, objection, assumption), paraphrase it in 'text', and trim 'quote' to the exact",
              "  # words (verbatim: argmap validate checks every quote against the essay).",
              ]
    for i, u in enumerate(units, start=1):
        if u.words < MIN_WORDS and len(units) > 1 and unit == "paragraph":
            lines += ["", f"  # ¶{u.number} (line {u.line}) looks like a heading: {u.text[:60]}"]
            continue
        node_id, kind = ("T", "thesis") if i == 1 else (f"P{i}", "premise")
        mark = f"¶{u.number}" if unit == "paragraph" else f"sentence {u.number}"
        lines += ["", f"  # {mark} (line {u.line}): {_opening(u.text)}…",
                  f"  # - id: {node_id}", f"  #   kind: {kind}",
                  "  #   text: TODO say it in one sentence of your own",
                  f"  #   quote: {_yaml_string(_opening(u.text))}"]
    lines += ["", "relations: []",
              "  # Replace [] with a list, one relation a line:",
              "  # - P2 -> T          # P2 supports T",
              "  # - P3 + P4 -> T     # P3 and P4 jointly support T",
              "  # - P5 -| T          # P5 attacks T", ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class NewMap:
    """What ``argmap new`` writes: the map's text, and the essay's copy when it is to be copied."""

    text: str
    essay_copy: Path | None = None
    notes: list[str] = field(default_factory=list)


def _schema_ref(out: Path) -> str:
    """The modeline's schema: a ``schema/map.schema.json`` above the map (relative), else the installed one."""
    folder = out.resolve().parent
    for up in [folder, *folder.parents]:
        candidate = up / "schema" / "map.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return (bundled_maps_dir().parent / "schema" / "map.schema.json").resolve().as_uri()


def plan_new_map(essay: Path, out: Path, *, map_id: str | None = None, title: str | None = None,
                 copy_essay: bool = False) -> NewMap:
    """The starting map for ``essay``, to be written to ``out``; the essay copied into ``seeds/`` if asked.

    The essay belongs in the ``seeds/`` folder beside the map's folder; when it is
    elsewhere, ``copy_essay`` copies it there (``essay_copy``), and otherwise a note says so.
    """
    try:
        raw = essay.read_bytes()
    except OSError as exc:
        raise ArgmapError(f"cannot read the essay '{essay}': {exc.strerror}") from None
    seeds = out.resolve().parent.parent / SEEDS
    notes = []
    target = essay.resolve()
    copy = None
    if target.parent != seeds:
        if copy_essay:
            copy = seeds / essay.name
            target = copy
        else:
            notes.append(f"the essay is not in {seeds}; the service reads essays only from the seeds/ folder "
                         "beside the maps folder (use --copy-essay to copy it there)")
    rel = Path(os.path.relpath(target, out.resolve().parent)).as_posix()
    text = starter_map(raw, rel, map_id=map_id or map_id_for(essay.name), title=title, schema=_schema_ref(out))
    return NewMap(text, copy, notes)
