"""The locale's number symbols, read from Babel's copy of CLDR once per locale.

Babel is imported here, inside the function, and only the first time a number is formatted in a
locale: ``import smartind`` stays cheap, and no number ever goes through Babel's formatter (which
costs 5-7 µs a call, eight to thirteen times smartind's own).
"""

from __future__ import annotations

import functools

from attrs import frozen


@frozen
class LocaleSymbols:
    """The symbols CLDR gives a locale's numbers in the Latin digits."""

    decimal: str
    """Decimal sign: ``,`` in Swedish."""
    group: str
    """Group separator: U+00A0 in Swedish."""
    minus: str
    """Minus sign: U+2212 in Swedish (Babel's own formatter still prints a hyphen)."""
    percent: str
    """Per cent sign: ``%``."""
    percent_spacing: str
    """What the locale's per cent pattern puts between the digits and the sign: U+00A0."""


@functools.cache
def locale_symbols(locale: str) -> LocaleSymbols:
    """The number symbols of ``locale`` (``sv_SE``), read from CLDR once and then cached."""
    from babel import Locale, UnknownLocaleError

    try:
        loaded = Locale.parse(locale)
    except (UnknownLocaleError, ValueError) as err:
        raise ValueError(
            f"unknown locale {locale!r} ({err}); use a CLDR name such as sv_SE"
        ) from None
    symbols = loaded.number_symbols["latn"]
    percent = symbols["percentSign"]
    suffix = loaded.percent_formats[None].suffix[0]
    spacing = suffix.replace(percent, "") if suffix.endswith(percent) else ""
    return LocaleSymbols(
        decimal=symbols["decimal"],
        group=symbols["group"],
        minus=symbols["minusSign"],
        percent=percent,
        percent_spacing=spacing,
    )
