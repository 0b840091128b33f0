"""The HTML renderer writes one self-contained, structured page from a Document."""

from __future__ import annotations

import itertools
import os
import re
from decimal import Decimal
from importlib.metadata import entry_points
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import HtmlElement

from smartind.document import (
    Align,
    Callout,
    Cell,
    ColumnSpec,
    Document,
    Heading,
    Metadata,
    Note,
    Number,
    NumberKind,
    Paragraph,
    Person,
    Row,
    Table,
    TableOfContents,
    Text,
    iter_blocks,
    iter_inlines,
    plain_text,
)
from smartind.errors import SmartindWarning
from smartind_render.html import HtmlRenderer
from smartind_render.html._cover import decision_text
from smartind_render.protocol import Renderer, RenderOptions
from smartind_render.stamp import Verdict, read_text_stamp, verdict
from tests.documents import SAMPLE, document_with

GOLDEN = Path(__file__).resolve().parent.parent.parent / "golden" / "html"


def render(document: Document = SAMPLE, **options: object) -> bytes:
    return HtmlRenderer().render(document, RenderOptions(**options))  # type: ignore[arg-type]


def parse(page: bytes) -> HtmlElement:
    return lxml.html.document_fromstring(page)


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def style_sheet(page: HtmlElement) -> str:
    return "".join(style.text_content() for style in page.iter("style"))


@pytest.fixture(scope="module")
def sample_page() -> bytes:
    return render()


@pytest.fixture(scope="module")
def page(sample_page: bytes) -> HtmlElement:
    return parse(sample_page)


# ----------------------------------------------------------------------------------------------
# The renderer as a plugin


def test_the_renderer_is_registered_under_its_format_name() -> None:
    (entry,) = entry_points(group="smartind.renderers", name="html")
    renderer = entry.load()()
    assert isinstance(renderer, Renderer)
    assert (renderer.name, renderer.media_type, renderer.extension) == (
        "html",
        "text/html",
        ".html",
    )


def test_rendering_twice_gives_the_same_bytes(sample_page: bytes) -> None:
    assert render() == sample_page


def test_the_page_ends_with_a_stamp_that_matches_its_content(sample_page: bytes) -> None:
    text = sample_page.decode("utf-8")
    assert read_text_stamp(text) is not None
    assert text.splitlines()[-1].startswith("<!-- smartind-sha256:")
    assert verdict(sample_page) is Verdict.UNCHANGED


def test_the_page_matches_the_golden_file(sample_page: bytes) -> None:
    golden = GOLDEN / "sample.html"
    if os.environ.get("SMARTIND_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(sample_page)
    assert golden.exists(), "no golden file; run with SMARTIND_UPDATE_GOLDEN=1 to write it"
    assert sample_page.decode("utf-8") == golden.read_text(encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# Head and header


def test_the_page_is_swedish_utf8_with_viewport_and_title(
    sample_page: bytes, page: HtmlElement
) -> None:
    assert sample_page.startswith(b"<!DOCTYPE html>\n")
    assert page.get("lang") == "sv"
    assert page.find("head/meta[@charset]").get("charset") == "utf-8"
    viewport = page.find("head/meta[@name='viewport']")
    assert "width=device-width" in viewport.get("content")
    meta = SAMPLE.metadata
    assert page.find("head/title").text == f"{meta.title} – {meta.subtitle}"


def test_the_header_shows_the_reports_metadata(page: HtmlElement) -> None:
    header = text_of(page.find("body/header"))
    meta = SAMPLE.metadata
    for value in (meta.title, meta.subtitle, meta.organisation, meta.place, *meta.case_numbers):
        assert value in header
    assert page.find("body/header/h1").text == meta.title
    time = page.find(".//header//time")
    assert time.get("datetime") == meta.date == time.text


def test_the_header_says_who_decided_and_who_prepared_the_report(page: HtmlElement) -> None:
    (decision,) = page.find_class("decision")
    text = text_of(decision)
    meta = SAMPLE.metadata
    assert meta.decided_by is not None and meta.presenter is not None
    for person in (meta.decided_by, *meta.case_officers, meta.presenter):
        assert str(person) in text


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        (Metadata("T"), ""),
        (Metadata("T", decided_by=Person("Kim", "gd")), "Rapporten godkändes av gd Kim."),
        (Metadata("T", presenter=Person("Sam")), "Sam var föredragande."),
        (
            Metadata("T", case_officers=(Person("A"), Person("B"), Person("C"))),
            "Ärendet bereddes av A, B och C.",
        ),
    ],
)
def test_the_decision_sentence_names_only_the_people_the_metadata_has(
    metadata: Metadata, expected: str
) -> None:
    assert decision_text(metadata) == expected


def test_a_report_without_people_has_no_decision_paragraph() -> None:
    page = parse(render(Document(Metadata("Titel"), (Paragraph((Text("x"),)),))))
    assert page.find_class("decision") == []


# ----------------------------------------------------------------------------------------------
# Contents, headings and chapters


def _sample_headings() -> list[Heading]:
    return [block for block in SAMPLE.blocks if isinstance(block, Heading)]


def test_the_contents_is_a_labelled_nav_linking_every_numbered_heading_in_order(
    page: HtmlElement,
) -> None:
    (nav,) = page.iter("nav")
    assert nav.get("aria-label") == "Innehåll"
    targets = [a.get("href") for a in nav.iter("a")]
    ids = [h.get("id") for h in page.find("body/main").iter("h2", "h3", "h4", "h5")]
    toc_depth = next(b for b in SAMPLE.blocks if isinstance(b, TableOfContents)).depth
    shown = [h for h in _sample_headings() if h.numbered and h.level <= toc_depth]
    assert targets == [f"#{h.id}" for h in shown]
    assert all(target[1:] in ids for target in targets)


def test_the_contents_depth_follows_the_table_of_contents_block() -> None:
    document = document_with(
        TableOfContents(depth=1),
        Heading(1, (Text("Ett"),)),
        Heading(2, (Text("Ett ett"),)),
    )
    (nav,) = parse(render(document)).iter("nav")
    assert [text_of(a) for a in nav.iter("a")] == ["1 Ett"]


def test_there_is_one_h1_and_heading_levels_never_skip(page: HtmlElement) -> None:
    levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))


def test_a_heading_that_jumps_a_level_is_not_set_two_levels_down() -> None:
    page = parse(render(document_with(Heading(1, (Text("A"),)), Heading(3, (Text("B"),)))))
    assert [h.tag for h in page.find("body/main").iter("h2", "h3", "h4")] == ["h2", "h3"]


def test_headings_carry_their_outline_numbers(page: HtmlElement) -> None:
    main = page.find("body/main")
    texts = [text_of(h) for h in main.iter("h2", "h3", "h4", "h5")]
    assert texts[:4] == ["Sammanfattning", "1 Inledning", "1.1 Uppdraget", "1.2 Mål och målgrupper"]
    assert "2.1.1.1 Län utan förstudie" in texts


def test_every_chapter_is_a_section_opened_by_its_heading(page: HtmlElement) -> None:
    chapters = page.find("body/main").findall("section[@class='chapter']")
    first_level = [h for h in _sample_headings() if h.level == 1]
    assert [c[0].get("id") for c in chapters] == [h.id for h in first_level]
    assert all(c[0].tag == "h2" for c in chapters)


def test_headings_without_an_id_get_a_unique_readable_one() -> None:
    document = document_with(
        Heading(1, (Text("Åtgärder i län"),)), Heading(1, (Text("Åtgärder i län"),))
    )
    ids = [h.get("id") for h in parse(render(document)).find("body/main").iter("h2")]
    assert ids == ["atgarder-i-lan", "atgarder-i-lan-2"]


# ----------------------------------------------------------------------------------------------
# Tables


def _table(page: HtmlElement, id_: str) -> HtmlElement:
    return page.get_element_by_id(id_)


def test_a_table_has_caption_head_and_column_headers(page: HtmlElement) -> None:
    table = _table(page, "resultatrakning")
    assert text_of(table.find("caption")) == "Resultaträkning, tkr"
    head_cells = table.findall("thead/tr/th")
    assert {th.get("scope") for th in head_cells} == {"col", "colgroup"}
    belopp = next(th for th in head_cells if text_of(th) == "Belopp")
    assert (belopp.get("scope"), belopp.get("colspan")) == ("colgroup", "2")


def test_body_rows_are_named_by_row_headers(page: HtmlElement) -> None:
    rows = _table(page, "resultatrakning").findall("tbody/tr")
    assert all(row[0].tag == "th" and row[0].get("scope") == "row" for row in rows)
    spanning = next(row for row in rows if text_of(row[0]) == "Ej fördelat")
    assert spanning[0].get("colspan") == "2"


def test_numeric_cells_are_right_aligned_in_tabular_figures(page: HtmlElement) -> None:
    rows = _table(page, "resultatrakning").findall("tbody/tr")
    assert all("num" in (td.get("class") or "") for row in rows for td in row.findall("td"))
    css = style_sheet(page)
    rule = re.search(r"\.num\s*\{([^}]*)\}", css)
    assert rule is not None
    assert "text-align: right" in rule.group(1)
    assert "font-variant-numeric: tabular-nums" in rule.group(1)


def test_total_rows_are_marked_and_bold(page: HtmlElement) -> None:
    rows = _table(page, "resultatrakning").findall("tbody/tr")
    totals = [text_of(row[0]) for row in rows if row.get("class") == "total"]
    assert totals == ["Summa"]
    assert re.search(r"tr\.total th, tr\.total td \{[^}]*font-weight: 700", style_sheet(page))


def test_a_table_of_figures_alone_has_no_row_headers() -> None:
    table = Table(
        (ColumnSpec(Align.RIGHT), ColumnSpec(Align.RIGHT)),
        (Row((Cell((Text("1"),)), Cell((Text("2"),)))),),
    )
    page = parse(render(document_with(table)))
    assert page.find(".//tbody//th") is None


def test_empty_header_cells_are_data_cells(page: HtmlElement) -> None:
    assert all(text_of(th) for th in page.iter("th"))


# ----------------------------------------------------------------------------------------------
# Footnotes, callouts, numbers


def _note_count(document: Document) -> int:
    count = 0
    for block in iter_blocks(document.blocks):
        match block:
            case Paragraph(content=c) | Heading(content=c) | Callout(title=c):
                count += sum(isinstance(i, Note) for i in iter_inlines(c))
            case Table(rows=rows, caption=caption):
                cells = [caption, *(cell.content for row in rows for cell in row.cells)]
                count += sum(isinstance(i, Note) for c in cells for i in iter_inlines(c))
            case _:
                pass
    return count


def test_footnotes_are_an_ordered_list_at_the_end_linked_both_ways(page: HtmlElement) -> None:
    (section,) = page.find_class("footnotes")
    assert section.tag == "section" and section.get("aria-label") == "Fotnoter"
    main = section.getparent()
    assert main.tag == "main" and main.index(section) == len(main) - 1
    notes = section.findall("ol/li")
    assert len(notes) == _note_count(SAMPLE) == 4
    for number, note in enumerate(notes, start=1):
        ref = page.get_element_by_id(f"fnref-{number}")
        assert ref.get("href") == f"#{note.get('id')}" and text_of(ref) == str(number)
        (back,) = note.find_class("footnote-back")
        assert back.get("href") == f"#{ref.get('id')}"


def test_a_note_inside_a_link_follows_the_link_instead_of_nesting_in_it() -> None:
    from smartind.document import Link

    link = Link((Text("källa"), Note((Paragraph((Text("n"),)),))), "https://example.se/")
    page = parse(render(document_with(Paragraph((link,)))))
    (anchor,) = (a for a in page.iter("a") if a.get("href") == "https://example.se/")
    assert anchor.find(".//a") is None and text_of(anchor) == "källa"
    assert anchor.getnext().get("class") == "footnote-ref"


def test_callouts_are_labelled_by_their_title(page: HtmlElement) -> None:
    callouts = page.find_class("callout")
    assert callouts
    for callout in callouts:
        assert callout.get("role") == "note"
        label = page.get_element_by_id(callout.get("aria-labelledby"))
        assert text_of(label) == "Resultat" and label.getparent() is callout


def _numbers(document: Document) -> list[Number]:
    found: list[Number] = []
    for block in iter_blocks(document.blocks):
        if isinstance(block, Paragraph):
            found.extend(i for i in iter_inlines(block.content) if isinstance(i, Number))
    return found


@pytest.mark.parametrize("style", ["tillvaxtverket", "sprakradet"])
def test_numbers_are_set_in_the_chosen_style_with_no_break_spaces(style: str) -> None:
    text = lxml.html.document_fromstring(render(style=style)).text_content()
    numbers = _numbers(SAMPLE)
    assert numbers
    for number in numbers:
        assert number.text(style) in text
    assert "1\u00a0706" in text


def test_without_a_style_option_the_documents_own_style_is_used() -> None:
    number = Number(Decimal("0.7557"), NumberKind.PERCENT)
    document = Document(SAMPLE.metadata, (Paragraph((number,)),), number_style="sprakradet")
    assert number.text("sprakradet") in parse(render(document)).text_content()


def test_a_heading_with_a_number_shows_it_in_the_contents_too() -> None:
    heading = Heading(1, (Text("Budget "), Number(Decimal(20), NumberKind.COUNT)))
    page = parse(render(document_with(TableOfContents(), heading)))
    (nav,) = page.iter("nav")
    assert text_of(nav.find(".//a")) == f"1 {plain_text(heading.content)}"


# ----------------------------------------------------------------------------------------------
# Self-contained, print, text hygiene


def test_the_page_requests_nothing_from_outside(page: HtmlElement) -> None:
    assert not [el for el in page.iter() if el.get("src") or el.get("srcset")]
    assert not list(page.iter("link", "script", "iframe", "object", "embed", "img"))
    css = style_sheet(page)
    assert "url(" not in css and "@import" not in css
    for anchor in page.iter("a"):
        assert re.match(r"#|https?://|mailto:", anchor.get("href"))


def test_the_print_style_sets_a4_chapters_on_new_pages_and_hides_the_contents(
    page: HtmlElement,
) -> None:
    css = style_sheet(page)
    start = css.index("@media print")
    print_css = css[start:]
    assert re.search(r"@page \{[^}]*size: A4", print_css)
    assert re.search(r"section\.chapter \{[^}]*break-before: page", print_css)
    assert re.search(r"nav[^{]*\{[^}]*display: none", print_css)
    assert not re.search(r"\.footnotes[^{]*\{[^}]*display: none", print_css)
    assert "attr(href)" in print_css


def test_a_control_character_in_the_text_is_replaced_with_a_warning() -> None:
    document = document_with(Paragraph((Text("före\x07efter"),)))
    with pytest.warns(SmartindWarning, match="control character"):
        page = parse(render(document))
    assert "före\ufffdefter" in page.find("body/main").text_content()


def test_a_presenter_who_is_also_an_officer_is_named_once() -> None:
    presenter = Person("Sam Mall")
    metadata = Metadata("T", case_officers=(Person("Alex Prov"), presenter), presenter=presenter)
    assert (
        decision_text(metadata) == "Ärendet bereddes av Alex Prov, med Sam Mall som föredragande."
    )


def test_an_empty_title_becomes_a_generic_one_rather_than_an_empty_element() -> None:
    page = parse(render(Document(Metadata(""), (Paragraph((Text("x"),)),))))
    assert page.find("head/title").text == "Rapport" == page.find("body/header/h1").text


_heading_levels = st.lists(st.tuples(st.integers(1, 4), st.booleans()), min_size=1, max_size=12)


@given(_heading_levels)
def test_any_heading_outline_gives_ordered_levels_unique_ids_and_working_contents(
    outline: list[tuple[int, bool]],
) -> None:
    blocks = [TableOfContents(depth=4)]
    blocks += [Heading(level, (Text("Avsnitt"),), numbered=numbered) for level, numbered in outline]
    page = parse(render(document_with(*blocks)))
    headings = list(page.find("body/main").iter("h2", "h3", "h4", "h5"))
    levels = [1] + [int(h.tag[1]) for h in headings]
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels))
    ids = [h.get("id") for h in headings]
    assert len(set(ids)) == len(ids) == len(outline)
    listed = [id_ for id_, (_level, numbered) in zip(ids, outline, strict=True) if numbered]
    # Contents with nothing to list are left out rather than shown empty.
    navs = list(page.iter("nav"))
    assert [a.get("href") for nav in navs for a in nav.iter("a")] == [f"#{i}" for i in listed]
    assert len(navs) == (1 if listed else 0)


@pytest.fixture(scope="module")
def bundled_page() -> HtmlElement:
    from smartind.compose import compose
    from smartind.examples import bundled_example_path
    from smartind.load import load_report

    return parse(render(compose(load_report(bundled_example_path()))))


def test_the_bundled_report_has_numbered_chapters_and_complete_tables(
    bundled_page: HtmlElement,
) -> None:
    headings = [text_of(h) for h in bundled_page.find("body/main").iter("h2", "h3")]
    assert "2.1 Slutsatser" in headings and "1 Uppdraget" in headings
    tables = list(bundled_page.iter("table"))
    assert tables
    for table in tables:
        assert text_of(table.find("caption"))
        assert table.find("thead/tr/th[@scope='col']") is not None
    assert bundled_page.find_class("total")
    assert bundled_page.find(".//nav[@aria-label='Innehåll']") is not None


def test_ids_from_the_data_are_made_safe_for_links() -> None:
    document = document_with(
        TableOfContents(), Heading(1, (Text("Rubrik"),), id='<a href="x"> {{ å }}')
    )
    page = parse(render(document))
    (heading,) = page.find("body/main").iter("h2")
    assert heading.get("id") == "a-href-x-a"
    assert page.find(".//nav//a").get("href") == "#a-href-x-a"
