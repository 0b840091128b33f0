"""The Markdown renderer: GitHub-flavoured Markdown that reads back as the same document."""

from __future__ import annotations

import re
import warnings
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from smartind.document import (
    Align,
    Callout,
    Cell,
    ColumnSpec,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    Note,
    Number,
    NumberKind,
    PageBreak,
    Paragraph,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from smartind.errors import SmartindWarning
from smartind_render.markdown import MarkdownRenderer, render_text
from smartind_render.protocol import Renderer, RenderOptions
from smartind_render.registry import load_renderer
from smartind_render.stamp import Verdict, verdict
from tests.documents import HOSTILE, HOSTILE_LINE_STARTS, SAMPLE, document_with
from tests.golden import assert_golden
from tests.markdown_parse import inline_text, parse, tokens_of


def _render(*blocks: object, style: str | None = None) -> str:
    return render_text(document_with(*blocks), RenderOptions(style=style))


def _paragraph_texts(tokens: list[Token]) -> list[str]:
    return [
        inline_text(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open"
    ]


def _headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [
        (token.tag, inline_text(tokens[index + 1]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _rows(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in {"th_open", "td_open"}:
            rows[-1].append(inline_text(tokens[index + 1]))
    return rows


SAMPLE_TEXT = render_text(SAMPLE, RenderOptions())
SAMPLE_TOKENS = parse(SAMPLE_TEXT)


def test_the_sample_document_matches_its_golden_file() -> None:
    assert_golden("markdown/sample.md", SAMPLE_TEXT)


def test_the_bundled_report_matches_its_golden_file() -> None:
    from smartind.compose import compose
    from smartind.load import load_report, resolve_report

    document = compose(load_report(resolve_report(None)))
    assert_golden("markdown/smart-industri-2019.md.golden", render_text(document, RenderOptions()))


def test_the_renderer_is_registered_as_markdown_and_fits_the_protocol() -> None:
    renderer = load_renderer("markdown")
    assert isinstance(renderer, MarkdownRenderer)
    assert isinstance(renderer, Renderer)
    assert (renderer.name, renderer.media_type, renderer.extension) == (
        "markdown",
        "text/markdown",
        ".md",
    )


def test_render_returns_the_text_as_utf8_bytes() -> None:
    assert MarkdownRenderer().render(SAMPLE, RenderOptions()) == SAMPLE_TEXT.encode("utf-8")


def test_the_output_is_stamped_as_unchanged() -> None:
    assert SAMPLE_TEXT.splitlines()[-1].startswith("<!-- smartind-sha256:")
    assert verdict(SAMPLE_TEXT.encode()) is Verdict.UNCHANGED


def test_rendering_twice_gives_the_same_bytes() -> None:
    assert render_text(SAMPLE, RenderOptions()) == SAMPLE_TEXT


def test_the_title_is_the_only_level_one_heading_and_headings_carry_outline_numbers() -> None:
    assert _headings(SAMPLE_TOKENS) == [
        ("h1", SAMPLE.metadata.title),
        ("h2", "Innehåll"),
        ("h2", "Sammanfattning"),
        ("h2", "1 Inledning"),
        ("h3", "1.1 Uppdraget"),
        ("h3", "1.2 Mål och målgrupper"),
        ("h2", "2 Resultat"),
        ("h3", "2.1 Projekt"),
        ("h4", "2.1.1 Förstudier"),
        ("h5", "2.1.1.1 Län utan förstudie"),
        ("h4", f"2.1.2 {HOSTILE}"),
        ("h2", "3 Ekonomisk redovisning"),
    ]


def test_the_cover_lists_the_metadata_under_the_title() -> None:
    cover = _paragraph_texts(SAMPLE_TOKENS)[1]
    assert cover.splitlines() == [
        "Exempelverket",
        "Diarienummer: Ä 2015-0001, Ä 2016-0002",
        "Ort och datum: Stockholm 2019-03-29",
        "Beslutsfattare: generaldirektör Kim Exempel",
        "Handläggare: handläggare Alex Prov, Robin Test",
        "Föredragande: enhetschef Sam Mall",
    ]


def test_the_contents_link_every_numbered_heading_up_to_its_depth() -> None:
    contents = SAMPLE_TEXT.split("## Innehåll\n\n", 1)[1].split("\n\n", 1)[0]
    links = re.findall(r"^( *)- \[(.*)\]\(#([^)]*)\)$", contents, re.M)
    assert [(len(indent) // 2, anchor) for indent, _label, anchor in links] == [
        (0, "1-inledning"),
        (1, "11-uppdraget"),
        (1, "12-mål-och-målgrupper"),
        (0, "2-resultat"),
        (1, "21-projekt"),
        (2, "211-förstudier"),
        (2, "212-x--77--bfetb-_y_-lhttpsese-kod--a--b-c-m-amp----k---"),
        (0, "3-ekonomisk-redovisning"),
    ]


def test_repeated_headings_get_numbered_anchors_as_on_github() -> None:
    # An unnumbered heading whose text is "1 A" takes the anchor "1-a" first, as GitHub counts
    # every heading; the numbered "1 A" listed in the contents is then "1-a-1".
    text = _render(
        TableOfContents(),
        Heading(1, (Text("1 A"),), numbered=False),
        Heading(1, (Text("A"),)),
    )
    assert "- [1 A](#1-a-1)" in text


def test_unnumbered_headings_stay_out_of_the_contents() -> None:
    text = _render(
        TableOfContents(),
        Heading(1, (Text("Sammanfattning"),), numbered=False),
        Heading(1, (Text("Uppdraget"),)),
    )
    contents = text.split("## Innehåll\n\n", 1)[1].split("\n\n", 1)[0]
    assert contents == "- [1 Uppdraget](#1-uppdraget)"


def test_a_heading_deeper_than_its_parent_does_not_skip_a_list_level_in_the_contents() -> None:
    text = _render(TableOfContents(depth=4), Heading(1, (Text("A"),)), Heading(3, (Text("B"),)))
    assert "- [1 A](#1-a)\n  - [1.1.1 B](#111-b)" in text


def test_numbers_are_set_in_the_document_style_unless_the_options_name_another() -> None:
    share = Number(Decimal("0.7557"), NumberKind.PERCENT)
    for style in ("tillvaxtverket", "sprakradet"):
        tokens = parse(_render(Paragraph((share,)), style=style))
        assert _paragraph_texts(tokens)[-1] == share.text(style)


def test_tables_are_pipe_tables_with_right_aligned_numbers_and_bold_totals() -> None:
    table_start = SAMPLE_TEXT.index("| Post |")
    rows = _rows(parse(SAMPLE_TEXT[table_start:]))
    assert rows[0] == ["Post", "Belopp, 2018", "Belopp, 2019"]
    assert rows[3] == [HOSTILE, "", "0"]
    assert rows[4] == ["Ej fördelat", "", "12"]
    assert "| --- | ---: | ---: |" in SAMPLE_TEXT
    # Digits are grouped with a no-break space (U+00A0), as Swedish typography wants.
    assert "| **Summa** | **14\u00a0089** | **13\u00a0142** |" in SAMPLE_TEXT


def test_the_caption_is_a_paragraph_before_the_table() -> None:
    assert "Resultaträkning, tkr\n\n| Post |" in SAMPLE_TEXT


def test_a_column_of_numbers_only_is_right_aligned_even_when_marked_left() -> None:
    count = Number(Decimal(3), NumberKind.COUNT)
    table = Table(
        (ColumnSpec(), ColumnSpec()),
        (
            Row((Cell((Text("Län"),)), Cell((Text("Antal"),))), RowKind.HEAD),
            Row((Cell((Text("Skåne"),)), Cell((count,)))),
        ),
    )
    assert "| --- | ---: |" in _render(table)


def test_a_table_without_head_rows_gets_an_empty_header() -> None:
    table = Table((ColumnSpec(Align.CENTER),), (Row((Cell((Text("Ensam"),)),)),))
    rows = _rows(parse(_render(table)))
    assert rows == [[""], ["Ensam"]]


def test_a_bold_cell_in_a_total_row_is_not_bolded_twice() -> None:
    table = Table(
        (ColumnSpec(),),
        (Row((Cell((Strong((Text("Summa"),)),)),), RowKind.TOTAL),),
    )
    assert "| **Summa** |" in _render(table)


def test_footnotes_are_numbered_in_order_with_their_definitions_at_the_end() -> None:
    references = re.findall(r"\[\^(\d+)\](?!:)", SAMPLE_TEXT)
    definitions = re.findall(r"^\[\^(\d+)\]: ", SAMPLE_TEXT, re.M)
    assert references == definitions == ["1", "2", "3", "4"]
    assert len(tokens_of(SAMPLE_TOKENS, "footnote_open")) == 4
    assert SAMPLE_TEXT.index("[^1]: ") > SAMPLE_TEXT.index("| **Summa**")


def test_a_note_holding_several_blocks_keeps_them_in_its_definition() -> None:
    assert "[^1]: Källa: *projektdatabasen*\n\n    Uppgifterna avser december." in SAMPLE_TEXT
    assert "    - en punkt i en not" in SAMPLE_TEXT


def test_a_note_inside_a_note_is_numbered_after_it() -> None:
    inner = Note((Paragraph((Text("inre"),)),))
    outer = Note((Paragraph((Text("yttre"), inner)),))
    text = _render(
        Paragraph((Text("a"), outer)), Paragraph((Text("b"), Note((Paragraph((Text("c"),)),))))
    )
    assert "a[^1]" in text
    assert "b[^2]" in text
    assert "[^1]: yttre[^3]" in text
    assert "[^3]: inre" in text


def test_a_note_in_link_text_is_set_after_the_link() -> None:
    link = Link((Text("källa"), Note((Paragraph((Text("not"),)),))), "https://example.se/")
    assert "[källa](https://example.se/)[^1]" in _render(Paragraph((link,)))


def test_a_callout_is_a_block_quote_that_starts_with_its_title_in_bold() -> None:
    text = _render(Callout((Text("Resultat"),), (Paragraph((Text("Allt gick bra."),)),)))
    assert "> **Resultat**\n>\n> Allt gick bra." in text


def test_lists_keep_their_kind_and_start_number() -> None:
    tokens = parse(SAMPLE_TEXT)
    ordered = tokens_of(tokens, "ordered_list_open")
    assert [token.attrs.get("start") for token in ordered] == [3]
    assert len(tokens_of(tokens, "bullet_list_open")) >= 4


def test_emphasis_and_strong_nest_without_doubling() -> None:
    text = _render(
        Paragraph((Emphasis((Text("a "), Emphasis((Text("b"),)), Text(" "))), Text("c"))),
        Paragraph((Strong((Text(" d "),)),)),
    )
    assert "*a b* c" in text
    assert "**d**" in text


def test_a_page_break_writes_nothing() -> None:
    tokens = parse(_render(Paragraph((Text("före"),)), PageBreak(), Paragraph((Text("efter"),))))
    assert _paragraph_texts(tokens)[-2:] == ["före", "efter"]
    assert not tokens_of(tokens, "hr")


def test_a_line_break_is_a_hard_break_and_empty_lines_are_dropped() -> None:
    content = (Text("ett"), LineBreak(), LineBreak(), Text("- två"), LineBreak())
    tokens = parse(_render(Paragraph(content)))
    assert _paragraph_texts(tokens)[-1] == "ett\n- två"


def test_only_http_https_and_mailto_targets_become_links() -> None:
    targets = ("https://a.se/", "http://b.se/", "mailto:c@d.se", "javascript:alert(1)", "file:///e")
    text = _render(*(Paragraph((Link((Text("länk"),), target),)) for target in targets))
    hrefs = [
        child.attrs["href"]
        for token in parse(text)
        for child in token.children or ()
        if child.type == "link_open"
    ]
    assert hrefs == ["https://a.se/", "http://b.se/", "mailto:c@d.se"]


def test_a_link_target_with_markdown_syntax_reads_back_the_same() -> None:
    target = "https://example.se/sök (2019)?a=1&copy;b=<x>|y"
    text = _render(Paragraph((Link((Text("x"),), target),)))
    links = [c for t in parse(text) for c in t.children or () if c.type == "link_open"]
    # markdown-it percent-encodes what a URL may not hold; "&copy;" stays five characters.
    assert links[0].attrs["href"] == "https://example.se/s%C3%B6k%20(2019)?a=1&copy;b=%3Cx%3E%7Cy"


def test_hostile_data_strings_stay_literal_everywhere() -> None:
    texts = _paragraph_texts(SAMPLE_TOKENS)
    assert HOSTILE in texts
    cells = [cell for row in _rows(SAMPLE_TOKENS) for cell in row]
    assert HOSTILE in cells
    assert "⟨html⟩" not in "".join(texts)
    assert not tokens_of(SAMPLE_TOKENS, "html_block")[:-1]  # only the stamp comment


def test_data_that_looks_like_block_syntax_stays_a_paragraph() -> None:
    texts = _paragraph_texts(SAMPLE_TOKENS)
    for start in HOSTILE_LINE_STARTS:
        assert start.strip() in texts


def test_control_characters_become_replacement_characters_with_one_warning() -> None:
    heading = Heading(1, (Text("Rubrik\x07"),))
    with pytest.warns(SmartindWarning) as caught:
        text = _render(TableOfContents(), heading, Paragraph((Text("a\x07b\x1b"),)))
    assert len(caught) == 1
    assert "in 2 text(s) with U+FFFD, first in 'Rubrik\\x07'" in str(caught[0].message)
    assert _paragraph_texts(parse(text))[-1] == "a\ufffdb\ufffd"


# Text as a reader sees it: newlines and tabs read as spaces, a paragraph's outer spaces vanish.
_printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"))


def _seen(text: str) -> str:
    # markdown-it-py strips every Unicode space around a paragraph; GitHub only ASCII ones.
    return re.sub(r"[\n\t]", " ", text).strip()


@settings(max_examples=300, deadline=None)
@given(_printable.filter(lambda text: _seen(text) != ""))
def test_any_text_in_a_paragraph_reads_back_exactly(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rendered = _render(Paragraph((Text(text),)))
    assert _paragraph_texts(parse(rendered))[-1] == _seen(text)


@settings(max_examples=200, deadline=None)
@given(_printable, _printable.filter(lambda text: _seen(text) != ""))
def test_any_text_in_a_table_cell_or_heading_reads_back_exactly(cell: str, title: str) -> None:
    table = Table(
        (ColumnSpec(),),
        (Row((Cell((Text("Rubrik"),)),), RowKind.HEAD), Row((Cell((Text(cell),)),))),
    )
    tokens = parse(_render(Heading(1, (Text(title),)), table))
    assert _headings(tokens)[-1] == ("h2", f"1 {_seen(title).strip()}")
    assert _rows(tokens)[-1] == [cell.replace("\n", " ").replace("\t", " ").strip()]
