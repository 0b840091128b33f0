"""Swedish numbers: exact amounts, approximate quantities, and reading and writing them.

Money is :class:`Amount`, an exact ``Decimal`` number of kronor that is never built from a float.
Text goes in through the ``parse_*`` functions, which accept what Swedish writers write
(``20 197 tkr``, ``2,5 mkr``, ``−6 108``, ``76 %``, ``över 150 företag``) and refuse, with a
:class:`~smartind.errors.NumberFormatError`, what is ambiguous (``20.197``). Text comes out
through the ``format_*`` functions in a :class:`NumberStyle`, a house style chosen by name.
Rounding for presentation follows :func:`round_half_up` and nothing else.

The locale's symbols (decimal sign, group separator, minus and per cent signs) come from CLDR
through Babel, read once per process; Babel never formats a number here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, Self

from attrs import field, frozen

from smartind.errors import NumberFormatError, NumberStyleError
from smartind.numbers._cldr import locale_symbols
from smartind.numbers._format import (
    EXACT,
    FEW_PLACES,
    Setter,
    Typeset,
    check_places,
    digit_setter,
    round_half_up,
    set_digits,
)
from smartind.numbers._parse import (
    parse_amount_text,
    parse_number_text,
    parse_percent_text,
    parse_quantity_text,
)
from smartind.numbers._units import CANONICAL_UNITS, UNIT_EXPONENTS, UNIT_WORDS

__all__ = [
    "NUMBER_STYLES",
    "Amount",
    "NumberStyle",
    "NumberStyleError",
    "Qualifier",
    "Quantity",
    "format_amount",
    "format_number",
    "format_percent",
    "format_quantity",
    "number_style",
    "parse_amount",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "round_half_up",
]

LOCALE: Final = "sv_SE"
"""The CLDR locale whose symbols every style starts from."""

# Sums, differences, products and unit shifts of Decimals are exact whatever the caller's decimal
# context says: they are taken in this one, wide enough for any finite Decimal.
_EXACT: Final = EXACT


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


_UNIT_FACTORS: Final = {unit: Decimal(10**exponent) for unit, exponent in UNIT_EXPONENTS.items()}


def _kronor(value: Decimal | int | str) -> Decimal:
    return _to_decimal(value, "an amount")


def _quantity_value(value: Decimal | int | str) -> Decimal:
    return _to_decimal(value, "a quantity")


def _plain(kronor: Decimal) -> Decimal:
    """Kronor without the decimal places a unit shift leaves: 2,5 mkr is 2500000, not 2500000.0.

    Whole kronor get exponent 0 and öre keep only the places they need, so amounts written in
    different units print alike in JSON and TOML.
    """
    if kronor == kronor.to_integral_value():
        return kronor.quantize(_ONE, context=_EXACT)
    return kronor.normalize(_EXACT)


_ONE: Final = Decimal(1)


def _unit_exponent(unit: str) -> int:
    try:
        return UNIT_EXPONENTS[unit]
    except (KeyError, TypeError):
        known = ", ".join(UNIT_EXPONENTS)
        raise NumberFormatError(f"unknown unit {unit!r}; use one of {known}") from None


@frozen(order=True)
class Amount:
    """An exact sum of money in kronor.

    >>> Amount.tkr(20197).kronor
    Decimal('20197000')
    >>> Amount.mkr("2.5") + Amount.tkr(500)
    Amount(kronor=Decimal('3000000'))

    Construct from a ``Decimal``, an ``int`` or a decimal ``str`` in kronor, or with the named
    constructors for other units. A ``float`` raises ``TypeError``: it cannot hold most öre
    amounts exactly. Sums, differences and products by a ``Decimal`` or ``int`` are exact, whatever
    the current decimal context; amounts compare by value.
    """

    kronor: Decimal = field(converter=_kronor)

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
        factor = _UNIT_FACTORS[unit] if unit in _UNIT_FACTORS else _unit_exponent(unit)
        return cls(_plain(_EXACT.multiply(_to_decimal(value, "an amount"), Decimal(factor))))

    def to(self, unit: str) -> Decimal:
        """The exact value in ``unit`` (``tkr`` gives thousands), not rounded.

        The exponent is what ``Decimal`` division gives: ``Amount.tkr(20197).to("tkr")`` is
        ``Decimal('20197')``, and ``Amount.mkr("2.5").to("mkr")`` is ``Decimal('2.5')``.
        """
        factor = _UNIT_FACTORS[unit] if unit in _UNIT_FACTORS else _unit_exponent(unit)
        return _EXACT.divide(self.kronor, Decimal(factor))

    def __add__(self, other: Amount) -> Amount:
        if not isinstance(other, Amount):
            return NotImplemented
        return Amount(_EXACT.add(self.kronor, other.kronor))

    def __sub__(self, other: Amount) -> Amount:
        if not isinstance(other, Amount):
            return NotImplemented
        return Amount(_EXACT.subtract(self.kronor, other.kronor))

    def __mul__(self, factor: Decimal | int) -> Amount:
        if isinstance(factor, float | bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return Amount(_EXACT.multiply(self.kronor, Decimal(factor)))

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


def _canonical_noun(noun: str) -> str:
    """A money unit word becomes its unit code (``mnkr`` and ``miljoner kronor`` are ``mkr``)."""
    if not isinstance(noun, str):
        raise TypeError(f"a quantity's noun must be a str, not {type(noun).__name__}")
    return UNIT_WORDS.get(noun, noun)


@frozen
class Quantity:
    """A counted or measured quantity as running text states it: ``över 150 företag``.

    ``value`` is the number as written, ``noun`` what is counted (``företag``, or an amount unit
    such as ``mkr`` when the quantity is money), and ``qualifier`` the approximation word, if any.
    An exact quantity has no qualifier. A money unit word is kept as its unit code, so
    ``mnkr`` and ``miljoner kronor`` are both stored as ``mkr``; ``%`` is the noun of a per cent.
    """

    value: Decimal = field(converter=_quantity_value)
    noun: str = field(default="", converter=_canonical_noun)
    qualifier: Qualifier | None = None

    @property
    def exact(self) -> bool:
        """True when no qualifier makes the number approximate."""
        return self.qualifier is None

    def amount(self) -> Amount | None:
        """The stated number as an :class:`Amount` when the noun is a money unit, else ``None``.

        The qualifier is not part of the result: ``cirka 2,5 mkr`` gives 2 500 000 kr.
        """
        if self.noun in UNIT_EXPONENTS:
            return Amount.in_unit(self.value, self.noun)
        return None


# --------------------------------------------------------------------------------------------
# Number styles


_GROUP_SEPARATORS: Final = (None, "\u00a0", "\u202f", "")
_MINUS_SIGNS: Final = (None, "-", "\u2212", "\u2013")
_PERCENT_SPACINGS: Final = (None, "", "\u00a0", "\u202f")
_UNIT_SEPARATORS: Final = ("\u00a0", "\u202f", " ")
_DEFAULT_UNIT_WORDS: Final = MappingProxyType(
    {"kr": "kr", "tkr": "tkr", "mkr": "mkr", "mdkr": "mdkr"}
)


def _one_of(choices: tuple[str | None, ...]) -> Callable[[Any, Any, Any], None]:
    def check(_instance: Any, attribute: Any, value: Any) -> None:
        if value not in choices:
            shown = ", ".join("None (the locale's)" if c is None else ascii(c) for c in choices)
            name = getattr(attribute, "name", "value")
            raise ValueError(f"{name} must be one of {shown}, not {value!r}")

    return check


def _unit_words(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """Unit code to printed word, completed with the defaults and checked to parse back."""
    words = dict(_DEFAULT_UNIT_WORDS)
    for code, word in dict(value).items():
        canonical = CANONICAL_UNITS.get(code)
        if canonical is None:
            raise ValueError(f"unit_words has unknown unit {code!r}; use kr, tkr, mkr, mnkr, mdkr")
        if UNIT_WORDS.get(word) != canonical:
            synonyms = ", ".join(w for w, c in UNIT_WORDS.items() if c == canonical)
            raise ValueError(
                f"unit_words[{code!r}] = {word!r} does not name {code}; use {synonyms}"
            )
        words[canonical] = word
    return tuple(words.items())


@frozen(cache_hash=True)
class NumberStyle:
    """A house style for printing numbers: grouping, minus, per cent spacing, unit words.

    A field left ``None`` takes the Swedish locale's symbol from CLDR (read once through Babel):
    U+00A0 between digit groups, U+2212 as minus, U+00A0 before the per cent sign. The decimal
    sign (``,``) and the per cent sign (``%``) always come from CLDR. Two presets exist, chosen by
    name: ``tillvaxtverket`` and ``sprakradet`` (see :data:`NUMBER_STYLES`).
    """

    name: str
    """The name the style is chosen by, as in ``smartind render --style NAME``."""
    group_separator: str | None = field(default=None, validator=_one_of(_GROUP_SEPARATORS))
    """Between digit groups: U+00A0, U+202F (narrow), ``""`` (no grouping) or ``None`` (CLDR)."""
    group_four_digits: bool = True
    """Whether a four-digit whole part is grouped (``1 706``) or not (``1706``)."""
    minus_sign: str | None = field(default=None, validator=_one_of(_MINUS_SIGNS))
    """Before a negative number: ``-``, U+2212, U+2013 or ``None`` (CLDR: U+2212)."""
    percent_spacing: str | None = field(default=None, validator=_one_of(_PERCENT_SPACINGS))
    """Between a number and ``%``: ``""``, U+00A0, U+202F or ``None`` (CLDR: U+00A0)."""
    unit_words: tuple[tuple[str, str], ...] = field(default=(), converter=_unit_words)
    """The word printed for each unit: a mapping such as ``{"mkr": "mnkr"}``; kept as pairs."""
    unit_separator: str = field(default="\u00a0", validator=_one_of(_UNIT_SEPARATORS))
    """Between a number and its unit word: U+00A0 (the default), U+202F or a plain space."""

    def unit_word(self, unit: str) -> str:
        """The word this style prints for ``unit`` (``mnkr`` and ``mkr`` print alike)."""
        _unit_exponent(unit)
        return dict(self.unit_words)[CANONICAL_UNITS[unit]]


TILLVAXTVERKET: Final = NumberStyle(
    "tillvaxtverket", minus_sign="-", percent_spacing="", unit_words={"mkr": "mkr"}
)
SPRAKRADET: Final = NumberStyle("sprakradet", unit_words={"mkr": "mnkr"})

NUMBER_STYLES: Final[Mapping[str, NumberStyle]] = MappingProxyType(
    {style.name: style for style in (TILLVAXTVERKET, SPRAKRADET)}
)
"""The preset styles by name.

``tillvaxtverket``
    The reference report's own: hyphen minus (``-6 108``), ``76%`` with no space, ``mkr``.
``sprakradet``
    The language authorities' (Språkrådet, Myndigheternas skrivregler): U+2212 minus,
    ``76 %`` with a no-break space, ``mnkr``.

Both group digits with U+00A0, four-digit numbers included (``1 706``), as CLDR does.
"""

DEFAULT_STYLE: Final = "tillvaxtverket"


def number_style(name: str) -> NumberStyle:
    """The preset style called ``name``; :class:`NumberStyleError` lists the known names."""
    try:
        return NUMBER_STYLES[name]
    except (KeyError, TypeError):
        known = ", ".join(sorted(NUMBER_STYLES))
        raise NumberStyleError(
            f"unknown number style {name!r}; the known styles are {known}"
        ) from None


_TYPESETS: dict[str | NumberStyle, Typeset] = {}


def _typeset(style: str | NumberStyle) -> Typeset:
    """The style resolved to plain strings, once per style, with CLDR read once per process."""
    try:
        return _TYPESETS[style]
    except KeyError:
        pass
    except TypeError:
        raise TypeError(f"style must be a name or a NumberStyle, not {style!r}") from None
    if isinstance(style, str):
        chosen = number_style(style)
    elif isinstance(style, NumberStyle):
        chosen = style
    else:
        raise TypeError(f"style must be a name or a NumberStyle, not {type(style).__name__}")
    cldr = locale_symbols(LOCALE)

    def _or(value: str | None, default: str) -> str:
        return default if value is None else value

    words = dict(chosen.unit_words)
    typeset = Typeset(
        group=_or(chosen.group_separator, cldr.group),
        group_four_digits=chosen.group_four_digits,
        minus=_or(chosen.minus_sign, cldr.minus),
        decimal=cldr.decimal,
        percent_suffix=_or(chosen.percent_spacing, cldr.percent_spacing) + cldr.percent,
        unit_separator=chosen.unit_separator,
        unit_words={code: words[canonical] for code, canonical in CANONICAL_UNITS.items()},
    )
    _TYPESETS[style] = typeset
    return typeset


# --------------------------------------------------------------------------------------------
# Parsing


def parse_number(text: str, *, strict: bool = True) -> Decimal:
    """A plain Swedish number: ``20 197``, ``2,5``, ``−6 108``.

    Digit groups may be separated by a space, U+00A0, U+202F or U+2009; the minus may be U+2212,
    an en dash or a hyphen. ``strict=False`` also reads a point as the decimal sign where it
    cannot be a thousands separator, and accepts a mix of spaces between groups.

    Raises:
        NumberFormatError: the text is not such a number; the message quotes it, says what is
            wrong and what is accepted.
    """
    return parse_number_text(text, strict=strict)


def parse_amount(text: str, *, unit: str | None = None, strict: bool = True) -> Amount:
    """An amount of money as Swedish text writes it: ``20 197 tkr``, ``2,5 mnkr``.

    Units: ``kr``/``kronor``, ``tkr``/``tusen kronor``, ``mkr``/``mnkr``/``miljoner kronor``,
    ``mdkr``/``miljarder kronor``. A bare number (``20 197``) is read in ``unit`` and is refused
    without it; a unit written in the text wins over ``unit``. Numbers are read as
    :func:`parse_number` reads them.

    Raises:
        NumberFormatError: not an amount (no unit, an unknown unit, words after the unit, an
            approximation word such as ``drygt``, a malformed number).
    """
    if unit is not None:
        _unit_exponent(unit)
    value, code = parse_amount_text(text, unit, strict=strict)
    return Amount.in_unit(value, code)


def parse_percent(text: str, *, strict: bool = True) -> Decimal:
    """A per cent as a ratio: ``76%``, ``76 %`` and ``76 procent`` all give ``Decimal("0.76")``.

    Raises:
        NumberFormatError: no per cent sign or word, or a malformed number.
    """
    return parse_percent_text(text, strict=strict)


def parse_quantity(text: str, *, strict: bool = True) -> Quantity:
    """A quantity of running text: ``över 150 företag``, ``cirka 2,5 mkr``, ``23 företag``.

    An optional approximation word (case ignored, so a sentence may start with ``Över``; ``ca``
    is read as ``cirka``), a number, and an optional noun. A money unit word becomes its unit code
    (``cirka 2,5 mnkr`` has the noun ``mkr``) and ``76 %`` the noun ``%``.

    Raises:
        NumberFormatError: a malformed number, or a noun with digits or punctuation.
    """
    value, noun, qualifier = parse_quantity_text(text, strict=strict)
    return Quantity(value, noun, None if qualifier is None else Qualifier(qualifier))


# --------------------------------------------------------------------------------------------
# Formatting


def _amount_setter(style: object, unit: object, decimals: object) -> Setter:
    """The setter ``format_amount`` looks up, made, checked and kept on the first call."""
    exponent = _unit_exponent(unit)  # type: ignore[arg-type]
    typeset = _typeset(style)  # type: ignore[arg-type]
    places = check_places(decimals)
    suffix = typeset.unit_separator + typeset.unit_words[unit]  # type: ignore[index]
    setter = digit_setter(typeset, exponent, places, suffix)
    if places in FEW_PLACES:
        typeset.amounts.setdefault(unit, {})[places] = setter  # type: ignore[arg-type]
    return setter


def _number_setter(style: object, decimals: object) -> Setter:
    """The setter ``format_number`` looks up, made, checked and kept on the first call."""
    typeset = _typeset(style)  # type: ignore[arg-type]
    places = check_places(decimals)
    setter = digit_setter(typeset, 0, places, "")
    if places in FEW_PLACES:
        typeset.numbers[places] = setter
    return setter


def _percent_setter(style: object, decimals: object) -> Setter:
    """The setter ``format_percent`` looks up, made, checked and kept on the first call."""
    typeset = _typeset(style)  # type: ignore[arg-type]
    places = check_places(decimals)
    setter = digit_setter(typeset, -2, places, typeset.percent_suffix)
    if places in FEW_PLACES:
        typeset.percents[places] = setter
    return setter


# The three formatters below are the hot path: each finds the setter made for its arguments with
# a few dictionary lookups and calls it. Anything the caches do not hold (a first call, an
# unknown style or unit, bad places) goes to the _*_setter function, which checks and explains.


def format_number(
    value: Decimal | int, *, decimals: int = 0, style: str | NumberStyle = DEFAULT_STYLE
) -> str:
    """``value`` rounded half-up to ``decimals`` places and set in ``style``: ``20 197``."""
    try:
        setter = _TYPESETS[style].numbers[decimals]
    except (KeyError, TypeError):
        setter = _number_setter(style, decimals)
    return setter(value, False)


def format_percent(
    ratio: Decimal | int, *, decimals: int = 0, style: str | NumberStyle = DEFAULT_STYLE
) -> str:
    """A ratio as a per cent: ``Decimal("0.7557")`` gives ``76%`` (``76 %`` in ``sprakradet``)."""
    if type(ratio) is not Decimal:
        _typeset(style)  # a bad style is reported before a bad ratio
        ratio = _to_decimal(ratio, "a ratio")
    try:
        setter = _TYPESETS[style].percents[decimals]
    except (KeyError, TypeError):
        setter = _percent_setter(style, decimals)
    return setter(ratio, True)


def format_amount(
    amount: Amount,
    unit: str = "tkr",
    *,
    decimals: int = 0,
    style: str | NumberStyle = DEFAULT_STYLE,
    show_unit: bool = True,
) -> str:
    """``amount`` in ``unit``, rounded half-up, with the style's word for the unit: ``20 197 tkr``.

    ``unit`` is ``kr``, ``tkr``, ``mkr``, ``mnkr`` or ``mdkr``; the style decides the word printed
    (``tillvaxtverket`` prints ``mkr`` for both mkr and mnkr, ``sprakradet`` ``mnkr``).
    ``show_unit=False`` prints the digits alone, for a table whose caption names the unit.
    """
    if not isinstance(amount, Amount):
        raise TypeError(
            f"format_amount takes an Amount, not {type(amount).__name__}; "
            f"wrap kronor as Amount(value)"
        )
    try:
        setter = _TYPESETS[style].amounts[unit][decimals]
    except (KeyError, TypeError):
        setter = _amount_setter(style, unit, decimals)
    return setter(amount.kronor, show_unit)


def format_quantity(
    quantity: Quantity, *, decimals: int | None = None, style: str | NumberStyle = DEFAULT_STYLE
) -> str:
    """A quantity as running text: ``över 150 företag``, ``cirka 2,5 mkr``.

    The number keeps the decimals it was written with unless ``decimals`` is given. A money unit
    noun is printed with the style's unit word, ``%`` with the style's per cent spacing, and any
    other noun after a plain space. The qualifier is written in lower case; capitalising the start
    of a sentence is the caller's business.
    """
    typeset = _typeset(style)
    value = quantity.value
    if decimals is None:
        exponent = value.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    text = set_digits(value, decimals, typeset)
    noun = quantity.noun
    if noun == "%":
        text += typeset.percent_suffix
    elif noun in typeset.unit_words:
        text += typeset.unit_separator + typeset.unit_words[noun]
    elif noun:
        text += " " + noun
    if quantity.qualifier is not None:
        text = f"{quantity.qualifier.value} {text}"
    return text
