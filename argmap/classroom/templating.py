"""Jinja2 templates and static assets shipped inside the package, and SVG made fit to inline.

HTML templates autoescape everything (``.html``); the Markdown template does its own
escaping with the ``md`` filter.  Every printed text gets curly quotation marks
(:func:`~argmap.classroom.wording.smart_quotes`), and the filters ``count``, ``end``,
``inside`` and ``number_word`` of :mod:`argmap.classroom.wording` phrase counts and sentences;
``verbatim`` shows an essay's own text exactly as it is.

>>> environment().from_string("<p>{{ value }}</p>").render(value="<b>&</b>")
'<p>&lt;b&gt;&amp;&lt;/b&gt;</p>'
>>> environment().from_string("{{ n|count('line') }}; {{ t|end }}").render(n=1, t="Israel's move.")
'1 line; Israel’s move.'
>>> md_escape("a*b* | c")
'a\\\\*b\\\\* \\\\| c'
>>> inline_svg(b'<?xml version="1.0"?>\\n<!DOCTYPE svg>\\n<!-- x -->\\n<svg width="10pt"><g id="a&#45;&#45;B"/></svg>\\n')
'<svg width="10pt"><g id="a--B"/></svg>'
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from argmap.classroom.wording import count, end, inside, number_word, smart_quotes

if TYPE_CHECKING:
    import jinja2

__all__ = ["asset", "environment", "inline_svg", "md_escape", "render"]

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)


def asset(name: str) -> bytes:
    """A file under ``argmap/classroom/static/``, as bytes."""
    return files("argmap.classroom").joinpath("static", name).read_bytes()


def md_escape(text: object) -> str:
    """Text safe to put in Markdown (and in a table cell): :func:`argmap.text.safe.markdown_text`.

    >>> print(md_escape("Israel | Iran *now*"))
    Israel \\| Iran \\*now\\*
    >>> md_escape(3)
    '3'
    """
    from argmap.text.safe import markdown_text

    return markdown_text(text)


def _shown(value: Any) -> Any:
    """Every value a template prints, with characters that would act made visible (bidi overrides, controls)."""
    from markupsafe import Markup

    from argmap.text.safe import visible

    if isinstance(value, Markup):
        return Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


def inline_svg(svg: bytes) -> str:
    """Graphviz SVG without its XML prolog, doctype and comments, ready to place inside HTML.

    Graphviz writes every ``-`` as ``&#45;``; it needs no escaping, so it is written plainly
    (element ids such as ``claim--russia-silent`` then read as they are).
    """
    return _PROLOG.sub("", svg.decode("utf-8")).strip().replace("&#45;", "-")


def _typeset(value: Any) -> Any:
    """What every ``{{ … }}`` prints: plain text gets curly quotes; markup marked safe (CSS, SVG, JSON) is left alone."""
    import markupsafe

    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return smart_quotes(value)
    return value


def _verbatim(text: str) -> Any:
    """Essay text shown as it is (escaped, but its quotation marks left alone): ``{{ text|verbatim }}``."""
    import markupsafe

    return markupsafe.escape(text)


ROLES = {"thesis": "its thesis", "premise": "a premise", "evidence": "evidence", "conclusion": "a conclusion",
         "objection": "an objection it answers", "assumption": "an unstated assumption"}
"""A node's kind as the role it plays in its essay, for the handout's lists."""


@cache
def environment() -> jinja2.Environment:
    """The template environment (built once): strict undefined, HTML autoescaped."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("argmap.classroom", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=lambda value: _shown(_typeset(value)),  # curly quotes, then controls and overrides made visible
    )
    from argmap.format.relations import RELATION_LABELS

    env.globals["relation_labels"] = RELATION_LABELS
    from argmap.classroom.wording import essay_title, untitled

    env.filters["essay_title"] = essay_title
    env.globals["untitled"] = untitled
    env.globals["role"] = ROLES.get
    env.filters.update(md=md_escape, count=count, end=end, inside=inside, number_word=number_word, verbatim=_verbatim)
    return env


def render(template: str, **context: Any) -> str:
    """Render one template of ``argmap/classroom/templates/``."""
    return environment().get_template(template).render(**context)
