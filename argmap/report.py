"""Plain-text/Markdown reports of the queries (the CLI prints them; ``build`` writes them).

Every text from the maps (titles, wordings, quotes, node texts) goes through
:func:`argmap.textsafe.markdown_text`, so it is shown as typed and never read as
markup; ids are restricted by the format and written in code spans.

>>> from argmap.results import SharedPremises
>>> print(shared_markdown(SharedPremises(maps=["a", "b"], claims=[])))
# Shared premises: a, b
<BLANKLINE>
No claim is used as a premise by two or more of these maps.
<BLANKLINE>
"""

from __future__ import annotations

from .results import Comparison, Mention, SharedPremises
from .textsafe import markdown_text as md

__all__ = ["compare_markdown", "shared_markdown"]


def _quote(m: Mention) -> str:
    q = f"“{md(m.quote)}”" if m.quote else "(implicit assumption, no quote)"
    stance = "" if m.stance in (None, "affirms") else f" [{m.stance}]"
    return f"- **{m.map}** `{m.node}` ({m.kind}){stance}: {q}"


def shared_markdown(result: SharedPremises) -> str:
    """The shared premises, each with every map's quote."""
    lines = [f"# Shared premises: {', '.join(result.maps)}", ""]
    if not result.claims:
        lines += ["No claim is used as a premise by two or more of these maps.", ""]
    for c in result.claims:
        flag = "" if c.agree else " — **contested**"
        lines += [f"## {md(c.wording)}{flag}", f"`{c.claim}` · used by {', '.join(c.maps)}", ""]
        lines += [_quote(m) for m in c.mentions]
        lines.append("")
    return "\n".join(lines)


def compare_markdown(c: Comparison) -> str:
    """Agreements, disagreements, unique claims and paths to each thesis."""
    L, R = c.left.id, c.right.id
    lines = [f"# {L} vs {R}", "",
             f"- **{L}**: {md(c.left.title)}", f"  - thesis: {md(c.left.thesis)}",
             f"- **{R}**: {md(c.right.title)}", f"  - thesis: {md(c.right.thesis)}", ""]
    lines += [f"## Disagreements ({len(c.disagreements)})", ""]
    for d in c.disagreements:
        lines += [f"### {md(d.wording)}", f"`{d.claim}` · {md(d.reason)}: {md(d.detail)}", ""]
        lines += [_quote(m) for m in d.left + d.right]
        lines.append("")
    lines += [f"## Agreements ({len(c.agreements)})", ""]
    for a in c.agreements:
        lines += [f"### {md(a.wording)}", f"`{a.claim}` · both {a.stance}", ""]
        lines += [_quote(m) for m in a.left + a.right]
        lines.append("")
    for side, items in ((L, c.unique_left), (R, c.unique_right)):
        lines += [f"## Only in {side} ({len(items)})", ""]
        lines += [f"- `{u.node}` ({u.kind}): {md(u.text)}" for u in items]
        lines.append("")
    lines += ["## How each shared claim reaches each thesis", ""]
    for p in c.paths:
        left = " → ".join(p.left) if p.left else "no path"
        right = " → ".join(p.right) if p.right else "no path"
        lines += [f"- `{p.claim}`", f"  - {L}: {left}" + (" (through attacks)" if p.left_via == "any" else ""),
                  f"  - {R}: {right}" + (" (through attacks)" if p.right_via == "any" else "")]
    lines.append("")
    return "\n".join(lines)
