"""Reading Swedish numbers, amounts, per cents and quantities, and refusing what is ambiguous."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from smartind.errors import NumberFormatError, SmartindError
from smartind.numbers import (
    Amount,
    Qualifier,
    Quantity,
    parse_amount,
    parse_number,
    parse_percent,
    parse_quantity,
)

NBSP = "\u00a0"
NNBSP = "\u202f"
THIN = "\u2009"
MINUS = "\u2212"
EN_DASH = "\u2013"


# --------------------------------------------------------------------------------------------
# What is accepted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 197 tkr", Amount.tkr(20197)),
        (f"20{NBSP}197 tkr", Amount.tkr(20197)),
        (f"20{NNBSP}197 tkr", Amount.tkr(20197)),
        (f"20{THIN}197 tkr", Amount.tkr(20197)),
        (f"20{NBSP}197{NBSP}tkr", Amount.tkr(20197)),
        ("1706 tkr", Amount.tkr(1706)),
        ("20197 tkr", Amount.tkr(20197)),
        ("2,5 mkr", Amount.kr(2500000)),
        ("2,5 mnkr", Amount.kr(2500000)),
        ("400 000 kr", Amount.kr(400000)),
        ("400 000 kronor", Amount.kr(400000)),
        ("1 krona", Amount.kr(1)),
        ("12 tusen kronor", Amount.kr(12000)),
        ("1,2 mdkr", Amount.kr(1200000000)),
        ("1 miljard kronor", Amount.kr(1000000000)),
        ("3 miljarder kronor", Amount.kr(3000000000)),
        ("6 miljoner kronor", Amount.kr(6000000)),
        ("1 miljon kronor", Amount.kr(1000000)),
        ("0,50 kr", Amount.kr("0.5")),
        ("-6 108 tkr", Amount.tkr(-6108)),
        (f"{MINUS}6 108 tkr", Amount.tkr(-6108)),
        (f"{EN_DASH}6 108 tkr", Amount.tkr(-6108)),
        ("  20 197 tkr\n", Amount.tkr(20197)),
        ("1 234 567 890,12 kr", Amount.kr("1234567890.12")),
        ("0 kr", Amount.zero()),
    ],
)
def test_parse_amount_reads_what_swedish_writers_write(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


def test_a_bare_number_is_read_in_the_unit_given() -> None:
    assert parse_amount("20 197", unit="tkr") == Amount.tkr(20197)
    assert parse_amount("-6 108", unit="tkr") == Amount.tkr(-6108)
    assert parse_amount("250", unit="kr") == Amount.kr(250)


def test_a_unit_in_the_text_wins_over_the_unit_given() -> None:
    assert parse_amount("2,5 mkr", unit="tkr") == Amount.mkr("2.5")


def test_an_unknown_unit_argument_is_refused() -> None:
    with pytest.raises(NumberFormatError, match="unknown unit 'kkr'"):
        parse_amount("20", unit="kkr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 197", Decimal(20197)),
        ("1706", Decimal(1706)),
        ("2,5", Decimal("2.5")),
        ("0,125", Decimal("0.125")),
        ("-6 108", Decimal(-6108)),
        (f"{MINUS}6{NBSP}108", Decimal(-6108)),
        ("0", Decimal(0)),
        ("1 000 000", Decimal(1000000)),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


def test_parse_number_keeps_the_decimals_written() -> None:
    assert str(parse_number("2,50")) == "2.50"


@pytest.mark.parametrize("text", ["76%", "76 %", f"76{NBSP}%", f"76{NNBSP}%", "76 procent"])
def test_parse_percent_gives_a_ratio(text: str) -> None:
    assert parse_percent(text) == Decimal("0.76")


def test_parse_percent_keeps_decimals_and_sign() -> None:
    assert parse_percent("75,57 %") == Decimal("0.7557")
    assert parse_percent("-2,5%") == Decimal("-0.025")
    assert parse_percent("100%") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("över 150 företag", Quantity(Decimal(150), "företag", Qualifier.OVER)),
        ("Över 150 företag", Quantity(Decimal(150), "företag", Qualifier.OVER)),
        ("cirka 2,5 mkr", Quantity(Decimal("2.5"), "mkr", Qualifier.CIRKA)),
        ("ca 200 företag", Quantity(Decimal(200), "företag", Qualifier.CIRKA)),
        ("ca. 200 företag", Quantity(Decimal(200), "företag", Qualifier.CIRKA)),
        ("23 företag", Quantity(Decimal(23), "företag")),
        ("fler än 500 företag", Quantity(Decimal(500), "företag", Qualifier.FLER_AN)),
        ("Fler än 500 företag", Quantity(Decimal(500), "företag", Qualifier.FLER_AN)),
        ("drygt 65 mkr", Quantity(Decimal(65), "mkr", Qualifier.DRYGT)),
        ("knappt 3 000 timmar", Quantity(Decimal(3000), "timmar", Qualifier.KNAPPT)),
        ("närmare 20 regioner", Quantity(Decimal(20), "regioner", Qualifier.NARMARE)),
        ("250 kr/h", Quantity(Decimal(250), "kr/h")),
        ("12", Quantity(Decimal(12))),
        ("cirka 50 %", Quantity(Decimal(50), "%", Qualifier.CIRKA)),
        ("94 procent", Quantity(Decimal(94), "procent")),
        ("150 företag och företagare", Quantity(Decimal(150), "företag och företagare")),
        ("små- och medelstora 3", None),
    ],
)
def test_parse_quantity(text: str, expected: Quantity | None) -> None:
    if expected is None:
        with pytest.raises(NumberFormatError):
            parse_quantity(text)
    else:
        assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["cirka 2,5 mnkr", "cirka 2,5 miljoner kronor"])
def test_a_money_unit_word_in_a_quantity_becomes_its_unit_code(text: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.noun == "mkr"
    assert quantity.amount() == Amount.mkr("2.5")


def test_a_quantity_that_is_not_money_has_no_amount() -> None:
    assert parse_quantity("över 150 företag").amount() is None


# --------------------------------------------------------------------------------------------
# What is refused, and what the message says


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("20.197 tkr", "a point is ambiguous in Swedish: 20.197 may mean 20 197"),
        ("2.5 mkr", "a point is not a decimal sign in Swedish: write 2,5"),
        ("1 2 3 tkr", "not grouped by three"),
        ("20 1970 tkr", "not grouped by three"),
        ("1234 567 tkr", "not grouped by three"),
        ("12,,5 tkr", "a decimal comma must be followed by digits"),
        ("1,5,3 tkr", "more than one decimal comma"),
        ("1e5 kr", "exponent notation"),
        ("2,5E3 kr", "exponent notation"),
        ("NaN", "not finite"),
        ("nan kr", "not finite"),
        ("Infinity", "not finite"),
        ("-inf kr", "not finite"),
        ("", "the text is empty"),
        ("   ", "the text is empty"),
        (
            f"20 197{NBSP}000 kr",
            "mixes different spaces between its digit groups (U+0020 and U+00A0)",
        ),
        ("1.234,5 kr", "mixes a comma and a point"),
        ("1,234.5 kr", "mixes a comma and a point"),
        ("20 kg", "'kg' is not a unit smartind knows"),
        ("20 MKR", "units are written in lower case: mkr"),
        ("20 197 tkr totalt", "words after the unit 'tkr': 'totalt'"),
        ("20 197", "it has no unit"),
        ("drygt 20 mkr", "approximate (drygt); read it with parse_quantity"),
        ("76%", "a per cent, not an amount"),
        ("20mkr", "a space must separate the number from its unit"),
        ("+5 kr", "a plus sign"),
        ("- 5 kr", "a minus sign must be followed directly by digits"),
        (",5 kr", "write 0,5"),
        ("05 kr", "does not start with 0"),
        ("tkr", "does not start with a number"),
    ],
)
def test_parse_amount_refuses_with_a_message_that_quotes_and_explains(
    text: str, problem: str
) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_amount(text)
    message = str(caught.value)
    assert message.startswith(f'"{text}" is not a Swedish amount: ')
    assert problem in message
    assert "for example 20 197 tkr" in message  # what is accepted


def test_a_number_format_error_is_a_smartind_error_and_a_value_error() -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number("20.197")
    assert isinstance(caught.value, SmartindError)
    assert isinstance(caught.value, ValueError)


def test_a_long_text_is_shortened_in_the_message() -> None:
    text = "1 " + "x" * 200
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    assert len(str(caught.value)) < 400
    assert '..."' in str(caught.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("20 tkr", "read it with parse_amount"),
        ("76 %", "read it with parse_percent"),
        ("12 företag", "text after the number: 'företag'"),
        ("cirka 12", "approximate (cirka)"),
    ],
)
def test_parse_number_points_to_the_right_parser(text: str, problem: str) -> None:
    with pytest.raises(NumberFormatError, match=re.escape(problem)):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("76", "it has no per cent sign"),
        ("76 promille", "expected % or procent after the number, found 'promille'"),
        ("76 % av budget", "expected % or procent"),
        ("76,%", "a decimal comma must be followed by digits"),
    ],
)
def test_parse_percent_refuses(text: str, problem: str) -> None:
    with pytest.raises(NumberFormatError, match=re.escape(problem)) as caught:
        parse_percent(text)
    assert "for example 76%, 76 % or 76 procent" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("över 150 företag 2019", "must be a noun"),
        ("över 150 företag.", "must be a noun"),
        ("över 150företag", "a space must separate"),
        ("över", "does not start with a number"),
        ("cirka 20.197 mkr", "a point is ambiguous"),
    ],
)
def test_parse_quantity_refuses(text: str, problem: str) -> None:
    with pytest.raises(NumberFormatError, match=re.escape(problem)):
        parse_quantity(text)


# --------------------------------------------------------------------------------------------
# strict=False: exactly two relaxations


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2.5", Decimal("2.5")), ("0.125", Decimal("0.125")), ("1 234.5", Decimal("1234.5"))],
)
def test_lenient_reads_a_point_that_cannot_be_a_thousands_point(
    text: str, expected: Decimal
) -> None:
    assert parse_number(text, strict=False) == expected


def test_lenient_reads_a_mix_of_spaces_between_groups() -> None:
    assert parse_number(f"20 197{NBSP}000", strict=False) == 20197000


def test_lenient_applies_to_amounts_per_cents_and_quantities() -> None:
    assert parse_amount("2.5 mkr", strict=False) == Amount.mkr("2.5")
    assert parse_percent("75.5 %", strict=False) == Decimal("0.755")
    assert parse_quantity("cirka 2.5 mkr", strict=False).value == Decimal("2.5")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("20.197", "a point is ambiguous in Swedish"),
        ("1.000.000", "several points"),
        ("1.234,5", "mixes a comma and a point"),
        ("1e5", "exponent notation"),
        ("1 2 3", "not grouped by three"),
        ("NaN", "not finite"),
    ],
)
def test_lenient_still_refuses_what_is_ambiguous_or_malformed(text: str, problem: str) -> None:
    with pytest.raises(NumberFormatError, match=re.escape(problem)):
        parse_number(text, strict=False)
