"""Every number the reference report writes, as it is printed there, reads to its value.

The table lists the amounts, per cents and counted quantities of the 2019 final report: running
text, the income statement (resultaträkning, in tkr) and the key ratios (nyckeltal). Dates, years,
section, page, footnote and publication numbers are not quantities and are left out. When the
reference text is at hand (``../shared/seed/``), two more tests check that every row is printed
there and that no amount, per cent or counted quantity of the text is missing from the table.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from smartind.numbers import (
    Amount,
    Qualifier,
    Quantity,
    format_amount,
    format_percent,
    parse_amount,
    parse_number,
    parse_percent,
    parse_quantity,
)
from tests.conftest import SEED

D = Decimal
OVER, FLER_AN, DRYGT, CIRKA = Qualifier.OVER, Qualifier.FLER_AN, Qualifier.DRYGT, Qualifier.CIRKA

# Amounts in running text, read with parse_amount.
TEXT_AMOUNTS: list[tuple[str, Amount]] = [
    ("78 mkr", Amount.mkr(78)),
    ("100 mkr", Amount.mkr(100)),
    ("20 mkr", Amount.mkr(20)),
    ("25 mkr", Amount.mkr(25)),
    ("80 mkr", Amount.mkr(80)),
    ("19 mkr", Amount.mkr(19)),
    ("9 mkr", Amount.mkr(9)),
    ("6 mkr", Amount.mkr(6)),
    ("10 mkr", Amount.mkr(10)),
    ("110 mkr", Amount.mkr(110)),
    ("90 mkr", Amount.mkr(90)),
    ("14 mkr", Amount.mkr(14)),
    ("20,2 mkr", Amount.kr(20200000)),
    ("400 000 kronor", Amount.kr(400000)),
    ("20 000 tkr", Amount.kr(20000000)),
    ("20 197 tkr", Amount.kr(20197000)),
    ("16 603 tkr", Amount.kr(16603000)),
    ("2 000 tkr", Amount.kr(2000000)),
    ("1 000 tkr", Amount.kr(1000000)),
    ("3 995 tkr", Amount.kr(3995000)),
    ("2 289 tkr", Amount.kr(2289000)),
]

# Approximate amounts and counted things in running text, read with parse_quantity.
TEXT_QUANTITIES: list[tuple[str, Quantity]] = [
    ("drygt 20 mkr", Quantity(D(20), "mkr", DRYGT)),
    ("cirka 2,5 mkr", Quantity(D("2.5"), "mkr", CIRKA)),
    ("cirka 12 mkr", Quantity(D(12), "mkr", CIRKA)),
    ("drygt 65 mkr", Quantity(D(65), "mkr", DRYGT)),
    ("Över 100 företag", Quantity(D(100), "företag", OVER)),
    ("Fler än 500 företag", Quantity(D(500), "företag", FLER_AN)),
    ("Över 150 företag", Quantity(D(150), "företag", OVER)),
    ("cirka 200 företag", Quantity(D(200), "företag", CIRKA)),
    ("23 företag", Quantity(D(23), "företag")),
    ("12 företag", Quantity(D(12), "företag")),
    ("16 företag", Quantity(D(16), "företag")),
    ("55 företag", Quantity(D(55), "företag")),
    ("34 företag", Quantity(D(34), "företag")),
    ("28 företag", Quantity(D(28), "företag")),
    ("20 regioner", Quantity(D(20), "regioner")),
    ("11 regioner", Quantity(D(11), "regioner")),
    ("21 regioner", Quantity(D(21), "regioner")),
    ("18 förstudieprojekt", Quantity(D(18), "förstudieprojekt")),
    ("19 projekt", Quantity(D(19), "projekt")),
    ("250 kr/h", Quantity(D(250), "kr/h")),
]

# Per cents in running text, read with parse_percent.
TEXT_PERCENTS: list[tuple[str, Decimal]] = [
    ("50 procent", D("0.50")),
    ("11 procent", D("0.11")),
    ("32 procent", D("0.32")),
    ("94 procent", D("0.94")),
]

# Cells of the income statement, whose caption gives the unit: tkr.
TABLE_TKR: list[tuple[str, int]] = [
    ("25 000", 25000),
    ("0", 0),
    ("1 706", 1706),
    ("26 706", 26706),
    ("1 268", 1268),
    ("1 702", 1702),
    ("2 970", 2970),
    ("722", 722),
    ("299", 299),
    ("5", 5),
    ("304", 304),
    ("2 289", 2289),
    ("3 995", 3995),
    ("16 603", 16603),
    ("18 892", 18892),
    ("20 598", 20598),
    ("-6 108", -6108),
    ("648", 648),
    ("777", 777),
    ("1 425", 1425),
    ("19 540", 19540),
    ("2 483", 2483),
    ("22 023", 22023),
]

# Hours worked, a plain number in the income statement.
TABLE_NUMBERS: list[tuple[str, int]] = [("2 593", 2593), ("3 107", 3107)]

# Outcome against budget and the key ratios.
TABLE_PERCENTS: list[tuple[str, Decimal]] = [
    (f"{n}%", D(n).scaleb(-2)) for n in (76, 100, 77, 88, 0, 81, 14, 19, 55, 74, 32, 18)
]


@pytest.mark.parametrize(("printed", "expected"), TEXT_AMOUNTS)
def test_amounts_in_the_text(printed: str, expected: Amount) -> None:
    assert parse_amount(printed) == expected


@pytest.mark.parametrize(("printed", "expected"), TEXT_QUANTITIES)
def test_quantities_in_the_text(printed: str, expected: Quantity) -> None:
    assert parse_quantity(printed) == expected


def test_approximate_amounts_keep_their_value_in_kronor() -> None:
    assert parse_quantity("drygt 20 mkr").amount() == Amount.kr(20000000)
    assert parse_quantity("cirka 2,5 mkr").amount() == Amount.kr(2500000)


@pytest.mark.parametrize(("printed", "expected"), TEXT_PERCENTS)
def test_per_cents_in_the_text(printed: str, expected: Decimal) -> None:
    assert parse_percent(printed) == expected


@pytest.mark.parametrize(("printed", "tkr"), TABLE_TKR)
def test_income_statement_cells_in_tkr(printed: str, tkr: int) -> None:
    assert parse_amount(printed, unit="tkr") == Amount.kr(tkr * 1000)


@pytest.mark.parametrize(("printed", "value"), TABLE_NUMBERS)
def test_hours_worked(printed: str, value: int) -> None:
    assert parse_number(printed) == value


@pytest.mark.parametrize(("printed", "ratio"), TABLE_PERCENTS)
def test_key_ratios(printed: str, ratio: Decimal) -> None:
    assert parse_percent(printed) == ratio


@pytest.mark.parametrize(("printed", "tkr"), TABLE_TKR)
def test_the_default_style_prints_each_cell_as_the_report_does(printed: str, tkr: int) -> None:
    """The report separates groups with a space; the style uses the no-break kind."""
    text = format_amount(Amount.tkr(tkr), "tkr", show_unit=False)
    assert text.replace("\u00a0", " ") == printed


@pytest.mark.parametrize(("printed", "ratio"), TABLE_PERCENTS)
def test_the_default_style_prints_each_ratio_as_the_report_does(
    printed: str, ratio: Decimal
) -> None:
    assert format_percent(ratio) == printed


# --------------------------------------------------------------------------------------------
# Against the reference text itself


def _seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the reference report is not at {SEED}")
    return SEED.read_text(encoding="utf-8")


ALL_PRINTED = (
    [p for p, _ in TEXT_AMOUNTS]
    + [p for p, _ in TEXT_QUANTITIES]
    + [p for p, _ in TEXT_PERCENTS]
    + [p for p, _ in TABLE_TKR]
    + [p for p, _ in TABLE_NUMBERS]
    + [p for p, _ in TABLE_PERCENTS]
)

_NUMBER = r"-?[0-9]{1,3}(?: [0-9]{3})*(?:,[0-9]+)?"
# A number followed by a unit or a counted noun, with any approximation word before it.
_QUANTITY_IN_TEXT = re.compile(
    rf"(?:(?:[Öö]ver|[Ff]ler än|drygt|cirka|knappt|närmare) )?(?<![\w,.-]){_NUMBER}"
    r"(?: ?%| (?:mkr|mnkr|tkr|kr/h|kronor|procent|företag|regioner|förstudieprojekt|projekt)\b)"
)


@pytest.mark.parametrize("printed", ALL_PRINTED)
def test_each_row_is_printed_in_the_reference_report(printed: str) -> None:
    assert printed in _seed_text()


def test_the_table_holds_exactly_the_quantities_of_the_running_text() -> None:
    found = {match.group() for match in _QUANTITY_IN_TEXT.finditer(_seed_text())}
    listed = {p for p, _ in TEXT_AMOUNTS + TEXT_QUANTITIES + TEXT_PERCENTS + TABLE_PERCENTS}
    assert sorted(found - listed) == []
    assert sorted(listed - found) == []


def test_no_cell_of_the_income_statement_is_missing_from_the_table() -> None:
    text = _seed_text()
    statement = text[text.index("### Resultaträkning, tkr") : text.index("### Nyckeltal")]
    cells = set()
    for line in statement.splitlines()[1:]:
        for cell in re.sub(r"</?[bi]>", "", line).split("\t")[1:]:
            if re.fullmatch(rf"{_NUMBER}%?", cell.strip()):
                cells.add(cell.strip())
    listed = {p for p, _ in TABLE_TKR + TABLE_NUMBERS + TABLE_PERCENTS}
    assert cells
    assert not cells - listed
