"""The formatting engine: half-up rounding and digits set in a resolved number style.

Everything here is on the hot path (a report formats thousands of numbers, the benchmark a
million), so a style is resolved once into a :class:`Typeset` of plain strings, and a number is set
with Python's own integer and Decimal formatting plus a few replacements. Babel is never called
per number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Final

_CONTEXT: Final = Context(prec=60, rounding=ROUND_HALF_UP)
# Quantum per number of places; a dict lookup also checks that decimals is a small int >= 0.
_QUANTA: Final = {places: Decimal(1).scaleb(-places) for places in range(40)}


def round_half_up(value: Decimal | int, decimals: int = 0) -> Decimal:
    """``value`` rounded to ``decimals`` places, ties away from zero (``ROUND_HALF_UP``).

    This is the one place smartind rounds a number for presentation; every formatter calls it.
    Ties go away from zero, so rounding is symmetric: ``2,5`` becomes ``3`` and ``-2,5`` becomes
    ``-3``. The result always has exactly ``decimals`` places (``Decimal("3.10")`` for ``3.1`` at
    two places). Exact sums are taken first and rounded once, at the end.

    >>> round_half_up(Decimal("2.5"))
    Decimal('3')
    >>> round_half_up(Decimal("0.125"), 2)
    Decimal('0.13')
    >>> round_half_up(Decimal("-6107.5"))
    Decimal('-6108')

    Raises:
        TypeError: ``value`` is a float (not exact) or not a number.
        ValueError: ``value`` is not finite, or ``decimals`` is not an int of 0 or more.
    """
    try:
        # Positional arguments: quantize() parses keywords four times slower, and this line is
        # the hot path of every formatter.
        rounded = value.quantize(_QUANTA[decimals], ROUND_HALF_UP, _CONTEXT)  # type: ignore[union-attr]
    except (AttributeError, KeyError, TypeError, InvalidOperation):
        return _round_checked(value, decimals)
    if rounded.is_nan():
        raise ValueError(f"cannot round {value}: it is not a finite number")
    return rounded


def _round_checked(value: object, decimals: object) -> Decimal:
    """The slow path of :func:`round_half_up`: an int, a huge value, or an error to explain."""
    if type(decimals) is not int or decimals < 0:
        raise ValueError(f"decimals must be an int of 0 or more, not {decimals!r}")
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(
            f"cannot round a {type(value).__name__} ({value!r}) exactly; "
            f"pass a decimal.Decimal or an int (a str such as '2.5' goes through Decimal first)"
        )
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"cannot round {number}: it is not a finite number")
    quantum = _QUANTA.get(decimals) or Decimal(1).scaleb(-decimals)
    # More digits than the fast context holds (or an int): a context just wide enough.
    wide = Context(prec=max(number.adjusted(), 0) + decimals + 2, rounding=ROUND_HALF_UP)
    return number.quantize(quantum, ROUND_HALF_UP, wide)


class Typeset:
    """A number style resolved into the strings the formatter pastes in."""

    __slots__ = (
        "decimal",
        "group",
        "group_four_digits",
        "minus",
        "percent_suffix",
        "unit_separator",
        "unit_words",
    )

    def __init__(
        self,
        *,
        group: str,
        group_four_digits: bool,
        minus: str,
        decimal: str,
        percent_suffix: str,
        unit_separator: str,
        unit_words: dict[str, str],
    ) -> None:
        self.group = group
        self.group_four_digits = group_four_digits
        self.minus = minus
        self.decimal = decimal
        self.percent_suffix = percent_suffix
        self.unit_separator = unit_separator
        self.unit_words = unit_words


def set_digits(value: Decimal | int, decimals: int, typeset: Typeset) -> str:
    """``value`` rounded half-up to ``decimals`` places and written in ``typeset``.

    The digits and the grouping come from ``format(rounded, ",f")``, in C; the style's characters
    are then replaced in. Measured, that is twice as fast as grouping by slicing in Python.
    """
    rounded = round_half_up(value, decimals)
    if typeset.group and (typeset.group_four_digits or not -10000 < rounded < 10000):
        # The style's group separator is never "." (NumberStyle checks it), so the decimal point
        # replaced next is always the one format() wrote.
        text = format(rounded, ",f").replace(",", typeset.group)
    else:
        text = format(rounded, "f")
    if decimals:
        text = text.replace(".", typeset.decimal)
    if text[0] == "-":
        if not rounded:
            text = text[1:]  # -0 and -0,00 print without a minus: there is nothing to negate
        elif typeset.minus != "-":
            text = typeset.minus + text[1:]
    return text
