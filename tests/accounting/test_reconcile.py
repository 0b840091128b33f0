"""Reconciliation: each printed figure against the computed one, cell by cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from smartind.accounting import (
    ROW_IDS,
    SUMMA,
    FinancialAccount,
    FundingFigures,
    FundingSource,
    compute,
    reconcile,
)
from smartind.errors import ReportDataError
from smartind.numbers import Amount, format_number, format_percent, round_half_up
from smartind.rules import Finding, Status
from tests.accounting.test_accounting import EXAMPLE_PUBLISHED, accounts, example_account

COLUMNS = ("sarskilda-medel", "forvaltningsanslaget", SUMMA)

# Every cell of the reference's two tables that is not a plain match, with why.
EXAMPLE_NOT_MATCHING = {
    # 1 702 + 0 + 5 = 1 707 entered; printed 1 706: its lines were rounded before they were added.
    ("operating_costs_total", "forvaltningsanslaget"): Status.ROUNDING,
    ("operating_costs_total", SUMMA): Status.ROUNDING,  # 3 996 against 3 995
    ("payments_total", "forvaltningsanslaget"): Status.ROUNDING,  # 1 707 against 1 706
    ("payments_total", SUMMA): Status.ROUNDING,  # 20 599 against 20 598
    ("to_pay_back", "forvaltningsanslaget"): Status.ROUNDING,  # 1 against an empty cell
    ("to_pay_back", SUMMA): Status.ROUNDING,  # -6 107 against -6 108
    ("total_with_overhead", "forvaltningsanslaget"): Status.ROUNDING,  # 2 483,75 against 2 483
    ("total_with_overhead", SUMMA): Status.ROUNDING,  # 22 024 against 22 023
    # 2 289 / 18 892 is 12 %; the reference prints 14 %. No rounding explains that.
    ("operating_costs_share", "sarskilda-medel"): Status.DISCREPANCY,
}


def by_cell(findings: tuple[Finding, ...]) -> dict[tuple[str, str], Finding]:
    return {(f.row, f.column): f for f in findings}  # type: ignore[misc]


def test_every_cell_of_the_example_is_judged_as_expected() -> None:
    findings = reconcile(example_account())
    cells = by_cell(findings)
    assert len(findings) == len(ROW_IDS) * 3 == len(cells)
    for row in ROW_IDS:
        for column in COLUMNS:
            expected = EXAMPLE_NOT_MATCHING.get((row, column), Status.MATCH)
            assert cells[row, column].status is expected, (row, column, cells[row, column].message)


def test_findings_come_in_statement_order() -> None:
    findings = reconcile(example_account())
    assert [(f.row, f.column) for f in findings] == [(r, c) for r in ROW_IDS for c in COLUMNS]


def test_the_discrepancy_carries_row_column_published_and_computed() -> None:
    finding = by_cell(reconcile(example_account()))["operating_costs_share", "sarskilda-medel"]
    assert finding.kind == "reconciliation"
    assert finding.id == "operating_costs_share/sarskilda-medel"
    assert finding.published == Decimal("0.14")
    assert finding.computed == Decimal(2289) / Decimal(18892)
    assert finding.message == (
        "Andel verksamhetskostnader/summa utbetalningar (Särskilda medel): tryckt 14% men "
        "beräknat 12,1%; skillnaden 1,9\xa0procentenheter är större än avrundning kan förklara "
        "(som mest 0,51\xa0procentenheter)."
    )


def test_money_cells_are_compared_in_the_accounts_unit() -> None:
    finding = by_cell(reconcile(example_account()))["to_pay_back", SUMMA]
    assert finding.published == Decimal(-6108)
    assert finding.computed == Decimal(-6107)
    # Two sums of entered whole-tkr figures: 8 terms in payments, 4 in income, 12 in all, each
    # off by at most half a tkr, plus half a tkr for the printed figure's own rounding.
    assert finding.bound == Decimal("6.5")
    assert "förklaras av avrundning" in finding.message


def test_an_empty_cell_is_none_and_matches_zero() -> None:
    cells = by_cell(reconcile(example_account()))
    grant = cells["grant", "forvaltningsanslaget"]
    assert grant.status is Status.MATCH
    assert grant.published is None
    assert grant.computed == 0
    hours = cells["hours", SUMMA]
    assert (hours.status, hours.published, hours.computed) == (Status.MATCH, None, None)


def test_only_the_published_rows_are_reconciled() -> None:
    findings = reconcile(example_account({"grant": ("25 000", "", "25 000")}))
    assert [f.id for f in findings] == [f"grant/{c}" for c in COLUMNS]


def test_a_statement_handed_in_is_used() -> None:
    account = example_account()
    assert reconcile(account, compute(account)) == reconcile(account)


def test_a_printed_figure_that_is_not_a_number_names_row_and_column() -> None:
    account = example_account({"overhead": ("648", "7 77 x", "1 425")})
    with pytest.raises(ReportDataError, match=r"account\.published\.overhead\[1\] \(Förvaltnings"):
        reconcile(account)


def test_a_number_printed_where_the_ratio_is_undefined_is_a_discrepancy() -> None:
    account = FinancialAccount(
        sources=(FundingSource("a", "A", FundingFigures()),),
        published={"transfers_share": ("0%", "")},
    )
    first, second = reconcile(account)
    assert first.status is Status.DISCREPANCY
    assert first.computed is None
    assert "nämnaren är noll" in first.message
    assert second.status is Status.MATCH


def test_decimals_in_the_printed_figure_narrow_the_bound() -> None:
    figures = FundingFigures(personnel=Amount.kr(1268400))
    account = FinancialAccount(
        sources=(FundingSource("a", "A", figures),),
        published={"personnel": ("1 268,4", "1 268,5")},
    )
    first, second = reconcile(account)
    assert first.status is Status.MATCH
    # 1 268,4 entered exactly to one decimal: off by 0,05 at most; printed 1 268,5 by 0,05.
    assert second.status is Status.ROUNDING
    assert second.bound == Decimal("0.10")


def test_a_ratio_whose_denominator_may_round_to_zero_has_no_bound() -> None:
    # Personnel 1 tkr over operating costs 1 tkr, each line possibly off by half a tkr: the
    # denominator may be zero, so any printed share is explained by rounding.
    figures = FundingFigures(personnel=Amount.tkr(1))
    account = FinancialAccount(
        sources=(FundingSource("a", "A", figures),),
        published={"personnel_share": ("50%", "100%")},
    )
    first, second = reconcile(account)
    assert first.status is Status.ROUNDING
    assert first.bound == Decimal("Infinity")
    assert "vilken kvot som helst" in first.message
    assert second.status is Status.MATCH


# --- properties -------------------------------------------------------------------------------


def printed(value: Decimal | None, unit: str) -> str:
    """A computed cell as the report would print it: rounded half-up to whole units."""
    if value is None:
        return ""
    if unit == "percent":
        return format_percent(value)
    if unit == "hours":
        return format_number(value)
    return format_number(value / 1000)


@given(accounts(signed=True))
def test_a_figure_printed_as_the_rounded_computed_value_always_matches(
    account: FinancialAccount,
) -> None:
    statement = compute(account)
    published = {
        row.id: tuple(printed(v, row.unit) for v in row.values)
        for row in (*statement.rows, *statement.key_ratios)
    }
    account = FinancialAccount(account.sources, account.overhead_per_hour, "tkr", published)
    statuses = {f.status for f in reconcile(account)}
    assert statuses == {Status.MATCH}


tkr_parts = st.lists(
    st.integers(min_value=-(10**9), max_value=10**9).map(Decimal), min_size=1, max_size=8
)


@given(tkr_parts)
def test_a_sum_of_rounded_parts_is_within_the_derived_bound(parts: list[Decimal]) -> None:
    """Each source prints its rounded personnel cost; SUMMA prints the rounded exact sum."""
    rounded = [round_half_up(p / 1000) for p in parts]
    sources = [
        FundingSource(f"s{i}", f"S{i}", FundingFigures(personnel=Amount.tkr(r)))
        for i, r in enumerate(rounded)
    ]
    summa = round_half_up(sum(parts, Decimal(0)) / 1000)
    published = {"personnel": (*(format_number(r) for r in rounded), format_number(summa))}
    account = FinancialAccount(sources, published=published)
    finding = reconcile(account)[-1]
    bound = Decimal(len(parts)) / 2 + Decimal("0.5")
    assert finding.bound == bound
    assert abs(sum(rounded, Decimal(0)) - summa) <= bound
    assert finding.status is not Status.DISCREPANCY


@given(
    accounts(),
    st.sampled_from(ROW_IDS),
    st.integers(min_value=0, max_value=4),
    st.integers(min_value=1, max_value=50),
    st.booleans(),
)
def test_a_figure_off_by_more_than_the_bound_is_always_a_discrepancy(
    account: FinancialAccount, row_id: str, column: int, extra: int, above: bool
) -> None:
    statement = compute(account)
    row = statement.row(row_id)
    column = column % len(row.values)
    value = row.values[column]
    assume(value is not None)
    assert value is not None
    empty = tuple("" for _ in row.values)
    probe = FinancialAccount(account.sources, account.overhead_per_hour, "tkr", {row_id: empty})
    bound = reconcile(probe)[column].bound
    assert bound is not None
    assume(bound < 10**6)
    # Shift the printed figure (whole units, or whole per cent) just past the bound.
    scale = {"percent": Decimal("0.01"), "hours": Decimal(1)}.get(row.unit, Decimal(1000))
    exact = value / scale
    step = (bound / (scale if row.unit == "percent" else 1)).to_integral_value() + extra
    wrong = round_half_up(exact + step if above else exact - step)
    assume(abs(wrong - exact) * (scale if row.unit == "percent" else 1) > bound)
    text = f"{format_number(wrong)}%" if row.unit == "percent" else format_number(wrong)
    cells = tuple(text if i == column else "" for i in range(len(row.values)))
    account = FinancialAccount(account.sources, account.overhead_per_hour, "tkr", {row_id: cells})
    assert reconcile(account)[column].status is Status.DISCREPANCY


def test_example_published_table_has_every_row() -> None:
    assert tuple(EXAMPLE_PUBLISHED) == ROW_IDS
