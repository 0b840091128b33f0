"""Tables as WordprocessingML, built row by row as text: linear in the number of cells.

python-docx's ``table.cell(r, c)`` rebuilds the cell grid on every call, which makes a naive
build quadratic; nothing here goes through it.
"""

from __future__ import annotations

from decimal import Decimal

from smartind.document import Align, RowKind, Table
from smartind_render.docx._context import Context
from smartind_render.docx._inlines import PLAIN, Format
from smartind_render.docx._paragraphs import SPACER, flush_page_break, paragraph

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


def table(ctx: Context, node: Table, out: list[str]) -> None:
    """Append the caption (above the table, as Swedish reports place it) and the table."""
    if node.caption:
        paragraph(ctx, node.caption, ctx.style("caption"), out)
    flush_page_break(ctx, out)
    if not node.columns:
        return  # nothing to draw; Word cannot hold a table without columns
    widths = _widths(node, ctx.text_width)
    total = sum(widths)
    out.append(
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{ctx.style("Report Table")}"/>'
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>'
    )
    out.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
    out.append("</w:tblGrid>")
    head_style = ctx.style("Table Heading")
    text_style = ctx.style("Table Text")
    aligns = [_JC[column.align] for column in node.columns]
    rows = node.rows
    last_head = max((i for i, row in enumerate(rows) if row.kind is RowKind.HEAD), default=-1)
    # Keep-with-next on every row but the last keeps a short table on one page (Word's way).
    together = len(rows) <= _KEEP_TOGETHER_ROWS
    last = len(rows) - 1
    for index, row in enumerate(rows):
        kind = row.kind
        keep = "<w:keepNext/>" if together and index < last else ""
        if kind is RowKind.HEAD:
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            style, fmt = head_style, PLAIN
            border = (
                f'<w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{_NAVY}"/>'
                "</w:tcBorders>"
                if index == last_head
                else ""
            )
            cell_extra = f'{border}<w:shd w:val="clear" w:color="auto" w:fill="{_HEAD_FILL}"/>'
            cell_extra += '<w:vAlign w:val="bottom"/>'
        elif kind is RowKind.TOTAL:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            style, fmt = text_style, _BOLD
            cell_extra = (
                f'<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{_NAVY}"/>'
                "</w:tcBorders>"
            )
        else:
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            style, fmt = text_style, PLAIN
            cell_extra = ""
        column = 0
        for cell in row.cells:
            span = cell.colspan
            width = sum(widths[column : column + span])
            grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            align = "center" if span > 1 and kind is RowKind.HEAD else aligns[column]
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{cell_extra}</w:tcPr>'
            )
            properties = keep if align == "left" else f'{keep}<w:jc w:val="{align}"/>'
            paragraph(ctx, cell.content, style, out, properties=properties, fmt=fmt)
            out.append("</w:tc>")
            column += span
        out.append("</w:tr>")
    if not rows:
        # A table needs at least one row to be valid WordprocessingML.
        out.append("<w:tr>")
        out.extend(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p/></w:tc>' for w in widths
        )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    out.append(SPACER)
