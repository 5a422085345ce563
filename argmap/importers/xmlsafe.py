"""Safe reading of a flat XML document, with the position of every element.

Only what the corpus formats need: a root element and its children, each with its
attributes and text (CDATA included).  The parser is expat, configured so that nothing
from outside the document is read and nothing is expanded:

* an entity declaration (``<!ENTITY``), an internal DTD subset and any reference to an
  entity the document does not define are refused, so there is no entity expansion
  (billion laughs) and no external entity (file or network) is ever read;
* a ``<!DOCTYPE`` that only names an external DTD (``<!DOCTYPE arggraph SYSTEM
  "arggraph.dtd">``, as corpus files may carry) is allowed: expat never loads it;
* deeper nesting than root and children is refused.

>>> root = parse_flat_xml(b'<g id="x"><e id="e1"><![CDATA[A < B]]></e></g>', "t.xml")
>>> root.tag, root.attrs, [(c.tag, c.text, c.line, c.column) for c in root.children]
('g', {'id': 'x'}, [('e', 'A < B', 1, 11)])
>>> try:
...     parse_flat_xml(b'<!DOCTYPE g [<!ENTITY x "y">]><g/>', "t.xml")
... except InvalidInput as exc:
...     print(exc.diagnostics[0].line, exc.diagnostics[0].column, exc.diagnostics[0].message[:40])
1 13 malformed XML: a DTD inside the document
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

from argmap.errors import Diagnostic, InvalidInput

__all__ = ["XmlElement", "parse_flat_xml", "xml_error"]


@dataclass
class XmlElement:
    """One element: tag, attributes, text (children's text excluded), 1-based line and column."""

    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    text: str = ""
    children: list[XmlElement] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def xml_error(path: str, line: int, column: int, message: str, hint: str | None = None) -> InvalidInput:
    """The located error for a problem in an XML file."""
    return InvalidInput(f"cannot import {path}", [Diagnostic(path, line, column, message, hint=hint)])


def parse_flat_xml(data: bytes, path: str) -> XmlElement:
    """The root element of ``data`` with its children; :class:`~argmap.errors.InvalidInput` when malformed."""
    parser = expat.ParserCreate()
    stack: list[XmlElement] = []
    root: list[XmlElement] = []

    def refuse(message: str) -> NoReturn:
        raise _Refused(message, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)

    def start(tag: str, attrs: dict[str, str]) -> None:
        el = XmlElement(tag, dict(attrs), parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        if len(stack) >= 2:
            refuse(f"<{tag}> nested inside <{stack[-1].tag}>; this format has no elements at that depth")
        (stack[-1].children if stack else root).append(el)
        stack.append(el)

    def end(tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack:
            stack[-1].text += data

    def doctype(name: str, sysid: str | None, pubid: str | None, has_internal_subset: int) -> None:
        if has_internal_subset:
            refuse("a DTD inside the document is refused (entity declarations are never expanded)")

    def entity(*_: object) -> None:
        refuse("an entity declaration is refused (entities are never expanded)")

    def skipped(name: str, is_parameter_entity: int) -> None:
        refuse(f"reference to an undefined entity '&{name};'")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.SkippedEntityHandler = skipped
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise xml_error(path, exc.lineno, exc.offset + 1,
                        f"malformed XML: {expat.ErrorString(exc.code)}") from None
    except _Refused as exc:
        raise xml_error(path, exc.line, exc.column, f"malformed XML: {exc.message}") from None
    except ValueError as exc:  # expat refuses some declared encodings (UTF-7, multi-byte ones) this way
        raise xml_error(path, 1, 1, f"malformed XML: {exc} (declare encoding=\"UTF-8\")") from None
    if not root:
        raise xml_error(path, 1, 1, "malformed XML: no root element")
    return root[0]
