"""Real footnotes: the ``word/footnotes.xml`` part, which python-docx cannot write.

Ids -1 and 0 are Word's separator and continuation separator; notes count from 1 in document
order, each starting with a ``w:footnoteRef`` mark in the footnote text style.
"""

from __future__ import annotations

from smartind.document import Note, Paragraph
from smartind_render.docx._context import Context, Scope
from smartind_render.docx._paragraphs import paragraph
from smartind_render.docx._xml import NAMESPACES

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)


def add(ctx: Context, note: Note) -> int:
    """Render ``note`` into the footnotes part; returns its id for the reference mark."""
    note_id = len(ctx.notes) + 1
    ctx.notes.append("")  # reserve the id before rendering, in case the note holds more notes
    style = ctx.style("footnote text")
    mark = (
        f'<w:r><w:rPr><w:rStyle w:val="{ctx.style("footnote reference")}"/></w:rPr>'
        '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
    )
    out: list[str] = [f'<w:footnote w:id="{note_id}">']
    with ctx.within(Scope(rels=ctx.note_rels, in_note=True)):
        blocks = note.blocks
        if blocks and isinstance(blocks[0], Paragraph):
            paragraph(ctx, blocks[0].content, style, out, prefix=mark)
            blocks = blocks[1:]
        else:
            out.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{mark}</w:p>')
        ctx.writers.blocks(ctx, list(blocks), out, style)
    out.append("</w:footnote>")
    ctx.notes[note_id - 1] = "".join(out)
    return note_id


def part(ctx: Context) -> bytes:
    """The footnotes part."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {NAMESPACES}>{_SEPARATORS}{''.join(ctx.notes)}</w:footnotes>"
    ).encode()
