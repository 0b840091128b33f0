"""Data strings are inserted literally: never read as Markdown, template code or HTML."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from smartind.activities import Publication, PublicationKind
from smartind.compose import compose
from smartind.document import (
    Block,
    Callout,
    Heading,
    Note,
    Paragraph,
    Table,
    Text,
    iter_blocks,
    iter_inlines,
    plain_text,
    unwrap_computed,
)
from smartind.report import Chapter, Report
from tests.compose.test_compose_fixture import make_report

HOSTILE = "*x* {{ 7*7 }} <b> [^k] `c` \\| _y_ ::: callout"


def hostile_report(name: str = HOSTILE, chapter: str = "") -> Report:
    report = make_report(account=None)
    nord = attrs.evolve(report.projects[0], name=name)
    results = (attrs.evolve(nord.results[0], text=name),)
    publication = Publication("p", name, PublicationKind.REPORT, number=name)
    return attrs.evolve(
        report,
        projects=(attrs.evolve(nord, results=results), *report.projects[1:]),
        activities=attrs.evolve(report.activities, publications=(publication,)),
        chapters=(Chapter("01.md", chapter),),
    )


def texts(blocks: tuple[Block, ...]) -> list[str]:
    """Every Text node's string, notes included."""
    found: list[str] = []
    for block in iter_blocks(blocks):
        match block:
            case Paragraph(content=content) | Heading(content=content):
                found += [i.text for i in iter_inlines(content) if isinstance(i, Text)]
            case Callout(title=title):
                found += [i.text for i in iter_inlines(title) if isinstance(i, Text)]
            case Table(rows=rows):
                for row in rows:
                    for cell in row.cells:
                        found += [i.text for i in iter_inlines(cell.content) if isinstance(i, Text)]
            case _:
                pass
    return found


def test_a_project_name_in_running_text_is_literal() -> None:
    report = hostile_report(chapter='Projektet {{ project("nord").name }} slut.\n')
    assert unwrap_computed(compose(report).blocks) == (
        Paragraph([Text(f"Projektet {HOSTILE} slut.")]),
    )


def test_a_project_name_in_a_heading_emphasis_and_callout_title_is_literal() -> None:
    chapter = (
        '## Om {{ project("nord").name }}\n\n'
        '*{{ project("nord").name }}*\n\n'
        '::: callout {{ project("nord").name }}\ntext\n:::\n'
    )
    blocks = unwrap_computed(compose(hostile_report(chapter=chapter)).blocks)
    heading, emphasised, callout = blocks
    assert isinstance(heading, Heading) and plain_text(heading.content) == f"Om {HOSTILE}"
    assert isinstance(emphasised, Paragraph) and plain_text(emphasised.content) == HOSTILE
    assert isinstance(callout, Callout) and callout.title == (Text(HOSTILE),)


def test_a_project_name_in_a_table_cell_is_literal() -> None:
    chapter = '| Projekt |\n|---|\n| {{ project("nord").name }} |\n'
    (table,) = unwrap_computed(compose(hostile_report(chapter=chapter)).blocks)
    assert isinstance(table, Table)
    assert table.rows[1].cells[0].content == (Text(HOSTILE),)


def test_names_in_directives_and_filters_are_literal() -> None:
    chapter = (
        "{{ implementation | names }}\n\n"
        '{{ publication("p") | cite }}\n\n'
        "```{smartind} implementation-projects\n```\n\n"
        "```{smartind} project-results\nproject: nord\n```\n"
    )
    found = texts(unwrap_computed(compose(hostile_report(chapter=chapter)).blocks))
    assert f"{HOSTILE} och Sydlyftet" in found
    assert f"{HOSTILE}, {HOSTILE}" in found  # the citation: title, number
    assert found.count(HOSTILE) == 2  # the table cell and the result


def test_a_cited_title_is_a_literal_note() -> None:
    report = hostile_report(chapter='{{ publication("p") | cite }}\n')
    (paragraph,) = unwrap_computed(compose(report).blocks)
    assert paragraph == Paragraph([Note([Paragraph([Text(f"{HOSTILE}, {HOSTILE}")])])])


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1))
def test_any_string_is_inserted_exactly(name: str) -> None:
    report = hostile_report(name=name, chapter='{{ project("nord").name }}\n')
    assert unwrap_computed(compose(report).blocks) == (Paragraph([Text(name)]),)
