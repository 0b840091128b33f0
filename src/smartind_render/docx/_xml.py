"""WordprocessingML as lxml elements: names, a small element factory, unsafe characters.

Every value goes into the tree as an element's text or an attribute's value, so lxml escapes it;
no XML is written as text anywhere in the renderer.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"
R_ID = f"{{{R_NS}}}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NSMAP = {"w": W_NS, "r": R_NS}
_W_ONLY = {"w": W_NS}

Element = Any
"""An lxml element (lxml ships no type information this project's mypy setup reads)."""

# XML 1.0 allows tab, newline and carriage return below U+0020, no surrogates, and not U+FFFE/F.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT = "\ufffd"


def new(tag: str, nsmap: dict[str, str] | None = None) -> Element:
    """A new root element ``w:tag`` declaring the ``w`` and ``r`` prefixes (or ``nsmap``)."""
    return etree.Element(W + tag, nsmap=nsmap or NSMAP)


def sub(parent: Element, tag: str, attrib: dict[str, str] | None = None, **attrs: str) -> Element:
    """Append ``w:tag`` to ``parent``; keyword attributes are in the ``w`` namespace."""
    element = etree.SubElement(parent, W + tag, attrib)
    for name, value in attrs.items():
        element.set(W + name, value)
    return element


def make(tag: str, nsmap: dict[str, str] | None = None, **attrs: str) -> Element:
    """A detached ``w:tag`` element, to be inserted later at a position the schema wants.

    It declares the ``w`` prefix only (or ``nsmap``); lxml drops the declaration again when the
    element is inserted under one that already has it.
    """
    element = etree.Element(W + tag, nsmap=nsmap or _W_ONLY)
    for name, value in attrs.items():
        element.set(W + name, value)
    return element


def clone(parent: Element, template: Element) -> Element:
    """Append a copy of ``template`` to ``parent`` and return it.

    Copying a small prepared subtree (a paragraph with its style, a run with its text element) is
    done by lxml in C and costs a third of building the same elements one call at a time; a
    report has thousands of them.
    """
    element = template.__copy__()
    parent.append(element)
    return element


def text(parent: Element, value: str) -> Element:
    """Append ``<w:t xml:space="preserve">value</w:t>``."""
    element = etree.SubElement(parent, W + "t")
    element.set(XML_SPACE, "preserve")
    element.text = value
    return element


def serialize(root: Element) -> bytes:
    """A part's bytes: UTF-8 with the standalone declaration Word writes."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


class Cleaner:
    """Replaces characters XML cannot hold and remembers them for one warning per render."""

    def __init__(self) -> None:
        self.count = 0
        self.first: str | None = None

    def clean(self, text: str) -> str:
        """``text`` with every character XML cannot hold replaced by U+FFFD."""
        if _UNSAFE.search(text) is None:
            return text
        found = _UNSAFE.findall(text)
        self.count += len(found)
        if self.first is None:
            self.first = text
        return _UNSAFE.sub(_REPLACEMENT, text)

    def warn(self) -> None:
        """Issue one ``SmartindWarning`` if anything was replaced."""
        if not self.count:
            return
        from smartind.errors import SmartindWarning

        sample = (self.first or "")[:60]
        warnings.warn(
            f"DOCX output: replaced {self.count} control character(s) that a Word file cannot "
            f"hold with U+FFFD, first in the text {sample!r}; remove them from the report's data "
            f"or chapters",
            SmartindWarning,
            stacklevel=4,
        )
