"""The PDF of the bundled report, checked with real tools: pdfua, pikepdf, pdffonts, pdftotext."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from smartind.compose import compose
from smartind.document import (
    Document,
    Heading,
    Metadata,
    Number,
    Paragraph,
    Table,
    Text,
    iter_blocks,
    iter_inlines,
    plain_text,
)
from smartind.examples import bundled_example_path
from smartind.load import load_report
from smartind_render.protocol import RenderOptions
from tests.conftest import require_tool
from tests.render.html.test_html_security import HOSTILE

pytestmark = [pytest.mark.tools, pytest.mark.slow]

EPOCH = 1551225600  # 2019-02-27, the report's date


def _require_pdf_extra() -> None:
    try:
        import pikepdf  # noqa: F401
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        message = f"the pdf extra is not installed ({error}); pip install '.[pdf]'"
        if os.environ.get("SMARTIND_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _render(document: Document) -> bytes:
    _require_pdf_extra()
    from smartind_render.pdf import PdfRenderer

    return PdfRenderer().render(document, RenderOptions(source_date_epoch=EPOCH))


@pytest.fixture(scope="module")
def bundled() -> Document:
    return compose(load_report(bundled_example_path()))


@pytest.fixture(scope="module")
def pdf_file(bundled: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "slutrapport.pdf"
    path.write_bytes(_render(bundled))
    return path


def _text(pdf: Path, page: int | None = None) -> str:
    pdftotext = require_tool("pdftotext")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(
        [pdftotext, "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    # Thin and no-break spaces in figures come out as they are; compare with plain spaces.
    return re.sub(r"[\u00a0\u2009\u202f]", " ", done.stdout)


def test_pdfua_finds_no_errors_and_no_warnings(pdf_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(pdf_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "errors=0 warnings=0" in done.stdout, done.stdout


def test_the_pdf_is_tagged_swedish_and_shows_its_title(pdf_file: Path, bundled: Document) -> None:
    import pikepdf

    with pikepdf.open(pdf_file) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "sv-SE"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert str(pdf.docinfo.Title).startswith(bundled.metadata.title)
        assert str(pdf.docinfo.Author) == bundled.metadata.organisation
        assert str(pdf.docinfo.CreationDate).startswith("D:20190227")


def _outline_titles(pdf_file: Path) -> list[str]:
    import pikepdf

    titles: list[str] = []
    with pikepdf.open(pdf_file) as pdf:
        pending = [pdf.Root.Outlines.First]
        while pending:
            item = pending.pop()
            while item is not None:
                titles.append(str(item.Title))
                if "/First" in item:
                    pending.append(item.First)
                item = item.get("/Next")
    return titles


def test_every_numbered_heading_is_in_the_outline(pdf_file: Path, bundled: Document) -> None:
    numbered = [
        plain_text(block.content)
        for block in iter_blocks(bundled.blocks)
        if isinstance(block, Heading) and block.numbered
    ]
    titles = " | ".join(_outline_titles(pdf_file))
    missing = [heading for heading in numbered if heading not in titles]
    assert numbered
    assert not missing


def test_every_font_is_embedded(pdf_file: Path) -> None:
    pdffonts = require_tool("pdffonts")
    done = subprocess.run([pdffonts, str(pdf_file)], capture_output=True, text=True, check=True)
    rows = done.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s", row), row
        embedded = re.findall(r"\s(yes|no)(?=\s)", row)[0]
        assert embedded == "yes", row


def test_the_contents_page_numbers_lead_to_their_headings(pdf_file: Path) -> None:
    contents = _text(pdf_file, page=2)
    entries = re.findall(r"^\s*(\d+(?:\.\d+)*)\s+(\S.*?)\s*\.{3,}\s*(\d+)\s*$", contents, re.M)
    assert len(entries) > 10
    for number, heading, page in entries:
        text = " ".join(_text(pdf_file, page=int(page)).split())
        assert f"{number} {' '.join(heading.split())}" in text, (number, heading, page)


def test_every_figure_of_the_account_is_in_the_text(pdf_file: Path, bundled: Document) -> None:
    text = " ".join(_text(pdf_file).split())
    figures: list[str] = []
    after_account = False
    for block in iter_blocks(bundled.blocks):
        if isinstance(block, Heading) and "Ekonomisk redovisning" in plain_text(block.content):
            after_account = True
        if after_account and isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    figures += [
                        " ".join(i.text(bundled.number_style).split())
                        for i in iter_inlines(cell.content)
                        if isinstance(i, Number)
                    ]
    assert len(figures) > 20
    missing = [figure for figure in figures if figure not in text]
    assert not missing


def test_footnotes_stand_at_the_foot_of_the_page_that_refers_to_them(pdf_file: Path) -> None:
    # The bundled report's first footnote cites the strategy; its page holds the call and the note.
    pages = _text(pdf_file).split("\f")
    holding = [n for n, page in enumerate(pages, 1) if "Regeringskansliet" in page]
    assert holding
    assert "Fotnoter" not in " ".join(pages)  # no list of notes at the end


def test_hostile_strings_stay_text(tmp_path: Path) -> None:
    document = Document(
        Metadata("Rapport", subtitle="Fientlig text"),
        [Paragraph([Text(text)]) for text in HOSTILE],
    )
    path = tmp_path / "fientlig.pdf"
    path.write_bytes(_render(document))
    text = " ".join(_text(path).split())
    for hostile in HOSTILE:
        assert " ".join(hostile.split()) in text


def test_two_renders_are_byte_identical(pdf_file: Path, bundled: Document) -> None:
    assert _render(bundled) == pdf_file.read_bytes()


def test_the_pages_are_a4(pdf_file: Path) -> None:
    import pikepdf

    with pikepdf.open(pdf_file) as pdf:
        boxes = {tuple(round(float(v)) for v in page.mediabox) for page in pdf.pages}
    assert boxes == {(0, 0, 595, 842)}


def _pages_holding(pdf: Path, *needles: str) -> list[set[int]]:
    pages = _text(pdf).split("\f")
    return [{n for n, page in enumerate(pages, 1) if needle in page} for needle in needles]


# Without the rule, each of these puts the page break inside the table.
@pytest.mark.parametrize("filler", [20, 24, 48, 52, 78])
def test_a_short_table_is_kept_on_one_page(tmp_path: Path, filler: int) -> None:
    from smartind.document import Align, Cell, ColumnSpec, Row, RowKind

    rows = [Row([Cell([Text("Kolumn")])], kind=RowKind.HEAD)]
    rows += [Row([Cell([Text(f"radnummer{n}")])]) for n in range(12)]
    paragraphs = [Paragraph([Text(f"Stycke {n} som fyller sidan.")]) for n in range(filler)]
    document = Document(Metadata("Rapport"), [*paragraphs, Table([ColumnSpec(Align.LEFT)], rows)])
    path = tmp_path / "kort.pdf"
    path.write_bytes(_render(document))
    first, last = _pages_holding(path, "radnummer0", "radnummer11")
    assert first == last


def test_a_long_table_runs_on_with_its_header_on_every_page(tmp_path: Path) -> None:
    from smartind.document import Align, Cell, ColumnSpec, Row, RowKind

    rows = [Row([Cell([Text("Kolumnrubrik")])], kind=RowKind.HEAD)]
    rows += [Row([Cell([Text(f"rad{n}")])]) for n in range(150)]
    document = Document(Metadata("Rapport"), [Table([ColumnSpec(Align.LEFT)], rows)])
    path = tmp_path / "lang.pdf"
    path.write_bytes(_render(document))
    pages = [page for page in _text(path).split("\f") if "rad" in page]
    assert len(pages) > 2
    assert all("Kolumnrubrik" in page for page in pages)


def test_a_template_folder_can_change_the_page_footer(tmp_path: Path, bundled: Document) -> None:
    _require_pdf_extra()
    from smartind_render.pdf import PdfRenderer

    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "pdf.css").write_text(
        '@page { size: A4; @bottom-center { content: "Sida " counter(page) " (" '
        'counter(pages) ")"; } }\n',
        encoding="utf-8",
    )
    options = RenderOptions(source_date_epoch=EPOCH, template_dir=folder)
    path = tmp_path / "egen.pdf"
    path.write_bytes(PdfRenderer().render(bundled, options))
    assert re.search(r"Sida 3 \(\d+\)", _text(path, page=3))
