"""Stamps: a hash of what smartind wrote, stored in the file, so a re-render can see edits.

A report writer keeps editing the draft smartind wrote. Before a re-render overwrites it,
:func:`verdict` tells whether the file is still exactly what smartind generated.

Text formats (Markdown, HTML, plugins' text formats) end with one comment line::

    <!-- smartind-sha256:3f2a...e9 -->

where the hex digest is the SHA-256 of the whole file's UTF-8 bytes with the digest itself
written as 64 zeros (:func:`stamp_text`). So every byte a writer can change counts, the comment
around the digest included: text typed on the stamp line is an edit.

DOCX files carry the digest as a custom document property named ``smartind-sha256`` in
``docProps/custom.xml`` (Word shows it under *File > Properties > Custom*). Its value is
:func:`docx_digest` of every zip member, that part included with the digest's own value written as
64 zeros; a change to any other custom property is an edit too.

Files stamped by smartind 1.0, whose digest left the stamp line (or the custom properties part)
out, are still recognised when that line or part is exactly as smartind 1.0 wrote it.
"""

from __future__ import annotations

import enum
import hashlib
import io
import re
import zipfile
from collections.abc import Mapping

__all__ = [
    "DOCX_STAMP_PART",
    "STAMP_PROPERTY",
    "Verdict",
    "custom_properties_xml",
    "docx_digest",
    "read_docx_stamp",
    "read_text_stamp",
    "stamp_text",
    "verdict",
]

STAMP_PROPERTY = "smartind-sha256"
"""The marker before the digest in a text stamp, and the DOCX custom property's name."""

DOCX_STAMP_PART = "docProps/custom.xml"
"""The zip member that holds the DOCX stamp; it is the one member left out of the digest."""

_HEX = re.compile(rf"{STAMP_PROPERTY}:([0-9a-f]{{64}})")
_PLACEHOLDER = "0" * 64
# The only stamp line smartind 1.0's own formats wrote; see _legacy_text_unchanged.
_LEGACY_COMMENT = ("<!--", "-->")
_ZIP_MAGIC = b"PK\x03\x04"
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


class Verdict(enum.Enum):
    """What :func:`verdict` found in an existing file."""

    UNCHANGED = "unchanged"
    """The file holds a stamp and is exactly what smartind wrote: safe to overwrite."""
    EDITED = "edited"
    """The file holds a stamp but changed since smartind wrote it: someone edited it."""
    FOREIGN = "foreign"
    """No stamp: smartind did not write this file (or a format that carries no stamp did)."""


def stamp_text(body: str, *, comment: tuple[str, str]) -> str:
    """``body`` followed by its stamp line, e.g. ``comment=("<!--", "-->")`` for HTML.

    A body that does not end with a newline gets one first, so the stamp is a line of its own.
    The digest covers the whole result, the stamp line included, with the digest written as 64
    zeros. ``comment`` is the format's comment opener and closer; the closer may be empty for line
    comments (``("#", "")``).
    """
    opener, closer = comment
    if body and not body.endswith("\n"):
        body += "\n"

    def line(digest: str) -> str:
        return f"{opener} {STAMP_PROPERTY}:{digest} {closer}".strip()

    digest = hashlib.sha256(f"{body}{line(_PLACEHOLDER)}\n".encode()).hexdigest()
    return f"{body}{line(digest)}\n"


def docx_digest(members: Mapping[str, bytes]) -> str:
    """The hex SHA-256 of a DOCX file's zip members, ``docProps/custom.xml`` included.

    Members are taken in sorted name order, each as its UTF-8 name, a NUL byte, its content and a
    NUL byte, so the digest depends on content only, never on zip compression or timestamps. The
    custom properties part is digested with the stamp's value written as 64 zeros; when
    ``members`` has no such part yet, it is digested as :func:`custom_properties_xml` will write it.
    So ``{**members, DOCX_STAMP_PART: custom_properties_xml(docx_digest(members))}`` is a stamped
    package.
    """
    blanked = dict(members)
    part = members.get(DOCX_STAMP_PART)
    if part is None:
        blanked[DOCX_STAMP_PART] = custom_properties_xml(_PLACEHOLDER)
    else:
        stamp = _stamp_in(part)
        if stamp is not None:
            blanked[DOCX_STAMP_PART] = part.replace(stamp.encode(), _PLACEHOLDER.encode())
    return _digest_members(blanked, skip=None)


def _digest_members(members: Mapping[str, bytes], *, skip: str | None) -> str:
    digest = hashlib.sha256()
    for name in sorted(members):
        if name == skip:
            continue
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(members[name] + b"\0")
    return digest.hexdigest()


def custom_properties_xml(digest: str) -> bytes:
    """A complete ``docProps/custom.xml`` holding only the stamp property.

    The digest may also be :data:`64 zeros <docx_digest>` while the package is being digested.
    The package also needs an ``Override`` for ``/docProps/custom.xml`` with content type
    ``application/vnd.openxmlformats-officedocument.custom-properties+xml`` in
    ``[Content_Types].xml`` and a relationship of type
    ``http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties`` in
    ``_rels/.rels``; add both *before* computing :func:`docx_digest`, since they are digested.
    """
    if not re.fullmatch("[0-9a-f]{64}", digest):
        raise ValueError(f"not a hex SHA-256 digest: {digest!r}")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS[1:-1]}" xmlns:vt="{_VT_NS}">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="{STAMP_PROPERTY}"><vt:lpwstr>{digest}</vt:lpwstr></property>'
        "</Properties>"
    ).encode()


def read_text_stamp(text: str) -> tuple[str, str] | None:
    """``(body, digest)`` when the text's last line is a stamp line, else ``None``.

    A missing final newline after the stamp is accepted, because some editors strip it.
    """
    stripped = text[:-1] if text.endswith("\n") else text
    cut = stripped.rfind("\n") + 1
    match = _HEX.search(stripped, cut)
    if match is None:
        return None
    return stripped[:cut], match.group(1)


def read_docx_stamp(archive: zipfile.ZipFile) -> str | None:
    """The digest stored in a DOCX file's custom properties, or ``None`` when it has none."""
    try:
        part = archive.read(DOCX_STAMP_PART)
    except KeyError:
        return None
    return _stamp_in(part)


def _stamp_in(part: bytes) -> str | None:
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(part)
    except ElementTree.ParseError:
        return None
    for prop in root.iter(f"{_CUSTOM_NS}property"):
        if prop.get("name") == STAMP_PROPERTY:
            value = "".join(prop.itertext()).strip()
            return value if re.fullmatch("[0-9a-f]{64}", value) else None
    return None


def verdict(data: bytes) -> Verdict:
    """Whether ``data`` (a whole file, DOCX or text) is unchanged since smartind stamped it."""
    if data.startswith(_ZIP_MAGIC):
        return _docx_verdict(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Verdict.FOREIGN
    found = read_text_stamp(text)
    if found is None:
        return Verdict.FOREIGN
    body, digest = found
    line = text[len(body) :].rstrip("\n")
    if line.count(digest) != 1:
        return Verdict.EDITED
    blanked = f"{body}{line.replace(digest, _PLACEHOLDER)}\n"
    if hashlib.sha256(blanked.encode("utf-8")).hexdigest() == digest:
        return Verdict.UNCHANGED
    return Verdict.UNCHANGED if _legacy_text_unchanged(body, line, digest) else Verdict.EDITED


def _legacy_text_unchanged(body: str, line: str, digest: str) -> bool:
    # smartind 1.0 digested the body alone; accept that only with the stamp line exactly as it
    # wrote it, so that nothing typed on the line can pass unnoticed.
    opener, closer = _LEGACY_COMMENT
    return (
        line == f"{opener} {STAMP_PROPERTY}:{digest} {closer}"
        and hashlib.sha256(body.encode("utf-8")).hexdigest() == digest
    )


def _docx_verdict(data: bytes) -> Verdict:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            digest = read_docx_stamp(archive)
            if digest is None:
                return Verdict.FOREIGN
            members = {
                info.filename: archive.read(info)
                for info in archive.infolist()
                if not info.is_dir()
            }
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        # A damaged archive is not something smartind can vouch for.
        return Verdict.FOREIGN
    if docx_digest(members) == digest:
        return Verdict.UNCHANGED
    # smartind 1.0 left the custom properties part out of the digest; accept that only when the
    # part is exactly the one it wrote.
    legacy = members.get(DOCX_STAMP_PART) == custom_properties_xml(digest) and (
        _digest_members(members, skip=DOCX_STAMP_PART) == digest
    )
    return Verdict.UNCHANGED if legacy else Verdict.EDITED
