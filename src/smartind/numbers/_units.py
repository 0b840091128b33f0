"""The money units of Swedish reports and the words writers use for them.

A unit has a *code* (``kr``, ``tkr``, ``mkr``, ``mdkr``; ``mnkr`` is another code for ``mkr``)
and several *words* that name it in running text (``kronor``, ``miljoner kronor``). Parsing maps
every word to its code; a number style picks the one word it prints for each code.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

UNIT_EXPONENTS: Final = MappingProxyType({"kr": 0, "tkr": 3, "mkr": 6, "mnkr": 6, "mdkr": 9})
"""Power of ten from a unit code to kronor. ``mnkr`` is the same unit as ``mkr``."""

UNIT_CODES: Final = tuple(UNIT_EXPONENTS)
"""Every unit code ``unit=`` accepts, in size order."""

CANONICAL_UNITS: Final = MappingProxyType(
    {"kr": "kr", "tkr": "tkr", "mkr": "mkr", "mnkr": "mkr", "mdkr": "mdkr"}
)
"""Unit code to the code smartind keeps (``mnkr`` is kept as ``mkr``)."""

UNIT_WORDS: Final = MappingProxyType(
    {
        "kr": "kr",
        "kronor": "kr",
        "krona": "kr",
        "tkr": "tkr",
        "tusen kronor": "tkr",
        "mkr": "mkr",
        "mnkr": "mkr",
        "miljon kronor": "mkr",
        "miljoner kronor": "mkr",
        "mdkr": "mdkr",
        "miljard kronor": "mdkr",
        "miljarder kronor": "mdkr",
    }
)
"""Every unit word accepted in text, mapped to its canonical code."""

UNIT_WORDS_LONGEST_FIRST: Final = tuple(sorted(UNIT_WORDS, key=len, reverse=True))
"""Unit words in matching order, so ``miljoner kronor`` is tried before ``kronor``."""


def canonical_unit(unit: str) -> str | None:
    """The canonical code of a unit code, or ``None`` when ``unit`` is not a unit code."""
    return CANONICAL_UNITS.get(unit)
