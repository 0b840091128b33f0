"""Composition: chapter Markdown mapped onto the document model, and the cover metadata."""

from __future__ import annotations

import warnings

import pytest

from smartind.compose import compose
from smartind.document import (
    Align,
    BulletList,
    Callout,
    Cell,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    Metadata,
    Note,
    OrderedList,
    Paragraph,
    Person,
    Row,
    RowKind,
    Strong,
    Table,
    Text,
    heading_numbers,
)
from smartind.errors import SmartindWarning
from smartind.report import Chapter
from tests.compose.test_compose_fixture import blocks_of, compose_text, make_report

# ---------------------------------------------------------------------------------------------
# Metadata


def test_metadata_comes_from_the_report_and_its_assignment() -> None:
    document = compose(make_report())
    assert document.metadata == Metadata(
        title="Slutrapport",
        subtitle="Uppdrag att pröva sammanställning N2020/00001/TEST",
        organisation="Testverket",
        case_numbers=("N2020/00001/TEST", "Ä 2020-1"),
        date="2019-02-27",
        place="Stockholm",
        decided_by=Person("Ada Andersson", "generaldirektör"),
        case_officers=(Person("Bo Berg", "enhetschef"), Person("Cecilia Ek")),
        presenter=Person("Cecilia Ek"),
        language="sv-SE",
        keywords=("Testuppdraget", "Teststrategin", "Slutrapport"),
    )


def test_the_number_style_is_the_reports_unless_asked_for() -> None:
    report = make_report()
    assert compose(report).number_style == report.metadata.number_style
    assert compose(report, style="sprakradet").number_style == "sprakradet"


def test_chapters_follow_each_other_in_report_order() -> None:
    report = make_report(chapters=[Chapter("01-a.md", "Första."), Chapter("02-b.md", "Andra.")])
    assert compose(report).blocks == (Paragraph([Text("Första.")]), Paragraph([Text("Andra.")]))


# ---------------------------------------------------------------------------------------------
# Headings


def test_heading_levels_map_to_levels_one_to_four() -> None:
    blocks = blocks_of("# A\n\n## B\n\n### C\n\n#### D\n")
    assert [b.level for b in blocks if isinstance(b, Heading)] == [1, 2, 3, 4]


def test_headings_are_numbered_unless_marked_unnumbered() -> None:
    blocks = blocks_of("# Sammanfattning {.unnumbered}\n\n# Uppdraget\n\n## Bakgrund\n")
    assert [b.numbered for b in blocks if isinstance(b, Heading)] == [False, True, True]
    assert list(heading_numbers(blocks).values()) == ["1", "1.1"]


def test_heading_attributes_are_removed_from_the_text() -> None:
    (heading,) = blocks_of("# Sammanfattning {#sammanfattning .unnumbered}\n")
    assert heading == Heading(1, [Text("Sammanfattning")], numbered=False, id="sammanfattning")


def test_a_heading_without_an_id_gets_a_slug_of_its_text() -> None:
    (heading,) = blocks_of("## Övergången till *Smart industri* 2.0\n")
    assert isinstance(heading, Heading)
    assert heading.id == "overgangen-till-smart-industri-2-0"


def test_heading_ids_are_unique_across_chapters() -> None:
    report = make_report(
        chapters=[Chapter("01.md", "# Resultat\n\n## Resultat\n"), Chapter("02.md", "# Resultat")],
        account=None,
    )
    ids = [b.id for b in compose(report).blocks if isinstance(b, Heading)]
    assert ids == ["resultat", "resultat-2", "resultat-3"]


def test_a_heading_ending_in_an_expression_keeps_it() -> None:
    (heading,) = blocks_of("# Om {{ assignment.name }}\n")
    assert heading == Heading(1, [Text("Om Testuppdraget")], id="om-testuppdraget")


# ---------------------------------------------------------------------------------------------
# Blocks and inlines


def test_paragraph_inlines() -> None:
    (paragraph,) = blocks_of("Vi *prövar* **fetstil** och [en länk](https://example.org).\n")
    assert paragraph == Paragraph(
        [
            Text("Vi "),
            Emphasis([Text("prövar")]),
            Text(" "),
            Strong([Text("fetstil")]),
            Text(" och "),
            Link([Text("en länk")], "https://example.org"),
            Text("."),
        ]
    )


def test_soft_breaks_are_spaces_and_hard_breaks_are_line_breaks() -> None:
    (paragraph,) = blocks_of("ett\ntvå  \ntre\n")
    assert paragraph == Paragraph([Text("ett två"), LineBreak(), Text("tre")])


def test_bullet_and_ordered_lists() -> None:
    blocks = blocks_of("- a\n- b\n\n3. c\n4. d\n")
    assert blocks == (
        BulletList([[Paragraph([Text("a")])], [Paragraph([Text("b")])]]),
        OrderedList([[Paragraph([Text("c")])], [Paragraph([Text("d")])]], start=3),
    )


def test_nested_lists_are_blocks_of_their_item() -> None:
    (outer,) = blocks_of("- a\n  - b\n")
    assert outer == BulletList([[Paragraph([Text("a")]), BulletList([[Paragraph([Text("b")])]])]])


def test_pipe_tables_keep_alignment_and_head_rows() -> None:
    (table,) = blocks_of("| Län | Antal |\n|---|--:|\n| Skåne | 3 |\n| Kalmar | |\n")
    assert isinstance(table, Table)
    assert [c.align for c in table.columns] == [Align.LEFT, Align.RIGHT]
    assert table.rows == (
        Row([Cell([Text("Län")]), Cell([Text("Antal")])], RowKind.HEAD),
        Row([Cell([Text("Skåne")]), Cell([Text("3")])]),
        Row([Cell([Text("Kalmar")]), Cell()]),
    )


def test_callouts_have_a_title_and_blocks() -> None:
    (callout,) = blocks_of("::: callout Resultat\nMer än *väntat*.\n\n- en punkt\n:::\n")
    assert callout == Callout(
        [Text("Resultat")],
        [
            Paragraph([Text("Mer än "), Emphasis([Text("väntat")]), Text(".")]),
            BulletList([[Paragraph([Text("en punkt")])]]),
        ],
    )


def test_a_footnote_becomes_a_note_where_it_is_referenced() -> None:
    (paragraph,) = blocks_of("Påstående[^k] och mer.\n\n[^k]: Källan, *sidan 3*.\n")
    assert paragraph == Paragraph(
        [
            Text("Påstående"),
            Note([Paragraph([Text("Källan, "), Emphasis([Text("sidan 3")]), Text(".")])]),
            Text(" och mer."),
        ]
    )


def test_a_footnote_may_hold_several_paragraphs() -> None:
    (paragraph,) = blocks_of("Text[^k]\n\n[^k]: Första.\n\n    Andra.\n")
    assert isinstance(paragraph, Paragraph)
    assert paragraph.content[1] == Note([Paragraph([Text("Första.")]), Paragraph([Text("Andra.")])])


def test_footnote_labels_are_local_to_their_file() -> None:
    report = make_report(
        chapters=[
            Chapter("01.md", "Ett[^k]\n\n[^k]: Första filens not.\n"),
            Chapter("02.md", "Två[^k]\n\n[^k]: Andra filens not.\n"),
        ],
        account=None,
    )
    notes = [b.content[1] for b in compose(report).blocks if isinstance(b, Paragraph)]
    assert notes == [
        Note([Paragraph([Text("Första filens not.")])]),
        Note([Paragraph([Text("Andra filens not.")])]),
    ]


def test_an_unused_footnote_is_a_warning() -> None:
    with pytest.warns(SmartindWarning, match=r"01-test\.md, line 3: footnote \[\^x\]"):
        compose_text("Text.\n\n[^x]: Oanvänd.\n")


def test_raw_html_is_literal_text() -> None:
    blocks = blocks_of("Ett <b>fett</b> ord.\n\n<div>block</div>\n")
    assert blocks == (
        Paragraph([Text("Ett <b>fett</b> ord.")]),
        Paragraph([Text("<div>block</div>")]),
    )


def test_a_code_span_is_literal_text_and_its_braces_are_not_an_expression() -> None:
    (paragraph,) = blocks_of("Skriv `{{ assignment.name }}` så här.\n")
    assert paragraph == Paragraph([Text("Skriv {{ assignment.name }} så här.")])


def test_an_escaped_note_reference_is_literal() -> None:
    (paragraph,) = blocks_of("Skriv \\[^k] för en not.\n")
    assert paragraph == Paragraph([Text("Skriv [^k] för en not.")])


def test_composition_warns_of_nothing_for_a_clean_chapter() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compose_text("# Rubrik\n\nText[^a].\n\n[^a]: Not.\n")
