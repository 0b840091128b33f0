"""The Markdown renderer's walk over the document model: one method per node type.

Blocks render to strings without a final newline; the caller joins them with blank lines and
prefixes them for block quotes, list items and footnote definitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import assert_never

from attrs import evolve, frozen

from smartind.document import (
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    ColumnSpec,
    Computed,
    ComputedBlock,
    Document,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    Metadata,
    Note,
    Number,
    OrderedList,
    PageBreak,
    Paragraph,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
    heading_numbers,
    plain_text,
)
from smartind_render.markdown._escape import (
    BREAK,
    destination,
    escape,
    line_start,
    safe_link,
    slug,
)

__all__ = ["TocEntry", "Writer"]

_HEAD_JOIN = ", "


@frozen
class TocEntry:
    """A heading as the table of contents lists it."""

    level: int
    label: str
    anchor: str


@frozen
class _Context:
    """Where inlines are being written; decides line breaks, nesting and notes."""

    one_line: bool = False
    """Headings and table cells: a hard line break becomes a space."""
    in_emphasis: bool = False
    in_strong: bool = False
    in_link: bool = False
    outline: bool = False
    """Contents entries: no notes, no links."""


class Writer:
    """Renders one document; create a new one per render."""

    def __init__(self, document: Document, style: str, toc: Sequence[TocEntry] = ()) -> None:
        self.document = document
        self.style = style
        self.toc = tuple(toc)
        self.headings: list[TocEntry] = []
        self._anchors: dict[str, int] = {}
        self._notes: list[tuple[Block, ...]] = []
        self._deferred_notes: list[str] = []

    # ----------------------------------------------------------------------------------------
    # The document

    def document_body(self) -> str:
        """The whole document without its stamp, ending in a blank line."""
        chunks = [self._title(self.document.metadata)]
        numbers = heading_numbers(self.document.blocks)
        for index, block in enumerate(self.document.blocks):
            chunks.append(self._block(block, numbers.get(index)))
        done = 0
        while done < len(self._notes):
            # A note's blocks may hold notes of their own; they are numbered after it.
            chunks.append(self._note_definition(done + 1, self._notes[done]))
            done += 1
        return "\n\n".join(chunk for chunk in chunks if chunk) + "\n\n"

    def _title(self, metadata: Metadata) -> str:
        chunks = [self._heading_line(1, escape(metadata.title), metadata.title)]
        if metadata.subtitle:
            chunks.append(line_start(escape(metadata.subtitle)))
        lines: list[str] = []
        if metadata.organisation:
            lines.append(escape(metadata.organisation))
        if metadata.case_numbers:
            lines.append(_labelled("Diarienummer", ", ".join(metadata.case_numbers)))
        when = " ".join(part for part in (metadata.place, metadata.date) if part)
        if when:
            lines.append(_labelled("Ort och datum", when))
        if metadata.decided_by is not None:
            lines.append(_labelled("Beslutsfattare", str(metadata.decided_by)))
        if metadata.case_officers:
            officers = ", ".join(str(person) for person in metadata.case_officers)
            lines.append(_labelled("Handläggare", officers))
        if metadata.presenter is not None:
            lines.append(_labelled("Föredragande", str(metadata.presenter)))
        if lines:
            chunks.append("\\\n".join(line_start(line) for line in lines))
        return "\n\n".join(chunks)

    # ----------------------------------------------------------------------------------------
    # Blocks

    def _blocks(self, blocks: Iterable[Block]) -> str:
        return "\n\n".join(chunk for block in blocks if (chunk := self._block(block, None)))

    def _block(self, block: Block, number: str | None) -> str:
        match block:
            case Heading():
                return self._heading(block, number)
            case Paragraph(content=content):
                return self._paragraph(content)
            case BulletList(items=items):
                return self._list(["- "] * len(items), items)
            case OrderedList(items=items, start=start):
                markers = [f"{start + offset}. " for offset in range(len(items))]
                return self._list(markers, items)
            case Table():
                return self._table(block)
            case Callout(title=title, blocks=inner):
                heading = self._inlines(title, _Context(one_line=True, in_strong=True)).strip()
                parts = [f"**{heading}**"] if heading else []
                if body := self._blocks(inner):
                    parts.append(body)
                return _prefix("\n\n".join(parts), "> ", ">")
            case TableOfContents(title=title, depth=depth):
                return self._contents(title, depth)
            case PageBreak():
                # Markdown has no pages.
                return ""
            case ComputedBlock(blocks=inner):
                return self._blocks(inner)
            case _:
                assert_never(block)

    def _heading(self, heading: Heading, number: str | None) -> str:
        text = self._inlines(heading.content, _Context(one_line=True)).strip()
        label = self._inlines(heading.content, _Context(one_line=True, outline=True)).strip()
        plain = plain_text(heading.content, self.style)
        if number is not None:
            text, label, plain = f"{number} {text}", f"{number} {label}", f"{number} {plain}"
        return self._heading_line(heading.level + 1, text, plain, label, listed=number is not None)

    def _heading_line(
        self, level: int, text: str, plain: str, label: str | None = None, *, listed: bool = True
    ) -> str:
        anchor = self._anchor(plain)
        if listed:
            # Unnumbered headings stay out of the contents (see TableOfContents).
            self.headings.append(TocEntry(level - 1, label if label is not None else text, anchor))
        return f"{'#' * level} {text}".rstrip()

    def _anchor(self, plain: str) -> str:
        base = slug(plain)
        count = self._anchors.get(base, 0)
        self._anchors[base] = count + 1
        return f"{base}-{count}" if count else base

    def _contents(self, title: str, depth: int) -> str:
        heading = self._heading_line(2, escape(title), title)
        self.headings.pop()  # the contents do not list themselves
        lines: list[str] = []
        nesting = -1
        for entry in self.toc:
            if entry.level < 1 or entry.level > depth:
                continue
            # A list can only nest one level deeper at a time.
            nesting = min(entry.level - 1, nesting + 1)
            lines.append(f"{'  ' * nesting}- [{entry.label}](#{destination(entry.anchor)})")
        return "\n\n".join([heading, "\n".join(lines)]) if lines else heading

    def _paragraph(self, content: Sequence[Inline]) -> str:
        text = self._inlines(content, _Context())
        lines = [line_start(line).rstrip(" ") for line in text.split(BREAK)]
        return "\\\n".join(line for line in lines if line)

    def _list(self, markers: Sequence[str], items: Sequence[Sequence[Block]]) -> str:
        rendered: list[str] = []
        for marker, item in zip(markers, items, strict=True):
            body = self._blocks(item)
            if not body:
                rendered.append(marker.rstrip())
                continue
            first, *rest = body.split("\n")
            indent = " " * len(marker)
            rendered.append(
                "\n".join([marker + first, *(indent + line if line else line for line in rest)])
            )
        loose = any("\n\n" in item for item in rendered)
        return ("\n\n" if loose else "\n").join(rendered)

    def _note_definition(self, number: int, blocks: Sequence[Block]) -> str:
        body = self._blocks(blocks) or "\\-"
        first, *rest = body.split("\n")
        return "\n".join(
            [f"[^{number}]: {first}", *("    " + line if line else line for line in rest)]
        )

    # ----------------------------------------------------------------------------------------
    # Tables

    def _table(self, table: Table) -> str:
        width = len(table.columns)
        head_rows = [self._cells(row, spread=True) for row in table.head]
        header = [
            _HEAD_JOIN.join(_distinct(row[column] for row in head_rows)) for column in range(width)
        ]
        aligns = [_align(spec, table, column) for column, spec in enumerate(table.columns)]
        lines = [_row(header), _row(aligns)]
        lines.extend(_row(self._cells(row, spread=False)) for row in table.body)
        chunks = []
        if table.caption:
            chunks.append(self._paragraph(table.caption))
        chunks.append("\n".join(lines))
        return "\n\n".join(chunks)

    def _cells(self, row: Row, *, spread: bool) -> list[str]:
        """The row's cells, one string per column; a spanning cell fills its first column.

        In header rows (``spread``) a spanning cell's text is repeated in every column it spans,
        because a pipe table has one header row and each column needs its own label.
        """
        total = row.kind is RowKind.TOTAL
        out: list[str] = []
        for cell in row.cells:
            text = self._cell(cell, strong=total)
            out.append(text)
            out.extend([text if spread else ""] * (cell.colspan - 1))
        return out

    def _cell(self, cell: Cell, *, strong: bool) -> str:
        text = self._inlines(cell.content, _Context(one_line=True, in_strong=strong)).strip()
        return _wrap(text, "**") if strong else text

    # ----------------------------------------------------------------------------------------
    # Inlines

    def _inlines(self, inlines: Iterable[Inline], context: _Context) -> str:
        return "".join(self._inline(inline, context) for inline in inlines)

    def _inline(self, inline: Inline, context: _Context) -> str:
        match inline:
            case Text(text=text):
                return escape(text)
            case Number():
                return escape(inline.text(self.style))
            case Emphasis(content=content):
                inner = self._inlines(content, evolve(context, in_emphasis=True))
                return inner if context.in_emphasis else _wrap(inner, "*")
            case Strong(content=content):
                inner = self._inlines(content, evolve(context, in_strong=True))
                return inner if context.in_strong else _wrap(inner, "**")
            case Link(content=content, target=target):
                return self._link(content, target, context)
            case Note(blocks=blocks):
                if context.outline:
                    return ""
                self._notes.append(blocks)
                reference = f"[^{len(self._notes)}]"
                if context.in_link:
                    # A note mark inside link text would be part of the link; set it after.
                    self._deferred_notes.append(reference)
                    return ""
                return reference
            case LineBreak():
                return " " if context.one_line else BREAK
            case Computed(content=content):
                return self._inlines(content, context)
            case _:
                assert_never(inline)

    def _link(self, content: Sequence[Inline], target: str, context: _Context) -> str:
        if context.in_link or context.outline or not safe_link(target):
            # Unsafe schemes (javascript:, file:) and links in links are shown as text.
            text = self._inlines(content, context)
            return text if text.strip() else escape(target)
        outer = self._deferred_notes
        self._deferred_notes = []
        text = self._inlines(content, evolve(context, in_link=True)).replace(BREAK, " ").strip()
        notes = "".join(self._deferred_notes)
        self._deferred_notes = outer
        return f"[{text or escape(target)}]({destination(target)}){notes}"


def _labelled(label: str, value: str) -> str:
    return f"**{label}:** {escape(value)}"


def _hang(marker: str, body: str, indent: int | None = None) -> str:
    """``body`` after ``marker``, its further lines indented to the marker's width."""
    first, *rest = body.split("\n")
    pad = " " * (len(marker) if indent is None else indent)
    return "\n".join([marker + first, *(pad + line if line else line for line in rest)])


def _prefix(text: str, prefix: str, empty: str) -> str:
    return "\n".join(prefix + line if line else empty for line in text.split("\n"))


def _wrap(text: str, delimiter: str) -> str:
    """``text`` between emphasis delimiters, keeping its outer spaces and breaks outside.

    A delimiter next to a space does not open or close emphasis in CommonMark.
    """
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] == BREAK):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == BREAK):
        end -= 1
    if start == end:
        return text
    return f"{text[:start]}{delimiter}{text[start:end]}{delimiter}{text[end:]}"


def _distinct(texts: Iterable[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        if text and text not in out:
            out.append(text)
    return out


def _align(spec: ColumnSpec, table: Table, column: int) -> str:
    align = spec.align
    if align is Align.LEFT and _numeric(table, column):
        align = Align.RIGHT
    match align:
        case Align.LEFT:
            return "---"
        case Align.CENTER:
            return ":---:"
        case Align.RIGHT:
            return "---:"
        case _:
            assert_never(align)


def _numeric(table: Table, column: int) -> bool:
    """Whether every filled body cell of the column holds numbers only (and one does)."""
    found = False
    for row in table.body:
        position = 0
        for cell in row.cells:
            if position == column and cell.colspan == 1 and cell.content:
                if not all(isinstance(inline, Number) for inline in cell.content):
                    return False
                found = True
            position += cell.colspan
    return found


def _row(cells: Sequence[str]) -> str:
    # One space either side of each cell, a single space in an empty one ("compact" style).
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"
