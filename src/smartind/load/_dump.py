"""Write the report model back as report.toml or JSON, in the value forms the loader reads.

tomllib cannot write, so a small TOML writer lives here: it writes plain values inline, tables as
``[a.b]`` sections and arrays of tables as ``[[a]]``, which is all report.toml needs.
"""

from __future__ import annotations

import enum
import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from smartind.dates import Month
from smartind.load._forms import (
    Array,
    EnumForm,
    Form,
    Optional,
    Record,
    RuleForm,
    Scalar,
    Table,
    fields_of,
)
from smartind.numbers import Amount, Quantity
from smartind.regions import Region
from smartind.rules import FundingRule

__all__ = ["plain_number", "to_json", "to_toml", "unstructure"]


def plain_number(value: Decimal) -> str:
    """A Decimal as Swedish digits: groups of three with spaces, decimal comma, no exponent."""
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    fraction = fraction.rstrip("0")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    number = " ".join(groups) + (f",{fraction}" if fraction else "")
    return "0" if number in ("0", "") else sign + number


def amount_text(amount: Amount) -> str:
    """An amount in the largest unit that holds it exactly with few decimals."""
    kronor = amount.kronor
    if kronor != 0 and kronor % 100000 == 0 and abs(kronor) >= 1000000:
        return f"{plain_number(amount.to('mkr'))} mkr"
    if kronor != 0 and kronor % 1000 == 0:
        return f"{plain_number(amount.to('tkr'))} tkr"
    return f"{plain_number(kronor)} kr"


def _scalar(value: Any, form: Scalar) -> Any:
    match form.kind:
        case "amount":
            if form.unit is not None:
                in_unit: Decimal = value.to(form.unit)
                if in_unit == in_unit.to_integral_value():
                    return int(in_unit)
                return plain_number(in_unit)
            return amount_text(value)
        case "quantity":
            q: Quantity = value
            words = [q.qualifier.value] if q.qualifier is not None else []
            words.append(plain_number(q.value))
            if q.noun:
                words.append(q.noun)
            return " ".join(words)
        case "share":
            return f"{plain_number(value * 100)} %"
        case "hours":
            hours: Decimal = value
            return int(hours) if hours == hours.to_integral_value() else plain_number(hours)
        case "month":
            month: Month = value
            return str(month)
        case "region":
            r: Region = value
            return r.name
        case _:
            return value


def unstructure(value: Any, form: Form) -> Any:
    """``value`` as plain data (dict, list, str, int, bool, date) in report.toml's forms."""
    match form:
        case Optional(inner=inner):
            return None if value is None else unstructure(value, inner)
        case Scalar():
            return _scalar(value, form)
        case EnumForm():
            enum_value: enum.Enum = value
            return enum_value.value
        case Array(item=item):
            return [unstructure(v, item) for v in value]
        case Table(value=value_form):
            return {k: unstructure(v, value_form) for k, v in value.items()}
        case RuleForm():
            rule: FundingRule = value
            return {"kind": type(rule).kind, **unstructure(rule, Record(type(rule)))}
        case Record(cls=cls):
            out = {}
            for f in fields_of(cls):
                item = getattr(value, f.name)
                if not f.required and item == _default(f.attribute):
                    continue
                data = unstructure(item, f.form)
                if data is None:
                    continue
                out[f.name] = data
            return out


def _default(attribute: attrs.Attribute[Any]) -> Any:
    default = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default
        return factory.factory()
    if attribute.converter is not None and default is not None:
        converter: Any = attribute.converter
        return converter(default)
    return default


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # only fuzz tests write floats: the model holds none
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _write_table(table: dict[str, Any], path: list[str], lines: list[str]) -> None:
    for key, value in table.items():
        if not isinstance(value, dict) and not _is_table_array(value):
            lines.append(f"{_key(key)} = {_inline(value)}")
    for key, value in table.items():
        here = [*path, _key(key)]
        if isinstance(value, dict):
            lines.extend(["", f"[{'.'.join(here)}]"])
            _write_table(value, here, lines)
        elif _is_table_array(value):
            for element in value:
                lines.extend(["", f"[[{'.'.join(here)}]]"])
                _write_table(element, here, lines)


def to_toml(data: dict[str, Any]) -> str:
    """Plain data as a TOML document."""
    lines: list[str] = []
    _write_table(data, [], lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(data: dict[str, Any]) -> str:
    """Plain data as indented JSON, dates as ISO strings."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
