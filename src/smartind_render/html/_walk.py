"""Walk a Document and turn its blocks into escaped HTML fragments for the page templates.

Every string from the document passes through :func:`markupsafe.escape` here; the templates only
place the resulting :class:`markupsafe.Markup` fragments. Nothing from the document is ever compiled
as a template, so ``{{ 7*7 }}`` in a chapter stays those seven characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import assert_never

from attrs import define, field, frozen
from markupsafe import Markup, escape

from smartind.document import (
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    Computed,
    ComputedBlock,
    Document,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
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
    iter_blocks,
    plain_text,
)

__all__ = ["Footnote", "Page", "TocEntry", "safe_link_target", "walk"]

_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop tabs and newlines inside a URL and trim spaces and controls around it, so
# "java\tscript:" would still run; a target holding any of them is refused outright.
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f]")


@frozen
class TocEntry:
    """One line of the contents: a heading's level (1-4), number, plain text and anchor."""

    level: int
    number: str
    text: str
    id: str


@frozen
class Footnote:
    """A footnote's number and its rendered blocks (the back link included)."""

    number: int
    html: Markup


@frozen
class Page:
    """What the templates place: the main text, the contents and the footnotes."""

    body: Markup
    toc: tuple[TocEntry, ...]
    toc_title: str
    toc_html: Markup
    footnotes: tuple[Footnote, ...]


def safe_link_target(target: str) -> str | None:
    """``target`` if it is an http, https or mailto address a browser reads as such, else None."""
    if not target or _UNSAFE_URL_CHARS.search(target):
        return None
    match = _SCHEME.match(target)
    if match is None or match.group(1).lower() not in _ALLOWED_SCHEMES:
        return None
    return target


def walk(document: Document, style: str, *, notes_in_place: bool = False) -> Page:
    """Render the document's blocks, contents and footnotes with numbers in ``style``.

    ``notes_in_place`` puts each footnote's text where it is referenced, in a
    ``<span class="footnote">``, for CSS paged media to float to the foot of its page (the PDF);
    the page then has no list of notes. Otherwise notes are listed at the end of the page, each
    linked both ways (the web page).
    """
    walker = _Walker(style=style, notes_in_place=notes_in_place)
    body = walker.top_level(document.blocks)
    toc_block = next((b for b in document.blocks if isinstance(b, TableOfContents)), None)
    depth = toc_block.depth if toc_block is not None else 3
    title = toc_block.title if toc_block is not None else "Innehåll"
    toc = tuple(entry for entry in walker.toc if entry.level <= depth)
    return Page(
        body=body,
        toc=toc,
        toc_title=title,
        toc_html=_toc_html(toc),
        footnotes=() if notes_in_place else tuple(walker.footnotes),
    )


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(text.casefold())).strip("-")
    return slug or "avsnitt"


def _safe_id(wanted: str) -> str:
    """``wanted`` with every character a URL fragment may not hold (``<``, ``"``, ``{``, space)
    turned into a hyphen, so ``href="#id"`` stays a valid link."""
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", _ascii(wanted)).strip("-") or "avsnitt"


def _toc_html(entries: tuple[TocEntry, ...]) -> Markup:
    """The contents as nested lists, one level per heading level."""
    if not entries:
        return Markup("")
    parts: list[str] = []
    depth = 0
    for entry in entries:
        level = max(1, min(entry.level, depth + 1))
        if level > depth:
            parts.append("\n<ol>" * (level - depth))
        else:
            parts.append("</li>")
            parts.append("\n</ol></li>" * (depth - level))
        depth = level
        number = f'<span class="toc-number">{escape(entry.number)}</span> ' if entry.number else ""
        parts.append(f'\n<li><a href="#{escape(entry.id)}">{number}{escape(entry.text)}</a>')
    parts.append("</li>")
    parts.append("\n</ol></li>" * (depth - 1))
    parts.append("\n</ol>")
    return Markup("".join(parts).lstrip("\n"))


@define
class _Walker:
    style: str
    notes_in_place: bool = False
    toc: list[TocEntry] = field(factory=list)
    footnotes: list[Footnote] = field(factory=list)
    # The page template's own ids; a heading never takes one of them.
    ids: set[str] = field(factory=lambda: {"rapport", "innehall-rubrik", "fotnoter-rubrik"})
    callouts: int = 0

    def unique_id(self, wanted: str) -> str:
        base = _safe_id(wanted)
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    # ---------------------------------------------------------------------------------------
    # Blocks

    def top_level(self, blocks: tuple[Block, ...]) -> Markup:
        """Top-level blocks, each heading opening a section closed by the next of its level."""
        numbers = heading_numbers(blocks)
        open_levels: list[int] = []
        parts: list[str] = []
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                while open_levels and open_levels[-1] >= block.level:
                    open_levels.pop()
                    parts.append("</section>\n")
                # The nesting depth, not the model's level, picks h2..h5: a jump from level 1
                # to level 3 would otherwise skip h3.
                html_level = len(open_levels) + 2
                css = ' class="chapter"' if not open_levels else ""
                open_levels.append(block.level)
                parts.append(f"<section{css}>\n")
                parts.append(self.heading(block, numbers.get(index, ""), html_level))
            else:
                parts.append(self.block(block))
        parts.extend("</section>\n" for _ in open_levels)
        return Markup("".join(parts))

    def heading(self, heading: Heading, number: str, html_level: int) -> str:
        text = plain_text(heading.content, self.style)
        anchor = self.unique_id(heading.id or _slug(text))
        if number:
            # Unnumbered headings stay out of the contents (see TableOfContents).
            self.toc.append(TocEntry(html_level - 1, number, text, anchor))
        prefix = f'<span class="heading-number">{escape(number)}</span> ' if number else ""
        content = self.inlines(heading.content)
        return f'<h{html_level} id="{escape(anchor)}">{prefix}{content}</h{html_level}>\n'

    def blocks(self, blocks: Iterable[Block]) -> str:
        return "".join(self.block(block) for block in blocks)

    def block(self, block: Block) -> str:
        match block:
            case Heading(content=content):
                # A heading inside a list, callout or note has no place in the outline.
                return f'<p class="subheading"><strong>{self.inlines(content)}</strong></p>\n'
            case Paragraph(content=content):
                return f"<p>{self.inlines(content)}</p>\n"
            case BulletList(items=items):
                return f"<ul>\n{self.items(items)}</ul>\n"
            case OrderedList(items=items, start=start):
                start_attr = f' start="{start}"' if start != 1 else ""
                return f"<ol{start_attr}>\n{self.items(items)}</ol>\n"
            case Table():
                return self.table(block)
            case Callout(title=title, blocks=inner):
                self.callouts += 1
                label = self.unique_id(f"ruta-{self.callouts}")
                return (
                    f'<div class="callout" role="note" aria-labelledby="{label}">\n'
                    f'<p class="callout-title" id="{label}">{self.inlines(title)}</p>\n'
                    f"{self.blocks(inner)}</div>\n"
                )
            case TableOfContents():
                # The page template places the contents in its own <nav>.
                return ""
            case PageBreak():
                return '<div class="page-break"></div>\n'
            case ComputedBlock(blocks=inner):
                return self.blocks(inner)
            case _:
                assert_never(block)

    def items(self, items: tuple[tuple[Block, ...], ...]) -> str:
        parts: list[str] = []
        for item in items:
            if len(item) == 1 and isinstance(item[0], Paragraph):
                parts.append(f"<li>{self.inlines(item[0].content)}</li>\n")
            else:
                parts.append(f"<li>\n{self.blocks(item)}</li>\n")
        return "".join(parts)

    # ---------------------------------------------------------------------------------------
    # Tables

    def table(self, table: Table) -> str:
        id_attr = f' id="{escape(self.unique_id(table.id))}"' if table.id else ""
        parts = [f"<table{id_attr}>\n"]
        if table.caption:
            parts.append(f"<caption>{self.inlines(table.caption)}</caption>\n")
        if any(column.width for column in table.columns):
            parts.append(self.colgroup(table))
        # A text first column names each row; a table of figures alone has no row headers.
        row_headers = len(table.columns) > 1 and table.columns[0].align is not Align.RIGHT
        if table.head:
            parts.append("<thead>\n")
            parts.extend(self.row(table, row, header=True, row_headers=False) for row in table.head)
            parts.append("</thead>\n")
        parts.append("<tbody>\n")
        parts.extend(self.row(table, row, False, row_headers) for row in table.body)
        parts.append("</tbody>\n</table>\n")
        return "".join(parts)

    def colgroup(self, table: Table) -> str:
        weights = [column.width or Decimal(0) for column in table.columns]
        total = sum(weights)
        cols = []
        for weight in weights:
            if weight:
                share = f"{(100 * weight / total).quantize(Decimal('0.1')).normalize():f}"
                cols.append(f'<col style="width: {share}%">')
            else:
                cols.append("<col>")
        return "<colgroup>" + "".join(cols) + "</colgroup>\n"

    def row(self, table: Table, row: Row, header: bool, row_headers: bool) -> str:
        css = ' class="total"' if row.kind is RowKind.TOTAL else ""
        cells: list[str] = []
        column = 0
        for position, cell in enumerate(row.cells):
            align = table.columns[column].align
            column += cell.colspan
            cells.append(self.cell(cell, align, header, row_headers and position == 0))
        return f"<tr{css}>{''.join(cells)}</tr>\n"

    def cell(self, cell: Cell, align: Align, header: bool, row_header: bool) -> str:
        classes = []
        numeric = bool(cell.content) and all(isinstance(i, Number) for i in cell.content)
        if align is Align.RIGHT or (numeric and not row_header):
            classes.append("num")
        elif align is Align.CENTER:
            classes.append("center")
        attrs = f' class="{" ".join(classes)}"' if classes else ""
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        content = self.inlines(cell.content)
        # An empty <th> names nothing; screen readers and axe expect header cells to have text.
        if not cell.content:
            return f"<td{attrs}></td>"
        if header:
            scope = "colgroup" if cell.colspan > 1 else "col"
            return f'<th scope="{scope}"{attrs}>{content}</th>'
        if row_header:
            return f'<th scope="row"{attrs}>{content}</th>'
        return f"<td{attrs}>{content}</td>"

    # ---------------------------------------------------------------------------------------
    # Inlines

    def inlines(self, inlines: Iterable[Inline], in_link: bool = False) -> str:
        return "".join(self.inline(inline, in_link) for inline in inlines)

    def inline(self, inline: Inline, in_link: bool) -> str:
        match inline:
            case Text(text=text):
                return str(escape(text))
            case Emphasis(content=content):
                return f"<em>{self.inlines(content, in_link)}</em>"
            case Strong(content=content):
                return f"<strong>{self.inlines(content, in_link)}</strong>"
            case Link(content=content, target=target):
                return self.link(content, target, in_link)
            case Note(blocks=blocks):
                return self.note(blocks)
            case LineBreak():
                return "<br>"
            case Number():
                return str(escape(inline.text(self.style)))
            case Computed(content=content):
                return self.inlines(content, in_link)
            case _:
                assert_never(inline)

    def note_in_place(self, blocks: tuple[Block, ...]) -> str:
        # A note at the foot of a page is one run of text, so its blocks' texts are joined by a
        # space; CSS numbers it (the footnote counter), in document order as the DOCX does.
        self.footnotes.append(Footnote(len(self.footnotes) + 1, Markup("")))
        parts: list[str] = []
        for block in iter_blocks(blocks):
            match block:
                case Paragraph(content=content) | Heading(content=content):
                    parts.append(self.inlines(content))
                case Callout(title=title):
                    parts.append(self.inlines(title))
                case Table(rows=rows):
                    cells = (cell.content for row in rows for cell in row.cells)
                    parts.extend(self.inlines(content) for content in cells)
                case (
                    BulletList() | OrderedList() | TableOfContents() | PageBreak() | ComputedBlock()
                ):
                    pass  # their text is in the blocks iter_blocks walks into
                case _:
                    assert_never(block)
        return f'<span class="footnote">{" ".join(part for part in parts if part)}</span>'

    def link(self, content: tuple[Inline, ...], target: str, in_link: bool) -> str:
        safe = safe_link_target(target)
        if safe is None or in_link:
            # Refused targets and links nested in links are shown as their text alone.
            return self.inlines(content, in_link)
        # A note reference is a link itself and cannot sit inside another; it follows the link.
        notes = [inline for inline in content if isinstance(inline, Note)]
        text = self.inlines((i for i in content if not isinstance(i, Note)), in_link=True)
        after = "".join(self.note(note.blocks) for note in notes)
        return f'<a href="{escape(safe)}">{text}</a>{after}'

    def note(self, blocks: tuple[Block, ...]) -> str:
        if self.notes_in_place:
            return self.note_in_place(blocks)
        number = len(self.footnotes) + 1
        ref_id, note_id = self.unique_id(f"fnref-{number}"), self.unique_id(f"fn-{number}")
        # Reserve the number before rendering the note, so notes inside it come after it.
        self.footnotes.append(Footnote(number, Markup("")))
        back = (
            f' <a href="#{ref_id}" class="footnote-back" '
            f'aria-label="Tillbaka till hänvisning {number}">↩\ufe0e</a>'
        )
        if blocks and isinstance(blocks[-1], Paragraph):
            inner = self.blocks(blocks[:-1])
            inner += f"<p>{self.inlines(blocks[-1].content)}{back}</p>\n"
        else:
            inner = self.blocks(blocks) + f"<p>{back.strip()}</p>\n"
        self.footnotes[number - 1] = Footnote(number, Markup(f'<li id="{note_id}">\n{inner}</li>'))
        return (
            f'<sup class="footnote-ref"><a href="#{note_id}" id="{ref_id}" '
            f'aria-label="Fotnot {number}">{number}</a></sup>'
        )
