"""Amount: exact kronor that never come from a float; Quantity and Qualifier."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartind.errors import NumberFormatError
from smartind.numbers import Amount, Qualifier, Quantity

amounts = st.integers(-(10**20), 10**20).map(lambda ore: Amount(Decimal(ore).scaleb(-2)))


@pytest.mark.parametrize("value", [2.5, 0.1, float("nan")])
def test_an_amount_is_never_built_from_a_float(value: float) -> None:
    with pytest.raises(
        TypeError, match=r"a float is not exact\. Pass a str such as '2\.5' or a decimal\.Decimal"
    ):
        Amount(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("build", [Amount.kr, Amount.tkr, Amount.mkr, Amount.mnkr, Amount.mdkr])
def test_no_named_constructor_takes_a_float(build: object) -> None:
    with pytest.raises(TypeError, match="float"):
        build(2.5)  # type: ignore[operator]


def test_a_bool_is_not_an_amount() -> None:
    with pytest.raises(TypeError):
        Amount(True)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_an_amount_is_finite(value: str) -> None:
    with pytest.raises(ValueError, match="finite"):
        Amount(Decimal(value))


def test_a_str_must_be_a_plain_decimal() -> None:
    with pytest.raises(ValueError, match="use parse_amount"):
        Amount("2,5")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "kronor"),
    [
        (Amount.kr(250), 250),
        (Amount.kr("0.01"), Decimal("0.01")),
        (Amount.tkr(20197), 20197000),
        (Amount.mkr("2.5"), 2500000),
        (Amount.mnkr("2.5"), 2500000),
        (Amount.mdkr("1.2"), 1200000000),
        (Amount.in_unit(Decimal(-6108), "tkr"), -6108000),
    ],
)
def test_the_named_constructors_scale_to_kronor(amount: Amount, kronor: Decimal | int) -> None:
    assert amount.kronor == kronor


def test_an_unknown_unit_is_refused() -> None:
    with pytest.raises(NumberFormatError, match="unknown unit 'Mkr'; use one of kr, tkr, mkr"):
        Amount.in_unit(1, "Mkr")
    with pytest.raises(ValueError, match="unknown unit"):
        Amount.kr(1).to("sek")


def test_to_gives_the_exact_value_in_a_unit() -> None:
    assert Amount.kr(20197499).to("tkr") == Decimal("20197.499")
    assert Amount.kr(1).to("mdkr") == Decimal("1E-9")
    big = Amount(Decimal("123456789012345678901234567890.01"))
    assert big.to("tkr") == Decimal("123456789012345678901234567.89001")


def test_to_keeps_the_decimals_that_matter_as_division_does() -> None:
    assert str(Amount.tkr(20197).to("tkr")) == "20197"
    assert str(Amount.mkr("2.5").to("mkr")) == "2.5"


def test_arithmetic() -> None:
    assert Amount.tkr(25000) - Amount.tkr(18892) == Amount.tkr(6108)
    assert Amount.tkr(1268) + Amount.tkr(1702) == Amount.tkr(2970)
    assert Amount.tkr(2) * Decimal("0.5") == Amount.tkr(1)
    assert 3 * Amount.kr(250) == Amount.kr(750)
    assert -Amount.tkr(6108) == Amount.tkr(-6108)
    assert abs(Amount.tkr(-6108)) == Amount.tkr(6108)
    assert sum([Amount.tkr(1), Amount.tkr(2)], Amount.zero()) == Amount.tkr(3)
    assert not Amount.zero()
    assert Amount.kr("0.01")


def test_an_amount_is_not_multiplied_by_a_float_or_added_to_a_number() -> None:
    with pytest.raises(TypeError):
        Amount.kr(1) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Amount.kr(1) + 1  # type: ignore[operator]


def test_arithmetic_is_exact_whatever_the_decimal_context() -> None:
    big = Amount(Decimal("123456789012345678901234567890.01"))
    with localcontext() as context:
        context.prec = 4
        assert (big + Amount.kr("0.01")).kronor == Decimal("123456789012345678901234567890.02")
        assert (big * 3).kronor == Decimal("370370367037037036703703703670.03")
        assert Amount.tkr("1.23456789").kronor == Decimal("1234.56789")


@given(amounts, amounts, amounts)
def test_addition_is_exact(a: Amount, b: Amount, c: Amount) -> None:
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert (a + b) - b == a


def test_amounts_compare_by_value() -> None:
    assert Amount.mkr("2.5") == Amount.kr(2500000)  # Decimal('2500000.0') == 2500000
    assert hash(Amount.mkr("2.5")) == hash(Amount.kr(2500000))
    assert Amount.tkr(-6108) < Amount.zero() < Amount.kr("0.01") <= Amount.kr("0.010")
    assert max(Amount.tkr(20197), Amount.tkr(20000)) == Amount.tkr(20197)
    assert Amount.kr(1) != Decimal(1)


@given(amounts, st.sampled_from(["kr", "tkr", "mkr", "mnkr", "mdkr"]))
def test_in_unit_and_to_are_inverse(amount: Amount, unit: str) -> None:
    assert Amount.in_unit(amount.to(unit), unit) == amount


def test_qualifier_bounds() -> None:
    assert Qualifier.CIRKA.bounds == (True, True)
    assert Qualifier.OVER.bounds == (False, True)
    assert Qualifier.NARMARE.bounds == (True, False)


def test_a_quantity_is_exact_without_a_qualifier() -> None:
    assert Quantity(Decimal(23), "företag").exact
    assert not Quantity(Decimal(150), "företag", Qualifier.OVER).exact


def test_a_quantity_value_is_never_a_float() -> None:
    with pytest.raises(TypeError, match="float"):
        Quantity(2.5, "mkr")  # type: ignore[arg-type]
