"""Content controls: every figure from data sits in a ``w:sdt`` that ``smartind refresh`` can find.

A control's tag is ``smartind:`` followed by its source, the name
:class:`~smartind.document.Computed` and :class:`~smartind.document.ComputedBlock` carry
(``smartind:03-genomforande.md#implementation | length``).
Its title (``w:alias``) says, in the report's Swedish, that the text comes from data; Word shows
it on the control's frame when the cursor is inside. The frame is never printed, the text keeps
the paragraph's own formatting (no placeholder colour) and the control is not locked: a writer
may delete a sentence with its figure, and ``refresh`` then reports the figure as deleted.

What smartind last wrote into each control is kept as a digest of its text in the draft's
manifest (:mod:`smartind_render.docx._manifest`), so a later refresh can tell a control the
writer edited by hand from one that is still as rendered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

from smartind_render.docx._context import Context
from smartind_render.docx._xml import Element, W, clone, make, sub

TAG_PREFIX = "smartind:"
TITLE = "Från data"
"""The control's title; the source follows it (``Från data: 03-genomforande.md#...``)."""

_T = f"{W}t"
_TAB = f"{W}tab"
_BR = f"{W}br"
_CR = f"{W}cr"
_P = f"{W}p"
_TR = f"{W}tr"
_TC = f"{W}tc"
_NOTE_REF = f"{W}footnoteReference"
_DEL = f"{W}del"
_SDT = f"{W}sdt"
_SDT_PR = f"{W}sdtPr"
_SDT_CONTENT = f"{W}sdtContent"
_TAG = f"{W}tag"
_TEXT_TAGS = (_T, _TAB, _BR, _CR, _NOTE_REF, _DEL, _P, _TR, _TC)
_STRUCTURE = (_TAB, _BR, _CR, _NOTE_REF, _DEL, _P, _TR, _TC)
"""What makes a control's text more than the join of its ``w:t`` elements."""


def open_control(ctx: Context, parent: Element, source: str) -> tuple[Element, Element]:
    """Append a ``w:sdt`` for ``source`` to ``parent``; returns it and its content element."""
    template = ctx.templates.get("sdt")
    if template is None:
        template = ctx.templates["sdt"] = _template()
    sdt = clone(parent, template)
    alias, tag, number = sdt[0]
    alias.set(_VAL, f"{TITLE}: {source}")
    tag.set(_VAL, f"{TAG_PREFIX}{source}")
    number.set(_VAL, ctx.control_id())
    return sdt, sdt[1]


def _template() -> Element:
    sdt = make("sdt")
    properties = sub(sdt, "sdtPr")
    for name in ("alias", "tag", "id"):
        sub(properties, name)
    sub(sdt, "sdtContent")
    return sdt


_VAL = f"{W}val"


def source_of(sdt: Element) -> str | None:
    """The source a smartind control names, or None for any other ``w:sdt``."""
    tag = sdt.find(f"{_SDT_PR}/{_TAG}")
    value = tag.get(f"{W}val", "") if tag is not None else ""
    return value[len(TAG_PREFIX) :] if value.startswith(TAG_PREFIX) else None


def showing_placeholder(sdt: Element) -> bool:
    """Whether Word shows its placeholder text in the control (the writer emptied it)."""
    return sdt.find(f"{_SDT_PR}/{W}showingPlcHdr") is not None


def clear_placeholder(sdt: Element) -> None:
    """Mark the control as holding real content again, not Word's placeholder text."""
    for flag in sdt.findall(f"{_SDT_PR}/{W}showingPlcHdr"):
        flag.getparent().remove(flag)


def content_of(sdt: Element) -> Element | None:
    """The ``w:sdtContent`` of a control."""
    return sdt.find(_SDT_CONTENT)


def controls(root: Element) -> Iterator[tuple[str, Element]]:
    """Every smartind control under ``root`` with its source, in document order."""
    for sdt in root.iter(_SDT):
        source = source_of(sdt)
        if source is not None:
            yield source, sdt


def foreign_controls(root: Element) -> int:
    """How many content controls under ``root`` carry no smartind tag."""
    return sum(1 for sdt in root.iter(_SDT) if source_of(sdt) is None)


def text_of(element: Element, notes: Mapping[str, Element]) -> str:
    """The text a reader sees in ``element``, a paragraph or table row to a line.

    Cells are split by tabs, paragraphs within a cell by a space. A footnote mark brings its
    note's text in brackets, so an edit in a note a control placed counts as an edit of the
    control. Deleted text of tracked changes is left out (it is not there to read); inserted text
    is in.
    """
    from lxml import etree

    if next(element.iter(*_STRUCTURE), None) is None:
        # Runs of text only, the usual figure: lxml joins their text in one call.
        return "".join(element.itertext(_T)).strip("\n")
    lines: list[str] = []
    current: list[str] = []  # the paragraph (or run of text outside paragraphs) being read
    row: list[str] | None = None
    cell: list[str] | None = None
    walker = etree.iterwalk(element, events=("start", "end"), tag=_TEXT_TAGS)
    for event, node in walker:
        tag = node.tag
        if event == "start":
            if tag == _T:
                current.append(node.text or "")
            elif tag == _TAB:
                current.append("\t")
            elif tag in (_BR, _CR):
                current.append(" " if cell is not None else "\n")
            elif tag == _NOTE_REF:
                note = notes.get(node.get(f"{W}id", ""))
                if note is not None:
                    current.append(f"[{text_of(note, {}).replace(chr(10), ' ')}]")
            elif tag == _DEL:
                walker.skip_subtree()
            elif tag == _TR:
                if current:
                    lines.append("".join(current))
                    current.clear()
                row = []
            elif tag == _TC:
                cell = []
        elif tag == _P:
            if cell is not None:
                cell.append("".join(current))
            else:
                lines.append("".join(current))
            current.clear()
        elif tag == _TC and row is not None and cell is not None:
            row.append(" ".join(part for part in cell if part))
            cell = None
        elif tag == _TR and row is not None:
            lines.append("\t".join(row))
            row = None
    if current:
        lines.append("".join(current))
    return "\n".join(lines).strip("\n")


def digest(text: str) -> str:
    """The digest smartind keeps of a control's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
