"""One paragraph, and the page break carried to it: shared by blocks, tables and notes."""

from __future__ import annotations

from collections.abc import Iterable

from smartind.document import Inline
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN, Format, inlines

PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def flush_page_break(ctx: Context, out: list[str]) -> None:
    """Before something that is not a paragraph (a table), a due page break is written out."""
    if ctx.page_break:
        ctx.page_break = False
        out.append(PAGE_BREAK)


# A small empty paragraph after a table: Word would merge two adjacent tables into one.
SPACER = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>'
    "</w:pPr></w:p>"
)


def paragraph(
    ctx: Context,
    content: Iterable[Inline],
    style: str,
    out: list[str],
    *,
    prefix: str = "",
    properties: str = "",
    fmt: Format = PLAIN,
) -> None:
    """Append one paragraph in style id ``style``; ``properties`` follow the style in pPr."""
    due = ctx.take_page_break()
    out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{due}{properties}</w:pPr>{prefix}')
    inlines(ctx, content, out, fmt)
    out.append("</w:p>")
