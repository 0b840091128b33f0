"""Published figures against computed ones, cell by cell.

A printed figure ``p`` written to a step ``s`` (1 for whole tkr or whole per cent) stands for any
true value in ``[p - s/2, p + s/2]``. The computed value comes from entered figures that may
themselves have been rounded; :mod:`smartind.accounting._interval` carries the range ``[lo, hi]``
they allow. The cell is:

* ``match`` when ``p`` is the computed value rounded half-up to the step ``p`` was printed to;
* ``rounding`` when the two ranges meet, so rounding alone explains the difference (for a sum of
  ``n`` entered whole-unit figures that is ``|p - computed| <= n/2 + 1/2``);
* ``discrepancy`` otherwise.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from attrs import frozen

from smartind.accounting._interval import Cell
from smartind.accounting._rows import HOURS, PERCENT, ROWS, SUMMA, RowSpec, column_cells
from smartind.errors import NumberFormatError, ReportDataError
from smartind.findings import RECONCILIATION, Figure, Finding, Status

if TYPE_CHECKING:
    from smartind.accounting import FinancialAccount, IncomeStatement

__all__ = ["Printed", "judge", "read_printed", "reconcile_cells"]

_DECIMALS = re.compile(r",(\d+)")
_HALF = Decimal("0.5")


@frozen
class Printed:
    """A printed cell read as a number in its row's scale, with the half step it was written to.

    ``places`` counts the decimals of the value in that scale (a per cent's two more).
    """

    value: Decimal
    places: int
    half_step: Decimal


def _places(text: str) -> int:
    match = _DECIMALS.search(text)
    return len(match.group(1)) if match else 0


def read_printed(text: str, kind: str, unit: str, scale: Decimal) -> Printed | None:
    """The printed text as a number in the row's scale; ``None`` for an empty cell.

    Money is read in the account's unit (``scale`` kronor each), a per cent as a ratio, hours
    as a plain number. Raises ``NumberFormatError`` for text that is not such a number.
    """
    from smartind.numbers import parse_amount, parse_number, parse_percent

    if not text.strip():
        return None
    places = _places(text)
    if kind == PERCENT:
        places += 2
        value = parse_percent(text)
    elif kind == HOURS:
        value = parse_number(text)
    else:
        value = parse_amount(text, unit=unit).kronor / scale
    return Printed(value, places, _HALF.scaleb(-places))


def judge(
    printed: Printed | None, computed: Cell | None, rounded: Decimal | None
) -> tuple[Status, Decimal | None]:
    """The status of one cell, and the bound rounding allows (in the row's scale).

    ``computed`` is in the row's scale; ``rounded`` is its value rounded half-up to the printed
    step. An empty printed cell stands for zero written to whole units.
    """
    if computed is None:
        return (Status.MATCH if printed is None else Status.DISCREPANCY), None
    if printed is None:
        printed = Printed(Decimal(0), 0, _HALF)
    bound = computed.radius + printed.half_step
    if printed.value == rounded:
        return Status.MATCH, bound
    meets = printed.value - printed.half_step <= computed.hi and (
        printed.value + printed.half_step >= computed.lo
    )
    return (Status.ROUNDING if meets else Status.DISCREPANCY), bound


def _in_scale(cell: Cell | None, value: Decimal | None, scale: Decimal) -> Cell | None:
    if cell is None or value is None:
        return None
    # The statement handed in may differ from the account's; keep the range around its value.
    shift = value - cell.value
    return Cell(value / scale, (cell.lo + shift) / scale, (cell.hi + shift) / scale, cell.terms)


def _scale_of(spec: RowSpec, account: FinancialAccount) -> Decimal:
    return Decimal(1) if spec.unit in (PERCENT, HOURS) else account.scale


def reconcile_cells(account: FinancialAccount, statement: IncomeStatement) -> tuple[Finding, ...]:
    """The findings for every published cell of ``account``, in statement order."""
    from smartind.rules._text import round_to

    columns = column_cells(account)
    column_ids = (*(s.id for s in account.sources), SUMMA)
    column_names = statement.columns
    findings: list[Finding] = []
    for spec in ROWS:
        texts = account.published.get(spec.id)
        if texts is None:
            continue
        row = statement.row(spec.id)
        scale = _scale_of(spec, account)
        for index, text in enumerate(texts):
            where = f"account.published.{spec.id}[{index}] ({column_names[index]})"
            try:
                printed = read_printed(text, spec.unit, account.unit, scale)
            except NumberFormatError as error:
                raise ReportDataError(
                    f"{where}: {str(error).rstrip('.')}; write the figure as the report prints it, "
                    f'such as "1 706", "-6 108" or "76%", or "" for an empty cell'
                ) from error
            cell = _in_scale(columns[index][spec.id], row.values[index], scale)
            places = printed.places if printed is not None else 0
            rounded = None if cell is None else round_to(cell.value, places)
            status, bound = judge(printed, cell, rounded)
            findings.append(
                _finding(
                    spec,
                    row.label,
                    column_id=column_ids[index],
                    column_name=column_names[index],
                    printed=printed,
                    cell=cell,
                    status=status,
                    bound=bound,
                    unit=account.unit,
                )
            )
    return tuple(findings)


def _finding(
    spec: RowSpec,
    label: str,
    *,
    column_id: str,
    column_name: str,
    printed: Printed | None,
    cell: Cell | None,
    status: Status,
    bound: Decimal | None,
    unit: str,
) -> Finding:
    from smartind.rules._text import cell_text, difference_text, size_text

    published = None if printed is None else printed.value
    computed = None if cell is None else cell.value
    shown_p = (
        "cellen är tom"
        if printed is None
        else f"tryckt {cell_text(printed.value, spec.unit, unit, printed.places)}"
    )
    why_none = (
        "värdet går inte att beräkna (nämnaren är noll)"
        if spec.unit == PERCENT
        else "resultaträkningen summerar inte raden"
    )
    where = f"{label} ({column_name})"
    if cell is None:
        verdict = "och" if status is Status.MATCH else "men"
        message = f"{where}: {shown_p}, {verdict} {why_none}."
    else:
        shown_c = cell_text(cell.value, spec.unit, unit, None)
        gap = difference_text(published, computed, spec.unit, unit)
        most = (
            "nämnaren kan vara noll före avrundning, så vilken kvot som helst är möjlig"
            if bound is None or not bound.is_finite()
            else f"som mest {size_text(bound, spec.unit, unit)}"
        )
        if status is Status.MATCH:
            message = f"{where}: {shown_p}, vilket stämmer med beräknat {shown_c}."
        elif status is Status.ROUNDING:
            message = (
                f"{where}: {shown_p}, beräknat {shown_c}; skillnaden {gap} förklaras av "
                f"avrundning ({most})."
            )
        else:
            message = (
                f"{where}: {shown_p} men beräknat {shown_c}; skillnaden {gap} är större än "
                f"avrundning kan förklara ({most})."
            )
    figures = (
        Figure("published", published, _figure_unit(spec.unit, unit)),
        Figure("computed", computed, _figure_unit(spec.unit, unit)),
    )
    return Finding(
        kind=RECONCILIATION,
        id=f"{spec.id}/{column_id}",
        status=status,
        message=message,
        figures=figures,
        row=spec.id,
        column=column_id,
        published=published,
        computed=computed,
        bound=bound,
    )


def _figure_unit(kind: str, unit: str) -> str:
    if kind == PERCENT:
        return "share"
    if kind == HOURS:
        return "hours"
    return unit
