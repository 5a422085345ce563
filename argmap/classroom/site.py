"""The static classroom site, as a mapping of relative paths to bytes.

Pages: ``index.html``; ``topic.html`` for three or more maps (the class overview: each essay's answer to the
topic question, the topic diagram, the claims most worth discussing with their questions, the grid); ``teacher.html`` (the same,
linking the teacher's handouts; no student page links to it); ``maps/<id>.html`` (the diagram beside the essay, each
node's quote marked in the text); ``compare/<a>--<b>.html`` for every pair of
maps (the comparative diagram, shared premises, disagreements, central claims,
questions); ``handouts/<a>--<b>.html`` and ``…-teacher.html`` (the printable
handouts); ``assets/site.css`` and ``assets/site.js``.  Every link is relative
and every asset is in the mapping, so the site works opened from ``file://`` and
served at ``/``.  Node data for the page's script travels inside the page as JSON.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> gm = load_corpus([bundled_maps_dir()]).get("bankruptcy")
>>> paragraphs = essay_paragraphs(gm)
>>> [x.text for para in paragraphs for x in para.pieces if "P1" in x.nodes]
['the Kremlin’s reaction was deafening silence']
>>> "".join(x.text for x in paragraphs[0].pieces) == gm.essay.paragraphs[0].text
True
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from argmap.checks.grounded import GroundedMap
from argmap.classroom.handout import IMPACTS_SHOWN, Handout, handout_data, print_diagram, structure_facts
from argmap.classroom.handout_writer import handout_html
from argmap.classroom.templating import asset, inline_svg, render
from argmap.classroom.wording import smart_quotes
from argmap.corpus.load import Corpus
from argmap.corpus.pairs import PAIR_LIMIT
from argmap.corpus.pairs import pairs as compared_pairs
from argmap.format.model import ArgumentMap
from argmap.queries.analysis import MapStructure, cited_support, map_structure
from argmap.queries.facts import require
from argmap.queries.results import TopicComparison

__all__ = ["Paragraph", "Piece", "essay_paragraphs", "is_teacher_page", "json_for_script", "site_files", "topic_page",
           "topic_svg"]


def is_teacher_page(name: str) -> bool:
    """True for the pages with the model answers: ``teacher.html`` and the teacher's handouts.

    A server publishes them only when the teacher asks for it (``ARGMAP_TEACHER_PAGES``).

    >>> is_teacher_page("teacher.html"), is_teacher_page("handouts/a--b-teacher.html"), is_teacher_page("index.html")
    (True, True, False)
    """
    return name == "teacher.html" or name.endswith("-teacher.html")


@dataclass(frozen=True)
class Piece:
    """A run of essay text, the ids of the nodes whose quote or citation covers it, and whether only citations do."""

    text: str
    nodes: tuple[str, ...]
    citation: bool


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an essay cut into pieces wherever a quote or citation starts or ends."""

    number: int
    pieces: list[Piece]


def essay_paragraphs(gm: GroundedMap) -> list[Paragraph]:
    """The essay's paragraphs, each cut into :class:`Piece` runs (quotes may overlap one another)."""
    spans: list[tuple[int, int, str, bool]] = [(s, e, n, False) for n, (s, e) in gm.spans.items()]
    spans += [(s, e, n, False) for n, items in gm.more_spans.items() for s, e in items]
    spans += [(s, e, n, True) for n, items in gm.citation_spans.items() for s, e in items]
    order = {n.id: i for i, n in enumerate(gm.model.nodes)}
    out = []
    for p in gm.essay.paragraphs:
        inside = [x for x in spans if x[0] < p.end and x[1] > p.start]
        cuts = sorted({p.start, p.end} | {min(max(x, p.start), p.end) for s, e, _, _ in inside for x in (s, e)})
        pieces = []
        for a, b in itertools.pairwise(cuts):
            cover = [(n, c) for s, e, n, c in inside if s <= a and e >= b]
            ids = tuple(sorted({n for n, _ in cover}, key=order.__getitem__))
            pieces.append(Piece(gm.essay.text[a:b], ids, bool(cover) and all(c for _, c in cover)))
        out.append(Paragraph(p.number, pieces))
    return out


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left to close the element.

    >>> json_for_script({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(_shown(data), ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _shown(data: Any) -> Any:
    """``data`` with :func:`argmap.text.safe.visible` applied to every string (the page's script shows them as text)."""
    from argmap.text.safe import visible

    if isinstance(data, str):
        return visible(data)
    if isinstance(data, dict):
        return {_shown(k): _shown(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_shown(x) for x in data]
    return data


def _compare_name(a: str, b: str) -> str:
    return f"{a}--{b}"


def _node_data(corpus: Corpus, gm: GroundedMap, s: MapStructure, pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    m: ArgumentMap = gm.model
    impact = {i.node: i for i in s.impacts}
    basis = cited_support(m)
    rel_ids = {r.id: r for r in m.relations if r.id}
    out: dict[str, Any] = {}
    for n in m.nodes:
        supports = [r.target for r in m.relations if r.is_support and n.id in r.sources]
        attacks = [r.target for r in m.relations if r.type == "attacks" and n.id in r.sources]
        supported_by = [" + ".join(r.sources) for r in m.relations if r.is_support and r.target == n.id]
        attacked_by = [" + ".join(r.sources) for r in m.relations if r.type == "attacks"
                       and (r.target == n.id or (r.target in rel_ids and rel_ids[r.target].target == n.id))]
        hit = impact.get(n.id)
        claim = corpus.registry.get(n.claim) if n.claim else None
        elsewhere = []
        if n.claim:
            for a, b in pairs:
                other = b if a == m.id else a if b == m.id else None
                if other and any(x.claim == n.claim for x in corpus.get(other).model.nodes):
                    elsewhere.append({"map": other, "href": f"../compare/{_compare_name(a, b)}.html#node=claim--{n.claim}"})
        out[n.id] = {
            "kind": n.kind, "text": smart_quotes(n.text), "quote": n.quote,
            "note": n.note and smart_quotes(n.note),
            "tags": list(n.tags), "claim": n.claim, "claimWording": smart_quotes(claim.wording) if claim else None,
            "stance": n.effective_stance,
            "citations": list(n.citation or []), "supports": supports, "attacks": attacks,
            "supportedBy": supported_by, "attackedBy": attacked_by,
            "cuts": hit.cuts if hit else [], "linesBroken": len(hit.lines) if hit else 0,
            "loadBearing": n.id in s.load_bearing, "cited": basis[n.id], "uncited": n.id in s.uncited,
            "alsoIn": elsewhere,
        }
    return out


def _map_page(corpus: Corpus, gm: GroundedMap, pairs: list[tuple[str, str]]) -> str:
    from argmap.render import map_svg

    s = map_structure(gm.model)
    facts = structure_facts(s)
    require(corpus, facts)
    data = {"page": "map", "map": gm.id, "lines": len(s.lines), "thesis": s.thesis,
            "nodes": _node_data(corpus, gm, s, pairs), "impacts": [i.node for i in s.impacts[:IMPACTS_SHOWN]],
            "facts": [f.model_dump(mode="json") for f in facts]}
    comparisons = [(a, b, _compare_name(a, b)) for a, b in pairs if gm.id in (a, b)]
    return render("site/map.html", gm=gm, m=gm.model, s=s, paragraphs=essay_paragraphs(gm),
                  diagram=inline_svg(map_svg(gm)), data=json_for_script(data), comparisons=comparisons,
                  root="../")


def _compare_svg(corpus: Corpus, a: str, b: str) -> tuple[bytes, list[str]]:
    """The comparison as the site shows it (both theses side by side on top), and the SVG ids of the theses,
    left first: the page opens fitted on them."""
    from argmap.render import render_bytes
    from argmap.render.compare.diagram import selection_dot
    from argmap.render.compare.look import SITE
    from argmap.render.compare.selection import element_id, select, theses

    sel = select(corpus, [a, b])
    tops = [k for i in (a, b) for k in theses(sel.graph) if k in sel.drawn
            and any(m["map"] == i and m["kind"] == "thesis" for m in sel.graph.nodes[k]["mentions"])]
    return render_bytes(selection_dot(corpus, sel, look=SITE), "svg"), [element_id(k) for k in dict.fromkeys(tops)]


def _compare_page(corpus: Corpus, h: Handout, svg: bytes, theses: list[str]) -> str:
    """The comparison page: its text and its script's data rest on facts checked first (:mod:`.compare_page`)."""
    from argmap.classroom.compare_page import page_data

    name = _compare_name(h.left.id, h.right.id)
    return render("site/compare.html", h=h, diagram=inline_svg(svg),
                  data=json_for_script(page_data(corpus, h, theses)), name=name, root="../")


def topic_svg(corpus: Corpus, topic: TopicComparison) -> bytes:
    """The topic diagram of ``topic`` as SVG, as the class overview shows it and a topic lesson writes it."""
    from argmap.render import render_bytes
    from argmap.render.topic.diagram import topic_dot

    return render_bytes(topic_dot(corpus, [m.id for m in topic.maps], topic=topic), "svg")


def topic_page(corpus: Corpus, ids: list[str], given: tuple[TopicComparison, bytes] | None = None, *,
               root: str = "") -> str:
    """The class overview of maps ``ids``: each essay's answer, the topic diagram, the claims most worth
    discussing, the grid; ``root`` is the site's folder relative to the page (its links and stylesheet)."""
    from argmap.classroom.topic import discussion_points
    from argmap.exporters.topic import CELL_MARK
    from argmap.queries.topic import compare_topic

    if given is None:
        topic = compare_topic(corpus, ids)
        given = topic, topic_svg(corpus, topic)
    topic, svg = given
    marks = {**CELL_MARK, "denies": "\u2212", "absent": "\u00b7"}
    return render("site/topic.html", topic=topic, points=discussion_points(topic), diagram=inline_svg(svg),
                  marks=marks, root=root)


def site_files(corpus: Corpus, topic: tuple[TopicComparison, bytes] | None = None,
               handouts: Mapping[tuple[str, str], Handout] | None = None) -> dict[str, bytes]:
    """Every page and asset of the site: relative path to content (sorted by path, byte-identical per corpus).

    ``topic`` is the grid of all the corpus's maps (in sorted order) and its :func:`topic_svg`, when the caller has
    computed them already; the class overview (three or more maps) shows them.

    Needs Graphviz's ``dot`` for the diagrams (:class:`~argmap.errors.RenderError` otherwise).
    """
    ids = sorted(corpus.maps)
    pairs = compared_pairs(ids)  # every pair up to PAIR_LIMIT maps, as argmap build; beyond, none
    pages: dict[str, str | bytes] = {
        "assets/site.css": asset("site.css"),
        "assets/site.js": asset("site.js"),
    }
    summaries = []
    for i in ids:
        gm = corpus.get(i)
        s = map_structure(gm.model)
        summaries.append((gm, s))
        pages[f"maps/{i}.html"] = _map_page(corpus, gm, pairs)
    central = {}
    for a, b in pairs:
        name = _compare_name(a, b)
        h = (handouts or {}).get((a, b)) or handout_data(corpus, a, b)  # a caller's, built once, if it has it
        central[name] = h.most_central[:3]
        svg, theses = _compare_svg(corpus, a, b)
        pages[f"compare/{name}.html"] = _compare_page(corpus, h, svg, theses)
        printed = print_diagram(corpus, a, b)
        pages[f"handouts/{name}.html"] = handout_html(h, diagram=printed, back="../index.html")
        pages[f"handouts/{name}-teacher.html"] = handout_html(h, teacher=True, diagram=printed,
                                                             back="../teacher.html")
    listed = [(a, b, _compare_name(a, b)) for a, b in pairs]
    if len(ids) >= 3:
        pages["topic.html"] = topic_page(corpus, ids, topic)
    for page, teacher in (("index.html", False), ("teacher.html", True)):
        pages[page] = render("site/index.html", maps=summaries, pairs=listed, central=central, pair_limit=PAIR_LIMIT,
                             root="", teacher=teacher, topic=len(ids) >= 3)
    return {k: (v.encode("utf-8") if isinstance(v, str) else v) for k, v in sorted(pages.items())}
