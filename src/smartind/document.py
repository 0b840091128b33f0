"""The document model: the one contract between smartind's core and every renderer.

A :class:`Document` is what :func:`smartind.compose.compose` builds from a report and what a
renderer (``smartind_render.Renderer``) turns into bytes. It is small and closed, in the spirit of
pandoc's AST: a ``Block`` union and an ``Inline`` union of frozen attrs classes. A renderer walks it
with ``match`` and ends each ``match`` in :func:`typing.assert_never`, so that mypy reports every
renderer that forgets a node type when one is added.

Numbers stay semantic: a :class:`Number` carries its exact ``Decimal`` value, its kind (amount,
per cent, count), its unit and an optional qualifier (*cirka*, *drygt*, ...). The renderer decides
how to typeset it, normally with :meth:`Number.text` in the document's number style.

Bump :data:`DOCUMENT_VERSION` whenever a node or field is added, removed or changes meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, TypeAlias, assert_never

import attrs
from attrs import field, frozen

from smartind.people import Person

__all__ = [
    "DOCUMENT_VERSION",
    "Align",
    "Block",
    "BulletList",
    "Callout",
    "Cell",
    "ColumnSpec",
    "Computed",
    "ComputedBlock",
    "Document",
    "Emphasis",
    "Heading",
    "Inline",
    "LineBreak",
    "Link",
    "Metadata",
    "Note",
    "Number",
    "NumberKind",
    "OrderedList",
    "PageBreak",
    "Paragraph",
    "Person",
    "Row",
    "RowKind",
    "Strong",
    "Table",
    "TableOfContents",
    "Text",
    "heading_numbers",
    "iter_blocks",
    "iter_inlines",
    "plain_text",
    "unwrap_computed",
]

DOCUMENT_VERSION = 2
"""Version of the model; stored in every :class:`Document` and in its JSON form."""


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str | bytes):
        # A str is iterable; turning "abc" into ("a", "b", "c") would hide a caller's mistake.
        raise TypeError(f"expected a sequence of nodes, got the string {value!r}")
    return tuple(value)


def _items(items: Iterable[Iterable[Any]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(_tuple(item) for item in _tuple(items))


# --------------------------------------------------------------------------------------------
# Inlines


@frozen
class Text:
    """Literal text. Renderers escape it for their format; it is never parsed as markup."""

    text: str


@frozen
class Emphasis:
    """Emphasised (italic) inlines."""

    content: tuple[Inline, ...] = field(converter=_tuple)


@frozen
class Strong:
    """Strongly emphasised (bold) inlines."""

    content: tuple[Inline, ...] = field(converter=_tuple)


@frozen
class Link:
    """A hyperlink; ``target`` is an absolute http, https or mailto address."""

    content: tuple[Inline, ...] = field(converter=_tuple)
    target: str


@frozen
class Note:
    """A footnote, placed where its reference mark goes and holding the note's blocks.

    Renderers number notes in document order, starting at 1.
    """

    blocks: tuple[Block, ...] = field(converter=_tuple)


@frozen
class LineBreak:
    """A hard line break inside a paragraph or cell."""


class NumberKind(enum.Enum):
    """What a :class:`Number` counts; it decides how the value is typeset."""

    AMOUNT = "amount"
    """Money. ``value`` is in kronor; ``unit`` (kr, tkr, mkr, mnkr, mdkr) is the unit shown."""
    PERCENT = "percent"
    """A share. ``value`` is a ratio (0.76 is shown as 76 %)."""
    COUNT = "count"
    """A plain number; ``unit`` is an optional noun such as ``företag``."""


@frozen
class Number:
    """A number that keeps its meaning until a renderer typesets it.

    ``qualifier`` is an approximation word written before the number (*cirka*, *drygt*, *knappt*,
    *över*, *fler än*, *närmare*). ``show_unit=False`` prints the digits alone, as in a table whose
    caption states the unit.
    """

    value: Decimal = field(validator=attrs.validators.instance_of(Decimal))
    kind: NumberKind
    unit: str | None = None
    qualifier: str | None = None
    decimals: int = 0
    show_unit: bool = True

    def displayed(self, *, rounded: bool = True) -> Decimal:
        """The value in the unit the reader sees, rounded half-up as printed.

        An amount in its ``unit`` (20 197 000 kr shown in tkr gives ``20197``), a per cent in
        per cent (0.7557 gives ``76``), a count as it is; each to ``decimals`` places.
        ``rounded=False`` gives the exact value in that unit.
        """
        from smartind import numbers

        match self.kind:
            case NumberKind.AMOUNT:
                value = numbers.Amount(self.value).to(self.unit or "kr")
            case NumberKind.PERCENT:
                value = self.value * 100
            case NumberKind.COUNT:
                value = self.value
        return numbers.round_half_up(value, self.decimals) if rounded else value

    def text(self, style: str = "tillvaxtverket") -> str:
        """The number as Swedish text in the named number style, e.g. ``cirka 2,5 mkr``."""
        from smartind import numbers

        match self.kind:
            case NumberKind.AMOUNT:
                digits = numbers.format_amount(
                    numbers.Amount(self.value),
                    self.unit or "kr",
                    decimals=self.decimals,
                    style=style,
                    show_unit=self.show_unit,
                )
            case NumberKind.PERCENT:
                digits = numbers.format_percent(self.value, decimals=self.decimals, style=style)
            case NumberKind.COUNT:
                digits = numbers.format_number(self.value, decimals=self.decimals, style=style)
                if self.unit and self.show_unit:
                    digits = f"{digits} {self.unit}"
        return f"{self.qualifier} {digits}" if self.qualifier else digits


def _check_source(_instance: object, _attribute: object, value: str) -> None:
    if not value or not value.isprintable() or value != value.strip():
        raise ValueError(
            f"a computed node's source must be printable text without surrounding spaces, "
            f"got {value!r}"
        )


@frozen
class Computed:
    """Inlines computed from the report's data, and where they come from.

    ``compose`` wraps what each ``{{ expression }}`` gives in one; ``source`` names it
    stably, as the chapter file and the expression as written
    (``03-genomforande.md#implementation | length``, then ``...@2`` for its second use; see
    :func:`smartind.compose.source_name`). Most renderers write the content as if the wrapper
    were not there; the Word renderer puts it in a content control that ``smartind refresh``
    can update after the writer has edited the text around it.
    """

    content: tuple[Inline, ...] = field(converter=_tuple)
    source: str = field(validator=_check_source)


Inline: TypeAlias = Text | Emphasis | Strong | Link | Note | LineBreak | Number | Computed
"""Every inline node. A renderer's ``match`` over it ends in ``assert_never``."""


# --------------------------------------------------------------------------------------------
# Blocks


@frozen
class Heading:
    """A section heading, level 1 (chapter) to 4.

    ``numbered`` headings get an outline number (1, 1.1, 2.1.1, 2.2.1.1) from
    :func:`heading_numbers`; unnumbered ones (Sammanfattning) do not and do not advance the
    count. ``id`` is a stable anchor, unique within the document.
    """

    level: int = field(validator=[attrs.validators.ge(1), attrs.validators.le(4)])
    content: tuple[Inline, ...] = field(converter=_tuple)
    numbered: bool = True
    id: str = ""


@frozen
class Paragraph:
    """A paragraph of inlines."""

    content: tuple[Inline, ...] = field(converter=_tuple)


@frozen
class BulletList:
    """A bulleted list; each item is a sequence of blocks."""

    items: tuple[tuple[Block, ...], ...] = field(converter=_items)


@frozen
class OrderedList:
    """A numbered list starting at ``start``; numbering restarts for every list."""

    items: tuple[tuple[Block, ...], ...] = field(converter=_items)
    start: int = 1


class Align(enum.Enum):
    """Horizontal alignment of a table column."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@frozen
class ColumnSpec:
    """A table column: its alignment and an optional relative width (any positive weights)."""

    align: Align = Align.LEFT
    width: Decimal | None = None


class RowKind(enum.Enum):
    """Where a row belongs: the header (repeated on each page), the body, or a total row."""

    HEAD = "head"
    BODY = "body"
    TOTAL = "total"


@frozen
class Cell:
    """A table cell holding inlines; ``colspan`` columns wide. An empty cell has no content."""

    content: tuple[Inline, ...] = field(converter=_tuple, factory=tuple)
    colspan: int = field(default=1, validator=attrs.validators.ge(1))


@frozen
class Row:
    """A table row; its cells' spans add up to the table's column count."""

    cells: tuple[Cell, ...] = field(converter=_tuple)
    kind: RowKind = RowKind.BODY


def _check_spans(instance: Table, _attribute: object, rows: tuple[Row, ...]) -> None:
    width = len(instance.columns)
    for index, row in enumerate(rows):
        spans = sum(cell.colspan for cell in row.cells)
        if spans != width:
            raise ValueError(f"table row {index} spans {spans} columns; the table has {width}")


@frozen
class Table:
    """A table with column specs up front and head, body and total rows.

    Head rows come first. ``caption`` is the table's title (it states the unit, e.g.
    *Resultaträkning, tkr*).
    """

    columns: tuple[ColumnSpec, ...] = field(converter=_tuple)
    rows: tuple[Row, ...] = field(converter=_tuple, validator=_check_spans)
    caption: tuple[Inline, ...] = field(converter=_tuple, factory=tuple)
    id: str = ""

    @property
    def head(self) -> tuple[Row, ...]:
        """The header rows."""
        return tuple(row for row in self.rows if row.kind is RowKind.HEAD)

    @property
    def body(self) -> tuple[Row, ...]:
        """The body and total rows, in order."""
        return tuple(row for row in self.rows if row.kind is not RowKind.HEAD)


@frozen
class Callout:
    """A titled box set off from the text, like the report's *Resultat* boxes."""

    title: tuple[Inline, ...] = field(converter=_tuple)
    blocks: tuple[Block, ...] = field(converter=_tuple)


@frozen
class TableOfContents:
    """Where the table of contents goes; renderers fill it from the headings.

    The contents list the *numbered* headings down to ``depth`` levels, as printed Swedish
    reports do: an unnumbered heading (the summary's, say) stays out of them.
    """

    title: str = "Innehåll"
    depth: int = 3


@frozen
class PageBreak:
    """Start a new page (formats without pages may ignore it)."""


def _check_computed_blocks(_instance: object, _attribute: object, value: tuple[Any, ...]) -> None:
    for block in value:
        if isinstance(block, Heading | TableOfContents | PageBreak | ComputedBlock):
            raise ValueError(
                f"a ComputedBlock holds paragraphs, lists, tables and callouts, not "
                f"{type(block).__name__}: headings, contents and page breaks shape the outline "
                f"and stay outside it"
            )


@frozen
class ComputedBlock:
    """Blocks computed from the report's data (a table, a list), and where they come from.

    ``compose`` wraps what each ``{smartind}`` directive places in one; ``source`` names the
    directive stably, as the chapter file and the directive with its options
    (``04-ekonomisk-redovisning.md#income-statement``,
    ``03-genomforande.md#project-results(project=digilyft-vasterbotten)``). Renderers write
    the blocks as if they stood in the wrapper's place; the Word renderer puts them in one
    content control.
    """

    blocks: tuple[Block, ...] = field(converter=_tuple, validator=_check_computed_blocks)
    source: str = field(validator=_check_source)


Block: TypeAlias = (
    Heading
    | Paragraph
    | BulletList
    | OrderedList
    | Table
    | Callout
    | TableOfContents
    | PageBreak
    | ComputedBlock
)
"""Every block node. A renderer's ``match`` over it ends in ``assert_never``."""


# --------------------------------------------------------------------------------------------
# The document


@frozen
class Metadata:
    """What the cover page and the file's properties say about the report."""

    title: str
    subtitle: str = ""
    organisation: str = ""
    case_numbers: tuple[str, ...] = field(converter=_tuple, factory=tuple)
    date: str = ""
    place: str = ""
    decided_by: Person | None = None
    case_officers: tuple[Person, ...] = field(converter=_tuple, factory=tuple)
    presenter: Person | None = None
    language: str = "sv-SE"
    keywords: tuple[str, ...] = field(converter=_tuple, factory=tuple)


@frozen
class Document:
    """A composed report: metadata, blocks, and the number style its numbers are set in."""

    metadata: Metadata
    blocks: tuple[Block, ...] = field(converter=_tuple)
    number_style: str = "tillvaxtverket"
    version: int = DOCUMENT_VERSION


# --------------------------------------------------------------------------------------------
# Walking the model


def iter_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block, depth first, including those inside lists, callouts and notes."""
    for block in blocks:
        yield block
        match block:
            case BulletList(items=items) | OrderedList(items=items):
                for item in items:
                    yield from iter_blocks(item)
            case Callout(blocks=inner) | ComputedBlock(blocks=inner):
                yield from iter_blocks(inner)
            case Paragraph(content=content) | Heading(content=content):
                yield from _note_blocks(content)
            case Table(rows=rows, caption=caption):
                yield from _note_blocks(caption)
                for row in rows:
                    for cell in row.cells:
                        yield from _note_blocks(cell.content)
            case TableOfContents() | PageBreak():
                pass
            case _:
                assert_never(block)


def _note_blocks(inlines: Iterable[Inline]) -> Iterator[Block]:
    for inline in iter_inlines(inlines):
        if isinstance(inline, Note):
            yield from iter_blocks(inline.blocks)


def iter_inlines(inlines: Iterable[Inline]) -> Iterator[Inline]:
    """Every inline, depth first, not descending into notes (their blocks are blocks)."""
    for inline in inlines:
        yield inline
        match inline:
            case (
                Emphasis(content=content)
                | Strong(content=content)
                | Link(content=content)
                | Computed(content=content)
            ):
                yield from iter_inlines(content)
            case Text() | Note() | LineBreak() | Number():
                pass
            case _:
                assert_never(inline)


def plain_text(inlines: Iterable[Inline], style: str = "tillvaxtverket") -> str:
    """The inlines as plain text (notes left out), for anchors, outlines and properties."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case Text(text=text):
                parts.append(text)
            case (
                Emphasis(content=content)
                | Strong(content=content)
                | Link(content=content)
                | Computed(content=content)
            ):
                parts.append(plain_text(content, style))
            case Number():
                parts.append(inline.text(style))
            case LineBreak():
                parts.append(" ")
            case Note():
                pass
            case _:
                assert_never(inline)
    return "".join(parts)


def unwrap_computed(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """``blocks`` without :class:`Computed` and :class:`ComputedBlock` wrappers, at any depth.

    What each wrapper held takes its place, and neighbouring texts are joined, so the result is
    what the document says without saying where its figures come from: the form to compare in a
    test, or to walk in a tool that does not care.
    """
    result: list[Block] = []
    for block in blocks:
        match block:
            case ComputedBlock(blocks=inner):
                result.extend(unwrap_computed(inner))
            case Heading(content=content):
                result.append(attrs.evolve(block, content=_unwrap_inlines(content)))
            case Paragraph(content=content):
                result.append(Paragraph(_unwrap_inlines(content)))
            case BulletList(items=items):
                result.append(BulletList(tuple(unwrap_computed(item) for item in items)))
            case OrderedList(items=items):
                result.append(attrs.evolve(block, items=tuple(unwrap_computed(i) for i in items)))
            case Table(rows=rows, caption=caption):
                result.append(
                    attrs.evolve(
                        block,
                        caption=_unwrap_inlines(caption),
                        rows=tuple(
                            attrs.evolve(
                                row,
                                cells=tuple(
                                    attrs.evolve(cell, content=_unwrap_inlines(cell.content))
                                    for cell in row.cells
                                ),
                            )
                            for row in rows
                        ),
                    )
                )
            case Callout(title=title, blocks=inner):
                result.append(Callout(_unwrap_inlines(title), unwrap_computed(inner)))
            case TableOfContents() | PageBreak():
                result.append(block)
            case _:
                assert_never(block)
    return tuple(result)


def _unwrap_inlines(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    result: list[Inline] = []

    def add(inline: Inline) -> None:
        if isinstance(inline, Text) and result and isinstance(result[-1], Text):
            result[-1] = Text(result[-1].text + inline.text)
        elif not (isinstance(inline, Text) and not inline.text):
            result.append(inline)

    for inline in inlines:
        match inline:
            case Computed(content=content):
                for inner in _unwrap_inlines(content):
                    add(inner)
            case Emphasis(content=content):
                add(Emphasis(_unwrap_inlines(content)))
            case Strong(content=content):
                add(Strong(_unwrap_inlines(content)))
            case Link(content=content, target=target):
                add(Link(_unwrap_inlines(content), target))
            case Note(blocks=inner):
                add(Note(unwrap_computed(inner)))
            case Text() | LineBreak() | Number():
                add(inline)
            case _:
                assert_never(inline)
    return tuple(result)


def heading_numbers(blocks: Iterable[Block]) -> dict[int, str]:
    """Outline numbers of the numbered top-level headings, keyed by the heading's position.

    The key is the index of the heading in ``blocks``; the value is its number as written in
    Swedish reports: ``"1"``, ``"1.1"``, ``"2.1.1"``, ``"2.2.1.1"``. Unnumbered headings are left
    out and do not advance the count. A heading deeper than its parent plus one counts the
    missing levels as 1, as Word's multilevel lists do.
    """
    counters = [0, 0, 0, 0]
    numbers: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading) or not block.numbered:
            continue
        level = block.level
        for depth in range(level - 1):
            counters[depth] = max(counters[depth], 1)
        counters[level - 1] += 1
        for depth in range(level, len(counters)):
            counters[depth] = 0
        numbers[index] = ".".join(str(n) for n in counters[:level])
    return numbers
