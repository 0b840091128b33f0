"""Golden files for the Word renderer: the generated parts as indented XML, one file per part.

Update on purpose with ``SMARTIND_UPDATE_GOLDEN=1`` and review ``git diff tests/golden/docx``.
"""

from __future__ import annotations

import pytest
from lxml import etree

from tests.golden import assert_golden
from tests.render.docx.test_docx import members, render

PARTS = [
    "word/document.xml",
    "word/footnotes.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "[Content_Types].xml",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
]


def indented(data: bytes) -> str:
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    etree.indent(root, space="  ")
    return str(etree.tostring(root, encoding="unicode")) + "\n"


@pytest.fixture(scope="module")
def parts() -> dict[str, bytes]:
    return members(render())


@pytest.mark.parametrize("part", PARTS)
def test_sample_document_part_matches_golden(parts: dict[str, bytes], part: str) -> None:
    name = part.replace("/", "_").replace("[", "").replace("]", "")
    assert_golden(f"docx/sample/{name}", indented(parts[part]))
