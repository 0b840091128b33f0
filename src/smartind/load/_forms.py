"""The value form of every field of the report model, read once from attrs fields and type hints.

The converter, the TOML writer, the JSON Schema export and the test strategies all need the same
answer to "how is this field written in report.toml?"; this module gives it, so the four agree.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import attrs
from attrs import frozen

from smartind.dates import Month
from smartind.numbers import Amount, Quantity
from smartind.regions import Region
from smartind.rules import FundingRule

ScalarKind = Literal[
    "amount", "quantity", "share", "hours", "month", "date", "region", "str", "int", "bool"
]

SHARE_NAMES = frozenset({"share", "positive_share", "minimum_share"})
"""Decimal fields with these names are shares written as per cent (``"50 %"``)."""


@frozen
class Scalar:
    """A single TOML value; ``unit`` is the unit a bare number is read in, for amounts only."""

    kind: ScalarKind
    unit: str | None = None


@frozen
class EnumForm:
    """An enum written as its ``.value`` string."""

    cls: type[enum.Enum]


@frozen
class Record:
    """An attrs class written as a TOML table."""

    cls: type[Any]


@frozen
class RuleForm:
    """A funding rule: a table whose ``kind`` key picks the class."""


@frozen
class Array:
    """A tuple written as a TOML array (or array of tables)."""

    item: Form


@frozen
class Table:
    """A mapping from string keys to values of one form."""

    value: Form


@frozen
class Optional:
    """A field that may be absent (``None``); TOML has no null, so absence is the only way."""

    inner: Form


Form = Scalar | EnumForm | Record | RuleForm | Array | Table | Optional

_SCALARS: dict[object, ScalarKind] = {
    Amount: "amount",
    Quantity: "quantity",
    Month: "month",
    date: "date",
    Region: "region",
    str: "str",
    int: "int",
    bool: "bool",
}


def form_of(tp: object, name: str = "", unit: str | None = None) -> Form:
    """The form of a value of type ``tp`` held by a field called ``name``."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(rest) < len(args):
            return Optional(form_of(rest[0], name, unit))
        raise TypeError(f"unsupported union {tp!r} in field {name!r}")
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return Array(form_of(args[0], name, unit))
    if origin in (dict, Mapping) and len(args) == 2 and args[0] is str:
        return Table(form_of(args[1], name, unit))
    if tp is Decimal:
        return Scalar("hours") if name == "hours" else Scalar("share")
    if tp is Amount:
        return Scalar("amount", unit)
    if tp in _SCALARS:
        return Scalar(_SCALARS[tp])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return EnumForm(tp)
    if tp is FundingRule:
        return RuleForm()
    if isinstance(tp, type) and attrs.has(tp):
        return Record(tp)
    raise TypeError(f"unsupported type {tp!r} in field {name!r}")


@frozen
class FieldForm:
    """One attrs field: its name, form, whether it must be given, and its docstring line."""

    name: str
    form: Form
    required: bool
    attribute: attrs.Attribute[Any]


_FIELDS: dict[type[Any], tuple[FieldForm, ...]] = {}


def fields_of(cls: type[Any]) -> tuple[FieldForm, ...]:
    """The init fields of an attrs class with their forms, in declaration order."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = _read_fields(cls)
    return found


def _read_fields(cls: type[Any]) -> tuple[FieldForm, ...]:
    hints = typing.get_type_hints(cls)
    result = []
    for a in attrs.fields(cls):
        if not a.init:
            continue
        unit = a.metadata.get("unit")
        form = form_of(hints[a.name], a.name, unit)
        required = a.default is attrs.NOTHING
        result.append(FieldForm(a.name, form, required, a))
    return tuple(result)


def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The keys a table for ``cls`` may have."""
    return tuple(f.name for f in fields_of(cls))
