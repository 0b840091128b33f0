"""Blocks as WordprocessingML paragraphs, lists, callouts and the table of contents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import assert_never

from smartind.document import (
    Block,
    BulletList,
    Callout,
    Heading,
    Inline,
    OrderedList,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
)
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN
from smartind_render.docx._numbering import INDENT
from smartind_render.docx._paragraphs import SPACER, flush_page_break, paragraph


def blocks(
    ctx: Context,
    content: Iterable[Block],
    out: list[str],
    *,
    text_style: str | None = None,
    toc_source: Sequence[Block] = (),
    level: int = 0,
) -> None:
    """Append ``content``; paragraphs take ``text_style`` (default: body text)."""
    body = text_style or ctx.style("Body Text")
    for block in content:
        match block:
            case Heading(level=depth, content=inner, numbered=numbered):
                # Outline level 9 is body text: it keeps an unnumbered heading out of the TOC
                # field's \o switch, as the model's contents leave it out.
                properties = "" if numbered else f"{_NO_NUMBER}{_BODY_OUTLINE}"
                paragraph(ctx, inner, ctx.style(f"heading {depth}"), out, properties=properties)
            case Paragraph(content=inner):
                paragraph(ctx, inner, body, out)
            case BulletList(items=items):
                _list(
                    ctx,
                    items,
                    out,
                    ctx.numbering.bullet(),
                    "List Bullet",
                    text_style=text_style,
                    level=level,
                )
            case OrderedList(items=items, start=start):
                num_id = ctx.numbering.ordered(start, level)
                _list(ctx, items, out, num_id, "List Number", text_style=text_style, level=level)
            case Table():
                ctx.writers.table(ctx, block, out)
            case Callout(title=title, blocks=inner):
                _callout(ctx, title, inner, out)
            case TableOfContents():
                table_of_contents(ctx, block, toc_source, out)
            case PageBreak():
                # Carried to the next paragraph as "page break before": a break character
                # would leave an empty line at the top of the new page.
                ctx.page_break = True
            case _:
                assert_never(block)


_NO_NUMBER = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
_BODY_OUTLINE = '<w:outlineLvl w:val="9"/>'


def _list(
    ctx: Context,
    items: Iterable[Sequence[Block]],
    out: list[str],
    num_id: int,
    style_name: str,
    *,
    text_style: str | None,
    level: int,
) -> None:
    style = text_style or ctx.style(style_name)
    numbered = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    left = INDENT * (level + 1)
    continued = f'{_NO_NUMBER}<w:ind w:left="{left}"/>'
    for item in items:
        first = True
        for block in item:
            if isinstance(block, Paragraph):
                properties = numbered if first else continued
                paragraph(ctx, block.content, style, out, properties=properties)
            elif isinstance(block, BulletList | OrderedList):
                blocks(ctx, (block,), out, text_style=text_style, level=level + 1)
            else:
                if first:
                    out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{numbered}</w:pPr></w:p>')
                blocks(ctx, (block,), out, text_style=text_style, level=level)
            first = False


def _callout(
    ctx: Context, title: Sequence[Inline], content: Sequence[Block], out: list[str]
) -> None:
    width = ctx.text_width
    flush_page_break(ctx, out)
    if out and out[-1] != SPACER:
        out.append(SPACER)  # air between the text above and the box
    out.append(
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{ctx.style("Callout Box")}"/>'
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        "</w:tcPr>"
    )
    start = len(out)
    if title:
        paragraph(ctx, title, ctx.style("Callout Title"), out)
    blocks(ctx, content, out, text_style=ctx.style("Callout Text"))
    if len(out) == start or not out[-1].endswith("</w:p>"):
        out.append("<w:p/>")  # a cell must end with a paragraph
    out.append("</w:tc></w:tr></w:tbl>")
    out.append(SPACER)


def table_of_contents(
    ctx: Context, toc: TableOfContents, source: Sequence[Block], out: list[str]
) -> None:
    """A TOC field Word fills in when the file opens, pre-filled with the headings' text.

    The cached entries carry no page numbers (only Word knows them); they make the draft
    readable in tools that do not update fields.
    """
    from smartind.document import heading_numbers, plain_text

    depth = max(1, min(toc.depth, 4))
    ctx.page_break = False
    out.append(
        # The contents always start a page of their own.
        f'<w:p><w:pPr><w:pStyle w:val="{ctx.style("TOC Heading")}"/><w:pageBreakBefore/>'
        f"{_NO_NUMBER}</w:pPr>"
        f'<w:r><w:t xml:space="preserve">{ctx.cleaner.text(toc.title)}</w:t></w:r></w:p>'
    )
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{depth}" \\h \\z \\u </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    numbers = heading_numbers(source)
    entries: list[tuple[int, str]] = []
    for index, block in enumerate(source):
        if isinstance(block, Heading) and block.numbered and block.level <= depth:
            text = plain_text(block.content, ctx.number_style)
            number = numbers.get(index)
            entries.append((block.level, f"{number}\t{text}" if number else text))
    if not entries:
        text = "Uppdatera fältet för att visa innehållsförteckningen."
        out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{ctx.style("toc 1")}"/></w:pPr>{begin}'
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{end}</w:p>'
        )
        return
    from smartind_render.docx._inlines import text_run

    for position, (depth_of, text) in enumerate(entries):
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{ctx.style(f"toc {depth_of}")}"/></w:pPr>')
        if position == 0:
            out.append(begin)
        out.append(text_run(ctx, text, PLAIN))
        if position == len(entries) - 1:
            out.append(end)
        out.append("</w:p>")
