"""Opening the reference document with python-docx and preparing the parts smartind keeps.

The reference (smartind's own ``templates/docx/reference.docx`` or an agency's) is opened as a
python-docx package. Its styles, numbering, settings, theme, fonts and web settings stay; the
example body, and every part only that body used (headers, footers, notes, comments, images,
custom XML), go with it: python-docx writes only the parts still related.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from pathlib import Path
from typing import Any

from smartind_render.docx._xml import OFFICE_REL, Element, W, make, sub

# Document relationships whose targets smartind keeps from the template.
KEPT_RELATIONSHIPS = frozenset(
    f"{OFFICE_REL}/{kind}"
    for kind in ("styles", "numbering", "settings", "webSettings", "fontTable", "theme")
) | {"http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
A4_TEXT_WIDTH = 11906 - 2 * 1531


def open_reference(path: Path) -> Any:
    """The reference document as a python-docx ``Document``; a bad file is a ``RenderError``.

    A Word template (``.dotx``) or a macro-enabled file is read as the document it would start:
    its main part is given the document content type first, since python-docx opens documents
    only (the output never carries macros: their part is not one smartind keeps).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from smartind.errors import RenderError

    if not path.exists():
        raise RenderError(
            f"reference document {path} does not exist; check the --reference-docx path"
        )
    try:
        document = docx.Document(_as_document(path.read_bytes()))
    except (PackageNotFoundError, KeyError, OSError, zipfile.BadZipFile) as error:
        raise RenderError(
            f"reference document {path} cannot be read as a .docx file ({error}); save it from "
            f"Word as a Word document (.docx) and try again"
        ) from None
    except SyntaxError as error:  # lxml's XMLSyntaxError
        raise RenderError(
            f"reference document {path} holds XML that cannot be parsed ({error}); open it in "
            f"Word and save it again"
        ) from None
    except ValueError as error:  # python-docx: not a Word document (a workbook, a slide deck)
        raise RenderError(
            f"reference document {path} is not a Word document ({error}); save it from Word "
            f"as a Word document (.docx) or template (.dotx)"
        ) from None
    except Exception as error:
        # python-docx has no error type of its own for a malformed package and may raise
        # AttributeError, TypeError, IndexError... on one; all mean the file is not usable.
        raise RenderError(
            f"reference document {path} is not a Word document python-docx can read "
            f"({type(error).__name__}: {error}); open it in Word and save it again"
        ) from None
    problem = unusable(document)
    if problem is not None:
        raise RenderError(f"reference document {path} {problem}; open it in Word and save it again")
    return document


def unusable(document: Any) -> str | None:
    """What makes an opened package unfit to render into, or None.

    python-docx gives a part the class its content type names; a package whose
    ``[Content_Types].xml`` mistypes its styles, settings or numbering gives a generic part that
    has none of their elements, and would fail deep in the render.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.parts.numbering import NumberingPart
    from docx.parts.settings import SettingsPart
    from docx.parts.styles import StylesPart

    part = document.part
    for reltype, kind, name in (
        (RT.STYLES, StylesPart, "styles"),
        (RT.SETTINGS, SettingsPart, "settings"),
        (RT.NUMBERING, NumberingPart, "numbering"),
    ):
        try:
            related = part.part_related_by(reltype)
        except (KeyError, ValueError):
            continue  # absent parts are made afresh; two of one kind are python-docx's to refuse
        if not isinstance(related, kind):
            return (
                f"has a {name} part whose content type is not a Word {name} part "
                f"({related.content_type}); its [Content_Types].xml is damaged"
            )
    if document.element.body is None:
        return "has no document body (word/document.xml holds no w:body)"
    return None


_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
_TYPES = "[Content_Types].xml"


def _as_document(data: bytes) -> io.BytesIO:
    """The package ``data`` with a template's main part typed as a document's."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            types = archive.read(_TYPES) if _TYPES in names else b""
            if not any(kind.encode() in types for kind in _OTHER_MAINS):
                return io.BytesIO(data)
            root = etree.fromstring(types, etree.XMLParser(resolve_entities=False))
            for override in root:
                if override.get("ContentType") in _OTHER_MAINS:
                    override.set("ContentType", _MAIN)
            members = {name: archive.read(name) for name in names}
    except etree.XMLSyntaxError:
        return io.BytesIO(data)
    members[_TYPES] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    out.seek(0)
    return out


def keep_styling_parts(document: Any) -> None:
    """Drop the relationships (and so the parts) the template's own body and package used.

    The body must already be replaced: python-docx keeps a relationship the XML still names.
    """
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype not in KEPT_RELATIONSHIPS or rel.is_external:
            part.drop_rel(rel_id)
    package = part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype != f"{OFFICE_REL}/officeDocument":
            del package.rels[rel_id]


def section(template_body: Element | None) -> tuple[Element, int]:
    """The template's section properties without header and footer references, and text width."""
    found = template_body.find(f"{W}sectPr") if template_body is not None else None
    if found is None:
        properties = make("sectPr")
        sub(properties, "pgSz", w="11906", h="16838")
        sub(
            properties,
            "pgMar",
            top="1418",
            right="1531",
            bottom="1418",
            left="1531",
            header="709",
            footer="624",
            gutter="0",
        )
        sub(properties, "titlePg")
    else:
        properties = deepcopy(found)
    for tag in ("headerReference", "footerReference"):
        for ref in properties.findall(f"{W}{tag}"):
            properties.remove(ref)
    for name in list(properties.attrib):
        if "rsid" in name:
            del properties.attrib[name]
    if properties.find(f"{W}titlePg") is None:
        title_page = make("titlePg")
        follows = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")
        anchor = next(
            (hit for tag in follows if (hit := properties.find(f"{W}{tag}")) is not None), None
        )
        if anchor is None:
            properties.append(title_page)
        else:
            anchor.addprevious(title_page)
    size = properties.find(f"{W}pgSz")
    margins = properties.find(f"{W}pgMar")
    width = A4_TEXT_WIDTH
    try:
        if size is not None and margins is not None:
            width = (
                int(size.get(f"{W}w"))
                - int(margins.get(f"{W}left", "0"))
                - int(margins.get(f"{W}right", "0"))
            )
    except (TypeError, ValueError):
        width = A4_TEXT_WIDTH
    return properties, max(width, 2000)


_SETTINGS_AFTER = (
    "hdrShapeDefaults",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def prepare_settings(settings: Element) -> None:
    """Settings that make Word update fields (the table of contents) when it opens the file."""
    from lxml import etree

    for tag in ("updateFields", "footnotePr"):
        for found in settings.findall(f"{W}{tag}"):
            settings.remove(found)
    update = make("updateFields", val="true")
    notes = make("footnotePr")
    sub(notes, "footnote", id="-1")
    sub(notes, "footnote", id="0")
    # Both come after alwaysMergeEmptyNamespace and before everything from hdrShapeDefaults on.
    names = [etree.QName(child).localname for child in settings]
    if "hdrShapeDefaults" in names:
        # updateFields precedes hdrShapeDefaults, footnotePr follows it.
        position = names.index("hdrShapeDefaults")
        settings.insert(position, update)
        settings.insert(position + 2, notes)
        return
    anchor = next((i for i, name in enumerate(names) if name in _SETTINGS_AFTER), None)
    if anchor is None:
        anchor = next(
            (i for i, child in enumerate(settings) if etree.QName(child).namespace != W[1:-1]),
            len(names),
        )
    settings.insert(anchor, update)
    settings.insert(anchor + 1, notes)
