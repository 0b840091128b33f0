"""Stamps let a re-render tell smartind's own untouched output from a writer's edited file."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartind_render.stamp import (
    DOCX_STAMP_PART,
    Verdict,
    custom_properties_xml,
    docx_digest,
    read_text_stamp,
    stamp_text,
    verdict,
)

HTML_COMMENT = ("<!--", "-->")
bodies = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _stamped_docx(members: dict[str, bytes]) -> bytes:
    return _zip({**members, DOCX_STAMP_PART: custom_properties_xml(docx_digest(members))})


DOCX_MEMBERS = {
    "[Content_Types].xml": b"<Types/>",
    "_rels/.rels": b"<Relationships/>",
    "word/document.xml": b"<w:document>Slutrapport</w:document>",
}


ZEROS = "0" * 64


def test_the_stamp_holds_the_sha256_of_the_whole_file_with_the_digest_as_zeros() -> None:
    stamped = stamp_text("# Rubrik\n", comment=HTML_COMMENT)
    digest = hashlib.sha256(f"# Rubrik\n<!-- smartind-sha256:{ZEROS} -->\n".encode()).hexdigest()
    assert stamped == f"# Rubrik\n<!-- smartind-sha256:{digest} -->\n"


def test_a_body_without_a_final_newline_gets_one_before_the_stamp() -> None:
    stamped = stamp_text("text", comment=("#", ""))
    digest = hashlib.sha256(f"text\n# smartind-sha256:{ZEROS}\n".encode()).hexdigest()
    assert stamped == f"text\n# smartind-sha256:{digest}\n"


@pytest.mark.parametrize(
    "edit",
    [
        lambda line: line + " Glöm inte bilagan!",
        lambda line: "Att göra: " + line,
        lambda line: line.replace("<!--", "<!-- ändrad"),
        lambda line: line.replace(" -->", "-->"),
    ],
)
def test_text_typed_on_the_stamp_line_is_an_edit(edit: Callable[[str], str]) -> None:
    body, line, _ = stamp_text("Text\n", comment=HTML_COMMENT).split("\n")
    assert verdict(f"{body}\n{edit(line)}\n".encode()) is Verdict.EDITED


def test_a_text_file_stamped_by_smartind_1_0_is_still_unchanged() -> None:
    digest = hashlib.sha256(b"Text\n").hexdigest()
    assert verdict(f"Text\n<!-- smartind-sha256:{digest} -->\n".encode()) is Verdict.UNCHANGED


def test_text_typed_on_a_smartind_1_0_stamp_line_is_an_edit() -> None:
    digest = hashlib.sha256(b"Text\n").hexdigest()
    edited = f"Text\n<!-- smartind-sha256:{digest} --> ny rad\n"
    assert verdict(edited.encode()) is Verdict.EDITED


@given(bodies)
def test_stamped_text_is_unchanged(body: str) -> None:
    assert verdict(stamp_text(body, comment=HTML_COMMENT).encode()) is Verdict.UNCHANGED


@given(bodies, bodies.filter(bool))
def test_any_change_to_the_body_is_an_edit(body: str, addition: str) -> None:
    stamped = stamp_text(body, comment=HTML_COMMENT)
    edited = addition + "\n" + stamped
    assert verdict(edited.encode()) is Verdict.EDITED


def test_an_editor_that_strips_the_final_newline_does_not_count_as_an_edit() -> None:
    stamped = stamp_text("Text\n", comment=HTML_COMMENT)
    assert verdict(stamped.rstrip("\n").encode()) is Verdict.UNCHANGED


def test_text_appended_after_the_stamp_makes_the_file_foreign() -> None:
    stamped = stamp_text("Text\n", comment=HTML_COMMENT)
    assert verdict((stamped + "Ett tillägg\n").encode()) is Verdict.FOREIGN


@pytest.mark.parametrize("data", [b"", b"# Egen fil\n", b"\xff\xfe binary", b"PK\x03\x04broken"])
def test_files_without_a_stamp_are_foreign(data: bytes) -> None:
    assert verdict(data) is Verdict.FOREIGN


def test_read_text_stamp_splits_body_and_digest() -> None:
    stamped = stamp_text("a\nb\n", comment=HTML_COMMENT)
    digest = stamped.splitlines()[-1].split(":")[1].split()[0]
    assert read_text_stamp(stamped) == ("a\nb\n", digest)


def test_docx_digest_ignores_member_order() -> None:
    assert docx_digest(dict(reversed(DOCX_MEMBERS.items()))) == docx_digest(DOCX_MEMBERS)


def test_docx_digest_ignores_only_the_stamp_value_in_the_custom_properties() -> None:
    stamped = {**DOCX_MEMBERS, DOCX_STAMP_PART: custom_properties_xml("a" * 64)}
    assert docx_digest(stamped) == docx_digest(DOCX_MEMBERS)


def test_docx_digest_frames_each_member_with_its_name() -> None:
    # Moving bytes from one member to the next must change the digest.
    assert docx_digest({"a": b"xy", "b": b""}) != docx_digest({"a": b"x", "b": b"y"})


def test_docx_digest_is_sha256_of_names_and_contents_in_sorted_order() -> None:
    custom = {DOCX_STAMP_PART: custom_properties_xml(ZEROS)}
    expected = hashlib.sha256(
        b"a\x001\x00b\x002\x00"
        + DOCX_STAMP_PART.encode()
        + b"\x00"
        + custom[DOCX_STAMP_PART]
        + b"\x00"
    ).hexdigest()
    assert docx_digest({"b": b"2", "a": b"1", **custom}) == expected


def test_a_stamped_docx_is_unchanged() -> None:
    assert verdict(_stamped_docx(DOCX_MEMBERS)) is Verdict.UNCHANGED


def test_a_docx_edited_in_word_is_edited() -> None:
    stamped = _stamped_docx(DOCX_MEMBERS)
    with zipfile.ZipFile(io.BytesIO(stamped)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = b"<w:document>Slutrapport, reviderad</w:document>"
    assert verdict(_zip(members)) is Verdict.EDITED


def _members(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_docx_whose_only_change_is_another_custom_property_is_edited() -> None:
    members = _members(_stamped_docx(DOCX_MEMBERS))
    members[DOCX_STAMP_PART] = members[DOCX_STAMP_PART].replace(
        b"</Properties>",
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Granskad">'
        b"<vt:lpwstr>ja</vt:lpwstr></property></Properties>",
    )
    assert verdict(_zip(members)) is Verdict.EDITED


def test_a_docx_stamped_by_smartind_1_0_is_still_unchanged() -> None:
    digest = hashlib.sha256(
        b"".join(
            name.encode() + b"\0" + DOCX_MEMBERS[name] + b"\0" for name in sorted(DOCX_MEMBERS)
        )
    ).hexdigest()
    legacy = _zip({**DOCX_MEMBERS, DOCX_STAMP_PART: custom_properties_xml(digest)})
    assert verdict(legacy) is Verdict.UNCHANGED


def test_a_docx_without_custom_properties_is_foreign() -> None:
    assert verdict(_zip(DOCX_MEMBERS)) is Verdict.FOREIGN


def test_custom_properties_xml_rejects_a_value_that_is_not_a_digest() -> None:
    with pytest.raises(ValueError, match="not a hex SHA-256"):
        custom_properties_xml("abc")
