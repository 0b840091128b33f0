"""One paragraph, and the page break carried to it: shared by blocks, tables and notes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from smartind.document import Inline
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN, Format, inlines
from smartind_render.docx._xml import Element, clone, make, sub


def flush_page_break(ctx: Context, parent: Element) -> None:
    """Before something that is not a paragraph (a table), a due page break is written out."""
    if ctx.take_page_break():
        sub(sub(sub(parent, "p"), "r"), "br", type="page")


def spacer(ctx: Context, parent: Element) -> None:
    """A small empty paragraph after a table: Word would merge two adjacent tables into one."""
    p = sub(parent, "p")
    sub(sub(p, "pPr"), "spacing", before="0", after="0", line="160", lineRule="exact")
    ctx.last_spacer = p


def follows_spacer(ctx: Context, parent: Element) -> bool:
    """Whether the last thing written into ``parent`` is a :func:`spacer`."""
    return len(parent) > 0 and parent[-1] is ctx.last_spacer


def fixed_table(ctx: Context, parent: Element, style: str, width: int, *, header: bool) -> Element:
    """Append a ``w:tbl`` in style id ``style``, ``width`` wide with a fixed layout; returns it.

    ``header`` says whether the style's first-row formatting applies (a report table's header
    row); banding is off either way.
    """
    table = sub(parent, "tbl")
    properties = sub(table, "tblPr")
    sub(properties, "tblStyle", val=style)
    sub(properties, "tblW", w=str(width), type="dxa")
    sub(properties, "tblLayout", type="fixed")
    sub(
        properties,
        "tblLook",
        val="0020" if header else "0000",
        firstRow="1" if header else "0",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    return table


def paragraph(
    ctx: Context,
    content: Iterable[Inline],
    style: str,
    parent: Element,
    *,
    properties: Callable[[Element], None] | None = None,
    prefix: Callable[[Element], None] | None = None,
    fmt: Format = PLAIN,
) -> Element:
    """Append one paragraph in style id ``style``; ``properties`` add to its pPr after the style.

    ``prefix`` writes runs before the content (a footnote's mark).
    """
    template = ctx.templates.get(("p", style))
    if template is None:
        template = ctx.templates["p", style] = make("p")
        sub(sub(template, "pPr"), "pStyle", val=style)
    p = clone(parent, template)
    ppr = p[0]
    if ctx.take_page_break():
        sub(ppr, "pageBreakBefore")
    if properties is not None:
        properties(ppr)
    if prefix is not None:
        prefix(p)
    inlines(ctx, content, p, fmt)
    return p
