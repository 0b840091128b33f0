"""One render: template in, document body, notes, numbering and properties out, zipped."""

from __future__ import annotations

from pathlib import Path

from smartind.document import Block, Document
from smartind_render.docx import _cover, _footnotes, _package, _styles, _tables, _template
from smartind_render.docx._blocks import blocks
from smartind_render.docx._context import Context, Relationships, Writers
from smartind_render.docx._xml import NAMESPACES, OFFICE_REL
from smartind_render.protocol import RenderOptions

_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:ftr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val="{{style}}"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
)


def _note_blocks(ctx: Context, content: list[Block], out: list[str], text_style: str) -> None:
    blocks(ctx, content, out, text_style=text_style)


_WRITERS = Writers(blocks=_note_blocks, table=_tables.table, note=_footnotes.add)


def own_reference() -> Path:
    """smartind's own reference document."""
    from smartind_render._templates import templates_dir

    return templates_dir() / "docx" / "reference.docx"


def render(document: Document, options: RenderOptions) -> bytes:
    """The DOCX file's bytes for ``document``."""
    from lxml import etree

    from smartind_render.stamp import custom_properties_xml, docx_digest

    ours_path = own_reference()
    template = _template.load(options.reference_docx or ours_path)
    if options.reference_docx is None:
        our_styles = template.styles
        source = str(ours_path)
    else:
        our_styles = _template.load(ours_path).styles
        source = str(options.reference_docx)
    style_ids = _styles.resolve(template.styles, our_styles, source)
    _styles.set_language(template.styles, document.metadata.language)

    from smartind_render.docx._numbering import Numbering

    numbering = Numbering(template.numbering)
    bare = _styles.heading_styles_without_numbering(template.styles, style_ids)
    if bare:
        heading_ids = tuple(style_ids[name] for name in _styles.HEADINGS)
        num_id = numbering.headings(heading_ids)
        for style in bare:
            level = heading_ids.index(style.get(f"{{{etree.QName(style).namespace}}}styleId"))
            _styles.add_numbering(style, level, num_id)

    body_rels = Relationships(template.relationships)
    body_rels.add(f"{OFFICE_REL}/numbering", "numbering.xml")
    body_rels.add(f"{OFFICE_REL}/footnotes", "footnotes.xml")
    footer_id = body_rels.add(f"{OFFICE_REL}/footer", "footer1.xml")
    ctx = Context(
        style_ids,
        numbering,
        options.style or document.number_style,
        template.text_width,
        body_rels,
        writers=_WRITERS,
    )

    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {NAMESPACES}><w:body>"
    ]
    _cover.cover(ctx, document.metadata, out)
    blocks(ctx, document.blocks, out, toc_source=document.blocks)
    section = template.section.replace(
        f"<!--{_template.FOOTER_MARK}-->",
        f'<w:footerReference w:type="default" r:id="{footer_id}"/>',
    )
    out.append(f"{section}</w:body></w:document>")

    members: dict[str, bytes] = dict(template.parts)
    members["word/document.xml"] = "".join(out).encode()
    members["word/_rels/document.xml.rels"] = body_rels.xml()
    members["word/footnotes.xml"] = _footnotes.part(ctx)
    if ctx.note_rels.items:
        members["word/_rels/footnotes.xml.rels"] = ctx.note_rels.xml()
    members["word/footer1.xml"] = _FOOTER.replace("{style}", style_ids["footer"]).encode()
    members["word/styles.xml"] = bytes(
        etree.tostring(template.styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    )
    members["word/numbering.xml"] = numbering.xml()
    members["word/settings.xml"] = _template.prepare_settings(template.settings)
    epoch = _package.source_date_epoch(options.source_date_epoch, document.metadata.date)
    members["docProps/core.xml"] = _package.core_properties(document.metadata, epoch, ctx.cleaner)
    members["docProps/app.xml"] = _package.app_properties(document.metadata, ctx.cleaner)
    members["_rels/.rels"] = _package.root_relationships()
    names = [*members, "docProps/custom.xml"]
    members["[Content_Types].xml"] = _package.content_types(
        names, template.defaults, template.overrides
    )
    members["docProps/custom.xml"] = custom_properties_xml(docx_digest(members))
    ctx.cleaner.warn()
    return _package.write_zip(members, epoch)
