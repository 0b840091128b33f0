"""The renderer: walks the smartind document model and writes wrapped plain text.

Each ``match`` over a block or an inline ends in ``assert_never``, so that mypy names this file
when a future version of the document model adds a node type it does not handle yet.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar, assert_never

from smartind.document import (
    Align,
    Block,
    BulletList,
    Callout,
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
from smartind.errors import RenderError
from smartind_render import RenderOptions
from smartind_render.stamp import stamp_text

__all__ = ["PlainTextRenderer"]

DEFAULT_WIDTH = 72
MIN_WIDTH = 40


class PlainTextRenderer:
    """The ``plaintext`` format: UTF-8 text wrapped to a fixed width, tables in columns."""

    name: ClassVar[str] = "plaintext"
    media_type: ClassVar[str] = "text/plain"
    extension: ClassVar[str] = ".txt"

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """The whole document as text, ending with smartind's stamp line."""
        writer = _Writer(document, options.style or document.number_style, _width(options.extra))
        # Plain text has no comment syntax; "--" reads as a signature line.
        return stamp_text(writer.text(), comment=("--", "")).encode("utf-8")


def _width(extra: Mapping[str, str]) -> int:
    value = extra.get("width", str(DEFAULT_WIDTH))
    if not value.isdigit() or int(value) < MIN_WIDTH:
        raise RenderError(
            f"--option width={value}: the plaintext width must be a whole number of at least "
            f"{MIN_WIDTH} characters"
        )
    return int(value)


class _Writer:
    def __init__(self, document: Document, style: str, width: int) -> None:
        self.document = document
        self.style = style
        self.width = width
        self.notes: list[tuple[Block, ...]] = []

    def text(self) -> str:
        chunks = [self._cover(self.document.metadata)]
        numbers = heading_numbers(self.document.blocks)
        for index, block in enumerate(self.document.blocks):
            chunks.append(self._block(block, numbers.get(index), self.width))
        if self.notes:
            chunks.append(_underline("Noter", "-"))
            done = 0
            while done < len(self.notes):  # a note may hold notes of its own
                mark = f"[{done + 1}] "
                body = self._blocks(self.notes[done], self.width - len(mark))
                chunks.append(_hang(mark, body, " " * len(mark)))
                done += 1
        return "\n\n".join(chunk for chunk in chunks if chunk) + "\n\n"

    def _cover(self, metadata: Metadata) -> str:
        lines = [_underline(metadata.title, "=")]
        if metadata.subtitle:
            lines.append(self._wrap(metadata.subtitle, self.width))
        details = [
            metadata.organisation,
            ", ".join(metadata.case_numbers),
            " ".join(part for part in (metadata.place, metadata.date) if part),
        ]
        lines.append("\n".join(detail for detail in details if detail))
        return "\n\n".join(line for line in lines if line)

    # Blocks ---------------------------------------------------------------------------------

    def _blocks(self, blocks: Iterable[Block], width: int) -> str:
        return "\n\n".join(text for block in blocks if (text := self._block(block, None, width)))

    def _block(self, block: Block, number: str | None, width: int) -> str:
        match block:
            case Heading(level=level, content=content):
                title = self._inlines(content).replace("\n", " ")
                if number is not None:
                    title = f"{number} {title}"
                return _underline(title, "=-"[level - 1]) if level <= 2 else title
            case Paragraph(content=content):
                return self._wrap(self._inlines(content), width)
            case BulletList(items=items):
                return self._list(["- "] * len(items), items, width)
            case OrderedList(items=items, start=start):
                return self._list([f"{start + i}. " for i in range(len(items))], items, width)
            case Table():
                return self._table(block)
            case Callout(title=title, blocks=inner):
                body = self._blocks(inner, width - 2)
                box = f"{self._inlines(title).upper()}\n\n{body}" if body else self._inlines(title)
                return "\n".join(f"| {line}".rstrip() for line in box.split("\n"))
            case TableOfContents(title=title, depth=depth):
                return self._contents(title, depth)
            case PageBreak():
                return "\f"
            case ComputedBlock(blocks=inner):
                # Blocks computed from data: plain text has nothing to mark them with.
                return self._blocks(inner, width)
            case _:
                assert_never(block)

    def _list(self, marks: Sequence[str], items: Sequence[Sequence[Block]], width: int) -> str:
        out = []
        for mark, item in zip(marks, items, strict=True):
            body = self._blocks(item, width - len(mark))
            out.append(_hang(mark, body, " " * len(mark)))
        return "\n".join(out)

    def _contents(self, title: str, depth: int) -> str:
        blocks = self.document.blocks
        lines = [_underline(title, "-")]
        for index, number in heading_numbers(blocks).items():
            heading = blocks[index]
            assert isinstance(heading, Heading)
            if heading.level <= depth:
                text = plain_text(heading.content, self.style)
                lines.append(f"{'  ' * (heading.level - 1)}{number} {text}")
        return "\n".join(lines)

    def _table(self, table: Table) -> str:
        grid = [self._row(row, len(table.columns)) for row in table.rows]
        widths = [max((len(c[i]) for c in grid), default=0) for i in range(len(table.columns))]
        aligns = [spec.align for spec in table.columns]
        lines = [self._inlines(table.caption)] if table.caption else []
        kinds = [row.kind for row in table.rows]
        for index, cells in enumerate(grid):
            kind = kinds[index]
            if kind is RowKind.TOTAL:
                lines.append(_rule(widths))
            lines.append(
                "  ".join(_fit(c, w, a) for c, w, a in zip(cells, widths, aligns, strict=True))
            )
            if kind is RowKind.HEAD and kinds[index + 1 : index + 2] != [RowKind.HEAD]:
                lines.append(_rule(widths))
        return "\n".join(line.rstrip() for line in lines)

    def _row(self, row: Row, columns: int) -> list[str]:
        # A spanning cell's text goes in its first column; plain text has no merged cells.
        cells: list[str] = []
        for cell in row.cells:
            cells.append(self._inlines(cell.content).replace("\n", " "))
            cells.extend([""] * (cell.colspan - 1))
        return cells[:columns]

    # Inlines --------------------------------------------------------------------------------

    def _inlines(self, inlines: Iterable[Inline]) -> str:
        return "".join(self._inline(inline) for inline in inlines)

    def _inline(self, inline: Inline) -> str:
        match inline:
            case Text(text=text):
                return text
            case Emphasis(content=content) | Strong(content=content):
                return self._inlines(content)
            case Link(content=content, target=target):
                text = self._inlines(content)
                return f"{text} <{target}>" if text and text != target else f"<{target}>"
            case Note(blocks=blocks):
                self.notes.append(blocks)
                return f"[{len(self.notes)}]"
            case Number():
                return inline.text(self.style)
            case LineBreak():
                return "\n"
            case Computed(content=content):
                return self._inlines(content)
            case _:
                assert_never(inline)

    def _wrap(self, text: str, width: int) -> str:
        # Numbers carry no-break spaces, which textwrap leaves alone: "20 197" never splits.
        return "\n".join(
            textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
            for line in text.split("\n")
        )


def _underline(text: str, char: str) -> str:
    return f"{text}\n{char * len(text)}"


def _hang(mark: str, body: str, indent: str) -> str:
    first, *rest = body.split("\n") if body else [""]
    return "\n".join([mark + first, *(indent + line if line else line for line in rest)])


def _rule(widths: Sequence[int]) -> str:
    return "  ".join("-" * width for width in widths)


def _fit(text: str, width: int, align: Align) -> str:
    match align:
        case Align.LEFT:
            return text.ljust(width)
        case Align.RIGHT:
            return text.rjust(width)
        case Align.CENTER:
            return text.center(width)
        case _:
            assert_never(align)
