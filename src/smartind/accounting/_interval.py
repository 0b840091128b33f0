"""Exact values that carry the interval their rounded inputs allow.

Every entered figure of an account may itself be a printed, rounded number (the bundled example
is typed from the published table in whole tkr). A :class:`Cell` keeps the exact value computed
from the entered figures together with the range ``[lo, hi]`` the true value can lie in if each
entered figure was rounded at its last digit. Sums add ranges, ratios take the extremes of the
quotient over the box of their inputs (plain interval arithmetic). Reconciliation then asks whether
a printed figure, itself rounded, can come from some value in that range.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import frozen

__all__ = ["Cell", "entered", "resolution", "total"]

INFINITY = Decimal("Infinity")
_HALF = Decimal("0.5")


@frozen
class Cell:
    """An exact ``value`` and the range ``[lo, hi]`` rounding of its inputs allows.

    ``terms`` counts the entered figures the value is computed from.
    """

    value: Decimal
    lo: Decimal
    hi: Decimal
    terms: int = 1

    def __add__(self, other: Cell) -> Cell:
        return Cell(
            self.value + other.value,
            self.lo + other.lo,
            self.hi + other.hi,
            self.terms + other.terms,
        )

    def __sub__(self, other: Cell) -> Cell:
        return Cell(
            self.value - other.value,
            self.lo - other.hi,
            self.hi - other.lo,
            self.terms + other.terms,
        )

    def scaled(self, factor: Decimal) -> Cell:
        """The cell times an exact factor (an overhead rate, say)."""
        ends = (self.lo * factor, self.hi * factor)
        return Cell(self.value * factor, min(ends), max(ends), self.terms)

    def over(self, denominator: Cell) -> Cell | None:
        """The ratio of two cells; ``None`` when the exact denominator is zero.

        When rounding lets the denominator reach zero, the ratio can be anything: the range is
        then unbounded.
        """
        if denominator.value == 0:
            return None
        value = self.value / denominator.value
        terms = self.terms + denominator.terms
        if denominator.lo <= 0 <= denominator.hi:
            return Cell(value, -INFINITY, INFINITY, terms)
        corners = [n / d for n in (self.lo, self.hi) for d in (denominator.lo, denominator.hi)]
        # Division rounds at 28 digits, so a corner may land a hair beyond the exact value.
        return Cell(value, min([*corners, value]), max([*corners, value]), terms)

    @property
    def radius(self) -> Decimal:
        """The largest distance from the exact value to either end of the range."""
        return max(self.value - self.lo, self.hi - self.value)


def resolution(value: Decimal) -> Decimal:
    """The step a figure was written to: 1 for whole numbers (and zero), 0.1 for one decimal.

    A figure written without decimals may have been rounded to whole units, so its step is 1
    however many trailing zeros it has.
    """
    if value == 0:
        return Decimal(1)
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction of every Amount
    return Decimal(1).scaleb(min(0, exponent))


def entered(value: Decimal, scale: Decimal) -> Cell:
    """A figure as entered: exact ``value`` (in base units: kronor, hours), shown in ``scale``.

    ``scale`` is the size of one presentation unit in base units (1000 for tkr). The figure may
    have been rounded at its last digit in that unit, so it may be off by half that step.
    """
    half = resolution(value / scale) * scale * _HALF
    return Cell(value, value - half, value + half, 1)


def total(cells: list[Cell]) -> Cell:
    """The sum of cells; an empty sum is an exact zero."""
    if not cells:
        return Cell(Decimal(0), Decimal(0), Decimal(0), 0)
    result = cells[0]
    for cell in cells[1:]:
        result = result + cell
    return result
