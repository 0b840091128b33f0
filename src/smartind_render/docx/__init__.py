"""The Word renderer: a ``.docx`` draft that a report writer keeps editing in Word.

The file is built in smartind's reference document (``templates/docx/reference.docx``) or an
agency's own (``RenderOptions.reference_docx``), opened as a python-docx package, whose styles
are found by name. The body, the footnotes and the numbering are built as lxml elements (so every
value is escaped by construction), row by row, so that a large table costs time linear in its
cells. Every figure from data sits in a content control that :func:`refresh_draft` can update
after the writer has edited the draft. See ``docs/docx.md`` and ``docs/drafts.md``.
"""

from __future__ import annotations

from smartind.document import Document
from smartind_render.docx.drafts import (
    FigureChange,
    FigureConflict,
    MissingFigure,
    RefreshResult,
    check_draft,
    refresh_draft,
)
from smartind_render.protocol import RenderOptions

__all__ = [
    "DocxRenderer",
    "FigureChange",
    "FigureConflict",
    "MissingFigure",
    "RefreshResult",
    "check_draft",
    "refresh_draft",
]


class DocxRenderer:
    """Renders a document as a Word file (Office Open XML, ``.docx``)."""

    name = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extension = ".docx"

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """The whole ``.docx`` file for ``document``."""
        from smartind_render.docx._render import render

        return render(document, options)
