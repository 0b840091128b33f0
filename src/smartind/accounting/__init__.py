"""The financial account (ekonomisk redovisning): entered figures, income statement, reconciliation.

The entered figures are what a report writer types: income, operating costs, transfers, budget
and hours, one set per funding source (*Särskilda medel*, *Förvaltningsanslaget*). Everything
else in the income statement is derived from them by :func:`compute`, exactly, in kronor; each
derived row follows the definition its label states. :func:`reconcile` compares the figures a
published report printed (``FinancialAccount.published``) with the computed ones, cell by cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from attrs import Attribute, evolve, field, frozen
from attrs.validators import ge, instance_of

from smartind._validators import WrongType, amount, boundary, count, to_tuple
from smartind.accounting._rows import KEY_RATIO_IDS, ROW_IDS, ROWS, SUMMA, column_cells
from smartind.numbers import Amount

if TYPE_CHECKING:
    from smartind.document import Number
    from smartind.findings import Finding

__all__ = [
    "ROW_IDS",
    "SUMMA",
    "FinancialAccount",
    "FundingFigures",
    "FundingSource",
    "IncomeStatement",
    "StatementRow",
    "compute",
    "of_record",
    "reconcile",
]


@frozen(field_transformer=boundary)
class FundingFigures:
    """The figures entered for one funding source, exact in kronor.

    ``grant`` is *Bidrag* (the assignment's money received), ``appropriation`` is *Anslag* (the
    agency's appropriation used). The three operating cost lines are *Personalkostnader*, *Köpta
    tjänster* and *Övriga kostnader*; ``transfers`` are the grants paid out to projects
    (*Transfereringar*); ``hours`` the hours worked, which carry the overhead surcharge.
    """

    grant: Amount = field(factory=Amount.zero, converter=amount, metadata={"unit": "tkr"})
    appropriation: Amount = field(factory=Amount.zero, converter=amount, metadata={"unit": "tkr"})
    personnel: Amount = field(factory=Amount.zero, converter=amount, metadata={"unit": "tkr"})
    purchased_services: Amount = field(
        factory=Amount.zero, converter=amount, metadata={"unit": "tkr"}
    )
    other_costs: Amount = field(factory=Amount.zero, converter=amount, metadata={"unit": "tkr"})
    transfers: Amount = field(factory=Amount.zero, converter=amount, metadata={"unit": "tkr"})
    budget: Amount = field(factory=Amount.zero, converter=amount, metadata={"unit": "tkr"})
    hours: Decimal = field(
        default=Decimal(0), converter=count, validator=[instance_of(Decimal), ge(Decimal(0))]
    )

    @property
    def operating_costs(self) -> Amount:
        """*Verksamhetskostnader*: personnel, purchased services and other costs together."""
        return self.personnel + self.purchased_services + self.other_costs


@frozen(field_transformer=boundary)
class FundingSource:
    """A funding column of the income statement: a short id, its printed name, its figures."""

    id: str
    name: str
    figures: FundingFigures


def _check_published(
    account: FinancialAccount, _attribute: object, value: Mapping[str, tuple[str, ...]]
) -> None:
    width = len(account.sources) + 1
    for row_id, cells in value.items():
        if row_id not in ROW_IDS:
            raise ValueError(f"published has no row {row_id!r}; the rows are: {', '.join(ROW_IDS)}")
        if isinstance(cells, str) or len(cells) != width:
            names = ", ".join([*(s.name for s in account.sources), SUMMA])
            count = "one string" if isinstance(cells, str) else f"{len(cells)} cells"
            raise ValueError(
                f"published.{row_id} has {count}; give {width}, one per column ({names}), "
                f'with "" for an empty cell'
            )
        for cell in cells:
            if not isinstance(cell, str):
                raise TypeError(
                    f"published.{row_id} must hold the printed text of each cell as a string, "
                    f"not {type(cell).__name__} ({cell!r})"
                )


def _published(value: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise WrongType("a mapping of row ids to the printed cells", value)
    return {k: (v if isinstance(v, str) else tuple(v)) for k, v in value.items()}


def _money_unit(_instance: object, attribute: Attribute[str], value: object) -> None:
    from smartind.numbers._units import UNIT_CODES

    if value not in UNIT_CODES:
        raise ValueError(
            f"{attribute.name} {value!r} is not a money unit; use one of {', '.join(UNIT_CODES)}"
        )


def _not_negative(_instance: object, attribute: Attribute[Amount], value: Amount) -> None:
    if value.kronor < 0:
        raise ValueError(f"{attribute.name} cannot be negative ({value.kronor} kr)")


def _sources(values: Iterable[FundingSource]) -> tuple[FundingSource, ...]:
    return to_tuple(values)


@frozen(field_transformer=boundary)
class FinancialAccount:
    """The assignment's account: its funding sources and the overhead charged per hour worked.

    ``unit`` is the unit the published statement is printed in (``tkr``). ``published`` holds
    the figures a published report printed, as text, keyed by row id (see ``ROW_IDS``): one
    string per funding source in order, then SUMMA; ``""`` is an empty cell. Only the rows given
    are reconciled.
    """

    sources: tuple[FundingSource, ...] = field(converter=_sources)
    overhead_per_hour: Amount = field(
        factory=Amount.zero, converter=amount, metadata={"unit": "kr"}, validator=_not_negative
    )
    unit: str = field(default="tkr", validator=_money_unit)
    published: Mapping[str, tuple[str, ...]] = field(
        factory=dict, converter=_published, validator=_check_published
    )

    @property
    def scale(self) -> Decimal:
        """The kronor in one unit of the statement: 1000 for tkr."""
        return Amount.in_unit(1, self.unit).kronor

    def source(self, source_id: str) -> FundingSource:
        """The funding source with that id; ``KeyError`` names the known ids."""
        for s in self.sources:
            if s.id == source_id:
                return s
        known = ", ".join(s.id for s in self.sources) or "none"
        raise KeyError(f"no funding source {source_id!r}; the account has: {known}")


def _values(values: Iterable[Decimal | None]) -> tuple[Decimal | None, ...]:
    return tuple(values)


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@frozen(field_transformer=boundary)
class StatementRow:
    """One row of the income statement or of the key ratios.

    ``values`` has one value per column (funding sources, then SUMMA). ``unit`` says how to read
    them: the account's money unit (``tkr``: the values are exact kronor, shown in that unit),
    ``percent`` (a ratio: 0.7557 is shown as 76 %) or ``hours``. ``None`` is a cell left empty:
    a ratio whose denominator is zero, or the hours' SUMMA, which the statement does not add up.
    ``total`` marks the rows a statement sets in bold as sums.
    """

    id: str
    label: str
    values: tuple[Decimal | None, ...] = field(converter=_values)
    unit: str
    total: bool = False

    def number(self, index: int) -> Number | None:
        """Cell ``index`` as the document model's :class:`~smartind.document.Number`, as the
        statement's tables set it: money in the row's unit without the unit word (the caption
        names it), a ratio as a per cent, hours as a count; ``None`` for an empty cell."""
        from smartind.document import Number, NumberKind

        value = self.values[index]
        if value is None:
            return None
        match self.unit:
            case "percent":
                return Number(value, NumberKind.PERCENT)
            case "hours":
                return Number(value, NumberKind.COUNT)
            case unit:
                return Number(value, NumberKind.AMOUNT, unit, show_unit=False)

    def text(self, index: int, *, style: str = "tillvaxtverket") -> str:
        """Cell ``index`` as typeset text, exactly as the rendered table prints it.

        ``20 197`` for 20 197 000 kr in a tkr row, ``76%`` for a ratio of 0.7557 (``76 %`` in
        the ``sprakradet`` style), ``""`` for an empty cell.
        """
        number = self.number(index)
        return "" if number is None else number.text(style)


def _rows(values: Iterable[StatementRow]) -> tuple[StatementRow, ...]:
    return tuple(values)


@frozen(field_transformer=boundary)
class IncomeStatement:
    """The income statement (*resultaträkning*) and key ratios (*nyckeltal*) of an account."""

    columns: tuple[str, ...] = field(converter=_names)
    rows: tuple[StatementRow, ...] = field(converter=_rows)
    key_ratios: tuple[StatementRow, ...] = field(converter=_rows)

    def row(self, row_id: str) -> StatementRow:
        """The row (of either table) with that id; ``KeyError`` lists the ids."""
        for r in (*self.rows, *self.key_ratios):
            if r.id == row_id:
                return r
        raise KeyError(f"no row {row_id!r}; the rows are: {', '.join(ROW_IDS)}")

    def cell(self, row_id: str, column: str = SUMMA) -> Decimal | None:
        """One value: row ``row_id`` in the column named ``column`` (a source's name or SUMMA).

        ``KeyError`` names the rows or columns there are.
        """
        try:
            index = self.columns.index(column)
        except ValueError:
            raise KeyError(
                f"no column {column!r}; the columns are: {', '.join(self.columns)}"
            ) from None
        return self.row(row_id).values[index]

    def cell_text(self, row_id: str, column: str = SUMMA, *, style: str = "tillvaxtverket") -> str:
        """One cell as typeset text, as the rendered statement prints it (``20 197``, ``76%``).

        ``""`` for an empty cell; ``KeyError`` names the rows or columns there are.
        """
        try:
            index = self.columns.index(column)
        except ValueError:
            raise KeyError(
                f"no column {column!r}; the columns are: {', '.join(self.columns)}"
            ) from None
        return self.row(row_id).text(index, style=style)


def overhead_label(account: FinancialAccount) -> str:
    """The overhead row's label with the account's rate: ``OH-påslag (250 kr/h)``."""
    from smartind.rules._text import number

    rate = account.overhead_per_hour.kronor
    decimals = 0 if rate == rate.to_integral_value() else 2
    return f"OH-påslag ({number(rate, decimals)} kr/h)"


def compute(account: FinancialAccount) -> IncomeStatement:
    """The income statement of ``account``: every derived row, exact in kronor, nothing rounded."""
    columns = column_cells(account)
    unit = account.unit
    rows: list[StatementRow] = []
    ratios: list[StatementRow] = []
    for spec in ROWS:
        values = tuple(None if (c := col[spec.id]) is None else c.value for col in columns)
        label = overhead_label(account) if spec.id == "overhead" else spec.label
        row_unit = unit if spec.unit == "tkr" else spec.unit
        row = StatementRow(spec.id, label, values, row_unit, spec.total)
        (ratios if spec.id in KEY_RATIO_IDS else rows).append(row)
    names = (*(s.name for s in account.sources), SUMMA)
    return IncomeStatement(names, rows, ratios)


def of_record(
    account: FinancialAccount, statement: IncomeStatement | None = None
) -> IncomeStatement:
    """The statement as the report prints it: published figures where they hold, else computed.

    Without published figures this is ``compute(account)``. With them (a report being
    reproduced or audited), a cell whose published figure reconciles as ``match`` or
    ``rounding`` shows the published figure, and an empty published cell stays empty: the
    figures were entered rounded, so recomputing a total from rounded parts can land one unit
    off, and the published total is the one made from exact values. A cell that reconciles as a
    ``discrepancy`` shows the computed figure, so a misprint is never carried on; ``smartind
    check`` reports it.
    """
    from smartind.findings import Status

    statement = statement if statement is not None else compute(account)
    if not account.published:
        return statement
    column_ids = (*(s.id for s in account.sources), SUMMA)
    held = {
        (f.row, f.column): f.published
        for f in reconcile(account, statement)
        if f.status in (Status.MATCH, Status.ROUNDING)
    }

    def shown(row: StatementRow) -> StatementRow:
        scale = account.scale if row.unit == account.unit else Decimal(1)
        values: list[Decimal | None] = []
        for column_id, value in zip(column_ids, row.values, strict=True):
            key = (row.id, column_id)
            if key not in held:
                values.append(value)
            else:
                published = held[key]
                values.append(None if published is None else published * scale)
        return evolve(row, values=values)

    return evolve(
        statement,
        rows=[shown(r) for r in statement.rows],
        key_ratios=[shown(r) for r in statement.key_ratios],
    )


def reconcile(
    account: FinancialAccount, statement: IncomeStatement | None = None
) -> tuple[Finding, ...]:
    """Each published cell compared with the computed one: match, rounding or discrepancy.

    ``statement`` is ``compute(account)`` when not given. Raises ``ReportDataError`` naming the
    row and column of a printed figure that cannot be read as a number.
    """
    from smartind.accounting._reconcile import reconcile_cells

    return reconcile_cells(account, statement if statement is not None else compute(account))
