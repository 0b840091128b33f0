"""The page of the HTML renderer laid out by WeasyPrint as PDF/UA-1."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from smartind.document import Document
from smartind.errors import RenderError
from smartind_render.protocol import RenderOptions

__all__ = ["write_pdf"]


def write_pdf(document: Document, options: RenderOptions) -> bytes:
    """``document`` as PDF/UA-1 bytes, laid out with ``pdf.css`` over the HTML page."""
    import weasyprint

    from smartind_render.html import HtmlRenderer
    from smartind_render.html._env import environment

    page = HtmlRenderer().page_text(document, options, notes_in_place=True)
    env = environment(options.template_dir)
    assert env.loader is not None
    try:
        css, _, _ = env.loader.get_source(env, "pdf.css")
    except Exception as error:  # a template folder's own loader may raise anything
        raise RenderError(f"the PDF style sheet pdf.css cannot be read: {error}") from error
    # As the page's own (author) style sheet, placed last: WeasyPrint's user style sheets lose to
    # the page's print rules, which hide the contents for a browser's print.
    epoch = _epoch(document, options)
    created = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = f'<meta name="dcterms.created" content="{created}">\n<style>\n{css}</style>\n</head>'
    page = page.replace("</head>", head, 1)
    # The document language as the PDF states it, with the region: Swedish as written in Sweden.
    page = page.replace('<html lang="sv">', '<html lang="sv-SE">', 1)
    # WeasyPrint takes the document's dates from SOURCE_DATE_EPOCH; set it for this call only.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    # WeasyPrint logs every CSS property it does not know at WARNING; the page's web-only rules
    # (hover, focus) are expected there, so its log is kept quiet.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        # Internal links ("#uppdraget") resolve against a base address; none is ever fetched.
        html = weasyprint.HTML(string=page, base_url="file:///smartind/rapport.html")
        data = html.write_pdf(
            pdf_variant="pdf/ua-1",
            pdf_identifier=_identifier(document),
            uncompressed_pdf=False,
        )
    finally:
        logger.setLevel(level)
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    if data is None:
        raise RenderError("WeasyPrint wrote no PDF")
    return _with_header_scopes(bytes(data))


def _with_header_scopes(data: bytes) -> bytes:
    """The PDF with every table header cell's /Scope set, which WeasyPrint does not write.

    The HTML renderer makes a header cell in a table's head a column header (``scope="col"``)
    and one that starts a body row a row header (``scope="row"``); the tags say the same, so
    that a screen reader can tell which headers belong to a data cell (PDF/UA-1, 7.5).
    """
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return data
        for cell, in_head in _header_cells(root, in_head=False):
            attributes = cell.get("/A")
            if not isinstance(attributes, pikepdf.Dictionary):
                attributes = pikepdf.Dictionary(O=pikepdf.Name.Table)
                cell.A = attributes
            attributes.Scope = pikepdf.Name.Column if in_head else pikepdf.Name.Row
        out = io.BytesIO()
        # The same bytes for the same input: the identifier comes from the content.
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _header_cells(element: Any, *, in_head: bool) -> Iterator[tuple[Any, bool]]:
    import pikepdf

    pending = [(element, in_head)]
    while pending:
        node, head = pending.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        kind = node.get("/S")
        head = head or kind == "/THead"
        if kind == "/TH":
            yield node, head
        children = node.get("/K")
        if isinstance(children, pikepdf.Array):
            pending.extend((child, head) for child in reversed(list(children)))
        elif isinstance(children, pikepdf.Dictionary):
            pending.append((children, head))


def _epoch(document: Document, options: RenderOptions) -> int:
    from smartind_render.docx._package import source_date_epoch

    return source_date_epoch(options.source_date_epoch, document.metadata.date)


def _identifier(document: Document) -> bytes:
    import hashlib

    # A PDF's identifier must be stable for the same document, and differ between documents.
    seed = f"{document.metadata.title}\n{document.metadata.subtitle}\n{document.metadata.date}"
    return hashlib.md5(seed.encode("utf-8"), usedforsecurity=False).hexdigest().encode()
