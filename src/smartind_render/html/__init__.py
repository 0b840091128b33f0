"""The HTML renderer: one self-contained, accessible page for the web and for print.

The page is built from Jinja2 templates (``templates/html/``, autoescape on) that a report
writer may override block by block with ``--template-dir``. The document itself is walked in
Python (:mod:`smartind_render.html._walk`), never compiled as a template, and every string from it
is escaped. CSS is inlined; the page makes no request of its own (no fonts, scripts or images).
"""

from __future__ import annotations

import re
import warnings

from smartind.document import Document
from smartind.errors import RenderError, SmartindWarning
from smartind_render.protocol import RenderOptions

__all__ = ["HtmlRenderer"]

# Code points HTML forbids in a document: controls other than whitespace, lone surrogates and
# noncharacters. A report's text may still carry one, pasted in from another program.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


class HtmlRenderer:
    """Renders a :class:`~smartind.document.Document` as one HTML file with inline CSS."""

    name: str = "html"
    media_type: str = "text/html"
    extension: str = ".html"

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """The page's UTF-8 bytes, ending with smartind's stamp comment."""
        from smartind_render.stamp import stamp_text

        text = self.page_text(document, options)
        return stamp_text(text, comment=("<!--", "-->")).encode("utf-8")

    def page_text(
        self, document: Document, options: RenderOptions, *, notes_in_place: bool = False
    ) -> str:
        """The page as text, without the stamp; ``notes_in_place`` as for paged media (the PDF
        renderer), with each footnote's text where it is referenced."""
        import jinja2

        from smartind_render.html._cover import decision_text, iso_date
        from smartind_render.html._env import PAGE_TEMPLATE, environment
        from smartind_render.html._walk import walk

        style = options.style or document.number_style
        page = walk(document, style, notes_in_place=notes_in_place)
        env = environment(options.template_dir)
        metadata = document.metadata
        try:
            template = env.get_template(PAGE_TEMPLATE)
            text = template.render(
                metadata=metadata,
                # An empty <title> or <h1> is invalid HTML and tells a screen reader nothing.
                title=(title := metadata.title if metadata.title.strip() else "Rapport"),
                # "Slutrapport" alone does not say which report this is (WCAG 2.4.2).
                page_title=f"{title} – {metadata.subtitle}" if metadata.subtitle.strip() else title,
                decision=decision_text(metadata),
                date_iso=iso_date(metadata.date),
                body=page.body,
                toc=page.toc,
                toc_title=page.toc_title,
                toc_html=page.toc_html,
                footnotes=page.footnotes,
                number_style=style,
            )
        except jinja2.TemplateSyntaxError as err:
            where = f"{err.filename or err.name}, line {err.lineno}"
            raise RenderError(
                f"HTML template {where}: {err.message}; correct the template's Jinja2 syntax"
            ) from err
        except jinja2.TemplateError as err:
            raise RenderError(
                f"HTML template failed: {err}; a template in --template-dir may name a block, "
                "variable or template the page does not have (see the HTML documentation page)"
            ) from err
        text, replaced = _FORBIDDEN.subn("\ufffd", text)
        if replaced:
            warnings.warn(
                f"replaced {replaced} control character(s) not allowed in HTML with U+FFFD",
                SmartindWarning,
                stacklevel=3,
            )
        return text
