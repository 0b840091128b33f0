"""attrs validators shared by the model's modules."""

from __future__ import annotations

from decimal import Decimal

import attrs


def share(_instance: object, attribute: attrs.Attribute[Decimal | None], value: object) -> None:
    """A share (andel) is a Decimal from 0 to 1, or None when unknown."""
    if value is None:
        return
    if not isinstance(value, Decimal) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a Decimal share, not {type(value).__name__}")
    if not Decimal(0) <= value <= Decimal(1):
        raise ValueError(f"{attribute.name} must lie between 0 and 1 (100 %), not {value}")
