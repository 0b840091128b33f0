"""Numbers and lists as the Swedish sentences of findings write them.

Every number goes through :mod:`smartind.numbers`, so findings follow the report's house style
(``20 197 tkr``, ``76%``, ``-6 108``) and round half-up like every other presented figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from smartind.numbers import Amount

__all__ = [
    "cell_text",
    "difference_text",
    "join",
    "money",
    "number",
    "percent",
    "round_to",
    "size_text",
]

_NBSP = "\u00a0"
_HUNDRED = Decimal(100)


def round_to(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals (negative: to tens, hundreds ...)."""
    from smartind.numbers import round_half_up

    return round_half_up(value, places)


def _needed(value: Decimal, cap: int) -> int:
    """Decimals needed to show ``value`` exactly, at most ``cap``."""
    if value == value.to_integral_value():
        return 0
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return min(cap, -exponent)


def number(value: Decimal, decimals: int | None = None) -> str:
    """A plain number in Swedish format; ``decimals=None`` shows up to three as needed."""
    from smartind.numbers import format_number

    places = _needed(value, 3) if decimals is None else decimals
    return format_number(value, decimals=places)


def money(amount: Amount, unit: str = "tkr") -> str:
    """An amount with its unit: ``20 197 tkr``; in kronor when it is not whole in ``unit``."""
    from smartind.numbers import format_amount

    value = amount.to(unit)
    if value != value.to_integral_value():
        unit, value = "kr", amount.kronor
    return format_amount(amount, unit, decimals=_needed(value, 2))


def percent(ratio: Decimal, decimals: int | None = None) -> str:
    """A ratio as a per cent: ``76%``; ``decimals=None`` shows one decimal when needed."""
    from smartind.numbers import format_percent

    places = _needed(ratio * _HUNDRED, 1) if decimals is None else decimals
    return format_percent(ratio, decimals=places)


def cell_text(value: Decimal, kind: str, unit: str, places: int | None) -> str:
    """A statement figure in its row's scale: money in ``unit``, a ratio as a per cent, hours.

    ``places`` is the decimals it was printed with (a per cent's counted on the ratio), or
    ``None`` to show what is needed.
    """
    if kind == "percent":
        return percent(value, None if places is None else max(0, places - 2))
    text = number(value, places)
    return f"{text}{_NBSP}timmar" if kind == "hours" else f"{text}{_NBSP}{unit}"


def difference_text(
    published: Decimal | None, computed: Decimal | None, kind: str, unit: str
) -> str:
    """The absolute difference between a printed and a computed figure, with its unit."""
    gap = abs((published or Decimal(0)) - (computed or Decimal(0)))
    return size_text(gap, kind, unit)


def size_text(value: Decimal, kind: str, unit: str) -> str:
    """A difference or bound in a row's scale; for a per cent row in percentage points."""
    if kind == "percent":
        points = value * _HUNDRED
        return f"{number(points, _needed(points, 1 if points >= 1 else 2))}{_NBSP}procentenheter"
    return cell_text(value, kind, unit, None)


def join(items: Sequence[str]) -> str:
    """Items as a Swedish list: ``a, b och c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} och {items[-1]}"
