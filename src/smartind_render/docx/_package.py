"""The zip package: content types, document properties, the edit stamp, fixed timestamps."""

from __future__ import annotations

import io
import os
import time
import warnings
import zipfile
from collections.abc import Mapping

from smartind.document import Metadata
from smartind_render.docx._xml import Cleaner, escape

_CT = "application/vnd.openxmlformats-officedocument"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest time a zip entry can hold
DEFAULT_EPOCH = ZIP_EPOCH

KNOWN_TYPES = {
    "word/document.xml": f"{_CT}.wordprocessingml.document.main+xml",
    "word/styles.xml": f"{_CT}.wordprocessingml.styles+xml",
    "word/numbering.xml": f"{_CT}.wordprocessingml.numbering+xml",
    "word/settings.xml": f"{_CT}.wordprocessingml.settings+xml",
    "word/footnotes.xml": f"{_CT}.wordprocessingml.footnotes+xml",
    "word/footer1.xml": f"{_CT}.wordprocessingml.footer+xml",
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/app.xml": f"{_CT}.extended-properties+xml",
    "docProps/custom.xml": f"{_CT}.custom-properties+xml",
}


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


def content_types(
    names: list[str], defaults: Mapping[str, str], overrides: Mapping[str, str]
) -> bytes:
    """``[Content_Types].xml`` for the members ``names``."""
    merged = {
        "rels": "application/vnd.openxmlformats-package.relationships+xml",
        "xml": "application/xml",
    }
    for extension, ctype in defaults.items():
        merged.setdefault(extension, ctype)
    rows = [
        f'<Default Extension="{escape(ext)}" ContentType="{escape(ctype)}"/>'
        for ext, ctype in sorted(merged.items())
    ]
    for name in sorted(names):
        override = KNOWN_TYPES.get(name) or overrides.get(name)
        if override is None or name.endswith(".rels"):
            continue
        rows.append(f'<Override PartName="/{escape(name)}" ContentType="{escape(override)}"/>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f"{''.join(rows)}</Types>"
    ).encode()


def root_relationships() -> bytes:
    """``_rels/.rels``: the main document and the three property parts."""
    rels = (
        ("rId1", f"{_DOC_REL}/officeDocument", "word/document.xml"),
        ("rId2", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
        ("rId3", f"{_DOC_REL}/extended-properties", "docProps/app.xml"),
        ("rId4", f"{_DOC_REL}/custom-properties", "docProps/custom.xml"),
    )
    rows = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{p}"/>' for i, t, p in rels)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_REL}">{rows}</Relationships>'
    ).encode()


def core_properties(metadata: Metadata, epoch: int, cleaner: Cleaner) -> bytes:
    """Title, subject, author (the organisation), keywords, language and fixed dates."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
    fields = [
        ("dc:title", metadata.title),
        ("dc:subject", metadata.subtitle),
        ("dc:creator", metadata.organisation),
        ("cp:keywords", ", ".join(metadata.keywords)),
        ("dc:language", metadata.language),
        ("cp:lastModifiedBy", metadata.organisation),
    ]
    body = "".join(f"<{tag}>{cleaner.text(value)}</{tag}>" for tag, value in fields if value)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def app_properties(metadata: Metadata, cleaner: Cleaner) -> bytes:
    """Extended properties: the producing application and the organisation."""
    from smartind._version import __version__

    company = (
        f"<Company>{cleaner.text(metadata.organisation)}</Company>" if metadata.organisation else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><Application>smartind {escape(__version__)}</Application>'
        f"{company}</Properties>"
    ).encode()


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
