"""GitHub-flavoured Markdown output.

How the document model maps to Markdown:

- The report title is the one level-1 heading (``#``); the document's heading levels 1 to 4 are
  written one deeper (``##`` to ``#####``), with their outline numbers: ``## 2.1 Slutsatser``.
  The cover metadata follows the title as a paragraph of labelled lines.
- The table of contents is a ``##`` heading and a nested list of links to the headings'
  GitHub anchors.
- Tables are pipe tables. Right-aligned columns, and columns whose filled body cells hold only
  numbers, are marked ``---:``. A pipe table has exactly one header row: several head rows are
  merged column by column (texts joined with ``", "``), a head cell spanning columns is repeated
  in each of them, and a table without head rows gets an empty header. A body cell spanning
  columns fills its first column and leaves the others empty. Total rows are bold. The caption
  is a paragraph before the table, since pipe tables have no caption.
- Notes become footnotes ``[^1]``, ``[^2]`` ... numbered in order of appearance, with their
  definitions at the end. Callouts are block quotes starting with the title in bold. A page
  break is left out.
- Every data string is escaped, so ``*x* {{ 7*7 }} <b>`` shows exactly those characters. Only
  http, https and mailto links become links; any other target is shown as text.
- The last line is the smartind stamp, an HTML comment (see :mod:`smartind_render.stamp`).
"""

from __future__ import annotations

import warnings
from typing import ClassVar

from smartind.document import Document
from smartind.errors import SmartindWarning
from smartind_render.markdown._escape import REPLACED
from smartind_render.protocol import RenderOptions
from smartind_render.stamp import stamp_text

__all__ = ["MarkdownRenderer"]


class MarkdownRenderer:
    """The ``markdown`` format: GitHub-flavoured Markdown with pipe tables and footnotes."""

    name: ClassVar[str] = "markdown"
    media_type: ClassVar[str] = "text/markdown"
    extension: ClassVar[str] = ".md"

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """The document as UTF-8 Markdown text ending with its stamp line."""
        return render_text(document, options).encode("utf-8")


def render_text(document: Document, options: RenderOptions) -> str:
    """The document as Markdown text, stamped."""
    from smartind_render.markdown._writer import Writer

    style = options.style or document.number_style
    # The contents come before the headings they list: a first pass collects the headings
    # (and their anchors, which depend on every heading before them), the second writes.
    first = Writer(document, style)
    first.document_body()
    replaced: list[str] = []
    token = REPLACED.set(replaced)
    try:
        body = Writer(document, style, toc=first.headings).document_body()
    finally:
        REPLACED.reset(token)
    if replaced:
        # A heading's text is escaped for the heading and again for the contents: count texts.
        texts = list(dict.fromkeys(replaced))
        warnings.warn(
            f"Markdown output: replaced the control characters (which no Markdown reader shows) "
            f"in {len(texts)} text(s) with U+FFFD, first in {texts[0][:40]!r}; remove them from "
            "the report's data or chapters",
            SmartindWarning,
            stacklevel=2,
        )
    return stamp_text(body, comment=("<!--", "-->"))
