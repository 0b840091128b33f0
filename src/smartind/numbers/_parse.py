"""Reading numbers, amounts, per cents and quantities as Swedish writers write them.

One scanner reads the number at the start of a text (:func:`scan_number`); each public parser
then decides what may follow it (a unit, a per cent sign, a noun). A problem is raised as
:class:`NumberFormatError` with the text quoted, what is wrong with it, and what is accepted.

The grammar, strict by default::

    number   = [minus] whole [',' digits]
    minus    = '-' | U+2212 | U+2013              directly before the digits
    whole    = digits                              any length, ungrouped: 1706, 20197
             | 1-3 digits (space 3 digits)+        one kind of space: U+0020, U+00A0, U+202F, U+2009

``strict=False`` relaxes exactly two rules: a point is read as the decimal sign where it cannot be
a thousands separator (``2.5``, ``0.125``, but never ``20.197``), and a number may mix kinds of
space between its groups.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, NoReturn

from smartind.errors import NumberFormatError
from smartind.numbers._units import UNIT_WORDS, UNIT_WORDS_LONGEST_FIRST

SPACES: Final = " \u00a0\u202f\u2009"
"""Characters accepted between digit groups and between a number and its unit."""
MINUS_SIGNS: Final = "-\u2212\u2013"

_NUMBER: Final = re.compile(
    r"(?P<sign>[-\u2212\u2013])?"
    r"(?P<whole>[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])|[0-9]+)"
    r"(?:,(?P<fraction>[0-9]+))?"
)
_POINT_FRACTION: Final = re.compile(r"\.(?P<fraction>[0-9]+)")
_EXPONENT: Final = re.compile(r"[eE][-+\u2212]?[0-9]")
_NOT_FINITE: Final = frozenset({"nan", "snan", "inf", "infinity", "∞", "oändligt"})
_SPACE_RUN: Final = re.compile(r"[\u00a0\u202f\u2009]")
_NOUN: Final = re.compile(r"[^\W\d_]+(?:[-/][^\W\d_]+)*(?: [^\W\d_]+(?:[-/][^\W\d_]+)*)*")
_QUALIFIER: Final = re.compile(
    r"(?P<word>cirka|ca\.?|drygt|knappt|över|fler[ \u00a0]än|närmare)[ \u00a0]", re.IGNORECASE
)

NUMBER_ACCEPTED: Final = (
    "Swedish numbers group digits by three with a space (20 197), use a decimal comma (2,5) "
    "and put a minus sign (−, – or -) directly before the digits (-6 108)"
)
_UNITS_LISTED: Final = (
    "kr, kronor, tkr, tusen kronor, mkr, mnkr, miljoner kronor, mdkr, miljarder kronor"
)
AMOUNT_ACCEPTED: Final = (
    f"An amount is such a number, a space and a unit ({_UNITS_LISTED}), "
    f"for example 20 197 tkr, 2,5 mkr or 400 000 kronor"
)
PERCENT_ACCEPTED: Final = (
    "A per cent is such a number followed by %, a space and %, or a space and the word procent, "
    "for example 76%, 76 % or 76 procent"
)
QUANTITY_ACCEPTED: Final = (
    "A quantity is an optional approximation word (cirka, drygt, knappt, över, fler än, "
    "närmare), such a number and an optional noun, for example över 150 företag or cirka 2,5 mkr"
)


class Problem(Exception):
    """What is wrong with a text; the public parser adds the quote and what it accepts."""


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def fail(text: str, kind: str, problem: str, accepted: str) -> NoReturn:
    """Raise the error a person reads: the text, what is wrong with it, what is accepted."""
    raise NumberFormatError(f'"{_clip(text)}" is not {kind}: {problem}. {accepted}.')


def scan_number(text: str, *, strict: bool) -> tuple[Decimal, str]:
    """The number at the start of ``text`` (already stripped) and the text after it."""
    if not text:
        raise Problem("the text is empty")
    first_word = text.lstrip(MINUS_SIGNS + "+").split(" ", 1)[0].lower()
    if first_word in _NOT_FINITE:
        raise Problem("NaN and infinity are not finite numbers, and a report prints only those")
    match = _NUMBER.match(text)
    if match is None:
        if text[0] == "+":
            raise Problem("a plus sign is not written before a number; leave it out")
        if text[0] in MINUS_SIGNS:
            raise Problem("a minus sign must be followed directly by digits, with no space")
        if text[0] in ",.":
            raise Problem("a number starts with its whole part: write 0,5, not ,5")
        raise Problem("it does not start with a number")
    whole = match["whole"]
    fraction = match["fraction"]
    rest = text[match.end() :]
    spaces = {char for char in whole if not char.isdigit()}
    if len(spaces) > 1 and strict:
        names = " and ".join(f"U+{ord(char):04X}" for char in sorted(spaces))
        raise Problem(
            f"it mixes different spaces between its digit groups ({names}); use one kind "
            f"(strict=False accepts a mix)"
        )
    digits = "".join(char for char in whole if char.isdigit())
    if len(digits) > 1 and digits[0] == "0":
        raise Problem("a number does not start with 0 unless it is 0 itself")
    if rest.startswith("."):
        fraction, rest = _point_fraction(whole, digits, fraction, rest, strict=strict)
    _check_after_number(rest, fraction)
    sign = "-" if match["sign"] else ""
    value = Decimal(f"{sign}{digits}.{fraction}" if fraction else f"{sign}{digits}")
    return value, rest


def _point_fraction(
    whole: str, digits: str, fraction: str | None, rest: str, *, strict: bool
) -> tuple[str, str]:
    """The fraction after a decimal point, where ``strict=False`` allows one."""
    after_point = _POINT_FRACTION.match(rest)
    if fraction is not None or (after_point and rest[after_point.end() :].startswith(",")):
        raise Problem(
            "it mixes a comma and a point; Swedish writes a space between digit groups and a "
            "comma before decimals"
        )
    if after_point is None:
        raise Problem("a point must be followed by digits, and Swedish uses a comma instead")
    point_digits = after_point["fraction"]
    after = rest[after_point.end() :]
    if after.startswith("."):
        raise Problem(
            "it has several points; Swedish separates digit groups with a space, never a point"
        )
    ambiguous = len(point_digits) == 3 and digits != "0"
    if ambiguous:
        raise Problem(
            f"a point is ambiguous in Swedish: {whole}.{point_digits} may mean "
            f"{whole} {point_digits} (a thousands point) "
            f"or {whole},{point_digits} (a decimal point)"
        )
    if strict:
        raise Problem(
            f"a point is not a decimal sign in Swedish: write {whole},{point_digits} "
            f"(strict=False accepts a point that cannot be a thousands point)"
        )
    return point_digits, after


def _check_after_number(rest: str, fraction: str | None) -> None:
    """Reject what cannot follow a number: more digits, a second comma, an exponent."""
    if not rest:
        return
    if rest[0].isdigit() or (rest[0] in SPACES and rest[1:2].isdigit()):
        raise Problem(
            "its digits are not grouped by three: write the groups after the first with exactly "
            "three digits each and one space between them, as in 1 234 567"
        )
    if rest[0] == ",":
        if fraction is None:
            raise Problem("a decimal comma must be followed by digits")
        raise Problem("it has more than one decimal comma")
    if _EXPONENT.match(rest):
        raise Problem("exponent notation (1e5) is not used in Swedish text; write the number out")


def _unit_word(rest: str) -> tuple[str, str] | None:
    """The unit word at the start of ``rest`` and what follows it, or ``None``."""
    for word in UNIT_WORDS_LONGEST_FIRST:
        if rest == word:
            return word, ""
        if rest.startswith(word) and rest[len(word)] in SPACES:
            return word, rest[len(word) :]
    return None


def _words(rest: str) -> str:
    """The text after a number's separating space, with every kind of space made plain."""
    return _SPACE_RUN.sub(" ", rest[1:])


def _reject_qualifier(text: str) -> None:
    qualifier = _QUALIFIER.match(text)
    if qualifier:
        raise Problem(
            f"it is approximate ({qualifier['word']}); read it with parse_quantity, "
            f"which keeps the approximation word"
        )


def _is_percent(rest: str) -> bool:
    return rest == "%" or (rest[:1] in SPACES and _words(rest) in {"%", "procent"})


def parse_number_text(text: str, *, strict: bool) -> Decimal:
    """A plain number: nothing may follow the digits."""
    stripped = text.strip()
    try:
        _reject_qualifier(stripped)
        value, rest = scan_number(stripped, strict=strict)
        if rest:
            if _is_percent(rest):
                raise Problem("it is a per cent; read it with parse_percent")
            if rest[0] in SPACES and _unit_word(_words(rest)):
                raise Problem("it is an amount with a unit; read it with parse_amount")
            raise Problem(f"there is text after the number: {_clip(rest.strip(), 40)!r}")
    except Problem as problem:
        fail(text, "a Swedish number", str(problem), NUMBER_ACCEPTED)
    return value


def parse_amount_text(text: str, unit: str | None, *, strict: bool) -> tuple[Decimal, str]:
    """An amount: the number and the unit code it is written in."""
    stripped = text.strip()
    try:
        _reject_qualifier(stripped)
        value, rest = scan_number(stripped, strict=strict)
        if not rest:
            if unit is None:
                raise Problem(
                    "it has no unit; write one, as in 20 197 tkr, or pass unit='tkr' when the "
                    "unit is given elsewhere (a table caption)"
                )
            return value, unit
        if _is_percent(rest):
            raise Problem("it is a per cent, not an amount; read it with parse_percent")
        if rest[0] not in SPACES:
            raise Problem("a space must separate the number from its unit, as in 20 mkr")
        words = _words(rest)
        found = _unit_word(words)
        if found is None:
            first = words.split(" ", 1)[0]
            if first.lower() in UNIT_WORDS or words.lower() in UNIT_WORDS:
                raise Problem(f"units are written in lower case: {first.lower()}")
            raise Problem(f"{_clip(first, 40)!r} is not a unit smartind knows")
        word, trailing = found
        if trailing:
            raise Problem(
                f"there are words after the unit {word!r}: {_clip(trailing.strip(), 40)!r}; "
                f"an amount is a number and a unit only"
            )
        return value, UNIT_WORDS[word]
    except Problem as problem:
        fail(text, "a Swedish amount", str(problem), AMOUNT_ACCEPTED)


def parse_percent_text(text: str, *, strict: bool) -> Decimal:
    """A per cent as a ratio: ``76 %`` is ``0.76``."""
    stripped = text.strip()
    try:
        _reject_qualifier(stripped)
        value, rest = scan_number(stripped, strict=strict)
        if not rest:
            raise Problem("it has no per cent sign; write 76 %, 76% or 76 procent")
        if not _is_percent(rest):
            raise Problem(
                f"expected % or procent after the number, found {_clip(rest.strip(), 40)!r}"
            )
    except Problem as problem:
        fail(text, "a Swedish per cent", str(problem), PERCENT_ACCEPTED)
    return value.scaleb(-2)


def parse_quantity_text(text: str, *, strict: bool) -> tuple[Decimal, str, str | None]:
    """A quantity: its number, its noun (a unit word becomes its code) and its qualifier."""
    stripped = text.strip()
    qualifier: str | None = None
    try:
        found = _QUALIFIER.match(stripped)
        if found:
            word = _SPACE_RUN.sub(" ", found["word"].lower())
            qualifier = "cirka" if word.startswith("ca") else word
            stripped = stripped[found.end() :].lstrip(SPACES)
        value, rest = scan_number(stripped, strict=strict)
        if not rest:
            return value, "", qualifier
        if rest == "%" or (rest[0] in SPACES and _words(rest) == "%"):
            return value, "%", qualifier
        if rest[0] not in SPACES:
            raise Problem("a space must separate the number from the word after it")
        words = _words(rest)
        if words in UNIT_WORDS:
            return value, UNIT_WORDS[words], qualifier
        if not _NOUN.fullmatch(words):
            raise Problem(
                f"the words after the number ({_clip(words, 40)!r}) must be a noun such as "
                f"företag: letters, single spaces, - or / and no digits or punctuation"
            )
        return value, words, qualifier
    except Problem as problem:
        fail(text, "a Swedish quantity", str(problem), QUANTITY_ACCEPTED)
