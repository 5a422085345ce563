"""Classroom commands: handout, site, slides, lesson."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.common import claims_option, emit_json, json_option, open_refs, paths_argument, reports_errors
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.corpus.load import Corpus

__all__ = ["handout", "lesson", "site", "slides"]


@click.command()
@click.argument("left", metavar="A")
@click.argument("right", metavar="B")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the handout here (format from the extension: .html, .md, .pdf). Default: standard output.")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "pdf"]), default=None,
              help="Output format (default: from --out's extension, else html).")
@click.option("--teacher", is_flag=True, help="The teacher's edition: lesson plan, model answers, curators' notes.")
@claims_option
@json_option
@reports_errors
def handout(left: str, right: str, out: Path | None, fmt: str | None, teacher: bool, claims: Path | None,
            as_json: bool) -> None:
    """Write a discussion handout comparing maps A and B (HTML for A4 printing, Markdown or PDF).

    The student edition leaves blanks to fill in; --teacher adds model answers.
    With --json and no --out, print the handout's content (questions included) as JSON.
    PDF is printed by headless Chromium (apt-get install chromium).
    """
    from argmap.classroom.handout import handout_data
    from argmap.classroom.handout_writer import build_handout, format_for_path
    from argmap.files.atomic import write_atomic

    opened = open_refs([left, right], claims)
    corpus, ids = opened.corpus, opened.exactly(2, "a handout")
    if out is None:
        if as_json:
            emit_json(handout_data(corpus, ids[0], ids[1]))
            return
        chosen = format_for_path("", fmt or "html")
        if chosen == "pdf":
            raise ArgmapError("a PDF handout needs --out FILE.pdf")
        click.echo(build_handout(corpus, ids[0], ids[1], fmt=chosen, teacher=teacher), nl=False)
        return
    chosen = format_for_path(str(out), fmt)
    data = build_handout(corpus, ids[0], ids[1], fmt=chosen, teacher=teacher)
    write_atomic(out, data)
    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    if as_json:
        emit_json({"out": str(out), "format": chosen, "teacher": teacher, "bytes": size, "maps": ids})
    else:
        edition = "teacher's" if teacher else "student"
        click.echo(f"wrote {out} ({chosen}, {edition} edition, {size} bytes)")


@click.command()
@paths_argument
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the site into (created if missing; other files in it are left alone).")
@claims_option
@json_option
@reports_errors
def site(paths: tuple[str, ...], out: Path, claims: Path | None, as_json: bool) -> None:
    """Write the static classroom site: an index, a page per map and per comparison.

    Every link is relative and every asset local, so the site works opened from
    disk (file://) and served at any path.  --out may not be, be inside, or hold
    the folder of the maps or of their essays.  PATHS are map files or folders
    (default: ./maps, else the bundled maps), map ids, or - (standard input).
    """
    from argmap.classroom.site import site_files
    from argmap.files.atomic import refuse_output_inside, source_folders, write_atomic

    opened = open_refs(paths, claims)
    corpus = opened.corpus.subset(opened.ids)
    refuse_output_inside(out, source_folders(corpus))
    files = site_files(corpus)
    for name, body in files.items():
        write_atomic(out / name, body)
    total = sum(len(b) for b in files.values())
    if as_json:
        emit_json({"out": str(out), "files": sorted(files), "bytes": total})
    else:
        click.echo(f"wrote {len(files)} files ({total} bytes) to {out}; open {out / 'index.html'}")


@click.command()
@click.argument("maps", nargs=-1, required=True, metavar="A [B]")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Write the deck here (format from the extension: .html or .pdf).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default=None,
              help="Output format (default: from --out's extension).")
@claims_option
@json_option
@reports_errors
def slides(maps: tuple[str, ...], out: Path, fmt: str | None, claims: Path | None, as_json: bool) -> None:
    """Write a 16:9 slide deck: for map A alone, or comparing maps A and B.

    Every word is at least 24 pt on a 1920 x 1080 page; long content continues on further
    slides.  PDF is printed by headless Chromium (apt-get install chromium).
    """
    from argmap.classroom.decks import build_slides
    from argmap.classroom.slides import format_for_path
    from argmap.corpus.pairs import deck_ids
    from argmap.files.atomic import write_atomic

    deck_ids(maps)
    chosen = format_for_path(str(out), fmt)
    opened = open_refs(maps, claims)
    ids = opened.exactly(len(maps), "slides")
    data = build_slides(opened.corpus.subset(ids), ids, fmt=chosen)
    write_atomic(out, data)
    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    if as_json:
        emit_json({"out": str(out), "format": chosen, "bytes": size, "maps": ids})
    else:
        click.echo(f"wrote {out} ({chosen}, {size} bytes)")


@click.command()
@click.argument("maps", nargs=-1, metavar="A B [C]...")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the lesson into (created if missing; other files in it are left alone).")
@click.option("--pair", "chosen", nargs=2, multiple=True, metavar="A B",
              help="Three or more maps: also write the handouts and slides of this pair (map ids; repeatable).")
@claims_option
@json_option
@reports_errors
def lesson(maps: tuple[str, ...], out: Path, chosen: tuple[tuple[str, str], ...], claims: Path | None,
           as_json: bool) -> None:
    """Write everything for a lesson comparing maps A and B, or a whole topic, into one folder.

    Two maps: the student and teacher handouts (HTML and PDF), the slides (HTML and
    PDF) and the classroom site of the two maps (site/index.html).  Three or more
    (or a folder of maps): the topic report (topic.md, topic.json), the topic
    diagram (topic.svg), the site with its class overview (site/topic.html), and
    for each --pair A B the pair's handouts and slides under pairs/A--B/.  Then
    list what was written.  PDFs are printed by headless Chromium (apt-get install chromium).
    """
    from argmap.files.atomic import write_atomic

    opened = open_refs(maps, claims)
    ids = opened.ids
    if len(ids) < 3:
        if chosen:
            raise ArgmapError("--pair is for a lesson on three or more maps; a lesson on two is that pair's")
        ids = opened.exactly(2, "a lesson")
    files = _lesson_files(opened.corpus, ids, chosen)
    for name, body in files.items():
        write_atomic(out / name, body)
    listed = [{"path": str(out / name), "bytes": len(body)} for name, body in files.items()
              if not name.startswith("site/")]
    site = {name: body for name, body in files.items() if name.startswith("site/")}
    index = out / "site" / ("topic.html" if len(ids) >= 3 else "index.html")
    if as_json:
        emit_json({"out": str(out), "maps": ids, "files": listed,
                   "site": {"index": str(out / "site" / "index.html"), "files": len(site),
                            "bytes": sum(len(b) for b in site.values()),
                            **({"overview": str(index)} if len(ids) >= 3 else {})}})
        return
    for row in listed:
        click.echo(f"wrote {row['path']} ({row['bytes']} bytes)")
    click.echo(f"wrote {len(site)} files of the site ({sum(len(b) for b in site.values())} bytes); "
               f"open {index}")


def _lesson_files(corpus: Corpus, ids: list[str], chosen: tuple[tuple[str, str], ...]) -> dict[str, bytes]:
    from argmap.classroom.lesson import lesson_files, topic_lesson_files

    if len(ids) == 2:
        return lesson_files(corpus, ids[0], ids[1])
    return topic_lesson_files(corpus, ids, list(chosen))
