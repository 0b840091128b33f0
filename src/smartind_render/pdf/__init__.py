"""The PDF renderer: the report as an accessible, tagged PDF (PDF/UA-1) for publishing.

It lays out the same page the HTML renderer builds, from the same templates, with CSS paged
media (``templates/html/pdf.css``): A4, the cover on a page of its own, each chapter on a new
page, a contents list with page numbers, footnotes at the foot of the page where they are
referenced, ``Sida N av M`` in the footer and the report's title in the running header. The
layout engine is WeasyPrint, an optional dependency (``pip install 'smartind[pdf]'``); without
it this format is listed as unavailable and asking for it is an error that says how to install
it. Everything else in smartind works without it.

The PDF is deterministic: its dates come from :class:`~smartind_render.protocol.RenderOptions`'
``source_date_epoch``, ``$SOURCE_DATE_EPOCH`` or the report's own date, so the same input gives
the same bytes.
"""

from __future__ import annotations

import importlib.util

from smartind.document import Document
from smartind.plugins import MissingDependency
from smartind_render.protocol import RenderOptions

__all__ = ["INSTALL_HINT", "PdfRenderer"]

INSTALL_HINT = "pip install 'smartind[pdf]'"
"""How to install what the PDF format needs (WeasyPrint; on Linux also Pango, from the system)."""


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


if not _installed("weasyprint") or not _installed("pikepdf"):
    # Raised at import, so that `smartind formats` lists the format as unavailable with the fix,
    # and `render -f pdf` stops with the same words; nothing else imports this module.
    raise MissingDependency(
        f"needs WeasyPrint and pikepdf, which are not installed: {INSTALL_HINT}"
    )


class PdfRenderer:
    """Renders a :class:`~smartind.document.Document` as a tagged PDF/UA-1 file."""

    name: str = "pdf"
    media_type: str = "application/pdf"
    extension: str = ".pdf"

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """The PDF's bytes."""
        from smartind_render.pdf._layout import write_pdf

        return write_pdf(document, options)
