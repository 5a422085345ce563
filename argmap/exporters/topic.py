"""The report of a whole topic (:func:`argmap.queries.topic.compare_topic`) as plain text or Markdown.

Both say the same, in the same order: each essay's stance on the topic
question, the grid of shared claims by essay, the objections each essay leaves
unanswered, and the claims only one essay makes.  In the grid, ``+`` affirms,
``-`` denies, ``~`` differs (each essay its own answer), ``±`` both stances,
``.`` absent.  Only a claim whose relation is ``contradict`` is called
contested.  Texts from the maps go through :func:`argmap.text.safe.markdown_text`
in Markdown and :func:`argmap.text.safe.visible` in plain text.

>>> from argmap.corpus.load import bundled_maps_dir, load_corpus
>>> from argmap.queries.topic import compare_topic
>>> topic = compare_topic(load_corpus([bundled_maps_dir()]), ["bankruptcy", "enforcer"])
>>> [line for line in topic_markdown(topic).splitlines() if line.startswith("## ")][:2]
['## Stances on the topic question', '## Shared claims (29)']
"""

from __future__ import annotations

from argmap.queries.results import CellRelation, TopicComparison, TopicRow
from argmap.text.safe import markdown_text as md
from argmap.text.safe import visible

__all__ = ["CELL_MARK", "topic_markdown", "topic_text"]

CELL_MARK: dict[CellRelation, str] = {"affirms": "+", "denies": "-", "affirms-and-denies": "±", "differs": "~",
                                      "absent": "."}
_RELATION = {"agree": "agree", "contradict": "contested", "differ": "differ", "tension": "tension"}


def _marks(row: TopicRow) -> list[str]:
    return [CELL_MARK[c.relation] for c in row.cells]


def topic_markdown(t: TopicComparison) -> str:
    """The topic report in Markdown: a table for the grid, a list per essay for the rest."""
    ids = [m.id for m in t.maps]
    lines = [f"# Topic: {', '.join(ids)}", ""]
    for m in t.maps:
        lines += [f"- **{m.id}**: {md(m.title)}", f"  - thesis: {md(m.thesis)}"]
    lines += ["", "## Stances on the topic question", ""]
    if t.topic is None:
        lines += ["No thesis is bound to a claim of the registry, so the topic question is not known.", ""]
    else:
        lines += [f"`{t.topic}`: {md(t.topic_wording or t.topic)}", ""]
        for s in t.stances:
            where = f" (`{s.node}`: “{md(s.quote)}”)" if s.node and s.quote else (f" (`{s.node}`)" if s.node else "")
            lines.append(f"- **{s.map}** {s.stance if s.stance != 'none' else 'takes no stance'}{where}")
        lines.append("")
    lines += [f"## Shared claims ({len(t.rows)})", ""]
    if t.rows:
        lines += ["`+` affirms, `-` denies, `~` differs, `±` both, `.` absent", "",
                  "| claim | essays | relation | " + " | ".join(ids) + " |",
                  "|---|---:|---|" + "---|" * len(ids)]
        for r in t.rows:
            lines.append(f"| `{r.claim}` {md(r.wording)} | {r.essays} | {_RELATION[r.relation]} | "
                         + " | ".join(f"`{x}`" for x in _marks(r)) + " |")
        lines.append("")
        for r in t.rows:
            if r.how:
                lines.append(f"- `{r.claim}` ({r.relation}): {md(r.how)}")
        lines += [""] if any(r.how for r in t.rows) else []
    else:
        lines += ["No claim is made by two or more of these essays.", ""]
    lines += ["## Objections left unanswered", ""]
    if not t.unanswered:
        lines += ["Every objection one essay raises against a claim another makes is taken up by it.", ""]
    for map_id in ids:
        items = [u for u in t.unanswered if u.map == map_id]
        if items:
            lines += [f"### {map_id} ({len(items)})", ""]
            lines += [f"- against `{u.claim}` ({u.stance}): **{u.by}** `{u.node}` “{md(u.quote or u.text)}”"
                      for u in items]
            lines.append("")
    lines += ["## Claims only one essay makes", ""]
    if not t.unique_claims:
        lines += ["Every claim of the registry that one of these essays makes, another makes too.", ""]
    for u in t.unique_claims:
        lines.append(f"- **{u.map}** `{u.claim}`: {md(u.wording)}")
    lines += [""] if t.unique_claims else []
    unbound = {i: sum(n.map == i for n in t.unbound) for i in ids}
    lines.append("Statements bound to no claim: " + ", ".join(f"{i} {n}" for i, n in unbound.items()) + ".")
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
    ids = [m.id for m in t.maps]
    lines = [f"topic of {len(ids)} essays: {', '.join(ids)}", ""]
    if t.topic is not None:
        lines.append(visible(f"topic question: {t.topic}: {t.topic_wording or t.topic}"))
        width = max(len(i) for i in ids)
        lines += [f"  {s.map:<{width}}  {s.stance if s.stance != 'none' else 'no stance'}" for s in t.stances]
        lines.append("")
    lines.append(f"shared claims ({len(t.rows)}): + affirms, - denies, ~ differs, ± both, . absent")
    cols = [f"{k + 1:>2}" for k in range(len(ids))]
    lines += [f"  {k + 1:>2} {i}" for k, i in enumerate(ids)]
    lines.append("  " + " ".join(cols) + "  n  relation    claim")
    for r in t.rows:
        lines.append("  " + " ".join(f"{x:>2}" for x in _marks(r))
                     + f" {r.essays:>2}  {_RELATION[r.relation]:<10}  {r.claim}: {visible(r.wording)}")
    lines += ["", f"objections left unanswered ({len(t.unanswered)})"]
    for u in t.unanswered:
        lines.append(visible(f"  {u.map}: {u.by}:{u.node} against {u.claim} ({u.stance}): {u.quote or u.text}"))
    lines += ["", f"claims only one essay makes ({len(t.unique_claims)})"]
    lines += [visible(f"  {u.map}: {u.claim}: {u.wording}") for u in t.unique_claims]
    lines.append("")
    return "\n".join(lines)
