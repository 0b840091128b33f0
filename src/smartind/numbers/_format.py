"""The formatting engine: half-up rounding and digits set in a resolved number style.

Everything here is on the hot path (a report formats thousands of numbers, the benchmark a
million), so a style is resolved once into a :class:`Typeset` of plain strings, and each
combination of style, unit and places a caller asks for is turned once into a specialised
*setter* (:func:`digit_setter`) that a formatter finds with a few dictionary lookups. A number
is set with Python's own Decimal formatting, in C, plus a few replacements. Babel is never
called per number.

Rounding is one rule, defined here: :func:`round_half_up`. The setters round with the same
operation, :data:`quantize_half_up`, which :func:`round_half_up` is built on; the tests prove
that every setter prints what :func:`round_half_up` followed by :func:`set_digits` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
)
from typing import Final

Setter = Callable[[Decimal | int, bool], str]
"""A specialised formatter: a value in, its text in one style, unit and number of places out,
with the unit word or per cent sign when the second argument is true."""

# Sums, differences, products and unit shifts of Decimals are exact when the precision is large
# enough; this context makes them exact whatever the caller's decimal context says.
EXACT: Final = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

_CONTEXT: Final = Context(prec=60, rounding=ROUND_HALF_UP)
FEW_PLACES: Final = range(40)
"""Numbers of places rounded in the fast context, and kept with a style's setters."""
# Quantum per number of places; a dict lookup also checks that decimals is a small int >= 0.
_QUANTA: Final = {places: Decimal(1).scaleb(-places) for places in FEW_PLACES}

quantize_half_up: Final = _CONTEXT.quantize
"""The rounding operation itself: ``quantize_half_up(value, quantum)``, ties away from zero.

It is ``value.quantize(quantum)`` with ``ROUND_HALF_UP`` in a 60-digit context of its own (so
the caller's decimal context never matters), as a bound C method: the setters call it directly,
which saves a Python call per number. A quantum of ``Decimal("0.01")`` rounds to two places,
``Decimal("1E+3")`` to whole thousands, which is the same as rounding the value in thousands to
no places: ``quantize_half_up(v, Decimal("1E+3")).scaleb(-3) == round_half_up(v.scaleb(-3))``.
It raises ``InvalidOperation`` when the result has more than 60 digits (and returns a NaN for a
NaN); :func:`round_half_up` then takes over, and it is the one entry point for everyone else.
"""


def round_half_up(value: Decimal | int, decimals: int = 0) -> Decimal:
    """``value`` rounded to ``decimals`` places, ties away from zero (``ROUND_HALF_UP``).

    This is the one rule smartind rounds numbers by for presentation; every formatter rounds with
    it, directly or through :data:`quantize_half_up`, the operation it is built on.
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
    if type(value) is not Decimal:
        return _round_checked(value, decimals)
    try:
        rounded = quantize_half_up(value, _QUANTA[decimals])
    except (KeyError, TypeError, InvalidOperation):
        return _round_checked(value, decimals)
    if rounded.is_nan():
        raise ValueError(f"cannot round {value}: it is not a finite number")
    return rounded


def _round_checked(value: object, decimals: object) -> Decimal:
    """The slow path of :func:`round_half_up`: an int, a huge value, or an error to explain."""
    places = check_places(decimals)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(
            f"cannot round a {type(value).__name__} ({value!r}) exactly; "
            f"pass a decimal.Decimal or an int (a str such as '2.5' goes through Decimal first)"
        )
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"cannot round {number}: it is not a finite number")
    quantum = _quantum(places)
    # More digits than the fast context holds (or an int): a context just wide enough, with the
    # same rounding.
    wide = Context(prec=max(number.adjusted(), 0) + places + 2, rounding=ROUND_HALF_UP)
    return wide.quantize(number, quantum)


def _quantum(places: int) -> Decimal:
    return _QUANTA.get(places) or Decimal(1).scaleb(-places)


def check_places(decimals: object) -> int:
    """``decimals`` as the number of places to round to, or ``ValueError`` saying what is wrong.

    An int of 0 or more; below 40 places (:data:`FEW_PLACES`) anything equal to such an int is
    taken too (``2.0``), as the formatters always took it for a ``Decimal`` (now for an int as
    well). Setters are kept only for those, so a number of places is taken or refused alike on
    every call, whatever was formatted before.
    """
    try:
        if decimals in _QUANTA:
            return int(decimals)
    except TypeError:  # unhashable
        pass
    if type(decimals) is not int or decimals < 0:
        raise ValueError(f"decimals must be an int of 0 or more, not {decimals!r}")
    return decimals


class Typeset:
    """A number style resolved into the strings the formatter pastes in.

    It also keeps the setters made for the style, so the formatters find one with a few
    dictionary lookups: ``amounts[unit][decimals]``, ``numbers[decimals]`` and
    ``percents[decimals]``. They are filled by ``smartind.numbers`` as callers ask.
    """

    __slots__ = (
        "amounts",
        "decimal",
        "group",
        "group_four_digits",
        "minus",
        "numbers",
        "percent_suffix",
        "percents",
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
        self.amounts: dict[str, dict[int, Setter]] = {}
        self.numbers: dict[int, Setter] = {}
        self.percents: dict[int, Setter] = {}


def set_digits(value: Decimal | int, decimals: int, typeset: Typeset) -> str:
    """``value`` rounded half-up to ``decimals`` places and written in ``typeset``.

    The reference every setter is tested against, and their way out for what they do not handle.
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


def digit_setter(typeset: Typeset, shift: int, decimals: int, suffix: str) -> Setter:
    """A setter: ``setter(value, True)`` is ``set_digits(value / 10**shift, decimals, typeset)
    + suffix``, and ``setter(value, False)`` the same without ``suffix``.

    ``shift`` is a unit's power of ten (3 for tkr), 0 for a plain number, -2 for a per cent. The
    setter takes a ``Decimal`` or an int; anything else, a non-finite value, and a result of
    more than 60 digits go to :func:`set_digits`, which rounds, checks and explains as always.

    Whole thousands, millions and billions (``decimals=0``, ``shift`` 3, 6 or 9), which only
    ``format_amount`` asks for, take a shorter way: the value is rounded half-up to a multiple of
    ``10**shift`` (see :data:`quantize_half_up`), printed with its groups, and the last
    ``shift // 3`` groups, all zeros, are cut off. That saves the exact division, a fifth of the
    time of a call. That setter is made for an ``Amount``'s kronor, always a finite ``Decimal``,
    and does not test the value's type (an int is fine, a bool would pass as 0 or 1).
    """
    if decimals == 0 and shift > 0 and shift % 3 == 0:
        if typeset.group_four_digits and typeset.minus == "-":
            return _whole_units_plain(typeset, shift, suffix)
        return _whole_units(typeset, shift, suffix)
    return _general(typeset, shift, decimals, suffix)


def _fallback(typeset: Typeset, shift: int, decimals: int, suffix: str) -> Setter:
    """The setter's way out: the reference path, for what the fast one does not handle."""

    def fallback(value: Decimal | int, with_suffix: bool) -> str:
        shifted = EXACT.scaleb(value, -shift) if shift else value
        text = set_digits(shifted, decimals, typeset)
        return text + suffix if with_suffix else text

    return fallback


def _whole_units_plain(typeset: Typeset, shift: int, suffix: str) -> Setter:
    """Whole units in a style that groups four digits and writes a hyphen minus (the default).

    :func:`_whole_units` tests those options at some 5 % of a call; the default style skips that.
    """
    quantum = Decimal(1).scaleb(shift)
    # The "," and three zeros of each group the rounding emptied; a slice made once, not per call.
    cut = slice(None, -4 * (shift // 3))
    group = typeset.group
    fallback = _fallback(typeset, shift, 0, suffix)

    def whole_units_plain(value: Decimal | int, with_suffix: bool) -> str:
        try:
            rounded = quantize_half_up(value, quantum)
        except (InvalidOperation, TypeError):  # more than 60 digits, or not a number at all
            return fallback(value, with_suffix)
        if not rounded:
            return "0" + suffix if with_suffix else "0"  # -0 too: zero prints without a minus
        # rounded.__format__ rather than format(): one lookup less per call.
        text = rounded.__format__(",f")[cut]
        if not text:
            return fallback(value, with_suffix)  # a NaN, the one text shorter than the cut
        text = text.replace(",", group)
        return text + suffix if with_suffix else text

    return whole_units_plain


def _whole_units(typeset: Typeset, shift: int, suffix: str) -> Setter:
    """Whole units in any other style: :func:`_whole_units_plain` with the options tested."""
    plain = _whole_units_plain(typeset, shift, "")
    ungroup_four = not typeset.group_four_digits
    group = typeset.group
    minus = typeset.minus

    def whole_units(value: Decimal | int, with_suffix: bool) -> str:
        text = plain(value, False)
        if ungroup_four and len(text) - (text[0] == "-") == 3 + len(group) + 1:
            text = text.replace(group, "")  # a four-digit number, not grouped in this style
        if text[0] == "-" and minus != "-":
            text = minus + text[1:]
        return text + suffix if with_suffix else text

    return whole_units


def _general(typeset: Typeset, shift: int, decimals: int, suffix: str) -> Setter:
    """Every other unit and number of places, and every style; see :func:`digit_setter`."""
    quantum = _quantum(decimals)
    scaleb = EXACT.scaleb
    group = typeset.group
    four_digits = typeset.group_four_digits
    minus = typeset.minus
    decimal_sign = typeset.decimal
    fallback = _fallback(typeset, shift, decimals, suffix)

    def general(value: Decimal | int, with_suffix: bool) -> str:
        kind: type = type(value)
        if kind is not Decimal and kind is not int:
            return fallback(value, with_suffix)
        try:
            rounded = quantize_half_up(scaleb(value, -shift) if shift else value, quantum)
        except InvalidOperation:
            return fallback(value, with_suffix)
        if rounded.is_nan():
            return fallback(value, with_suffix)
        if group and (four_digits or not -10000 < rounded < 10000):
            text = rounded.__format__(",f").replace(",", group)
        else:
            text = rounded.__format__("f")
        if decimals:
            text = text.replace(".", decimal_sign)
        if text[0] == "-":
            if not rounded:
                text = text[1:]
            elif minus != "-":
                text = minus + text[1:]
        return text + suffix if with_suffix else text

    return general
