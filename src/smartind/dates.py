"""Calendar values a report states with less than a day's precision."""

from __future__ import annotations

import re
from datetime import date
from typing import Self

from attrs import field, frozen
from attrs.validators import ge, le

from smartind._validators import boundary
from smartind.limits import MAX_YEAR, MIN_YEAR

__all__ = ["MONTH_NAMES", "Month", "Period", "swedish_date"]

MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
"""Swedish month names, lower case as Swedish writes them."""

_MONTH = re.compile(r"(\d{4})-(\d{2})")


@frozen(order=True, field_transformer=boundary)
class Month:
    """A calendar month, such as the *december 2018* of a budget decision."""

    year: int = field(validator=[ge(MIN_YEAR), le(MAX_YEAR)])
    month: int = field(validator=[ge(1), le(12)])

    @classmethod
    def parse(cls, text: str) -> Self:
        """A month from ISO text ``YYYY-MM``; raises ``ValueError`` otherwise."""
        match = _MONTH.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not a month; write it as YYYY-MM, e.g. 2018-12")
        return cls(int(match[1]), int(match[2]))

    @property
    def first_day(self) -> date:
        """The first day of the month."""
        return date(self.year, self.month, 1)

    def swedish(self) -> str:
        """The month as Swedish running text: ``december 2018``."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _after_start(instance: Period, _attribute: object, end: date) -> None:
    if end < instance.start:
        raise ValueError(f"the period ends ({end}) before it starts ({instance.start})")


@frozen(field_transformer=boundary)
class Period:
    """A closed interval of days, such as an assignment's 2016-01-01 to 2018-12-31."""

    start: date
    end: date = field(validator=_after_start)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def years(self) -> tuple[int, ...]:
        """Every calendar year the period touches, in order."""
        return tuple(range(self.start.year, self.end.year + 1))

    def swedish(self) -> str:
        """The period in years as Swedish reports write it: ``2016–2018``."""
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"


def swedish_date(day: date) -> str:
    """A date as Swedish running text: ``27 februari 2019``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
