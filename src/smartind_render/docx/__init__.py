"""The Word renderer: a ``.docx`` draft that a report writer keeps editing in Word.

The file is built from smartind's reference document (``templates/docx/reference.docx``) or an
agency's own (``RenderOptions.reference_docx``), whose styles are found by name. The body, the
footnotes, the numbering and the document properties are written as WordprocessingML directly,
without python-docx's object layer, so that a large table costs time linear in its cells and
the render imports only ``lxml`` and the standard library. See ``docs/docx.md``.
"""

from __future__ import annotations

from smartind.document import Document
from smartind_render.protocol import RenderOptions

__all__ = ["DocxRenderer"]


class DocxRenderer:
    """Renders a document as a Word file (Office Open XML, ``.docx``)."""

    name = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extension = ".docx"

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """The whole ``.docx`` file for ``document``."""
        from smartind_render.docx._render import render

        return render(document, options)
