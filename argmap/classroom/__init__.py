"""Classroom material: discussion questions, printable handouts and a static site.

* :mod:`argmap.classroom.questions`: discussion questions generated from a comparison.
* :mod:`argmap.classroom.handout`: the handout as HTML, Markdown or PDF.
* :mod:`argmap.classroom.site`: the static site, as a mapping of relative paths to bytes.
* :mod:`argmap.classroom.browser`: Debian's headless Chromium, driven over a pipe, for PDF printing.
"""

from __future__ import annotations

__all__: list[str] = []
