"""The static classroom site (argmap.classroom.site) and `argmap site`, without a browser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from helpers import build_corpus, node

from argmap.classroom.site import essay_paragraphs, site_files
from argmap.cli import cli
from argmap.corpus.load import Corpus
from argmap.corpus.pairs import PAIR_LIMIT


class Page(HTMLParser):
    """Links, scripts, element ids, marks and the JSON data block of one page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: list[str] = []
        self.svg_nodes: list[str] = []
        self.marks: list[tuple[list[str], str]] = []  # quote marks (citation-only marks left out)
        self._mark: list[str] | None = None
        self._cite = False
        self._text: list[str] = []
        self._data = False
        self.data_text = ""
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key):
                self.refs.append(a[key] or "")
        if a.get("id"):
            self.ids.append(a["id"] or "")
            if tag == "g" and a.get("class") == "node":
                self.svg_nodes.append(a["id"] or "")
        if tag == "mark":
            self._mark, self._text = (a.get("data-nodes") or "").split(), []
            self._cite = a.get("class") == "cite"
        if tag == "script" and a.get("id") == "argmap-data":
            self._data = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            if not self._cite:
                self.marks.append((self._mark, "".join(self._text)))
            self._mark = None
        if tag == "script":
            self._data = False

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._text.append(data)
        if self._data:
            self.data_text += data

    @property
    def data(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.data_text)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def files(bundled: Corpus) -> dict[str, bytes]:
    return site_files(bundled)


def test_the_site_has_an_index_a_page_per_map_and_per_comparison(files: dict[str, bytes]) -> None:
    assert set(files) == {
        "index.html", "teacher.html", "assets/site.css", "assets/site.js", "maps/bankruptcy.html", "maps/enforcer.html",
        "compare/bankruptcy--enforcer.html", "handouts/bankruptcy--enforcer.html",
        "handouts/bankruptcy--enforcer-teacher.html",
    }
    assert list(files) == sorted(files)


def test_every_link_is_relative_and_lands_on_a_page_of_the_site(files: dict[str, bytes]) -> None:
    for name, body in files.items():
        if not name.endswith(".html"):
            continue
        text = body.decode("utf-8")
        page = Page(text)
        assert "url(" not in text or "url(http" not in text
        for ref in page.refs:
            if ref == "data:,":  # the empty favicon, so that browsers do not ask the server for one
                continue
            assert not re.match(r"^([a-z]+:|/)", ref), (name, ref)  # no scheme, no //host, no /absolute
            target = ref.split("#", 1)[0]
            if not target:
                continue
            resolved = PurePosixPath(name).parent.joinpath(target).as_posix()
            parts: list[str] = []
            for part in resolved.split("/"):
                if part == "..":
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            assert "/".join(parts) in files, (name, ref)


def test_a_map_page_marks_each_quote_with_its_node_ids(bundled: Corpus, files: dict[str, bytes]) -> None:
    for map_id in ("bankruptcy", "enforcer"):
        gm = bundled.get(map_id)
        page = Page(files[f"maps/{map_id}.html"].decode("utf-8"))
        data = page.data
        assert data["map"] == map_id and set(data["nodes"]) == {n.id for n in gm.model.nodes}
        # The diagram's element ids are the node ids; its other shapes (relation junctions, legend) carry a ':'.
        assert set(data["nodes"]) == {i for i in page.svg_nodes if ":" not in i}
        assert len(page.ids) == len(set(page.ids))  # no id is used twice on the page
        for n in gm.model.nodes:
            if n.id not in gm.spans:
                continue
            start, end = gm.spans[n.id]
            marked = "".join(text for ids, text in page.marks if n.id in ids)
            assert marked.replace("\n", "") == gm.essay.text[start:end].replace("\n", ""), n.id
        for ids, _ in page.marks:
            assert set(ids) <= set(data["nodes"])


def test_paragraph_pieces_cover_the_essay_exactly(bundled: Corpus) -> None:
    for gm in bundled.maps.values():
        paras = essay_paragraphs(gm)
        assert ["".join(x.text for x in p.pieces) for p in paras] == [p.text for p in gm.essay.paragraphs]
        cites = {n for n, spans in gm.citation_spans.items() if spans}
        assert {n for p in paras for x in p.pieces if x.citation for n in x.nodes} <= cites


def test_the_comparison_page_knows_every_node_of_its_diagram(files: dict[str, bytes]) -> None:
    page = Page(files["compare/bankruptcy--enforcer.html"].decode("utf-8"))
    data = page.data
    statements = {i for i in page.svg_nodes if "--" in i and ":" not in i}  # "<map>--<node>", "claim--<claim>"
    assert statements and statements <= set(data["nodes"])
    silent = data["nodes"]["claim--russia-silent"]
    assert {m["map"] for m in silent["mentions"]} == {"bankruptcy", "enforcer"}
    assert all(m["href"].startswith("../maps/") for m in silent["mentions"])


def test_page_data_cannot_close_its_script_element(tmp_path: Path) -> None:
    evil = "</script><script>alert(1)</script>"
    corpus = build_corpus(tmp_path, {
        "a": ([node("a", "T", "thesis"), {**node("a", "P", claim="c"), "text": evil, "note": evil}], ["P -> T"]),
        "b": ([node("b", "T", "thesis"), node("b", "P", claim="c")], ["P -> T"]),
    }, {"c": evil})
    files = site_files(corpus)
    text = files["maps/a.html"].decode("utf-8")
    assert "alert(1)</script>" not in text
    assert Page(text).data["nodes"]["P"]["text"] == evil
    compared = files["compare/a--b.html"].decode("utf-8")
    assert "alert(1)</script>" not in compared
    assert Page(compared).data["nodes"]["claim--c"]["wording"] == evil


def test_past_the_pair_limit_the_site_has_no_comparison_pages(tmp_path: Path) -> None:
    ids = [f"m{i}" for i in range(PAIR_LIMIT + 1)]
    corpus = build_corpus(tmp_path, {i: ([node(i, "T", "thesis"), node(i, "P", claim="c")], ["P -> T"]) for i in ids},
                          {"c": "A claim every map shares."})
    files = site_files(corpus)
    assert sorted(p for p in files if p.endswith(".html")) == ["index.html", *(f"maps/{i}.html" for i in ids),
                                                               "teacher.html", "topic.html"]  # the class overview
    assert f"more than {PAIR_LIMIT} maps" in files["index.html"].decode("utf-8")
    assert "Each handout below" not in files["teacher.html"].decode("utf-8")  # there is none to list


def test_the_site_is_byte_identical_for_identical_input(bundled: Corpus, files: dict[str, bytes]) -> None:
    assert site_files(bundled) == files


def test_cli_writes_the_site(tmp_path: Path, files: dict[str, bytes]) -> None:
    out = tmp_path / "site"
    res = CliRunner().invoke(cli, ["site", "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["files"] == sorted(files)
    for name, body in files.items():
        assert (out / name).read_bytes() == body
    assert not [p for p in out.rglob("*.tmp")]


def test_cli_site_needs_out() -> None:
    res = CliRunner().invoke(cli, ["site"])
    assert res.exit_code == 2 and "--out" in res.output


def _links(page: bytes) -> set[str]:
    return set(re.findall(r'href="([^"#]+)', page.decode("utf-8")))


def test_the_teachers_edition_is_reached_only_from_the_teachers_index(files: dict[str, bytes]) -> None:
    teacher_pages = {name for name in files if name.endswith("-teacher.html")}
    assert teacher_pages
    for name, body in files.items():
        if not name.endswith(".html") or name == "teacher.html" or name in teacher_pages:
            continue
        assert not any(link.endswith(("teacher.html",)) for link in _links(body)), name
    linked = {f"handouts/{link.split('/')[-1]}" for link in _links(files["teacher.html"]) if "-teacher" in link}
    assert linked == teacher_pages


def test_each_handout_links_back_to_the_site(files: dict[str, bytes]) -> None:
    for name, body in files.items():
        if name.startswith("handouts/"):
            back = "../teacher.html" if name.endswith("-teacher.html") else "../index.html"
            assert back in _links(body), name


def test_labels_are_plain_language(files: dict[str, bytes]) -> None:
    for name, body in files.items():
        if name.endswith(".html") and "-teacher" not in name:
            text = body.decode("utf-8").lower()
            assert "betweenness" not in text and "claim shared claim" not in text, name
    script = files["assets/site.js"].decode("utf-8")
    assert "betweenness" not in script and '"shared claim"' not in script


def test_a_thesis_that_stands_by_answering_an_objection_is_said_to(tmp_path: Path) -> None:
    maps = {"a": ([node("a", "T", "thesis"), node("a", "O", "objection"), node("a", "P")], ["O -| T", "P -| O"]),
            "b": ([node("b", "T", "thesis"), node("b", "P")], ["P -> T"])}
    files = site_files(build_corpus(tmp_path, maps, {}))
    page = files["maps/a.html"].decode("utf-8")
    assert "The thesis has no line of support of its own: it stands by answering an objection to it." in page
    assert "0 lines" not in page and "breaks 0" not in page
    assert "The most damaging rejection is P (cuts off T)." in page
    assert "the thesis stands by answering an objection" in files["index.html"].decode("utf-8")
