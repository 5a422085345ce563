"""Jinja2 templates and static assets shipped inside the package, and SVG made fit to inline.

HTML templates autoescape everything (``.html``); the Markdown template does its own
escaping with the ``md`` filter.

>>> environment().from_string("<p>{{ value }}</p>").render(value="<b>&</b>")
'<p>&lt;b&gt;&amp;&lt;/b&gt;</p>'
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

if TYPE_CHECKING:
    import jinja2

__all__ = ["asset", "environment", "inline_svg", "md_escape", "render"]

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)


def asset(name: str) -> bytes:
    """A file under ``argmap/classroom/static/``, as bytes."""
    return files("argmap.classroom").joinpath("static", name).read_bytes()


def md_escape(text: object) -> str:
    """Text safe to put in Markdown (and in a table cell): :func:`argmap.textsafe.markdown_text`."""
    from argmap.textsafe import markdown_text

    return markdown_text(text)


def _shown(value: Any) -> Any:
    """Every value a template prints, with characters that would act made visible (bidi overrides, controls)."""
    from markupsafe import Markup

    from argmap.textsafe import visible

    if isinstance(value, Markup):
        return Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


def inline_svg(svg: bytes) -> str:
    """Graphviz SVG without its XML prolog, doctype and comments, ready to place inside HTML.

    Graphviz writes every ``-`` as ``&#45;``; it needs no escaping, so it is written plainly
    (element ids such as ``claim--russia-silent`` then read as they are).
    """
    return _PROLOG.sub("", svg.decode("utf-8")).strip().replace("&#45;", "-")


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
        finalize=_shown,
    )
    env.filters["md"] = md_escape
    return env


def render(template: str, **context: Any) -> str:
    """Render one template of ``argmap/classroom/templates/``."""
    return environment().get_template(template).render(**context)
