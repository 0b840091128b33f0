"""The state of one DOCX render: style ids, lists, notes, relationships, cleaned text."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from smartind_render.docx._numbering import Numbering
from smartind_render.docx._xml import Cleaner, Element

if TYPE_CHECKING:
    from smartind.document import Block, Note, Table

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


class Writers(NamedTuple):
    """The writers that call back into the block walk, passed in rather than imported.

    A table holds paragraphs and a note holds blocks, while the block walk writes tables and the
    inline walk writes notes. Handing these three in through the context keeps the modules in one
    import direction (as pandoc's DOCX writer passes its block writer to tables and notes).
    """

    blocks: Callable[[Context, list[Block], Element, str], None]
    """Append blocks whose paragraphs take the given paragraph style id."""
    table: Callable[[Context, Table, Element], None]
    """Append one table."""
    note: Callable[[Context, Note], int]
    """Render a note into the footnotes part and return its id."""


class Scope(NamedTuple):
    """Settings that hold for one part of the walk (the body, or a note) and end with it.

    Kept apart from what the walk accumulates (notes, lists, relationships, a pending page
    break), as pandoc's DOCX writer keeps its environment apart from its state: a note is
    written in a scope of its own, and the body's scope is back as the note ends.
    """

    part: Any
    """The python-docx part being written (body or footnotes): hyperlinks are related from it."""
    in_note: bool
    """Whether the walk is inside a footnote (Word has no notes inside notes)."""


class Context:
    """Everything the block and inline writers share during one render (or one refresh)."""

    def __init__(
        self,
        styles: Mapping[str, str],
        numbering: Numbering,
        number_style: str,
        text_width: int,
        *,
        body_part: Any,
        notes_part: Any,
        footnotes: Element,
        writers: Writers,
        first_note_id: int = 1,
        first_control_id: int = 1,
    ) -> None:
        self.writers = writers
        self.styles = styles
        self.numbering = numbering
        self.number_style = number_style
        self.text_width = text_width
        self.cleaner = Cleaner()
        self.notes_part = notes_part
        self.footnotes = footnotes
        """The ``w:footnotes`` element notes are appended to."""
        self.scope = Scope(part=body_part, in_note=False)
        self.next_note_id = first_note_id
        self.next_control_id = first_control_id
        self.templates: dict[object, Element] = {}
        """Prepared elements the writers copy (a paragraph in a style, a run in a format, a
        content control), by what they are for. Kept per render, not per module: an lxml tree
        is best not shared between threads."""
        self.last_spacer: Element | None = None
        """The last spacer paragraph written, so a callout does not add a second one."""
        self.page_break = False
        """A page break is due before the next paragraph (set as its ``pageBreakBefore``)."""

    @contextmanager
    def within(self, scope: Scope) -> Iterator[None]:
        """Write in ``scope`` within the ``with`` block; the outer scope returns after it."""
        outer, self.scope = self.scope, scope
        try:
            yield
        finally:
            self.scope = outer

    def take_page_break(self) -> bool:
        """Whether a page break is due before this paragraph, clearing it."""
        due, self.page_break = self.page_break, False
        return due

    def hyperlink(self, target: str) -> str:
        """The id of an external hyperlink to ``target`` from the part being written."""
        return str(self.scope.part.relate_to(target, HYPERLINK, is_external=True))

    def control_id(self) -> str:
        """A fresh ``w:id`` for a content control."""
        value, self.next_control_id = self.next_control_id, self.next_control_id + 1
        return str(value)

    def style(self, name: str) -> str:
        """The template's style id for a style name."""
        return self.styles[name.casefold()]
