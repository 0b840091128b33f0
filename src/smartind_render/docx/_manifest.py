"""The draft's manifest: which controls smartind wrote, and a digest of what each held.

It is a custom XML part (``customXml/item1.xml``), the place Word keeps data that belongs to a
document without showing it; Word and LibreOffice both keep such parts when they save. It reads::

    <draft xmlns="urn:smartind:draft:1">
      <control source="03-genomforande.md#implementation | length | word" digest="..."/>
      ...
    </draft>

in document order. ``smartind refresh`` compares a control's text with its digest to tell a
figure the writer changed by hand from one still as rendered, and the manifest's sources with the
draft's controls to tell a figure the writer deleted from one that is new in the report.
"""

from __future__ import annotations

from typing import Any

from smartind_render.docx._xml import Element

NAMESPACE = "urn:smartind:draft:1"
_DRAFT = f"{{{NAMESPACE}}}draft"
_CONTROL = f"{{{NAMESPACE}}}control"
CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
# A fixed item id: the draft holds one manifest, and a fixed id keeps renders byte-identical.
_ITEM_ID = "{5D1A7C4E-3B2F-4E8A-9C61-2A0F5B7D9E13}"


def manifest(entries: list[tuple[str, str]]) -> Element:
    """The manifest element for ``(source, digest)`` pairs in document order."""
    from lxml import etree

    root = etree.Element(_DRAFT, nsmap={None: NAMESPACE})
    for source, value in entries:
        etree.SubElement(root, _CONTROL, source=source, digest=value)
    return root


def add_part(document_part: Any, root: Element) -> Any:
    """Relate a new manifest part holding ``root`` from the document part; returns the part."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from lxml import etree

    package = document_part.package
    item = XmlPart(package.next_partname("/customXml/item%d.xml"), CT.XML, root, package)
    number = str(item.partname).removeprefix("/customXml/item").removesuffix(".xml")
    props = etree.Element(f"{{{_DS}}}datastoreItem", nsmap={"ds": _DS})
    props.set(f"{{{_DS}}}itemID", _ITEM_ID)
    etree.SubElement(etree.SubElement(props, f"{{{_DS}}}schemaRefs"), f"{{{_DS}}}schemaRef").set(
        f"{{{_DS}}}uri", NAMESPACE
    )
    props_part = XmlPart(PackURI(f"/customXml/itemProps{number}.xml"), _PROPS_TYPE, props, package)
    item.relate_to(props_part, _PROPS_REL)
    document_part.relate_to(item, CUSTOM_XML)
    return item


def find(document_part: Any) -> tuple[Any, dict[str, str], list[str]] | None:
    """The manifest part of a draft, its digests by source and its sources in order; or None."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for rel in document_part.rels.values():
        if rel.reltype != CUSTOM_XML or rel.is_external:
            continue
        part = rel.target_part
        try:
            root = etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            continue
        if root.tag != _DRAFT:
            continue
        digests: dict[str, str] = {}
        order: list[str] = []
        for control in root.iter(_CONTROL):
            source = control.get("source")
            if source is None or source in digests:
                continue
            digests[source] = control.get("digest", "")
            order.append(source)
        return part, digests, order
    return None
