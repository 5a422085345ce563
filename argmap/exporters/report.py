"""Plain-text/Markdown reports of the queries (the CLI prints them; ``build`` writes them).

Every text from the maps (titles, wordings, quotes, node texts) goes through
:func:`argmap.text.safe.markdown_text`, so it is shown as typed and never read as
markup; ids are restricted by the format and written in code spans.

>>> from argmap.queries.results import SharedPremises
>>> print(shared_markdown(SharedPremises(maps=["a", "b"], claims=[])))
# Shared premises: a, b
<BLANKLINE>
No claim is used as a premise by two or more of these maps.
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.queries.facts import UngroundedFact
from argmap.queries.results import Agreement, Comparison, Difference, Disagreement, Mention, SharedClaims, SharedPremises
from argmap.text.safe import markdown_text as md

__all__ = ["compare_markdown", "shared_markdown"]


_REASONS = {"opposite-stances": "opposite stances", "divergent-conclusions": "divergent conclusions"}
"""A disagreement's reason, as the report words it."""


def _path(nodes: Sequence[str] | None) -> str:
    """A path from a shared claim to a thesis: its nodes; one node is the thesis itself."""
    if not nodes:
        return "no path"
    return f"{nodes[0]}, the thesis itself" if len(nodes) == 1 else " → ".join(nodes)


_PLURAL = {"affirms": "affirm", "denies": "deny"}
_VIA_ATTACKS = " (only through attacks and answers to them)"
"""A stance as the verb of "both": both affirm, both deny."""

def _quote(m: Mention) -> str:
    q = f"“{md(m.quote)}”" if m.quote else "(implicit assumption, no quote)"
    stance = "" if m.stance in (None, "affirms") else f" [{m.stance}]"
    return f"- **{m.map}** `{m.node}` ({m.kind}){stance}: {q}"


def shared_markdown(result: SharedPremises | SharedClaims) -> str:
    """The shared premises (or, for :class:`SharedClaims`, every shared claim), each with every map's quote.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.queries.comparison import shared_premises
    >>> shared_markdown(shared_premises(load_corpus([bundled_maps_dir()]))).splitlines()[3]
    '`inaction-by-choice` · used by bankruptcy, enforcer'
    """
    premises = isinstance(result, SharedPremises)
    lines = [f"# Shared {'premises' if premises else 'claims'}: {', '.join(result.maps)}", ""]
    if not result.claims:
        used = "used as a premise" if premises else "bound"
        lines += [f"No claim is {used} by two or more of these maps.", ""]
    for c in result.claims:
        flag = _RELATION_FLAGS[c.relation]
        theses = f" · the thesis of {', '.join(c.theses)}" if c.theses else ""
        lines += [f"## {md(c.wording)}{flag}", f"`{c.claim}` · used by {', '.join(c.maps)}{theses}", ""]
        lines += [_quote(m) for m in c.mentions]
        lines.append("")
    return "\n".join(lines)


_RELATION_FLAGS = {"agree": "", "contradict": " — **contested**", "differ": " — **answered differently**",
                   "tension": " — **in tension**"}


def _theses_first(mentions: tuple[list[Mention], list[Mention]]) -> int:
    """0 for a claim both theses are bound to (shown first), else 1."""
    return 0 if all(any(m.kind == "thesis" for m in side) for side in mentions) else 1


def _claim_section(title: str, items: Sequence[tuple[Agreement | Disagreement | Difference, str]]) -> list[str]:
    """A section of shared claims, each with what is said of it and both sides' quotes; the claim both theses are
    bound to first; nothing when there are none."""
    if not items:
        return []
    lines = [f"## {title} ({len(items)})", ""]
    for claim, said in sorted(items, key=lambda item: _theses_first((item[0].left, item[0].right))):
        lines += [f"### {md(claim.wording)}", f"`{claim.claim}` · {said}", ""]
        lines += [_quote(m) for m in claim.left + claim.right]
        lines.append("")
    return lines


def compare_markdown(c: Comparison) -> str:
    """Agreements, disagreements, unique claims and paths to each thesis; a section with nothing in it is left out,
    and the claim both theses are bound to comes first.  Only a comparison carrying its checked facts is worded.

    >>> from argmap.corpus.load import bundled_maps_dir, load_corpus
    >>> from argmap.queries.comparison import compare
    >>> text = compare_markdown(compare(load_corpus([bundled_maps_dir()]), "bankruptcy", "enforcer"))
    >>> [line for line in text.splitlines() if line.startswith("## ")]  # doctest: +NORMALIZE_WHITESPACE
    ['## Different answers (4)', '## In tension (1)', '## Agreements (24)', '## Only in bankruptcy (24)',
     '## Only in enforcer (26)', '## How each shared claim reaches each thesis']
    """
    if not c.facts:
        raise UngroundedFact("a comparison whose facts were not checked is not worded "
                             "(argmap.queries.comparison.compare checks them)")
    L, R = c.left.id, c.right.id
    by = {s.id: f" ({s.author})" if s.author else "" for s in (c.left, c.right)}
    lines = [f"# {L} vs {R}", "",
             f"- **{L}**: {md(c.left.title)}{md(by[L])}", f"  - thesis: {md(c.left.thesis)}",
             f"- **{R}**: {md(c.right.title)}{md(by[R])}", f"  - thesis: {md(c.right.thesis)}", ""]
    disagree = [(d, f"{_REASONS.get(d.reason, d.reason)}: {md(d.detail)}") for d in c.disagreements]
    lines += _claim_section("Contradictions", disagree)
    lines += _claim_section("Different answers", [(d, md(d.how)) for d in c.differences if d.relation == "differ"])
    lines += _claim_section("In tension", [(d, md(d.how)) for d in c.differences if d.relation == "tension"])
    lines += _claim_section("Agreements", [(a, f"both {_PLURAL.get(a.stance, a.stance)}") for a in c.agreements])
    for side, items in ((L, c.unique_left), (R, c.unique_right)):
        if items:
            lines += [f"## Only in {side} ({len(items)})", ""]
            lines += [f"- `{u.node}` ({u.kind}): {md(u.text)}" for u in items]
            lines.append("")
    if c.paths:
        lines += ["## How each shared claim reaches each thesis", ""]
    for p in c.paths:
        left, right = (_path(x) for x in (p.left, p.right))
        lines += [f"- `{p.claim}`", f"  - {L}: {left}" + (_VIA_ATTACKS if p.left_via == "any" else ""),
                  f"  - {R}: {right}" + (_VIA_ATTACKS if p.right_via == "any" else "")]
    lines.append("")
    return "\n".join(lines)
