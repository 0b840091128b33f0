"""Tables as WordprocessingML elements, built row by row: linear in the number of cells.

python-docx's ``table.cell(r, c)`` rebuilds the cell grid on every call, which makes a naive
build quadratic; nothing here goes through it.
"""

from __future__ import annotations

from decimal import Decimal

from smartind.document import Align, RowKind, Table
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN, Format, inlines
from smartind_render.docx._paragraphs import fixed_table, flush_page_break, paragraph, spacer
from smartind_render.docx._xml import Element, clone, make, sub

_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}
_NAVY = "1F3A5F"
_HEAD_FILL = "E4EAF1"
_BOLD = Format(bold=True)


def _widths(table: Table, total: int) -> list[int]:
    """Column widths in twentieths of a point from the relative weights.

    Columns without a weight get one from their content: the longest word of their header
    (headers may wrap between words, not inside them) or the length of their body text, from
    the first rows only so that a long table costs no more per row than a short one.
    """
    weights: list[Decimal | None] = [column.width for column in table.columns]
    if any(w is None or w <= 0 for w in weights):
        guessed = _guess(table)
        given = [w for w in weights if w is not None and w > 0]
        if given:
            # Scale the guesses into the units the given weights use.
            ratio = sum(given, Decimal(0)) / sum(
                (guessed[i] for i, w in enumerate(weights) if w is not None and w > 0), Decimal(0)
            )
        else:
            ratio = Decimal(1)
        weights = [
            w if w is not None and w > 0 else guessed[i] * ratio for i, w in enumerate(weights)
        ]
    resolved = [w if w is not None else Decimal(1) for w in weights]
    scale = Decimal(total) / sum(resolved, Decimal(0))
    widths = [int(w * scale) for w in resolved]
    widths[-1] += total - sum(widths)
    return widths


_KEEP_TOGETHER_ROWS = 25
"""A table of at most this many rows fits on a page: keep it there whole rather than split it."""

_SAMPLE_ROWS = 60
_LONGEST_BODY = 48


def _width(text: str) -> int:
    """A rough printed width in average characters."""
    return len(text) + sum(1 for char in text if char.isupper()) // 2


def _guess(table: Table) -> list[Decimal]:
    from smartind.document import plain_text

    needs = [4] * len(table.columns)
    for row in table.rows[:_SAMPLE_ROWS]:
        column = 0
        for cell in row.cells:
            if cell.colspan == 1:
                text = plain_text(cell.content)
                if row.kind is RowKind.HEAD:
                    # Bold capitals are wider than the average character.
                    need = max((_width(word) for word in text.split()), default=0) * 5 // 4 + 2
                else:
                    need = min(_width(text), _LONGEST_BODY) + 2
                needs[column] = max(needs[column], need)
            column += cell.colspan
    return [Decimal(n) for n in needs]


def table(ctx: Context, node: Table, parent: Element) -> None:
    """Append the caption (above the table, as Swedish reports place it) and the table."""
    if node.caption:
        paragraph(ctx, node.caption, ctx.style("caption"), parent)
    flush_page_break(ctx, parent)
    if not node.columns:
        return  # nothing to draw; Word cannot hold a table without columns
    widths = _widths(node, ctx.text_width)
    element = fixed_table(ctx, parent, ctx.style("Report Table"), sum(widths), header=True)
    grid = sub(element, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    head_style = ctx.style("Table Heading")
    text_style = ctx.style("Table Text")
    aligns = [_JC[column.align] for column in node.columns]
    rows = node.rows
    last_head = max((i for i, row in enumerate(rows) if row.kind is RowKind.HEAD), default=-1)
    # Keep-with-next on every row but the last keeps a short table on one page (Word's way).
    together = len(rows) <= _KEEP_TOGETHER_ROWS
    last = len(rows) - 1
    templates: dict[tuple[object, ...], Element] = {}
    for index, row in enumerate(rows):
        kind = row.kind
        keep = together and index < last
        head = kind is RowKind.HEAD
        tr = clone(element, _row_template(templates, head))
        if head:
            style, fmt = head_style, PLAIN
            border = "bottom" if index == last_head else None
        elif kind is RowKind.TOTAL:
            style, fmt = text_style, _BOLD
            border = "top"
        else:
            style, fmt = text_style, PLAIN
            border = None
        column = 0
        for cell in row.cells:
            span = cell.colspan
            width = sum(widths[column : column + span])
            align = "center" if span > 1 and head else aligns[column]
            key = (width, span, border, head, style, keep, align)
            template = templates.get(key)
            if template is None:
                template = templates[key] = _cell_template(key)
            # A table is flushed of any due page break before its first row, so the cell's
            # paragraph is the template's as it stands.
            inlines(ctx, cell.content, clone(tr, template)[1], fmt)
            column += span
    if not rows:
        # A table needs at least one row to be valid WordprocessingML.
        tr = sub(element, "tr")
        for width in widths:
            tc = sub(tr, "tc")
            sub(sub(tc, "tcPr"), "tcW", w=str(width), type="dxa")
            sub(tc, "p")
    spacer(ctx, parent)


def _row_template(templates: dict[tuple[object, ...], Element], head: bool) -> Element:
    found = templates.get(("row", head))
    if found is None:
        found = templates["row", head] = make("tr")
        properties = sub(found, "trPr")
        sub(properties, "cantSplit")
        if head:
            sub(properties, "tblHeader")
    return found


def _cell_template(key: tuple[int, int, str | None, bool, str, bool, str]) -> Element:
    """A cell with its properties and an empty paragraph in its style, ready to be copied.

    ``key`` is the cell's width, column span, border (or None), whether it is a header cell, the
    paragraph style id, keep-with-next and alignment.
    """
    width, span, border, head, style, keep, align = key
    cell = make("tc")
    properties = sub(cell, "tcPr")
    sub(properties, "tcW", w=str(width), type="dxa")
    if span > 1:
        sub(properties, "gridSpan", val=str(span))
    if border is not None:
        sub(sub(properties, "tcBorders"), border, val="single", sz="8", space="0", color=_NAVY)
    if head:
        sub(properties, "shd", val="clear", color="auto", fill=_HEAD_FILL)
        sub(properties, "vAlign", val="bottom")
    paragraph = sub(sub(cell, "p"), "pPr")
    sub(paragraph, "pStyle", val=style)
    if keep:
        sub(paragraph, "keepNext")
    if align != "left":
        sub(paragraph, "jc", val=align)
    return cell
