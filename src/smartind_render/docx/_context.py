"""The state of one DOCX render: style ids, lists, notes, relationships, cleaned text."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from smartind_render.docx._numbering import Numbering
from smartind_render.docx._xml import Cleaner, escape

if TYPE_CHECKING:
    from smartind.document import Block, Note, Table

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


class Relationships:
    """One part's relationships, numbered in the order they are added (deterministic ids)."""

    def __init__(self, fixed: list[tuple[str, str]] | None = None) -> None:
        self.items: list[tuple[str, str, str, bool]] = []
        self._external: dict[str, str] = {}
        for kind, target in fixed or []:
            self.add(kind, target)

    def add(self, kind: str, target: str, external: bool = False) -> str:
        """A new relationship; returns its id."""
        rel_id = f"rId{len(self.items) + 1}"
        self.items.append((rel_id, kind, target, external))
        return rel_id

    def hyperlink(self, target: str) -> str:
        """The id of an external hyperlink to ``target`` (one per distinct target)."""
        rel_id = self._external.get(target)
        if rel_id is None:
            rel_id = self._external[target] = self.add(HYPERLINK, target, external=True)
        return rel_id

    def xml(self) -> bytes:
        """The relationships part."""
        rows = []
        for rel_id, kind, target, external in self.items:
            mode = ' TargetMode="External"' if external else ""
            rows.append(
                f'<Relationship Id="{rel_id}" Type="{kind}" Target="{escape(target)}"{mode}/>'
            )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{''.join(rows)}</Relationships>"
        ).encode()


class Writers(NamedTuple):
    """The writers that call back into the block walk, passed in rather than imported.

    A table holds paragraphs and a note holds blocks, while the block walk writes tables and the
    inline walk writes notes. Handing these three in through the context keeps the modules in one
    import direction (as pandoc's DOCX writer passes its block writer to tables and notes).
    """

    blocks: Callable[[Context, list[Block], list[str], str], None]
    """Append blocks whose paragraphs take the given paragraph style id."""
    table: Callable[[Context, Table, list[str]], None]
    """Append one table."""
    note: Callable[[Context, Note], int]
    """Render a note into the footnotes part and return its id."""


class Scope(NamedTuple):
    """Settings that hold for one part of the walk (the body, or a note) and end with it.

    Kept apart from what the walk accumulates (notes, lists, relationships, a pending page
    break), as pandoc's DOCX writer keeps its environment apart from its state: a note is
    written in a scope of its own, and the body's scope is back as the note ends.
    """

    rels: Relationships
    """The relationships of the part being written: hyperlinks are added here."""
    in_note: bool
    """Whether the walk is inside a footnote (Word has no notes inside notes)."""


class Context:
    """Everything the block and inline writers share during one render."""

    def __init__(
        self,
        styles: Mapping[str, str],
        numbering: Numbering,
        number_style: str,
        text_width: int,
        relationships: Relationships,
        *,
        writers: Writers,
    ) -> None:
        self.writers = writers
        self.styles = styles
        self.numbering = numbering
        self.number_style = number_style
        self.text_width = text_width
        self.cleaner = Cleaner()
        self.body_rels = relationships
        self.note_rels = Relationships()
        self.scope = Scope(rels=relationships, in_note=False)
        self.notes: list[str] = []
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

    def take_page_break(self) -> str:
        """``<w:pageBreakBefore/>`` if a page break is due, clearing it; else nothing."""
        if not self.page_break:
            return ""
        self.page_break = False
        return "<w:pageBreakBefore/>"

    def style(self, name: str) -> str:
        """The template's style id for a style name."""
        return self.styles[name.casefold()]
