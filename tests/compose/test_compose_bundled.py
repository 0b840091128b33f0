"""The composed bundled report has every part the 2019 reference report has."""

from __future__ import annotations

from functools import cache

import attrs

from smartind.compose import compose
from smartind.document import (
    Block,
    BulletList,
    Callout,
    Document,
    Emphasis,
    Heading,
    Note,
    OrderedList,
    Paragraph,
    Person,
    Table,
    TableOfContents,
    heading_numbers,
    iter_blocks,
    iter_inlines,
    plain_text,
    unwrap_computed,
)
from smartind.document_json import document_from_json, document_to_json
from smartind.examples import bundled_example_path
from smartind.load import load_report


@cache
def bundled() -> Document:
    """The bundled report's document, without the wrappers naming its figures' sources."""
    document = compose(load_report(bundled_example_path()))
    return attrs.evolve(document, blocks=unwrap_computed(document.blocks))


def headings() -> list[tuple[str | None, Heading]]:
    blocks = bundled().blocks
    numbers = heading_numbers(blocks)
    return [(numbers.get(i), b) for i, b in enumerate(blocks) if isinstance(b, Heading)]


def notes(blocks: tuple[Block, ...]) -> list[Note]:
    found: list[Note] = []
    for block in iter_blocks(blocks):
        match block:
            case Paragraph(content=content) | Heading(content=content):
                found += [i for i in iter_inlines(content) if isinstance(i, Note)]
            case Table(rows=rows):
                for row in rows:
                    for cell in row.cells:
                        found += [i for i in iter_inlines(cell.content) if isinstance(i, Note)]
            case _:
                pass
    return found


def test_cover_metadata() -> None:
    meta = bundled().metadata
    assert meta.title == "Slutrapport"
    assert meta.subtitle.endswith("N2016/02958/FÖF")
    assert meta.case_numbers == ("N2016/02958/FÖF", "Ä 2016-814")
    assert meta.date == "2019-02-27"
    assert meta.organisation == "Tillväxtverket"
    assert meta.place == "Stockholm"
    assert meta.decided_by == Person("Gunilla Nordlöf", "generaldirektör")
    assert meta.presenter == Person("Olof Billebo")
    assert len(meta.case_officers) == 7


def test_it_opens_with_an_unnumbered_summary() -> None:
    number, first = headings()[0]
    assert number is None and not first.numbered
    assert plain_text(first.content) == "Sammanfattning"


def test_it_has_a_table_of_contents_before_chapter_one() -> None:
    blocks = bundled().blocks
    contents = [i for i, b in enumerate(blocks) if isinstance(b, TableOfContents)]
    chapter_one = next(i for i, n in heading_numbers(blocks).items() if n == "1")
    assert len(contents) == 1 and contents[0] < chapter_one


def test_chapters_one_to_four_are_numbered_to_four_levels() -> None:
    numbers = {n for n, _ in headings() if n is not None}
    assert {"1", "2", "3", "4", "1.1", "2.1.1", "2.2.1.1"} <= numbers
    assert not any(n.startswith("5") for n in numbers)


def test_chapter_titles() -> None:
    titles = {n: plain_text(h.content) for n, h in headings() if n in ("1", "4")}
    assert titles == {"1": "Uppdraget", "4": "Ekonomisk redovisning för slutrapport"}


def test_it_has_lists() -> None:
    kinds = {type(b) for b in iter_blocks(bundled().blocks)}
    assert {BulletList, OrderedList} <= kinds


def test_it_has_resultat_callouts() -> None:
    callouts = [b for b in iter_blocks(bundled().blocks) if isinstance(b, Callout)]
    assert callouts
    assert all(plain_text(c.title).startswith("Resultat") for c in callouts)


def test_it_has_the_twelve_notes_of_the_reference() -> None:
    assert len(notes(bundled().blocks)) == 12


def test_it_has_the_income_statement_and_key_ratio_tables() -> None:
    captions = [plain_text(b.caption) for b in bundled().blocks if isinstance(b, Table)]
    assert "Resultaträkning, tkr" in captions
    assert "Nyckeltal" in captions


def test_it_lists_the_six_appendices() -> None:
    listed = [
        plain_text(b.content[0].content)
        for b in bundled().blocks
        if isinstance(b, Paragraph) and len(b.content) == 1 and isinstance(b.content[0], Emphasis)
    ]
    assert [t.split()[:2] for t in listed if t.startswith("Bilaga")] == [
        ["Bilaga", str(n)] for n in range(1, 7)
    ]


def test_heading_ids_are_unique() -> None:
    ids = [h.id for _, h in headings()]
    assert len(ids) == len(set(ids)) and all(ids)


def test_the_bundled_document_round_trips_through_json() -> None:
    composed = compose(load_report(bundled_example_path()))
    assert document_from_json(document_to_json(composed)) == composed
