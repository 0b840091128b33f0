"""Inlines as WordprocessingML runs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, assert_never

from smartind.document import (
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Note,
    Number,
    Strong,
    Text,
    plain_text,
)
from smartind_render.docx._context import Context


class Format(NamedTuple):
    """Run formatting inherited from enclosing inlines."""

    bold: bool = False
    italic: bool = False
    char_style: str | None = None

    def rpr(self) -> str:
        """The run properties, in the order the schema wants them."""
        if not (self.bold or self.italic or self.char_style):
            return ""
        style = f'<w:rStyle w:val="{self.char_style}"/>' if self.char_style else ""
        bold = "<w:b/><w:bCs/>" if self.bold else ""
        italic = "<w:i/><w:iCs/>" if self.italic else ""
        return f"<w:rPr>{style}{bold}{italic}</w:rPr>"


PLAIN = Format()


def text_run(ctx: Context, text: str, fmt: Format) -> str:
    """A run holding ``text``; tabs and newlines become Word tabs and line breaks."""
    text = ctx.cleaner.text(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text or "\n" in text:
        pieces = []
        for line_number, line in enumerate(text.split("\n")):
            if line_number:
                pieces.append("<w:br/>")
            for tab_number, chunk in enumerate(line.split("\t")):
                if tab_number:
                    pieces.append("<w:tab/>")
                if chunk:
                    pieces.append(f'<w:t xml:space="preserve">{chunk}</w:t>')
        content = "".join(pieces)
    else:
        content = f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:r>{fmt.rpr()}{content}</w:r>"


def inlines(ctx: Context, content: Iterable[Inline], out: list[str], fmt: Format = PLAIN) -> None:
    """Append the runs for ``content`` to ``out``."""
    for node in content:
        match node:
            case Text(text=text):
                if text:
                    out.append(text_run(ctx, text, fmt))
            case Number():
                out.append(text_run(ctx, node.text(ctx.number_style), fmt))
            case Emphasis(content=inner):
                inlines(ctx, inner, out, fmt._replace(italic=True))
            case Strong(content=inner):
                inlines(ctx, inner, out, fmt._replace(bold=True))
            case Link(content=inner, target=target):
                rel_id = ctx.scope.rels.hyperlink(ctx.cleaner.clean(target))
                out.append(f'<w:hyperlink r:id="{rel_id}">')
                inlines(ctx, inner, out, fmt._replace(char_style=ctx.style("Hyperlink")))
                out.append("</w:hyperlink>")
            case Note():
                out.append(_note(ctx, node, fmt))
            case LineBreak():
                out.append("<w:r><w:br/></w:r>")
            case _:
                assert_never(node)


def _note(ctx: Context, note: Note, fmt: Format) -> str:
    if ctx.scope.in_note:
        # Word has no notes inside notes; the inner note's text goes in brackets instead.
        from smartind.document import Paragraph

        text = " ".join(
            plain_text(block.content, ctx.number_style)
            for block in note.blocks
            if isinstance(block, Paragraph)
        )
        return text_run(ctx, f" ({text})", fmt) if text else ""
    note_id = ctx.writers.note(ctx, note)
    style = ctx.style("footnote reference")
    return (
        f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )
