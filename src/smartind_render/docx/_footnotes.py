"""Real footnotes: the ``word/footnotes.xml`` part, which python-docx has no object layer for.

Ids -1 and 0 are Word's separator and continuation separator; notes count from 1 in document
order, each starting with a ``w:footnoteRef`` mark in the footnote text style.
"""

from __future__ import annotations

from smartind.document import Note, Paragraph
from smartind_render.docx._context import Context, Scope
from smartind_render.docx._paragraphs import paragraph
from smartind_render.docx._xml import Element, new, sub, text


def footnotes() -> Element:
    """A new ``w:footnotes`` element holding Word's two separators."""
    root = new("footnotes")
    for kind, note_id, mark in (
        ("separator", "-1", "separator"),
        ("continuationSeparator", "0", "continuationSeparator"),
    ):
        p = sub(sub(root, "footnote", type=kind, id=note_id), "p")
        sub(sub(p, "pPr"), "spacing", after="0", line="240", lineRule="auto")
        sub(sub(p, "r"), mark)
    return root


def add(ctx: Context, note: Note) -> int:
    """Render ``note`` into the footnotes part; returns its id for the reference mark."""
    note_id = ctx.next_note_id
    ctx.next_note_id += 1  # taken before rendering, in case the note holds more notes
    style = ctx.style("footnote text")
    element = sub(ctx.footnotes, "footnote", id=str(note_id))

    def mark(p: Element) -> None:
        run = sub(p, "r")
        sub(sub(run, "rPr"), "rStyle", val=ctx.style("footnote reference"))
        sub(run, "footnoteRef")
        text(sub(p, "r"), " ")

    with ctx.within(Scope(part=ctx.notes_part, in_note=True)):
        blocks = note.blocks
        if blocks and isinstance(blocks[0], Paragraph):
            paragraph(ctx, blocks[0].content, style, element, prefix=mark)
            blocks = blocks[1:]
        else:
            p = sub(element, "p")
            sub(sub(p, "pPr"), "pStyle", val=style)
            mark(p)
        ctx.writers.blocks(ctx, list(blocks), element, style)
    return note_id
