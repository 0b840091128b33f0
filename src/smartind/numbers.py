"""Swedish numbers: exact amounts, approximate quantities, and parsing and printing them.

Money is :class:`Amount`, an exact ``Decimal`` number of kronor that is never built from a float.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Self

from attrs import field, frozen

__all__ = [
    "Amount",
    "Qualifier",
    "Quantity",
]

_UNIT_FACTORS: dict[str, Decimal] = {
    "kr": Decimal(1),
    "tkr": Decimal(1000),
    "mkr": Decimal(1000000),
    "mnkr": Decimal(1000000),
    "mdkr": Decimal(1000000000),
}


def _to_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool | float):
        raise TypeError(
            f"{what} cannot be a {type(value).__name__} ({value!r}): a float is not exact. "
            f"Pass a str such as '2.5' or a decimal.Decimal."
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{what} must be a finite number, not {value}")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            result = Decimal(value)
        except ArithmeticError:
            raise ValueError(
                f"{what} {value!r} is not a decimal number; for Swedish text such as "
                f"'2,5 mkr' use parse_amount()"
            ) from None
        return _to_decimal(result, what)
    raise TypeError(f"{what} must be a str, int or decimal.Decimal, not {type(value).__name__}")


@frozen(order=True)
class Amount:
    """An exact sum of money in kronor.

    >>> Amount.tkr(20197).kronor
    Decimal('20197000')
    >>> Amount.mkr("2.5") + Amount.tkr(500)
    Amount(kronor=Decimal('3000000.0'))

    Construct from a ``Decimal``, an ``int`` or a decimal ``str`` in kronor, or with the named
    constructors for other units. A ``float`` raises ``TypeError``: it cannot hold most öre
    amounts exactly.
    """

    kronor: Decimal = field(converter=lambda v: _to_decimal(v, "an amount"))

    @classmethod
    def kr(cls, value: Decimal | int | str) -> Self:
        """An amount given in kronor."""
        return cls(_to_decimal(value, "an amount"))

    @classmethod
    def tkr(cls, value: Decimal | int | str) -> Self:
        """An amount given in thousands of kronor (tkr)."""
        return cls.in_unit(value, "tkr")

    @classmethod
    def mkr(cls, value: Decimal | int | str) -> Self:
        """An amount given in millions of kronor (mkr, also written mnkr)."""
        return cls.in_unit(value, "mkr")

    mnkr = mkr

    @classmethod
    def mdkr(cls, value: Decimal | int | str) -> Self:
        """An amount given in billions of kronor (mdkr)."""
        return cls.in_unit(value, "mdkr")

    @classmethod
    def in_unit(cls, value: Decimal | int | str, unit: str) -> Self:
        """An amount given in ``unit``: ``kr``, ``tkr``, ``mkr``, ``mnkr`` or ``mdkr``."""
        try:
            factor = _UNIT_FACTORS[unit]
        except KeyError:
            known = ", ".join(_UNIT_FACTORS)
            raise ValueError(f"unknown unit {unit!r}; use one of {known}") from None
        return cls(_to_decimal(value, "an amount") * factor)

    def to(self, unit: str) -> Decimal:
        """The exact value in ``unit`` (``tkr`` gives thousands), not rounded."""
        try:
            factor = _UNIT_FACTORS[unit]
        except KeyError:
            known = ", ".join(_UNIT_FACTORS)
            raise ValueError(f"unknown unit {unit!r}; use one of {known}") from None
        return self.kronor / factor

    def __add__(self, other: Amount) -> Amount:
        if not isinstance(other, Amount):
            return NotImplemented
        return Amount(self.kronor + other.kronor)

    def __sub__(self, other: Amount) -> Amount:
        if not isinstance(other, Amount):
            return NotImplemented
        return Amount(self.kronor - other.kronor)

    def __mul__(self, factor: Decimal | int) -> Amount:
        if isinstance(factor, float | bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return Amount(self.kronor * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Amount:
        return Amount(-self.kronor)

    def __abs__(self) -> Amount:
        return Amount(abs(self.kronor))

    def __bool__(self) -> bool:
        return bool(self.kronor)

    @classmethod
    def zero(cls) -> Self:
        """Zero kronor, the start value for sums."""
        return cls(Decimal(0))


class Qualifier(enum.Enum):
    """An approximation word written before a number in running Swedish text."""

    CIRKA = "cirka"
    DRYGT = "drygt"
    KNAPPT = "knappt"
    OVER = "över"
    FLER_AN = "fler än"
    NARMARE = "närmare"

    @property
    def bounds(self) -> tuple[bool, bool]:
        """Whether the true value may lie (below, above) the stated number."""
        match self:
            case Qualifier.CIRKA:
                return (True, True)
            case Qualifier.DRYGT | Qualifier.OVER | Qualifier.FLER_AN:
                return (False, True)
            case Qualifier.KNAPPT | Qualifier.NARMARE:
                return (True, False)


@frozen
class Quantity:
    """A counted or measured quantity as running text states it: ``över 150 företag``.

    ``value`` is the number as written, ``noun`` what is counted (``företag``, or an amount unit
    such as ``mkr`` when the quantity is money), and ``qualifier`` the approximation word, if any.
    An exact quantity has no qualifier.
    """

    value: Decimal = field(converter=lambda v: _to_decimal(v, "a quantity"))
    noun: str = ""
    qualifier: Qualifier | None = None

    @property
    def exact(self) -> bool:
        """True when no qualifier makes the number approximate."""
        return self.qualifier is None
