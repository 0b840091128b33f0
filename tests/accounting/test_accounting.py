"""The income statement: entered figures in, every derived row by its label's definition."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartind.accounting import (
    ROW_IDS,
    SUMMA,
    FinancialAccount,
    FundingFigures,
    FundingSource,
    IncomeStatement,
    compute,
    of_record,
)
from smartind.numbers import Amount

# The account of the reference report (section 4), entered as printed, in whole tkr.
EXAMPLE_PUBLISHED = {
    "grant": ("25 000", "", "25 000"),
    "appropriation": ("0", "1 706", "1 706"),
    "income_total": ("25 000", "1 706", "26 706"),
    "personnel": ("1 268", "1 702", "2 970"),
    "purchased_services": ("722", "", "722"),
    "other_costs": ("299", "5", "304"),
    "operating_costs_total": ("2 289", "1 706", "3 995"),
    "transfers": ("16 603", "", "16 603"),
    "payments_total": ("18 892", "1 706", "20 598"),
    "to_pay_back": ("-6 108", "", "-6 108"),
    "budget": ("25 000", "1 706", "26 706"),
    "outcome_vs_budget": ("76%", "100%", "77%"),
    "hours": ("2 593", "3 107", ""),
    "overhead": ("648", "777", "1 425"),
    "total_with_overhead": ("19 540", "2 483", "22 023"),
    "transfers_share": ("88%", "0%", "81%"),
    "operating_costs_share": ("14%", "100%", "19%"),
    "personnel_share": ("55%", "100%", "74%"),
    "purchased_services_share": ("32%", "0%", "18%"),
}


def tkr(value: int | str) -> Amount:
    return Amount.tkr(value)


def example_account(published: dict[str, tuple[str, ...]] | None = None) -> FinancialAccount:
    """The bundled example's account, built in Python."""
    special = FundingFigures(
        grant=tkr(25000),
        appropriation=tkr(0),
        personnel=tkr(1268),
        purchased_services=tkr(722),
        other_costs=tkr(299),
        transfers=tkr(16603),
        budget=tkr(25000),
        hours=Decimal(2593),
    )
    admin = FundingFigures(
        appropriation=tkr(1706),
        personnel=tkr(1702),
        other_costs=tkr(5),
        budget=tkr(1706),
        hours=Decimal(3107),
    )
    return FinancialAccount(
        sources=(
            FundingSource("sarskilda-medel", "Särskilda medel", special),
            FundingSource("forvaltningsanslaget", "Förvaltningsanslaget", admin),
        ),
        overhead_per_hour=Amount.kr(250),
        unit="tkr",
        published=EXAMPLE_PUBLISHED if published is None else published,
    )


def values_in_tkr(statement: IncomeStatement, row_id: str) -> tuple[Decimal | None, ...]:
    return tuple(None if v is None else v / 1000 for v in statement.row(row_id).values)


def test_columns_are_the_sources_then_summa() -> None:
    assert compute(example_account()).columns == (
        "Särskilda medel",
        "Förvaltningsanslaget",
        "SUMMA",
    )


def test_rows_follow_the_reference_order_and_labels() -> None:
    statement = compute(example_account())
    assert [r.label for r in statement.rows] == [
        "Bidrag",
        "Anslag",
        "Summa",
        "-Personalkostnader",
        "-Köpta tjänster",
        "-Övriga kostnader",
        "S:a verksamhetskostnader",
        "Transfereringar",
        "Summa utbetalningar",
        "Att återbetala",
        "BUDGET",
        "Utfall mot budget, %",
        "Antal timmar",
        "OH-påslag (250 kr/h)",
        "Summa inkl OH-påslag",
    ]
    assert [r.id for r in (*statement.rows, *statement.key_ratios)] == list(ROW_IDS)
    assert [r.label for r in statement.key_ratios] == [
        "Andel transfereringar/summa utbetalningar",
        "Andel verksamhetskostnader/summa utbetalningar",
        "Personalkostnader/verksamhetskostnader",
        "Köpta tjänster/verksamhetskostnader",
    ]


def test_the_example_statement_is_computed_from_its_definitions() -> None:
    s = compute(example_account())
    d = Decimal
    assert values_in_tkr(s, "income_total") == (d(25000), d(1706), d(26706))
    # 1 702 + 0 + 5: the printed 1 706 is a rounded figure, not what the lines add up to.
    assert values_in_tkr(s, "operating_costs_total") == (d(2289), d(1707), d(3996))
    assert values_in_tkr(s, "payments_total") == (d(18892), d(1707), d(20599))
    assert values_in_tkr(s, "to_pay_back") == (d(-6108), d(1), d(-6107))
    assert values_in_tkr(s, "overhead") == (d("648.25"), d("776.75"), d(1425))
    assert values_in_tkr(s, "total_with_overhead") == (d("19540.25"), d("2483.75"), d(22024))
    assert s.row("hours").values == (d(2593), d(3107), None)
    assert s.row("hours").unit == "hours"
    assert s.row("grant").unit == "tkr"
    assert s.row("outcome_vs_budget").unit == "percent"


def test_operating_cost_share_is_operating_costs_over_payments() -> None:
    # The reference prints 14 %; the label's definition gives 2 289 / 18 892, about 12 %.
    share = compute(example_account()).row("operating_costs_share").values[0]
    assert share == Decimal(2289) / Decimal(18892)
    assert Decimal("0.12") < share < Decimal("0.125")


def test_summa_of_a_ratio_is_the_ratio_of_sums() -> None:
    s = compute(example_account())
    assert s.row("personnel_share").values[2] == Decimal(2970) / Decimal(3996)


def test_a_ratio_with_a_zero_denominator_is_an_empty_cell() -> None:
    account = FinancialAccount(sources=(FundingSource("a", "A", FundingFigures()),))
    s = compute(account)
    assert s.row("transfers_share").values == (None, None)
    assert s.row("outcome_vs_budget").values == (None, None)


def test_total_rows_are_marked() -> None:
    s = compute(example_account())
    totals = {r.id for r in s.rows if r.total}
    assert {"income_total", "operating_costs_total", "payments_total"} <= totals
    assert "personnel" not in totals


def test_unknown_published_row_is_rejected_with_the_known_ids() -> None:
    with pytest.raises(ValueError, match=r"no row 'grants'.*grant, appropriation"):
        example_account({"grants": ("1", "2", "3")})


def test_published_row_needs_one_cell_per_column() -> None:
    with pytest.raises(ValueError, match=r"published.grant has 2 cells; give 3"):
        example_account({"grant": ("1", "2")})


def test_published_cells_are_strings() -> None:
    with pytest.raises(
        TypeError, match=r"FinancialAccount.published\['grant'\]\[1\] takes str, not int 2"
    ):
        example_account({"grant": ("1", 2, "3")})  # type: ignore[dict-item]


# --- properties -------------------------------------------------------------------------------

kronor = st.integers(min_value=0, max_value=10**11).map(Decimal)
whole_hours = st.integers(min_value=0, max_value=10**6).map(Decimal)


@st.composite
def figures(draw: st.DrawFn, signed: bool = False) -> FundingFigures:
    money = st.integers(min_value=-(10**11), max_value=10**11).map(Decimal) if signed else kronor
    return FundingFigures(
        **{
            name: Amount(draw(money))
            for name in (
                "grant",
                "appropriation",
                "personnel",
                "purchased_services",
                "other_costs",
                "transfers",
                "budget",
            )
        },
        hours=draw(whole_hours),
    )


@st.composite
def accounts(draw: st.DrawFn, signed: bool = False) -> FinancialAccount:
    n = draw(st.integers(min_value=1, max_value=4))
    sources = [FundingSource(f"s{i}", f"Källa {i}", draw(figures(signed))) for i in range(n)]
    rate = Amount(draw(st.integers(min_value=0, max_value=2000)))
    return FinancialAccount(sources=sources, overhead_per_hour=rate)


def _column(statement: IncomeStatement, index: int) -> dict[str, Decimal | None]:
    return {r.id: r.values[index] for r in (*statement.rows, *statement.key_ratios)}


@given(accounts(signed=True))
def test_accounting_identities_hold_in_every_column(account: FinancialAccount) -> None:
    s = compute(account)
    rate = account.overhead_per_hour.kronor
    for i in range(len(s.columns)):
        c = _column(s, i)
        assert c["income_total"] == c["grant"] + c["appropriation"]  # type: ignore[operator]
        assert c["operating_costs_total"] == (
            c["personnel"] + c["purchased_services"] + c["other_costs"]  # type: ignore[operator]
        )
        assert c["payments_total"] == c["operating_costs_total"] + c["transfers"]  # type: ignore[operator]
        assert c["to_pay_back"] == c["payments_total"] - c["income_total"]  # type: ignore[operator]
        assert c["total_with_overhead"] == c["payments_total"] + c["overhead"]  # type: ignore[operator]
        if i < len(account.sources):
            assert c["overhead"] == account.sources[i].figures.hours * rate
        for ratio, num, den in (
            ("outcome_vs_budget", "payments_total", "budget"),
            ("transfers_share", "transfers", "payments_total"),
            ("operating_costs_share", "operating_costs_total", "payments_total"),
            ("personnel_share", "personnel", "operating_costs_total"),
            ("purchased_services_share", "purchased_services", "operating_costs_total"),
        ):
            expected = None if c[den] == 0 else c[num] / c[den]  # type: ignore[operator]
            assert c[ratio] == expected


@given(accounts(signed=True))
def test_summa_of_every_money_row_is_the_sum_of_the_sources(account: FinancialAccount) -> None:
    s = compute(account)
    for row in s.rows:
        if row.unit == "tkr":
            parts = row.values[:-1]
            assert row.values[-1] == sum(parts, Decimal(0))  # type: ignore[arg-type]
    assert s.columns[-1] == SUMMA


@given(accounts())
def test_key_ratios_lie_between_0_and_1_for_non_negative_figures(
    account: FinancialAccount,
) -> None:
    for row in compute(account).key_ratios:
        for value in row.values:
            assert value is None or Decimal(0) <= value <= Decimal(1)


# --------------------------------------------------------------------------------------------
# The statement of record: what the report prints


def test_without_published_figures_the_statement_of_record_is_the_computed_one() -> None:
    account = example_account({})
    assert of_record(account) == compute(account)


def test_a_published_figure_explained_by_rounding_is_printed_as_published() -> None:
    # The entered parts 1 702 + 0 + 5 add up to 1 707; the published 1 706 came from exact values.
    statement = of_record(example_account(EXAMPLE_PUBLISHED))
    assert compute(example_account()).cell("operating_costs_total", "Förvaltningsanslaget") == (
        Decimal(1707000)
    )
    assert statement.cell("operating_costs_total", "Förvaltningsanslaget") == Decimal(1706000)
    assert statement.cell("operating_costs_total") == Decimal(3995000)


def test_an_empty_published_cell_stays_empty() -> None:
    statement = of_record(example_account(EXAMPLE_PUBLISHED))
    assert statement.cell("grant", "Förvaltningsanslaget") is None
    assert statement.cell("to_pay_back", "Förvaltningsanslaget") is None
    assert statement.cell("appropriation", "Särskilda medel") == 0


def test_a_discrepancy_is_printed_as_computed_never_as_published() -> None:
    statement = of_record(example_account(EXAMPLE_PUBLISHED))
    share = statement.cell("operating_costs_share", "Särskilda medel")
    assert share == Decimal(2289) / Decimal(18892)
    assert share != Decimal("0.14")


def test_a_cell_of_an_unknown_column_names_the_columns() -> None:
    with pytest.raises(KeyError, match="Särskilda medel, Förvaltningsanslaget, SUMMA"):
        compute(example_account()).cell("transfers", "Anslaget")
