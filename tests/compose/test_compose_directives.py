"""Directives place blocks computed from the report's data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartind.document import (
    Align,
    Block,
    BulletList,
    Cell,
    Emphasis,
    Note,
    Number,
    NumberKind,
    OrderedList,
    PageBreak,
    Paragraph,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
    plain_text,
)
from smartind.errors import ChapterError
from tests.compose.test_compose_fixture import blocks_of, make_report


def directive(name: str, *options: str, **changes: object) -> tuple[Block, ...]:
    body = "".join(f"{option}\n" for option in options)
    return blocks_of(f"```{{smartind}} {name}\n{body}```\n", **changes)


def items_text(block: Block) -> list[str]:
    assert isinstance(block, BulletList | OrderedList)
    texts = []
    for item in block.items:
        (paragraph,) = item
        assert isinstance(paragraph, Paragraph)
        texts.append(plain_text(paragraph.content))
    return texts


def test_contents_and_its_options() -> None:
    assert directive("contents") == (TableOfContents(),)
    assert directive("contents", "title: Innehållsförteckning", "depth: 2") == (
        TableOfContents("Innehållsförteckning", 2),
    )


def test_contents_refuses_a_depth_beyond_four() -> None:
    with pytest.raises(ChapterError, match="depth must be 1 to 4"):
        directive("contents", "depth: 5")


def test_pagebreak() -> None:
    assert directive("pagebreak") == (PageBreak(),)


def test_appendices_are_listed_in_order() -> None:
    assert directive("appendices") == (
        Paragraph([Emphasis([Text("Bilaga 1 Tabell över projekt")])]),
        Paragraph([Emphasis([Text("Bilaga 2 Policy Brief")])]),
    )


def test_assignments_give_name_budget_aim_and_due_date() -> None:
    (listing,) = directive("assignments")
    assert isinstance(listing, OrderedList)
    second = listing.items[1][0]
    assert second == Paragraph(
        [
            Strong([Text("Andra lyftet")]),
            Text(" ("),
            Number(Decimal(20000000), NumberKind.AMOUNT, "mkr"),
            Text(", slutrapport senast 2020-04-30): mer"),
        ]
    )


def test_assignments_note_a_changed_budget_after_the_amount() -> None:
    (listing,) = directive("assignments")
    assert isinstance(listing, OrderedList)
    first = listing.items[0][0]
    assert isinstance(first, Paragraph)
    assert first.content[2] == Number(Decimal(100000000), NumberKind.AMOUNT, "mkr")
    assert isinstance(first.content[3], Note)


def test_purposes_and_goals_are_bulleted() -> None:
    assert items_text(directive("purposes")[0]) == ["pröva syften", "pröva fler syften"]
    assert items_text(directive("goals")[0]) == ["ett mål"]
    assert isinstance(directive("goals")[0], BulletList)


def test_target_groups_number_the_primary_and_secondary_groups() -> None:
    (listing,) = directive("target-groups")
    assert isinstance(listing, OrderedList)
    assert items_text(listing) == [
        "Primär målgrupp: regioner",
        "Sekundära målgrupper: myndigheter och organisationer",
    ]


def test_target_groups_option_chooses_the_groups() -> None:
    (listing,) = directive("target-groups", "groups: final")
    assert items_text(listing) == ["Slutlig målgrupp: företag"]


def test_prestudy_themes_are_numbered() -> None:
    (listing,) = directive("prestudy-themes")
    assert isinstance(listing, OrderedList)
    assert items_text(listing) == ["kompetens", "digitalisering"]


def test_project_results_list_one_projects_results() -> None:
    (listing,) = directive("project-results", "project: nord")
    assert items_text(listing) == ["Över 150 företag nåddes.", "40 företag fick råd."]


def test_project_results_of_an_unknown_project_names_the_known_ones() -> None:
    with pytest.raises(ChapterError, match="no project 'x'; the report has: nord, syd"):
        directive("project-results", "project: x")


@pytest.mark.parametrize(
    ("audience", "titles"),
    [("government", ["Stärk samordningen"]), ("regional-bodies", ["Samverka mer"])],
)
def test_recommendations_to_one_audience(audience: str, titles: list[str]) -> None:
    (listing,) = directive("recommendations", f"audience: {audience}")
    assert items_text(listing) == titles


def test_recommendations_to_an_unknown_audience_names_the_known_ones() -> None:
    with pytest.raises(ChapterError, match="government, regional-bodies"):
        directive("recommendations", "audience: kommuner")


def test_implementation_projects_table() -> None:
    (table,) = directive("implementation-projects")
    assert isinstance(table, Table)
    assert [c.align for c in table.columns][-1] is Align.RIGHT
    assert [plain_text(c.content) for c in table.rows[0].cells] == [
        "Projekt",
        "Regioner",
        "Inriktning",
        "Beviljat",
    ]
    assert table.rows[0].kind is RowKind.HEAD
    nord, syd = table.rows[1:]
    assert nord.cells[1] == Cell([Text("Norrbotten och Västerbotten")])
    assert nord.cells[3] == Cell([Number(Decimal(2500000), NumberKind.AMOUNT, "mkr", "cirka", 1)])
    assert syd.cells[3] == Cell([Number(Decimal(2400000), NumberKind.AMOUNT, "mkr", decimals=1)])


def test_a_directive_without_its_data_says_what_is_missing() -> None:
    with pytest.raises(ChapterError, match="the report has no appendices"):
        directive("appendices", appendices=())


# ---------------------------------------------------------------------------------------------
# The income statement and key ratios


def statement_table() -> Table:
    (table,) = directive("income-statement", account=make_report().account)
    assert isinstance(table, Table)
    return table


def test_income_statement_caption_and_columns() -> None:
    table = statement_table()
    assert plain_text(table.caption) == "Resultaträkning, tkr"
    assert [c.align for c in table.columns] == [Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT]


def test_income_statement_head_spans_finansiering_over_the_sources() -> None:
    finance, names = table_head = statement_table().head
    assert finance.cells == (Cell(), Cell([Text("Finansiering")], colspan=2), Cell())
    assert [plain_text(c.content) for c in names.cells] == [
        "",
        "Särskilda medel",
        "Förvaltningsanslaget",
        "SUMMA",
    ]
    assert all(row.kind is RowKind.HEAD for row in table_head)


def row_labelled(table: Table, label: str) -> tuple[Cell, ...]:
    for row in table.rows:
        if plain_text(row.cells[0].content) == label:
            return row.cells
    raise AssertionError(f"no row {label!r}")


def test_income_statement_amounts_are_kronor_shown_in_tkr_without_unit() -> None:
    cells = row_labelled(statement_table(), "Bidrag")
    assert cells[1] == Cell([Number(Decimal(25000000), NumberKind.AMOUNT, "tkr", show_unit=False)])


def test_income_statement_ratios_are_per_cent_and_hours_counts() -> None:
    table = statement_table()
    ratio = row_labelled(table, "Utfall mot budget, %")[1].content[0]
    assert isinstance(ratio, Number) and ratio.kind is NumberKind.PERCENT
    hours = [
        r for r in table.rows if r.cells[0].content and "timmar" in plain_text(r.cells[0].content)
    ]
    (row,) = hours
    assert row.cells[1] == Cell([Number(Decimal(2593), NumberKind.COUNT)])


def test_income_statement_total_rows() -> None:
    totals = [
        plain_text(r.cells[0].content) for r in statement_table().rows if r.kind is RowKind.TOTAL
    ]
    assert totals == [
        "Summa",
        "S:a verksamhetskostnader",
        "Summa utbetalningar",
        "Summa inkl OH-påslag",
    ]


def test_income_statement_has_the_italic_section_label_before_the_costs() -> None:
    table = statement_table()
    labels = [r.cells[0].content for r in table.body]
    section = labels.index((Emphasis([Text("Verksamhetskostnader")]),))
    assert "Personalkostnader" in plain_text(labels[section + 1])
    assert all(cell == Cell() for cell in table.body[section].cells[1:])


def test_key_ratios_table() -> None:
    (table,) = directive("key-ratios", account=make_report().account)
    assert isinstance(table, Table)
    assert plain_text(table.caption) == "Nyckeltal"
    assert len(table.head) == 1
    for row in table.body:
        for cell in row.cells[1:]:
            assert all(isinstance(n, Number) and n.kind is NumberKind.PERCENT for n in cell.content)


def test_the_statement_needs_an_account() -> None:
    with pytest.raises(ChapterError, match="no financial account"):
        directive("income-statement")


# ---------------------------------------------------------------------------------------------
# Rule findings


def test_rule_findings_list_each_findings_status_and_message() -> None:
    from smartind.numbers import Amount
    from smartind.rules import MinTotalGranted, evaluate

    report = make_report(rules=(MinTotalGranted("minst", Amount.tkr(20000)),))
    (finding,) = evaluate(report)
    (listing,) = directive("rule-findings", rules=report.rules)
    assert isinstance(listing, BulletList)
    assert listing.items == (
        (
            Paragraph(
                [
                    Strong([Text(f"{finding.status.label.capitalize()}:")]),
                    Text(f" {finding.message}"),
                ]
            ),
        ),
    )


def test_rule_findings_need_rules() -> None:
    with pytest.raises(ChapterError, match="no funding rules"):
        directive("rule-findings")
