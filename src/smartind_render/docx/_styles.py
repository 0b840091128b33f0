"""Finding the styles smartind needs in a reference document, by name.

Word stores built-in styles under their English names ("heading 1", "footnote text") whatever
the user interface language, while the style ids vary ("Rubrik1" in a Swedish template). So
smartind looks styles up by name, case-insensitively, and writes the id it found. A style the
template lacks is copied from smartind's own reference document, with a warning.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

from smartind_render.docx._xml import W

PARAGRAPH_STYLES = (
    "Normal",
    "Body Text",
    "Title",
    "Subtitle",
    "Cover Details",
    "Signature",
    "heading 1",
    "heading 2",
    "heading 3",
    "heading 4",
    "List Bullet",
    "List Number",
    "caption",
    "Table Text",
    "Table Heading",
    "footnote text",
    "Callout Title",
    "Callout Text",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
    "toc 4",
    "footer",
)
CHARACTER_STYLES = ("footnote reference", "Hyperlink")
TABLE_STYLES = ("Report Table", "Callout Box")
NEEDED = PARAGRAPH_STYLES + CHARACTER_STYLES + TABLE_STYLES
HEADINGS = ("heading 1", "heading 2", "heading 3", "heading 4")


def by_name(root: Any) -> dict[str, Any]:
    """A ``w:styles`` element's styles by casefolded name (the id where a style has no name);
    the first of a name wins, as in Word."""
    found: dict[str, Any] = {}
    for style in root.iter(f"{W}style"):
        name = style.find(f"{W}name")
        key = (name.get(f"{W}val") if name is not None else style.get(f"{W}styleId")) or ""
        found.setdefault(key.casefold(), style)
    return found


def resolve(theirs: Any, ours: Any, source: str) -> dict[str, str]:
    """Style ids in ``theirs`` for every needed style name, copying missing ones from ``ours``.

    ``theirs`` (the template's ``w:styles`` element) is changed in place. Returns a mapping from
    the casefolded style name to its id.
    """
    from copy import deepcopy

    their_index = by_name(theirs)
    our_index = by_name(ours)
    our_names = {
        style.get(f"{W}styleId"): key for key, style in our_index.items() if style is not None
    }
    ids = {style.get(f"{W}styleId") for style in theirs.iter(f"{W}style")}
    result: dict[str, str] = {}
    copied: list[Any] = []
    for name in NEEDED:
        key = name.casefold()
        style = their_index.get(key)
        if style is None:
            style = deepcopy(our_index[key])
            style_id = style.get(f"{W}styleId")
            if style_id in ids:
                style_id = f"Smartind{style_id}"
                style.set(f"{W}styleId", style_id)
            ids.add(style_id)
            if key in HEADINGS:
                # Our heading numbering refers to our numbering part; it is re-added later.
                for num_pr in style.iter(f"{W}numPr"):
                    num_pr.getparent().remove(num_pr)
            theirs.append(style)
            their_index[key] = style
            copied.append(style)
            from smartind.errors import SmartindWarning

            warnings.warn(
                f"the reference document {source} has no style named {name!r}; smartind's own "
                f"{name!r} style is used instead (add the style to the template to control it)",
                SmartindWarning,
                stacklevel=5,
            )
        result[key] = style.get(f"{W}styleId")
    # Copied styles name their base and next style by our ids; translate through the names.
    for style in copied:
        for tag in ("basedOn", "next", "link"):
            ref = style.find(f"{W}{tag}")
            if ref is None:
                continue
            target = their_index.get(our_names.get(ref.get(f"{W}val"), ""))
            if target is None:
                style.remove(ref)
            else:
                ref.set(f"{W}val", target.get(f"{W}styleId"))
    return result


def heading_styles_without_numbering(root: Any, ids: Mapping[str, str]) -> list[Any]:
    """The heading 1-4 style elements that carry no list numbering of their own."""
    by_id = {style.get(f"{W}styleId"): style for style in root.iter(f"{W}style")}
    bare = []
    for name in HEADINGS:
        style = by_id[ids[name]]
        if style.find(f"{W}pPr/{W}numPr") is None:
            bare.append(style)
    return bare


def add_numbering(style: Any, level: int, num_id: int) -> None:
    """Tie a heading style to list ``num_id`` at ``level`` (0-based)."""
    from lxml import etree

    ppr = style.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.SubElement(style, f"{W}pPr")
        # pPr goes before rPr and table properties in a style.
        for later in ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr"):
            found = style.find(f"{W}{later}")
            if found is not None:
                found.addprevious(ppr)
                break
    num_pr = etree.Element(f"{W}numPr")
    etree.SubElement(num_pr, f"{W}ilvl").set(f"{W}val", str(level))
    etree.SubElement(num_pr, f"{W}numId").set(f"{W}val", str(num_id))
    # numPr follows pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl.
    before = {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl"}
    index = 0
    for i, child in enumerate(ppr):
        if etree.QName(child).localname in before:
            index = i + 1
    ppr.insert(index, num_pr)


def set_language(root: Any, language: str) -> None:
    """Make ``language`` the documents' default proofing language (``w:lang`` in docDefaults)."""
    from lxml import etree

    defaults = root.find(f"{W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{W}docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(f"{W}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(f"{W}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{W}rPr")
    lang = rpr.find(f"{W}lang")
    if lang is None:
        lang = etree.SubElement(rpr, f"{W}lang")
        # lang is one of the last run properties; only eastAsianLayout and later follow it.
        for later in ("eastAsianLayout", "specVanish", "oMath"):
            found = rpr.find(f"{W}{later}")
            if found is not None:
                found.addprevious(lang)
                break
    lang.set(f"{W}val", language)
