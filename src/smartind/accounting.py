"""The financial account (ekonomisk redovisning): entered figures per funding source.

The entered figures are what a report writer types: income, operating costs, transfers, budget
and hours, one set per funding source (*Särskilda medel*, *Förvaltningsanslaget*). Everything
else in the income statement is derived from them.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import field, frozen
from attrs.validators import ge, instance_of

from smartind.numbers import Amount

__all__ = [
    "FinancialAccount",
    "FundingFigures",
    "FundingSource",
]


@frozen
class FundingFigures:
    """The figures entered for one funding source, exact in kronor.

    ``grant`` is *Bidrag* (the assignment's money received), ``appropriation`` is *Anslag* (the
    agency's appropriation used). The three operating cost lines are *Personalkostnader*, *Köpta
    tjänster* and *Övriga kostnader*; ``transfers`` are the grants paid out to projects
    (*Transfereringar*); ``hours`` the hours worked, which carry the overhead surcharge.
    """

    grant: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    appropriation: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    personnel: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    purchased_services: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    other_costs: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    transfers: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    budget: Amount = field(factory=Amount.zero, metadata={"unit": "tkr"})
    hours: Decimal = field(default=Decimal(0), validator=[instance_of(Decimal), ge(Decimal(0))])


@frozen
class FundingSource:
    """A funding column of the income statement: a short id, its printed name, its figures."""

    id: str
    name: str
    figures: FundingFigures


@frozen
class FinancialAccount:
    """The assignment's account: its funding sources and the overhead charged per hour worked.

    ``unit`` is the unit the published statement is printed in (``tkr``).
    """

    sources: tuple[FundingSource, ...] = field(converter=tuple)
    overhead_per_hour: Amount = field(factory=Amount.zero, metadata={"unit": "kr"})
    unit: str = "tkr"
