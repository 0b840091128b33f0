"""Writing numbers in a house style: presets, options, half-up rounding, round trips, Babel."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Context, Decimal, InvalidOperation, localcontext

import attrs
import pytest
from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from smartind import numbers
from smartind.errors import NumberFormatError, SmartindError
from smartind.numbers import (
    NUMBER_STYLES,
    Amount,
    NumberStyle,
    NumberStyleError,
    Qualifier,
    Quantity,
    format_amount,
    format_number,
    format_percent,
    format_quantity,
    number_style,
    parse_amount,
    parse_number,
    parse_percent,
    parse_quantity,
    round_half_up,
)
from smartind.numbers import _cldr as _numbers_cldr
from smartind.numbers import _format as _numbers_format
from smartind.numbers._format import EXACT, quantize_half_up, set_digits
from smartind.numbers._units import UNIT_EXPONENTS

NBSP = "\u00a0"
NNBSP = "\u202f"
MINUS = "\u2212"
EN_DASH = "\u2013"
PRESETS = sorted(NUMBER_STYLES)

# Amounts within ±10^15 kr at öre precision.
ore_amounts = st.integers(-(10**17), 10**17).map(lambda ore: Amount(Decimal(ore).scaleb(-2)))
# Places that keep every öre when printed in the unit.
EXACT_PLACES = {"kr": 2, "tkr": 5, "mkr": 8, "mnkr": 8, "mdkr": 11}
finite_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=6).filter(
    lambda d: abs(d) < 10**20
)


# --------------------------------------------------------------------------------------------
# The presets


def test_the_tillvaxtverket_style_writes_as_the_reference_report() -> None:
    assert format_amount(Amount.tkr(-6108), show_unit=False) == f"-6{NBSP}108"
    assert format_amount(Amount.tkr(20197)) == f"20{NBSP}197{NBSP}tkr"
    assert format_amount(Amount.mkr("2.5"), "mkr", decimals=1) == f"2,5{NBSP}mkr"
    assert format_amount(Amount.mkr("2.5"), "mnkr", decimals=1) == f"2,5{NBSP}mkr"
    assert format_percent(Decimal("0.7557")) == "76%"
    assert format_number(1706) == f"1{NBSP}706"


def test_the_sprakradet_style_writes_as_the_language_authorities_advise() -> None:
    style = "sprakradet"
    assert format_amount(Amount.tkr(-6108), show_unit=False, style=style) == f"{MINUS}6{NBSP}108"
    assert format_amount(Amount.mkr("2.5"), "mkr", decimals=1, style=style) == f"2,5{NBSP}mnkr"
    assert format_percent(Decimal("0.7557"), style=style) == f"76{NBSP}%"
    assert format_amount(Amount.mdkr(3), "mdkr", style=style) == f"3{NBSP}mdkr"


def test_a_style_is_chosen_by_name_or_given_as_an_object() -> None:
    assert number_style("sprakradet") is NUMBER_STYLES["sprakradet"]
    assert format_number(-5, style=number_style("sprakradet")) == f"{MINUS}5"


def test_an_unknown_style_name_lists_the_known_ones() -> None:
    with pytest.raises(NumberStyleError) as caught:
        format_number(1, style="tillväxtverket")
    assert isinstance(caught.value, SmartindError)
    assert "unknown number style 'tillväxtverket'" in str(caught.value)
    assert "sprakradet, tillvaxtverket" in str(caught.value)


def test_the_preset_mapping_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        NUMBER_STYLES["mine"] = NumberStyle("mine")  # type: ignore[index]


def test_a_style_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NUMBER_STYLES["sprakradet"].minus_sign = "-"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# The options


def test_grouping_can_use_a_narrow_no_break_space_or_none() -> None:
    narrow = NumberStyle("narrow", group_separator=NNBSP)
    plain = NumberStyle("plain", group_separator="")
    assert format_number(1234567, style=narrow) == f"1{NNBSP}234{NNBSP}567"
    assert format_number(1234567, style=plain) == "1234567"


def test_four_digit_numbers_may_be_left_ungrouped() -> None:
    style = NumberStyle("loose", group_four_digits=False)
    assert format_number(1706, style=style) == "1706"
    assert format_number(-9999, style=style) == f"{MINUS}9999"
    assert format_number(20197, style=style) == f"20{NBSP}197"
    assert format_number(Decimal("1706.5"), decimals=1, style=style) == "1706,5"


def test_the_minus_sign_is_an_option() -> None:
    assert format_number(-1, style=NumberStyle("dash", minus_sign=EN_DASH)) == f"{EN_DASH}1"


def test_per_cent_spacing_is_an_option() -> None:
    style = NumberStyle("narrow", percent_spacing=NNBSP)
    assert format_percent(Decimal("0.5"), style=style) == f"50{NNBSP}%"


def test_unit_words_are_an_option_and_must_name_their_unit() -> None:
    style = NumberStyle("words", unit_words={"kr": "kronor", "mkr": "miljoner kronor"})
    assert format_amount(Amount.kr(400000), "kr", style=style) == f"400{NBSP}000{NBSP}kronor"
    assert format_amount(Amount.mkr(6), "mnkr", style=style) == f"6{NBSP}miljoner kronor"
    with pytest.raises(ValueError, match="does not name mkr"):
        NumberStyle("wrong", unit_words={"mkr": "mdkr"})
    with pytest.raises(ValueError, match="unknown unit 'Mkr'"):
        NumberStyle("wrong", unit_words={"Mkr": "mkr"})


def test_the_space_before_a_unit_is_an_option() -> None:
    style = NumberStyle("plain space", unit_separator=" ")
    assert format_amount(Amount.tkr(5), style=style) == "5 tkr"


@pytest.mark.parametrize(
    "options",
    [
        {"group_separator": "."},
        {"group_separator": ","},
        {"minus_sign": "~"},
        {"percent_spacing": "  "},
        {"unit_separator": ""},
    ],
)
def test_an_option_that_would_not_read_back_is_refused(options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="must be one of"):
        NumberStyle("bad", **options)  # type: ignore[arg-type]


def test_unit_word_follows_the_style() -> None:
    assert NUMBER_STYLES["sprakradet"].unit_word("mkr") == "mnkr"
    assert NUMBER_STYLES["tillvaxtverket"].unit_word("mnkr") == "mkr"
    with pytest.raises(NumberFormatError):
        NUMBER_STYLES["tillvaxtverket"].unit_word("sek")


# --------------------------------------------------------------------------------------------
# Rounding: half-up, in one place


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        ("2.5", 0, "3"),
        ("3.5", 0, "4"),
        ("-2.5", 0, "-3"),
        ("2.4999", 0, "2"),
        ("0.125", 2, "0.13"),
        ("0.135", 2, "0.14"),
        ("3.1", 2, "3.10"),
        ("-0.4", 0, "-0"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345.5",
            0,
            "12345678901234567890123456789012345678901234567890123456789012346",
        ),
    ],
)
def test_round_half_up(value: str, decimals: int, expected: str) -> None:
    assert str(round_half_up(Decimal(value), decimals)) == expected


def test_round_half_up_takes_ints_and_refuses_floats_and_nonsense() -> None:
    assert round_half_up(7, 2) == Decimal("7.00")
    with pytest.raises(TypeError, match="float"):
        round_half_up(2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="decimals"):
        round_half_up(Decimal(1), -1)
    with pytest.raises(ValueError, match="not a finite number"):
        round_half_up(Decimal("NaN"))
    with pytest.raises(ValueError, match="not a finite number"):
        round_half_up(Decimal("-Infinity"))


@given(st.integers(-(10**30), 10**30), st.integers(0, 6), st.integers(0, 8))
@example(419_960_015_330_654_621_764_205_674_450, 2, 0)  # 30 digits: more than a default context
def test_round_half_up_agrees_with_integer_arithmetic(units: int, scale: int, places: int) -> None:
    """``units / 10**(places+scale)`` rounded to ``places``, computed with integers only."""
    # In the exact context: the default one would round a value of more than 28 digits first.
    value = Decimal(units).scaleb(-(places + scale), EXACT)
    half = 10**scale
    magnitude = (2 * abs(units) + half) // (2 * half)  # floor(|x| * 10**places + 1/2)
    expected = Decimal(magnitude if units >= 0 else -magnitude).scaleb(-places, EXACT)
    rounded = round_half_up(value, places)
    assert rounded == expected
    assert rounded.as_tuple().exponent == -places


@given(finite_decimals, st.integers(0, 4))
def test_round_half_up_is_symmetric_and_within_half_a_unit(value: Decimal, places: int) -> None:
    rounded = round_half_up(value, places)
    unit = Decimal(1).scaleb(-places)
    assert round_half_up(-value, places) == -rounded
    assert abs(rounded - value) <= unit / 2
    if abs(rounded - value) == unit / 2:
        assert abs(rounded) > abs(value)  # a tie goes away from zero


def test_every_formatter_rounds_half_up_where_babel_rounds_half_even() -> None:
    assert format_number(Decimal("2.5")) == "3"
    assert format_decimal(Decimal("2.5"), format="#,##0", locale="sv_SE") == "2"
    assert format_percent(Decimal("0.765")) == "77%"
    assert format_amount(Amount.kr(2500)) == f"3{NBSP}tkr"
    assert format_amount(Amount.kr("0.125"), "kr", decimals=2) == f"0,13{NBSP}kr"
    assert format_quantity(Quantity(Decimal("2.45"), "mkr"), decimals=1) == f"2,5{NBSP}mkr"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("-0.4", 0, "0"), ("-0", 0, "0"), ("-0.004", 2, "0,00"), ("-0.00", 2, "0,00")],
)
@pytest.mark.parametrize("style", PRESETS)
def test_a_value_that_rounds_to_zero_has_no_minus(
    style: str, value: str, places: int, expected: str
) -> None:
    assert format_number(Decimal(value), decimals=places, style=style) == expected


def test_formatters_refuse_floats() -> None:
    with pytest.raises(TypeError, match="float"):
        format_number(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        format_percent(0.76)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes an Amount"):
        format_amount(Decimal(5))  # type: ignore[arg-type]


def test_format_amount_refuses_an_unknown_unit() -> None:
    with pytest.raises(NumberFormatError, match="unknown unit 'sek'"):
        format_amount(Amount.kr(1), "sek")


# --------------------------------------------------------------------------------------------
# Properties: round trips, canonical text, agreement with Babel


@pytest.mark.parametrize("style", PRESETS)
@pytest.mark.parametrize("unit", sorted(EXACT_PLACES))
@given(amount=ore_amounts)
@example(amount=Amount(Decimal("-0.01")))
@example(amount=Amount(Decimal("1E+15")))
def test_parse_reads_back_every_formatted_amount(style: str, unit: str, amount: Amount) -> None:
    text = format_amount(amount, unit, decimals=EXACT_PLACES[unit], style=style)
    assert parse_amount(text) == amount


@pytest.mark.parametrize("style", PRESETS)
@given(value=finite_decimals, places=st.integers(0, 6))
def test_parse_reads_back_every_formatted_number(style: str, value: Decimal, places: int) -> None:
    text = format_number(value, decimals=places, style=style)
    assert parse_number(text) == round_half_up(value, places)


@pytest.mark.parametrize("style", PRESETS)
@given(value=finite_decimals)
def test_parse_reads_back_every_formatted_percent(style: str, value: Decimal) -> None:
    ratio = value.scaleb(-2)
    assert parse_percent(format_percent(ratio, decimals=6, style=style)) == ratio


quantities = st.builds(
    Quantity,
    finite_decimals,
    st.sampled_from(["", "företag", "regioner", "%", "kr", "tkr", "mkr", "mdkr", "kr/h"]),
    st.none() | st.sampled_from(list(Qualifier)),
)


@pytest.mark.parametrize("style", PRESETS)
@given(quantity=quantities)
def test_parse_reads_back_every_formatted_quantity(style: str, quantity: Quantity) -> None:
    assert parse_quantity(format_quantity(quantity, style=style)) == quantity


def _canonical_pattern(style: NumberStyle) -> re.Pattern[str]:
    minus = re.escape(style.minus_sign or MINUS)
    return re.compile(rf"(?:{minus})?(?:[0-9]{{1,3}}(?:{NBSP}[0-9]{{3}})*)(?:,[0-9]+)?")


@pytest.mark.parametrize("style", PRESETS)
@given(value=finite_decimals, places=st.integers(0, 4), padding=st.integers(0, 5))
def test_formatting_is_canonical(style: str, value: Decimal, places: int, padding: int) -> None:
    """Equal values print alike, whatever their exponent, in the one grouping pattern."""
    text = format_number(value, decimals=places, style=style)
    padded = value.quantize(Decimal(1).scaleb(-(6 + padding)), context=Context(prec=60))
    assert format_number(padded, decimals=places, style=style) == text
    assert _canonical_pattern(NUMBER_STYLES[style]).fullmatch(text), text
    assert format_number(parse_number(text), decimals=places, style=style) == text


@pytest.mark.parametrize("style", PRESETS)
# Babel quantizes to three places in the default 28-digit context, so it raises
# InvalidOperation from 10**25 on; smartind has no such limit.
@given(n=st.integers(-(10**25) + 1, 10**25 - 1))
@example(n=0)
@example(n=-6108)
@example(n=1706)
def test_integers_print_as_babel_prints_them_once_the_minus_is_normalised(
    style: str, n: int
) -> None:
    ours = format_number(n, style=style).replace(MINUS, "-")
    assert ours == format_decimal(n, locale="sv_SE")


# --------------------------------------------------------------------------------------------
# Babel: the source of the symbols, read once, never per number


def test_styles_take_the_locale_symbols_from_cldr() -> None:
    symbols = _numbers_cldr.locale_symbols("sv_SE")
    assert (symbols.decimal, symbols.group, symbols.minus) == (",", NBSP, MINUS)
    assert (symbols.percent, symbols.percent_spacing) == ("%", NBSP)


def test_cldr_is_read_once_however_many_numbers_are_formatted() -> None:
    _numbers_cldr.locale_symbols.cache_clear()
    numbers._TYPESETS.clear()
    for value in range(-500, 500):
        format_number(value, style="tillvaxtverket")
        format_amount(Amount.kr(value), style="sprakradet")
        format_percent(Decimal(value), style=NumberStyle("narrow", group_separator=NNBSP))
    info = _numbers_cldr.locale_symbols.cache_info()
    assert info.misses == 1  # one locale, read once
    assert info.hits == 2  # each further style resolved once, from the cache


def test_importing_smartind_numbers_does_not_import_babel() -> None:
    code = "import sys, smartind.numbers; print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------------------------
# Quantities


def test_format_quantity_writes_the_qualifier_number_and_noun() -> None:
    assert format_quantity(parse_quantity("Över 150 företag")) == "över 150 företag"
    assert format_quantity(parse_quantity("cirka 2,5 mkr")) == f"cirka 2,5{NBSP}mkr"
    assert format_quantity(parse_quantity("cirka 2,5 mkr"), style="sprakradet") == (
        f"cirka 2,5{NBSP}mnkr"
    )
    assert format_quantity(Quantity(Decimal(76), "%"), style="sprakradet") == f"76{NBSP}%"
    assert format_quantity(Quantity(Decimal(1500))) == f"1{NBSP}500"


def test_a_quantity_keeps_money_units_as_their_code() -> None:
    assert Quantity(Decimal(6), "miljoner kronor") == Quantity(Decimal(6), "mkr")
    assert Quantity(Decimal(6), "mnkr").noun == "mkr"


# --------------------------------------------------------------------------------------------
# The document model's numbers use these formatters


def test_a_document_number_is_typeset_through_the_style() -> None:
    from smartind.document import Number, NumberKind

    amount = Number(Decimal(-6108000), NumberKind.AMOUNT, unit="tkr")
    share = Number(Decimal("0.76"), NumberKind.PERCENT)
    assert amount.text() == f"-6{NBSP}108{NBSP}tkr"
    assert amount.text("sprakradet") == f"{MINUS}6{NBSP}108{NBSP}tkr"
    assert share.text("sprakradet") == f"76{NBSP}%"


def test_formatting_ignores_the_callers_decimal_context() -> None:
    with localcontext() as context:
        context.prec = 3
        assert format_amount(Amount.kr("123456789.01"), "kr", decimals=2) == (
            f"123{NBSP}456{NBSP}789,01{NBSP}kr"
        )


# --------------------------------------------------------------------------------------------
# The fast paths: the same rounding, the same text as the reference path

# Any finite number up to 70 digits, so that some have more than the fast paths' 60.
wide_decimals = st.decimals(
    min_value=-(10**70), max_value=10**70, allow_nan=False, allow_infinity=False
)
# Amounts of every kind: öre precision, any exponent, and exact ties in tkr, mkr and mdkr.
any_amounts = st.one_of(
    ore_amounts,
    wide_decimals.map(Amount),
    st.builds(
        lambda units, exponent: Amount(Decimal(2 * units + 1).scaleb(exponent - 1) * 5),
        st.integers(-(10**15), 10**15),
        st.sampled_from([3, 6, 9]),
    ),
)
styles = st.builds(
    NumberStyle,
    st.just("any"),
    group_separator=st.sampled_from([None, NBSP, NNBSP, ""]),
    group_four_digits=st.booleans(),
    minus_sign=st.sampled_from([None, "-", MINUS, EN_DASH]),
    percent_spacing=st.sampled_from([None, "", NBSP, NNBSP]),
    unit_words=st.sampled_from([{}, {"mkr": "mnkr"}, {"kr": "kronor", "mdkr": "miljarder kronor"}]),
    unit_separator=st.sampled_from([NBSP, NNBSP, " "]),
) | st.sampled_from(PRESETS)


@given(value=wide_decimals, shift=st.sampled_from([3, 6, 9]))
@example(value=Decimal("2500"), shift=3)
@example(value=Decimal("-2500"), shift=3)
@example(value=Decimal("-499.99"), shift=3)
@example(value=Decimal("1E+62"), shift=3)
@example(value=Decimal("1E+63"), shift=3)
def test_rounding_to_whole_units_is_round_half_up_of_the_value_in_units(
    value: Decimal, shift: int
) -> None:
    """The formatters' shortcut for whole tkr, mkr and mdkr is the one rule, proved here."""
    try:
        rounded = quantize_half_up(value, Decimal(1).scaleb(shift))
    except InvalidOperation:
        # Not handled: more than 60 digits, and the formatter takes the checked path instead.
        assert value.adjusted() - shift >= 59
        return
    in_units = rounded.scaleb(-shift, EXACT)
    expected = round_half_up(value.scaleb(-shift, EXACT))
    assert in_units == expected
    assert str(in_units) == str(expected)  # the same digits and the same exponent, 0


def _reference(value: Decimal | int, decimals: int, style: str | NumberStyle) -> str:
    """What the formatters printed before their fast paths: round_half_up, then set_digits."""
    return set_digits(value, decimals, numbers._typeset(style))


@given(
    amount=any_amounts,
    unit=st.sampled_from(sorted(UNIT_EXPONENTS)),
    decimals=st.integers(0, 6),
    style=styles,
    show_unit=st.booleans(),
)
@example(amount=Amount(Decimal("-1706499.99")), unit="tkr", decimals=0, style="any", show_unit=True)
def test_format_amount_prints_what_the_reference_path_prints(
    amount: Amount, unit: str, decimals: int, style: str | NumberStyle, show_unit: bool
) -> None:
    if style == "any":
        style = NumberStyle("loose", group_four_digits=False, minus_sign=MINUS)
    text = format_amount(amount, unit, decimals=decimals, style=style, show_unit=show_unit)
    typeset = numbers._typeset(style)
    value = amount.kronor.scaleb(-UNIT_EXPONENTS[unit], EXACT)
    word = typeset.unit_separator + typeset.unit_words[unit] if show_unit else ""
    assert text == _reference(value, decimals, style) + word


@given(
    value=wide_decimals | st.integers(-(10**70), 10**70),
    decimals=st.integers(0, 6),
    style=styles,
)
def test_format_number_prints_what_the_reference_path_prints(
    value: Decimal | int, decimals: int, style: str | NumberStyle
) -> None:
    assert format_number(value, decimals=decimals, style=style) == _reference(
        value, decimals, style
    )


@given(ratio=wide_decimals | st.integers(-(10**3), 10**3), decimals=st.integers(0, 6), style=styles)
def test_format_percent_prints_what_the_reference_path_prints(
    ratio: Decimal | int, decimals: int, style: str | NumberStyle
) -> None:
    suffix = numbers._typeset(style).percent_suffix
    expected = _reference(Decimal(ratio).scaleb(2, EXACT), decimals, style) + suffix
    assert format_percent(ratio, decimals=decimals, style=style) == expected


@pytest.mark.parametrize("style", PRESETS)
def test_a_formatter_refuses_bad_input_also_after_formatting_good_input(style: str) -> None:
    """The setters made on a first call hand everything they do not handle to the checks."""
    format_number(Decimal(1), style=style)
    format_percent(Decimal(1), style=style)
    format_amount(Amount.kr(1), style=style)
    for bad in (True, 0.5, "1", None):
        with pytest.raises(TypeError):
            format_number(bad, style=style)  # type: ignore[arg-type]
    for bad in (True, 0.5, None):
        with pytest.raises(TypeError):
            format_percent(bad, style=style)  # type: ignore[arg-type]
    for not_finite in ("NaN", "-Infinity", "sNaN"):
        with pytest.raises((ValueError, InvalidOperation)):
            format_number(Decimal(not_finite), style=style)
        with pytest.raises((ValueError, InvalidOperation)):
            format_percent(Decimal(not_finite), style=style)
    for bad_places in (-1, 1.5, "2", None):
        with pytest.raises(ValueError, match="decimals must be an int of 0 or more"):
            format_number(Decimal(1), decimals=bad_places, style=style)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="decimals must be an int of 0 or more"):
            format_percent(Decimal(1), decimals=bad_places, style=style)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="decimals must be an int of 0 or more"):
            format_amount(Amount.kr(1), decimals=bad_places, style=style)  # type: ignore[arg-type]


def test_show_unit_is_read_as_a_truth_value() -> None:
    amount = Amount.tkr(5)
    assert format_amount(amount, show_unit=0) == "5"  # type: ignore[arg-type]
    assert format_amount(amount, show_unit=None) == "5"  # type: ignore[arg-type]
    assert format_amount(amount, show_unit="yes") == f"5{NBSP}tkr"  # type: ignore[arg-type]


def test_formatting_a_huge_amount_takes_the_exact_path() -> None:
    kronor = Decimal(10**70) + Decimal("0.5")
    expected = format(10**67, ",").replace(",", NBSP) + f"{NBSP}tkr"
    assert format_amount(Amount(kronor)) == expected
    assert format_number(10**70 + 1) == format(10**70 + 1, ",").replace(",", NBSP)


def test_every_formatter_goes_through_the_one_rounding_operation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Replace the rounding operation and every formatter's fast path follows it."""
    calls: list[Decimal] = []

    def counting(value: Decimal, quantum: Decimal) -> Decimal:
        calls.append(quantum)
        return _numbers_format._CONTEXT.quantize(value, quantum)

    monkeypatch.setattr(_numbers_format, "quantize_half_up", counting)
    numbers._TYPESETS.clear()  # the setters are remade, and find the replacement
    assert format_amount(Amount.kr("2500")) == f"3{NBSP}tkr"
    assert format_number(Decimal("2.5")) == "3"
    assert format_percent(Decimal("0.765")) == "77%"
    assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")
    assert calls == [Decimal("1E+3"), Decimal(1), Decimal(1), Decimal("0.01")]
    numbers._TYPESETS.clear()


def test_many_places_are_printed_exactly_and_taken_only_as_an_int() -> None:
    value = Decimal("0." + "1" * 45)
    assert format_number(value, decimals=45) == "0," + "1" * 45
    assert format_number(value, decimals=41) == "0," + "1" * 41
    with pytest.raises(ValueError, match="decimals must be an int of 0 or more"):
        format_number(value, decimals=45.0)  # type: ignore[arg-type]
    assert format_number(value, decimals=2.0) == "0,11"  # type: ignore[arg-type]
