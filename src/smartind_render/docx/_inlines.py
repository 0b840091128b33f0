"""Inlines as WordprocessingML runs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, assert_never

from smartind.document import (
    Computed,
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
from smartind_render.docx._controls import open_control
from smartind_render.docx._xml import R_ID, Element, clone, make, sub, text


class Format(NamedTuple):
    """Run formatting inherited from enclosing inlines."""

    bold: bool = False
    italic: bool = False
    char_style: str | None = None

    def apply(self, run: Element) -> None:
        """Append the run properties, in the order the schema wants them, if there are any."""
        if not (self.bold or self.italic or self.char_style):
            return
        rpr = sub(run, "rPr")
        if self.char_style:
            sub(rpr, "rStyle", val=self.char_style)
        if self.bold:
            sub(rpr, "b")
            sub(rpr, "bCs")
        if self.italic:
            sub(rpr, "i")
            sub(rpr, "iCs")


PLAIN = Format()


def text_run(ctx: Context, parent: Element, value: str, fmt: Format) -> Element:
    """Append a run holding ``value``; tabs and newlines become Word tabs and line breaks."""
    value = ctx.cleaner.clean(value)
    if "\t" not in value and "\n" not in value and "\r" not in value:
        template = ctx.templates.get(fmt)
        if template is None:
            template = ctx.templates[fmt] = make("r")
            fmt.apply(template)
            text(template, "")
        run = clone(parent, template)
        run[-1].text = value
        return run
    run = sub(parent, "r")
    fmt.apply(run)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    for line_number, line in enumerate(value.split("\n")):
        if line_number:
            sub(run, "br")
        for tab_number, chunk in enumerate(line.split("\t")):
            if tab_number:
                sub(run, "tab")
            if chunk:
                text(run, chunk)
    return run


def inlines(ctx: Context, content: Iterable[Inline], parent: Element, fmt: Format = PLAIN) -> None:
    """Append the runs for ``content`` to ``parent`` (a paragraph, hyperlink or control)."""
    for node in content:
        match node:
            case Text(text=value):
                if value:
                    text_run(ctx, parent, value, fmt)
            case Number():
                text_run(ctx, parent, node.text(ctx.number_style), fmt)
            case Emphasis(content=inner):
                inlines(ctx, inner, parent, fmt._replace(italic=True))
            case Strong(content=inner):
                inlines(ctx, inner, parent, fmt._replace(bold=True))
            case Link(content=inner, target=target):
                link = sub(parent, "hyperlink", {R_ID: ctx.hyperlink(ctx.cleaner.clean(target))})
                inlines(ctx, inner, link, fmt._replace(char_style=ctx.style("Hyperlink")))
            case Note():
                _note(ctx, node, parent, fmt)
            case LineBreak():
                sub(sub(parent, "r"), "br")
            case Computed(content=inner, source=source):
                inlines(ctx, inner, open_control(ctx, parent, source)[1], fmt)
            case _:
                assert_never(node)


def _note(ctx: Context, note: Note, parent: Element, fmt: Format) -> None:
    if ctx.scope.in_note:
        # Word has no notes inside notes; the inner note's text goes in brackets instead.
        from smartind.document import Paragraph

        value = " ".join(
            plain_text(block.content, ctx.number_style)
            for block in note.blocks
            if isinstance(block, Paragraph)
        )
        if value:
            text_run(ctx, parent, f" ({value})", fmt)
        return
    note_id = ctx.writers.note(ctx, note)
    run = sub(parent, "r")
    sub(sub(run, "rPr"), "rStyle", val=ctx.style("footnote reference"))
    sub(run, "footnoteReference", id=str(note_id))
