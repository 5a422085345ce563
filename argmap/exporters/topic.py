"""The report of a whole topic (:func:`argmap.queries.topic.compare_topic`) as plain text or Markdown.

Both say the same, in the same order: each essay's stance on the topic
question, the grid of shared claims by essay, the objections other essays raise
that each essay does not take up, and the claims only one essay makes.  In the grid, ``+`` affirms,
``-`` denies, ``~`` differs (each essay its own answer), ``±`` both stances,
``.`` absent.  Only a claim whose relation is ``contradict`` is called
contested.  Texts from the maps go through :func:`argmap.text.safe.markdown_text`
in Markdown and :func:`argmap.text.safe.visible` in plain text.

Every sentence about the essays is worded from the comparison's checked facts
(:mod:`argmap.queries.facts.topic_report`), never from its items: what a fact
check refused is never written, and a comparison whose facts were not checked
is refused whole (:class:`~argmap.queries.facts.UngroundedFact`).  The items
give only the words the maps and the registry hold (quotes, wordings).

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.queries.topic import compare_topic
>>> topic = compare_topic(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"])
>>> [line for line in topic_markdown(topic).splitlines() if line.startswith("## ")][:2]
['## Stances on the topic question', '## Shared claims (29)']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.queries.facts import (
    EssayOnClaim,
    MadeBy,
    NothingIn,
    RelationAmong,
    StanceOnTopic,
    TopicQuestion,
    Unanswered,
    Unbound,
    UngroundedFact,
)
from argmap.queries.results import CellRelation, TopicComparison
from argmap.text.safe import markdown_text as md
from argmap.text.safe import visible

__all__ = ["CELL_MARK", "topic_markdown", "topic_text"]

CELL_MARK: dict[CellRelation, str] = {"affirms": "+", "denies": "-", "affirms-and-denies": "±", "differs": "~",
                                      "absent": "."}
_RELATION = {"agree": "agree", "contradict": "contested", "differ": "differ", "tension": "tension"}


@dataclass
class _Row:
    """One row of the grid as its facts state it."""

    made: MadeBy
    relation: RelationAmong | None = None
    cells: dict[str, EssayOnClaim] = field(default_factory=dict)

    def marks(self, ids: list[str]) -> list[str]:
        return [CELL_MARK[self.cells[i].takes] if i in self.cells else CELL_MARK["absent"] for i in ids]

    @property
    def kind(self) -> str:
        if self.relation is None:
            raise UngroundedFact(f"no checked relation among the essays on claim '{self.made.claim}'")
        return self.relation.relation


@dataclass
class _Said:
    """The checked facts of a topic comparison, by section, as the writers word them."""

    question: TopicQuestion
    stances: list[StanceOnTopic]
    rows: list[_Row]
    unanswered: list[Unanswered]
    alone: list[MadeBy]
    unbound: list[Unbound]
    empty: set[str]


def _said(t: TopicComparison) -> _Said:
    """The facts ``t`` carries; :class:`UngroundedFact` when they were never checked."""
    if not t.facts:
        raise UngroundedFact("a topic comparison whose facts were not checked is not worded "
                             "(build it with argmap.queries.topic.compare_topic)")
    every = [f for fs in t.facts.values() for f in fs]
    rows: dict[str, _Row] = {}
    for f in t.facts.get("grid", []):
        if isinstance(f, MadeBy):
            rows[f.claim] = _Row(f)
        elif isinstance(f, RelationAmong) and f.claim in rows:
            rows[f.claim].relation = f
        elif isinstance(f, EssayOnClaim) and f.claim in rows:
            rows[f.claim].cells[f.map] = f
    question = next((f for f in every if isinstance(f, TopicQuestion)), None)
    if question is None:
        raise UngroundedFact("no checked topic question")
    return _Said(question=question, stances=[f for f in t.facts.get("stances", []) if isinstance(f, StanceOnTopic)],
                 rows=list(rows.values()),
                 unanswered=[f for f in t.facts.get("unanswered", []) if isinstance(f, Unanswered)],
                 alone=[f for f in t.facts.get("alone", []) if isinstance(f, MadeBy)],
                 unbound=[f for f in t.facts.get("unbound", []) if isinstance(f, Unbound)],
                 empty={f.section for f in every if isinstance(f, NothingIn)})


def _quotes(t: TopicComparison) -> tuple[dict[tuple[str, str | None], str | None], dict[tuple[str, str, str, str], str]]:
    """The words the maps give: each stance's quote, each objection's quote (else its text)."""
    stance = {(s.map, s.node): s.quote for s in t.stances}
    objection = {(u.map, u.by, u.node, u.claim): u.quote or u.text for u in t.unanswered}
    return stance, objection


def topic_markdown(t: TopicComparison) -> str:
    """The topic report in Markdown: a table for the grid, a list per essay for the rest."""
    said = _said(t)
    stance_quote, objection_quote = _quotes(t)
    wording = {r.claim: r for r in t.rows}
    alone_wording = {u.claim: u.wording for u in t.unique_claims}
    ids = [m.id for m in t.maps]
    lines = [f"# Topic: {', '.join(ids)}", ""]
    for m in t.maps:
        lines += [f"- **{m.id}**: {md(m.title)}", f"  - thesis: {md(m.thesis)}"]
    lines += ["", "## Stances on the topic question", ""]
    topic = said.question.claim
    if topic is None:
        lines += ["No thesis is bound to a claim of the registry, so the topic question is not known.", ""]
    else:
        lines += [f"`{topic}`: {md(t.topic_wording or topic)}", ""]
        for s in said.stances:
            quote = stance_quote.get((s.map, s.node))
            where = f" (`{s.node}`: “{md(quote)}”)" if s.node and quote else (f" (`{s.node}`)" if s.node else "")
            lines.append(f"- **{s.map}** {s.stance if s.stance != 'none' else 'takes no stance'}{where}")
        lines.append("")
    lines += [f"## Shared claims ({len(said.rows)})", ""]
    if said.rows:
        lines += ["`+` affirms, `-` denies, `~` differs, `±` both, `.` absent", "",
                  "| claim | essays | relation | " + " | ".join(ids) + " |",
                  "|---|---:|---|" + "---|" * len(ids)]
        for r in said.rows:
            claim = r.made.claim
            lines.append(f"| `{claim}` {md(wording[claim].wording)} | {len(r.made.by)} | {_RELATION[r.kind]} | "
                         + " | ".join(f"`{x}`" for x in r.marks(ids)) + " |")
        lines.append("")
        how = [(r, wording[r.made.claim].how) for r in said.rows if wording[r.made.claim].how]
        lines += [f"- `{r.made.claim}` ({r.kind}): {md(text)}" for r, text in how if text]
        lines += [""] if how else []
    elif "shared" in said.empty:
        lines += ["No claim is made by two or more of these essays.", ""]
    lines += ["## Objections another essay raises, not taken up", ""]
    if "unanswered" not in said.empty:
        lines += ["Under each essay: what other essays object to a claim it makes, where it does not take the "
                  "objection up (the essay that raises one may answer it itself).", ""]
    if "unanswered" in said.empty:
        lines += ["Every objection one essay raises against a claim another makes is taken up by it.", ""]
    for map_id in ids:
        items = [u for u in said.unanswered if u.map == map_id]
        if items:
            lines += [f"### {map_id} ({len(items)})", ""]
            lines += [f"- against `{u.claim}` ({u.stance}): **{u.by}** `{u.node}` "
                      f"“{md(objection_quote[(u.map, u.by, u.node, u.claim)])}”" for u in items]
            lines.append("")
    lines += ["## Claims only one essay makes", ""]
    if "alone" in said.empty:
        lines += ["Every claim of the registry that one of these essays makes, another makes too.", ""]
    for a in said.alone:
        lines.append(f"- **{a.by[0]}** `{a.claim}`: {md(alone_wording[a.claim])}")
    lines += [""] if said.alone else []
    lines.append("Statements bound to no claim: " + ", ".join(f"{u.map} {len(u.nodes)}" for u in said.unbound) + ".")
    lines.append("")
    return "\n".join(lines)


def topic_text(t: TopicComparison) -> str:
    """The topic report as plain text for a terminal: the grid as aligned columns, one per essay.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.queries.topic import compare_topic
    >>> print(topic_text(compare_topic(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"]))
    ...       .splitlines()[0])
    topic of 2 essays: bankruptcy, enforcer
    """
    said = _said(t)
    _, objection_quote = _quotes(t)
    wording = {r.claim: r.wording for r in t.rows}
    alone_wording = {u.claim: u.wording for u in t.unique_claims}
    ids = [m.id for m in t.maps]
    lines = [f"topic of {len(ids)} essays: {', '.join(ids)}", ""]
    topic = said.question.claim
    if topic is not None:
        lines.append(visible(f"topic question: {topic}: {t.topic_wording or topic}"))
        width = max(len(i) for i in ids)
        lines += [f"  {s.map:<{width}}  {s.stance if s.stance != 'none' else 'no stance'}" for s in said.stances]
        lines.append("")
    lines.append(f"shared claims ({len(said.rows)}): + affirms, - denies, ~ differs, ± both, . absent")
    cols = [f"{k + 1:>2}" for k in range(len(ids))]
    lines += [f"  {k + 1:>2} {i}" for k, i in enumerate(ids)]
    lines.append("  " + " ".join(cols) + "  n  relation    claim")
    for r in said.rows:
        claim = r.made.claim
        lines.append("  " + " ".join(f"{x:>2}" for x in r.marks(ids))
                     + f" {len(r.made.by):>2}  {_RELATION[r.kind]:<10}  {claim}: {visible(wording[claim])}")
    lines += ["", f"objections another essay raises, not taken up ({len(said.unanswered)})"]
    for u in said.unanswered:
        quote = objection_quote[(u.map, u.by, u.node, u.claim)]
        lines.append(visible(f"  {u.map}: {u.by}:{u.node} against {u.claim} ({u.stance}): {quote}"))
    lines += ["", f"claims only one essay makes ({len(said.alone)})"]
    lines += [visible(f"  {a.by[0]}: {a.claim}: {alone_wording[a.claim]}") for a in said.alone]
    lines.append("")
    return "\n".join(lines)
