"""The package: document properties, the members python-docx lays out, a reproducible zip."""

from __future__ import annotations

import io
import os
import time
import warnings
import zipfile
from collections.abc import Mapping
from typing import Any

from smartind.document import Metadata
from smartind_render.docx._xml import Cleaner
from smartind_render.stamp import DOCX_STAMP_PART

_CT = "application/vnd.openxmlformats-officedocument"
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest time a zip entry can hold
DEFAULT_EPOCH = ZIP_EPOCH

_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_APP_TYPE = f"{_CT}.extended-properties+xml"
_CUSTOM_TYPE = f"{_CT}.custom-properties+xml"


def _date_epoch(report_date: str) -> int | None:
    """Midnight UTC of an ISO date such as the report's ``2019-02-27``, or None."""
    from datetime import UTC, datetime

    try:
        day = datetime.strptime(report_date.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None
    return max(int(day.timestamp()), ZIP_EPOCH)


def source_date_epoch(option: int | None, report_date: str = "") -> int:
    """The timestamp written into the file.

    The option, else ``SOURCE_DATE_EPOCH``, else the report's own date (so a draft's *created*
    property says when the report is dated, and stays the same on every render), else fixed.
    """
    if option is not None:
        return max(option, ZIP_EPOCH)
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        dated = _date_epoch(report_date)
        return DEFAULT_EPOCH if dated is None else dated
    try:
        return max(int(value), ZIP_EPOCH)
    except ValueError:
        from smartind.errors import SmartindWarning

        warnings.warn(
            f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds; the DOCX file gets "
            f"the fixed date 1980-01-01 instead",
            SmartindWarning,
            stacklevel=4,
        )
        return DEFAULT_EPOCH


def refresh_epoch() -> int:
    """The zip time of a refreshed draft: ``SOURCE_DATE_EPOCH`` if set, else now."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return source_date_epoch(None)
    return max(int(time.time()), ZIP_EPOCH)


def document_properties(package: Any, metadata: Metadata, epoch: int, cleaner: Cleaner) -> None:
    """Fresh core, extended and (placeholder) custom properties related from ``package``.

    The template's own properties (its author, its dates) do not carry over. The custom
    properties part holds the edit stamp, written by :func:`members` once the rest is known.
    """
    from datetime import UTC, datetime

    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part, XmlPart
    from docx.opc.parts.coreprops import CorePropertiesPart
    from docx.oxml.coreprops import CT_CoreProperties

    core_part = CorePropertiesPart(
        PackURI("/docProps/core.xml"), _CORE_TYPE, CT_CoreProperties.new(), package
    )
    core = core_part.core_properties
    for name, value in (
        ("title", metadata.title),
        ("subject", metadata.subtitle),
        ("author", metadata.organisation),
        ("keywords", ", ".join(metadata.keywords)),
        ("language", metadata.language),
        ("last_modified_by", metadata.organisation),
    ):
        if value:
            setattr(core, name, cleaner.clean(value))
    core.revision = 1
    moment = datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)
    core.created = moment
    core.modified = moment
    package.relate_to(core_part, RT.CORE_PROPERTIES)

    app_part = XmlPart(
        PackURI("/docProps/app.xml"), _APP_TYPE, _app_properties(metadata, cleaner), package
    )
    package.relate_to(app_part, RT.EXTENDED_PROPERTIES)
    custom_part = Part(PackURI(f"/{DOCX_STAMP_PART}"), _CUSTOM_TYPE, b"", package)
    package.relate_to(custom_part, RT.CUSTOM_PROPERTIES)


def _app_properties(metadata: Metadata, cleaner: Cleaner) -> Any:
    """Extended properties: the producing application and the organisation."""
    from lxml import etree

    from smartind._version import __version__

    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(
        f"{{{namespace}}}Properties",
        nsmap={
            None: namespace,
            "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
        },
    )
    etree.SubElement(root, f"{{{namespace}}}Application").text = f"smartind {__version__}"
    if metadata.organisation:
        etree.SubElement(root, f"{{{namespace}}}Company").text = cleaner.clean(
            metadata.organisation
        )
    return root


def members(package: Any) -> dict[str, bytes]:
    """Every zip member of ``package``, as python-docx would write them, stamped.

    python-docx lays out the parts (each part still related, its relationships, the content
    types); smartind writes the zip itself (:func:`write_zip`) so that timestamps and member
    order are fixed and the file is the same on every render.
    """
    from docx.opc.pkgwriter import _ContentTypesItem

    from smartind_render.stamp import custom_properties_xml, docx_digest

    parts = list(package.iter_parts())
    result: dict[str, bytes] = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,  # type: ignore[no-untyped-call]
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        name = part.partname.membername
        if name == DOCX_STAMP_PART:
            continue
        result[name] = part.blob
        if len(part.rels):
            result[part.partname.rels_uri.membername] = part.rels.xml
    result[DOCX_STAMP_PART] = custom_properties_xml(docx_digest(result))
    return result


def write_zip(members: Mapping[str, bytes], epoch: int) -> bytes:
    """The zip file: content types first, then the package relationships, then by name."""
    stamp = time.gmtime(epoch)[:6]
    order = sorted(members, key=lambda n: (n != "[Content_Types].xml", n != "_rels/.rels", n))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, members[name], compresslevel=6)
    return buffer.getvalue()
