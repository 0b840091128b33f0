"""Blocks as WordprocessingML paragraphs, lists, callouts and the table of contents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import assert_never

from smartind.document import (
    Block,
    BulletList,
    Callout,
    ComputedBlock,
    Heading,
    Inline,
    OrderedList,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
)
from smartind_render.docx._context import Context
from smartind_render.docx._controls import open_control
from smartind_render.docx._inlines import PLAIN, text_run
from smartind_render.docx._numbering import INDENT
from smartind_render.docx._paragraphs import (
    fixed_table,
    flush_page_break,
    follows_spacer,
    paragraph,
    spacer,
)
from smartind_render.docx._xml import XML_SPACE, Element, sub


def blocks(
    ctx: Context,
    content: Iterable[Block],
    parent: Element,
    *,
    text_style: str | None = None,
    toc_source: Sequence[Block] = (),
    level: int = 0,
) -> None:
    """Append ``content`` to ``parent``; paragraphs take ``text_style`` (default: body text)."""
    body = text_style or ctx.style("Body Text")
    for block in content:
        match block:
            case Heading(level=depth, content=inner, numbered=numbered):
                style = ctx.style(f"heading {depth}")
                if numbered:
                    paragraph(ctx, inner, style, parent)
                else:
                    paragraph(ctx, inner, style, parent, properties=_unnumbered_heading)
            case Paragraph(content=inner):
                paragraph(ctx, inner, body, parent)
            case BulletList(items=items):
                _list(
                    ctx,
                    items,
                    parent,
                    ctx.numbering.bullet(),
                    "List Bullet",
                    text_style=text_style,
                    level=level,
                )
            case OrderedList(items=items, start=start):
                num_id = ctx.numbering.ordered(start, level)
                _list(ctx, items, parent, num_id, "List Number", text_style=text_style, level=level)
            case Table():
                ctx.writers.table(ctx, block, parent)
            case Callout(title=title, blocks=inner):
                _callout(ctx, title, inner, parent)
            case TableOfContents():
                table_of_contents(ctx, block, toc_source, parent)
            case PageBreak():
                # Carried to the next paragraph as "page break before": a break character
                # would leave an empty line at the top of the new page.
                ctx.page_break = True
            case ComputedBlock(blocks=inner, source=source):
                content = open_control(ctx, parent, source)[1]
                blocks(ctx, inner, content, text_style=text_style, level=level)
            case _:
                assert_never(block)


def _no_number(ppr: Element) -> None:
    num_pr = sub(ppr, "numPr")
    sub(num_pr, "ilvl", val="0")
    sub(num_pr, "numId", val="0")


def _unnumbered_heading(ppr: Element) -> None:
    _no_number(ppr)
    # Outline level 9 is body text: it keeps an unnumbered heading out of the TOC field's \o
    # switch, as the model's contents leave it out.
    sub(ppr, "outlineLvl", val="9")


def _list(
    ctx: Context,
    items: Iterable[Sequence[Block]],
    parent: Element,
    num_id: int,
    style_name: str,
    *,
    text_style: str | None,
    level: int,
) -> None:
    style = text_style or ctx.style(style_name)
    left = str(INDENT * (level + 1))

    def numbered(ppr: Element) -> None:
        num_pr = sub(ppr, "numPr")
        sub(num_pr, "ilvl", val=str(level))
        sub(num_pr, "numId", val=str(num_id))

    def continued(ppr: Element) -> None:
        _no_number(ppr)
        sub(ppr, "ind", left=left)

    for item in items:
        first = True
        for block in item:
            if isinstance(block, Paragraph):
                properties = numbered if first else continued
                paragraph(ctx, block.content, style, parent, properties=properties)
            elif isinstance(block, BulletList | OrderedList):
                blocks(ctx, (block,), parent, text_style=text_style, level=level + 1)
            else:
                if first:
                    ppr = sub(sub(parent, "p"), "pPr")
                    sub(ppr, "pStyle", val=style)
                    numbered(ppr)
                blocks(ctx, (block,), parent, text_style=text_style, level=level)
            first = False


def _callout(
    ctx: Context, title: Sequence[Inline], content: Sequence[Block], parent: Element
) -> None:
    width = str(ctx.text_width)
    flush_page_break(ctx, parent)
    if len(parent) and not follows_spacer(ctx, parent):
        spacer(ctx, parent)  # air between the text above and the box
    table = fixed_table(ctx, parent, ctx.style("Callout Box"), ctx.text_width, header=False)
    sub(sub(table, "tblGrid"), "gridCol", w=width)
    row = sub(table, "tr")
    sub(sub(row, "trPr"), "cantSplit")
    cell = sub(row, "tc")
    sub(sub(cell, "tcPr"), "tcW", w=width, type="dxa")
    if title:
        paragraph(ctx, title, ctx.style("Callout Title"), cell)
    blocks(ctx, content, cell, text_style=ctx.style("Callout Text"))
    if not cell[-1].tag.endswith("}p"):
        sub(cell, "p")  # a cell must end with a paragraph
    spacer(ctx, parent)


def table_of_contents(
    ctx: Context, toc: TableOfContents, source: Sequence[Block], parent: Element
) -> None:
    """A TOC field Word fills in when the file opens, pre-filled with the headings' text.

    The cached entries carry no page numbers (only Word knows them); they make the draft
    readable in tools that do not update fields.
    """
    from smartind.document import heading_numbers, plain_text

    depth = max(1, min(toc.depth, 4))
    ctx.page_break = False
    heading = sub(parent, "p")
    ppr = sub(heading, "pPr")
    sub(ppr, "pStyle", val=ctx.style("TOC Heading"))
    sub(ppr, "pageBreakBefore")  # the contents always start a page of their own
    _no_number(ppr)
    text_run(ctx, heading, toc.title, PLAIN)

    def begin(p: Element) -> None:
        sub(sub(p, "r"), "fldChar", fldCharType="begin", dirty="true")
        instruction = sub(sub(p, "r"), "instrText")
        instruction.set(XML_SPACE, "preserve")
        instruction.text = f' TOC \\o "1-{depth}" \\h \\z \\u '
        sub(sub(p, "r"), "fldChar", fldCharType="separate")

    def end(p: Element) -> None:
        sub(sub(p, "r"), "fldChar", fldCharType="end")

    numbers = heading_numbers(source)
    entries: list[tuple[int, str]] = []
    for index, block in enumerate(source):
        if isinstance(block, Heading) and block.numbered and block.level <= depth:
            label = plain_text(block.content, ctx.number_style)
            number = numbers.get(index)
            entries.append((block.level, f"{number}\t{label}" if number else label))
    if not entries:
        p = sub(parent, "p")
        sub(sub(p, "pPr"), "pStyle", val=ctx.style("toc 1"))
        begin(p)
        text_run(ctx, p, "Uppdatera fältet för att visa innehållsförteckningen.", PLAIN)
        end(p)
        return
    for position, (depth_of, label) in enumerate(entries):
        p = sub(parent, "p")
        sub(sub(p, "pPr"), "pStyle", val=ctx.style(f"toc {depth_of}"))
        if position == 0:
            begin(p)
        text_run(ctx, p, label, PLAIN)
        if position == len(entries) - 1:
            end(p)
