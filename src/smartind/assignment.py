"""The assignment (regeringsuppdrag): its case numbers, period, budget, purposes and goals.

Also the programme it belongs to (the strategy *Smart industri* and the agency's other assignments
under it) and the continuation that takes over its work.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from attrs import field, frozen
from attrs.validators import instance_of

from smartind._validators import (
    amount,
    boundary,
    nonblank,
    optional_amount,
    optional_quantity,
    strings,
    to_tuple,
)
from smartind.dates import Month, Period
from smartind.numbers import Amount, Quantity

__all__ = [
    "Assignment",
    "Budget",
    "BudgetChange",
    "Continuation",
    "FocusArea",
    "Programme",
    "RelatedAssignment",
    "TargetGroups",
]


class FocusArea(enum.Enum):
    """The four focus areas of the strategy Smart industri (2016)."""

    INDUSTRY_4_0 = "industri-4.0"
    SUSTAINABLE_PRODUCTION = "hallbar-produktion"
    SKILLS_BOOST = "kunskapslyft-industri"
    TEST_BED_SWEDEN = "testbadd-sverige"

    @property
    def label(self) -> str:
        """The focus area's Swedish name as the strategy writes it."""
        return _FOCUS_LABELS[self]


_FOCUS_LABELS = {
    FocusArea.INDUSTRY_4_0: "Industri 4.0",
    FocusArea.SUSTAINABLE_PRODUCTION: "Hållbar produktion",
    FocusArea.SKILLS_BOOST: "Kunskapslyft industri",
    FocusArea.TEST_BED_SWEDEN: "Testbädd Sverige",
}


def _changes(values: Iterable[BudgetChange]) -> tuple[BudgetChange, ...]:
    return to_tuple(values)


def _assignments(values: Iterable[RelatedAssignment]) -> tuple[RelatedAssignment, ...]:
    return to_tuple(values)


def _report_due(instance: Assignment, _attribute: object, due: date) -> None:
    if due < instance.period.start:
        raise ValueError(
            f"report_due {due} lies before the assignment's period starts "
            f"({instance.period.start}); check report_due or period"
        )


@frozen(field_transformer=boundary)
class BudgetChange:
    """A change to an assignment's budget: a signed amount, when, by whom and why.

    A reduction is negative: the December 2018 budget took ``-10 mkr`` from two assignments.
    """

    change: Amount = field(converter=amount)
    month: Month | None = None
    decided_by: str = ""
    reason: str = ""


@frozen(field_transformer=boundary)
class Budget:
    """An assignment's budget as first decided and every change made to it since."""

    original: Amount = field(converter=amount)
    changes: tuple[BudgetChange, ...] = field(converter=_changes, factory=tuple)

    @property
    def current(self) -> Amount:
        """The budget after every change."""
        total = self.original
        for change in self.changes:
            total = total + change.change
        return total


@frozen(field_transformer=boundary)
class TargetGroups:
    """Who the assignment's activities are for: primary, secondary and final target groups."""

    primary: tuple[str, ...] = field(converter=strings, factory=tuple)
    secondary: tuple[str, ...] = field(converter=strings, factory=tuple)
    final: tuple[str, ...] = field(converter=strings, factory=tuple)


@frozen(field_transformer=boundary)
class Assignment:
    """The assignment the report is about.

    ``title`` is the official title, ``name`` the agency's own short name. ``case_number`` is the
    government's (``N2016/02958/FÖF``), ``agency_case_number`` the agency's (``Ä 2016-814``).
    ``granted_to_projects`` is the total granted to projects when the report states it as one
    figure (the split between projects may be unknown).
    """

    name: str = field(validator=nonblank)
    title: str = field(validator=nonblank)
    case_number: str = field(validator=nonblank)
    agency: str = field(validator=nonblank)
    period: Period
    budget: Budget
    report_due: date = field(validator=_report_due)
    agency_case_number: str = ""
    decided: Month | None = None
    purposes: tuple[str, ...] = field(converter=strings, factory=tuple)
    goals: tuple[str, ...] = field(converter=strings, factory=tuple)
    long_term_goal: str = ""
    target_groups: TargetGroups = field(factory=TargetGroups)
    granted_to_projects: Amount | None = field(default=None, converter=optional_amount)
    appropriations: tuple[str, ...] = field(converter=strings, factory=tuple)


@frozen(field_transformer=boundary)
class RelatedAssignment:
    """Another assignment of the same programme, as the report lists it.

    ``aim`` is one line on what it is for. ``case_number`` is given where the report cites one.
    """

    name: str
    budget: Budget
    report_due: date
    aim: str = ""
    case_number: str = ""
    title: str = ""


@frozen(field_transformer=boundary)
class Programme:
    """The strategy the assignment serves and the agency's assignments under it, in order.

    ``assignments`` includes the reported assignment itself, as the report's list does; it is
    matched to :class:`Assignment` by ``name``.
    """

    strategy: str
    decided: Month | None = None
    reference: str = ""
    assignments: tuple[RelatedAssignment, ...] = field(converter=_assignments, factory=tuple)


@frozen(field_transformer=boundary)
class Continuation:
    """The assignment that continues this one (Smart industri i regionerna 2.0).

    ``granted`` and ``projects_granted`` are what it had granted when this report was written;
    ``regions_granted`` how many län its grants reached.
    """

    name: str = field(validator=instance_of(str))
    decided: Month | None = None
    budget: Budget | None = None
    period: Period | None = None
    report_due: date | None = None
    call_closed: Month | None = None
    projects_granted: int | None = None
    granted: Quantity | None = field(default=None, converter=optional_quantity)
    regions_granted: int | None = None
