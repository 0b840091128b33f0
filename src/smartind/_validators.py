"""attrs validators shared by the model's modules."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs


def share(_instance: object, attribute: attrs.Attribute[Decimal | None], value: object) -> None:
    """A share (andel) is a Decimal from 0 to 1, or None when unknown."""
    if value is None:
        return
    if not isinstance(value, Decimal) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a Decimal share, not {type(value).__name__}")
    if not Decimal(0) <= value <= Decimal(1):
        raise ValueError(f"{attribute.name} must lie between 0 and 1 (100 %), not {value}")


def nonblank(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Text the report prints (a name, a title, a case number) cannot be empty."""
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be text, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{attribute.name} cannot be empty; write the text the report shows")


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Converter for sequence fields: any iterable in, a tuple out (so models stay hashable).

    Typed with ``Iterable[Any]`` because mypy's attrs plugin takes the converter's parameter as the
    constructor's: the builtin ``tuple`` there makes mypy reject every list argument.
    """
    if isinstance(values, str | bytes):
        raise TypeError(f"expected a list, got the string {values!r}")
    return tuple(values)
