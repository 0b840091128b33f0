"""The Word renderer: structure, styles, numbering, notes, tables, properties, determinism."""

from __future__ import annotations

import contextlib
import io
import re
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartind.document import (
    Align,
    BulletList,
    Callout,
    Cell,
    ColumnSpec,
    Computed,
    ComputedBlock,
    Document,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    Metadata,
    Note,
    Number,
    NumberKind,
    OrderedList,
    PageBreak,
    Paragraph,
    Person,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from smartind.errors import RenderError, SmartindWarning
from smartind_render import RenderOptions
from smartind_render.docx import DocxRenderer
from smartind_render.stamp import Verdict, docx_digest, read_docx_stamp, verdict
from tests.render.docx.drafts import DAMAGE, damaged

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EPOCH = 1551225600  # 2019-02-27


def _t(text: str) -> Text:
    return Text(text)


def tkr(value: str) -> Number:
    """An amount given in tkr, shown without its unit as in a table whose caption has it."""
    return Number(Decimal(value) * 1000, NumberKind.AMOUNT, unit="tkr", show_unit=False)


def income_statement() -> Table:
    """The report's income statement: a spanning "Finansiering" header over two columns."""
    columns = [
        ColumnSpec(Align.LEFT, Decimal(3)),
        ColumnSpec(Align.RIGHT, Decimal(1)),
        ColumnSpec(Align.RIGHT, Decimal(1)),
    ]
    rows = [
        Row([Cell(), Cell([_t("Finansiering")], colspan=2)], RowKind.HEAD),
        Row(
            [Cell([_t("Kostnader")]), Cell([_t("Uppdragsmedel")]), Cell([_t("Förvaltning")])],
            RowKind.HEAD,
        ),
        Row([Cell([_t("Personal")]), Cell([tkr("1234")]), Cell([tkr("456")])]),
        Row([Cell([_t("Projektmedel")]), Cell([tkr("18963")]), Cell([tkr("0")])]),
        Row([Cell([_t("Summa")]), Cell([tkr("20197")]), Cell([tkr("456")])], RowKind.TOTAL),
    ]
    return Table(columns, rows, caption=[_t("Resultaträkning, tkr")], id="resultat")


def sample_document() -> Document:
    """A document using every node type, nested where the model allows it."""
    people = Metadata(
        title="Smart industri i regionerna",
        subtitle="Slutrapport för ett regeringsuppdrag",
        organisation="Tillväxtverket",
        case_numbers=("Ä 2016-814", "N2016/02958/FÖF"),
        date="27 februari 2019",
        place="Stockholm",
        decided_by=Person("Gunilla Nordlöf", "generaldirektör"),
        case_officers=(Person("Lars Wikström", "avdelningschef"), Person("Åsa Bjelkeby")),
        presenter=Person("Olof Billebo", "handläggare"),
        keywords=("nyindustrialisering", "regioner"),
    )
    blocks = [
        TableOfContents(),
        PageBreak(),
        Heading(1, [_t("Sammanfattning")], numbered=False, id="sammanfattning"),
        Paragraph(
            [
                _t("Uppdraget omfattade "),
                Computed(
                    [Number(Decimal(21), NumberKind.COUNT, unit="regioner")],
                    "00-sammanfattning.md#facts.regions | length",
                ),
                _t(" och "),
                Number(
                    Decimal("2500000"), NumberKind.AMOUNT, unit="mkr", qualifier="cirka", decimals=1
                ),
                _t(" per projekt."),
                Note([Paragraph([_t("Enligt regeringsbeslutet.")])]),
            ]
        ),
        Heading(1, [_t("Inledning")], id="inledning"),
        Paragraph(
            [
                Strong([_t("Fet")]),
                _t(", "),
                Emphasis([_t("kursiv")]),
                _t(", "),
                Link([_t("en länk")], "https://tillvaxtverket.se/"),
                LineBreak(),
                _t("ny rad."),
                Note(
                    [
                        Paragraph([_t("Se "), Link([_t("webben")], "https://example.org/")]),
                        BulletList([[Paragraph([_t("punkt i not")])]]),
                    ]
                ),
            ]
        ),
        Heading(2, [_t("Bakgrund")], id="bakgrund"),
        BulletList(
            [
                [Paragraph([_t("första punkten")])],
                [
                    Paragraph([_t("andra punkten")]),
                    Paragraph([_t("fortsättning")]),
                    OrderedList([[Paragraph([_t("inre ett")])], [Paragraph([_t("inre två")])]]),
                ],
            ]
        ),
        OrderedList([[Paragraph([_t("ett")])], [Paragraph([_t("två")])]]),
        OrderedList([[Paragraph([_t("tre")])], [Paragraph([_t("fyra")])]], start=3),
        Heading(3, [_t("Tabeller")], id="tabeller"),
        ComputedBlock([income_statement()], "03-tabeller.md#income-statement"),
        Heading(4, [_t("Fjärde nivån")], id="fjarde"),
        Callout(
            [_t("Resultat")],
            [
                Paragraph(
                    [
                        Computed(
                            [_t("Tolv företag")], "03-tabeller.md#facts.companies | length | word"
                        ),
                        _t(" "),
                        Computed(
                            [Note([Paragraph([_t("Not i ruta.")])])],
                            '03-tabeller.md#publication("rapport") | cite',
                        ),
                    ]
                ),
                BulletList([[Paragraph([_t("punkt i ruta")])]]),
            ],
        ),
        Heading(1, [_t("Ekonomisk redovisning")], id="ekonomi"),
        Table(
            [ColumnSpec(), ColumnSpec(Align.RIGHT)],
            [
                Row([Cell([_t("Region")]), Cell([_t("Belopp")])], RowKind.HEAD),
                Row([Cell([_t("Skåne")]), Cell([tkr("400")])]),
            ],
        ),
    ]
    return Document(people, blocks)


def render(document: Document | None = None, **options: object) -> bytes:
    opts = RenderOptions(source_date_epoch=EPOCH, **options)  # type: ignore[arg-type]
    return DocxRenderer().render(document or sample_document(), opts)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes, part: str = "word/document.xml") -> str:
    return members(data)[part].decode("utf-8")


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render()


def test_renderer_describes_its_format() -> None:
    renderer = DocxRenderer()
    assert renderer.name == "docx"
    assert renderer.extension == ".docx"
    assert renderer.media_type.endswith("wordprocessingml.document")


def test_renders_twice_to_identical_bytes() -> None:
    assert render() == render()


def test_source_date_epoch_fixes_zip_times_and_property_dates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    data = DocxRenderer().render(sample_document(), RenderOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2019, 2, 27, 0, 0, 0)}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2019-02-27T00:00:00Z' in xml(
        data, "docProps/core.xml"
    )
    assert data == render()


def test_without_source_date_epoch_the_file_is_dated_by_the_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = sample_document()
    dated = attrs.evolve(document, metadata=attrs.evolve(document.metadata, date="2020-06-30"))
    data = DocxRenderer().render(dated, RenderOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2020, 6, 30, 0, 0, 0)}
    core = xml(data, "docProps/core.xml")
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2020-06-30T00:00:00Z' in core
    assert data == DocxRenderer().render(dated, RenderOptions())


def test_zip_starts_with_content_types(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        assert archive.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_stamp_is_the_digest_of_the_other_members(docx_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        stored = read_docx_stamp(archive)
    assert stored == docx_digest(members(docx_bytes))
    assert verdict(docx_bytes) is Verdict.UNCHANGED


def test_document_properties(docx_bytes: bytes) -> None:
    core = xml(docx_bytes, "docProps/core.xml")
    assert "<dc:title>Smart industri i regionerna</dc:title>" in core
    assert "<dc:subject>Slutrapport för ett regeringsuppdrag</dc:subject>" in core
    assert "<dc:creator>Tillväxtverket</dc:creator>" in core
    assert "<cp:keywords>nyindustrialisering, regioner</cp:keywords>" in core


def test_language_is_swedish_in_the_style_defaults(docx_bytes: bytes) -> None:
    styles = xml(docx_bytes, "word/styles.xml")
    defaults = styles[styles.index("<w:docDefaults") : styles.index("</w:docDefaults>")]
    assert 'w:lang w:val="sv-SE"' in defaults


def test_word_updates_fields_on_opening(docx_bytes: bytes) -> None:
    assert '<w:updateFields w:val="true"/>' in xml(docx_bytes, "word/settings.xml")


def test_table_of_contents_is_a_field(docx_bytes: bytes) -> None:
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml(docx_bytes)


def test_footer_holds_a_page_field(docx_bytes: bytes) -> None:
    assert " PAGE " in xml(docx_bytes, "word/footer1.xml")
    assert "<w:titlePg/>" in xml(docx_bytes)


def test_cover_names_decision_maker_officers_and_place(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    cover = body[: body.index("<w:pageBreakBefore/>")]
    for text in (
        "Smart industri i regionerna",
        "Ä 2016-814",
        "generaldirektör Gunilla Nordlöf",
        "avdelningschef Lars Wikström",
        "Stockholm, 27 februari 2019",
        "Olof Billebo",
    ):
        assert text in cover


def test_headings_are_numbered_through_their_styles(docx_bytes: bytes) -> None:
    from lxml import etree

    styles = etree.fromstring(members(docx_bytes)["word/styles.xml"])
    numbering = etree.fromstring(members(docx_bytes)["word/numbering.xml"])
    heading = styles.find(f"{W}style[@{W}styleId='Heading2']")
    num_id = heading.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    assert heading.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val") == "1"
    num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = numbering.find(f"{W}abstractNum[@{W}abstractNumId='{abstract_id}']")
    levels = {
        lvl.find(f"{W}pStyle").get(f"{W}val"): lvl.find(f"{W}lvlText").get(f"{W}val")
        for lvl in abstract.findall(f"{W}lvl")
    }
    assert levels == {
        "Heading1": "%1",
        "Heading2": "%1.%2",
        "Heading3": "%1.%2.%3",
        "Heading4": "%1.%2.%3.%4",
    }


def test_unnumbered_heading_opts_out_of_numbering(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    paragraph = re.search(r"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>(.*?)</w:p>", body)
    assert paragraph is not None and "Sammanfattning" in paragraph.group(0)
    assert '<w:numId w:val="0"/>' in paragraph.group(1)


def test_every_ordered_list_restarts(docx_bytes: bytes) -> None:
    numbering = xml(docx_bytes, "word/numbering.xml")
    starts = re.findall(r'<w:startOverride w:val="(\d+)"/>', numbering)
    assert starts == ["1", "1", "3"]  # the inner list, then the two top-level lists
    body = xml(docx_bytes)
    ids = re.findall(
        r'<w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="\d"/>'
        r'<w:numId w:val="(\d+)"/>',
        body,
    )
    assert len(set(ids)) == 3


def test_footnotes_are_real_notes(docx_bytes: bytes) -> None:
    notes = xml(docx_bytes, "word/footnotes.xml")
    assert notes.count("<w:footnoteRef/>") == 3
    assert xml(docx_bytes).count("<w:footnoteReference ") == 3
    assert 'w:type="separator" w:id="-1"' in notes
    assert "webben" in notes
    rels = xml(docx_bytes, "word/_rels/footnotes.xml.rels")
    assert 'Target="https://example.org/" TargetMode="External"' in rels


def test_table_header_repeats_and_finansiering_spans_two_columns(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    first_table = body[body.index("Resultaträkning") : body.index("</w:tbl>")]
    assert first_table.count("<w:tblHeader/>") == 2
    spanning = re.search(r'<w:gridSpan w:val="2"/>.*?</w:tc>', first_table)
    assert spanning is not None and "Finansiering" in spanning.group(0)


def test_numbers_are_right_aligned_and_totals_bold(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    digits = tkr("18963").text("tillvaxtverket")
    assert f'<w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">{digits}<' in body
    total = body[body.index(">Summa<") - 200 : body.index(">Summa<")]
    assert "<w:b/>" in total


def test_caption_comes_before_its_table(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    caption = body.index("Resultaträkning, tkr")
    assert body.rfind('<w:pStyle w:val="Caption"/>', 0, caption) > body.rfind(
        "</w:tbl>", 0, caption
    )
    assert body.index("<w:tbl>", caption) > caption


def test_callout_is_a_box_with_its_own_styles(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    assert '<w:tblStyle w:val="CalloutBox"/>' in body
    assert '<w:pStyle w:val="CalloutTitle"/>' in body


def test_number_style_option_overrides_the_documents() -> None:
    paragraph = Paragraph([Number(Decimal("1234567"), NumberKind.COUNT)])
    document = Document(Metadata("T"), [paragraph])
    default = xml(render(document))
    other = xml(render(document, style="sprakradet"))
    expected_default = Number(Decimal("1234567"), NumberKind.COUNT).text("tillvaxtverket")
    expected_other = Number(Decimal("1234567"), NumberKind.COUNT).text("sprakradet")
    assert f">{expected_default}<" in default
    assert f">{expected_other}<" in other


def test_control_characters_are_replaced_with_a_warning() -> None:
    document = Document(Metadata("Titel\x07"), [Paragraph([_t("a\x00b\x1bc")])])
    with pytest.warns(SmartindWarning, match="control character"):
        data = render(document)
    assert "a\ufffdb\ufffdc" in xml(data)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40))
def test_any_text_stays_literal_and_well_formed(text: str) -> None:
    from lxml import etree

    document = Document(Metadata(text or "T"), [Paragraph([_t(text)]), Heading(1, [_t(text)])])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmartindWarning)
        data = render(document)
    root = etree.fromstring(members(data)["word/document.xml"])
    assert root is not None


def test_shared_hostile_strings_stay_literal() -> None:
    from docx import Document as open_docx

    from tests.documents import HOSTILE, HOSTILE_LINE_STARTS

    strings = [HOSTILE, *HOSTILE_LINE_STARTS]
    data = render(Document(Metadata("T"), [Paragraph([_t(s)]) for s in strings]))
    texts = [p.text for p in open_docx(io.BytesIO(data)).paragraphs]
    for text in strings:
        assert text in texts


def test_hostile_strings_stay_literal() -> None:
    hostile = '<w:p>&amp; "]]> {{ x }} <script>'
    data = render(Document(Metadata(hostile), [Paragraph([_t(hostile)])]))
    from docx import Document as open_docx

    texts = [p.text for p in open_docx(io.BytesIO(data)).paragraphs]
    assert texts.count(hostile) == 2  # the cover title and the paragraph


def test_python_docx_reopens_the_file(docx_bytes: bytes) -> None:
    from docx import Document as open_docx

    reopened = open_docx(io.BytesIO(docx_bytes))
    assert reopened.core_properties.title == "Smart industri i regionerna"
    # python-docx lists the tables at the top level of the body; the income statement sits in a
    # content control (it is computed from data), so it is found in the XML instead.
    assert len(reopened.tables) == 2  # a table and the callout box
    assert len(reopened.element.body.findall(f".//{W}tbl")) == 3
    assert reopened.sections[0].page_width == 11906 * 635  # A4, in EMU


def test_reference_docx_missing_style_falls_back_with_a_warning(tmp_path: Path) -> None:
    template = tmp_path / "agency.docx"
    with zipfile.ZipFile(_reference(), "r") as source, zipfile.ZipFile(template, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = data.replace(
                    b'w:styleId="CalloutBox"><w:name w:val="Callout Box"/>',
                    b'w:styleId="CalloutBox"><w:name w:val="Agency Box"/>',
                )
                data = data.replace(b'w:styleId="Heading1"', b'w:styleId="Rubrik1"')
            target.writestr(name, data)
    with pytest.warns(SmartindWarning, match="'Callout Box'") as caught:
        data = render(reference_docx=template)
    assert len([w for w in caught if issubclass(w.category, SmartindWarning)]) == 1
    body = xml(data)
    assert '<w:pStyle w:val="Rubrik1"/>' in body
    assert '<w:tblStyle w:val="SmartindCalloutBox"/>' in body


def test_reference_docx_that_is_not_a_docx_is_a_render_error(tmp_path: Path) -> None:
    bogus = tmp_path / "mall.docx"
    bogus.write_text("inte en docx")
    with pytest.raises(RenderError, match=r"cannot be read as a \.docx"):
        render(reference_docx=bogus)


def test_reference_without_numbered_headings_gets_heading_numbering(tmp_path: Path) -> None:
    template = tmp_path / "plain.docx"
    from docx import Document as new_docx

    new_docx().save(str(template))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmartindWarning)
        data = render(reference_docx=template)
    numbering = xml(data, "word/numbering.xml")
    assert '<w:lvlText w:val="%1.%2.%3.%4"/>' in numbering
    styles = xml(data, "word/styles.xml")
    heading = styles[styles.index('w:styleId="Heading1"') :]
    assert "<w:numPr>" in heading[: heading.index("</w:style>")]


def _reference() -> Path:
    from smartind_render._templates import templates_dir

    return templates_dir() / "docx" / "reference.docx"


def test_committed_reference_docx_matches_its_build_script(tmp_path: Path) -> None:
    import runpy

    script = _reference().parent / "build_reference.py"
    module = runpy.run_path(str(script))
    rebuilt = tmp_path / "reference.docx"
    module["main"](rebuilt)
    assert rebuilt.read_bytes() == _reference().read_bytes(), (
        "templates/docx/reference.docx is stale: run python templates/docx/build_reference.py"
    )


def test_page_break_becomes_page_break_before_the_next_paragraph() -> None:
    document = Document(
        Metadata("T"), [Paragraph([_t("före")]), PageBreak(), Paragraph([_t("efter")])]
    )
    body = xml(render(document))
    after = body[: body.index(">efter<")]
    assert after[after.rindex("<w:p>") :].count("<w:pageBreakBefore/>") == 1
    assert '<w:br w:type="page"/>' not in body


def test_page_break_before_a_table_is_a_break_paragraph() -> None:
    table = Table([ColumnSpec()], [Row([Cell([_t("x")])])])
    body = xml(render(Document(Metadata("T"), [Paragraph([_t("a")]), PageBreak(), table])))
    assert body.index('<w:br w:type="page"/>') < body.index("<w:tbl>")


def test_columns_without_weights_are_sized_from_their_content() -> None:
    columns = [ColumnSpec(), ColumnSpec(Align.RIGHT), ColumnSpec(Align.RIGHT)]
    rows = [
        Row(
            [Cell([_t("Projekt")]), Cell([_t("Beviljat")]), Cell([_t("Förvaltningsanslaget")])],
            RowKind.HEAD,
        ),
        Row(
            [
                Cell([_t("Smart industri i Jämtland Härjedalen")]),
                Cell([tkr("2500")]),
                Cell([tkr("12")]),
            ]
        ),
    ]
    body = xml(render(Document(Metadata("T"), [Table(columns, rows)])))
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', body)]
    assert sum(widths) == 11906 - 2 * 1531  # the text width of an A4 page with our margins
    text, granted, long_header = widths
    assert text > long_header > granted


def test_explicit_column_weights_set_the_grid(docx_bytes: bytes) -> None:
    body = xml(docx_bytes)
    grid = body[body.index("<w:tblGrid>") : body.index("</w:tblGrid>")]
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', grid)]
    assert widths[0] == pytest.approx(3 * widths[1], abs=3)
    assert widths[1] == pytest.approx(widths[2], abs=3)


@pytest.mark.parametrize(
    "table",
    [
        Table([ColumnSpec(), ColumnSpec()], [], caption=[_t("Tom tabell")]),
        Table([], [], caption=[_t("Ingen kolumn")]),
    ],
    ids=["no-rows", "no-columns"],
)
def test_degenerate_tables_still_give_a_valid_file(table: Table) -> None:
    from docx import Document as open_docx

    data = render(Document(Metadata("T"), [table]))
    reopened = open_docx(io.BytesIO(data))
    assert all(len(t.rows) >= 1 for t in reopened.tables)


def test_own_template_has_every_style_so_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render()


def test_agency_section_keeps_its_page_size_and_gets_our_footer(tmp_path: Path) -> None:
    from docx import Document as new_docx

    template = tmp_path / "letter.docx"
    new_docx().save(str(template))  # US Letter, with a header and footer reference of its own
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmartindWarning)
        body = xml(render(reference_docx=template))
    section = body[body.rindex("<w:sectPr") :]
    assert '<w:pgSz w:w="12240" w:h="15840"/>' in section
    assert section.count("<w:footerReference ") == 1
    assert "<w:headerReference" not in section


def test_style_ids_and_names_with_markup_characters_are_written_escaped(tmp_path: Path) -> None:
    """A template's ids and names are data: '&', '<' and quotes in them stay literal."""
    from lxml import etree

    odd_id = "Brödtext&<\"'1"
    odd_name = 'Agency "body" & <text>'
    template = tmp_path / "agency.docx"
    with zipfile.ZipFile(_reference()) as source, zipfile.ZipFile(template, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/styles.xml":
                root = etree.fromstring(data)
                for style in root.iter(f"{W}style"):
                    if style.get(f"{W}styleId") == "BodyText":
                        style.set(f"{W}styleId", odd_id)
                    for ref in style.iter(f"{W}basedOn", f"{W}next", f"{W}link"):
                        if ref.get(f"{W}val") == "BodyText":
                            ref.set(f"{W}val", odd_id)
                extra = etree.SubElement(root, f"{W}style", {f"{W}type": "paragraph"})
                extra.set(f"{W}styleId", "Extra&<")
                etree.SubElement(extra, f"{W}name").set(f"{W}val", odd_name)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(item, data)
    data = render(reference_docx=template)
    body = etree.fromstring(members(data)["word/document.xml"])
    styles = {p.get(f"{W}val") for p in body.iter(f"{W}pStyle")}
    assert odd_id in styles
    from docx import Document as open_docx

    reopened = open_docx(io.BytesIO(data))
    assert odd_name in {style.name for style in reopened.styles}


def test_a_word_template_dotx_is_a_reference_and_the_output_is_a_document(
    tmp_path: Path,
) -> None:
    template = tmp_path / "profil.dotx"
    document_type = b"wordprocessingml.document.main+xml"
    with zipfile.ZipFile(_reference()) as source, zipfile.ZipFile(template, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                assert document_type in data
                data = data.replace(document_type, b"wordprocessingml.template.main+xml")
            target.writestr(item, data)
    output = members(render(reference_docx=template))
    assert document_type in output["[Content_Types].xml"]
    assert b"template.main" not in output["[Content_Types].xml"]


REFERENCE_MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "word/document.xml",
                "word/styles.xml",
                "word/numbering.xml",
                "word/settings.xml",
                "[Content_Types].xml",
                "word/_rels/document.xml.rels",
            ]
        ),
        st.sampled_from(DAMAGE),
        st.integers(0, 100_000),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40)
@given(mutations=REFERENCE_MUTATIONS)
def test_a_damaged_reference_renders_or_is_a_render_error(
    mutations: list[tuple[str, str, int]],
) -> None:
    """An agency template is input too: whatever is wrong in it, no exception but RenderError."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "mall.docx"
        template.write_bytes(damaged(_reference().read_bytes(), mutations))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SmartindWarning)
            with contextlib.suppress(RenderError):
                render(reference_docx=template)
