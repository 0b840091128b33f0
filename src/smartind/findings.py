"""Findings: the values that rule evaluation and reconciliation return.

A finding is data, not an exception: a rule that is not met, or a printed figure that disagrees
with the computed one, is something to report, not a reason to stop.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from attrs import field, frozen
from attrs.validators import in_, instance_of

__all__ = ["Figure", "Finding", "Status", "findings_to_json"]


class Status(enum.Enum):
    """The outcome of one check.

    Rules end in ``met``, ``not_met`` or ``not_assessable`` (the data cannot decide); a reconciled
    cell ends in ``match``, ``rounding`` (rounding of printed figures explains the difference) or
    ``discrepancy``.
    """

    MET = "met"
    NOT_MET = "not_met"
    NOT_ASSESSABLE = "not_assessable"
    MATCH = "match"
    ROUNDING = "rounding"
    DISCREPANCY = "discrepancy"

    @property
    def fails(self) -> bool:
        """Whether this status makes ``smartind check`` exit with 1.

        The check passes only when every rule is met and no printed figure disagrees: a rule the
        data cannot decide is not met either, and the data it needs can be added.
        """
        return self in (Status.NOT_MET, Status.NOT_ASSESSABLE, Status.DISCREPANCY)

    @property
    def label(self) -> str:
        """The status in Swedish, as ``smartind check`` prints it."""
        return _LABELS[self]


_LABELS = {
    Status.MET: "uppfylld",
    Status.NOT_MET: "ej uppfylld",
    Status.NOT_ASSESSABLE: "ej bedömbar",
    Status.MATCH: "stämmer",
    Status.ROUNDING: "avrundning",
    Status.DISCREPANCY: "avvikelse",
}

RULE = "rule"
RECONCILIATION = "reconciliation"


@frozen
class Figure:
    """A figure a check used: what it is (a short English key), its exact value and its unit.

    ``unit`` is ``kr`` for money (exact kronor), ``share`` for a ratio between 0 and 1, ``count``
    for a number of things and ``hours`` for hours worked. ``value`` is ``None`` when the data
    lacks the figure; the finding's message then says so.
    """

    name: str
    value: Decimal | None
    unit: str = "kr"


def _figures(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


@frozen
class Finding:
    """The result of one check, fit for the report and for a machine.

    ``kind`` is ``rule`` or ``reconciliation``. ``id`` is the rule's id (``rule-id/part`` when one
    rule checks several things) or, for a reconciled cell, ``row/column``. ``message`` is one
    Swedish sentence with the numbers in Swedish format.

    A reconciliation finding also names the cell (``row``: a row id of the income statement;
    ``column``: a funding source id or ``SUMMA``) and gives the ``published`` and ``computed``
    values in the row's own scale: money in the account's unit (tkr), ratios as shares (0.76),
    hours as hours. ``None`` there is an empty cell (published) or an undefined value (computed,
    such as a ratio whose denominator is zero). ``bound`` is the largest difference that rounding
    of the printed figures can explain for that cell, in the same scale.
    """

    kind: str = field(validator=in_((RULE, RECONCILIATION)))
    id: str = field(validator=instance_of(str))
    status: Status = field(validator=instance_of(Status))
    message: str = field(validator=instance_of(str))
    figures: tuple[Figure, ...] = field(converter=_figures, factory=tuple)
    row: str | None = None
    column: str | None = None
    published: Decimal | None = None
    computed: Decimal | None = None
    bound: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON-ready data, as ``smartind check --format json`` prints it.

        ``kind``, ``id``, ``status`` (the value, such as ``not_met``) and ``message``; for a
        reconciled cell also ``row``, ``column``, ``published``, ``computed`` and ``bound``;
        then ``figures``, each with ``name``, ``value`` and ``unit``. Decimals are strings in
        positional notation (``"2500000"``, never ``"2.5E+6"``), an empty value is ``None``.
        """
        data: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "status": self.status.value,
            "message": self.message,
        }
        if self.kind != RULE:
            data |= {
                "row": self.row,
                "column": self.column,
                "published": _decimal(self.published),
                "computed": _decimal(self.computed),
                "bound": _decimal(self.bound),
            }
        data["figures"] = [
            {"name": f.name, "value": _decimal(f.value), "unit": f.unit} for f in self.figures
        ]
        return data


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def findings_to_json(findings: Iterable[Finding]) -> dict[str, Any]:
    """Findings as the JSON-ready object ``smartind check --format json`` prints.

    ``{"findings": [...]}``, one :meth:`Finding.to_json` per finding, in order; pass it to
    :func:`json.dumps` as it is.
    """
    return {"findings": [f.to_json() for f in findings]}
