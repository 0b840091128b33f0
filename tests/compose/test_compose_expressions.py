"""``{{ expressions }}`` in chapters: the names, the filters, and what their results become."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartind.document import Inline, Note, Number, NumberKind, Paragraph, Text
from smartind.errors import ChapterError
from tests.compose.test_compose_fixture import blocks_of, make_report


def inlines(expression: str) -> tuple[Inline, ...]:
    """The inlines of a paragraph holding only ``{{ expression }}``."""
    (paragraph,) = blocks_of(f"{{{{ {expression} }}}}\n")
    assert isinstance(paragraph, Paragraph)
    return paragraph.content


def amount(kronor: int | str, unit: str, decimals: int = 0, qualifier: str | None = None) -> Number:
    return Number(Decimal(kronor), NumberKind.AMOUNT, unit, qualifier, decimals)


# ---------------------------------------------------------------------------------------------
# Plain results


def test_a_string_result_is_literal_text() -> None:
    assert inlines("assignment.name") == (Text("Testuppdraget"),)


def test_an_integer_result_is_a_count() -> None:
    assert inlines("projects | length") == (Number(Decimal(2), NumberKind.COUNT),)


def test_a_date_result_is_swedish_running_text() -> None:
    assert inlines("report.metadata.date") == (Text("27 februari 2019"),)


def test_expressions_sit_inside_running_text() -> None:
    (paragraph,) = blocks_of("Vi har {{ projects | length }} projekt i *{{ assignment.name }}*.\n")
    assert isinstance(paragraph, Paragraph)
    assert [type(i).__name__ for i in paragraph.content] == [
        "Text",
        "Number",
        "Text",
        "Emphasis",
        "Text",
    ]


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("continuation.granted", "None"),
        ("assignment.budget.original", "needs a unit"),
        ("projects[0].granted_about", r"\| quantity"),
        ("projects | length > 1", "True or False"),
        ("assignment", "cannot print"),
        ("assignment.purposes", r"\| names"),
    ],
)
def test_a_result_that_is_no_text_is_an_error(expression: str, reason: str) -> None:
    with pytest.raises(ChapterError, match=reason):
        inlines(expression)


# ---------------------------------------------------------------------------------------------
# Names


def test_project_publication_and_related_look_things_up() -> None:
    assert inlines('project("syd").name') == (Text("Sydlyftet"),)
    assert inlines('publication("policy").title') == (Text("Policy Brief"),)
    assert inlines('related("Andra lyftet").aim') == (Text("mer"),)


@pytest.mark.parametrize(
    ("expression", "known"),
    [
        ('project("saknas").name', "nord, syd"),
        ('publication("saknas").title', "strategi, policy"),
        ('related("saknas").aim', "'Första lyftet', 'Andra lyftet'"),
    ],
)
def test_a_lookup_of_an_unknown_id_names_the_known_ones(expression: str, known: str) -> None:
    with pytest.raises(ChapterError, match=known):
        inlines(expression)


def test_implementation_lists_the_implementation_projects() -> None:
    assert inlines("implementation | map(attribute='name') | join(', ')") == (
        Text("Nordlyftet, Sydlyftet"),
    )


def test_facts_are_offered() -> None:
    assert inlines("facts.prestudy_regions_missing | names") == (Text("Gotland"),)
    assert inlines("facts.companies_reached | quantity") == (
        Number(Decimal(250), NumberKind.COUNT, "företag", "över"),
    )


def test_account_is_none_without_an_account() -> None:
    with pytest.raises(ChapterError, match="None"):
        inlines("account")


# ---------------------------------------------------------------------------------------------
# Filters


@pytest.mark.parametrize("unit", ["kr", "tkr", "mkr", "mnkr"])
def test_money_filters_give_an_amount_in_their_unit(unit: str) -> None:
    assert inlines(f"assignment.granted_to_projects | {unit}") == (amount(20197000, unit),)


def test_money_filters_take_decimals() -> None:
    assert inlines("assignment.granted_to_projects | mkr(1)") == (amount(20197000, "mkr", 1),)


def test_money_filters_take_a_budget_as_its_current_amount() -> None:
    assert inlines('related("Första lyftet").budget | mkr') == (amount(100000000, "mkr"),)


def test_money_filters_keep_a_money_quantitys_qualifier() -> None:
    assert inlines("projects[0].granted_about | mkr(1)") == (amount(2500000, "mkr", 1, "cirka"),)


@pytest.mark.parametrize("typed", ["5", "2.5"])
def test_money_filters_refuse_a_number_typed_in_the_chapter(typed: str) -> None:
    with pytest.raises(ChapterError, match="the mkr filter takes an amount"):
        inlines(f"{typed} | mkr")


def test_percent_gives_a_ratio_as_per_cent() -> None:
    assert inlines("activities.meetings.notable[0].positive_share | percent(1)") == (
        Number(Decimal("0.94"), NumberKind.PERCENT, decimals=1),
    )


def test_percent_refuses_a_float_typed_in_the_chapter() -> None:
    with pytest.raises(ChapterError, match="percent filter takes a ratio"):
        inlines("0.94 | percent")


def test_count_gives_a_plain_number() -> None:
    assert inlines("implementation | length | count") == (Number(Decimal(2), NumberKind.COUNT),)


@pytest.mark.parametrize(
    ("number", "word"), [(0, "noll"), (1, "en"), (2, "två"), (5, "fem"), (12, "tolv")]
)
def test_word_spells_small_numbers(number: int, word: str) -> None:
    assert inlines(f"{number} | word") == (Text(word),)


def test_capitalize_works_after_word() -> None:
    assert inlines("implementation | length | word | capitalize") == (Text("Två"),)


def test_word_refuses_thirteen() -> None:
    with pytest.raises(ChapterError, match=r"0 to 12.*use count"):
        inlines("13 | word")


def test_quantity_keeps_qualifier_and_noun() -> None:
    assert inlines("projects[0].results[0].quantity | quantity") == (
        Number(Decimal(150), NumberKind.COUNT, "företag", "över"),
    )


def test_quantity_in_a_money_unit_is_an_amount() -> None:
    assert inlines("projects[0].granted_about | quantity") == (amount(2500000, "mkr", 1, "cirka"),)


@pytest.mark.parametrize(
    ("expression", "text"),
    [
        ("['A'] | names", "A"),
        ("['A', 'B'] | names", "A och B"),
        ("['A', 'B', 'C'] | names", "A, B och C"),
        ('project("nord").regions | names', "Norrbotten och Västerbotten"),
        ("implementation | names", "Nordlyftet och Sydlyftet"),
    ],
)
def test_names_lists_as_swedish_does(expression: str, text: str) -> None:
    assert inlines(expression) == (Text(text),)


def test_names_refuses_an_empty_list() -> None:
    with pytest.raises(ChapterError, match="empty list"):
        inlines("[] | names")


def test_date_month_and_period() -> None:
    assert inlines("report.metadata.date | date") == (Text("27 februari 2019"),)
    assert inlines("report.metadata.date | month") == (Text("februari 2019"),)
    assert inlines("assignment.period | period") == (Text("2016–2018"),)


def test_cite_a_publication() -> None:
    assert inlines('publication("strategi") | cite') == (
        Note([Paragraph([Text("Teststrategin (Departementet), N2015.38")])]),
    )


def test_cite_a_publication_that_is_an_appendix() -> None:
    assert inlines('publication("policy") | cite') == (
        Note([Paragraph([Text("Bilaga 6 Policy Brief")])]),
    )


def test_cite_a_programme_assignment() -> None:
    assert inlines('related("Första lyftet") | cite') == (
        Note([Paragraph([Text("Uppdrag om ett första lyft N2016/1/X")])]),
    )


def test_budget_note_tells_each_change() -> None:
    (note,) = inlines('related("Första lyftet").budget | budget_note')
    assert note == Note(
        [
            Paragraph(
                [
                    Text("I december 2018 sänktes budgeten med "),
                    amount(10000000, "mkr"),
                    Text(", från "),
                    amount(110000000, "mkr"),
                    Text(" till "),
                    amount(100000000, "mkr"),
                    Text(", genom en ny budget (beslut av regeringen)."),
                ]
            )
        ]
    )


def test_budget_note_refuses_an_unchanged_budget() -> None:
    with pytest.raises(ChapterError, match="no changes"):
        inlines("assignment.budget | budget_note")


# ---------------------------------------------------------------------------------------------
# The sandbox


@pytest.mark.parametrize(
    "expression",
    [
        "projects.__class__",
        "assignment.__init__.__globals__",
        "projects.append(1)",
    ],
)
def test_the_sandbox_refuses_unsafe_access(expression: str) -> None:
    with pytest.raises(ChapterError):
        inlines(expression)


def test_a_table_cell_expression_writes_its_pipe_escaped() -> None:
    (table,) = blocks_of("| Beviljat |\n|--:|\n| {{ assignment.granted_to_projects \\| tkr }} |\n")
    assert table.rows[1].cells[0].content == (amount(20197000, "tkr"),)  # type: ignore[union-attr]


def test_outside_tables_an_escaped_pipe_works_too() -> None:
    assert inlines("assignment.granted_to_projects \\| tkr") == (amount(20197000, "tkr"),)


def test_markdown_characters_in_an_expression_are_not_markdown() -> None:
    assert inlines("'*a*' ~ '_b_' ~ '[c](d)'") == (Text("*a*_b_[c](d)"),)


def test_a_backslash_before_the_braces_keeps_them_literal() -> None:
    (paragraph,) = blocks_of("Skriv \\{{ assignment.name }} för ett uttryck.\n")
    assert paragraph == Paragraph([Text("Skriv {{ assignment.name }} för ett uttryck.")])


def test_money_filters_take_an_income_statement_value_as_kronor() -> None:
    (paragraph,) = blocks_of(
        '{{ account.row("transfers").values[0] | tkr }}\n', account=make_report().account
    )
    assert isinstance(paragraph, Paragraph)
    assert paragraph.content == (amount(16603000, "tkr"),)
