"""One render: the reference opened with python-docx, the body built as lxml elements, zipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from smartind.document import Block, Document
from smartind_render.docx import (
    _controls,
    _cover,
    _footnotes,
    _manifest,
    _package,
    _styles,
    _tables,
    _template,
)
from smartind_render.docx._blocks import blocks
from smartind_render.docx._context import Context, Writers
from smartind_render.docx._numbering import Numbering
from smartind_render.docx._xml import (
    NSMAP,
    R_ID,
    XML_SPACE,
    Element,
    W,
    make,
    new,
    sub,
    text,
)
from smartind_render.protocol import RenderOptions


def _note_blocks(ctx: Context, content: list[Block], parent: Element, text_style: str) -> None:
    blocks(ctx, content, parent, text_style=text_style)


WRITERS = Writers(blocks=_note_blocks, table=_tables.table, note=_footnotes.add)


def own_reference() -> Path:
    """smartind's own reference document."""
    from smartind_render._templates import templates_dir

    return templates_dir() / "docx" / "reference.docx"


def _footer(style_id: str) -> Element:
    """A footer holding the page number as a PAGE field."""
    footer = new("ftr")
    p = sub(footer, "p")
    sub(sub(p, "pPr"), "pStyle", val=style_id)
    sub(sub(p, "r"), "fldChar", fldCharType="begin")
    instruction = sub(sub(p, "r"), "instrText")
    instruction.set(XML_SPACE, "preserve")
    instruction.text = " PAGE "
    sub(sub(p, "r"), "fldChar", fldCharType="separate")
    text(sub(p, "r"), "1")
    sub(sub(p, "r"), "fldChar", fldCharType="end")
    return footer


def numbering_root(document_part: Any) -> Element:
    """The numbering part's root, adding an empty numbering part where the template has none."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    try:
        return document_part.part_related_by(RT.NUMBERING).element
    except KeyError:
        root = new("numbering")
        part = XmlPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, root, document_part.package
        )
        document_part.relate_to(part, RT.NUMBERING)
        return root


class Built(NamedTuple):
    """A rendered draft still in memory: its python-docx package and the parts' elements."""

    package: Any
    body: Element
    footnotes: Element
    numbering: Element
    epoch: int


def render(document: Document, options: RenderOptions) -> bytes:
    """The DOCX file's bytes for ``document``."""
    built = build(document, options)
    return _package.write_zip(_package.members(built.package), built.epoch)


def build(document: Document, options: RenderOptions, *, reference: Any = None) -> Built:
    """Render ``document`` into the reference's package, without writing the file.

    ``reference`` is an opened python-docx document to render into instead of the one
    ``options`` names (``smartind refresh`` renders into a copy of the draft, so that style ids
    and list numbers match the draft's).
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    ours_path = own_reference()
    if reference is not None:
        source, ours = "the draft", False
    else:
        source, ours = str(options.reference_docx or ours_path), options.reference_docx is None
        reference = _template.open_reference(options.reference_docx or ours_path)
    styles = reference.styles.element
    # A style the reference lacks is copied from smartind's own, read only when needed.
    our_styles = styles if ours else _template.open_reference(ours_path).styles.element
    style_ids = _styles.resolve(styles, our_styles, source)
    _styles.set_language(styles, document.metadata.language)

    part = reference.part
    package = part.package
    root = part.element
    old_body = root.find(f"{W}body")
    section, text_width = _template.section(old_body)
    if old_body is not None:
        root.remove(old_body)
    _template.keep_styling_parts(reference)
    # Built apart from python-docx's tree and attached at the end: an element made inside it
    # goes through python-docx's class lookup, which makes each one several times slower.
    body = new("body")

    numbering_element = numbering_root(part)
    numbering = Numbering(numbering_element)
    bare = _styles.heading_styles_without_numbering(styles, style_ids)
    if bare:
        heading_ids = tuple(style_ids[name] for name in _styles.HEADINGS)
        num_id = numbering.headings(heading_ids)
        for style in bare:
            level = heading_ids.index(style.get(f"{W}styleId"))
            _styles.add_numbering(style, level, num_id)

    footnotes = _footnotes.footnotes()
    notes_part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes, package)
    part.relate_to(notes_part, RT.FOOTNOTES)
    footer_part = XmlPart(
        package.next_partname("/word/footer%d.xml"),
        CT.WML_FOOTER,
        _footer(style_ids["footer"]),
        package,
    )
    footer_id = part.relate_to(footer_part, RT.FOOTER)
    ctx = Context(
        style_ids,
        numbering,
        options.style or document.number_style,
        text_width,
        body_part=part,
        notes_part=notes_part,
        footnotes=footnotes,
        writers=WRITERS,
    )
    _cover.cover(ctx, document.metadata, body)
    blocks(ctx, document.blocks, body, toc_source=document.blocks)
    section.insert(0, _footer_reference(footer_id))
    body.append(section)
    _manifest.add_part(part, _manifest.manifest(control_digests(body, footnotes)))
    root.append(body)

    _template.prepare_settings(reference.settings.element)
    epoch = _package.source_date_epoch(options.source_date_epoch, document.metadata.date)
    _package.document_properties(package, document.metadata, epoch, ctx.cleaner)
    ctx.cleaner.warn()
    return Built(package, body, footnotes, numbering_element, epoch)


def notes_by_id(footnotes: Element) -> dict[str, Element]:
    """The footnotes of a ``w:footnotes`` element by their ``w:id``."""
    return {note.get(f"{W}id", ""): note for note in footnotes.iter(f"{W}footnote")}


def control_digests(body: Element, footnotes: Element) -> list[tuple[str, str]]:
    """``(source, digest)`` of every control in the body and the notes, first of each source."""
    notes = notes_by_id(footnotes)
    seen: dict[str, str] = {}
    for root in (body, footnotes):
        for source, sdt in _controls.controls(root):
            if source not in seen:
                content = _controls.content_of(sdt)
                text = _controls.text_of(content, notes) if content is not None else ""
                seen[source] = _controls.digest(text)
    return list(seen.items())


def _footer_reference(footer_id: str) -> Element:
    reference = make("footerReference", NSMAP, type="default")
    reference.set(R_ID, footer_id)
    return reference
