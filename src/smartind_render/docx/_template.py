"""Reading the reference document: the parts kept as they are, and the parts smartind adapts."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from smartind_render.docx._xml import OFFICE_REL, REL_NS, W

# Document relationships whose targets smartind keeps from the template. Everything the old
# body used (headers, footers, notes, comments, images) goes with the body.
KEPT_RELATIONSHIPS = frozenset(
    f"{OFFICE_REL}/{kind}"
    for kind in ("styles", "numbering", "settings", "webSettings", "fontTable", "theme")
) | {"http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
_GENERATED = frozenset(
    {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/numbering.xml",
        "word/styles.xml",
        "word/settings.xml",
    }
)
A4_TEXT_WIDTH = 11906 - 2 * 1531
FOOTER_MARK = "smartind-footer"


class Template:
    """A reference document opened for one render."""

    def __init__(self, path: Path, data: dict[str, bytes]) -> None:
        from lxml import etree

        self.path = path
        parser = etree.XMLParser(resolve_entities=False, remove_blank_text=False)
        self._parser = parser
        if "word/document.xml" not in data or "word/styles.xml" not in data:
            from smartind.errors import RenderError

            raise RenderError(
                f"{path} is not a Word document with styles (it has no word/document.xml or "
                f"word/styles.xml); pass a .docx saved by Word as --reference-docx"
            )
        self.styles = etree.fromstring(data["word/styles.xml"], parser)
        self.numbering = etree.fromstring(
            data.get("word/numbering.xml", f'<w:numbering xmlns:w="{W[1:-1]}"/>'.encode()),
            parser,
        )
        self.settings = etree.fromstring(
            data.get("word/settings.xml", f'<w:settings xmlns:w="{W[1:-1]}"/>'.encode()), parser
        )
        self.section, self.text_width = _section(
            etree.fromstring(data["word/document.xml"], parser)
        )
        self.defaults, self.overrides = _content_types(data.get("[Content_Types].xml", b""))
        kept = _kept_relationships(data.get("word/_rels/document.xml.rels", b""))
        self.relationships = [(kind, target) for kind, target in kept if kind != _NUMBERING]
        kept_parts = {f"word/{target}" for _kind, target in kept}
        self.parts = {
            name: content
            for name, content in data.items()
            if name not in _GENERATED
            and not name.startswith(("docProps/", "word/media/", "customXml/"))
            and (
                not name.startswith("word/")
                or name in kept_parts
                or name.startswith(
                    ("word/theme/", "word/fonts/", "word/_rels/settings", "word/_rels/fontTable")
                )
            )
        }


_NUMBERING = f"{OFFICE_REL}/numbering"


def load(path: Path) -> Template:
    """Open a reference document; a missing or broken file is a ``RenderError``."""
    from smartind.errors import RenderError

    try:
        with zipfile.ZipFile(path) as archive:
            data = {
                info.filename: archive.read(info)
                for info in archive.infolist()
                if not info.is_dir()
            }
    except FileNotFoundError:
        raise RenderError(
            f"reference document {path} does not exist; check the --reference-docx path"
        ) from None
    except (zipfile.BadZipFile, OSError) as error:
        raise RenderError(
            f"reference document {path} cannot be read as a .docx file ({error}); save it from "
            f"Word as a Word document (.docx) and try again"
        ) from None
    try:
        return Template(path, data)
    except ValueError as error:  # lxml's XMLSyntaxError is a ValueError
        raise RenderError(
            f"reference document {path} holds XML that cannot be parsed ({error}); open it in "
            f"Word and save it again"
        ) from None


def _section(document: Any) -> tuple[str, int]:
    """The body's section properties without header and footer references, and text width."""
    from lxml import etree

    body = document.find(f"{W}body")
    section = body.find(f"{W}sectPr") if body is not None else None
    if section is None:
        section = etree.fromstring(
            f'<w:sectPr xmlns:w="{W[1:-1]}"><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1418" w:right="1531" w:bottom="1418" w:left="1531" w:header="709" '
            'w:footer="624" w:gutter="0"/><w:titlePg/></w:sectPr>'
        )
    for tag in ("headerReference", "footerReference"):
        for ref in section.findall(f"{W}{tag}"):
            section.remove(ref)
    for name in list(section.attrib):
        if "rsid" in name:
            del section.attrib[name]
    if section.find(f"{W}titlePg") is None:
        title_page = etree.Element(f"{W}titlePg")
        follows = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")
        anchor = next(
            (found for tag in follows if (found := section.find(f"{W}{tag}")) is not None), None
        )
        if anchor is None:
            section.append(title_page)
        else:
            anchor.addprevious(title_page)
    size = section.find(f"{W}pgSz")
    margins = section.find(f"{W}pgMar")
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
    # Marks where the renderer puts its footer reference (the first child, as the schema wants).
    section.insert(0, etree.Comment(FOOTER_MARK))
    xml = etree.tostring(section, encoding="unicode")
    # The fragment is pasted into our own document element, which declares w and r.
    xml = xml.replace(f' xmlns:w="{W[1:-1]}"', "").replace(f' xmlns:r="{OFFICE_REL}"', "")
    return xml, max(width, 2000)


def _content_types(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    from lxml import etree

    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    if not data:
        return defaults, overrides
    root = etree.fromstring(data)
    for element in root:
        local = etree.QName(element).localname
        if local == "Default":
            defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
        elif local == "Override":
            overrides[element.get("PartName", "").lstrip("/")] = element.get("ContentType", "")
    return defaults, overrides


def _kept_relationships(data: bytes) -> list[tuple[str, str]]:
    from lxml import etree

    if not data:
        return []
    kept = []
    for rel in etree.fromstring(data).iter(f"{{{REL_NS}}}Relationship"):
        kind = rel.get("Type", "")
        if kind in KEPT_RELATIONSHIPS and rel.get("TargetMode") != "External":
            kept.append((kind, rel.get("Target", "").lstrip("/").removeprefix("word/")))
    return sorted(kept)


def prepare_settings(settings: Any) -> bytes:
    """Settings that make Word update fields (the table of contents) when it opens the file."""
    from lxml import etree

    for tag in ("updateFields", "footnotePr"):
        for found in settings.findall(f"{W}{tag}"):
            settings.remove(found)
    update = etree.fromstring(f'<w:updateFields xmlns:w="{W[1:-1]}" w:val="true"/>')
    notes = etree.fromstring(
        f'<w:footnotePr xmlns:w="{W[1:-1]}"><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
        "</w:footnotePr>"
    )
    # Both come after alwaysMergeEmptyNamespace and before everything from hdrShapeDefaults on.
    later = (
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
    names = [etree.QName(child).localname for child in settings]
    anchor = next((i for i, name in enumerate(names) if name in later), None)
    if anchor is None:
        anchor = next(
            (i for i, child in enumerate(settings) if etree.QName(child).namespace != W[1:-1]),
            len(names),
        )
    hdr = "hdrShapeDefaults" in names
    if hdr:
        # updateFields precedes hdrShapeDefaults, footnotePr follows it.
        position = names.index("hdrShapeDefaults")
        settings.insert(position, update)
        settings.insert(position + 2, notes)
    else:
        settings.insert(anchor, update)
        settings.insert(anchor + 1, notes)
    return bytes(etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True))
