"""The Word file as outside tools read it: pandoc, LibreOffice and python-docx."""

from __future__ import annotations

import io
import json
import subprocess
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from smartind.document import (
    BulletList,
    Callout,
    ComputedBlock,
    Document,
    Heading,
    Note,
    OrderedList,
    Paragraph,
    Table,
    TableOfContents,
    iter_inlines,
)
from smartind.errors import SmartindWarning
from tests.conftest import libreoffice_convert, require_tool
from tests.render.docx.test_docx import render, sample_document

pytestmark = pytest.mark.tools


def _pandoc_counts(node: Any, counts: Counter[str]) -> None:
    if isinstance(node, dict):
        kind = node.get("t")
        if kind == "Header":
            counts["headings"] += 1
        elif kind == "Note":
            counts["notes"] += 1
        elif kind == "Table":
            counts["tables"] += 1
        elif kind in ("BulletList", "OrderedList"):
            items = node["c"] if kind == "BulletList" else node["c"][1]
            counts["items"] += len(items)
        for value in node.values():
            _pandoc_counts(value, counts)
    elif isinstance(node, list):
        for value in node:
            _pandoc_counts(value, counts)


def _model_counts(document: Document) -> Counter[str]:
    """What pandoc should find, walking the body without entering notes.

    A callout is a one-cell table in Word; the table of contents' title is a heading (its style
    is based on heading 1, outline level 9). Lists inside notes are left out: pandoc 2.17 reads
    them as plain paragraphs, even from a file its own writer made.
    """
    counts: Counter[str] = Counter()

    def walk(blocks: Any) -> None:
        for block in blocks:
            inlines: list[Any] = []
            match block:
                case Heading(content=content):
                    counts["headings"] += 1
                    inlines = list(content)
                case Paragraph(content=content):
                    inlines = list(content)
                case Table(caption=caption, rows=rows):
                    counts["tables"] += 1
                    inlines = [*caption, *(i for row in rows for c in row.cells for i in c.content)]
                case BulletList(items=items) | OrderedList(items=items):
                    counts["items"] += len(items)
                    for item in items:
                        walk(item)
                case Callout(title=title, blocks=inner):
                    counts["tables"] += 1
                    inlines = list(title)
                    walk(inner)
                case TableOfContents():
                    counts["headings"] += 1
                case ComputedBlock(blocks=inner):
                    walk(inner)  # a content control is no block of its own to pandoc
                case _:
                    pass
            counts["notes"] += sum(isinstance(i, Note) for i in iter_inlines(inlines))

    walk(document.blocks)
    return counts


def _write(tmp_path: Path, document: Document | None = None) -> Path:
    target = tmp_path / "slutrapport.docx"
    target.write_bytes(render(document))
    return target


def _bundled() -> Document:
    from smartind.compose import compose
    from smartind.examples import bundled_example_path
    from smartind.load import load_report

    return compose(load_report(bundled_example_path()))


def _shared_sample() -> Document:
    from tests.documents import SAMPLE

    return SAMPLE


@pytest.mark.parametrize(
    "make", [sample_document, _shared_sample, _bundled], ids=["docx-sample", "sample", "bundled"]
)
def test_pandoc_reads_headings_notes_tables_and_list_items(tmp_path: Path, make: Any) -> None:
    pandoc = require_tool("pandoc")
    document = make()
    source = _write(tmp_path, document)
    result = subprocess.run(
        [pandoc, "-f", "docx", "-t", "json", str(source)],
        capture_output=True,
        check=True,
        text=True,
    )
    counts: Counter[str] = Counter()
    _pandoc_counts(json.loads(result.stdout)["blocks"], counts)
    expected = _model_counts(document)
    assert {k: counts[k] for k in expected} == dict(expected)


def _python_docx_template(folder: Path) -> Path:
    """python-docx's own default document: a template made by Word, with few of our styles."""
    from docx import Document as new_docx

    path = folder / "agency.docx"
    new_docx().save(str(path))
    return path


@pytest.mark.parametrize("agency", [False, True], ids=["own-template", "agency-template"])
def test_libreoffice_converts_to_pdf(tmp_path: Path, agency: bool) -> None:
    source = tmp_path / "slutrapport.docx"
    if agency:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SmartindWarning)
            source.write_bytes(render(reference_docx=_python_docx_template(tmp_path)))
    else:
        source.write_bytes(render())
    pdf = libreoffice_convert(source, tmp_path, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = require_tool("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    for expected in (
        "Smart industri i regionerna",
        "Innehåll",
        "1.1.1.1",
        "Finansiering",
        "Resultat",
        "Enligt regeringsbeslutet.",
    ):
        assert expected in text


def test_python_docx_reads_the_structure_back() -> None:
    from docx import Document as open_docx

    reopened = open_docx(io.BytesIO(render()))
    styles = Counter(p.style.name if p.style else "" for p in reopened.paragraphs)
    assert styles["Heading 1"] == 3
    assert styles["Heading 4"] == 1
    assert styles["List Bullet"] >= 2
    header_row = reopened.tables[0].rows[0]
    assert header_row._tr.trPr is not None
