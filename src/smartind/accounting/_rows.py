"""The rows of the income statement and the formula behind each.

Every derived row follows the definition its label states; no formula is adjusted to reproduce a
printed number. The SUMMA column is computed like any other column, from the sums of the entered
figures, so a ratio's SUMMA is the ratio of sums, not a sum of ratios.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from attrs import frozen

from smartind.accounting._interval import Cell, entered, total

if TYPE_CHECKING:
    from smartind.accounting import FinancialAccount, FundingFigures

__all__ = ["KEY_RATIO_IDS", "ROWS", "ROW_IDS", "STATEMENT_IDS", "RowSpec", "column_cells"]

MONEY = "tkr"
PERCENT = "percent"
HOURS = "hours"

SUMMA = "SUMMA"


@frozen
class RowSpec:
    """One printed row: its id, its label, its scale, whether it is a total, and its formula."""

    id: str
    label: str
    unit: str
    total: bool
    key_ratio: bool
    formula: Callable[[Mapping[str, Cell | None]], Cell | None] | None = None
    """``None`` for an entered figure; otherwise computed from the cells computed before it."""


def _sum(*ids: str) -> Callable[[Mapping[str, Cell | None]], Cell | None]:
    def formula(cells: Mapping[str, Cell | None]) -> Cell | None:
        parts = [cells[i] for i in ids]
        return total([p for p in parts if p is not None])

    return formula


def _difference(a: str, b: str) -> Callable[[Mapping[str, Cell | None]], Cell | None]:
    def formula(cells: Mapping[str, Cell | None]) -> Cell | None:
        x, y = cells[a], cells[b]
        return None if x is None or y is None else x - y

    return formula


def _ratio(a: str, b: str) -> Callable[[Mapping[str, Cell | None]], Cell | None]:
    def formula(cells: Mapping[str, Cell | None]) -> Cell | None:
        x, y = cells[a], cells[b]
        return None if x is None or y is None else x.over(y)

    return formula


def _overhead(cells: Mapping[str, Cell | None]) -> Cell | None:
    hours, rate = cells["hours"], cells["_rate"]
    return None if hours is None or rate is None else hours.scaled(rate.value)


ENTERED = (
    "grant",
    "appropriation",
    "personnel",
    "purchased_services",
    "other_costs",
    "transfers",
    "budget",
    "hours",
)

ROWS: tuple[RowSpec, ...] = (
    RowSpec("grant", "Bidrag", MONEY, False, False),
    RowSpec("appropriation", "Anslag", MONEY, False, False),
    RowSpec("income_total", "Summa", MONEY, True, False, _sum("grant", "appropriation")),
    RowSpec("personnel", "-Personalkostnader", MONEY, False, False),
    RowSpec("purchased_services", "-Köpta tjänster", MONEY, False, False),
    RowSpec("other_costs", "-Övriga kostnader", MONEY, False, False),
    RowSpec(
        "operating_costs_total",
        "S:a verksamhetskostnader",
        MONEY,
        True,
        False,
        _sum("personnel", "purchased_services", "other_costs"),
    ),
    RowSpec("transfers", "Transfereringar", MONEY, True, False),
    RowSpec(
        "payments_total",
        "Summa utbetalningar",
        MONEY,
        True,
        False,
        _sum("operating_costs_total", "transfers"),
    ),
    RowSpec(
        "to_pay_back",
        "Att återbetala",
        MONEY,
        True,
        False,
        _difference("payments_total", "income_total"),
    ),
    RowSpec("budget", "BUDGET", MONEY, False, False),
    RowSpec(
        "outcome_vs_budget",
        "Utfall mot budget, %",
        PERCENT,
        True,
        False,
        _ratio("payments_total", "budget"),
    ),
    RowSpec("hours", "Antal timmar", HOURS, False, False),
    RowSpec("overhead", "OH-påslag", MONEY, False, False, _overhead),
    RowSpec(
        "total_with_overhead",
        "Summa inkl OH-påslag",
        MONEY,
        True,
        False,
        _sum("payments_total", "overhead"),
    ),
    RowSpec(
        "transfers_share",
        "Andel transfereringar/summa utbetalningar",
        PERCENT,
        False,
        True,
        _ratio("transfers", "payments_total"),
    ),
    RowSpec(
        "operating_costs_share",
        "Andel verksamhetskostnader/summa utbetalningar",
        PERCENT,
        False,
        True,
        _ratio("operating_costs_total", "payments_total"),
    ),
    RowSpec(
        "personnel_share",
        "Personalkostnader/verksamhetskostnader",
        PERCENT,
        False,
        True,
        _ratio("personnel", "operating_costs_total"),
    ),
    RowSpec(
        "purchased_services_share",
        "Köpta tjänster/verksamhetskostnader",
        PERCENT,
        False,
        True,
        _ratio("purchased_services", "operating_costs_total"),
    ),
)

ROW_IDS: tuple[str, ...] = tuple(r.id for r in ROWS)
STATEMENT_IDS: tuple[str, ...] = tuple(r.id for r in ROWS if not r.key_ratio)
KEY_RATIO_IDS: tuple[str, ...] = tuple(r.id for r in ROWS if r.key_ratio)

# Rows whose SUMMA cell the statement leaves empty: hours are not added across funding sources
# (the overhead row carries them in money).
EMPTY_SUMMA = frozenset({"hours"})


def _entered_cells(figures: FundingFigures, scale: Decimal) -> dict[str, Cell]:
    cells = {
        name: entered(getattr(figures, name).kronor, scale) for name in ENTERED if name != "hours"
    }
    cells["hours"] = entered(figures.hours, Decimal(1))
    return cells


def _derive(inputs: dict[str, Cell], rate: Decimal) -> dict[str, Cell | None]:
    cells: dict[str, Cell | None] = dict(inputs)
    cells["_rate"] = Cell(rate, rate, rate, 0)
    for row in ROWS:
        if row.formula is not None:
            cells[row.id] = row.formula(cells)
    del cells["_rate"]
    return cells


def column_cells(account: FinancialAccount) -> tuple[dict[str, Cell | None], ...]:
    """The cells of every column: one per funding source, then SUMMA.

    SUMMA's entered figures are the sums of the sources' entered figures (ranges added too); its
    derived rows then follow the same formulas.
    """
    scale = account.scale
    rate = account.overhead_per_hour.kronor
    per_source = [_entered_cells(s.figures, scale) for s in account.sources]
    summed = {name: total([c[name] for c in per_source]) for name in ENTERED}
    columns = [_derive(c, rate) for c in per_source]
    summa = _derive(summed, rate)
    for row_id in EMPTY_SUMMA:
        summa[row_id] = None
    columns.append(summa)
    return tuple(columns)
